"""Dates in running text: find them, judge them against the page locale, render them.

Pure text analysis shared by the ``dates`` check and the date fixer.

Month names and the order of day, month and year come from Babel (CLDR), so
"janvier 28, 2026" on a French page (English order, French month) and
"28 January 2026" on a Dutch one are caught and rendered again in the page
locale: "28 janvier 2026", "28 januari 2026". English accepts both "January
28, 2026" and the British "28 January 2026".
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pipeline.languages import LANGUAGES, display_name
from pipeline.text.codes import tokenize
from pipeline.text.spacing import Edit

DATE_LANGS: tuple[str, ...] = LANGUAGES
Width = Literal["wide", "abbreviated"]
ACCEPTED_ORDERS: dict[str, frozenset[str]] = {
    "fr": frozenset({"dmy"}),
    "nl": frozenset({"dmy"}),
    "en": frozenset({"mdy", "dmy"}),
}
_FOUR_DIGITS = re.compile(r"\d{4}")
_EXTRA_NAMES: dict[tuple[str, str], tuple[int, Width]] = {("en", "sept"): (9, "abbreviated")}


@dataclass(frozen=True)
class MonthName:
    """One way of writing a month in one language."""

    lang: str
    month: int
    width: Width


@lru_cache(maxsize=1)
def _months() -> dict[str, tuple[MonthName, ...]]:
    """Month names of fr/nl/en (lower case, no final dot) -> their readings."""
    from babel import Locale

    table: dict[str, list[MonthName]] = {}
    for lang in DATE_LANGS:
        months = Locale.parse(lang).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    key = str(name).lower().rstrip(".")
                    reading = MonthName(
                        lang, int(number), "wide" if width == "wide" else "abbreviated"
                    )
                    if reading not in table.setdefault(key, []):
                        table[key].append(reading)
    for (lang, key), (number, width) in _EXTRA_NAMES.items():
        table.setdefault(key, []).append(MonthName(lang, number, width))
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def _date_re() -> re.Pattern[str]:
    names = sorted(_months(), key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(n) for n in names) + r")(?![^\W\d_])\.?"
    day = r"[0-3]?\d(?:er|e|st|nd|rd|th)?"
    return re.compile(
        rf"(?<![\w.,])(?:(?P<d1>{day})\s+(?P<m1>{month}),?\s+(?P<y1>\d{{4}})"
        rf"|(?P<m2>{month})\s+(?P<d2>{day}),?\s+(?P<y2>\d{{4}}))(?![\d])",
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class DateMatch:
    """A date written with a month name, as found in a piece of text."""

    start: int
    end: int
    text: str
    date: datetime.date
    order: Literal["dmy", "mdy"]
    month_langs: frozenset[str]
    width: Width


def find_dates(text: str) -> list[DateMatch]:
    """Dates with a month name in plain ``text`` (invalid dates are skipped).

    >>> [(d.date.isoformat(), d.order) for d in find_dates("Published on janvier 28, 2026")]
    [('2026-01-28', 'mdy')]
    """
    if _FOUR_DIGITS.search(text) is None:
        return []
    found: list[DateMatch] = []
    for m in _date_re().finditer(text):
        order: Literal["dmy", "mdy"] = "dmy" if m.group("d1") else "mdy"
        raw_month = m.group("m1") or m.group("m2")
        raw_day = m.group("d1") or m.group("d2")
        year = int(m.group("y1") or m.group("y2"))
        readings = _months().get(raw_month.lower().rstrip("."), ())
        if not readings:
            continue
        day = int(re.match(r"\d+", raw_day).group(0))  # type: ignore[union-attr]
        try:
            date = datetime.date(year, readings[0].month, day)
        except ValueError:
            continue
        width: Width = "wide" if any(r.width == "wide" for r in readings) else "abbreviated"
        found.append(
            DateMatch(
                m.start(),
                m.end(),
                m.group(0),
                date,
                order,
                frozenset(r.lang for r in readings),
                width,
            )
        )
    return found


def render_date(date: datetime.date, lang: str, width: Width = "wide") -> str:
    """A date as the locale writes it: Babel's long (or medium) format.

    >>> render_date(datetime.date(2026, 1, 28), "fr"), render_date(datetime.date(2026, 1, 28), "en")
    ('28 janvier 2026', 'January 28, 2026')
    """
    from babel.dates import format_date

    return str(format_date(date, "long" if width == "wide" else "medium", locale=lang))


def date_fault(match: DateMatch, lang: str) -> str | None:
    """Why a date does not follow ``lang``'s locale, or None."""
    if lang not in ACCEPTED_ORDERS:
        return None
    name = display_name(lang)
    if lang not in match.month_langs:
        return f"the month in “{match.text}” is not {name}"
    if match.order not in ACCEPTED_ORDERS[lang]:
        return f"“{match.text}” is not in {name} order (day month year)"
    return None


def date_repairs(text: str, lang: str) -> list[tuple[Edit, str]]:
    """Edits that render each non-conforming date of coded ``text`` in ``lang``.

    Dates are looked for inside each run of text between codes, so a code is
    never touched.

    >>> date_repairs("<g2>janvier 28, 2026</g2>", "fr")
    [((4, 20, '28 janvier 2026'), '“janvier 28, 2026” is not in French order (day month year)')]
    """
    repairs: list[tuple[Edit, str]] = []
    if lang not in ACCEPTED_ORDERS:
        return repairs
    offset = 0
    for tok in tokenize(text):
        if tok.kind == "text":
            for match in find_dates(tok.value):
                fault = date_fault(match, lang)
                if fault is not None:
                    new = render_date(match.date, lang, match.width)
                    if new != match.text:
                        edit = (offset + match.start, offset + match.end, new)
                        repairs.append((edit, fault))
        offset += len(tok.value)
    return repairs
