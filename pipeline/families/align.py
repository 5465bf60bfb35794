"""Aligning a published translation with its original: blocks, then sentences.

A person's translation is the best translation memory there is, but it is not
sentence for sentence: a paragraph moves, a long sentence becomes two, a
sentence is dropped, an English line is left in place. So alignment goes in
two steps:

1. **Blocks by document structure.** The blocks of both pages (a title, a
   meta description, an ``h2``, a ``p``, an ``li``, an ``alt``) are aligned in
   order with the dynamic programme below, where two blocks may pair only when
   they are the same kind of element; a block's cost adds its length mismatch
   and a penalty when both carry anchors (numbers, inline codes, capitalised
   names) and share none. A block left over on both sides with the same
   location and compatible length is then paired as *moved*.
2. **Sentences inside paired blocks**, with Gale and Church's length-based
   aligner (1993): a sentence's length in characters predicts its
   translation's, so the cheapest path of 1-1, 1-2, 2-1, 1-0 and 0-1 beads
   through both lists is the alignment.

One change from the paper: a 1-0 or 0-1 bead costs its prior alone. With the
length term a long dropped sentence would cost more than any wrong pairing,
and dropping sentences is what published translations do.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.segments import Segment
from pipeline.text.codes import CODE_RE

#: Prior probability of each bead (source sentences, target sentences), from
#: Gale & Church (1993), table 5; each side of a split/merge gets half.
PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099,
    (0, 1): 0.0099,
    (2, 1): 0.0445,
    (1, 2): 0.0445,
}
BLOCK_BEADS = ((1, 1), (1, 0), (0, 1))

#: Variance of the target length per source character (Gale & Church's s²).
VARIANCE = 6.8

#: Cost added when two blocks both carry anchors and share none.
ANCHOR_PENALTY = 6.0

#: Cost added when two blocks are the same element at different places.
PLACE_PENALTY = 2.0

#: Below this length-match probability a pair goes into the memory as fuzzy.
LOW_SCORE = 0.05


@dataclass(frozen=True)
class Bead:
    """Source and target indices aligned together, and how well their lengths match (0-1)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float


def _match_probability(src_len: int, tgt_len: int, ratio: float) -> float:
    """Two-tailed probability that lengths this far apart are translations.

    >>> round(_match_probability(100, 100, 1.0), 2), _match_probability(100, 300, 1.0) < 0.01
    (1.0, True)
    """
    if src_len == 0 and tgt_len == 0:
        return 1.0
    mean = (src_len + tgt_len / ratio) / 2
    delta = (tgt_len - src_len * ratio) / math.sqrt(max(mean, 1.0) * VARIANCE)
    return math.erfc(abs(delta) / math.sqrt(2))


def gale_church(
    src: Sequence[int],
    tgt: Sequence[int],
    *,
    beads: Sequence[tuple[int, int]] = tuple(PRIORS),
    pair_cost: Callable[[int, int], float | None] | None = None,
    ratio: float | None = None,
) -> list[Bead]:
    """Align two lists of lengths; the cheapest path of ``beads`` through both.

    ``pair_cost(i, j)`` adds a cost to the 1-1 bead of source ``i`` and target
    ``j``, or forbids it with ``None``. The expected length ratio (target
    characters per source character) is ``ratio``, by default that of the
    totals, so French running longer than English needs no setting.

    >>> [(b.src, b.tgt) for b in gale_church([40, 120, 30], [44, 60, 66, 33])]
    [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]
    >>> [(b.src, b.tgt) for b in gale_church([50, 200, 50], [55, 55], ratio=1.1)]
    [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    """
    n, m = len(src), len(tgt)
    if ratio is None:
        ratio = (sum(tgt) / sum(src)) if sum(src) and sum(tgt) else 1.0
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            for di, dj in beads:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                step = -math.log(PRIORS[(di, dj)])
                score = 1.0
                if di and dj:
                    score = _match_probability(sum(src[i:ni]), sum(tgt[j:nj]), ratio)
                    step -= math.log(max(score, 1e-12))
                    if (di, dj) == (1, 1) and pair_cost is not None:
                        extra = pair_cost(i, j)
                        if extra is None:
                            continue
                        step += extra
                if here + step < cost[ni][nj]:
                    cost[ni][nj] = here + step
                    back[ni][nj] = (di, dj, score)
    path: list[Bead] = []
    i, j = n, m
    while i or j:
        step_back = back[i][j]
        assert step_back is not None  # 1-0 and 0-1 always reach every cell
        di, dj, score = step_back
        path.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)), score))
        i, j = i - di, j - dj
    return path[::-1]


