"""Segments plus translations back to HTML: the other half of extraction.

Merge re-walks the source page, so it finds the very units extraction
produced, and rebuilds each one from its translation. Inline elements are the
source's own nodes moved into place (their attributes never pass through a
translator); text is inserted as text, never parsed, so a translation can
never smuggle markup into the page. A translation whose codes do not fit its
source is refused: the source sentence stays and the problem is reported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from pipeline.html.document import Document, serialize, xml_safe
from pipeline.html.extract import page_language, unit_pieces
from pipeline.html.its import has_locale_filters, locale_excluded
from pipeline.html.rules import NO_RULES, SiteRules
from pipeline.html.walk import AttrUnit, JsonLdUnit, TextUnit, Unit, walk
from pipeline.segments import KeyMaker
from pipeline.text.codes import code_problems, tokenize, unescape_text


@dataclass(frozen=True)
class MergeProblem:
    """A translation that could not be used, and where it belongs."""

    key: str
    location: str
    line: int
    message: str


@dataclass(frozen=True)
class MergeResult:
    """The built page and an account of what went into it."""

    html: str
    segments: int
    translated: int
    fallbacks: int
    problems: tuple[MergeProblem, ...] = field(default_factory=tuple)


def _likely_region(lang: str) -> str:
    from babel.core import get_global

    likely = str(get_global("likely_subtags").get(lang, f"{lang}_{lang.upper()}"))
    parts = likely.split("_")
    return f"{parts[0]}_{parts[-1]}"


_IN_LANGUAGE_RE = re.compile(r'("inLanguage"\s*:\s*")[^"]*(")')


def _set_page_language(
    doc: Document,
    target: str,
    alternates: Mapping[str, str] | None,
    canonical: str | None = None,
) -> None:
    """Say the page's language everywhere a page says it: ``<html lang>``,
    ``og:locale`` and its alternates, JSON-LD ``inLanguage``, canonical, hreflang."""
    root = doc.root
    root.set("lang", target)
    head = root.find("head")
    if head is None:
        return
    metas = list(head.iter("meta"))
    og = next((m for m in metas if m.get("property", "").lower() == "og:locale"), None)
    if og is not None:
        og.set("content", _likely_region(target))
        others = sorted(lang for lang in (alternates or {}) if lang not in {target, "x-default"})
        old = [m for m in metas if m.get("property", "").lower() == "og:locale:alternate"]
        for extra in old[len(others) :]:
            remove_element(extra)
        anchor = og
        for i, lang in enumerate(others):
            if i < len(old):
                meta = old[i]
            else:
                meta = etree.Element("meta")
                meta.set("property", "og:locale:alternate")
                meta.tail = anchor.tail
                anchor.addnext(meta)
            meta.set("content", _likely_region(lang))
            anchor = meta
    for script in head.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            script.text = _IN_LANGUAGE_RE.sub(rf"\g<1>{target}\g<2>", script.text)
    if canonical is not None:
        for link in head.iter("link"):
            if "canonical" in (link.get("rel") or "").lower().split():
                link.set("href", canonical)
    if alternates:
        existing = {
            link.get("hreflang"): link
            for link in head.iter("link")
            if link.get("rel", "").lower() == "alternate" and link.get("hreflang")
        }
        indent = head[-1].tail if len(head) else "\n"
        for lang, href in sorted(alternates.items()):
            link = existing.get(lang)
            if link is None:
                if len(head):
                    head[-1].tail = head[-1].tail or "\n"
                link = etree.SubElement(head, "link")
                link.set("rel", "alternate")
                link.set("hreflang", lang)
                link.tail = indent
            link.set("href", href)


def merge_document(
    doc: Document,
    translations: Mapping[str, str],
    target: str,
    *,
    source_lang: str | None = None,
    alternates: Mapping[str, str] | None = None,
    canonical: str | None = None,
    remove: Collection[str] = (),
    rules: SiteRules = NO_RULES,
) -> MergeResult:
    """Build the ``target`` page from a parsed source page and translations by key.

    ``translations`` maps segment keys to translated text (with inline codes);
    a missing or empty one falls back to the source text. ``remove`` names
    segments whose element goes altogether (a foreign duplicate of a title):
    only an element whose whole text those segments are is removed.
    ``rules`` are the site's (settings): those extraction walked the page with.
    Content an ITS locale filter keeps from ``target`` stays as the source
    (see :mod:`pipeline.html.its`).
    """
    page_lang = page_language(doc, source_lang)
    units = walk(doc.root, page_lang, light=True, rules=rules)
    keys = KeyMaker()
    planned = [(unit, unit_pieces(unit, page_lang, keys)) for unit in units]
    problems: list[MergeProblem] = []
    total = translated = fallbacks = 0
    texts: list[tuple[Unit, str]] = []
    filtered = target != page_lang and has_locale_filters(doc.root)
    for unit, pieces in planned:
        parts: list[str] = []
        translatable = unit.foreign is None
        if filtered and translatable and locale_excluded(unit.element, target):
            translatable = False  # not for this language: the source stays
        for key, source, separator in pieces:
            total += 1
            candidate = translations.get(key) if translatable else None
            if not candidate:
                fallbacks += 1 if translatable else 0
                parts.append(source + separator)
                continue
            clean = xml_safe(candidate)
            if clean != candidate:
                problems.append(
                    MergeProblem(
                        key,
                        unit.location,
                        unit.element.sourceline or 0,
                        "control characters removed from the translation (an editor's "
                        "\\v, \\f or \\b escape?): fix the entry in the catalog",
                    )
                )
                candidate = clean
            issues = code_problems(source, candidate)
            if issues:
                problems.append(
                    MergeProblem(
                        key,
                        unit.location,
                        unit.element.sourceline or 0,
                        "; ".join(p.message for p in issues) + ": kept the source text",
                    )
                )
                fallbacks += 1
                parts.append(source + separator)
                continue
            translated += 1
            parts.append(candidate + separator)
        texts.append((unit, "".join(parts)))
    # Attributes first: text rebuilds move inline nodes, attributes stay on them.
    for unit, text in texts:
        if isinstance(unit, AttrUnit) and text != unit.text:
            unit.element.set(unit.attr, text)
    _merge_jsonld([(u, t) for u, t in texts if isinstance(u, JsonLdUnit)])
    for unit, text in texts:
        if isinstance(unit, TextUnit):
            rebuild_run(unit, text)
    if remove:
        for unit, pieces in planned:
            if (
                isinstance(unit, TextUnit)
                and unit.kind == "text"
                and all(key in remove for key, _, _ in pieces)
                and unit.lead is None
                and len(unit.element) == len(unit.nodes)
            ):
                remove_element(unit.element)
    _set_page_language(doc, target, alternates, canonical)
    return MergeResult(serialize(doc), total, translated, fallbacks, tuple(problems))


def remove_element(el: etree._Element) -> None:
    """Take an element out of the page, keeping any text that followed it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if tail.strip(" \t\n\r\f"):
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _merge_jsonld(items: Sequence[tuple[JsonLdUnit, str]]) -> None:
    by_script: dict[etree._Element, list[tuple[JsonLdUnit, str]]] = {}
    for unit, text in items:
        if text != unit.text:
            by_script.setdefault(unit.element, []).append((unit, text))
    for script, changes in by_script.items():
        data = json.loads(script.text or "")
        for unit, text in changes:
            node: Any = data
            for step in unit.path[:-1]:
                node = node[step]
            node[unit.path[-1]] = text
        indent = 2 if "\n" in (script.text or "").strip() else None
        dumped = json.dumps(data, ensure_ascii=False, indent=indent)
        # "<" inside a script could end it ("</script>") or open a comment
        # state ("<!--"): as a JSON escape it means the same and cannot.
        dumped = dumped.replace("<", "\\u003c")
        script.text = f"\n{dumped}\n" if indent else dumped


