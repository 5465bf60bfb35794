"""Leftovers by alignment: a published segment that reads as its original is one,
its finding names the original segment, and ``tolk fix`` repairs it from there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.checks.runner import run_checks
from pipeline.config import load_settings
from pipeline.families.leftovers import evidence_key, page_evidence
from pipeline.fixes.changes import fix_pages
from pipeline.fixes.leftovers import leftover_suggester
from pipeline.html.extract import extract_text
from pipeline.project import aligned_evidence

from .conftest import ROOT, SOURCES, FakeJudge

ORIGINAL = """<html lang="nl"><head><title>Magnesium en slaap</title></head><body>
<h1>Magnesium helpt de hersenen tot rust te komen</h1>
<p>De meeste volwassenen hebben ongeveer 300 mg per dag nodig.</p>
<ul><li>Blog</li><li>Lees ook het verhaal over betaine en lichaamsvet</li></ul>
</body></html>"""

# The Dutch heading left above the French one, a card title never translated
# ("Lees ook ..."), and a name that reads the same in any language ("Blog").
TRANSLATION = """<html lang="fr"><head><title>Magnésium et sommeil</title></head><body>
<p class="title">Magnesium helpt de hersenen tot rust te komen</p>
<h1>Le magnésium aide le cerveau à se calmer</h1>
<p>La plupart des adultes ont besoin d’environ 300 mg par jour.</p>
<ul><li>Blog</li><li>Lees ook het verhaal over betaine en lichaamsvet</li></ul>
</body></html>"""


def _evidence() -> dict[str, object]:
    src = extract_text(ORIGINAL).segments
    tgt = extract_text(TRANSLATION).segments
    by_text = {s.key: s.text for s in tgt}
    found = page_evidence(src, tgt, "nl.html", "nl")
    return {by_text[key]: aligned for key, aligned in found.items()}


def test_page_evidence_pairs_copies_and_unpaired_copies() -> None:
    evidence = _evidence()
    title = evidence["Magnesium helpt de hersenen tot rust te komen"]
    assert title.unpaired and title.same and title.line == 2  # type: ignore[attr-defined]
    assert title.translated_line == 3  # type: ignore[attr-defined]  # the French <h1>
    card = evidence["Lees ook het verhaal over betaine en lichaamsvet"]
    assert card.same and not card.unpaired and card.line == 4  # type: ignore[attr-defined]
    adults = evidence["La plupart des adultes ont besoin d’environ 300 mg par jour."]
    assert not adults.same and adults.line == 3  # type: ignore[attr-defined]


def test_alignment_makes_an_unsure_copy_a_leftover(
    tmp_path: Path, fake_judge: Callable[..., FakeJudge]
) -> None:
    """The judge only guesses Dutch for the card and "Blog": the card reads as its
    original and is long enough, so it is a leftover; "Blog" is too short to say."""
    page = tmp_path / "fr.html"
    page.write_text(TRANSLATION, encoding="utf-8")
    src = extract_text(ORIGINAL).segments
    tgt = extract_text(TRANSLATION).segments
    aligned = {
        evidence_key(page, key): ev for key, ev in page_evidence(src, tgt, "nl.html", "nl").items()
    }
    judge = fake_judge(unsure={"Lees ook": "nl", "Blog": "nl"})
    plain = run_checks([page], judge=judge, disabled=["title-case"])
    assert not [f for f in plain.findings if f.check == "mixed-language"]
    report = run_checks([page], judge=judge, aligned=aligned, disabled=["title-case"])
    (found,) = [f for f in report.findings if f.check == "mixed-language"]
    assert found.text == "Lees ook het verhaal over betaine en lichaamsvet"
    assert found.found_lang == "nl"
    assert "aligned to nl.html:4, which reads the same" in found.message


@pytest.fixture(scope="module")
def seed_report() -> dict[tuple[str, int], tuple[str, str | None, str | None]]:
    """The seed pages checked as ``tolk check`` checks them, with the real judge."""
    settings = load_settings(start=ROOT)
    report = run_checks(
        [SOURCES / "magnesium-cauchemars.html", SOURCES / "magnesium-l-threonate.html"],
        suggest=leftover_suggester(settings),
        aligned=aligned_evidence(settings),
    )
    return {
        (Path(f.file).name, f.line): (
            f.message,
            None if f.fix is None else f.fix.replacement,
            None if f.fix is None else f.fix.source,
        )
        for f in report.findings
        if f.check == "mixed-language"
    }


NIGHTMARES = "source_articles/magnesium-nightmares.html"
THREONAAT = "source_articles/magnesium-l-threonaat.html"


@pytest.mark.parametrize(
    ("page", "line", "evidence", "replacement"),
    [
        ("magnesium-cauchemars.html", 58, f"aligned to {NIGHTMARES}:58)", "Publié le"),
        ("magnesium-cauchemars.html", 107, f"aligned to {NIGHTMARES}:108, which", "Écrit par"),
        ("magnesium-cauchemars.html", 108, f"aligned to {NIGHTMARES}:109, which", "Dermatologue"),
        ("magnesium-cauchemars.html", 109, f"aligned to {NIGHTMARES}:110, which", "La Dre Wei"),
        ("magnesium-l-threonate.html", 57, f"unaligned copy of {THREONAAT}:57", ""),
        ("magnesium-l-threonate.html", 112, f"aligned to {THREONAAT}:111, which", "Pourquoi"),
        ("magnesium-l-threonate.html", 120, f"aligned to {THREONAAT}:119, which", "Méta-analyse"),
        ("magnesium-l-threonate.html", 128, f"aligned to {THREONAAT}:127, which", "Recherche"),
    ],
)
def test_seed_leftovers_carry_their_alignment(
    seed_report: dict[tuple[str, int], tuple[str, str | None, str | None]],
    page: str,
    line: int,
    evidence: str,
    replacement: str,
) -> None:
    message, fix, _source = seed_report[(page, line)]
    assert evidence in message
    assert fix is not None and fix.lstrip("<g1>«\u202f").startswith(replacement)


def test_a_dutch_card_title_is_one_whole_leftover_with_a_fix(
    seed_report: dict[tuple[str, int], tuple[str, str | None, str | None]],
) -> None:
    """Without the alignment the judge saw the card title as only part Dutch, and
    a part gets no replacement; reading as its original, all of it is Dutch."""
    message, fix, source = seed_report[("magnesium-l-threonate.html", 112)]
    assert message.startswith("Dutch text left on a French page")
    assert fix is not None and "AKG & Ca-AKG" in fix
    assert source is not None and f"of the original, {THREONAAT}:111" in source


def test_fix_repairs_the_seed_leftovers_from_the_original(tmp_path: Path) -> None:
    settings = load_settings(start=ROOT)
    report = fix_pages(
        [SOURCES / "magnesium-l-threonate.html", SOURCES / "magnesium-cauchemars.html"],
        out_dir=tmp_path / "fixed",
        suggest=leftover_suggester(settings),
        aligned=aligned_evidence(settings),
    )
    made = {(Path(c.file).name, c.line): c for c in report.changes if c.check == "mixed-language"}
    assert made[("magnesium-l-threonate.html", 57)].after == ""
    card = made[("magnesium-l-threonate.html", 112)]
    assert card.after.startswith("Pourquoi l’acide alpha-cétoglutarique")
    assert THREONAAT in card.source
    assert made[("magnesium-cauchemars.html", 107)].after == "<g1>Écrit par</g1> Dr. Linda Wei"
    html = (tmp_path / "fixed" / "magnesium-l-threonate.html").read_text(encoding="utf-8")
    assert "Waarom alpha-ketoglutaarzuur" not in html