@dataclass(frozen=True)
class Block:
    """The segments of one element (a paragraph, a title, an alt text)."""

    location: str
    kind: str
    segments: tuple[Segment, ...]

    @property
    def length(self) -> int:
        """Characters a reader sees."""
        return sum(len(s.plain) for s in self.segments)

    @property
    def element(self) -> str:
        """The element kind, without classes: ``p``, ``h2``, ``img@alt``, ``meta[name=x]``."""
        last = self.location.rsplit(" > ", 1)[-1]
        tag, _, attr = last.partition("@")
        tag = re.sub(r"[.#][^.#\[]*", "", tag)
        return f"{self.kind}:{tag}@{attr}" if attr else f"{self.kind}:{tag}"


_ANCHOR_RE = re.compile(r"\d+|\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b|\b[A-Z]{2,}\b")


def anchors(text: str) -> frozenset[str]:
    """What survives translation: numbers, acronyms, CamelCase names and code counts.

    >>> sorted(anchors("Doses of 200 to 400 mg for GABA and <g1>CureCurious</g1>"))
    ['200', '400', 'CureCurious', 'GABA', 'codes:1']
    """
    found = set(_ANCHOR_RE.findall(CODE_RE.sub(" ", text)))
    codes = len({m.group(0) for m in CODE_RE.finditer(text) if not m.group(0).startswith("</")})
    if codes:
        found.add(f"codes:{codes}")
    return frozenset(found)


def blocks_of(segments: Sequence[Segment]) -> list[Block]:
    """Group a page's translatable segments into blocks, in page order."""
    blocks: list[Block] = []
    current: list[Segment] = []
    for segment in segments:
        if not segment.translatable:
            continue
        if current and (segment.unit != current[-1].unit or segment.index == 0):
            blocks.append(Block(current[0].location, current[0].kind, tuple(current)))
            current = []
        current.append(segment)
    if current:
        blocks.append(Block(current[0].location, current[0].kind, tuple(current)))
    return blocks


def align_blocks(src: Sequence[Block], tgt: Sequence[Block]) -> list[tuple[int, int, bool]]:
    """Pairs ``(source block, target block, moved)`` by document structure."""
    src_anchors = [anchors(" ".join(s.text for s in b.segments)) for b in src]
    tgt_anchors = [anchors(" ".join(s.text for s in b.segments)) for b in tgt]

    def pair_cost(i: int, j: int) -> float | None:
        if src[i].element != tgt[j].element:
            return None
        extra = 0.0 if src[i].location == tgt[j].location else PLACE_PENALTY
        if src_anchors[i] and tgt_anchors[j] and not src_anchors[i] & tgt_anchors[j]:
            extra += ANCHOR_PENALTY
        return extra

    beads = gale_church(
        [b.length for b in src], [b.length for b in tgt], beads=BLOCK_BEADS, pair_cost=pair_cost
    )
    pairs = [(b.src[0], b.tgt[0], False) for b in beads if b.src and b.tgt]
    lone_src = [b.src[0] for b in beads if not b.tgt]
    lone_tgt = [b.tgt[0] for b in beads if not b.src]
    ratio = (sum(b.length for b in tgt) / max(sum(b.length for b in src), 1)) or 1.0
    for i in lone_src:
        fits = [
            j
            for j in lone_tgt
            if src[i].location == tgt[j].location
            and _match_probability(src[i].length, tgt[j].length, ratio) >= LOW_SCORE
            and (not src_anchors[i] or not tgt_anchors[j] or src_anchors[i] & tgt_anchors[j])
        ]
        if len(fits) == 1:
            lone_tgt.remove(fits[0])
            pairs.append((i, fits[0], True))
    return sorted(pairs)


