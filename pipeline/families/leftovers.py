"""Leftovers by alignment: which original segment a published segment stands for.

A published translation aligned with its original gives the strongest evidence
of a leftover there is. A segment that reads exactly as the original segment it
is aligned to was never translated ("Written by" on the French page of an
English article, a Dutch card title on the French page of a Dutch one); a
block the alignment could not pair that reads as an original block (the Dutch
title left above the French one) is a copy of the original, not a translation.

This module says only where each published segment comes from; the language
check (:mod:`pipeline.checks.language`) decides whether it is a leftover, so
one defect gives one finding, with this as its evidence, and ``tolk fix``
repairs it from the original segment (memory, page furniture or, for review,
a machine translation of it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from pipeline.families import Family
from pipeline.families.align import Alignment, align_pages
from pipeline.html.extract import extract_file
from pipeline.segments import Segment
from pipeline.text.codes import strip_codes

__all__ = ["NEAR", "Aligned", "evidence_key", "family_evidence", "page_evidence"]

NEAR = 90.0
"""Similarity (0-100, rapidfuzz ratio on case-folded text) from which a block the
alignment left unpaired counts as a copy of an original block."""

EvidenceMap = Mapping[tuple[str, str], "Aligned"]
"""Aligned evidence by (resolved page path, segment key)."""


@dataclass(frozen=True)
class Aligned:
    """The original segment a published segment is aligned to.

    ``same`` says the published text reads as the original's; ``unpaired`` that
    the published block was paired with nothing and was matched to an original
    block by its text alone; ``translated_line`` is then the line of the
    published block the alignment paired with that original block (its real
    translation), if any.
    """

    original: str
    line: int
    source: str
    source_lang: str
    same: bool
    unpaired: bool = False
    translated_line: int | None = None

    @property
    def where(self) -> str:
        """``source_articles/x.html:57``: where a reviewer finds the original segment."""
        return f"{self.original}:{self.line}"

    def describe(self) -> str:
        """The evidence in a few words, for a finding's message.

        >>> Aligned("a.html", 3, "Hi", "en", same=True).describe()
        'aligned to a.html:3, which reads the same'
        >>> Aligned("a.html", 3, "Hi", "en", same=True, unpaired=True).describe()
        'unaligned copy of a.html:3'
        """
        if self.unpaired:
            return f"unaligned copy of {self.where}"
        if self.same:
            return f"aligned to {self.where}, which reads the same"
        return f"aligned to {self.where}"


def _fold(text: str) -> str:
    return " ".join(strip_codes(text).casefold().split())


def page_evidence(
    original: Iterable[Segment],
    translation: Iterable[Segment],
    original_name: str,
    original_lang: str,
) -> dict[str, Aligned]:
    """Evidence for the segments of a published translation, by segment key."""
    alignment = align_pages(list(original), list(translation))
    found: dict[str, Aligned] = {}
    for pair in alignment.pairs:
        same = _fold(pair.source) == _fold(pair.target)
        for key in pair.target_keys:
            found[key] = Aligned(original_name, pair.source_line, pair.source, original_lang, same)
    found.update(_lone_copies(alignment, original_name, original_lang))
    return found


def _lone_copies(alignment: Alignment, original_name: str, lang: str) -> dict[str, Aligned]:
    """Unpaired published blocks that read as an original block, by segment key."""
    src_texts = [_fold(" ".join(s.text for s in b.segments)) for b in alignment.src_blocks]
    found: dict[str, Aligned] = {}
    for j in alignment.lone_targets():
        block = alignment.tgt_blocks[j]
        text = _fold(" ".join(s.text for s in block.segments))
        if not text:
            continue
        line = block.segments[0].line
        # The title repeats in <title>, og:title and <h1>: a visible text copy
        # stands for the visible block of that text nearest its place.
        ranked = [
            (
                fuzz.ratio(text, src),
                other.kind == block.kind,
                -abs(other.segments[0].line - line),
                i,
            )
            for i, (src, other) in enumerate(zip(src_texts, alignment.src_blocks, strict=True))
        ]
        if not ranked or max(ranked)[0] < NEAR:
            continue
        score, _kind, _distance, best = max(ranked)
        source = alignment.src_blocks[best]
        paired = alignment.target_of(best)
        translated = alignment.tgt_blocks[paired].segments[0].line if paired is not None else None
        for segment in block.segments:
            found[segment.key] = Aligned(
                original_name,
                source.segments[0].line,
                " ".join(s.text for s in source.segments),
                lang,
                same=score == 100.0,
                unpaired=True,
                translated_line=translated,
            )
    return found


def evidence_key(file: str | Path, key: str) -> tuple[str, str]:
    """How a page's segment is looked up: its resolved path and segment key."""
    return (str(Path(file).resolve()), key)


def family_evidence(
    families: Iterable[Family],
    show: Callable[[str], str] = str,
    read: Callable[[str], Iterable[Segment]] | None = None,
) -> dict[tuple[str, str], Aligned]:
    """Evidence for every published translation of ``families``.

    ``show`` names the original as messages write it (``source_articles/x.html``);
    ``read`` gives a page's segments from its path (by default, extracting it).
    """
    if read is None:

        def read(path: str) -> Iterable[Segment]:
            return extract_file(path).segments

    found: dict[tuple[str, str], Aligned] = {}
    for family in families:
        original = list(read(family.original.path))
        name = show(family.original.path)
        for member in family.translations:
            evidence = page_evidence(original, read(member.path), name, family.original.lang)
            for key, aligned in evidence.items():
                found[evidence_key(member.path, key)] = aligned
    return found
