"""Writing files so that nothing is lost: a temporary file, then a rename.

A crash or Ctrl-C mid-write leaves the old file intact; a write that would
not change a file does not touch it, so timestamps and ``git status`` stay
quiet on a rerun.

Durability is paid once per run, not once per file: a run writes hundreds of
files, and an fsync each made wall time 2.6 times CPU time. Each file is
written to a temporary name and renamed over the old one (atomic: a reader
sees the old file or the new one, never half of one); :func:`sync_written`
then flushes everything at once, and runs by itself when the process exits.
"""

from __future__ import annotations

import atexit
import os
import tempfile
from pathlib import Path

_pending: set[Path] = set()  # folders that received a file since the last sync
_registered = False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` atomically; return False when it was unchanged."""
    path = Path(path)
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain
        # open() would, so a web server can read built pages and reports.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _remember(path.parent)
    return True


def _remember(folder: Path) -> None:
    global _registered
    _pending.add(folder)
    if not _registered:
        atexit.register(sync_written)
        _registered = True


def sync_written(*, everything: bool = False) -> int:
    """Flush the files written since the last call, and their folders, to disk.

    One ``sync`` for the whole run instead of one fsync per file; the folders
    are synced too, so the renames survive a power cut. ``everything`` syncs
    even when this process wrote nothing itself (worker processes did).
    Returns the number of folders that were pending.
    """
    folders = sorted(_pending)
    _pending.clear()
    if not folders and not everything:
        return 0
    if hasattr(os, "sync"):
        os.sync()
        return len(folders)
    for folder in folders:  # pragma: no cover - platforms without sync()
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)
    return len(folders)
