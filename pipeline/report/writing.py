"""Writing the report: the pages, assets and ``data.json``, touching only files it owns."""

from __future__ import annotations

import contextlib
import hashlib
import json
import pickle
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from pipeline.catalogs.po import CatalogStats
from pipeline.checks.base import SEVERITIES, Finding
from pipeline.config import Settings
from pipeline.fixes.changes import Change
from pipeline.progress import progress
from pipeline.project import Article, report_dir
from pipeline.report.data import Findings, ReportResult, _Locator, ui_stats
from pipeline.report.html import (
    ASSET_FILES,
    ASSETS,
    GENERATOR,
    _ArticleBuilder,
    _ArticleData,
    _Cell,
    _overview,
)
from pipeline.storage import write_atomic


# -- the whole report ------------------------------------------------------------------
def build_report(
    settings: Settings,
    articles: Sequence[Article],
    findings: Findings,
    *,
    changes: Iterable[Change] = (),
    out: Path | None = None,
    now: datetime | None = None,
    quiet: bool = True,
    redo_all: bool = False,
) -> ReportResult:
    """Write the report for ``articles`` to ``out`` (default ``build/report/``).

    Progress (unless ``quiet``) counts the article pages written. An article's
    page is rendered again only when something it shows changed (see
    :class:`_Rendered`); ``redo_all`` renders every page.
    """
    folder = out or report_dir(settings)
    result = ReportResult(folder)
    now = now or datetime.now(UTC)
    locator = _Locator(settings, articles)
    data = {a.name: _ArticleData(a) for a in articles}
    unassigned: list[Finding] = []
    for item in findings.items:
        f = Finding.from_json(item)
        result.findings += 1
        hit = locator.locate(f.file)
        if hit is None:
            unassigned.append(f)
            continue
        article, lang, is_source = hit
        if lang == article.lang and not is_source:
            result.copies += 1  # build/<source lang>/ copies the source: shown there
            continue
        data[article.name].findings.setdefault(lang, []).append(f)
    change_list = list(changes)
    for change in change_list:
        hit = locator.locate(change.file)
        if hit is not None:
            data[hit[0].name].changes.setdefault(hit[1], []).append(change)

    pages_dir = folder / "articles"
    cells: list[_Cell] = []
    wanted: set[Path] = set()
    rendered = _Rendered(settings, ignore=redo_all)
    with progress("report", len(articles), quiet=quiet) as bar:
        for article in articles:
            path = pages_dir / f"{article.name}.html"
            key = rendered.key(data[article.name])
            page = rendered.get(key, path)
            if page is None:
                builder = _ArticleBuilder(settings, data[article.name])
                page = (builder.render(), builder.cells, builder.placed)
                result.errors.extend(builder.errors)
                if not builder.errors:
                    rendered.put(key, page)
            text, made, placed = page
            _write(result, path, text)
            wanted.add(path)
            cells.extend(made)
            result.placed += placed
            bar.advance(1, article.name)
    rendered.save()
    if pages_dir.is_dir():
        for stale in pages_dir.glob("*.html"):
            if stale not in wanted and _generated(stale):
                stale.unlink()
    result.unassigned = len(unassigned)
    result.unreviewed = sum(c.unreviewed for c in cells)
    ui = ui_stats(settings, result.errors)
    index = _overview(settings, cells, articles, findings, unassigned, len(change_list), now, ui)
    _write(result, folder / "index.html", index)
    _write_data(result, folder, cells, findings, now, ui)
    for name in ASSET_FILES:
        if write_atomic(folder / "assets" / name, (ASSETS / name).read_text(encoding="utf-8")):
            result.written += 1
    return result


_Page = tuple[str, list[_Cell], int]
"""An article's rendered page, its matrix cells and how many findings it placed."""
_Stored = tuple[str, list[_Cell], int]
"""What is kept of a page: its text's digest (the text is the page on disk), cells, placed."""


