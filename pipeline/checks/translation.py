"""Checks on the state of a translation: missing, fuzzy, copied, far too short or long."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from pipeline.checks.base import Check, Item, Origin, Problem
from pipeline.languages import LANGUAGES
from pipeline.text.codes import strip_codes
from pipeline.text.lexicon import zipf
from pipeline.text.offsets import plain_map
from pipeline.text.urls import LINK_OR_EMAIL_RE

# (source, target) -> (lowest, highest) acceptable length ratio target/source.
# Typical ratios on the project's articles: English to French +15%, English to
# Dutch +10%; the band is half to twice the typical ratio.
TYPICAL_RATIO: dict[tuple[str, str], float] = {
    ("en", "fr"): 1.15,
    ("en", "nl"): 1.10,
    ("fr", "en"): 0.87,
    ("nl", "en"): 0.91,
    ("fr", "nl"): 0.96,
    ("nl", "fr"): 1.05,
}
RATIO_BAND = (0.5, 2.0)
SAME_MARGIN_ZIPF = 1.0
"""A copied text is flagged when its words are on average this much more frequent
(Zipf) in the source language than in the target: "Soins de la peau" (4.7 vs
1.5) is French; "Contact" (4.8 vs 5.0) is both."""
MIN_SOURCE_CHARS = 20
"""Shorter sources ("Home", "Lire la suite") vary too much in length to judge."""

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def ratio_band(source_lang: str, lang: str) -> tuple[float, float]:
    """The acceptable length ratio of a translation for a language pair.

    >>> ratio_band("en", "fr")
    (0.575, 2.3)
    """
    typical = TYPICAL_RATIO.get((source_lang, lang), 1.0)
    return (round(typical * RATIO_BAND[0], 3), round(typical * RATIO_BAND[1], 3))


class Untranslated(Check):
    """A catalog entry with no translation yet."""

    id = "untranslated"
    name = "Untranslated"
    description = "A catalog entry with an empty translation."
    family = "translation"
    severity = "info"
    origins: ClassVar[frozenset[Origin]] = frozenset({"catalog"})
    needs_source = True
    judges_untranslated = True

    def check(self, item: Item) -> Problem | None:
        """Empty msgstr."""
        return None if item.text.strip() else Problem("not translated yet")


class Fuzzy(Check):
    """A translation marked fuzzy: machine or memory work a person has not reviewed."""

    id = "fuzzy"
    name = "Fuzzy"
    description = "A translation marked fuzzy, waiting for review."
    family = "translation"
    severity = "info"
    origins: ClassVar[frozenset[Origin]] = frozenset({"catalog"})
    needs_source = True

    def check(self, item: Item) -> Problem | None:
        """The fuzzy flag."""
        return Problem("marked fuzzy: needs review") if item.fuzzy else None


def words_to_translate(text: str, terms: Iterable[str] = ()) -> list[str]:
    """The words of ``text`` a translator would be expected to change.

    Codes, URLs, numbers, do-not-translate ``terms``, acronyms and capitalised
    names are left out.

    >>> words_to_translate("Le <g1>MgT</g1> de Slutsky aide", ["MgT"])
    ['Le', 'de', 'aide']
    """
    plain = LINK_OR_EMAIL_RE.sub(" ", strip_codes(text))
    for term in terms:
        if term:
            plain = re.sub(rf"(?<!\w){re.escape(term)}(?!\w)", " ", plain, flags=re.I)
    words: list[str] = []
    for m in _WORD.finditer(plain):
        word = m.group(0)
        letters = [c for c in word if c.isalpha()]
        if sum(c.isupper() for c in letters) >= 2:
            continue  # GABA, MgT, Ca-AKG
        before = plain[: m.start()].rstrip()
        if word[0].isupper() and before and before[-1] not in '.!?:;«“"(':
            continue  # a name inside a sentence
        words.append(word)
    return words


class SameAsSource(Check):
    """A translation identical to its source while the source has words to translate."""

    id = "same-as-source"
    name = "Same as source"
    description = "A translation identical to its source (names, codes and terms aside)."
    family = "translation"
    severity = "warning"
    languages = frozenset(LANGUAGES)  # judged with their lexicons
    needs_source = True

    def check(self, item: Item) -> Problem | None:
        """Flag a copy whose words read as the source language rather than the target."""
        assert item.source is not None
        if " ".join(item.text.split()) != " ".join(item.source.split()):
            return None
        if not item.source_lang or item.source_lang == item.lang or item.context == "reference":
            return None
        words = [
            w.lower()
            for w in words_to_translate(item.source, self.run_context.glossary)
            if len(w) >= 3
        ]
        if not words:
            return None
        in_source = sum(zipf(w, item.source_lang) for w in words) / len(words)
        in_target = sum(zipf(w, item.lang) for w in words) / len(words)
        if in_source - in_target < SAME_MARGIN_ZIPF:
            return None  # already in the target language, or words both languages share
        foreign = [w for w in words if zipf(w, item.source_lang) > zipf(w, item.lang)]
        return Problem(
            f"identical to the source, and reads as {item.source_lang} "
            f"({', '.join(foreign[:4])}), not {item.lang}"
        )


class LengthRatio(Check):
    """A translation far shorter or longer than its source."""

    id = "length-ratio"
    name = "Length ratio"
    description = "A translation far shorter or longer than its source, per language pair."
    family = "translation"
    severity = "warning"
    needs_source = True

    def check(self, item: Item) -> Problem | None:
        """Compare plain lengths against the pair's band."""
        assert item.source is not None
        source = " ".join(strip_codes(item.source).split())
        if len(source) < MIN_SOURCE_CHARS or not item.source_lang:
            return None
        target, _ = plain_map(item.text)
        target = " ".join(target.split())
        low, high = ratio_band(item.source_lang, item.lang)
        ratio = len(target) / len(source)
        if low <= ratio <= high:
            return None
        what = "shorter" if ratio < low else "longer"
        return Problem(
            f"translation is {ratio:.2f} times the source's length, far {what} than "
            f"expected for {item.source_lang}->{item.lang} ({low:g}-{high:g})"
        )
