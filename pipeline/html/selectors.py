"""A small CSS selector matcher for site rules (``skip_selectors`` and the like).

Hand-written on purpose: site rules need a subset this small that a new
dependency (cssselect, soupsieve's lxml bridge) would cost more than the
hundred lines here, and the lock stays as it is. The accepted syntax:

- a type selector ``p`` or the universal ``*``;
- ``.class``, ``#id``, ``[attr]``, ``[attr=value]`` (value bare or quoted),
  joined into a compound selector: ``div.note[data-kind="tip"]``;
- the descendant combinator (a space) and the child combinator ``>``;
- a comma list: ``aside, .ad``.

Anything else (pseudo-classes, ``~``, ``+``, ``[attr^=...]``, namespaces) is a
:class:`SelectorError`, which settings report as a one-line error naming the
key and the file. Names are matched as lxml's HTML parser gives them: tags and
attribute names lower-cased, classes, ids and values as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


class SelectorError(ValueError):
    """A selector outside the supported subset; the message says what is wrong."""


@dataclass(frozen=True, slots=True)
class Compound:
    """One element test: a tag (or None for any), ids, classes, attributes."""

    tag: str | None = None
    ids: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    attrs: tuple[tuple[str, str | None], ...] = ()

    def matches(self, el: Any) -> bool:
        tag = el.tag
        if tag.__class__ is not str or (self.tag is not None and tag != self.tag):
            return False
        if self.ids and any(el.get("id") != ident for ident in self.ids):
            return False
        if self.classes:
            have = (el.get("class") or "").split()
            if any(c not in have for c in self.classes):
                return False
        for name, value in self.attrs:
            got = el.get(name)
            if got is None or (value is not None and got != value):
                return False
        return True


@dataclass(frozen=True, slots=True)
class Selector:
    """A complex selector: compounds left to right, each after its combinator
    (``""`` for the first, ``" "`` for descendant, ``">"`` for child)."""

    text: str
    steps: tuple[tuple[str, Compound], ...]

    def matches(self, el: Any) -> bool:
        """True when ``el`` is the subject (the rightmost compound) of this selector."""
        return _match_from(self.steps, len(self.steps) - 1, el)


def _match_from(steps: tuple[tuple[str, Compound], ...], i: int, el: Any) -> bool:
    combinator, compound = steps[i]
    if not compound.matches(el):
        return False
    if i == 0:
        return True
    parent = el.getparent()
    if combinator == ">":
        return parent is not None and _match_from(steps, i - 1, parent)
    while parent is not None:  # descendant: any ancestor, nearest first
        if _match_from(steps, i - 1, parent):
            return True
        parent = parent.getparent()
    return False


_NAME = r"-?[A-Za-z_][\w-]*"
_TOKEN = re.compile(
    rf"""
    (?P<space>\s*>\s*|\s*,\s*|\s+)
  | (?P<tag>{_NAME}|\*)
  | \#(?P<id>{_NAME})
  | \.(?P<cls>{_NAME})
  | \[\s*(?P<attr>{_NAME})\s*(?:=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[\w-]+))\s*)?\]
    """,
    re.VERBOSE,
)


def parse_selectors(text: str) -> tuple[Selector, ...]:
    """Parse a comma list of selectors; :class:`SelectorError` when unsupported.

    >>> [s.text for s in parse_selectors("aside.ad, .promo > p")]
    ['aside.ad', '.promo > p']
    >>> parse_selectors("a:hover")
    Traceback (most recent call last):
    ...
    pipeline.html.selectors.SelectorError: unsupported selector syntax at ':hover' in 'a:hover'
    """
    selectors: list[Selector] = []
    steps: list[tuple[str, Compound]] = []
    compound: dict[str, Any] | None = None
    combinator = ""
    start = 0
    pos = 0
    source = text.strip()

    def close(at: int) -> None:
        nonlocal compound, combinator
        if compound is None:
            raise SelectorError(f"a selector is missing before position {at} in {source!r}")
        steps.append((combinator, Compound(**compound)))
        compound = None

    while pos < len(source):
        m = _TOKEN.match(source, pos)
        if m is None:
            rest = source[pos:].split(None, 1)[0]
            raise SelectorError(f"unsupported selector syntax at {rest!r} in {source!r}")
        kind = m.lastgroup if m.lastgroup not in ("dq", "sq", "bare") else "attr"
        if kind == "space":
            close(pos)
            sep = m.group("space").strip()
            if sep == ",":
                selectors.append(Selector(source[start:pos].strip(), tuple(steps)))
                steps = []
                combinator = ""
                start = m.end()
            else:
                combinator = sep or " "
        else:
            if compound is None:
                compound = {"tag": None, "ids": (), "classes": (), "attrs": ()}
            if kind == "tag":
                if compound != {"tag": None, "ids": (), "classes": (), "attrs": ()}:
                    raise SelectorError(f"a tag name must come first in {source!r}")
                name = m.group("tag").lower()
                compound["tag"] = None if name == "*" else name
            elif kind == "id":
                compound["ids"] += (m.group("id"),)
            elif kind == "cls":
                compound["classes"] += (m.group("cls"),)
            else:
                value = next((v for v in m.group("dq", "sq", "bare") if v is not None), None)
                compound["attrs"] += ((m.group("attr").lower(), value),)
        pos = m.end()
    close(pos)
    selectors.append(Selector(source[start:].strip(), tuple(steps)))
    return tuple(selectors)


def matches_any(el: Any, selectors: Iterable[Selector]) -> bool:
    """True when ``el`` matches one of ``selectors``.

    >>> from lxml import etree
    >>> root = etree.fromstring('<div class="a b"><p id="x" lang="fr"><i/></p></div>')
    >>> p, i = root[0], root[0][0]
    >>> matches_any(p, parse_selectors("div.b > p#x[lang=fr]"))
    True
    >>> matches_any(i, parse_selectors(".a i")), matches_any(i, parse_selectors(".a > i"))
    (True, False)
    >>> matches_any(p, parse_selectors("[lang='nl'], span"))
    False
    """
    return any(s.matches(el) for s in selectors)
