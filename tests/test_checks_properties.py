"""No check and no fixer crashes on odd input; fixers keep codes and are idempotent.

Odd input: empty strings, only punctuation, only codes, right-to-left text,
emoji, broken codes, 10,000-character paragraphs, in every language, on a
page and in a catalog.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.checks import DEFAULT_CHECKS, Check, Item, make_checks
from pipeline.fixes.fixers import FIXERS, apply_fixers
from pipeline.text.codes import codes_of

from .conftest import FakeJudge

LANGS = ("fr", "nl", "en")
PIECES = [
    "le",
    "magnésium",
    "et",
    "slaap",
    "kwaliteit",
    "sleep",
    "janvier",
    "January",
    "28",
    "2026",
    "1,5",
    "mg",
    " ",
    "\u00a0",
    "\u202f",
    ":",
    ";",
    "?",
    "!",
    "*",
    "...",
    "…",
    "(",
    ")",
    "'",
    "’",
    "https://x.org/a?b=c",
    "<g1>",
    "</g1>",
    "<g2>",
    "</g2>",
    "<x3/>",
    "<g1",
    "</",
    "שלום",
    "مرحبا",
    "🙂",
    "👍🏽",
    "\u200f",
    "\n",
    "É",
]

coded_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=30).map(
    "".join
)
ODD = [
    "",
    " ",
    "...",
    "?!;:",
    "<g1></g1>",
    "<x1/><x2/>",
    "<g1><g2></g2></g1>",
    "שלום עולם: מה נשמע?",
    "مرحبا بالعالم؟",
    "🙂🙂🙂 : 🙂",
    "a" * 10_000,
    ("Le magnésium aide à dormir : il calme le système nerveux ? " * 200)[:10_000],
    "<g1>" + "mot " * 2_500 + "</g1>",
]


@pytest.fixture(scope="module")
def fast_checks() -> list[Check]:
    return make_checks(judge=FakeJudge())


def items_for(text: str, source: str, lang: str) -> list[Item]:
    return [
        Item(text=text, lang=lang, kind="text", context="paragraph"),
        Item(text=text, lang=lang, origin="catalog", source=source, source_lang="en"),
        Item(text=text, lang=lang, origin="catalog", source=source, source_lang="fr", fuzzy=True),
        Item(
            text=text,
            lang=lang,
            code_tags=((1, "time", (("datetime", "2026-01-28"),)), (2, "br", ())),
        ),
    ]


def run_all(checks: list[Check], items: list[Item]) -> None:
    for check in checks:
        results = check.check_pages([items])
        assert len(results) == 1 and len(results[0]) == len(items)
        for item, problem in zip(items, results[0], strict=True):
            if problem is not None:
                assert problem.message
                fixed, names = check.fix(item, problem)
                # A fixer may only repair: inline codes survive, names mean a change.
                assert codes_of(fixed) == codes_of(item.text), (check.id, item.text, fixed)
                assert set(names) <= set(check.fixers)
                if not check.fixers or not problem.fixable:
                    assert (fixed, names) == (item.text, ())
                elif fixed == item.text:
                    assert names == ()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=coded_text, source=coded_text, lang=st.sampled_from(LANGS))
def test_no_check_crashes_on_generated_text(
    fast_checks: list[Check], text: str, source: str, lang: str
) -> None:
    run_all(fast_checks, items_for(text, source, lang))


@pytest.mark.parametrize("text", ODD, ids=lambda t: repr(t[:20]))
@pytest.mark.parametrize("lang", LANGS)
def test_no_check_crashes_on_odd_input(fast_checks: list[Check], text: str, lang: str) -> None:
    run_all(fast_checks, items_for(text, text, lang))


def test_the_real_language_judge_takes_odd_input() -> None:
    checks = make_checks(disabled=[c.id for c in DEFAULT_CHECKS if c.id != "mixed-language"])
    items = [Item(text=t, lang=lang, context="paragraph") for t in ODD for lang in LANGS]
    run_all(checks, items)


@settings(max_examples=200, deadline=None)
@given(text=coded_text, lang=st.sampled_from(LANGS), name=st.sampled_from(sorted(FIXERS)))
def test_fixers_keep_codes_and_are_idempotent(text: str, lang: str, name: str) -> None:
    fixer = FIXERS[name]
    once = fixer(text, lang)
    assert codes_of(once) == codes_of(text)
    assert fixer(once, lang) == once


@settings(max_examples=100, deadline=None)
@given(text=coded_text, lang=st.sampled_from(LANGS))
def test_applying_all_fixers_twice_changes_nothing_the_second_time(text: str, lang: str) -> None:
    once, steps = apply_fixers(text, lang)
    assert all(s.before != s.after for s in steps)
    again, more = apply_fixers(once, lang)
    assert again == once and more == ()


@pytest.mark.parametrize("text", ODD, ids=lambda t: repr(t[:20]))
def test_fixers_take_odd_input(text: str) -> None:
    for lang in LANGS:
        fixed, _steps = apply_fixers(text, lang)
        assert codes_of(fixed) == codes_of(text)
