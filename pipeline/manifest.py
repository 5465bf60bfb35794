"""What each stage last did, so a rerun redoes only what changed.

A unit of work (one article in extract, one catalog in translate, one page in
build) is recorded with a fingerprint: Tolk's version, the settings, the
stage's own options and the content hash of every file the unit read or wrote,
taken after it ran. On the next run the unit is skipped when the same
fingerprint comes out of the files as they are now. Any change to a page, a
catalog (by a translator or another stage), an output (edited or deleted), the
settings or Tolk itself gives another fingerprint, and the unit is redone;
nothing is trusted that was not hashed. ``--all`` ignores the manifest.

The manifest lives in ``build/.tolk-manifest.json``: deleting ``build/``
forgets it, which only costs one full run.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from pipeline import __version__
from pipeline.config import Settings
from pipeline.storage import write_atomic

MANIFEST_NAME = ".tolk-manifest.json"
FORMAT = 1


def file_hash(path: Path) -> str:
    """Content hash of a file, ``-`` when it does not exist, ``!`` when it is no
    regular file or cannot be read (a FIFO is never opened: it would wait)."""
    try:
        # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return "-"
    except OSError:
        return "!"  # a symlink loop, no permission: the stage says what is wrong
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return "!"
        with open(fd, "rb", closefd=False) as handle:
            return hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
    except OSError:
        return "!"
    finally:
        os.close(fd)


def code_version() -> str:
    """Tolk's version and a digest of its own source files.

    Every stored result (manifest, memos, per-file findings, verdicts) is keyed
    by it: the version alone would let a development checkout, or a patched
    install, serve results its older code made.
    """
    return f"{__version__}+{_source_digest()}"


@functools.cache
def _source_digest() -> str:
    """A digest of the package's ~100 source files: a few milliseconds, once per process."""
    digest = hashlib.blake2b(digest_size=8)
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def settings_hash(settings: Settings) -> str:
    """Hash of every setting (paths as text), so a changed setting redoes all."""
    values = {k: str(v) for k, v in sorted(asdict(settings).items())}
    return hashlib.blake2b(json.dumps(values).encode(), digest_size=16).hexdigest()


class Manifest:
    """The fingerprints of one project's last runs, read once and saved once."""

    def __init__(self, settings: Settings, *, ignore: bool = False) -> None:
        self.path = settings.build / MANIFEST_NAME
        self.ignore = ignore
        self._base = f"{code_version()}|{settings_hash(settings)}"
        self._entries: dict[str, str] = {}
        self._extra: dict[str, dict[str, str]] = {}
        self._dirty = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT:
                self._entries = dict(data.get("units", {}))
                self._extra = {k: dict(v) for k, v in data.get("extra", {}).items()}
        except (OSError, ValueError, AttributeError):
            pass  # no manifest, or an unreadable one: everything is redone

    def fingerprint(self, stage: str, files: Iterable[Path], options: str = "") -> str:
        """The fingerprint of a unit from the files as they are now."""
        digest = hashlib.blake2b(digest_size=16)
        digest.update(f"{self._base}|{stage}|{options}".encode())
        for path in files:
            digest.update(f"|{os.fspath(path)}={file_hash(path)}".encode())
        return digest.hexdigest()

    def fresh(self, stage: str, unit: str, fingerprint: str) -> bool:
        """True when ``unit`` was done with this fingerprint (and ``--all`` is off)."""
        return not self.ignore and self._entries.get(f"{stage}:{unit}") == fingerprint

    def record(self, stage: str, unit: str, fingerprint: str) -> None:
        """Remember that ``unit`` is done, with the fingerprint taken after it ran."""
        key = f"{stage}:{unit}"
        if self._entries.get(key) != fingerprint:
            self._entries[key] = fingerprint
            self._dirty = True

    def forget(self, stage: str, unit: str) -> None:
        """Drop a unit (it failed): the next run redoes it."""
        if self._entries.pop(f"{stage}:{unit}", None) is not None:
            self._dirty = True

    def extra(self, table: str) -> dict[str, str]:
        """A small named table a stage keeps beside its fingerprints (mutable)."""
        self._dirty = True
        return self._extra.setdefault(table, {})

    def save(self) -> None:
        """Write the manifest when something changed."""
        if not self._dirty:
            return
        data = {"format": FORMAT, "units": self._entries, "extra": self._extra}
        write_atomic(self.path, json.dumps(data, indent=0, sort_keys=True) + "\n")
        self._dirty = False


def files_hash(files: Iterable[Path]) -> str:
    """One hash of many files: each one's path and content, in the order given."""
    digest = hashlib.blake2b(digest_size=16)
    for path in files:
        digest.update(f"|{path.as_posix()}={file_hash(path)}".encode())
    return digest.hexdigest()


def project_files(settings: Settings) -> list[Path]:
    """Every file of the sources and ``locales/`` (hidden ones aside: the lock), sorted.

    What a whole-project result can depend on besides its own inputs: the
    pages families are aligned from, the catalogs and store the memory is
    built from, ``ui.po``, the glossary and its vetoes.
    """
    found = [
        path
        for folder in (settings.sources, settings.locales)
        if folder.is_dir()
        for path in folder.rglob("*")
        if not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and path.is_file()
    ]
    if settings.config_path is not None:
        found.append(Path(settings.config_path))
    return sorted(found)


class Memo:
    """A whole run's result, kept beside the manifest, reused while its key holds.

    For work whose every part depends on every input (``tolk check`` learns the
    site's own names from all pages, and repairs come from the whole memory),
    so that no smaller unit can be skipped exactly. The key hashes Tolk's
    version, the settings, the options and every file the run reads (see
    :func:`project_files`); one result per kind is kept. ``ignore`` (``--all``)
    computes afresh, and the result is stored again.
    """

    def __init__(self, settings: Settings, kind: str, *, ignore: bool = False) -> None:
        self.path = settings.build / ".tolk-memo" / f"{kind}.json"
        self.ignore = ignore
        self._base = f"{code_version()}|{settings_hash(settings)}|{kind}"

    def key(self, options: str, files: Iterable[Path]) -> str:
        """The key of a run with these options over these files, as they are now."""
        return hashlib.blake2b(
            f"{self._base}|{options}|{files_hash(files)}".encode(), digest_size=16
        ).hexdigest()

    def get(self, key: str) -> object | None:
        """The result stored under ``key``, or None."""
        if self.ignore:
            return None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        return data.get("result")

    def put(self, key: str, result: object) -> None:
        """Store ``result`` (JSON data) under ``key``; a cache, so a failed write is ignored."""
        text = json.dumps({"key": key, "result": result}, ensure_ascii=False)
        with contextlib.suppress(OSError):
            write_atomic(self.path, text + "\n")
