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
