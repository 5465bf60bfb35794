"""What the leftover judge says of a text: its verdict and the foreign runs in it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from pipeline.segments import Context

CONTEXTS: frozenset[str] = frozenset(get_args(Context)) - {"button"}
"""Where a text sits on the page (a button's label is judged as an attribute);
see :meth:`pipeline.language_id.evidence.EvidenceJudge.judge`."""


@dataclass(frozen=True)
class Span:
    """A run of a text in one language, as character offsets into the text."""

    start: int
    end: int
    lang: str
    confidence: float


@dataclass(frozen=True)
class Verdict:
    """What the judge thinks of one text.

    ``found`` and ``confidence`` are None when the text was not judged by language
    (a URL, a number, too short, ...). For a flagged text ``found`` is the language
    of the leftover: for a sentence half in another language that is the language
    of the foreign half. ``spans`` locate the leftover in ``text`` (the whole text
    when all of it is foreign); they are empty when nothing is flagged.

    ``reason`` when flagged: "foreign" (Lingua, whole text), "mixed" (a run
    inside the text), "ui-phrase" (a known phrase of another language),
    "furniture" (the catalog says so), "date" (a month name in another
    language). When not flagged: "same-language", "low-confidence", "too-short",
    "url", "number", "citation", "glossary", "name", "ingredient", "acronym",
    "loanword", "quote", "furniture".
    """

    text: str
    expected: str
    found: str | None
    confidence: float | None
    foreign: bool
    reason: str
    spans: tuple[Span, ...] = ()


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends on space or punctuation."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".!?…"):
        end -= 1
    return start, end
