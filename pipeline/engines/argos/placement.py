"""Putting a sentence's inline codes back into its machine translation.

Engines translate plain text: a model has never seen ``<g1>`` and would drop,
duplicate or translate it. So the engine strips the codes, translates the
words, and this module puts every code back into the translation:

* around the words it wrapped in the source, found through a token alignment
  (for Argos models: the cross-attention CTranslate2 returns);
* without an alignment, or for words the alignment does not reach, at the
  proportional place in the target, which for fr/nl/en word order is rarely
  far off;
* whole-sentence codes (a title in ``<g1>...</g1>``) around the whole
  translation, codes at the very start or end of the source at the start or
  end of the target.

Whatever the alignment says, the result carries each source code exactly once,
properly nested as in the source, never inside a word, and hugging words so
the target's own spaces stay where they are: ``le <g1>chat</g1> dort``, never
``le<g1> chat</g1>dort``.

Everything here is pure: plain strings, offsets and index lists in, a string
out, which is what lets hypothesis throw random layouts at it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pipeline.text.codes import code_problems, strip_codes, tokenize

Span = tuple[int, int]
"""A half-open character range ``[start, end)`` in a plain text."""

NodeKind = Literal["root", "pair", "point"]


@dataclass
class _Node:
    """One code of the source as a tree node, with where it sits in the plain text.

    A paired code ``<gN>...</gN>`` covers ``[start, end)``; a point (``<xN/>``,
    or a code left unmatched in a malformed source) sits at ``start == end``.
    """

    kind: NodeKind
    opening: str
    closing: str
    start: int
    end: int
    order: int
    children: list[_Node] = field(default_factory=list)


@dataclass(frozen=True)
class _Placed:
    """Where a node landed in the target: its range and its placed children."""

    node: _Node
    start: int
    end: int
    children: tuple[_Placed, ...]


def parse_codes(source: str) -> tuple[str, _Node]:
    """The plain text of a coded sentence and the tree of its codes.

    A code that does not fit a balanced tree (a close without its open, an
    open never closed, a close across another code) becomes a point where it
    stands, so even a malformed source keeps all its codes.

    >>> plain, root = parse_codes("Le <g1>chat <x2/>noir</g1> dort.")
    >>> plain
    'Le chat noir dort.'
    >>> [(c.opening, c.start, c.end) for c in root.children]
    [('<g1>', 3, 12)]
    >>> [(c.opening, c.start) for c in root.children[0].children]
    [('<x2/>', 8)]
    """
    root = _Node("root", "", "", 0, 0, -1)
    stack: list[tuple[_Node, int]] = [(root, 0)]
    pieces: list[str] = []
    pos = 0
    for order, tok in enumerate(tokenize(source)):
        parent = stack[-1][0]
        if tok.kind == "text":
            pieces.append(tok.value)
            pos += len(tok.value)
        elif tok.kind == "open":
            node = _Node("pair", tok.value, f"</g{tok.id}>", pos, pos, order)
            parent.children.append(node)
            stack.append((node, tok.id))
        elif tok.kind == "close" and len(stack) > 1 and stack[-1][1] == tok.id:
            stack.pop()[0].end = pos
        else:
            parent.children.append(_Node("point", tok.value, "", pos, pos, order))
    while len(stack) > 1:
        node, _ = stack.pop()
        parent = stack[-1][0]
        at = parent.children.index(node)
        node.kind, node.end = "point", node.start
        parent.children[at + 1 : at + 1] = node.children
        node.children = []
    root.end = pos
    return "".join(pieces), root


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _inside_word(text: str, i: int) -> bool:
    """True when offset ``i`` falls between two characters of one word."""
    return 0 < i < len(text) and _is_word(text[i - 1]) and _is_word(text[i])


def snap_span(text: str, start: int, end: int) -> Span:
    """Widen a range to whole words, then trim the spaces at its edges.

    Codes then never cut a word in two (the "abaissantpics" bug) and their
    boundaries leave the target's spaces outside.

    >>> text = "le chat noir dort"
    >>> snap_span(text, 4, 10)
    (3, 12)
    >>> snap_span(text, 2, 3)
    (3, 3)
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    while _inside_word(text, start):
        start -= 1
    while _inside_word(text, end):
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snap_point(text: str, i: int) -> int:
    """Move an offset out of a word, to the nearer of the word's two ends.

    >>> snap_point("le chat", 4)
    3
    >>> snap_point("le chat", 6)
    7
    """
    i = max(0, min(i, len(text)))
    if not _inside_word(text, i):
        return i
    left, right = i, i
    while _inside_word(text, left):
        left -= 1
    while _inside_word(text, right):
        right += 1
    return left if i - left <= right - i else right