@dataclass(frozen=True)
class AlignedPair:
    """A source text and its published translation, with how sure the alignment is."""

    source: str
    target: str
    score: float
    location: str
    moved: bool = False
    bead: tuple[int, int] = (1, 1)
    source_line: int = 0
    target_keys: tuple[str, ...] = ()
    """The keys of the published segments in the pair: where a leftover check
    finds the original a segment was translated from."""

    @property
    def fuzzy(self) -> bool:
        """Offered for review rather than used as is: a weak, moved or merged pair
        (two source sentences never match one catalog entry exactly)."""
        return self.score < LOW_SCORE or self.moved or self.bead[0] > 1

    @property
    def leftover(self) -> bool:
        """The target is the source itself: a name kept, or text never translated."""
        return self.source == self.target


@dataclass(frozen=True)
class Alignment:
    """Two pages aligned: their blocks, the block pairs and the sentence pairs."""

    src_blocks: tuple[Block, ...]
    tgt_blocks: tuple[Block, ...]
    blocks: tuple[tuple[int, int, bool], ...]
    pairs: tuple[AlignedPair, ...]

    def lone_targets(self) -> list[int]:
        """Target blocks no source block was paired with (added or left-over text)."""
        paired = {j for _, j, _ in self.blocks}
        return [j for j in range(len(self.tgt_blocks)) if j not in paired]

    def target_of(self, src_block: int) -> int | None:
        """The target block paired with source block ``src_block``, if any."""
        return next((j for i, j, _ in self.blocks if i == src_block), None)


def align_pages(src: Sequence[Segment], tgt: Sequence[Segment]) -> Alignment:
    """Align two pages' segments: blocks by structure, then sentences inside paired blocks."""
    src_blocks, tgt_blocks = blocks_of(src), blocks_of(tgt)
    paired = align_blocks(src_blocks, tgt_blocks)
    # One ratio for the page: a block's own would be skewed by a dropped sentence.
    src_total = sum(src_blocks[i].length for i, _, _ in paired)
    ratio = sum(tgt_blocks[j].length for _, j, _ in paired) / src_total if src_total else 1.0
    pairs: list[AlignedPair] = []
    for i, j, moved in paired:
        a, b = src_blocks[i].segments, tgt_blocks[j].segments
        lengths = [len(s.plain) for s in a], [len(s.plain) for s in b]
        for bead in gale_church(*lengths, ratio=ratio or 1.0):
            if not bead.src or not bead.tgt:
                continue
            joined = [a[k].text for k in bead.src] if len(bead.src) > 1 else []
            joined += [b[k].text for k in bead.tgt] if len(bead.tgt) > 1 else []
            if sum(1 for text in joined if CODE_RE.search(text)) > 1:
                continue  # each sentence numbers its codes from 1: joined, they clash
            source = " ".join(a[k].text for k in bead.src)
            target = " ".join(b[k].text for k in bead.tgt)
            pairs.append(
                AlignedPair(
                    source,
                    target,
                    bead.score,
                    src_blocks[i].location,
                    moved,
                    (len(bead.src), len(bead.tgt)),
                    a[bead.src[0]].line,
                    tuple(b[k].key for k in bead.tgt),
                )
            )
    return Alignment(tuple(src_blocks), tuple(tgt_blocks), tuple(paired), tuple(pairs))


def align_segments(src: Sequence[Segment], tgt: Sequence[Segment]) -> list[AlignedPair]:
    """Every aligned sentence pair of two pages' segments, in source order."""
    return list(align_pages(src, tgt).pairs)
