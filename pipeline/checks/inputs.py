"""What the checks judge: pages and catalogs found on disk and loaded as items.

A page is parsed once: its segments come from the same walk extraction uses,
so keys, lines and locations are those of the catalogs, and the walk's
elements tell which segments opted out of which checks (``data-tolk-ignore``
on the element, an ancestor, or an inline element inside the sentence). A
catalog's entries opt out with ``#, ignore-<check-id>`` flags. Pages are read
through ``pipeline.html``; catalogs through ``pipeline.catalogs``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from pipeline.checks.base import (
    IGNORE_ALL,
    Item,
    Origin,
)
from pipeline.errors import CatalogError, InputError
from pipeline.html.document import Document, read_document
from pipeline.html.extract import page_language, unit_segments
from pipeline.html.links import page_references
from pipeline.html.nodes import Element, attribute_above
from pipeline.html.rules import NO_RULES, SiteRules
from pipeline.html.walk import TextUnit, walk
from pipeline.segments import Context, KeyMaker, Segment

IGNORE_ATTR = "data-tolk-ignore"
IGNORE_FLAG = "ignore-"
PAGE_SUFFIXES = (".html", ".htm")
CATALOG_SUFFIXES = (".po",)
SKIPPED_FOLDERS = frozenset({"fixed", "report"})
"""Folders below a checked folder that hold Tolk's own output (``build/fixed``,
``build/report``): check them by naming them."""

_CONTEXTS: frozenset[str] = frozenset(get_args(Context))


@dataclass(frozen=True)
class CheckedFile:
    """One page or catalog, as the items the checks judge."""

    path: str
    origin: Origin
    lang: str
    items: tuple[Item, ...]
    links: tuple[Item, ...] = ()
    """A page's references to pages (canonical, hreflang, ``<a href>``) and
    statements of its language (JSON-LD ``inLanguage``, ``og:locale``), as items of
    kind ``link``: only checks that ask for them (:attr:`Check.reads_links`) see them."""

    @property
    def judged(self) -> tuple[Item, ...]:
        """Everything the checks judge: the segments, then the links."""
        return self.items + self.links


# -- finding the inputs --------------------------------------------------------


def find_inputs(paths: Sequence[str | Path], *, exclude: Iterable[Path] = ()) -> list[Path]:
    """The pages and catalogs to check: files as given, folders searched recursively.

    A folder gives its ``*.html`` and ``*.po`` files (sorted), leaving out
    hidden folders and Tolk's own ``fixed/`` and ``report/`` output. A path
    that does not exist, or a file that is neither, is an :class:`InputError`.
    """
    return [path for path, _relative in collect_inputs(paths, exclude=exclude)]


def collect_inputs(
    paths: Sequence[str | Path], *, exclude: Iterable[Path] = ()
) -> list[tuple[Path, Path]]:
    """Like :func:`find_inputs`, with each file's path relative to its argument.

    A file given by name is relative to its own folder (just its name).
    """
    if not paths:
        raise InputError("nothing to check", hint="give pages, catalogs or folders")
    skip = {Path(os.path.realpath(p)) for p in exclude}
    found: list[tuple[Path, Path]] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError("no such file or folder", path=path, hint="check the path")
        if path.is_dir():
            candidates = [(c, c.relative_to(path)) for c in _walk_folder(path, skip)]
        elif path.suffix.lower() in PAGE_SUFFIXES + CATALOG_SUFFIXES:
            candidates = [(path, Path(path.name))]
        else:
            raise InputError(
                "not an HTML page or a .po catalog", path=path, hint="give .html or .po files"
            )
        for candidate, relative in candidates:
            key = Path(os.path.realpath(candidate))  # resolve() raises on a symlink loop
            if key not in seen:
                seen.add(key)
                found.append((candidate, relative))
    return found


def _walk_folder(folder: Path, skip: set[Path]) -> list[Path]:
    found: list[Path] = []
    for here, dirs, files in os.walk(folder):
        base = Path(here)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in SKIPPED_FOLDERS
            and Path(os.path.realpath(base / d)) not in skip
        )
        for name in sorted(files):
            if name.lower().endswith(PAGE_SUFFIXES + CATALOG_SUFFIXES):
                found.append(base / name)
    return found


# -- loading --------------------------------------------------------------------


def ignore_ids(value: str | None) -> frozenset[str]:
    """Check ids in a ``data-tolk-ignore`` value; empty means all.

    >>> sorted(ignore_ids("dates  glued-words")), sorted(ignore_ids("")), ignore_ids(None)
    (['dates', 'glued-words'], ['*'], frozenset())
    """
    if value is None:
        return frozenset()
    ids = value.split()
    return frozenset(ids) if ids else frozenset({IGNORE_ALL})


def load_page(
    path: Path,
    lang: str | None = None,
    shown: str | None = None,
    *,
    rules: SiteRules = NO_RULES,
) -> CheckedFile:
    """Parse a page once and turn its segments into items.

    Raises :class:`InputError` naming the file when it cannot be read or has no
    usable language.
    """
    return page_from_document(read_document(path), lang, shown or str(path), rules=rules)


def page_from_document(
    doc: Document, lang: str | None, shown: str, *, rules: SiteRules = NO_RULES
) -> CheckedFile:
    """The items of a parsed page (see :func:`load_page`); ``rules`` are the
    site's, so checks see the units extraction and merge see."""
    page_lang = page_language(doc, lang)
    keys = KeyMaker()
    items: list[Item] = []
    for index, unit in enumerate(walk(doc.root, page_lang, rules=rules)):
        ignored = _ignored_above(unit.element)
        codes = unit.codes if isinstance(unit, TextUnit) else {}
        for seg in unit_segments(unit, index, page_lang, keys):
            here = ignored
            for number, _tag, _attrs in seg.code_tags:
                node = codes.get(number)
                if node is not None and isinstance(node.tag, str):
                    here = here | ignore_ids(node.get(IGNORE_ATTR))
            items.append(item_of_segment(seg, shown, here))
    return CheckedFile(shown, "page", page_lang, tuple(items), link_items(doc, page_lang, shown))


