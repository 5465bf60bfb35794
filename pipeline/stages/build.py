"""Build: catalogs merged into translated pages under ``build/<lang>/``."""

from __future__ import annotations

from pathlib import Path

from pipeline.catalogs import po as catalog
from pipeline.config import Settings
from pipeline.errors import PipelineError
from pipeline.html.document import read_document
from pipeline.html.merge import merge_document
from pipeline.html.rules import site_rules
from pipeline.progress import progress
from pipeline.project import Article
from pipeline.stages import StageReport
from pipeline.storage import write_atomic


def alternates_for(settings: Settings, article: Article, current: str) -> dict[str, str]:
    """hreflang links from the ``current`` language's page to every version.

    In a family, a published member is linked at its real URL (absolute when the
    pages use absolute URLs), the languages Tolk builds at the original's built
    page, and ``x-default`` names the original.
    """
    family = article.family
    if family is None:
        langs = (article.lang, *article.targets(settings))
        return {
            lang: (f"{article.name}.html" if lang == current else f"../{lang}/{article.name}.html")
            for lang in langs
        }
    original = family.original
    found: dict[str, str] = {}
    for member in family.members:
        here = member.lang == current
        found[member.lang] = member.url or (
            f"{member.name}.html" if here else f"../{member.lang}/{member.name}.html"
        )
    for lang in Article(original.name, Path(original.path), original.lang, family).targets(
        settings
    ):
        here = lang == current
        found[lang] = f"{original.name}.html" if here else f"../{lang}/{original.name}.html"
    found["x-default"] = found[original.lang]
    return found


def canonical_for(article: Article, lang: str) -> str | None:
    """The canonical URL of ``article`` built in ``lang``: its own page, not the source's.

    ``None`` keeps the source's canonical (the source language's own page).
    """
    return None if lang == article.lang else f"{article.name}.html"


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
    unreviewed = 0
    if lang != article.lang:
        path = article.catalog(settings, lang)
        if path.exists():
            po = catalog.load_catalog(path)
            translations = catalog.translations(po, include_fuzzy=include_fuzzy)
            # Fuzzy entries published as they are: machine or memory work nobody
            # reviewed, counted so the summary cannot pass them off as done.
            unreviewed = len(translations) - len(catalog.translations(po, include_fuzzy=False))
    doc = read_document(article.path)
    result = merge_document(
        doc,
        translations,
        lang,
        alternates=alternates_for(settings, article, lang),
        canonical=canonical_for(article, lang),
        rules=site_rules(settings),
    )
    out = article.built(settings, lang)
    if write_atomic(out, result.html):
        report.written.append(str(out))
    if lang != article.lang:
        report.add("segments", result.segments)
        report.add("translated", result.translated)
        report.add("unreviewed", min(unreviewed, result.translated))
        report.add("fallbacks", result.fallbacks)
    for problem in result.problems:
        report.problems.append((str(article.catalog(settings, lang)), problem))
