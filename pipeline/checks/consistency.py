"""Checks that what must carry over does: numbers, units and URLs; no repeats; one
apostrophe style per page.

Numbers may change their dress between locales ("1,5" in French is "1.5" in
English, "10 000" is "10,000") and ranges their words ("200 à 400" is "200
to 400"); their values and units may not change.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import ClassVar

from rapidfuzz import fuzz

from pipeline.checks.base import Check, Item, Origin, Problem
from pipeline.text.case import apostrophes
from pipeline.text.codes import strip_codes
from pipeline.text.units import UNIT_ALIASES, UNIT_PATTERN
from pipeline.text.urls import LINK_RE

_URL_TRAIL = ".,;:!?)]}»”’'"
_GROUP = "[\u00a0\u202f\u2009.,']"
_NUMBER_RE = re.compile(
    rf"(?<![^\W\d_])(?<!\d[.,])(?<!\d)(\d+(?:{_GROUP}\d{{3}})*(?:[.,]\d+)?)"
    rf"(?:\s?(?P<unit>{UNIT_PATTERN})"
    r"(?![^\W\d_]))?"
)

_NOT_WORD = re.compile(r"[^\w\s]")
DUPLICATE_MIN_SCORE = 80.0
"""Similarity (0-100, rapidfuzz ratio) from which two texts in a row say the same."""
DUPLICATE_MIN_WORDS = 3


def number_values(token: str) -> frozenset[Decimal]:
    """Every value a written number can have, whichever the locale.

    >>> [sorted(float(v) for v in number_values(n)) for n in ("1,5", "10,000", "400")]
    [[1.5], [10.0, 10000.0], [400.0]]
    """
    raw = re.sub("[\u00a0\u202f\u2009']", "", token)
    values: set[Decimal] = set()
    if not re.search(r"[.,]", raw):
        values.add(Decimal(raw))
        return frozenset(values)
    for decimal, group in ((",", "."), (".", ",")):
        head, _sep, tail = raw.rpartition(decimal) if decimal in raw else (raw, "", "")
        if raw.count(decimal) > 1:
            continue
        groups = head.split(group) if decimal in raw else raw.split(group)
        if len(groups) > 1 and any(len(g) != 3 for g in groups[1:]):
            continue
        whole = "".join(groups)
        try:
            values.add(Decimal(f"{whole}.{tail}" if decimal in raw else whole))
        except InvalidOperation:
            continue
    if not values:
        with contextlib.suppress(InvalidOperation):
            values.add(Decimal(re.sub(r"[.,]", "", raw)))
    return frozenset(values)


def numbers_of(text: str) -> list[tuple[str, frozenset[Decimal], str | None]]:
    """(as written, possible values, unit) for each number of ``text``, URLs aside.

    >>> [(n, u) for n, _v, u in numbers_of("de 200 à 400 mg/jour, voir https://x.org/12")]
    [('200', None), ('400', 'mg')]
    """
    plain = LINK_RE.sub(" ", strip_codes(text))
    found: list[tuple[str, frozenset[Decimal], str | None]] = []
    for m in _NUMBER_RE.finditer(plain):
        unit = m.group("unit")
        found.append((m.group(1), number_values(m.group(1)), UNIT_ALIASES.get(unit or "", unit)))
    return found


def urls_of(text: str) -> list[str]:
    """The URLs written in ``text``, without trailing punctuation.

    >>> urls_of("Voir https://pubmed.ncbi.nlm.nih.gov/20152124/. Et www.x.org")
    ['https://pubmed.ncbi.nlm.nih.gov/20152124/', 'www.x.org']
    """
    return [m.group(0).rstrip(_URL_TRAIL) for m in LINK_RE.finditer(strip_codes(text))]


class Numbers(Check):
    """Numbers and units of the source present in the translation."""

    id = "numbers"
    name = "Numbers"
    description = "Numbers and units of the source present in the translation."
    family = "consistency"
    severity = "error"
    needs_source = True

    def check(self, item: Item) -> Problem | None:
        """Match each source number to an unused target number of the same value."""
        assert item.source is not None
        source = numbers_of(item.source)
        if not source:
            return None
        target = numbers_of(item.text)
        used = [False] * len(target)
        missing: list[str] = []
        changed: list[str] = []
        dose = False
        for written, values, unit in source:
            match = next(
                (i for i, t in enumerate(target) if not used[i] and t[1] & values and t[2] == unit),
                None,
            )
            if match is None:
                match = next(
                    (i for i, t in enumerate(target) if not used[i] and t[1] & values), None
                )
                if match is not None and unit is not None:
                    changed.append(
                        f"{written} {unit} -> {target[match][0]} {target[match][2] or ''}"
                    )
            if match is None:
                missing.append(f"{written} {unit}" if unit else written)
                dose = dose or unit is not None
            else:
                used[match] = True
        if not missing and not changed:
            return None
        parts = []
        if missing:
            parts.append("missing in the translation: " + ", ".join(missing))
        if changed:
            parts.append("unit changed: " + ", ".join(c.strip() for c in changed))
        return Problem("; ".join(parts), severity=None if dose or changed else "warning")


class Urls(Check):
    """URLs of the source present, unchanged, in the translation."""

    id = "urls"
    name = "URLs"
    description = "URLs of the source present, unchanged, in the translation."
    family = "consistency"
    severity = "error"
    needs_source = True

    def check(self, item: Item) -> Problem | None:
        """Every source URL must appear in the translation."""
        assert item.source is not None
        wanted = urls_of(item.source)
        if not wanted:
            return None
        have = set(urls_of(item.text))
        missing = [u for u in wanted if u not in have]
        if not missing:
            return None
        return Problem("URL missing or changed: " + ", ".join(missing))


def _comparable(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", strip_codes(text).casefold()).split())


class DuplicateNear(Check):
    """The same content twice in a row in slightly different words.

    Two badges "Testé par un laboratoire indépendant" and "Testé en laboratoire
    indépendant" one after the other are one badge too many. Identical repeats
    (a heading that is also a link text) and head metadata are left alone.
    """

    id = "duplicate-near"
    name = "Near duplicate"
    description = "The same content twice in a row, in slightly different words."
    family = "consistency"
    severity = "warning"
    origins: ClassVar[frozenset[Origin]] = frozenset({"page"})

    def check(self, item: Item) -> Problem | None:
        """One text alone is never a duplicate; see :meth:`check_page`."""
        return None

    def eligible(self, item: Item) -> bool:
        """Visible text long enough to compare."""
        return (
            self.applies(item)
            and item.kind == "text"
            and len(item.plain.split()) >= DUPLICATE_MIN_WORDS
        )

    def check_page(self, items: Sequence[Item]) -> list[Problem | None]:
        """Compare each visible text with the one before it."""
        results: list[Problem | None] = [None] * len(items)
        previous: tuple[Item, str] | None = None
        for i, item in enumerate(items):
            if item.kind != "text":
                continue
            if not self.eligible(item):
                previous = None
                continue
            current = _comparable(item.text)
            if previous is not None and current and current != previous[1]:
                score = fuzz.ratio(previous[1], current)
                if score >= DUPLICATE_MIN_SCORE:
                    before = previous[0]
                    results[i] = Problem(
                        f"says again what line {before.line} says (“{before.plain}”), "
                        f"{score:.0f}% alike"
                    )
            previous = (item, current)
        return results


class Apostrophes(Check):
    """Straight (') and curly (’) apostrophes mixed on one page.

    A page pieced together from several hands (a translator, a machine, the
    template) shows it in its apostrophes: "l'axe" beside "n’est". Either
    style is fine; both on one page is not. The texts written in the
    minority style are reported, so the fewest edits make the page agree.
    References (titles of papers) are left out: they are quoted as published.
    """

    id = "apostrophes"
    name = "Mixed apostrophes"
    description = "Straight (') and curly (’) apostrophes both used on one page."
    family = "consistency"
    severity = "warning"
    skips_leftovers = True

    def check(self, item: Item) -> Problem | None:
        """One text alone cannot mix styles with its page: see :meth:`check_page`."""
        return None

    def check_page(self, items: Sequence[Item]) -> list[Problem | None]:
        """Count both styles over the page; flag the texts written in the rarer one."""
        counts = [
            apostrophes(item.plain)
            if self.applies(item) and item.context != "reference"
            else (0, 0)
            for item in items
        ]
        straight = sum(c[0] for c in counts)
        curly = sum(c[1] for c in counts)
        if not straight or not curly:
            return [None] * len(items)
        rare = 0 if straight < curly else 1  # a tie: the curly one is the typographer's choice
        mark, other = ("'", "’") if rare == 0 else ("’", "'")
        message = (
            f"apostrophes mixed on this page ({straight} straight ', {curly} curly ’): "
            f"this text uses {mark}, most of the page {other}"
        )
        return [Problem(message) if c[rare] else None for c in counts]
