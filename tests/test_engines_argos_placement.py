"""Inline codes put back into machine output: exact cases, then properties."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.engines.argos.placement import ensure_codes, parse_codes, project_codes, snap_span
from pipeline.text.codes import code_problems, codes_of, strip_codes


def _tokens(text: str) -> list[tuple[int, int]]:
    """Word-ish tokens with their leading space, like SentencePiece pieces."""
    return [m.span() for m in re.finditer(r"\s*(\w+|[^\w\s])", text)]


def _parents(coded: str) -> dict[str, str]:
    """Each code mapped to the opening code of the pair it sits in."""
    _, root = parse_codes(coded)
    out: dict[str, str] = {}

    def walk(node: object, parent: str) -> None:
        for child in node.children:  # type: ignore[attr-defined]
            out[child.opening] = parent
            walk(child, child.opening)

    walk(root, "")
    return out


def _aligned(source: str, target: str, alignment: list[int | None]) -> str:
    return project_codes(
        source,
        target,
        source_tokens=_tokens(strip_codes(source)),
        target_tokens=_tokens(target),
        alignment=alignment,
    )


EXACT = [
    # source, target, alignment (target token -> source token), expected
    ("Le <g1>chat</g1> dort.", "The cat sleeps.", [0, 1, 2, 3], "The <g1>cat</g1> sleeps."),
    # Word order changes: the code follows its word.
    (
        "Le chat <g1>noir</g1> dort.",
        "The black cat sleeps.",
        [0, 2, 1, 3, 4],
        "The <g1>black</g1> cat sleeps.",
    ),
    # Nested codes keep their nesting.
    (
        "<g1>Zeer <g2>goed</g2> werk</g1> vandaag.",
        "Very good work today.",
        [0, 1, 2, 3, 4],
        "<g1>Very <g2>good</g2> work</g1> today.",
    ),
    # A standalone code follows the word before it.
    ("Eén<x1/>twee drie", "One two three", [0, 1, 2], "One<x1/> two three"),
    # Whole-sentence code wraps the whole translation, punctuation included.
    (
        "<g1>Tout le texte.</g1>",
        "All the text.",
        [None, None, None, None],
        "<g1>All the text.</g1>",
    ),
    # ... or without the punctuation when the source leaves it outside.
    (
        "<g1>Tout le texte</g1>.",
        "All the text.",
        [None, None, None, None],
        "<g1>All the text</g1>.",
    ),
]


@pytest.mark.parametrize(("source", "target", "alignment", "expected"), EXACT)
def test_codes_follow_aligned_words(
    source: str, target: str, alignment: list[int | None], expected: str
) -> None:
    assert _aligned(source, target, alignment) == expected


def test_without_alignment_codes_land_at_the_proportional_place() -> None:
    out = project_codes("Le <g1>magnésium</g1> aide contre le stress.", "Magnesium helps.")
    assert code_problems("<g1>a</g1>", out) == []
    assert strip_codes(out) == "Magnesium helps."
    assert "<g1>Magnesium</g1>" in out


def test_codes_never_split_a_word() -> None:
    # Alignment points into the middle of "abaissant": the code takes the whole word.
    out = project_codes(
        "lowering <g1>cortisol</g1> peaks",
        "abaissant les pics de cortisol",
        source_tokens=[(0, 8), (8, 17), (17, 23)],
        target_tokens=[(0, 5), (5, 9), (9, 13), (13, 17), (17, 20), (20, 30)],
        alignment=[0, 1, 2, 2, 2, 1],
    )
    assert strip_codes(out) == "abaissant les pics de cortisol"
    assert "<g1>" in out and "</g1>" in out
    assert not re.search(r"\w<g1>\w|\w</g1>\w", out)


def test_ensure_codes_keeps_good_output_and_repairs_bad() -> None:
    assert ensure_codes("a <g1>b</g1>", "x <g1>y</g1>") == "x <g1>y</g1>"
    repaired = ensure_codes("a <g1>b</g1>", "<g1>x</g1> <g1>y")
    assert code_problems("a <g1>b</g1>", repaired) == []
    assert strip_codes(repaired) == "x y"


def test_malformed_source_keeps_every_code() -> None:
    source = "a </g3> <g1>b <g2>c</g1> d</g2> <g4>e"
    out = project_codes(source, "v w x y z")
    assert Counter(codes_of(out)) == Counter(codes_of(source))
    assert strip_codes(out) == "v w x y z"


def test_snap_span_trims_spaces_to_the_target_text() -> None:
    assert snap_span(" le chat ", 0, 9) == (1, 8)


# --- properties over random layouts -------------------------------------------------

WORDS = st.sampled_from(["le", "chat", "noir", "dort", "été", "x", "1,5", "l'eau", "!", ".", "—"])


@st.composite
def coded_sentences(draw: st.DrawFn) -> str:
    """A sentence with random nesting of paired and standalone codes."""
    counter = [0]

    def items(depth: int) -> list[str]:
        out: list[str] = []
        for _ in range(draw(st.integers(0, 4))):
            kind = draw(
                st.sampled_from(["word", "word", "pair", "point"] if depth < 3 else ["word"])
            )
            space = draw(st.sampled_from(["", " ", " "]))
            if kind == "word":
                out.append(space + draw(WORDS))
            elif kind == "point":
                counter[0] += 1
                out.append(f"{space}<x{counter[0]}/>")
            else:
                counter[0] += 1
                n = counter[0]
                out.append(f"{space}<g{n}>" + "".join(items(depth + 1)) + f"</g{n}>")
        return out

    return "".join(items(0))


@st.composite
def random_tokens(draw: st.DrawFn, text: str) -> list[tuple[int, int]]:
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=12))) | {0, len(text)})
    return list(itertools.pairwise(cuts))


TARGETS = st.lists(
    st.sampled_from(["the", "cat", "black", "sleeps", "summer", "1.5", "water", "!", ",", "é"]),
    max_size=8,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), source=coded_sentences(), target=TARGETS)
def test_every_code_comes_back_once_balanced_and_outside_words(
    data: st.DataObject, source: str, target: str
) -> None:
    src_tokens = data.draw(random_tokens(strip_codes(source)))
    tgt_tokens = data.draw(random_tokens(target))
    alignment = data.draw(
        st.none()
        | st.lists(
            st.none() | st.integers(0, max(0, len(src_tokens) - 1)),
            min_size=len(tgt_tokens),
            max_size=len(tgt_tokens),
        )
    )
    out = project_codes(
        source,
        target,
        source_tokens=src_tokens,
        target_tokens=tgt_tokens,
        alignment=alignment,
    )
    assert strip_codes(out) == target
    assert Counter(codes_of(out)) == Counter(codes_of(source))
    assert code_problems(source, out) == []
    assert _parents(out) == _parents(source)
    # Codes hug words: the target's spaces stay outside them.
    assert not re.search(r"<g\d+>\s|\s</g\d+>", out), out
    # No code between two letters of one word.
    for m in re.finditer(r"(<[^>]+>)+", out):
        if m.start() > 0 and m.end() < len(out):
            assert not (out[m.start() - 1].isalnum() and out[m.end()].isalnum()), out