def rebuild_run(unit: TextUnit, text: str) -> None:
    """Replace the nodes of a run with those described by coded ``text``."""
    if unit.kind == "meta" and not unit.nodes:
        unit.element.text = unit.lead_ws + text + unit.trail_ws
        return
    parent = unit.element
    codes = unit.codes
    # Detach the old run, remembering where it started.
    insert_at = 0 if unit.lead is None else parent.index(unit.lead) + 1
    for node in unit.nodes:
        parent.remove(node)
    if "<" not in text:
        # No code (most runs): the text goes back as it is, unescaped.
        _place(unit, [unescape_text(text)] if text else [], insert_at)
        return
    _place(unit, _build_nodes(text, codes), insert_at)


def _build_nodes(text: str, codes: dict[int, etree._Element]) -> list[str | etree._Element]:
    """The top level of coded ``text`` rebuilt: strings, and the code nodes
    (emptied, then refilled with their share of the text) in order."""
    top: list[str | etree._Element] = []
    stack: list[etree._Element] = []

    def add_text(value: str) -> None:
        if stack:
            holder = stack[-1]
            if len(holder):
                holder[-1].tail = (holder[-1].tail or "") + value
            else:
                holder.text = (holder.text or "") + value
        else:
            top.append(value)

    def add_node(node: etree._Element) -> None:
        node.tail = None
        if stack:
            stack[-1].append(node)
        else:
            top.append(node)

    for tok in tokenize(text):
        if tok.kind == "text":
            add_text(unescape_text(tok.value))
        elif tok.kind == "open":
            node = codes[tok.id]
            node.text = None
            for child in list(node):
                node.remove(child)
            add_node(node)
            stack.append(node)
        elif tok.kind == "close":
            stack.pop()
        else:
            add_node(codes[tok.id])
    return top


def _place(unit: TextUnit, top: list[str | etree._Element], insert_at: int) -> None:
    """Put the rebuilt top level of a run back into its parent at ``insert_at``."""
    parent = unit.element
    lead_text = unit.lead_ws
    pieces: list[etree._Element] = []
    for item in top:
        if isinstance(item, str):
            if pieces:
                pieces[-1].tail = (pieces[-1].tail or "") + item
            else:
                lead_text += item
        else:
            pieces.append(item)
    if pieces:
        pieces[-1].tail = (pieces[-1].tail or "") + unit.trail_ws
    else:
        lead_text += unit.trail_ws
    if unit.lead is None:
        parent.text = lead_text
    else:
        unit.lead.tail = lead_text
    for offset, node in enumerate(pieces):
        parent.insert(insert_at + offset, node)