def _has_word(text: str, start: int, end: int) -> bool:
    return any(_is_word(ch) for ch in text[start:end])


def _has_text(text: str, start: int, end: int) -> bool:
    return bool(text[start:end].strip())


_Test = Callable[[str, int, int], bool]


def _word_bounds(text: str, start: int, end: int) -> Span | None:
    """The range from the first to the last word character in ``[start, end)``."""
    first = next((i for i in range(start, end) if _is_word(text[i])), None)
    if first is None:
        return None
    last = next(i for i in range(end - 1, start - 1, -1) if _is_word(text[i]))
    return first, last + 1


def _largest_cluster(indices: list[int], wordy: Sequence[bool]) -> list[int]:
    """The largest group of aligned target tokens, to drop stray alignments.

    Tokens stay in one group while at most one foreign word separates them
    (punctuation and spaces do not count); attention often points a lone
    token far away, which would otherwise stretch a code over half the sentence.

    >>> _largest_cluster([1, 2, 4, 9], [True] * 10)
    [1, 2, 4]
    >>> _largest_cluster([0, 4], [True, False, False, False, True])
    [0, 4]
    """
    if not indices:
        return []
    found = set(indices)
    runs: list[list[int]] = [[indices[0]]]
    for i in indices[1:]:
        between = range(runs[-1][-1] + 1, i)
        if sum(1 for t in between if wordy[t] and t not in found) <= 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return max(runs, key=len)


@dataclass(frozen=True)
class _Aligner:
    """What is known about how the target's tokens relate to the source's."""

    source: str
    target: str
    source_tokens: Sequence[Span]
    target_tokens: Sequence[Span]
    alignment: Sequence[int | None] | None

    def _tokens(self, start: int, end: int, has: _Test) -> list[int]:
        """Source tokens whose overlap with ``[start, end)`` passes ``has``."""
        hits = []
        for i, (s, e) in enumerate(self.source_tokens):
            lo, hi = max(s, start), min(e, end)
            if lo < hi and has(self.source, lo, hi):
                hits.append(i)
        return hits

    def span(self, start: int, end: int) -> Span | None:
        """Target range of the words in source ``[start, end)``, if aligned.

        Word tokens lead; a code around punctuation alone follows punctuation.
        """
        if self.alignment is None:
            return None
        has = _has_word if _has_word(self.source, start, end) else _has_text
        wanted = set(self._tokens(start, end, has))
        if not wanted:
            return None
        size = min(len(self.alignment), len(self.target_tokens))
        wordy = [_has_word(self.target, *self.target_tokens[t]) for t in range(size)]
        found = _largest_cluster(
            [
                t
                for t in range(size)
                if self.alignment[t] in wanted and has(self.target, *self.target_tokens[t])
            ],
            wordy,
        )
        if not found:
            return None
        first, last = found[0], found[-1]
        # Punctuation that came from inside the code stays inside it: "<g1>bien !</g1>".
        inside = set(self._tokens(start, end, _has_text))

        def punctuation_from_inside(t: int) -> bool:
            return (
                0 <= t < size
                and self.alignment is not None
                and self.alignment[t] in inside
                and not _has_word(self.target, *self.target_tokens[t])
            )

        def blank(t: int) -> bool:
            return 0 <= t < size and not _has_text(self.target, *self.target_tokens[t])

        for step in (1, -1):
            t = (last if step == 1 else first) + step
            while blank(t) or punctuation_from_inside(t):
                if punctuation_from_inside(t):
                    last, first = (t, first) if step == 1 else (last, t)
                t += step
        return self.target_tokens[first][0], max(
            self.target_tokens[t][1] for t in range(first, last + 1)
        )

    def proportional(self, i: int) -> int:
        """The target offset at the same relative place as source offset ``i``."""
        src_core = _word_bounds(self.source, 0, len(self.source))
        tgt_core = _word_bounds(self.target, 0, len(self.target))
        if src_core is None or tgt_core is None:
            return round(i * len(self.target) / max(1, len(self.source)))
        (s0, s1), (t0, t1) = src_core, tgt_core
        if i <= s0:
            return t0
        if i >= s1:
            return t1
        return t0 + round((i - s0) * (t1 - t0) / max(1, s1 - s0))

    def point(self, i: int) -> int:
        """Target offset for a point code at source offset ``i``."""
        src, tgt = self.source, self.target
        before = _has_word(src, 0, i)
        after = _has_word(src, i, len(src))
        if not before and not after:
            return 0 if i == 0 else len(tgt)
        if not before:
            # Before the first word: the same distance from the start.
            bounds = _word_bounds(tgt, 0, len(tgt))
            return 0 if i == 0 or bounds is None else bounds[0]
        if not after:
            bounds = _word_bounds(tgt, 0, len(tgt))
            if i == len(src) or bounds is None:
                return len(tgt)
            return bounds[1]
        # Between words: right after the target words of the source word before.
        prev_word = _word_bounds(src, 0, i)
        assert prev_word is not None
        last = prev_word[1] - 1
        start = last
        while start > 0 and _is_word(src[start - 1]):
            start -= 1
        span = self.span(start, last + 1)
        x = span[1] if span is not None else snap_point(tgt, self.proportional(i))
        if src[i - 1].isspace() and not src[i].isspace():
            # "bij <x2/>stress": the code sits after the space, as in the source.
            while x < len(tgt) and tgt[x].isspace():
                x += 1
        return x


