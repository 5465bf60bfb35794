"""The project on disk: which articles there are, in which language, and where
their catalogs and built pages go."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.catalogs.po import catalog_path, template_path
from pipeline.config import Settings
from pipeline.errors import InputError, PipelineError
from pipeline.html.document import read_document
from pipeline.html.extract import page_language
from pipeline.languages import targets_for


@dataclass(frozen=True)
class Article:
    """A source page: its name (file stem), path and source language."""

    name: str
    path: Path
    lang: str

    def targets(self, settings: Settings) -> tuple[str, ...]:
        """Languages this article is translated into."""
        return targets_for(self.lang, settings.languages)

    def template(self, settings: Settings) -> Path:
        """Its .pot file."""
        return template_path(settings.locales, self.name)

    def catalog(self, settings: Settings, lang: str) -> Path:
        """Its .po file for ``lang``."""
        return catalog_path(settings.locales, lang, self.name)

    def built(self, settings: Settings, lang: str) -> Path:
        """Its built page for ``lang``."""
        return settings.build / lang / f"{self.name}.html"

    def source_ref(self, settings: Settings) -> str:
        """Its path as written in catalogs: relative to the project, with slashes."""
        return settings.relative(self.path)


def discover(
    settings: Settings,
    names: list[str] | None = None,
    errors: list[PipelineError] | None = None,
) -> list[Article]:
    """The articles of the project (all, or those named), sorted by name.

    Raises :class:`InputError` for a named article that does not exist. A page
    that cannot be read or has no usable ``<html lang>`` raises too, unless an
    ``errors`` list is given: then it is recorded there and skipped, so one
    bad page does not stop the work on the others.
    """
    folder = settings.sources
    if not folder.is_dir():
        raise InputError(
            "source folder not found",
            path=folder,
            hint="create it or set source_dir in [tool.tolk]",
        )
    paths = sorted(folder.glob("*.html"))
    if names:
        wanted = {n.removesuffix(".html").rsplit("/", 1)[-1] for n in names}
        missing = wanted - {p.stem for p in paths}
        if missing:
            name = sorted(missing)[0]
            raise InputError(
                f"no article named '{name}'",
                path=folder / f"{name}.html",
                hint="run 'tolk stats' to list the articles",
            )
        paths = [p for p in paths if p.stem in wanted]
    articles = []
    for path in paths:
        try:
            doc = read_document(path)
            articles.append(Article(path.stem, path, page_language(doc)))
        except PipelineError as exc:
            if errors is None:
                raise
            errors.append(exc)
    return articles


GLOSSARY_FILE = "glossary.txt"


def glossary_terms(settings: Settings) -> tuple[str, ...]:
    """Do-not-translate terms from ``locales/glossary.txt`` (one a line, ``#`` comments).

    Brand, product and person names that translators keep as they are; the
    language check does not judge them and ``same-as-source`` accepts them.
    """
    path = settings.locales / GLOSSARY_FILE
    if not path.exists():
        return ()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte {exc.start})", path=path, hint="save the glossary as UTF-8"
        ) from None
    terms = []
    for raw in text.splitlines():
        term = raw.split("#", 1)[0].strip()
        if term:
            terms.append(term)
    return tuple(terms)
