"""HTML to segments: every translatable piece of a page, with its context.

Block text is split into sentences (one catalog entry each, as translators
and engines work best sentence by sentence); attributes, ``<title>``, meta
tags and JSON-LD fields stay whole.
"""

from __future__ import annotations

import bisect
from pathlib import Path

from pipeline.errors import InputError
from pipeline.html.document import Document, parse_document, read_document
from pipeline.html.rules import NO_RULES, SiteRules
from pipeline.html.walk import TextUnit, Unit, tag_of, walk
from pipeline.languages import LANGUAGES, normalize
from pipeline.segments import KeyMaker, Page, Segment
from pipeline.text.sentences import split_sentences


def page_language(doc: Document, override: str | None = None) -> str:
    """The page language: ``override``, else ``<html lang>``; an error if neither."""
    if override:
        lang = normalize(override)
        if lang is None:
            raise InputError(
                f"unsupported language '{override}'", hint=f"use one of {', '.join(LANGUAGES)}"
            )
        return lang
    raw = doc.root.get("lang") or doc.root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not raw:
        raise InputError(
            "the page has no <html lang> attribute",
            path=doc.path,
            line=doc.root.sourceline,
            hint='add lang="fr" (or nl, en) to <html> (tolk check and fix also take --lang)',
        )
    lang = normalize(raw)
    if lang is None:
        raise InputError(
            f"unsupported page language '{raw}'",
            path=doc.path,
            line=doc.root.sourceline,
            hint=f"Tolk handles {', '.join(LANGUAGES)}",
        )
    return lang


def _sentences(unit: Unit, lang: str) -> list[tuple[str, str]]:
    """(sentence, separator) pairs of a unit; attributes and references stay whole."""
    # Citations are kept whole: "Smith J. Sleep. 2020." is one reference.
    if isinstance(unit, TextUnit) and unit.kind == "text" and unit.context != "reference":
        return split_sentences(unit.text, lang)
    return [(unit.text, "")]


def unit_pieces(unit: Unit, lang: str, keys: KeyMaker) -> list[tuple[str, str, str]]:
    """(key, sentence, separator) of a unit: all merge needs, without Segments."""
    return [(keys.make(unit.location, s), s, sep) for s, sep in _sentences(unit, lang)]


def unit_segments(unit: Unit, index: int, lang: str, keys: KeyMaker) -> list[Segment]:
    """The segments of one unit: its sentences, or the whole value, with their
    lines and what each of their codes stands for."""
    pieces = _sentences(unit, lang)
    marks = unit.newlines if isinstance(unit, TextUnit) else []
    positions = [m[0] for m in marks] if marks else []
    code_tags = _code_tags(unit)
    code_texts = _code_texts(unit)
    # Every sentence of a unit with several sentences keeps only its own codes.
    share_codes = len(pieces) > 1 and bool(code_tags)
    location, line, context = unit.location, unit.line, unit.context
    segments: list[Segment] = []
    offset = 0
    kind = unit.kind if unit.kind in ("text", "attribute", "meta", "jsonld") else "text"
    for i, (sentence, separator) in enumerate(pieces):
        extra = 0
        if marks:
            j = bisect.bisect_right(positions, offset) - 1
            extra = marks[j][1] if j >= 0 else 0
        segments.append(
            Segment(
                key=keys.make(location, sentence),
                text=sentence,
                location=location,
                line=line + extra,
                lang=lang,
                kind=kind,  # type: ignore[arg-type]
                context=context,
                unit=index,
                index=i,
                note=unit.note,
                foreign=unit.foreign,
                separator=separator,
                code_tags=tuple(
                    c for c in code_tags if f"g{c[0]}>" in sentence or f"<x{c[0]}/>" in sentence
                )
                if share_codes
                else code_tags,
                code_texts=tuple(c for c in code_texts if f"<x{c[0]}/>" in sentence)
                if share_codes
                else code_texts,
            )
        )
        offset += len(sentence) + len(separator)
    return segments


def _code_tags(unit: Unit) -> tuple[tuple[int, str, tuple[tuple[str, str], ...]], ...]:
    """(number, tag, attributes) of each code of a unit: what the code stands for."""
    if not isinstance(unit, TextUnit) or not unit.codes:
        return ()
    return tuple(
        (n, tag_of(node) or "#comment", tuple(node.items())) for n, node in unit.codes.items()
    )


_NO_WORDS = frozenset([
    "", "script", "style", "template", "svg", "math", "iframe", "object", "embed", "audio",
    "video", "canvas", "picture", "map", "select", "textarea", "noscript"
])  # fmt: skip
"""Elements kept whole whose content is not words a reader sees in the sentence."""


def _code_texts(unit: Unit) -> tuple[tuple[int, str], ...]:
    """(number, words) of each code of a unit kept whole (``<xN/>``) that shows
    words to a reader: a key name in ``<kbd>``, a file name in ``<code>``."""
    if not isinstance(unit, TextUnit) or not unit.codes or "<x" not in unit.text:
        return ()
    found = []
    for n, node in unit.codes.items():
        if tag_of(node) in _NO_WORDS or f"<x{n}/>" not in unit.text:
            continue
        words = " ".join("".join(node.itertext()).split())
        if words:
            found.append((n, words))
    return tuple(found)


def extract_document(
    doc: Document, lang: str | None = None, *, rules: SiteRules = NO_RULES
) -> Page:
    """The segments of a parsed page (``rules``: the site's, from settings)."""
    page_lang = page_language(doc, lang)
    keys = KeyMaker()
    segments: list[Segment] = []
    for index, unit in enumerate(walk(doc.root, page_lang, rules=rules)):
        segments.extend(unit_segments(unit, index, page_lang, keys))
    return Page(path=doc.path, lang=page_lang, segments=tuple(segments))


def extract_file(path: str | Path, lang: str | None = None, *, rules: SiteRules = NO_RULES) -> Page:
    """Read a page from disk and extract its segments."""
    return extract_document(read_document(path), lang, rules=rules)


def extract_text(
    html: str, lang: str | None = None, path: str = "<string>", *, rules: SiteRules = NO_RULES
) -> Page:
    """Extract segments from HTML text (tests, checks on fragments)."""
    return extract_document(parse_document(html, path), lang, rules=rules)
