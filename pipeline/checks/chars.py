"""Checks on characters: spacing around punctuation, text cut off by an ellipsis, case."""

from __future__ import annotations

from typing import ClassVar

from pipeline.checks.base import Check, Item, Problem, Severity, severity_rank
from pipeline.languages import LANGUAGES, display_name
from pipeline.text.case import title_case_words
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


class TitleCase(Check):
    """A French or Dutch title in English-style Title Case.

    French and Dutch write titles in sentence case: "Du magnésium pour les
    rêves", not "Du Magnésium Pour Les Rêves". A translation that kept the
    English habit reads as foreign; only a person can say which words are
    names, so there is no fixer.
    """

    id = "title-case"
    name = "Title Case"
    description = "A title capitalised word by word, where the language uses sentence case."
    family = "chars"
    severity = "warning"
    languages = frozenset({"fr", "nl"})
    skips_leftovers = True

    def applies(self, item: Item) -> bool:
        """Headings and the page's titles (``<title>``, og:title, headline) only."""
        return super().applies(item) and (
            item.context == "heading" or item.location == "title" or _names_title(item.location)
        )

    def check(self, item: Item) -> Problem | None:
        """Name the capitalised words when the title is in Title Case."""
        words = title_case_words(item.plain, item.lang)
        if not words:
            return None
        shown = ", ".join(words[:5]) + (", …" if len(words) > 5 else "")
        return Problem(
            f"title in Title Case ({shown}): {display_name(item.lang)} titles use sentence case, "
            "a capital on the first word and on names only"
        )


def _names_title(location: str) -> bool:
    """True for the title attributes of the head: og:title, twitter:title, headline."""
    return location.endswith(("title]@content", "@headline"))
