"""Extract: source pages -> templates (.pot) and updated catalogs (.po)."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.catalogs import po as catalog
from pipeline.config import Settings
from pipeline.errors import PipelineError
from pipeline.html.document import read_document
from pipeline.html.extract import extract_document
from pipeline.progress import progress
from pipeline.project import Article
from pipeline.stages import StageReport

SuggestFor = Callable[[str, str], catalog.Suggest | None]


def extract_articles(
    settings: Settings,
    articles: list[Article],
    *,
    suggest_for: SuggestFor | None = None,
    quiet: bool = False,
) -> StageReport:
    """Write each article's template and update its catalogs, msgmerge-style."""
    report = StageReport()
    with progress("extract", len(articles), quiet=quiet) as bar:
        for article in articles:
            try:
                _extract_one(settings, article, suggest_for, report)
            except PipelineError as exc:
                report.errors.append(exc)
            bar.advance(1, article.name)
    return report


def _extract_one(
    settings: Settings, article: Article, suggest_for: SuggestFor | None, report: StageReport
) -> None:
    page = extract_document(read_document(article.path))
    pot = catalog.build_template(page, article.name, article.source_ref(settings))
    report.add("segments", len(pot))
    # Parse every existing catalog before writing anything: a broken one stops
    # this article with nothing written.
    olds = {}
    for lang in article.targets(settings):
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
