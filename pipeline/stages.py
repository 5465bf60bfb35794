"""The stages staff run, over the whole project: extract, build, stats.

Each stage works article by article and saves as it goes, so an interrupted
run keeps everything finished before the interruption and a rerun resumes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline import catalog
from pipeline.config import Settings
from pipeline.errors import PipelineError
from pipeline.html.document import read_document
from pipeline.html.extract import extract_document
from pipeline.html.merge import MergeProblem, merge_document
from pipeline.progress import progress
from pipeline.project import Article
from pipeline.storage import write_atomic

SuggestFor = Callable[[str, str], catalog.Suggest | None]


@dataclass
class StageReport:
    """What a stage did: counts, files written, and per-file errors."""

    written: list[str] = field(default_factory=list)
    errors: list[PipelineError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[tuple[str, MergeProblem]] = field(default_factory=list)

    def add(self, key: str, n: int = 1) -> None:
        """Add to a counter."""
        self.counts[key] = self.counts.get(key, 0) + n


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
        if catalog.save_catalog(po, path):
            report.written.append(str(path))


def alternates_for(settings: Settings, article: Article, current: str) -> dict[str, str]:
    """hreflang links from the ``current`` language's page to every version."""
    langs = (article.lang, *article.targets(settings))
    return {
        lang: (f"{article.name}.html" if lang == current else f"../{lang}/{article.name}.html")
        for lang in langs
    }


def build_articles(
    settings: Settings,
    articles: list[Article],
    langs: tuple[str, ...] | None = None,
    *,
    include_fuzzy: bool = True,
    quiet: bool = False,
) -> StageReport:
    """Merge catalogs into ``build/<lang>/<article>.html`` (and the source page)."""
    report = StageReport()
    jobs = [(a, lang) for a in articles for lang in (a.lang, *a.targets(settings))]
    if langs:
        jobs = [(a, lang) for a, lang in jobs if lang in langs]
    with progress("build", len(jobs), quiet=quiet) as bar:
        for article, lang in jobs:
            try:
                _build_one(settings, article, lang, include_fuzzy, report)
            except PipelineError as exc:
                report.errors.append(exc)
            bar.advance(1, f"{lang}/{article.name}")
    return report


def _build_one(
    settings: Settings, article: Article, lang: str, include_fuzzy: bool, report: StageReport
) -> None:
    translations: dict[str, str] = {}
    if lang != article.lang:
        path = article.catalog(settings, lang)
        if path.exists():
            translations = catalog.translations(
                catalog.load_catalog(path), include_fuzzy=include_fuzzy
            )
    doc = read_document(article.path)
    result = merge_document(
        doc, translations, lang, alternates=alternates_for(settings, article, lang)
    )
    out = article.built(settings, lang)
    if write_atomic(out, result.html):
        report.written.append(str(out))
    if lang != article.lang:
        report.add("segments", result.segments)
        report.add("translated", result.translated)
        report.add("fallbacks", result.fallbacks)
    for problem in result.problems:
        report.problems.append((str(article.catalog(settings, lang)), problem))


def catalog_stats(
    settings: Settings, articles: list[Article], langs: tuple[str, ...] | None = None
) -> list[catalog.CatalogStats]:
    """Completeness of every (article, target language) catalog."""
    rows = []
    for article in articles:
        template: catalog.Catalog | None = (
            None  # a missing catalog counts as its template: all untranslated
        )
        for lang in article.targets(settings):
            if langs and lang not in langs:
                continue
            path = article.catalog(settings, lang)
            if path.exists():
                po = catalog.load_catalog(path)
            else:
                if template is None:
                    page = extract_document(read_document(article.path))
                    template = catalog.build_template(
                        page, article.name, article.source_ref(settings)
                    )
                po = template
            rows.append(catalog.catalog_stats(po, settings.relative(path), article.name, lang))
    return rows
