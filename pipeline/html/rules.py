"""Site rules: a site's own HTML conventions, from settings, for the walk.

``skip_selectors`` name elements not to translate (as ``translate="no"``
does), ``inline_selectors`` elements a sentence runs through (a site's
``<x-icon>``, a ``span``-like custom element), ``translate_attributes`` extra
attributes to translate (``data-tooltip``), each optionally scoped by a
selector: ``"figure img@data-caption"``. Extraction, merge and the checks all
walk a page with the same rules, so they find the same units and keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.config import Settings
from pipeline.errors import ConfigError
from pipeline.html.selectors import Selector, SelectorError, matches_any, parse_selectors

_ATTR_NAME = re.compile(r"[a-z_:][a-z0-9_:.-]*")


@dataclass(frozen=True)
class SiteRules:
    """Parsed site rules; the default (no rules) changes nothing."""

    skip: tuple[Selector, ...] = ()
    inline: tuple[Selector, ...] = ()
    # (attribute, selectors it is limited to; empty: on any element)
    attributes: tuple[tuple[str, tuple[Selector, ...]], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.skip or self.inline or self.attributes)

    def skipped(self, el: Any) -> bool:
        """True when a ``skip_selectors`` rule names ``el``."""
        return bool(self.skip) and matches_any(el, self.skip)

    def inline_rule(self, el: Any) -> bool:
        """True when an ``inline_selectors`` rule names ``el``."""
        return bool(self.inline) and matches_any(el, self.inline)

    def extra_attributes(self, el: Any, attrs: dict[str, str] | Any) -> list[str]:
        """The extra attributes of ``el`` to translate (those it has)."""
        return [
            name
            for name, scope in self.attributes
            if name in attrs and (not scope or matches_any(el, scope))
        ]


NO_RULES = SiteRules()


def parse_rules(
    skip: tuple[str, ...] = (),
    inline: tuple[str, ...] = (),
    attributes: tuple[str, ...] = (),
    *,
    path: str | None = None,
) -> SiteRules:
    """Site rules from settings values; a :class:`ConfigError` naming the key
    and the file for a selector or attribute name Tolk cannot read.

    >>> rules = parse_rules(("aside.ad",), (), ("data-tooltip", "figure img@data-caption"))
    >>> [(name, [s.text for s in scope]) for name, scope in rules.attributes]
    [('data-tooltip', []), ('data-caption', ['figure img'])]
    >>> try:
    ...     parse_rules(("a:hover",), path="tolk.toml")
    ... except ConfigError as exc:
    ...     print(exc.path, exc.message)
    tolk.toml setting 'skip_selectors': unsupported selector syntax at ':hover' in 'a:hover'
    """
    return _parse_rules(tuple(skip), tuple(inline), tuple(attributes), path)


@cache
def _parse_rules(
    skip: tuple[str, ...],
    inline: tuple[str, ...],
    attributes: tuple[str, ...],
    path: str | None,
) -> SiteRules:
    def selectors(key: str, texts: tuple[str, ...]) -> tuple[Selector, ...]:
        found: list[Selector] = []
        for text in texts:
            try:
                found.extend(parse_selectors(text))
            except SelectorError as exc:
                raise _error(key, str(exc), path) from None
        return tuple(found)

    extra: list[tuple[str, tuple[Selector, ...]]] = []
    for item in attributes:
        scope, _, name = item.rpartition("@")
        name = name.strip().lower()
        if not _ATTR_NAME.fullmatch(name):
            raise _error(
                "translate_attributes", f"{item!r} does not end with an attribute name", path
            )
        extra.append((name, selectors("translate_attributes", (scope,)) if scope.strip() else ()))
    return SiteRules(
        selectors("skip_selectors", skip), selectors("inline_selectors", inline), tuple(extra)
    )


def _error(key: str, message: str, path: str | None) -> ConfigError:
    return ConfigError(
        f"setting '{key}': {message}",
        path=path,
        hint="Tolk reads tag, .class, #id, [attr], [attr=value], ' ' and '>', comma lists",
    )


def site_rules(settings: Settings) -> SiteRules:
    """The site rules of a project's settings (parsed once per distinct settings)."""
    return parse_rules(
        settings.skip_selectors,
        settings.inline_selectors,
        settings.translate_attributes,
        path=settings.config_path,
    )
