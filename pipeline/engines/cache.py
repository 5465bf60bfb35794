"""On-disk cache of machine translations, so a rerun costs nothing.

One SQLite file, keyed by (engine, model, source language, target language,
text). SQLite because every write is a transaction: a run killed half-way
leaves a valid cache holding every batch it finished, and two runs at once
do not corrupt it. The model key carries the package version, so installing
a newer model misses the cache instead of serving the old model's output.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

FILENAME = "translations.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translation (
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    src TEXT NOT NULL,
    tgt TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (engine, model, src, tgt, source)
) WITHOUT ROWID
"""


def default_cache_dir() -> Path:
    """``$TOLK_CACHE_DIR``, else ``$XDG_CACHE_HOME/tolk``, else ``~/.cache/tolk``."""
    if os.environ.get("TOLK_CACHE_DIR"):
        return Path(os.environ["TOLK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "tolk"


class TranslationCache:
    """Translations already made, by engine, model version, languages and text.

    ``path`` is a directory (the file inside it is ``translations.sqlite3``) or
    a file ending in ``.sqlite3``/``.db``; by default :func:`default_cache_dir`,
    read when the cache is created. Nothing touches the disk until the first
    lookup, so an engine that translates nothing leaves no file behind.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        where = Path(path) if path is not None else default_cache_dir()
        self.path = where if where.suffix in {".sqlite3", ".db"} else where / FILENAME
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(_SCHEMA)
            conn.commit()
            self._conn = conn
        return self._conn

    def get_many(
        self, engine: str, model: str, src: str, tgt: str, texts: Iterable[str]
    ) -> dict[str, str]:
        """The cached translations of those ``texts`` that have one."""
        wanted = list(dict.fromkeys(texts))
        found: dict[str, str] = {}
        if not wanted:
            return found
        with self._lock:
            conn = self._connect()
            step = 500  # stay below SQLite's limit on bound parameters
            for i in range(0, len(wanted), step):
                chunk = wanted[i : i + step]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    "SELECT source, target FROM translation WHERE engine=? AND model=? "
                    f"AND src=? AND tgt=? AND source IN ({marks})",
                    (engine, model, src, tgt, *chunk),
                )
                found.update(rows)
        return found

    def put_many(
        self, engine: str, model: str, src: str, tgt: str, pairs: Mapping[str, str]
    ) -> None:
        """Store translations in one transaction: all of them or, after a crash, none."""
        if not pairs:
            return
        with self._lock:
            conn = self._connect()
            with conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO translation VALUES (?, ?, ?, ?, ?, ?)",
                    [(engine, model, src, tgt, s, t) for s, t in pairs.items()],
                )

    def __len__(self) -> int:
        with self._lock:
            row = self._connect().execute("SELECT count(*) FROM translation").fetchone()
        return int(row[0])

    def close(self) -> None:
        """Close the database file; the cache reopens it on next use."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __repr__(self) -> str:
        return f"TranslationCache({str(self.path)!r})"
