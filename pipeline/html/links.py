"""A page's own address and its language versions, read from ``<head>``.

Families of pages (one article in several languages) are declared by the
pages themselves with ``<link rel="alternate" hreflang>``; ``canonical`` says
where the page itself lives. Reading them here keeps the parser behind its door.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.html.document import Document


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
