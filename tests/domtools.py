"""Comparing documents as a browser would: the same DOM, the same visible text.

Whitespace runs count as one space (HTML renders them so) and a whitespace-only
text node between elements counts as one space too; everything else counts.
"""

from __future__ import annotations

import re

from lxml import etree

from pipeline.html.document import parse_document

_WS = re.compile(r"[ \t\n\r\f]+")


def _norm(text: str | None) -> str:
    return _WS.sub(" ", text or "")


def signature(html: str) -> list[tuple[str, ...]]:
    """A flat, comparable description of a page's DOM."""
    root = parse_document(html).root
    out: list[tuple[str, ...]] = []

    def visit(el: etree._Element) -> None:
        if not isinstance(el.tag, str):
            out.append(("comment", _norm(el.text)))
        else:
            attrs = tuple(f"{k}={v}" for k, v in el.attrib.items() if k != "lang")
            out.append(("open", el.tag, *attrs))
            out.append(("text", _norm(el.text)))
            for child in el:
                visit(child)
            out.append(("close", el.tag))
        out.append(("tail", _norm(el.tail)))

    visit(root)
    return out
