"""Every check against its labelled cases, as data (like Weblate's CheckTestCase).

Each file in ``tests/data/check_cases/`` holds the cases of one check::

    {"check": "<id>", "description": "...", "cases": [
        {"label": "...", "text": "...", "lang": "fr", "expect": "pass" | "fail",
         # optional:
         "source": "...", "source_lang": "en",   # a catalog entry (else a page segment)
         "context": "heading", "fuzzy": true, "foreign": "en",
         "code_tags": [[1, "time", [["datetime", "2026-01-28"]]]],
         "severity": "error",                    # the severity a failing case gets
         "fixed": "...",                         # what the check's fixers make of it
         "found": "en",                          # the language a leftover is in
         "texts": ["...", "..."], "fail_at": [1],  # a run of page texts (sequence checks)
         # a page's links (kind "link"): what the link is (its context) and where
         # it is, e.g. {"kind": "link", "context": "alternate",
         #              "location": "link[hreflang=nl]@href", "file": "fr/x.html"};
         # in "texts", an object with text, context and location is one link
         "xfail": "why this is a known failure"}]}

A known failure is marked ``xfail(strict=True)``, so a fix is noticed.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pipeline.checks import CHECKS, Check, Item, make_checks
from pipeline.checks.base import Problem
from pipeline.text.codes import codes_of, strip_codes

CASES_DIR = Path(__file__).parent / "data" / "check_cases"
SEED_DEFECTS = (
    "abaissantpics de cortisolqui",
    "Glycinate de magnésiumet",
    "thérapie ethygiène",
    "existantesanté mentaleconditions",
    "alignantrythme circadiens",
    "Modulation GABA :Le magnésium",
    "prendre ?Les posologies",
    "sur Amazon*En tant qu",  # the page reads "En tant qu'associé"
    "Published on janvier 28, 2026",
    "(2007)Voir l'étude",
)


def _load() -> dict[str, list[dict[str, Any]]]:
    cases: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(CASES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        cases.setdefault(data["check"], []).extend(data["cases"])
    return cases


CASES = _load()


@cache
def check_of(check_id: str) -> Check:
    return next(c for c in make_checks() if c.id == check_id)


def item_of(case: dict[str, Any], text: str | None = None) -> Item:
    source = case.get("source")
    return Item(
        text=case["text"] if text is None else text,
        lang=case["lang"],
        file=case.get("file", "<string>"),
        location=case.get("location", ""),
        origin="catalog" if source is not None else "page",
        source=source,
        source_lang=case.get("source_lang"),
        context=case.get("context", "text"),
        kind=case.get("kind", "text"),
        fuzzy=bool(case.get("fuzzy", False)),
        foreign=case.get("foreign"),
        code_tags=tuple(
            (n, tag, tuple(map(tuple, attrs))) for n, tag, attrs in case.get("code_tags", [])
        ),
    )


def texts_of(case: dict[str, Any]) -> list[Item]:
    """The items of a run of texts: plain strings are page texts, objects are links."""
    return [
        Item(text=t, lang=case["lang"], kind="text")
        if isinstance(t, str)
        else item_of({"lang": case["lang"], "kind": "link", **t})
        for t in case["texts"]
    ]


def judge(check: Check, items: list[Item]) -> list[Problem | None]:
    return check.check_pages([items])[0]


def params() -> list[Any]:
    out = []
    for check_id, cases in sorted(CASES.items()):
        for case in cases:
            marks = (
                [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
            )
            out.append(pytest.param(check_id, case, id=f"{check_id}: {case['label']}", marks=marks))
    return out


@pytest.mark.parametrize(("check_id", "case"), params())
def test_case(check_id: str, case: dict[str, Any]) -> None:
    check = check_of(check_id)
    if "texts" in case:
        items = texts_of(case)
        results = judge(check, items)
        flagged = [i for i, r in enumerate(results) if r is not None]
        assert flagged == case.get("fail_at", []), results
        return
    item = item_of(case)
    problem = judge(check, [item])[0]
    if case["expect"] == "pass":
        assert problem is None, problem
        return
    assert problem is not None, f"{check_id} should fail on {case['text']!r}"
    assert problem.message
    if "severity" in case:
        assert (problem.severity or check.severity) == case["severity"]
    if "found" in case:
        assert problem.found_lang == case["found"]
    if "fixed" in case:
        fixed, steps = check.fix(item, problem)
        assert fixed == case["fixed"]
        assert steps, "a fixer should have changed the text"
        assert codes_of(fixed) == codes_of(item.text), "fixers must keep codes intact"
        assert judge(check, [item_of(case, fixed)])[0] is None, "the fixed text must pass"
        assert check.fix(item_of(case, fixed))[0] == fixed, "fixing twice changes nothing"


def test_every_check_has_five_passing_and_five_failing_cases() -> None:
    assert set(CASES) == set(CHECKS)
    for check_id, cases in CASES.items():
        fails = sum(c["expect"] == "fail" for c in cases)
        passes = sum(c["expect"] == "pass" for c in cases)
        assert fails >= 5 and passes >= 5, (check_id, fails, passes)


def test_fixable_failing_cases_say_what_the_fixer_gives() -> None:
    for check_id, cases in CASES.items():
        if not CHECKS[check_id].fixers:
            continue
        for case in cases:
            if case["expect"] == "fail" and "texts" not in case and "xfail" not in case:
                fixable = check_of(check_id).check(item_of(case))
                if fixable is not None and fixable.fixable:
                    assert "fixed" in case, (check_id, case["label"])


@pytest.mark.parametrize("defect", SEED_DEFECTS)
def test_every_seed_defect_is_a_failing_case_the_fixer_repairs(defect: str) -> None:
    hits = [
        (check_id, case)
        for check_id, cases in CASES.items()
        for case in cases
        if case["expect"] == "fail" and defect in strip_codes(case.get("text", ""))
    ]
    assert hits, f"no failing case holds {defect!r}"
    assert any("fixed" in case and defect not in strip_codes(case["fixed"]) for _c, case in hits)


def test_french_elisions_and_dutch_compounds_are_passing_cases() -> None:
    labels = " ".join(c["label"] for c in CASES["glued-words"] if c["expect"] == "pass")
    for needle in ("l'école", "qu'il", "aujourd'hui", "Dutch compound"):
        assert needle in labels


def _first_failing(check_id: str) -> list[Item]:
    """The items of the check's first failing case that is not a known failure."""
    case = next(c for c in CASES[check_id] if c["expect"] == "fail" and "xfail" not in c)
    if "texts" in case:
        return texts_of(case)
    return [item_of(case)]


@pytest.mark.parametrize("flag", ["own id", "*"])
@pytest.mark.parametrize("check_id", sorted(CHECKS))
def test_an_ignore_flag_silences_every_check(check_id: str, flag: str) -> None:
    """``ignore-<id>`` (or ignore-all) is handled by the base class for every check."""
    from dataclasses import replace

    from pipeline.checks.base import Check as BaseCheck
    from pipeline.checks.inputs import CheckedFile
    from pipeline.checks.runner import judge_files

    check = check_of(check_id)
    assert type(check).judge_pages is BaseCheck.judge_pages, "opt-outs live in the base class"
    items = _first_failing(check_id)
    assert any(p is not None for p in check.judge_pages([items])[0]), "the case must fail"
    ignored = frozenset({check_id if flag == "own id" else "*"})
    silenced = [replace(item, ignored=ignored) for item in items]
    assert check.judge_pages([silenced]) == [[None] * len(silenced)]
    checked = CheckedFile("x.html", "page", items[0].lang, tuple(silenced))
    assert judge_files([checked], [check]) == []
    other = frozenset({"not-" + check_id})
    kept = [replace(item, ignored=other) for item in items]
    assert check.judge_pages([kept]) == check.judge_pages([items])