def _free_segments(lo: int, hi: int, taken: list[Span]) -> list[Span]:
    """Parts of ``[lo, hi)`` not covered by any of the ``taken`` ranges."""
    segments = []
    pos = lo
    for s, e in sorted(taken):
        if e <= pos or s >= hi:
            continue
        if s > pos:
            segments.append((pos, s))
        pos = max(pos, e)
    if pos < hi:
        segments.append((pos, hi))
    return segments


def _valid_point(x: int, taken: list[Span]) -> int:
    """Move ``x`` out of any taken range's interior, to its nearer edge."""
    for s, e in taken:
        if s < x < e:
            return s if x - s <= e - x else e
    return x


class _Placer:
    """Places a source code tree into a target text, top-down."""

    def __init__(self, aligner: _Aligner) -> None:
        self.al = aligner
        self.text = aligner.target

    def _desired(self, node: _Node, parent: _Node, lo: int, hi: int) -> Span:
        al, text = self.al, self.text
        if not _has_text(al.source, node.start, node.end):
            # An empty pair (or one around spaces) is a point with two codes.
            x = al.point(node.start)
            return x, x
        # A code over every word of its parent takes the parent's whole range.
        outside = _has_word(al.source, parent.start, node.start) or _has_word(
            al.source, node.end, parent.end
        )
        if not outside and _has_word(al.source, node.start, node.end):
            # Punctuation outside the code in the source stays outside it;
            # punctuation the alignment carries from inside stays inside.
            start, end = _word_bounds(text, lo, hi) or (lo, hi)
            aligned = al.span(node.start, node.end)
            if aligned is not None:
                start, end = min(start, max(lo, aligned[0])), max(end, min(hi, aligned[1]))
            if not al.source[parent.start : node.start].strip():
                start = lo
            if not al.source[node.end : parent.end].strip():
                end = hi
            return snap_span(text, start, end)
        span = al.span(node.start, node.end)
        if span is None:
            span = al.proportional(node.start), al.proportional(node.end)
        start, end = snap_span(text, *span)
        if start == end and _has_word(al.source, node.start, node.end):
            # Proportional guess fell between words: take the nearest word.
            mid = snap_point(text, (span[0] + span[1]) // 2)
            right = _word_bounds(text, mid, hi)
            left = _word_bounds(text, lo, mid)
            pick = right or left
            if pick is not None:
                start, end = snap_span(text, *pick)
        return start, end

    def place(self, node: _Node, lo: int, hi: int) -> tuple[_Placed, ...]:
        """Place ``node``'s children inside the target range ``[lo, hi)``."""
        pairs = [c for c in node.children if c.kind == "pair"]
        points = [c for c in node.children if c.kind == "point"]
        taken: list[Span] = []
        placed: list[_Placed] = []
        for child in pairs:
            start, end = self._desired(child, node, lo, hi)
            start, end = max(lo, min(start, hi)), max(lo, min(end, hi))
            free = [
                snap_span(self.text, s, e) for s, e in _free_segments(start, end, taken) if s < e
            ]
            free = [(s, e) for s, e in free if s < e]
            if free:
                start, end = max(free, key=lambda se: (_has_word(self.text, *se), se[1] - se[0]))
            else:
                start = end = _valid_point(snap_point(self.text, start), taken)
                start = end = max(lo, min(start, hi))
            inner = self.place(child, start, end)
            placed.append(_Placed(child, start, end, inner))
            if start < end:
                taken.append((start, end))
        for child in points:
            x, _ = self._desired(child, node, lo, hi)
            x = _valid_point(max(lo, min(snap_point(self.text, x), hi)), taken)
            placed.append(_Placed(child, x, x, ()))
        placed.sort(key=lambda p: (p.start, p.end, p.node.order))
        return tuple(placed)


def _render(text: str, lo: int, hi: int, children: tuple[_Placed, ...]) -> str:
    out: list[str] = []
    pos = lo
    for child in children:
        out.append(text[pos : child.start])
        out.append(child.node.opening)
        if child.node.kind == "pair":
            out.append(_render(text, child.start, child.end, child.children))
            out.append(child.node.closing)
        pos = max(pos, child.end)
    out.append(text[pos:hi])
    return "".join(out)


def project_codes(
    source: str,
    target: str,
    *,
    source_tokens: Sequence[Span] = (),
    target_tokens: Sequence[Span] = (),
    alignment: Sequence[int | None] | None = None,
) -> str:
    """Put the inline codes of ``source`` into ``target``, its plain translation.

    ``source_tokens`` are the character ranges of the model's source tokens in
    the source's plain text (``strip_codes(source)``), ``target_tokens`` those
    of its output tokens in ``target``, and ``alignment[t]`` the source token
    the ``t``-th target token came from (None if unknown). Without an
    alignment, codes go to the proportional place.

    >>> project_codes("Le <g1>chat</g1> dort.", "The cat sleeps.",
    ...     source_tokens=[(0, 2), (2, 7), (7, 12), (12, 13)],
    ...     target_tokens=[(0, 3), (3, 7), (7, 14), (14, 15)],
    ...     alignment=[0, 1, 2, 3])
    'The <g1>cat</g1> sleeps.'
    >>> project_codes("<g1>Titre</g1>", "Title")
    '<g1>Title</g1>'
    >>> project_codes("Fin.<x1/>", "End.")
    'End.<x1/>'
    """
    plain, root = parse_codes(source)
    if not root.children:
        return target
    aligner = _Aligner(plain, target, source_tokens, target_tokens, alignment)
    placed = _Placer(aligner).place(root, 0, len(target))
    return _render(target, 0, len(target), placed)


def ensure_codes(source: str, candidate: str) -> str:
    """``candidate`` if its codes fit ``source``'s, else its words with the codes re-placed.

    The last guard before a translation leaves the engine: whatever a model,
    a cache or a pivot produced, the result has exactly the source's codes.

    >>> ensure_codes("<g1>a</g1> b", "<g1>x</g1> y")
    '<g1>x</g1> y'
    >>> ensure_codes("<g1>a</g1> b", "x y")
    '<g1>x</g1> y'
    """
    if not code_problems(source, candidate):
        return candidate
    return project_codes(source, strip_codes(candidate))
