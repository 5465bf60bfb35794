"""The inverted index of one language pair: which entries are worth scoring.

Index
    Lookups stay fast as the memory grows: each language pair keeps an inverted
    index from word tokens (accents stripped, cut to six letters as a crude
    stem) to entries, with each token's postings also held as a bitmask. A
    query counts for every entry at once how many of its tokens the entry
    shares (a bit-sliced counter over the masks: a few whole-int operations per
    token, not a loop per entry), keeps the entries that share the most, and
    only those are scored by rapidfuzz. A pair with at most ``FULL_SCAN_LIMIT``
    entries is scanned in full, which is exact and already fast at that size.
    Above it the index is a filter, so a match that shares letters but hardly
    any words could in principle be missed; ``bench/bench_memory.py`` measures
    that against a full scan. Every choice is keyed on content, never on
    insertion order, so the same memory gives the same answers however it was
    built.

"""

from __future__ import annotations

import re
import unicodedata
from array import array

from pipeline.text.codes import CODE_RE

FULL_SCAN_LIMIT = 1500
"""A language pair with at most this many entries is scanned in full."""

MAX_CANDIDATES = 300
"""How many index candidates, those sharing the most tokens, rapidfuzz scores."""

_WORD_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s+")
_STEM = 6
_ONE_RE = re.compile("1")


def comparable(text: str) -> str:
    """The text a fuzzy score is computed on: codes removed, spaces collapsed, casefolded.

    Codes are judged apart (see :func:`fit_codes`), so markup neither raises nor
    lowers the similarity of the words.

    >>> comparable("  Le <g1>Magnésium</g1>   aide.<x2/>")
    'le magnésium aide.'
    """
    return _SPACE_RE.sub(" ", CODE_RE.sub("", text)).strip().casefold()


def index_tokens(norm: str) -> set[str]:
    """The tokens a comparable text is indexed under: words without accents, cut to six letters.

    Cutting words is a crude stem that lets ``vertaling`` find ``vertalingen``;
    dropping accents lets ``magnesium`` find ``magnésium``.

    >>> sorted(index_tokens("le magnésium réduit les cauchemars"))
    ['cauche', 'le', 'les', 'magnes', 'reduit']
    """
    bare = "".join(c for c in unicodedata.normalize("NFKD", norm) if not unicodedata.combining(c))
    return {word[:_STEM] for word in _WORD_RE.findall(bare)}


class Bucket:
    """The sources of one language pair and the inverted index over them.

    Each token's postings are also kept as a bitmask (a Python int, bit ``e``
    for entry ``e``), so that counting how many of a query's tokens each entry
    shares is a handful of whole-int operations rather than a loop per entry.
    """

    def __init__(self) -> None:
        self.sources: list[str] = []
        self.norms: list[str] = []
        # 4 bytes an entry id in an array, not a list of Python ints (36 bytes)
        self.postings: dict[str, array[int]] = {}
        self._masks: dict[str, tuple[int, int]] = {}  # token -> (mask, postings in it)

    def add(self, source: str) -> None:
        entry = len(self.sources)
        norm = comparable(source)
        self.sources.append(source)
        self.norms.append(norm)
        for token in index_tokens(norm):
            ids = self.postings.get(token)
            if ids is None:
                ids = self.postings[token] = array("I")
            ids.append(entry)

    def _mask(self, token: str) -> int:
        """The bitmask of ``token``'s postings.

        A dense mask (more than one entry in 64) is kept and brought up to date
        with the entries added since; a sparse one is built when asked, as it
        would take more room than its list.
        """
        ids = self.postings[token]
        mask, done = self._masks.get(token, (0, 0))
        if done == len(ids):
            return mask
        if done and len(ids) - done <= 64:
            for e in ids[done:]:
                mask |= 1 << e
        else:
            bits = bytearray(ids[-1] // 8 + 1)
            for e in ids:
                bits[e >> 3] |= 1 << (e & 7)
            mask = int.from_bytes(bits, "little")
        if len(ids) * 64 >= len(self.sources):
            self._masks[token] = (mask, len(ids))
        return mask

    def candidates(self, norm: str) -> list[int]:
        """Entries worth scoring against ``norm``: all of them, or those sharing most tokens.

        The entries sharing the most of the query's tokens are taken, lowering
        the bar one token at a time while they stay within ``MAX_CANDIDATES``
        (all of the best group are taken even when they are more). The choice
        depends only on the entries' texts, never on the order they came in.
        """
        n = len(self.sources)
        if n <= FULL_SCAN_LIMIT:
            return list(range(n))
        masks = [self._mask(t) for t in index_tokens(norm) if t in self.postings]
        if not masks:
            return []
        # A bit-sliced counter: planes[i] holds bit i of every entry's count.
        planes: list[int] = []
        for carry in masks:
            for i, plane in enumerate(planes):
                planes[i], carry = plane ^ carry, plane & carry
                if not carry:
                    break
            if carry:
                planes.append(carry)
        full = (1 << n) - 1
        chosen = 0
        for k in range(len(masks), 0, -1):
            at_least = _at_least(planes, k, full)
            if chosen and at_least.bit_count() > MAX_CANDIDATES:
                break
            chosen = at_least
        bits = format(chosen, "b")[::-1]
        return [m.start() for m in _ONE_RE.finditer(bits)]


def _at_least(planes: list[int], k: int, full: int) -> int:
    """The entries whose bit-sliced count is at least ``k``, as a bitmask.

    >>> bin(_at_least([0b0110, 0b1100], 2, 0b1111))  # counts 0, 1, 3, 2 from bit 0 up
    '0b1100'
    """
    if k >> len(planes):
        return 0  # more than any count can reach
    greater, equal = 0, full
    for i in reversed(range(len(planes))):
        if (k >> i) & 1:
            equal &= planes[i]
        else:
            greater |= equal & planes[i]
            equal &= full ^ planes[i]
    return greater | equal
