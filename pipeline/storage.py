"""Writing files so that nothing is lost: a temporary file, then a rename.

A crash or Ctrl-C mid-write leaves the old file intact; a write that would
not change a file does not touch it, so timestamps and ``git status`` stay
quiet on a rerun.

Durability is paid once per run, not once per file: a run writes hundreds of
files, and an fsync each made wall time 2.6 times CPU time. Each file is
written to a temporary name and renamed over the old one (atomic: a reader
sees the old file or the new one, never half of one); :func:`sync_written`
then flushes everything at once, and runs by itself when the process exits.
A run that is killed mid-write leaves its temporary, which the next run
removes; and one project lock keeps two writing runs apart.
"""

from __future__ import annotations

import atexit
import fcntl
import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import PipelineError

_pending: set[Path] = set()  # folders that received a file since the last sync
_registered = False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str | bytes) -> bool:
    """Write ``text`` (or bytes) to ``path`` atomically; return False when it was unchanged."""
    path = Path(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
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


# -- stale temporaries ----------------------------------------------------------
# mkstemp(prefix=".<name>.", suffix=".tmp") adds eight random characters.
_TEMPORARY = re.compile(r"\A\..+\.[A-Za-z0-9_]{8}\.tmp\Z", re.S)


def is_temporary(path: Path) -> bool:
    """True for a temporary :func:`write_atomic` makes (``.<name>.<random>.tmp``).

    >>> is_temporary(Path(".ui.po.k2j_x9ab.tmp")), is_temporary(Path("notes.tmp"))
    (True, False)
    """
    return bool(_TEMPORARY.match(path.name))


def remove_stale_temporaries(folder: Path, *, older_than: float = 0.0) -> list[Path]:
    """Delete the temporaries a killed run left under ``folder``; return them.

    Called under the project lock, when no other Tolk run can be writing, so
    every such file is stale; ``older_than`` (seconds) spares younger ones
    for callers that hold no lock.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    now = time.time()
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".git")]
        for name in files:
            path = Path(root) / name
            if not is_temporary(path):
                continue
            try:
                if now - path.lstat().st_mtime >= older_than and path.is_file():
                    path.unlink()
                    removed.append(path)
            except OSError:
                continue
    return removed


# -- one writing run per project --------------------------------------------------
class LockBusy(PipelineError):
    """Another Tolk run holds the project lock."""


@contextmanager
def project_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path`` while the block runs, or raise :class:`LockBusy`.

    Two runs that both load catalogs and write them back would interleave
    their writes and one would lose the other's update; the second run stops
    at once instead. The kernel releases the lock when the process ends, so a
    killed run never leaves it held; the file itself stays (deleting it would
    race with a run that just opened it) and holds the holder's pid.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise LockBusy(
                f"another tolk run holds the lock (pid {holder}): wait for it or remove "
                f"{path} if it is stale"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # closing the last descriptor releases the flock