class _Rendered:
    """Article pages of the last report, by a key of everything a page shows.

    A page shows its article (source page, catalogs and built page in every
    language, its family), the findings and changes located in it, and the
    settings; the key hashes those files' contents, the findings and changes
    themselves, Tolk's version and the settings, so one changed page renders
    one article again. Kept in ``build/.tolk-memo/report-pages.pickle``
    (atomic, only the last report's pages) with a digest of each page's text:
    the text is read back from the page written last time, and a page that
    was edited or deleted is rendered again. An unreadable cache renders all.
    """

    def __init__(self, settings: Settings, *, ignore: bool = False) -> None:
        from pipeline.manifest import code_version, settings_hash

        self.settings = settings
        self.path = settings.build / ".tolk-memo" / "report-pages.pickle"
        self.base = f"{code_version()}|{settings_hash(settings)}|{Path.cwd()}"
        self._old: dict[str, _Stored] = {}
        self._new: dict[str, _Stored] = {}
        if ignore:
            return
        try:
            data = pickle.loads(self.path.read_bytes())  # our own file in build/
            if data["format"] == _FORMAT and data["base"] == self.base:
                self._old = data["pages"]
        except Exception:  # any damage: render afresh
            self._old = {}

    def key(self, data: _ArticleData) -> str:
        """The key of an article's page: what it reads and shows, as they are now."""
        from pipeline.languages import LANGUAGES
        from pipeline.manifest import files_hash

        a, s = data.article, self.settings
        files = [a.path]
        for lang in LANGUAGES:
            files += [a.catalog(s, lang), a.built(s, lang)]
        shown = repr(
            (
                repr(a),
                sorted((k, repr(v)) for k, v in data.findings.items()),
                sorted((k, repr(v)) for k, v in data.changes.items()),
            )
        )
        blob = f"{self.base}|{shown}|{files_hash(files)}".encode("utf-8", "surrogatepass")
        return hashlib.blake2b(blob, digest_size=16).hexdigest()

    def get(self, key: str, path: Path) -> _Page | None:
        """The page stored under ``key``, read back from ``path`` where the last
        report wrote it (None when it is gone or was edited), kept for this report."""
        stored = self._old.get(key)
        if stored is None:
            return None
        digest, cells, placed = stored
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if hashlib.blake2b(data, digest_size=16).hexdigest() != digest:
            return None
        self._new[key] = stored
        return data.decode("utf-8"), cells, placed

    def put(self, key: str, page: _Page) -> None:
        """Remember a page rendered afresh (its digest: the page is on disk)."""
        text, cells, placed = page
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        self._new[key] = (digest, cells, placed)

    def save(self) -> None:
        """Write this report's pages; a cache, so a failed write is ignored."""
        data = {"format": _FORMAT, "base": self.base, "pages": self._new}
        with contextlib.suppress(OSError):
            write_atomic(self.path, pickle.dumps(data, protocol=4))


_FORMAT = 2


def _generated(path: Path) -> bool:
    """True when ``path`` is a page this report wrote (its head names :data:`GENERATOR`)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(2048).decode("utf-8", errors="replace")
    except OSError:
        return False
    return f'<meta name="generator" content="{GENERATOR} ' in head.partition("</head>")[0]


def _write(result: ReportResult, path: Path, text: str) -> None:
    size = len(text.encode("utf-8"))
    result.largest_page = max(result.largest_page, size)
    if path.suffix == ".html":
        result.pages.append(path)
    if write_atomic(path, text):
        result.written += 1


def _write_data(
    result: ReportResult,
    folder: Path,
    cells: Sequence[_Cell],
    findings: Findings,
    now: datetime,
    ui: Sequence[CatalogStats] = (),
) -> None:
    """``data.json``: the matrix as data, for scripts and tests."""
    payload = {
        "generated": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "findings_origin": findings.origin,
        "findings_available": findings.available,
        "cells": [
            {
                "article": c.article,
                "lang": c.lang,
                "role": c.role,
                "translated_words": c.stats.translated_words if c.stats else None,
                "fuzzy_words": c.stats.fuzzy_words if c.stats else None,
                "untranslated_words": c.stats.untranslated_words if c.stats else None,
                "unreviewed_segments": c.unreviewed if c.role == "target" else None,
                "findings": {s: c.counts.get(s, 0) for s in SEVERITIES},
            }
            for c in cells
        ],
        "ui_catalogs": [
            {
                "lang": st.lang,
                "path": st.path,
                "translated": st.translated,
                "fuzzy": st.fuzzy,
                "untranslated": st.untranslated,
                "translated_words": st.translated_words,
                "fuzzy_words": st.fuzzy_words,
                "untranslated_words": st.untranslated_words,
            }
            for st in ui
        ],
    }
    _write(result, folder / "data.json", json.dumps(payload, indent=1, ensure_ascii=False) + "\n")
