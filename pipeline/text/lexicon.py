"""Is this a word of French, Dutch or English? The one door to wordfreq.

wordfreq's lists are large, well kept and carry frequencies, which is what the
checks need: "abaissantpics" is no word (Zipf 0), "abaissant" (2.8) and
"pics" (3.6) are; Dutch writes compounds as one word, and the frequent ones
("slaapkwaliteit", 1.2) are in the list too.

Zipf values run from 0 (unknown) to about 8 ("de"); 1 is about once per
hundred million words.
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.languages import LANGUAGES

WORD_MIN_ZIPF = 2.0
"""A half of a glued pair, or the last word before an ellipsis, must reach this
to count as a real word ("abaissant" 2.8, "alignant" 2.7, "cortisol" 2.5)."""

JOINED_MIN_ZIPF = 1.0
"""A joined form at or above this is a word in its own right (Dutch compounds
such as "slaapkwaliteit" 1.2 or "magnesiumtekort" 1.0)."""

FUNCTION_WORDS = 150
"""How many of the most frequent words of a language count as function words
(articles, prepositions, conjunctions...), which never start a compound."""

COMMON_WORDS = 500
"""A fragment of three letters or less before an ellipsis is taken as a real
word only among this many most frequent words ("de", "ça"; not "ré")."""

COMPOUNDING = frozenset({"nl"})
"""Languages that write compounds as one word, so two words meeting at a tag
may be legitimately joined even when the joined form is not in the list."""


@lru_cache(maxsize=131072)
def zipf(word: str, lang: str) -> float:
    """The Zipf frequency of ``word`` in ``lang`` (0 when unknown).

    >>> zipf("magnésium", "fr") > 3 > zipf("magnésiumet", "fr")
    True
    """
    if not word or lang not in LANGUAGES:
        return 0.0
    from wordfreq import zipf_frequency

    try:
        return float(zipf_frequency(word, lang))
    except (ValueError, LookupError):
        return 0.0


def is_word(word: str, lang: str, minimum: float = WORD_MIN_ZIPF) -> bool:
    """True when ``word`` is a word of ``lang`` at least as frequent as ``minimum``.

    >>> is_word("hygiène", "fr"), is_word("ethygiène", "fr")
    (True, False)
    """
    return zipf(word, lang) >= minimum


@lru_cache(maxsize=8)
def _top(lang: str, n: int) -> frozenset[str]:
    from wordfreq import top_n_list

    return frozenset(top_n_list(lang, n))


def is_function_word(word: str, lang: str) -> bool:
    """True for the most frequent, grammatical words of a language.

    >>> is_function_word("en", "nl"), is_function_word("kwaliteit", "nl")
    (True, False)
    """
    return word.lower() in _top(lang, FUNCTION_WORDS)


def is_common_word(word: str, lang: str) -> bool:
    """True for a word among the few hundred most frequent of ``lang``.

    >>> is_common_word("de", "fr"), is_common_word("ré", "fr")
    (True, False)
    """
    return word.lower() in _top(lang, COMMON_WORDS)
