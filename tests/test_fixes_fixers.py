"""The fixers: named verb_object, documented by doctests, recorded only when they change text."""

from __future__ import annotations

import re

import pytest

from pipeline.checks import CHECKS
from pipeline.fixes import fixers as fixes
from pipeline.fixes.fixers import FIXERS, FixStep, apply_fixers

# (fixer, language, text, expected): one table, read like ftfy's test cases.
EXAMPLES = [
    (
        "restore_space_at_codes",
        "fr",
        "existante<g2>santé mentale</g2>conditions",
        "existante <g2>santé mentale</g2> conditions",
    ),
    ("restore_space_at_codes", "nl", "de slaap<g1>kwaliteit</g1>", "de slaap<g1>kwaliteit</g1>"),
    (
        "restore_space_at_codes",
        "en",
        "take<g1>magnesium</g1>daily",
        "take <g1>magnesium</g1> daily",
    ),
    ("restore_space_at_codes", "fr", "", ""),
    (
        "restore_space_after_punctuation",
        "fr",
        "Amazon</g1><g2>*En tant",
        "Amazon</g1> <g2>*En tant",
    ),
    ("restore_space_after_punctuation", "en", "<g1>Note:</g1>Take it", "<g1>Note:</g1> Take it"),
    (
        "restore_space_after_punctuation",
        "en",
        "at 10:30 or https://x.org/?A",
        "at 10:30 or https://x.org/?A",
    ),
    ("fix_french_punctuation_spacing", "fr", "Vraiment ?Oui !", "Vraiment\u202f? Oui\u202f!"),
    ("fix_french_punctuation_spacing", "fr", "Note\u202f: le", "Note\u00a0: le"),
    ("fix_french_punctuation_spacing", "nl", "Let op : dit", "Let op : dit"),
    ("remove_space_before_punctuation", "nl", "Let op : dit ; dat !", "Let op: dit; dat!"),
    ("remove_space_before_punctuation", "en", "ratio 3 : 1", "ratio 3 : 1"),
    ("render_date_in_locale", "fr", "le janvier 28, 2026", "le 28 janvier 2026"),
    ("render_date_in_locale", "en", "on 28 januari 2026", "on January 28, 2026"),
    ("render_date_in_locale", "nl", "op 3 févr. 2026", "op 3 feb 2026"),
]


@pytest.mark.parametrize(("name", "lang", "text", "expected"), EXAMPLES)
def test_fixer_examples(name: str, lang: str, text: str, expected: str) -> None:
    assert FIXERS[name](text, lang) == expected


@pytest.mark.parametrize("name", sorted(FIXERS))
def test_fixers_are_named_verb_object_and_have_doctests(name: str) -> None:
    assert re.fullmatch(r"[a-z]+(_[a-z]+)+", name)
    fixer = FIXERS[name]
    assert fixer is getattr(fixes, name)
    assert fixer.__doc__ and ">>>" in fixer.__doc__


def test_every_fixer_a_check_names_exists() -> None:
    named = {name for check in CHECKS.values() for name in check.fixers}
    assert named <= set(FIXERS)
    assert set(FIXERS) <= named


def test_apply_fixers_records_a_step_only_when_text_changed() -> None:
    text, steps = apply_fixers("Vraiment ?Oui", "fr", ["render_date_in_locale", *FIXERS])
    assert text == "Vraiment\u202f? Oui"
    assert steps == (
        FixStep("restore_space_after_punctuation", "Vraiment ?Oui", "Vraiment ? Oui"),
        FixStep("fix_french_punctuation_spacing", "Vraiment ? Oui", "Vraiment\u202f? Oui"),
    )
    assert apply_fixers(text, "fr") == (text, ())


def test_unknown_fixer_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        apply_fixers("x", "fr", ["no_such_fixer"])
