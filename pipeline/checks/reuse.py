"""Per-file reuse for ``tolk check``: judge again only the files whose inputs changed.

A file's findings are a function of its bytes and of what the run knows
beyond it: Tolk's version, the settings and options, the judge's
configuration (memory, glossary, vetoes), the memory repairs come from, the
aligned evidence, the site rules, and what the site's pages taught the judge
about the site's own names. :class:`FileCache` keeps, by file, what it
contributed to that site-wide learning (so the learning pass parses only new
or changed files) and the findings it got under a key of all of the above
(so only files whose key is new are judged). The site-wide part of the key
is a digest of what was learned as seen from the file's own texts
(:meth:`pipeline.language_id.evidence.SiteEvidence.digest_for`), not of the
other pages: one changed page that teaches nothing new site-wide leaves
every other page's key as it was.

The cache is one file in ``build/.tolk-memo/``, written atomically and
holding only the entries of the last run; an unreadable or stale one is
ignored, which costs one full run. It is Tolk's own file in the project's
build folder, read back with :mod:`pickle` (the findings are the same
objects a process pool already pickles).
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.catalogs.po import ui_catalog_path
from pipeline.checks.base import Finding
from pipeline.checks.inputs import CheckedFile
from pipeline.config import Settings
from pipeline.language_id.evidence import SiteEvidence
from pipeline.languages import LANGUAGES
from pipeline.manifest import code_version, files_hash, settings_hash
from pipeline.storage import write_atomic

if TYPE_CHECKING:
    from pipeline.memory.model import TranslationMemory

FORMAT = 2

Learned = tuple[tuple[str, ...], SiteEvidence | None]
"""One file's texts the language check judges, and what the site learns from
them (None when the language check does not learn)."""


@dataclass(frozen=True)
class Judged:
    """One file's result: the file (without its items), findings, copy key, segments."""

    file: CheckedFile
    findings: tuple[Finding, ...]
    copy: bytes
    segments: int


_Stored = tuple[CheckedFile, list[tuple[object, ...]], bytes, int]
"""A :class:`Judged` as kept: its findings as rows of their fields."""


class FileCache:
    """Per-file learning contributions and findings of the last check, by key.

    ``base`` digests everything global but the site evidence (see the module);
    a cache written under another base is ignored whole. ``ignore`` (``--all``)
    reads nothing but still writes this run's entries.
    """

    def __init__(self, path: Path, base: str, *, ignore: bool = False) -> None:
        self.path = path
        self.base = base
        self._old_learned: dict[str, Learned] = {}
        self._old_judged: dict[str, _Stored] = {}
        self.learned: dict[str, Learned] = {}
        self.judged: dict[str, _Stored] = {}
        self.reused = 0
        if ignore:
            return
        try:
            data = pickle.loads(path.read_bytes())  # our own file in build/
            if data["format"] == FORMAT and data["base"] == base:
                self._old_learned = data["learned"]
                self._old_judged = data["judged"]
        except Exception:  # any damage: judge afresh
            self._old_learned, self._old_judged = {}, {}

    @staticmethod
    def file_key(path: str, digest: str) -> str:
        """The key of a file's learning contribution: its name and content hash."""
        return f"{path}\0{digest}"

    def judge_key(self, file_key: str, site: str) -> str:
        """The key of a file's findings: the file, the global base and its site digest."""
        blob = f"{self.base}\0{file_key}\0{site}".encode("utf-8", "surrogatepass")
        return hashlib.blake2b(blob, digest_size=16).hexdigest()

    def get_learned(self, key: str) -> Learned | None:
        """What the file with this key contributed last time, kept for this run."""
        found = self._old_learned.get(key)
        if found is not None:
            self.learned[key] = found
        return found

    def put_learned(self, key: str, learned: Learned) -> None:
        """Remember a file's contribution to the site-wide learning."""
        self.learned[key] = learned

    def get_judged(self, key: str) -> Judged | None:
        """The findings stored under this key, kept for this run."""
        stored = self._old_judged.get(key)
        if stored is None:
            return None
        file, rows, copy, segments = stored
        findings = tuple(Finding(*row) for row in rows)  # type: ignore[arg-type]
        self.judged[key] = stored  # written back as it was read
        self.reused += 1
        return Judged(file, findings, copy, segments)

    def put_judged(self, key: str, judged: Judged) -> None:
        """Remember a file's findings under its key (as rows of their fields:
        a third of the time to pickle)."""
        rows = [_row(f) for f in judged.findings]
        self.judged[key] = (judged.file, rows, judged.copy, judged.segments)

    def save(self) -> None:
        """Write this run's entries (only them: the cache does not grow); a cache,
        so a failed write is ignored."""
        data = {
            "format": FORMAT,
            "base": self.base,
            "learned": self.learned,
            "judged": self.judged,
        }
        with contextlib.suppress(OSError):
            write_atomic(self.path, pickle.dumps(data, protocol=4))


_FIELDS = tuple(f.name for f in fields(Finding))


def _row(finding: Finding) -> tuple[object, ...]:
    return tuple(getattr(finding, name) for name in _FIELDS)


def run_digest(
    settings: Settings,
    *,
    options: object,
    memory: TranslationMemory | None,
    aligned: Mapping[tuple[str, str], object] | None,
    glossary: Iterable[str],
) -> str:
    """A digest of what is global to a check run but the judge and the site evidence.

    Tolk's version, the settings (site rules among them), the working folder
    files are named from, the options files are judged with, the memory and
    page furniture (``ui.po``) repairs come from, the aligned evidence and the
    glossary. The runner adds the judge's own configuration digest.
    """
    units = hashlib.blake2b(digest_size=16)
    for unit in sorted(map(repr, memory.units() if memory is not None else ())):
        units.update(unit.encode("utf-8", "surrogatepass") + b"\0")
    furniture = files_hash(ui_catalog_path(settings.locales, lang) for lang in sorted(LANGUAGES))
    blob = repr(
        (
            code_version(),
            settings_hash(settings),
            str(Path.cwd()),
            options,
            units.hexdigest(),
            furniture,
            sorted(aligned.items(), key=repr) if aligned else (),
            tuple(glossary),
        )
    )
    return hashlib.blake2b(blob.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
