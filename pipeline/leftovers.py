"""Repairs for mixed-language leftovers: page furniture, memory, then a machine.

A leftover is replaced by a translation that already exists before anything
new is made: the shared page-furniture catalog (``ui.po``, which translators
maintain) for bylines and labels, then the translation memory (a Dutch card
title is the title of a Dutch article whose French translation the memory
holds), and only then a machine translation from the language the leftover
was found in. Machine-made replacements are queued for review in ``ui.po``
as fuzzy entries. A foreign duplicate of a neighbouring element is removed
only once the two are shown to be translations of each other.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from pipeline import catalog
from pipeline.checks.base import Fix
from pipeline.config import Settings
from pipeline.errors import ModelError
from pipeline.fixes import render_date_in_locale
from pipeline.inline import code_problems, strip_codes
from pipeline.memory import TranslationMemory
from pipeline.segments import Segment

MEMORY_MIN_SCORE = 95.0  # a near-exact memory match may repair a page unseen
SAME_MEANING_SCORE = 70.0  # machine translation of one vs the other, 0-100
COGNATE_SHARE = 0.6  # share of long words with a close counterpart in the other

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_WORD = re.compile(r"[^\W\d_]{4,}")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", strip_codes(text).casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("\u00a0", " ")


def cognate_overlap(a: str, b: str) -> float:
    """Share of the long words of ``a`` with a close counterpart in ``b`` (0..1).

    >>> round(cognate_overlap("Magnesium L-threonaat: hersengezondheid, synaptische plasticiteit",
    ...                       "Magnésium L-thréonate : santé du cerveau, plasticité synaptique"), 2)
    0.8
    """
    words_a = _WORD.findall(_fold(a))
    words_b = _WORD.findall(_fold(b))
    if not words_a or not words_b:
        return 0.0
    close = sum(1 for w in words_a if max(fuzz.ratio(w, v) for v in words_b) >= 75)
    return close / len(words_a)


@dataclass
class LeftoverRepairs:
    """The ``suggest`` hook of the checks, with what it needs loaded lazily."""

    settings: Settings
    use_engine: bool = True
    memory: TranslationMemory | None = None
    review: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    _furniture: dict[str, dict[tuple[str, str], tuple[str, bool]]] = field(default_factory=dict)
    _engine: Any = None
    _engine_failed: bool = False

    # -- sources -------------------------------------------------------------
    def _memory(self) -> TranslationMemory:
        if self.memory is None:
            from pipeline.project import discover
            from pipeline.translate import build_memory

            self.memory = build_memory(self.settings, discover(self.settings))
        return self.memory

    def _furniture_for(self, lang: str) -> dict[tuple[str, str], tuple[str, bool]]:
        if lang not in self._furniture:
            self._furniture[lang] = catalog.load_furniture(self.settings.locales, lang)
        return self._furniture[lang]

    def _machine(self, text: str, src: str, tgt: str) -> tuple[str, str] | None:
        if not self.use_engine or self._engine_failed:
            return None
        try:
            if self._engine is None:
                from pipeline.engines import get_engine

                self._engine = get_engine(self.settings.engine)
            (result,) = self._engine.translate([text], src, tgt)
        except ModelError:
            return None
        return result.text, result.comment

    # -- the hook --------------------------------------------------------------
    def suggest(self, segment: Segment, found: str | None) -> Fix | None:
        """A replacement for a leftover found in language ``found``, or None."""
        target = segment.lang
        if found is None or found == target:
            return None
        text = segment.text
        fix = self._from_furniture(text, found, target)
        if fix is None:
            fix = self._from_memory(text, found, target)
        if fix is None:
            made = self._machine(text, found, target)
            if made is not None and not code_problems(text, made[0]):
                fix = Fix(made[0], made[1])
                self.review.append((target, found, text, made[0], made[1]))
        return fix

    def _from_furniture(self, text: str, found: str, target: str) -> Fix | None:
        entries = self._furniture_for(target)
        for (lang, phrase), (replacement, fuzzy) in sorted(
            entries.items(), key=lambda item: -len(item[0][1])
        ):
            if lang != found or fuzzy:
                continue
            m = re.match(r"^(<g\d+>)?" + re.escape(phrase) + r"(</g\d+>)?(?=\s|<|$)", text)
            if not m:
                continue
            rest = render_date_in_locale(text[m.end() :], target)
            new = f"{m.group(1) or ''}{replacement}{m.group(2) or ''}{rest}"
            return Fix(new, "ui.po")
        return None

    def _from_memory(self, text: str, found: str, target: str) -> Fix | None:
        for match in self._memory().lookup(found, target, text, threshold=MEMORY_MIN_SCORE):
            if match.codes_fit and not match.unit.fuzzy:
                return Fix(match.target, f"memory: {match.unit.origin or 'store'}")
        return None

    # -- duplicates ------------------------------------------------------------
    def same_meaning(self, foreign: Segment, found: str, neighbour: Segment) -> str | None:
        """How ``foreign`` (in ``found``) is shown to translate ``neighbour``, or None.

        Evidence, strongest first: the memory pairs them; a machine translation
        of one is close to the other; or their long words are cognates and
        their numbers agree. Language alone is never enough.
        """
        other = _fold(neighbour.text)
        for match in self._memory().lookup(found, neighbour.lang, foreign.text, threshold=90):
            if fuzz.ratio(_fold(match.target), other) >= 90:
                return f"memory: {match.unit.origin or 'store'}"
        made = self._machine(foreign.text, found, neighbour.lang)
        if made is not None and fuzz.ratio(_fold(made[0]), other) >= SAME_MEANING_SCORE:
            return made[1]
        numbers_agree = _NUMBER.findall(foreign.plain) == _NUMBER.findall(neighbour.plain)
        if numbers_agree and cognate_overlap(foreign.text, neighbour.text) >= COGNATE_SHARE:
            return "cognates"
        return None

    def save_for_review(self) -> int:
        """Add machine-made replacements to ``ui.po`` as fuzzy entries."""
        added = 0
        for lang in sorted({r[0] for r in self.review}):
            items = [(src, text, new, origin) for tgt, src, text, new, origin in self.review
                     if tgt == lang]  # fmt: skip
            added += catalog.add_for_review(
                catalog.ui_catalog_path(self.settings.locales, lang), lang, items
            )
        self.review.clear()
        return added
