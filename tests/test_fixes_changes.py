"""``tolk fix``: repaired pages, an explained and replayable change list, nothing twice."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.checks import Fix
from pipeline.checks.base import REMOVE_SOURCE
from pipeline.checks.inputs import load_page
from pipeline.checks.runner import run_checks
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.fixes.changes import (
    GLUED_REVIEW,
    Change,
    fix_pages,
    load_changes,
    replay_changes,
)
from pipeline.fixes.output import fix_summary_lines
from pipeline.html.document import read_document
from pipeline.html.extract import extract_document
from pipeline.segments import Segment
from pipeline.text.codes import strip_codes

from .conftest import FakeJudge

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "source_articles"
SEEDS = ("magnesium-cauchemars.html", "magnesium-l-threonate.html")
FIXABLE = ("glued-words", "punctuation-spacing", "dates")


def quiet_judge() -> FakeJudge:
    """Finds English where 'Written by' or 'Partner' is written: fast and predictable."""
    return FakeJudge({"Written by": "en", "Partner": "en"})


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "source_articles"
    folder.mkdir()
    for name in SEEDS:
        shutil.copy(SOURCES / name, folder / name)
    return folder


def test_fix_repairs_every_fixable_seed_defect(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "fixed"
    report = fix_pages([pages], out_dir=out, judge=quiet_judge())
    fixed = out / "magnesium-cauchemars.html"
    assert fixed.is_file() and (out / "changes.json").is_file()
    html = fixed.read_text(encoding="utf-8")
    for repaired in (
        "abaissant <a",
        "pics de cortisol</a> qui",
        "Glycinate de magnésium</strong> et",
        "thérapie et <a",
        "existante <a",
        "santé mentale</a> conditions",
        "alignant <em>rythme",
        "Modulation GABA\u00a0:</strong> Le magnésium",
        "prendre\u202f?</strong> Les posologies",
        "sur Amazon</a> <small>*En tant",
        '<time datetime="2026-01-28">28 janvier 2026</time>',
    ):
        assert repaired in html, repaired
    after = run_checks([fixed], judge=quiet_judge())
    assert not [f for f in after.findings if f.check in FIXABLE]
    checks = {c.check for c in report.changes}
    assert checks == set(FIXABLE)
    assert all(c.before != c.after and c.source.startswith("fixes.") for c in report.changes)


def test_fix_lists_what_it_cannot_repair(pages: Path, tmp_path: Path) -> None:
    report = fix_pages([pages], out_dir=tmp_path / "fixed", judge=quiet_judge())
    left = {(Path(f.file).name, f.check) for f in report.left}
    assert ("magnesium-l-threonate.html", "truncated") in left
    assert ("magnesium-l-threonate.html", "duplicate-near") in left
    assert ("magnesium-cauchemars.html", "mixed-language") in left


def test_fix_changes_nothing_the_second_time(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "fixed"
    first = fix_pages([pages], out_dir=out, in_place=True, judge=quiet_judge())
    assert first.changes
    second = fix_pages([pages], out_dir=out, in_place=True, judge=quiet_judge())
    assert second.changes == ()
    assert all(p.written is None for p in second.pages)


def test_the_change_list_replays_to_the_same_pages(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "fixed"
    report = fix_pages([pages], out_dir=out, judge=quiet_judge())
    expected = (out / "magnesium-cauchemars.html").read_text(encoding="utf-8")
    changes, outputs = load_changes(out / "changes.json")
    assert changes == list(report.changes)
    replayed = replay_changes(changes, outputs=outputs, out_dir=tmp_path / "again")
    assert (tmp_path / "again" / "magnesium-cauchemars.html").read_text(
        encoding="utf-8"
    ) == expected
    assert len(replayed.changes) == len(changes)
    assert not any(p.problems for p in replayed.pages)


def test_replay_skips_a_change_whose_before_text_differs(pages: Path, tmp_path: Path) -> None:
    page = pages / "magnesium-cauchemars.html"
    texts = {s.key: s.text for s in extract_document(read_document(page))}
    assert texts["p-c3a854f4"] != "not this text"  # the recorded 'before' is stale
    original = page.read_bytes()
    stale = Change(str(page), 58, "p", "p-c3a854f4", "dates", "not this text", "x", "fixes.x")
    report = replay_changes([stale], out_dir=tmp_path / "out")
    assert report.changes == ()
    assert report.skipped
    assert "differs from the recorded 'before'" in report.pages[0].problems[0]
    assert not (tmp_path / "out").exists()
    assert page.read_bytes() == original


def test_a_change_list_that_leaves_the_output_folder_is_refused(tmp_path: Path) -> None:
    listing = tmp_path / "changes.json"
    listing.write_text(json.dumps({"changes": [], "outputs": {"a.html": "../x.html"}}), "utf-8")
    _changes, outputs = load_changes(listing)
    assert outputs == {"a.html": "../x.html"}
    page = tmp_path / "a.html"
    page.write_text('<html lang="fr"><body><p>a</p></body></html>', "utf-8")
    change = Change(str(page), 1, "p", "k", "dates", "a", "b", "fixes.x")
    with pytest.raises(InputError, match="leaves the output folder"):
        replay_changes([change], outputs={str(page): "../x.html"})


def test_a_replay_in_place_writes_only_inside_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    original = '<html lang="fr"><body><p>a</p></body></html>'
    victim = tmp_path / "victim.html"
    victim.write_text(original, encoding="utf-8")
    (project / "link.html").symlink_to(victim)
    key = load_page(victim).items[0].key
    listing = project / "changes.json"
    for file in ("../victim.html", str(victim), "link.html"):
        change = Change(file, 1, "p", key, "dates", "a", "b", "fixes.x")
        with pytest.raises(InputError, match="outside the project folder") as err:
            replay_changes([change], in_place=True, listing=listing)
        assert str(listing) in str(err.value) and file in str(err.value)
        assert victim.read_text(encoding="utf-8") == original
    # Out of place the page is only read; named on the command line it may be written.
    change = Change("../victim.html", 1, "p", key, "dates", "a", "b", "fixes.x")
    assert replay_changes([change], out_dir=project / "out").changes == (change,)
    assert victim.read_text(encoding="utf-8") == original
    assert replay_changes([change], in_place=True, only=[victim]).changes == (change,)
    assert "<p>b</p>" in victim.read_text(encoding="utf-8")
    # A page inside the project is written in place as before.
    inside = project / "page.html"
    inside.write_text(original, encoding="utf-8")
    change = Change("page.html", 1, "p", key, "dates", "a", "b", "fixes.x")
    assert replay_changes([change], in_place=True).changes == (change,)
    assert "<p>b</p>" in inside.read_text(encoding="utf-8")


def test_a_run_without_changes_empties_the_change_list(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "fixed"
    fix_pages([pages], out_dir=out, in_place=True, judge=quiet_judge())
    assert load_changes(out / "changes.json")[0]
    second = fix_pages([pages], out_dir=out, in_place=True, judge=quiet_judge())
    assert second.changes == () and second.changes_file == str(out / "changes.json")
    assert load_changes(out / "changes.json") == ([], {})


def test_a_replay_counts_the_changes_it_skipped(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "fixed"
    fix_pages([pages], out_dir=out, judge=quiet_judge())
    changes, outputs = load_changes(out / "changes.json")
    report = replay_changes(changes, outputs=outputs, out_dir=tmp_path / "r")
    assert report.skipped == 0 and report.to_json()["skipped"] == 0
    fix_pages([pages], out_dir=tmp_path / "unused", in_place=True, judge=quiet_judge())
    stale = replay_changes(changes, outputs=outputs, out_dir=tmp_path / "again")
    assert stale.changes == ()
    assert stale.skipped == len(changes) == stale.to_json()["skipped"]
    assert len([p for page in stale.pages for p in page.problems]) == len(changes)


def test_malformed_change_lists_are_input_errors(tmp_path: Path) -> None:
    bad = tmp_path / "changes.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read the change list"):
        load_changes(bad)
    bad.write_text(json.dumps({"changes": [{"file": "a"}]}), encoding="utf-8")
    with pytest.raises(InputError, match="malformed change record"):
        load_changes(bad)
    with pytest.raises(InputError, match="not found"):
        load_changes(tmp_path / "missing.json")


def test_the_suggest_hook_replaces_leftovers(pages: Path, tmp_path: Path) -> None:
    def suggest(seg: Segment, found: str | None) -> Fix | None:
        if seg.text == "Partner Content":
            return Fix("Contenu partenaire", "memory:test")
        return None

    out = tmp_path / "fixed"
    report = fix_pages([pages], out_dir=out, judge=quiet_judge(), suggest=suggest)
    change = next(c for c in report.changes if c.check == "mixed-language")
    assert (change.before, change.after, change.source) == (
        "Partner Content",
        "Contenu partenaire",
        "memory:test",
    )
    html = (out / "magnesium-cauchemars.html").read_text(encoding="utf-8")
    assert '<p class="ad-slot__label">Contenu partenaire</p>' in html


def test_a_foreign_title_above_its_translation_is_removed(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "fixed"
    report = fix_pages([pages], out_dir=out, judge=FakeJudge({"hersengezondheid": "nl"}))
    (removal,) = [c for c in report.changes if c.source == REMOVE_SOURCE]
    assert removal.line == 57 and removal.location.endswith("p.title")
    assert removal.after == ""
    fixed = (out / "magnesium-l-threonate.html").read_text(encoding="utf-8")
    assert "hersengezondheid" not in fixed
    assert "Magnésium L-thréonate" in fixed
    # Fixing the fixed page again changes nothing: the duplicate is gone.
    again = fix_pages(
        [out], out_dir=tmp_path / "again", judge=FakeJudge({"hersengezondheid": "nl"})
    )
    assert not [c for c in again.changes if c.source == REMOVE_SOURCE]
    # The removal is in the change list, so a replay removes it too.
    changes, outputs = load_changes(out / "changes.json")
    replayed = replay_changes(changes, outputs=outputs, out_dir=tmp_path / "replayed")
    assert replayed.changes
    text = (tmp_path / "replayed" / "magnesium-l-threonate.html").read_text(encoding="utf-8")
    assert text == fixed


def test_tolk_fix_and_replay_from_the_command_line(
    pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fixed"
    args = ["fix", str(pages), "--out", str(out), "--disable", "mixed-language"]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "tolk fix:" in printed and "changes.json" in printed
    assert main(["fix", "--replay", str(out / "changes.json"), "--out", str(tmp_path / "r")]) == 0
    capsys.readouterr()
    replayed = (tmp_path / "r" / "magnesium-cauchemars.html").read_text(encoding="utf-8")
    assert replayed == (out / "magnesium-cauchemars.html").read_text(encoding="utf-8")
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"changes", "outputs", "written", "left", "problems"} <= set(data)
    assert main(["fix", str(tmp_path / "missing")]) == 2


def test_glued_sentences_are_left_for_review_with_the_spacing_fixed(
    pages: Path, tmp_path: Path
) -> None:
    """Point 1 of issue 17: a restored space does not make the French right."""
    out = tmp_path / "fixed"
    report = fix_pages([pages], out_dir=out, judge=quiet_judge())
    review = [f for f in report.left if f.message == GLUED_REVIEW]
    texts = " ".join(strip_codes(f.text) for f in review)
    for sentence in ("abaissant pics de cortisol qui", "alignant rythme circadiens",
                     "existante santé mentale conditions"):  # fmt: skip
        assert sentence in texts
    assert not any("(2007)" in strip_codes(f.text) for f in review), "a lost space only"
    data = json.loads((out / "changes.json").read_text(encoding="utf-8"))
    assert sum(f["message"] == GLUED_REVIEW for f in data["left"]) == len(review) == 5
    lines = fix_summary_lines(report)
    assert any("5 sentences with glued words" in line for line in lines)
    assert any("abaissant pics de cortisol qui" in line for line in lines)


def test_the_original_of_a_glued_sentence_is_retranslated_for_review(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the memory knows what the glued text was translated from, a new
    translation of that original is offered for review, never applied."""
    from pipeline.config import Settings
    from pipeline.fixes.leftovers import LeftoverRepairs
    from pipeline.memory import TMUnit, TranslationMemory

    glued = "Cela fonctionne mieux dans le cadre d'une approche holistique comprenant une "
    glued += "thérapie et<g1>hygiène</g1> du sommeil."
    original = "It works best as part of a holistic approach including therapy and <g1>sleep"
    original += " hygiene</g1>."
    better = "Il agit au mieux dans une approche globale, avec une thérapie et une "
    better += "<g1>hygiène du sommeil</g1>."
    memory = TranslationMemory(
        [TMUnit("en", "fr", original, glued, fuzzy=True, origin="import:site.tmx")]
    )
    repairs = LeftoverRepairs(Settings(root=tmp_path), use_engine=True, memory=memory)
    asked: list[tuple[str, str, str]] = []

    def machine(text: str, src: str, tgt: str) -> tuple[str, str]:
        asked.append((text, src, tgt))
        return better, "machine: argos en_fr-0.1"

    monkeypatch.setattr(repairs, "_machine", machine)
    report = fix_pages([pages], out_dir=tmp_path / "fixed", judge=quiet_judge(),
                       offer=repairs.retranslate)  # fmt: skip
    (offered,) = [f for f in report.left if f.fix is not None and f.message == GLUED_REVIEW]
    assert offered.fix is not None
    assert asked == [(original, "en", "fr")], "the original is translated, not the glued text"
    assert offered.fix.replacement == better
    assert offered.fix.source == "machine: argos en_fr-0.1 (to review)"
    html = (tmp_path / "fixed" / "magnesium-cauchemars.html").read_text(encoding="utf-8")
    assert "hygiène du sommeil</a>" not in html, "offered, never applied"


