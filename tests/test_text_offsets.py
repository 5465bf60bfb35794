"""``pipeline.text.offsets``: the one plain <-> coded map that checks, fixers and
the sentence splitter share (it replaced ``sentences._plain_offsets`` and its doctest)."""

from __future__ import annotations

import pytest

from pipeline.text.codes import strip_codes
from pipeline.text.offsets import plain_map


@pytest.mark.parametrize(
    ("coded", "plain", "index"),
    [
        ("a<g1>b</g1>", "ab", [0, 5]),
        ("plain", "plain", [0, 1, 2, 3, 4]),
        ("<x1/>", "", []),
        ("x<x2/>y", "xy", [0, 6]),
    ],
)
def test_plain_text_and_where_each_character_sits(coded: str, plain: str, index: list[int]) -> None:
    assert plain_map(coded) == (plain, index)
    assert [coded[i] for i in index] == list(plain)
    assert plain == strip_codes(coded)
