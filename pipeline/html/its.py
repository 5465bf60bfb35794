"""ITS 2.0 Locale Filter: content meant for some languages only.

``its-locale-filter-list="fr, nl"`` (in XHTML ``its:locale-filter-list``)
with ``its-locale-filter-type="include"`` (the default) or ``"exclude"`` says
for which target languages an element's content applies; it holds for the
element and everything inside it, the nearest filter winning.

What Tolk does with it, where it makes sense: the walk and extraction ignore
it (a template serves every language, and keys must not depend on the target),
and merge keeps the source text in a build for a language the filter excludes:
that content is not translated into it, as for ``translate="no"``. A build in
the page's own language (``tolk fix`` rebuilding it) is never filtered. Inside
a sentence the filter of an inline element is not honoured: a sentence is
translated whole or not at all, by the filter of its block.
"""

from __future__ import annotations

from typing import Any

_ITS = "{http://www.w3.org/2005/11/its}"
_LIST_NAMES = ("its-locale-filter-list", "its:locale-filter-list", f"{_ITS}locale-filter-list")
_TYPE_NAMES = ("its-locale-filter-type", "its:locale-filter-type", f"{_ITS}locale-filter-type")
_ANY_FILTER = "//@*[contains(local-name(), 'locale-filter-list')]"


def has_locale_filters(root: Any) -> bool:
    """True when any element of the page carries a locale filter (one XPath, in C)."""
    return bool(root.xpath(_ANY_FILTER))


def locale_excluded(el: Any, target: str) -> bool:
    """True when the nearest locale filter on ``el`` or above it excludes ``target``.

    >>> from lxml import etree
    >>> root = etree.fromstring(
    ...     '<div its-locale-filter-list="fr-CA, nl"><p its-locale-filter-list="*"'
    ...     ' its-locale-filter-type="exclude"><b/></p><i/></div>')
    >>> [locale_excluded(root[1], lang) for lang in ("fr", "fr-ca", "nl", "en")]
    [True, False, False, True]
    >>> locale_excluded(root[0][0], "nl")
    True
    """
    node = el
    while node is not None:
        ranges = _first(node, _LIST_NAMES)
        if ranges is not None:
            kind = (_first(node, _TYPE_NAMES) or "include").strip().lower()
            hit = any(language_matches(r, target) for r in ranges.split(","))
            return hit if kind == "exclude" else not hit
        node = node.getparent()
    return False


def _first(node: Any, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = node.get(name)
        if value is not None:
            return str(value)
    return None


def language_matches(language_range: str, tag: str) -> bool:
    """RFC 4647 extended filtering of one language tag by one range.

    >>> [language_matches(r, "de-Latn-DE") for r in ("de", "de-DE", "*-DE", "fr", "", "*")]
    [True, True, True, False, False, True]
    """
    wanted = [s for s in language_range.strip().lower().split("-")]
    have = tag.strip().lower().replace("_", "-").split("-")
    if not wanted[0]:
        return False  # an empty list: no language at all
    if wanted[0] != "*" and wanted[0] != have[0]:
        return False
    i, j = 1, 1
    while i < len(wanted):
        if wanted[i] == "*":
            i += 1
        elif j >= len(have):
            return False
        elif wanted[i] == have[j]:
            i, j = i + 1, j + 1
        elif len(have[j]) == 1:
            return False
        else:
            j += 1
    return True
