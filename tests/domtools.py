"""Comparing documents as a browser would: the same DOM, the same visible text.

Whitespace runs count as one space (HTML renders them so) and a whitespace-only
text node between elements counts as one space too; everything else counts,
``lang`` attributes included: a round trip that lost or moved one would change
which language a browser, a screen reader and the leftover check see.
"""

from __future__ import annotations

import re

from lxml import etree

from pipeline.html.document import parse_document

_WS = re.compile(r"[ \t\n\r\f]+")


def _norm(text: str | None) -> str:
    return _WS.sub(" ", text or "")


def signature(html: str, *, root_lang: bool = True) -> list[tuple[str, ...]]:
    """A flat, comparable description of a page's DOM.

    ``root_lang=False`` leaves out only ``<html lang>``, for a page merged into
    another language, whose root says the new language by design.
    """
    root = parse_document(html).root
    out: list[tuple[str, ...]] = []

    def visit(el: etree._Element) -> None:
        if not isinstance(el.tag, str):
            out.append(("comment", _norm(el.text)))
        else:
            attrs = tuple(
                f"{k}={v}"
                for k, v in el.attrib.items()
                if root_lang or k != "lang" or el is not root
            )
            out.append(("open", el.tag, *attrs))
            out.append(("text", _norm(el.text)))
            for child in el:
                visit(child)
            out.append(("close", el.tag))
        out.append(("tail", _norm(el.tail)))

    visit(root)
    return out
