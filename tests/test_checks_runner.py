"""Running the checks: inputs, opt-outs, the seed pages, reports and the CLI."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from pipeline.checks import CHECKS, Fix, make_checks
from pipeline.checks.inputs import load_catalog_file, load_page
from pipeline.checks.output import render, render_junit, to_json
from pipeline.checks.results import CheckReport
from pipeline.checks.runner import check_files, run_checks
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.segments import Segment
from pipeline.text.codes import strip_codes

from .conftest import FakeJudge

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "source_articles"
CAUCHEMARS = "magnesium-cauchemars.html"
THREONATE = "magnesium-l-threonate.html"

# Every seed defect of the two seed pages: (page, line, check), each reported once.
SEED_FINDINGS = [
    (CAUCHEMARS, 58, "dates"),  # Published on janvier 28, 2026
    (CAUCHEMARS, 58, "mixed-language"),  # "Published on"
    (CAUCHEMARS, 70, "mixed-language"),  # Partner Content
    (CAUCHEMARS, 75, "punctuation-spacing"),  # Modulation GABA :Le magnésium
    (CAUCHEMARS, 76, "glued-words"),  # abaissantpics de cortisolqui
    (CAUCHEMARS, 77, "glued-words"),  # alignantrythme circadiens
    (CAUCHEMARS, 79, "glued-words"),  # Glycinate de magnésiumet
    (CAUCHEMARS, 83, "punctuation-spacing"),  # prendre ?Les posologies
    (CAUCHEMARS, 84, "glued-words"),  # thérapie ethygiène
    (CAUCHEMARS, 86, "glued-words"),  # existantesanté mentaleconditions
    (CAUCHEMARS, 93, "punctuation-spacing"),  # sur Amazon*En tant que
    (CAUCHEMARS, 107, "mixed-language"),  # Written by
    (CAUCHEMARS, 108, "mixed-language"),  # Dermatologist & Skincare Expert
    (CAUCHEMARS, 109, "mixed-language"),  # the English author blurb
    (THREONATE, 57, "mixed-language"),  # Dutch title above the French one
    (THREONATE, 97, "duplicate-near"),  # the two laboratory badges
    (THREONATE, 111, "mixed-language"),  # Dutch card alt
    (THREONATE, 112, "mixed-language"),  # Dutch card title
    (THREONATE, 114, "truncated"),  # (AKG & Ca...
    (THREONATE, 119, "mixed-language"),
    (THREONATE, 120, "mixed-language"),
    (THREONATE, 122, "truncated"),  # renfo...
    (THREONATE, 127, "mixed-language"),
    (THREONATE, 128, "mixed-language"),
    (THREONATE, 130, "truncated"),  # la ré...
]

PAGE = """<!DOCTYPE html>
<html lang="fr"><head><title>Essai</title></head><body>
<p>Il inhibe l'axe, abaissant<a href="/x">pics de cortisol</a>qui peut gêner.</p>
<p data-tolk-ignore="glued-words">Une thérapie et<a href="/y">hygiène</a> du sommeil.</p>
<div data-tolk-ignore=""><p>Génétique, existante<a href="/z">santé mentale</a>conditions : voilà.</p></div>
<p>Un conseil, alignant<em data-tolk-ignore="glued-words">rythme circadiens</em> et repos.</p>
</body></html>
"""

CATALOG = """msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"X-Source-Language: en\\n"

#. p
#: page.html:3
msgctxt "p-1"
msgid "Take <g1>magnesium</g1> at night."
msgstr "Prenez du <g1>magnésium le soir."

#. p
#: page.html:4
#, ignore-inline-codes
msgctxt "p-2"
msgid "Take <g1>zinc</g1> at night."
msgstr "Prenez du <g1>zinc le soir."

#. p
#: page.html:5
#, fuzzy
msgctxt "p-3"
msgid "Doses range from 200 to 400 mg."
msgstr "Les doses vont de 200 à 40 mg."