def test_machine_replacements_are_held_for_review_unless_allowed(
    pages: Path, tmp_path: Path
) -> None:
    """Point 3 of issue 17: the safe default never pastes machine output into a page."""

    def suggest(seg: Segment, found: str | None) -> Fix | None:
        if seg.text == "Partner Content":
            return Fix("Contenu du partenaire", "machine: argos en_fr-0.1")
        return None

    held = fix_pages([pages], out_dir=tmp_path / "held", judge=quiet_judge(), suggest=suggest)
    assert not held.machine_changes
    (finding,) = [f for f in held.left if f.fix is not None and f.check == "mixed-language"]
    assert finding.fix is not None and finding.fix.source.startswith("machine")
    html = (tmp_path / "held" / "magnesium-cauchemars.html").read_text(encoding="utf-8")
    assert "Contenu du partenaire" not in html
    assert any("machine-made replacements not applied, left for review: 1" in line
               for line in fix_summary_lines(held))  # fmt: skip
    applied = fix_pages([pages], out_dir=tmp_path / "applied", judge=quiet_judge(),
                        suggest=suggest, apply_machine=True)  # fmt: skip
    assert len(applied.machine_changes) == 1
    assert any("made by a machine and applied unreviewed: 1" in line
               for line in fix_summary_lines(applied))  # fmt: skip


def test_fixing_in_chunks_writes_what_one_batch_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages fixed a chunk at a time (their parsed trees let go after each) give
    the same pages and change list as all at once."""
    from pipeline.fixes import changes

    pages = tmp_path / "pages"
    shutil.copytree(SOURCES, pages)
    whole = fix_pages([pages], out_dir=tmp_path / "whole", judge=quiet_judge())
    monkeypatch.setattr(changes, "CHUNK_FILES", 1)
    chunked = fix_pages([pages], out_dir=tmp_path / "chunked", judge=quiet_judge())
    assert sum(len(p.changes) for p in whole.pages) > 0
    assert [replace(p, written=None) for p in chunked.pages] == [
        replace(p, written=None) for p in whole.pages
    ]

    def written(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.html")}

    assert written(tmp_path / "chunked") == written(tmp_path / "whole")
