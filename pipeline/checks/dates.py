"""Dates written the way the page's locale writes them, and agreeing with ``<time>``.

Month names and the order of day, month and year come from Babel (CLDR), so
"janvier 28, 2026" on a French page (English order, French month) and
"28 January 2026" on a Dutch one are caught and rendered again in the page
locale: "28 janvier 2026", "28 januari 2026". English accepts both "January
28, 2026" and the British "28 January 2026".
"""

from __future__ import annotations

import datetime
import re

from pipeline.checks.base import Check, Item, Problem
from pipeline.text.dates import DATE_LANGS, date_repairs, find_dates


def time_disagreements(item: Item) -> list[str]:
    """``<time datetime>`` codes whose visible date is another day."""
    messages: list[str] = []
    for number, tag, attrs in item.code_tags:
        if tag != "time":
            continue
        value = dict(attrs).get("datetime", "")
        try:
            machine = datetime.date.fromisoformat(value[:10])
        except ValueError:
            continue
        m = re.search(rf"<g{number}>(.*?)</g{number}>", item.text, re.S)
        if m is None:
            continue
        visible = re.sub(r"<[^>]*>", "", m.group(1))
        for match in find_dates(visible):
            if match.date != machine:
                messages.append(f'<time datetime="{value}"> shows “{match.text}”, another day')
    return messages


class Dates(Check):
    """A date whose month name or word order does not follow the page locale."""

    id = "dates"
    name = "Dates"
    description = "Dates in the locale's word order and month names, agreeing with <time>."
    family = "dates"
    severity = "error"
    languages = frozenset(DATE_LANGS)
    fixers = ("render_date_in_locale",)

    def check(self, item: Item) -> Problem | None:
        """Report dates not written the locale's way, and <time> disagreements."""
        repairs = date_repairs(item.text, item.lang)
        messages = [fault for _edit, fault in repairs]
        messages += time_disagreements(item)
        if not messages:
            return None
        suffix = ""
        if repairs:
            shown = ", ".join(f"“{new}”" for (_s, _e, new), _f in repairs)
            suffix = f": write {shown}"
        return Problem("; ".join(messages) + suffix, fixable=bool(repairs))
