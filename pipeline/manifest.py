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

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from pipeline import __version__
from pipeline.config import Settings
from pipeline.storage import write_atomic

MANIFEST_NAME = ".tolk-manifest.json"
FORMAT = 1


def file_hash(path: Path) -> str:
    """Content hash of a file, or ``-`` when it does not exist."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except FileNotFoundError:
        return "-"


def settings_hash(settings: Settings) -> str:
    """Hash of every setting (paths as text), so a changed setting redoes all."""
    values = {k: str(v) for k, v in sorted(asdict(settings).items())}
    return hashlib.blake2b(json.dumps(values).encode(), digest_size=16).hexdigest()


class Manifest:
    """The fingerprints of one project's last runs, read once and saved once."""

    def __init__(self, settings: Settings, *, ignore: bool = False) -> None:
        self.path = settings.build / MANIFEST_NAME
        self.ignore = ignore
        self._base = f"{__version__}|{settings_hash(settings)}"
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
            digest.update(f"|{path.as_posix()}={file_hash(path)}".encode())
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
