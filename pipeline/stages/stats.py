"""Stats: completeness per article and language."""

from __future__ import annotations

from pipeline.catalogs import po as catalog
from pipeline.config import Settings
from pipeline.errors import PipelineError
from pipeline.html.document import read_document
from pipeline.html.extract import extract_document
from pipeline.html.rules import site_rules
from pipeline.project import Article


def catalog_stats(
    settings: Settings,
    articles: list[Article],
    langs: tuple[str, ...] | None = None,
    errors: list[PipelineError] | None = None,
) -> list[catalog.CatalogStats]:
    """Completeness of every (article, target language) catalog.

    A catalog or page that cannot be read raises, unless an ``errors`` list is
    given: then it is recorded there and the other articles are counted.
    """
    rows = []
    for article in articles:
        try:
            rows.extend(_article_stats(settings, article, langs))
        except PipelineError as exc:
            if errors is None:
                raise
            errors.append(exc)
    return rows


def _article_stats(
    settings: Settings, article: Article, langs: tuple[str, ...] | None
) -> list[catalog.CatalogStats]:
    rows = []
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
                page = extract_document(read_document(article.path), rules=site_rules(settings))
                template = catalog.build_template(page, article.name, article.source_ref(settings))
            po = template
        rows.append(catalog.catalog_stats(po, settings.relative(path), article.name, lang))
    return rows