#. p
#: page.html:6
msgctxt "p-4"
msgid "Sleep well."
msgstr ""
"""


def english_judge() -> FakeJudge:
    """Finds English wherever 'English' is written; counts its batches."""
    return FakeJudge({"English": "en"}, confidence=0.9)


@pytest.fixture(scope="module")
def seed_report() -> CheckReport:
    return run_checks([SOURCES])


def test_every_seed_defect_is_listed_once_with_its_line_and_location(
    seed_report: CheckReport,
) -> None:
    counts = Counter((Path(f.file).name, f.line, f.check) for f in seed_report.findings)
    for key in SEED_FINDINGS:
        assert counts[key] == 1, key
    for f in seed_report.findings:
        if (Path(f.file).name, f.line, f.check) in SEED_FINDINGS:
            assert f.location and f.file.startswith(str(SOURCES))


def test_seed_findings_carry_the_fixes(seed_report: CheckReport) -> None:
    by_key = {(Path(f.file).name, f.line, f.check): f for f in seed_report.findings}
    date = by_key[(CAUCHEMARS, 58, "dates")]
    assert date.fix is not None and "28 janvier 2026" in date.fix.replacement
    glued = by_key[(CAUCHEMARS, 76, "glued-words")]
    assert (
        glued.fix is not None and "abaissant <g2>pics de cortisol</g2> qui" in glued.fix.replacement
    )
    title = by_key[(THREONATE, 57, "mixed-language")]
    assert title.found_lang == "nl" and title.expected_lang == "fr"
    assert "right above its French translation (line 58)" in title.message
    assert by_key[(CAUCHEMARS, 58, "mixed-language")].fix is None  # no suggest hook


def test_glued_findings_mark_only_the_glued_words(seed_report: CheckReport) -> None:
    """#17 point 8: a glued-word finding says where the join is, so the report marks
    "abaissantpics", not the paragraph; the message names the same pairs."""
    glued = [f for f in seed_report.findings if f.check == "glued-words"]
    assert glued
    for f in glued:
        plain = strip_codes(f.text)
        shown = [plain[a:b] for a, b in f.marks]
        assert shown and all(" " not in s for s in shown), (f.line, shown)
        pairs = [p.replace("|", "") for p in re.findall(r"“([^”]+)”", f.message)]
        assert shown == pairs
    by_line = {f.line: [strip_codes(f.text)[a:b] for a, b in f.marks] for f in glued}
    assert by_line[76] == ["abaissantpics", "cortisolqui"]
    assert by_line[86] == ["existantesanté", "mentaleconditions"]
    assert json.loads(render(seed_report, "json"))["findings"][0]["marks"] is not None


def test_the_english_references_of_seed_004_are_not_leftovers(seed_report: CheckReport) -> None:
    lines = {f.line for f in seed_report.findings if Path(f.file).name == THREONATE}
    assert not lines & set(range(77, 84))


def test_findings_are_sorted_and_deterministic(seed_report: CheckReport) -> None:
    keys = [f.sort_key for f in seed_report.findings]
    assert keys == sorted(keys)
    assert to_json(run_checks([SOURCES])) == to_json(seed_report)


def test_json_has_the_exact_shape(seed_report: CheckReport) -> None:
    data = json.loads(render(seed_report, "json"))
    assert set(data) == {"findings", "summary"}
    for finding in data["findings"]:
        assert list(finding) == [
            "file",
            "line",
            "location",
            "check",
            "severity",
            "text",
            "found_lang",
            "expected_lang",
            "confidence",
            "message",
            "fix",
            "span",
            "marks",
            "coded_text",
        ]
        assert finding["span"] is None or (
            len(finding["span"]) == 2 and finding["span"][0] < finding["span"][1]
        )
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["fix"] is None or set(finding["fix"]) == {"replacement", "source", "text"}
    summary = data["summary"]
    assert summary["files"] == 8 and summary["pages"] == 8
    assert set(summary["by_check"]) == set(CHECKS)


def test_junit_has_a_case_per_file_and_family(seed_report: CheckReport) -> None:
    root = ET.fromstring(render_junit(seed_report))
    suites = root.findall("testsuite")
    assert len(suites) == 8
    families = {c.family for c in CHECKS.values() if "page" in c.origins and not c.needs_source}
    for suite in suites:
        assert {case.get("classname") for case in suite} == {f"tolk.{f}" for f in families}
    failing = {
        (suite.get("name", "").rsplit("/", 1)[-1], case.get("classname"))
        for suite in suites
        for case in suite
        if case.find("failure") is not None
    }
    assert (CAUCHEMARS, "tolk.codes") in failing
    assert (THREONATE, "tolk.language") in failing
    assert (THREONATE, "tolk.consistency") not in failing  # a warning only
    assert root.get("failures") == str(len(failing))


def test_data_tolk_ignore_silences_checks_for_its_element(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    report = check_files([load_page(page)], make_checks(judge=english_judge()))
    lines = {(f.line, f.check) for f in report.findings}
    assert (3, "glued-words") in lines
    assert (4, "glued-words") not in lines  # ignored by id
    assert not any(line == 5 for line, _c in lines)  # empty value: every check
    assert (6, "glued-words") not in lines  # ignored on the inline element


def test_ignore_flags_and_catalog_checks(tmp_path: Path) -> None:
    po = tmp_path / "fr" / "page.po"
    po.parent.mkdir()
    po.write_text(CATALOG, encoding="utf-8")
    checked = load_catalog_file(po)
    assert checked.lang == "fr" and checked.items[0].source_lang == "en"
    report = check_files([checked], make_checks(judge=english_judge()))
    found = {(f.key, f.check) for f in report.findings}
    assert ("p-1", "inline-codes") in found
    assert ("p-2", "inline-codes") not in found
    assert ("p-3", "numbers") in found and ("p-3", "fuzzy") in found
    assert ("p-4", "untranslated") in found
    untranslated = next(f for f in report.findings if f.check == "untranslated")
    assert untranslated.text == "Sleep well." and untranslated.severity == "info"


def test_disabled_checks_do_not_run(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    report = run_checks([page], disabled=["glued-words"], judge=english_judge())
    assert "glued-words" not in report.checks
    assert not any(f.check == "glued-words" for f in report.findings)
    with pytest.raises(InputError, match="unknown check 'no-such-check'"):
        run_checks([page], disabled=["no-such-check"])


def test_the_language_check_batches_all_pages_into_one_call() -> None:
    judge = english_judge()
    run_checks([SOURCES], judge=judge)
    assert judge.calls == 1


def test_the_suggest_hook_proposes_fixes_for_leftovers(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html lang="fr"><body><p>Some English words here.</p></body></html>', encoding="utf-8"
    )

    def suggest(seg: Segment, found: str | None) -> Fix | None:
        return Fix(f"[{found}->fr] {seg.text}", "memory")

    report = run_checks([page], judge=english_judge(), suggest=suggest)
    (leftover,) = [f for f in report.findings if f.check == "mixed-language"]
    assert leftover.fix == Fix("[en->fr] Some English words here.", "memory")


def test_copies_of_a_page_are_reported_once(tmp_path: Path) -> None:
    for folder in ("a", "b/fr"):
        (tmp_path / folder).mkdir(parents=True)
        shutil.copy(SOURCES / CAUCHEMARS, tmp_path / folder / CAUCHEMARS)
    report = run_checks([tmp_path / "a", tmp_path / "b"], judge=english_judge())
    assert report.folded > 0
    assert {Path(f.file).parent.name for f in report.findings} == {"a"}


def test_different_pages_of_the_same_name_are_both_reported(tmp_path: Path) -> None:
    footer = "<footer><p>Tous droits réservés :Curecurious</p></footer>"
    for folder, body in (("a", "Le magnésium aide."), ("b", "Le zinc aussi.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text(
            f'<html lang="fr"><body>\n<p>{body}</p>\n{footer}\n</body></html>', encoding="utf-8"
        )
    report = run_checks([tmp_path / "a", tmp_path / "b"], judge=english_judge())
    spacing = [f for f in report.findings if f.check == "punctuation-spacing"]
    assert sorted(Path(f.file).parent.name for f in spacing) == ["a", "b"]
    assert report.folded == 0


# -- the command line ------------------------------------------------------------


def test_check_exits_1_on_errors_and_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(SOURCES / CAUCHEMARS), "--summary", "--disable", "mixed-language"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("tolk check: 1 files (1 pages, 0 catalogs)")
    assert "glued-words" in out and "mixed-language" not in out


def test_check_exits_0_when_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "clean.html"
    page.write_text(
        '<html lang="fr"><body><p>Le magnésium aide à dormir.</p></body></html>',
        encoding="utf-8",
    )
    assert main(["check", str(page), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["findings"] == [] and data["summary"]["files"] == 1


def test_check_writes_junit_and_json_to_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.xml"
    page = str(SOURCES / THREONATE)
    assert main(["check", page, "--format", "junit", "--output", str(target)]) == 1
    assert ET.parse(target).getroot().tag == "testsuites"
    target = tmp_path / "report.json"
    main(["check", page, "--format", "json", "--output", str(target), "--severity", "info"])
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["min_severity"] == "info"
    assert "->" in capsys.readouterr().err


def test_missing_path_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "no/such/page.html"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no/such/page.html" in err[0] and "Traceback" not in err[0]


def test_unreadable_catalog_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po = tmp_path / "broken.po"
    po.write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    assert main(["check", str(po)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    err = [line for line in lines if not line.lstrip().startswith("check ")]  # progress
    assert len(err) == 1 and "broken.po" in err[0]


def test_settings_turn_checks_off_and_paths_default_to_the_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "source_articles").mkdir()
    shutil.copy(SOURCES / CAUCHEMARS, tmp_path / "source_articles" / CAUCHEMARS)
    config = tmp_path / "tolk.toml"
    config.write_text('disabled_checks = ["mixed-language", "glued-words"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    checks = {f["check"] for f in data["findings"]}
    # Seed 000 also has a Title Case title and mixed apostrophes (issue 17).
    assert checks == {"dates", "punctuation-spacing", "title-case", "apostrophes"}
    assert {f["file"] for f in data["findings"]} == {f"source_articles/{CAUCHEMARS}"}
    config.write_text('disabled_checks = ["no-such-check"]\n', encoding="utf-8")
    assert main(["check"]) == 2
    assert "unknown check 'no-such-check' in disabled_checks" in capsys.readouterr().err


# -- chunks and jobs -------------------------------------------------------------

SITE_PAGES = {
    "a-fr.html": (
        "fr",
        "<p>Chez Groenhart, nous testons chaque complément avec soin depuis des années.</p>"
        "<p>Published on January 28, 2026</p>",
    ),
    "b-nl.html": ("nl", "<p>Bij Groenhart testen wij elk supplement al jaren zorgvuldig.</p>"),
    "c-en.html": ("en", "<p>At Groenhart we have tested every supplement with care.</p>"),
    "d-fr.html": ("fr", "<p>Le magnésium aide, dit Groenhart dans son dernier article.</p>"),
}


def _site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    for name, (lang, body) in SITE_PAGES.items():
        (folder / name).write_text(
            f'<!DOCTYPE html><html lang="{lang}"><head><title>T</title></head>'
            f"<body>{body}</body></html>",
            encoding="utf-8",
        )
    return folder


def test_a_run_in_chunks_learns_the_site_from_every_file_and_reports_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunks of one file each: the judge still knows "Groenhart" is the site's
    (seen in French, Dutch and English pages of other chunks), and the report
    is the one a single batch gives."""
    from pipeline.checks import runner
    from pipeline.language_id.evidence import EvidenceJudge

    folder = _site(tmp_path)
    whole = run_checks([folder], judge=EvidenceJudge())
    seen: list[bool] = []
    judge_many = EvidenceJudge.judge_many

    def spy(self: EvidenceJudge, items: object, site: object = None) -> object:
        seen.append(site is not None and site.neutral("Groenhart"))  # type: ignore[attr-defined]
        return judge_many(self, items, site)  # type: ignore[arg-type]

    monkeypatch.setattr(EvidenceJudge, "judge_many", spy)
    monkeypatch.setattr(runner, "CHUNK_FILES", 1)
    chunked = run_checks([folder], judge=EvidenceJudge())
    assert seen and all(seen)  # every chunk judged with the whole site's names
    assert to_json(chunked) == to_json(whole)
    assert chunked.segments == whole.segments > 0
    assert [f.path for f in chunked.files] == [f.path for f in whole.files]
    assert all(f.items == () for f in chunked.files)  # pages let go once judged


def test_chunks_on_a_process_pool_give_the_report_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from functools import partial

    from pipeline.checks import runner
    from pipeline.stages.pool import Pool

    folder = _site(tmp_path)
    monkeypatch.setattr(runner, "CHUNK_FILES", 1)
    judge = FakeJudge(markers={"Published": "en"})
    alone = run_checks([folder], judge=judge)
    pooled = run_checks([folder], judge=judge, pool=partial(Pool, jobs=2))
    assert alone.findings  # the English byline on the French page
    assert to_json(pooled) == to_json(alone)


def test_check_jobs_is_an_option_and_gives_the_same_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _site(tmp_path)
    monkeypatch.chdir(tmp_path)  # the stored run goes to ./build, not the repository's
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}.json"
        # --all: judge afresh, or the second run would be the first one's stored result
        argv = ["check", str(folder), "--all", "--jobs", jobs, "--format", "json"]
        main(["-q", *argv, "--output", str(out)])
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    assert '"mixed-language"' in outs[0]
