"""Leftover repairs: page furniture first, then the memory, never on weak evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import load_settings
from pipeline.fixes.leftovers import LeftoverRepairs
from pipeline.html.extract import extract_text

from .conftest import ROOT


def segment(html: str, lang: str = "fr"):  # type: ignore[no-untyped-def]
    return extract_text(f'<html lang="{lang}"><body>{html}</body></html>').segments[0]


@pytest.fixture
def repairs() -> LeftoverRepairs:
    return LeftoverRepairs(load_settings(start=ROOT), use_engine=False)


def test_byline_from_ui_po_with_the_date_in_the_page_locale(repairs: LeftoverRepairs) -> None:
    seg = segment(
        '<p><span>Published on</span> <time datetime="2026-01-28">janvier 28, 2026</time></p>'
    )
    fix = repairs.suggest(seg, "en")
    assert fix is not None and fix.source == "ui.po"
    assert fix.replacement == "<g1>Publié le</g1> <g2>28 janvier 2026</g2>"


def test_card_title_from_the_memory(repairs: LeftoverRepairs) -> None:
    seg = segment("<h3>het effect van betaine op het verminderen van lichaamsvet</h3>")
    fix = repairs.suggest(seg, "nl")
    assert fix is not None and fix.source.startswith("memory: ")
    assert "bétaïne" in fix.replacement


def test_no_suggestion_without_evidence(repairs: LeftoverRepairs) -> None:
    seg = segment("<p>This sentence was never translated by anyone.</p>")
    assert repairs.suggest(seg, "en") is None
    assert repairs.suggest(seg, "fr") is None  # not a leftover at all


def test_check_works_on_a_page_outside_any_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "rm.html"
    page.write_text(
        '<html lang="fr"><body><p>Magnesium side effects and interactions</p>'
        "<h2>Magnésium et grossesse : les précautions</h2></body></html>",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "rm.html", "--format", "json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    # Foreign, but not shown to translate the heading below: not removed.
    assert finding["check"] == "mixed-language" and finding["fix"] is None


# A Dutch card title one word away from the title of the project's betaine article
# (reviewed in locales/fr/LC_MESSAGES/betaine-lichaamsvet.po): a fuzzy memory match.
CLOSE_TITLE = "het effect van betaine op het verminderen van buikvet"
KNOWN_FRENCH = "l’effet de la bétaïne/TMG sur la réduction de la graisse corporelle"


def test_a_text_close_to_a_known_source_gets_its_translation_for_review(
    repairs: LeftoverRepairs,
) -> None:
    fix = repairs.suggest(segment(f"<h3>{CLOSE_TITLE}</h3>"), "nl")
    assert fix is not None and fix.for_review
    assert fix.replacement.endswith(KNOWN_FRENCH)
    assert fix.source.startswith("memory: locales/fr/LC_MESSAGES/betaine-lichaamsvet.po (fuzzy ")
    assert "reviewed entry for “het effect van betaine op het verminderen van lichaamsvet”" in (
        fix.source
    )
    # Too few words for a close text to say anything: no fuzzy offer.
    assert repairs.suggest(segment("<h3>betaine en buikvet</h3>"), "nl") is None


def test_check_offers_the_fuzzy_match_and_fix_holds_it_for_review(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The judge finds the card title by its closeness to a known Dutch source;
    ``tolk check`` proposes that source's French translation, marked for review,
    and ``tolk fix`` offers it without applying it (it translates another text)."""
    page = tmp_path / "slaap.html"
    page.write_text(
        '<!doctype html><html lang="fr"><head><title>Magnésium et sommeil</title></head>'
        "<body><h1>Magnésium et sommeil</h1>"
        "<p>Le magnésium aide à s’endormir plus vite. Il se prend le soir.</p>"
        f'<aside class="related"><h3>{CLOSE_TITLE}</h3>'
        "<p>Une étude sur la bétaïne et la graisse corporelle.</p></aside></body></html>",
        encoding="utf-8",
    )
    monkeypatch.chdir(ROOT)  # the bundled project: its memory and catalogs
    assert main(["check", str(page), "--format", "json"]) == 1
    (found,) = json.loads(capsys.readouterr().out)["findings"]
    assert (found["text"], found["found_lang"]) == (CLOSE_TITLE, "nl")
    assert found["fix"]["text"].endswith(KNOWN_FRENCH)
    assert "(fuzzy " in found["fix"]["source"] and found["fix"]["source"].endswith("to review)")
    monkeypatch.setenv("COLUMNS", "500")  # wide enough that no cell wraps
    assert main(["check", str(page)]) == 1  # the table says whose fix it is, and to review it
    table = capsys.readouterr().out
    assert "(to review; memory: locales/fr/LC_MESSAGES/betaine-lichaamsvet.po (fuzzy" in table
    out = tmp_path / "fixed"
    assert main(["fix", str(page), "--out", str(out), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["changes"] == []
    (left,) = report["left"]
    assert left["message"].endswith("fuzzy memory match offered, not applied: review it")
    assert left["fix"]["replacement"].endswith(KNOWN_FRENCH)
