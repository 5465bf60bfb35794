"""Checks on inline codes: codes kept intact, and no words glued at their edges."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import ClassVar

from pipeline.checks.base import Check, Item, Problem
from pipeline.languages import LANGUAGES
from pipeline.text.codes import CODE_RE, code_problems
from pipeline.text.lexicon import COMPOUNDING, JOINED_MIN_ZIPF, is_function_word, zipf
from pipeline.text.offsets import plain_map
from pipeline.text.spacing import (
    boundary_pattern,
    code_boundaries,
    codes_between,
    find_glued,
    words_at,
)

# Text shaped like a code but not one: "<g 1>", "</g1", "<x2>", "< /g3 >".
_CODE_LIKE = re.compile(r"<\s*/?\s*[gx]\s*\d+\s*/?\s*>?")


def malformed_codes(text: str) -> list[str]:
    """Pieces of ``text`` that look like inline codes but are broken.

    >>> malformed_codes("a <g1>b</g1 c <x2> d <x3/>")
    ['</g1', '<x2>']
    """
    exact = {m.start() for m in CODE_RE.finditer(text)}
    return [m.group(0).strip() for m in _CODE_LIKE.finditer(text) if m.start() not in exact]


class InlineCodes(Check):
    """Every code of the source, once, balanced and properly nested."""

    id = "inline-codes"
    name = "Inline codes"
    description = "Codes missing, extra, unbalanced or badly nested in a translation."
    family = "codes"
    severity = "error"
    needs_source = True

    def check(self, item: Item) -> Problem | None:
        """Compare the translation's codes with the source's."""
        assert item.source is not None
        messages = [p.message for p in code_problems(item.source, item.text)]
        messages += [f"broken code '{piece}'" for piece in malformed_codes(item.text)]
        if not messages:
            return None
        return Problem("; ".join(messages))


class GluedWords(Check):
    """Two words meeting at a tag boundary with no space between them.

    On a page the lexicon decides: the joined form is no word of the page's
    language but both halves are (Dutch compounds are left alone). In a catalog
    the source decides: a code the source has between a letter and a non-letter
    sits between two letters in the translation.
    """

    id = "glued-words"
    name = "Glued words"
    description = "Words glued together at an inline tag, where a space was lost."
    family = "codes"
    severity = "error"
    fixers: ClassVar[tuple[str, ...]] = ("restore_space_at_codes",)
    languages = frozenset(LANGUAGES)  # judged with their lexicons

    def check(self, item: Item) -> Problem | None:
        """Find the glued pairs of one text."""
        if "<" not in item.text:
            return None
        if item.source is not None:
            joins = self._against_source(item.source, item.text, item.lang)
        else:
            _plain, index = plain_map(item.text)
            joins = [
                (g.shown, _join_mark(bisect_left(index, g.at), g.left, g.right))
                for g in find_glued(item.text, item.lang, item.tag_of)
            ]
        if not joins:
            return None
        shown = ", ".join(f"“{pair}”" for pair, _mark in joins)
        return Problem(f"words glued at a tag boundary: {shown}", marks=tuple(m for _p, m in joins))

    @staticmethod
    def _against_source(source: str, target: str, lang: str) -> list[tuple[str, tuple[int, int]]]:
        want = boundary_pattern(source)
        plain, _index = plain_map(target)
        pairs: list[tuple[str, tuple[int, int]]] = []
        for i, start, end in code_boundaries(target):
            if not (plain[i].isalpha() and plain[i + 1].isalpha()):
                continue
            codes = [m.group(0) for m in codes_between(target, start, end)]
            if any(code not in want for code in codes):
                continue  # the inline-codes check reports unknown codes
            if any(want[code] == (True, True) for code in codes):
                continue  # glued in the source too: the same shape
            left, right = words_at(target, start, end)
            if zipf((left + right).lower(), lang) >= JOINED_MIN_ZIPF:
                continue
            if lang in COMPOUNDING and not (
                is_function_word(left, lang) or is_function_word(right, lang)
            ):
                continue
            pairs.append((f"{left}|{right}", _join_mark(i + 1, left, right)))
        return pairs


def _join_mark(at: int, left: str, right: str) -> tuple[int, int]:
    """The plain range of a glued pair whose lost space belongs at plain index ``at``.

    >>> _join_mark(9, "abaissant", "pics")
    (0, 13)
    """
    return at - len(left), at + len(right)
