"""Letter case and apostrophe style: conventions a page keeps throughout.

French and Dutch titles use sentence case (a capital on the first word and on
names only); English-style Title Case on a French page ("Du Magnésium Pour
Les Rêves") is a translation that kept the source's habit. One page should
also write its apostrophes one way, straight (') or curly (’), not both.
"""

from __future__ import annotations

import re

from pipeline.text.lexicon import is_word

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:[-'’][^\W\d_]+)*")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])(['’])(?=[^\W\d_])")

TITLE_CASE_MIN_WORDS = 3
"""Capitalised words (after the first) that it takes to call a title Title Case."""


def title_case_words(plain: str, lang: str) -> list[str]:
    """The capitalised words after the first, when the text is written in Title Case.

    A word counts when it is capitalised (not all capitals: GABA, HPA) and its
    lowercase form is a common word of ``lang``, so a name of a person or a
    brand says nothing. It takes :data:`TITLE_CASE_MIN_WORDS` such words that
    are also most of the title's words after the first.

    >>> title_case_words("Du Magnésium Pour Les Rêves : Pourquoi Des Minéraux", "fr")
    ['Magnésium', 'Pour', 'Les', 'Rêves', 'Pourquoi', 'Des', 'Minéraux']
    >>> title_case_words("Le magnésium et le sommeil de Marie Curie", "fr")
    []
    """
    words = _WORD.findall(plain)[1:]
    capital = [
        w
        for w in words
        if w[0].isupper() and not w.isupper() and is_word(w.lower(), lang, minimum=2.0)
    ]
    if len(capital) < TITLE_CASE_MIN_WORDS or len(capital) * 3 < len(words) * 2:
        return []
    return capital


def apostrophes(plain: str) -> tuple[int, int]:
    """How many straight (') and curly (’) apostrophes stand between two letters.

    Quotation marks (a ' that opens or closes a quote) are not counted.

    >>> apostrophes("l'école et aujourd’hui, 'cité'")
    (1, 1)
    """
    found = _APOSTROPHE.findall(plain)
    return found.count("'"), found.count("’")