_LINK_LOCATIONS = {
    "canonical": "link[rel=canonical]@href",
    "og-locale": "meta[property=og:locale]@content",
    "in-language": "script[type=application/ld+json]@inLanguage",
    "anchor": "a@href",
}


def link_items(doc: Document, page_lang: str, shown: str) -> tuple[Item, ...]:
    """The page's references (:func:`pipeline.html.links.page_references`) as items.

    The item's ``context`` is the reference's relation and its ``location``
    where it is (``link[hreflang=nl]@href`` names the language a link declares).
    """
    return tuple(
        Item(
            text=ref.value,
            lang=page_lang,
            file=shown,
            line=ref.line,
            location=_LINK_LOCATIONS.get(ref.relation, f"link[hreflang={ref.hreflang}]@href"),
            key=f"{ref.relation}:{n}",
            origin="page",
            context=ref.relation,
            kind="link",
            ignored=_ignored_above(ref.element),
        )
        for n, ref in enumerate(page_references(doc))
    )


def _ignored_above(element: Element) -> frozenset[str]:
    ids: frozenset[str] = frozenset()
    for value in attribute_above(element, IGNORE_ATTR):
        ids = ids | ignore_ids(value)
    return ids


def item_of_segment(
    seg: Segment, file: str = "<string>", ignored: frozenset[str] = frozenset()
) -> Item:
    """The item checks judge for one page segment."""
    return Item(
        text=seg.text,
        lang=seg.foreign or seg.lang,
        file=file,
        line=seg.line,
        location=seg.location,
        key=seg.key,
        origin="page",
        context=seg.context,
        kind=seg.kind,
        foreign=seg.foreign,
        code_tags=seg.code_tags,
        code_texts=seg.code_texts,
        ignored=ignored,
        segment=seg,
    )


def load_catalog_file(path: Path, shown: str | None = None) -> CheckedFile:
    """The entries of a .po catalog as items (translation judged against source)."""
    from pipeline.catalogs.po import read_entries
    from pipeline.languages import normalize

    shown = shown or str(path)
    try:
        meta, entries = read_entries(path)
    except CatalogError as exc:
        raise InputError(exc.message, path=exc.path, line=exc.line, hint=exc.hint) from None
    lang = normalize(meta.get("Language")) or _lang_from_path(path)
    if lang is None:
        raise InputError(
            "catalog has no usable Language header",
            path=path,
            hint="add 'Language: fr' (or nl, en) or keep it under locales/<lang>/",
        )
    source_lang = normalize(meta.get("X-Source-Language"))
    items: list[Item] = []
    for e in entries:
        context = next((f[5:] for f in e.flags if f.startswith("tolk-")), "text")
        if context not in _CONTEXTS:
            context = "text"
        ignored = frozenset(f[len(IGNORE_FLAG) :] for f in e.flags if f.startswith(IGNORE_FLAG))
        ctx: Context = context  # type: ignore[assignment]
        seg = Segment(
            key=e.key,
            text=e.target,
            location=e.location,
            line=e.line,
            lang=lang,
            context=ctx,
        )
        items.append(
            Item(
                text=e.target,
                lang=lang,
                file=shown,
                line=e.line,
                location=e.location,
                key=e.key,
                origin="catalog",
                source=e.source,
                source_lang=source_lang,
                context=context,
                fuzzy=e.fuzzy,
                ignored=ignored,
                segment=seg,
            )
        )
    return CheckedFile(shown, "catalog", lang, tuple(items))


def _lang_from_path(path: Path) -> str | None:
    from pipeline.languages import normalize

    for part in reversed(path.parts[:-1]):
        lang = normalize(part) if len(part) <= 5 else None
        if lang:
            return lang
    return None


def load_file(path: Path, lang: str | None = None, *, rules: SiteRules = NO_RULES) -> CheckedFile:
    """A page or a catalog, by its suffix."""
    if path.suffix.lower() in CATALOG_SUFFIXES:
        return load_catalog_file(path)
    return load_page(path, lang, rules=rules)
