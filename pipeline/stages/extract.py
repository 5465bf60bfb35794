"""Extract: source pages -> templates (.pot) and updated catalogs (.po)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.catalogs import po as catalog
from pipeline.config import Settings
from pipeline.errors import PipelineError
from pipeline.manifest import Manifest
from pipeline.progress import progress
from pipeline.project import Article
from pipeline.stages import StageReport
from pipeline.stages.pool import Done, Pool

SuggestFor = Callable[[str, str], catalog.Suggest | None]


def extract_articles(
    settings: Settings,
    articles: list[Article],
    *,
    suggest_for: SuggestFor | None = None,
    quiet: bool = False,
    redo_all: bool = False,
    jobs: int = 1,
) -> StageReport:
    """Write each article's template and update its catalogs, msgmerge-style.

    An article whose page, template and catalogs are as the last extract left
    them (see :mod:`pipeline.manifest`) is skipped without parsing anything:
    extracting it again would give the same files. ``redo_all`` redoes it.
    ``jobs`` articles run at once (:mod:`pipeline.stages.pool`); results are
    merged in article order, so the report and the manifest do not depend on it.
    """
    report = StageReport()
    manifest = Manifest(settings, ignore=redo_all)
    # Hashing is cheap and done here, so only changed articles go to the pool
    # (none: no worker is started, one: it runs in this process).
    todo = [
        a
        for a in articles
        if not manifest.fresh(
            "extract", a.name, manifest.fingerprint("extract", extract_files(settings, a))
        )
    ]
    if len(articles) - len(todo):
        report.add("skipped", len(articles) - len(todo))

    def one(i: int) -> Done:
        article = todo[i]
        part = StageReport()
        try:
            _extract_one(settings, article, suggest_for, part)
        except PipelineError as exc:
            part.errors.append(exc)
            return Done(part, None)
        return Done(part, manifest.fingerprint("extract", extract_files(settings, article)))

    with (
        Pool(one, len(todo), jobs) as pool,
        progress("extract", len(todo), quiet=quiet) as bar,
    ):
        for article, done in zip(todo, pool.results(), strict=True):
            done.merge_into(report, manifest, "extract", article.name)
            bar.advance(1, article.name)
    manifest.save()
    return report


def extract_files(settings: Settings, article: Article) -> list[Path]:
    """Every file one article's extract reads or writes."""
    return [
        article.path,
        article.template(settings),
        *(article.catalog(settings, lang) for lang in article.targets(settings)),
    ]


def _extract_one(
    settings: Settings, article: Article, suggest_for: SuggestFor | None, report: StageReport
) -> None:
    # The parser loads only when a page changed: an unchanged rerun never needs it.
    from pipeline.html.document import read_document
    from pipeline.html.extract import extract_document
    from pipeline.html.rules import site_rules

    page = extract_document(read_document(article.path), rules=site_rules(settings))
    pot = catalog.build_template(page, article.name, article.source_ref(settings))
    report.add("segments", len(pot))
    # Parse every existing catalog before writing anything: a broken one stops
    # this article with nothing written.
    olds = {}
    # A published language gets a catalog too: the aligned translation fills it.
    for lang in (*article.targets(settings), *article.published(settings)):
        path = article.catalog(settings, lang)
        olds[lang] = catalog.load_catalog(path) if path.exists() else None
    if catalog.save_catalog(pot, article.template(settings), template=True):
        report.written.append(str(article.template(settings)))
    for lang, old in olds.items():
        suggest = suggest_for(article.lang, lang) if suggest_for else None
        po, stats = catalog.update_catalog(old, pot, article.name, lang, article.lang, suggest)
        report.add("kept", stats.kept)
        report.add("fuzzy", stats.fuzzied)
        report.add("memory", stats.from_memory)
        report.add("new", stats.new)
        report.add("empty", stats.empty)
        report.add("obsolete", stats.obsoleted)
        path = article.catalog(settings, lang)
        if catalog.save_catalog(po, path, on_merge=report.notes.append):
            report.written.append(str(path))
