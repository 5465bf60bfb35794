"""Checks on characters: spacing around punctuation, text cut off by an ellipsis."""

from __future__ import annotations

from typing import ClassVar

from pipeline.checks.base import Check, Item, Problem, Severity, severity_rank
from pipeline.languages import LANGUAGES
from pipeline.text.codes import strip_codes
from pipeline.text.spacing import spacing_problems, truncation


class PunctuationSpacing(Check):
    """Spacing around ``; : ! ?`` as each language wants it.

    French: a narrow no-break space before ``; ! ?``, a no-break space before
    ``:``, a space after. English and Dutch: no space before. Everywhere:
    ``?Les``, ``:Le`` and ``Amazon*En`` are glued text, an error.
    """

    id = "punctuation-spacing"
    name = "Punctuation spacing"
    description = "Spaces around ; : ! ? as the language wants them, and none missing after."
    family = "chars"
    severity = "error"
    languages = frozenset(LANGUAGES)
    skips_leftovers = True
    fixers: ClassVar[tuple[str, ...]] = (
        "restore_space_after_punctuation",
        "fix_french_punctuation_spacing",
        "remove_space_before_punctuation",
    )

    def check(self, item: Item) -> Problem | None:
        """List the spacing problems of one text, graded by the worst."""
        problems = spacing_problems(item.text, item.lang, item.context)
        if not problems:
            return None
        worst: Severity = min((p.severity for p in problems), key=severity_rank)
        by_place: dict[str, list[str]] = {}
        for p in problems:
            by_place.setdefault(p.excerpt, []).append(p.what)
        message = "; ".join(f"“{where}”: {', '.join(whats)}" for where, whats in by_place.items())
        return Problem(message, severity=worst)


class Truncated(Check):
    """Text cut mid-word and ended with an ellipsis: "(AKG & Ca...".

    A teaser cut at a word boundary passes; in a catalog, a translation is
    judged only when its source is not cut itself.
    """

    id = "truncated"
    name = "Truncated text"
    description = "Text cut mid-word with an ellipsis."
    family = "chars"
    severity = "warning"
    languages = frozenset(LANGUAGES)  # judged with their lexicons

    def check(self, item: Item) -> Problem | None:
        """Say why the text looks cut, if it does."""
        if "." not in item.text and "…" not in item.text:
            return None
        if item.source is not None and item.source_lang:
            source = strip_codes(item.source).rstrip()
            if source.endswith(("...", "…")):
                return None
        reason = truncation(item.plain, item.lang)
        if reason is None:
            return None
        return Problem(f"text cut mid-word before the ellipsis: {reason}")
