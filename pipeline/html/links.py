"""A page's own address and its language versions, read from ``<head>``.

Families of pages (one article in several languages) are declared by the
pages themselves with ``<link rel="alternate" hreflang>``; ``canonical`` says
where the page itself lives. Reading them here keeps the parser behind its door.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # family discovery names PageLinks without loading the parser
    from pipeline.html.document import Document
    from pipeline.html.nodes import Element


@dataclass(frozen=True)
class PageLinks:
    """``canonical`` (or ``None``) and the ``(hreflang, href)`` alternates, in page order."""

    canonical: str | None = None
    alternates: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def page_links(doc: Document) -> PageLinks:
    """The canonical and hreflang links of a page's ``<head>``."""
    head = doc.root.find("head")
    if head is None:
        return PageLinks()
    canonical = None
    alternates: list[tuple[str, str]] = []
    for link in head.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if not href:
            continue
        if "canonical" in rel and canonical is None:
            canonical = href
        elif "alternate" in rel and link.get("hreflang"):
            alternates.append((str(link.get("hreflang")).strip().lower(), href))
    return PageLinks(canonical, tuple(alternates))


def rewrite_links(doc: Document, target: Callable[[str], str | None]) -> int:
    """Point the page's ``<a href>`` links where ``target`` says; how many changed.

    ``target`` gets each href and returns its new value, or None to keep it: the
    build uses it to send a card linking to a Dutch article to the French one.
    """
    changed = 0
    for anchor in doc.root.iter("a"):
        href = (anchor.get("href") or "").strip()
        new = target(href) if href else None
        if new is not None and new != href:
            anchor.set("href", new)
            changed += 1
    return changed


_IN_LANGUAGE_RE = re.compile(r'"inLanguage"\s*:\s*"([^"]*)"')


@dataclass(frozen=True)
class Reference:
    """One place where a page says which language a page is in, or links to one.

    ``relation`` is ``canonical``, ``alternate`` (with its ``hreflang``),
    ``anchor`` (an ``<a href>`` in the body), ``in-language`` (JSON-LD) or
    ``og-locale``; ``value`` is the address or the language stated.
    """

    relation: str
    value: str
    element: Element
    hreflang: str | None = None

    @property
    def line(self) -> int:
        """The line of the element in the page (0 when unknown)."""
        return self.element.sourceline or 0


def page_references(doc: Document) -> Iterator[Reference]:
    """Every canonical, hreflang, ``og:locale``, JSON-LD ``inLanguage`` and ``<a href>``
    of a page, in page order: what says which language a page or its links are in.

    Anchors that declare their own language (``hreflang`` or ``lang``, as a
    language switcher does) are left out: they link to another language on purpose.
    """
    for element in doc.root.iter("link", "meta", "script", "a"):
        tag = element.tag
        if tag == "link":
            rel = (element.get("rel") or "").lower().split()
            href = (element.get("href") or "").strip()
            if not href:
                continue
            if "canonical" in rel:
                yield Reference("canonical", href, element)
            elif "alternate" in rel and element.get("hreflang"):
                hreflang = str(element.get("hreflang")).strip().lower()
                yield Reference("alternate", href, element, hreflang)
        elif tag == "meta":
            if (element.get("property") or "").lower() == "og:locale" and element.get("content"):
                yield Reference("og-locale", str(element.get("content")).strip(), element)
        elif tag == "script":
            if (element.get("type") or "").lower() == "application/ld+json" and element.text:
                for match in _IN_LANGUAGE_RE.finditer(element.text):
                    yield Reference("in-language", match.group(1).strip(), element)
        else:
            href = (element.get("href") or "").strip()
            if href and element.get("hreflang") is None and element.get("lang") is None:
                yield Reference("anchor", href, element)
