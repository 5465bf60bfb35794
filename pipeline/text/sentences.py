"""Sentence segmentation for coded text, with FR/NL/EN abbreviation guards.

sentencex does the splitting (it keeps every character, so offsets map back).
Two things are added on top: abbreviations it does not know in one of our
languages (``M.``, ``o.a.``, ``p. ex.``) never end a sentence, and a cut never
falls inside an inline code, so every sentence keeps balanced codes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from pipeline.text.codes import CLOSING, STANDALONE, tokenize
from pipeline.text.offsets import plain_map

# Tokens that end with a dot but do not end a sentence. Checked case-sensitively
# against the last word of a candidate sentence.
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        [
            "M.",
            "MM.",
            "Mme.",
            "Mmes.",
            "Mlle.",
            "Mlles.",
            "Dr.",
            "Pr.",
            "Me.",
            "St.",
            "Ste.",
            "ex.",
            "p.",
            "pp.",
            "cf.",
            "fig.",
            "Fig.",
            "env.",
            "n°.",
            "no.",
            "vol.",
            "éd.",
            "art.",
            "chap.",
            "av.",
            "apr.",
            "J.-C.",
            "c.-à-d.",
            "resp.",
            "min.",
            "max.",
            "janv.",
            "févr.",
            "avr.",
            "juil.",
            "sept.",
            "oct.",
            "nov.",
            "déc.",
            "hab.",
            "tél.",
        ]
    ),
    "nl": frozenset(
        [
            "dhr.",
            "mevr.",
            "mw.",
            "Dhr.",
            "Mevr.",
            "Mw.",
            "dr.",
            "Dr.",
            "prof.",
            "Prof.",
            "o.a.",
            "O.a.",
            "bv.",
            "Bv.",
            "bijv.",
            "Bijv.",
            "d.w.z.",
            "m.a.w.",
            "i.p.v.",
            "t.o.v.",
            "ca.",
            "fig.",
            "Fig.",
            "nr.",
            "Nr.",
            "resp.",
            "blz.",
            "jl.",
            "a.s.",
            "z.g.",
            "m.b.t.",
            "n.a.v.",
            "e.d.",
            "e.a.",
            "evt.",
            "incl.",
            "excl.",
            "min.",
            "max.",
        ]
    ),
    "en": frozenset(
        [
            "Mr.",
            "Mrs.",
            "Ms.",
            "Dr.",
            "Prof.",
            "St.",
            "Jr.",
            "Sr.",
            "e.g.",
            "i.e.",
            "vs.",
            "cf.",
            "Fig.",
            "fig.",
            "No.",
            "no.",
            "approx.",
            "Inc.",
            "Ltd.",
            "Co.",
            "Vol.",
            "vol.",
            "pp.",
            "p.",
            "Eq.",
            "Ref.",
            "ref.",
            "Jan.",
            "Feb.",
            "Mar.",
            "Apr.",
            "Jun.",
            "Jul.",
            "Aug.",
            "Sep.",
            "Sept.",
            "Oct.",
            "Nov.",
            "Dec.",
            "al.",
        ]
    ),
}

# Where a sentence may end inside the text: an end mark, closing quotes or
# codes, then a space. Without one, the text is a single sentence and the
# splitter is not asked (most headings, labels and short paragraphs).
_MAYBE_BOUNDARY = re.compile(rf"[.!?…;:]+(?:[\"'»”’)\]]|{CLOSING}|{STANDALONE})*\s+\S")

_SENTENCEX_LANG = {"fr": "fr", "nl": "nl", "en": "en"}


@lru_cache(maxsize=1024)  # a few pages: build merges each source per language
def _pieces(lang: str, plain: str) -> tuple[str, ...]:
    return tuple(_segmenter()(_SENTENCEX_LANG.get(lang, "en"), plain))


@lru_cache(maxsize=1)
def _segmenter() -> Callable[[str, str], Iterable[str]]:
    """sentencex's splitter, imported once (an import statement per call costs)."""
    from sentencex import segment

    return segment


def _ends_with_abbreviation(piece: str, lang: str) -> bool:
    words = piece.rsplit(None, 1)
    if not words:
        return False
    word = words[-1].lstrip("(«“\"'")
    return word in ABBREVIATIONS.get(lang, frozenset())


def _balanced(text: str) -> bool:
    if "<g" not in text and "</g" not in text:
        return True  # no paired codes: nothing to balance
    depth = 0
    for tok in tokenize(text):
        if tok.kind == "open":
            depth += 1
        elif tok.kind == "close":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def split_sentences(text: str, lang: str) -> list[tuple[str, str]]:
    """Split coded ``text`` into ``(sentence, separator)`` pairs.

    Joining every sentence with its separator gives ``text`` back exactly.

    >>> split_sentences("M. Dupont dort. Il <g1>rêve</g1>. Fin !", "fr")
    [('M. Dupont dort.', ' '), ('Il <g1>rêve</g1>.', ' '), ('Fin !', '')]
    >>> split_sentences("<g1>Eén. Twee.</g1> Drie.", "nl")
    [('<g1>Eén. Twee.</g1>', ' '), ('Drie.', '')]
    """
    if not text:
        return []
    if not _MAYBE_BOUNDARY.search(text):
        return [(text, "")]  # no end mark followed by a space: one sentence
    plain, offsets = plain_map(text, escapes=False)
    if not plain.strip():
        return [(text, "")]

    pieces = _pieces(lang, plain)
    # Candidate cuts: (plain end of sentence content, plain start of next).
    cuts: list[tuple[int, int]] = []
    start = 0
    for i, piece in enumerate(pieces):
        end = start + len(piece)
        if i < len(pieces) - 1 and not _ends_with_abbreviation(piece, lang):
            content_end = start + len(piece.rstrip())
            if content_end > start:
                cuts.append((content_end, end))
        start = end

    result: list[tuple[str, str]] = []
    sentence_start = 0
    for content_end, next_start in cuts:
        left_end = offsets[content_end - 1] + 1
        right_start = offsets[next_start] if next_start < len(offsets) else len(text)
        region = text[left_end:right_start]
        # Closing and standalone codes stay with the sentence they end.
        keep = 0
        for tok in tokenize(region) if "<" in region else ():
            if tok.kind in ("close", "empty"):
                keep += len(tok.value)
            else:
                break
        rest = region[keep:]
        sep = rest[: len(rest) - len(rest.lstrip())]
        sentence = text[sentence_start : left_end + keep]
        if not _balanced(sentence) or (not sep and not rest.startswith("<")):
            continue
        result.append((sentence, sep))
        sentence_start = left_end + keep + len(sep)
    result.append((text[sentence_start:], ""))
    # A cut that left codes unbalanced was skipped; re-check the joins.
    merged: list[tuple[str, str]] = []
    for sentence, sep in result:
        if merged and not _balanced(merged[-1][0]):
            prev, prev_sep = merged.pop()
            merged.append((prev + prev_sep + sentence, sep))
        else:
            merged.append((sentence, sep))
    return merged
