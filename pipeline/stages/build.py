"""Build: catalogs merged into translated pages under ``build/<lang>/``."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from pipeline.catalogs import po as catalog
from pipeline.config import Settings
from pipeline.errors import PipelineError
from pipeline.families import slug_of
from pipeline.manifest import Manifest
from pipeline.progress import progress
from pipeline.project import Article
from pipeline.stages import StageReport
from pipeline.stages.pool import Done, Pool
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


def canonical_for(article: Article, lang: str, settings: Settings | None = None) -> str | None:
    """The canonical URL of ``article`` built in ``lang``: its own page, not the source's.

    ``None`` keeps the source's canonical (the source language's own page). The
    ``link_patterns`` setting, when it has ``lang``, gives the public address.
    """
    if lang == article.lang:
        return None
    pattern = dict(settings.link_patterns).get(lang) if settings is not None else None
    return pattern.format(slug=article.name) if pattern else f"{article.name}.html"


def sibling_links(
    settings: Settings, articles: Sequence[Article], lang: str
) -> Callable[[str], str | None]:
    """Where a ``lang`` page's link to a sibling article should point, or None to keep it.

    A link names an article by its last path segment (``/nl/alfa-ketoglutaarzuur.html``).
    Its ``lang`` version is the family member published in ``lang``, else the
    page Tolk builds in ``lang`` (the original's), else there is none and the
    link stays. The address is that of ``link_patterns`` for ``lang``, else the
    member's known URL, else the built page beside this one.
    """
    by_name = {a.name: a for a in articles}
    pattern = dict(settings.link_patterns).get(lang)

    def target(href: str) -> str | None:
        if href.startswith(("#", "mailto:", "tel:")):
            return None
        article = by_name.get(slug_of(href))
        if article is None or (article.lang == lang and article.family is None):
            return None
        family = article.family
        url = None
        if family is not None and family.member(lang) is not None:
            member = family.member(lang)
            assert member is not None
            name, url = member.name, member.url
        elif family is not None and lang in by_name[family.original.name].targets(settings):
            name = family.original.name
        elif family is None and lang in article.targets(settings):
            name = article.name
        else:
            return None
        if name == article.name and article.lang == lang:
            return None  # already this language's page
        if pattern:
            return pattern.format(slug=name)
        return url or f"{name}.html"

    return target


def build_articles(
    settings: Settings,
    articles: list[Article],
    langs: tuple[str, ...] | None = None,
    *,
    include_fuzzy: bool = True,
    quiet: bool = False,
    redo_all: bool = False,
    jobs: int = 1,
    only: Collection[str] | None = None,
) -> StageReport:
    """Merge catalogs into ``build/<lang>/<article>.html`` (and the source page).

    A page whose source, catalog and built file are as the last build left
    them, with the same options, is skipped (see :mod:`pipeline.manifest`);
    ``redo_all`` builds every page again. ``jobs`` pages are built at once,
    merged in page order (see :mod:`pipeline.stages.pool`). ``only`` names the
    articles to build (a shard); links still resolve among all of ``articles``.
    """
    report = StageReport()
    manifest = Manifest(settings, ignore=redo_all)
    options = f"fuzzy={include_fuzzy}"
    pages = [(a, lang) for a in articles for lang in (a.lang, *a.targets(settings))]
    if langs:
        pages = [(a, lang) for a, lang in pages if lang in langs]
    if only is not None:
        pages = [(a, lang) for a, lang in pages if a.name in only]
    # Which articles a link can resolve to is part of every page's output.
    siblings = "|siblings=" + ",".join(sorted(a.name for a in articles))
    page_options = options + siblings
    skipped = len(pages)

    # Hashing is cheap and done here, so only changed pages go to the pool.
    pages = [
        (a, lang)
        for a, lang in pages
        if not manifest.fresh(
            "build",
            f"{lang}/{a.name}",
            manifest.fingerprint("build", build_files(settings, a, lang), page_options),
        )
    ]
    if skipped - len(pages):
        report.add("skipped", skipped - len(pages))

    def one(i: int) -> Done:
        article, lang = pages[i]
        files = build_files(settings, article, lang)
        part = StageReport()
        try:
            _build_one(settings, article, lang, include_fuzzy, part, links[lang])
        except PipelineError as exc:
            part.errors.append(exc)
            return Done(part, None)
        # after the build: the fingerprint holds the page just written
        return Done(part, manifest.fingerprint("build", files, page_options))

    # Links resolve among the articles given (all of them, unless some were named).
    links = {lang: sibling_links(settings, articles, lang) for _a, lang in pages}

    with Pool(one, len(pages), jobs) as pool, progress("build", len(pages), quiet=quiet) as bar:
        for (article, lang), done in zip(pages, pool.results(), strict=True):
            done.merge_into(report, manifest, "build", f"{lang}/{article.name}")
            bar.advance(1, f"{lang}/{article.name}")
    manifest.save()
    return report


def build_files(settings: Settings, article: Article, lang: str) -> list[Path]:
    """Every file one page's build reads or writes."""
    files = [article.path, article.built(settings, lang)]
    if lang != article.lang:
        files.append(article.catalog(settings, lang))
    return files


def _build_one(
    settings: Settings,
    article: Article,
    lang: str,
    include_fuzzy: bool,
    report: StageReport,
    links: Callable[[str], str | None] | None = None,
) -> None:
    # The parser loads only when a page changed: an unchanged rerun never needs it.
    from pipeline.html.document import read_document
    from pipeline.html.links import rewrite_links
    from pipeline.html.merge import merge_document
    from pipeline.html.rules import site_rules

    translations: dict[str, str] = {}
    unreviewed = 0
    if lang != article.lang:
        path = article.catalog(settings, lang)
        if path.exists():
            every, reviewed = catalog.read_translations(path)
            translations = every if include_fuzzy else reviewed
            # Fuzzy entries published as they are: machine or memory work nobody
            # reviewed, counted so the summary cannot pass them off as done.
            unreviewed = len(translations) - len(reviewed)
    doc = read_document(article.path)
    if links is not None:
        rewrite_links(doc, links)
    result = merge_document(
        doc,
        translations,
        lang,
        alternates=alternates_for(settings, article, lang),
        canonical=canonical_for(article, lang, settings),
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
