"""Element access for code outside ``html/``: the element type and its ancestors.

The checks read ``data-tolk-ignore`` on a page's elements; this module lets
them do so without importing lxml, which stays behind the ``html/`` door.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeAlias

from lxml import etree

Element: TypeAlias = etree._Element


def attribute_above(element: Element, name: str) -> Iterator[str | None]:
    """The value of attribute ``name`` on ``element`` and each of its ancestors, inside out.

    >>> root = etree.fromstring('<div a="1"><p><b a="2"/></p></div>')
    >>> list(attribute_above(root[0][0], "a"))
    ['2', None, '1']
    """
    node: Element | None = element
    while node is not None:
        yield node.get(name)
        node = node.getparent()
