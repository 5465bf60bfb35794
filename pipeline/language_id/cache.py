"""On-disk cache of the leftover judge's verdicts, so a second ``tolk check`` is cheap.

The judge spends most of a check's time (Lingua's confidences, the blanking
rules, the mixed-sentence spans), and a site's pages change little between
two checks. One SQLite file beside the translation cache
(:func:`pipeline.engines.cache.default_cache_dir`, ``TOLK_CACHE_DIR``), keyed
by a digest of everything a verdict depends on (see
:meth:`pipeline.language_id.evidence.EvidenceJudge.cache_key`), so a changed
glossary, memory, parameter or judge version misses instead of serving a
stale verdict. SQLite for the same reasons as the translation cache: every
write is a transaction, and two runs at once do not corrupt it.

A cache must never break a check: a file SQLite cannot open or read turns the
cache off for the run, and the judge judges everything afresh.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

from pipeline.engines.cache import default_cache_dir
from pipeline.language_id.verdicts import Span, Verdict

FILENAME = "verdicts.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS verdict (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID
"""


def encode(verdict: Verdict) -> str:
    """A verdict without its text and language (the key holds both), as JSON."""
    spans = [[s.start, s.end, s.lang, s.confidence] for s in verdict.spans]
    return json.dumps([verdict.found, verdict.confidence, verdict.foreign, verdict.reason, spans])


def decode(value: str, text: str, expected: str) -> Verdict:
    """The verdict :func:`encode` stored, for ``text`` on an ``expected`` page.

    >>> v = Verdict("Geschreven door", "fr", "nl", 0.9, True, "foreign", (Span(0, 15, "nl", 0.9),))
    >>> decode(encode(v), v.text, v.expected) == v
    True
    """
    found, confidence, foreign, reason, spans = json.loads(value)
    return Verdict(
        text,
        expected,
        found,
        confidence,
        foreign,
        reason,
        tuple(Span(int(a), int(b), str(lang), float(c)) for a, b, lang, c in spans),
    )


class VerdictCache:
    """Verdicts already reached, by key (``path``: a directory or a ``.sqlite3`` file).

    Nothing touches the disk until the first lookup. ``hits`` and ``misses``
    count lookups, so a caller (or a test) can see what was judged afresh.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        where = Path(path) if path is not None else default_cache_dir()
        self.path = where if where.suffix in {".sqlite3", ".db"} else where / FILENAME
        self._conn: sqlite3.Connection | None = None
        self.broken = False
        self.hits = 0
        self.misses = 0

    def _connect(self) -> sqlite3.Connection | None:
        if self._conn is None and not self.broken:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=30)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute(_SCHEMA)
                conn.commit()
                self._conn = conn
            except (OSError, sqlite3.Error):
                self.broken = True
        return self._conn

    def get_many(self, keys: Iterable[str]) -> dict[str, str]:
        """The stored values of those ``keys`` that have one."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, str] = {}
        conn = self._connect() if wanted else None
        if conn is not None:
            try:
                step = 500  # stay below SQLite's limit on bound parameters
                for i in range(0, len(wanted), step):
                    chunk = wanted[i : i + step]
                    marks = ",".join("?" * len(chunk))
                    rows = conn.execute(
                        f"SELECT key, value FROM verdict WHERE key IN ({marks})", chunk
                    )
                    found.update(rows)
            except sqlite3.Error:
                self.broken, found = True, {}
        self.hits += len(found)
        self.misses += len(wanted) - len(found)
        return found

    def put_many(self, values: Mapping[str, str]) -> None:
        """Store values in one transaction: all of them or, after a crash, none."""
        conn = self._connect() if values else None
        if conn is None:
            return
        try:
            with conn:
                conn.executemany("INSERT OR REPLACE INTO verdict VALUES (?, ?)", values.items())
        except sqlite3.Error:
            self.broken = True

    def close(self) -> None:
        """Close the database file; the cache reopens it on next use."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __repr__(self) -> str:
        return f"VerdictCache({str(self.path)!r})"
