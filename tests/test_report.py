"""``tolk report``: the static site, its numbers, its marks, and a real browser's view."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from pipeline import cli, report
from pipeline.checks.base import SEVERITIES
from pipeline.checks.output import render
from pipeline.checks.runner import run_checks
from pipeline.cli import report as report_command
from pipeline.config import Settings, load_settings
from pipeline.errors import InputError
from pipeline.html.extract import extract_text
from pipeline.project import discover
from pipeline.report import Finding, Findings, build_report, page_blocks, place_finding
from pipeline.report import html as report_html

from .conftest import ROOT, FakeJudge

SEED_004 = "magnesium-l-threonate"
DUTCH_TITLE = "Magnesium L-threonaat: hersengezondheid"
NOW = datetime(2026, 1, 28, 9, 30, tzinfo=UTC)
SCREENSHOTS = ROOT / "build" / "screenshots"


# -- helpers ------------------------------------------------------------------
def tolk(project: Path, *argv: str) -> int:
    """The real entry point, on the project copy."""
    return cli.main(["--config", str(project / "tolk.toml"), "-q", *argv])


def tolk_report(project: Path, *argv: str) -> int:
    """``tolk report`` through the real parser (quiet), settings from the project."""
    args = cli.build_parser().parse_args(["-q", "report", *argv])
    return int(args.handler(args, load_settings(project / "tolk.toml")))


def built_project(project: Path) -> Settings:
    assert tolk(project, "extract") == 0
    assert tolk(project, "build") == 0
    return load_settings(project / "tolk.toml")


def finding(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "file": "source_articles/x.html",
        "line": 1,
        "location": "",
        "check": "mixed-language",
        "severity": "error",
        "text": "",
        "found_lang": None,
        "expected_lang": None,
        "confidence": None,
        "message": "",
        "fix": None,
    }
    base.update(fields)
    return base


def dom(path: Path) -> Any:
    return lxml_html.fromstring(path.read_text(encoding="utf-8"))


# -- reading findings and fixes ---------------------------------------------------
def test_findings_are_read_from_the_check_json_shape() -> None:
    text = json.dumps({"findings": [finding(confidence=0.5)], "summary": {"error": 1}})
    items = report.parse_findings(text)
    f = Finding.from_json(items[0])
    assert (f.check, f.severity, f.confidence, f.fix) == (
        "mixed-language",
        "error",
        0.5,
        None,
    )


@pytest.mark.parametrize("text", ["not json", '{"summary": {}}', '{"findings": [1, 2]}'])
def test_bad_findings_are_one_clear_error(text: str) -> None:
    with pytest.raises(InputError, match="tolk check --format json"):
        report.parse_findings(text, Path("findings.json"))


def test_changes_are_optional_and_tolerant(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path)
    assert report.load_changes(settings) == []
    path = report.changes_path(settings)
    path.parent.mkdir(parents=True)
    path.write_text("{broken", encoding="utf-8")
    assert report.load_changes(settings) == []
    change = {"file": "a.html", "line": 3, "location": "p", "key": "p-1", "check": "c",
              "before": "x", "after": "y", "source": "fixes.f"}  # fmt: skip
    path.write_text(json.dumps([change, "junk"]), encoding="utf-8")
    assert report.load_changes(settings) == []  # a malformed list shows no fixes
    path.write_text(json.dumps({"changes": [change]}), encoding="utf-8")
    assert [c.line for c in report.load_changes(settings)] == [3]


# -- placing findings in the page ---------------------------------------------------
PAGE = """<!DOCTYPE html>
<html lang="fr"><head><title>Titre</title></head><body>
<article>
<p class="title">Magnesium L-threonaat: hersengezondheid</p>
<h1>Le magnésium</h1>
<p>Première phrase. Written by Jane, deuxième phrase.</p>
</article></body></html>
"""


def test_a_finding_marks_its_own_text_by_line_location_and_text() -> None:
    blocks = page_blocks(extract_text(PAGE))
    seg = next(
        s for b in blocks.values() for s in (p.segment for p in b.pieces) if "Written" in s.text
    )
    f = Finding.from_json(finding(line=seg.line, location=seg.location, text="Written by"))
    unit, start, end = place_finding(f, blocks) or (0, 0, 0)
    assert blocks[unit].text[start:end] == "Written by"


def test_a_finding_with_a_wrong_line_is_found_by_its_text() -> None:
    blocks = page_blocks(extract_text(PAGE))
    f = Finding.from_json(finding(line=999, location="nowhere", text="hersengezondheid"))
    unit, start, end = place_finding(f, blocks) or (0, 0, 0)
    assert blocks[unit].text[start:end] == "hersengezondheid"
    assert place_finding(Finding.from_json(finding(line=999, text="absent")), blocks) is None


def test_a_finding_whose_text_is_not_on_its_line_marks_the_segment() -> None:
    blocks = page_blocks(extract_text(PAGE))
    seg = next(
        s
        for b in blocks.values()
        for s in (p.segment for p in b.pieces)
        if s.text == "Le magnésium"
    )
    f = Finding.from_json(finding(line=seg.line, location=seg.location, text="zzz"))
    unit, start, end = place_finding(f, blocks) or (0, 0, 0)
    assert blocks[unit].text[start:end] == "Le magnésium"


GLUED_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><title>Essai</title></head><body>
<p>Il inhibe l'axe HPA,   abaissant<a href="/x">pics de cortisol</a>qui peut gêner.</p>
<p>Régulation :Il inhibe l'axe, alignant<em>rythme circadiens</em> et repos.</p>
</body></html>
"""


def glued_page_findings(tmp_path: Path) -> tuple[list[Finding], dict[int, Any]]:
    """The real checks on a page with glued words, through their JSON, and its blocks."""
    page = tmp_path / "essai.html"
    page.write_text(GLUED_PAGE, encoding="utf-8")
    checked = run_checks([page], judge=FakeJudge())
    items = json.loads(render(checked, "json"))["findings"]
    return [Finding.from_json(i) for i in items], page_blocks(extract_text(GLUED_PAGE))


def test_a_glued_finding_marks_only_its_join(tmp_path: Path) -> None:
    """#17 point 8: the join is marked, not the paragraph, even where another check
    flags the same sentence (its mark then holds the join's)."""
    findings, blocks = glued_page_findings(tmp_path)
    assert {f.check for f in findings} >= {"glued-words", "punctuation-spacing"}
    placed = report_html._place_all(findings, blocks, "fr")
    marked = {}
    for unit, block in blocks.items():
        html_text = report_html._highlight(block.text, [p for p in placed if p.unit == unit])
        marked[unit] = lxml_html.fragment_fromstring(html_text, create_parent="td")
    joins = [
        m.text_content()
        for td in marked.values()
        for m in td.xpath('.//mark[@class="sev-error join"]')
    ]
    assert joins == ["abaissantpics", "cortisolqui", "alignantrythme"]
    # "Régulation :Il ...": the sentence's punctuation mark holds the join's mark.
    (second,) = [td for td in marked.values() if "Régulation" in td.text_content()]
    (outer,) = second.xpath("mark[not(contains(@class, 'join'))]")
    assert outer.xpath(".//mark[contains(@class, 'join')]")[0].text == "alignantrythme"
    # One link to each finding's panel, however many marks it has.
    links = [a.get("href") for td in marked.values() for a in td.xpath(".//a[@class]")]
    assert len(links) == len(set(links)) == len(findings)


def test_marks_of_saved_json_survive_squashed_white_space() -> None:
    f = Finding.from_json(finding(text="a  b<g1>c</g1>d", marks=[[3, 6]], span=[0, 2]))
    assert f.marks == ((3, 6),) and f.span == (0, 2)
    blocks = page_blocks(
        extract_text(PAGE.replace("Le magnésium</h1>", "Le magnésium</h1><p>x a  b<b>c</b>d</p>"))
    )
    (block,) = [b for b in blocks.values() if b.text == "x a bcd"]
    start = block.text.index("a b")
    ((a, b),) = report.block_marks(f, block, start, start + 5)
    assert block.text[a:b] == "bcd"
    assert report.block_marks(f, block, 0, len(block.text)) == ()  # not its text: no narrowing
    bad = Finding.from_json(finding(text="ab", marks=[[1, 9], "x", [2, 1]]))
    assert bad.marks == ((1, 9),)  # the malformed pairs are dropped on reading
    assert report.block_marks(bad, block, 0, 2) == ()  # one out of its text: none is used


# -- the site -------------------------------------------------------------------------
def test_report_escapes_untrusted_text_and_lists_fixes(project: Path) -> None:
    settings = built_project(project)
    nasty = "<script>alert('x')</script>"
    article = f"source_articles/{SEED_004}.html"
    items = (
        finding(file=article, line=57, text=DUTCH_TITLE, message=nasty, found_lang="nl"),
        finding(file=f"build/en/{SEED_004}.html", line=1, text=nasty, severity="warning"),
        finding(file="somewhere/else.html", text=nasty, severity="info"),
    )
    changes_file = report.changes_path(settings)
    changes_file.parent.mkdir(parents=True, exist_ok=True)
    change = {
        "file": article,
        "line": 57,
        "location": "p.title",
        "key": "p-1",
        "check": "mixed-language",
        "before": f"<g1>{DUTCH_TITLE}</g1> <img src=x onerror=alert(1)>",
        "after": "",
        "source": "remove-foreign-line",
    }
    changes_file.write_text(json.dumps([change]), encoding="utf-8")
    result = build_report(
        settings,
        discover(settings),
        Findings(items, "test"),
        changes=report.load_changes(settings),
        now=NOW,
    )
    assert result.findings == 3 and result.unassigned == 1
    for page in result.pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text
        assert "&lt;script&gt;" in text or page.name != f"{SEED_004}.html"
    seed = dom(result.folder / "articles" / f"{SEED_004}.html")
    fixes = seed.xpath('//section[@id="fr"]//table[@class="fixes"]//td')
    assert any("remove-foreign-line" in td.text_content() for td in fixes)
    shown = " ".join(td.text_content() for td in fixes)
    assert DUTCH_TITLE in shown and "<g1>" not in shown  # the catalog's codes are not text
    index = dom(result.index)
    assert "somewhere/else.html" in index.text_content()  # findings of unknown files stay visible


def test_report_is_deterministic_and_removes_stale_pages(project: Path) -> None:
    settings = built_project(project)
    articles = discover(settings)
    empty = Findings((), "none", available=False)
    first = build_report(settings, articles, empty, now=NOW)
    stale = first.folder / "articles" / "gone.html"  # as if its article was removed
    stale.write_bytes((first.folder / "articles" / f"{SEED_004}.html").read_bytes())
    snapshot = {p: p.read_bytes() for p in first.folder.rglob("*") if p.is_file()}
    second = build_report(settings, articles, empty, now=NOW)
    assert second.written == 0
    assert not stale.exists()
    assert all(p.read_bytes() == data for p, data in snapshot.items() if p != stale)
    assert (first.folder / "assets" / "report.css").is_file()
    text = first.index.read_text(encoding="utf-8")
    assert "No findings: none" in text  # a run without checks says so
    assert "2026-01-28 09:30 UTC" in text


def test_only_pages_the_report_wrote_are_deleted(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path)
    out = tmp_path / "out"
    pages = out / "articles"
    pages.mkdir(parents=True)
    ours = pages / "gone.html"
    ours.write_text(report_html._page("gone", "<p>old</p>", prefix="../"), encoding="utf-8")
    mine = pages / "notes.html"
    mine.write_text('<html><head><meta name="generator" content="vim"></head></html>', "utf-8")
    empty = Findings((), "none", available=False)
    build_report(settings, [], empty, out=out, now=NOW)
    assert not ours.exists()
    assert mine.read_text(encoding="utf-8").startswith("<html>")


def test_assets_are_written_atomically_not_through_a_link(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path)
    out = tmp_path / "out"
    (out / "assets").mkdir(parents=True)
    elsewhere = tmp_path / "mine.css"
    elsewhere.write_text("body { color: red }", encoding="utf-8")
    (out / "assets" / "report.css").symlink_to(elsewhere)
    empty = Findings((), "none", available=False)
    build_report(settings, [], empty, out=out, now=NOW)
    assert elsewhere.read_text(encoding="utf-8") == "body { color: red }"
    css = out / "assets" / "report.css"
    assert not css.is_symlink()
    assert css.read_bytes() == (report.ASSETS / "report.css").read_bytes()
    assert [p.name for p in (out / "assets").iterdir() if p.name.startswith(".")] == []


def test_the_command_has_help_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser(prog="tolk")
    sub = parser.add_subparsers()
    report_command.register(sub)
    with pytest.raises(SystemExit):
        parser.parse_args(["report", "--help"])
    out = capsys.readouterr().out
    assert "example:" in out and "tolk report" in out


# -- end to end, in a real browser ---------------------------------------------------------
def find_chromium() -> str | None:
    """Debian's chromium (installed by .ci/run), or one named by TOLK_CHROMIUM."""
    named = os.environ.get("TOLK_CHROMIUM")
    if named:
        return named
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_or_skip() -> str:
    """The browser, or a skip saying why; on CI (.ci/run installs it) a missing one fails."""
    found = find_chromium()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium not found on CI: .ci/run installs Debian's chromium package")
        pytest.skip("no Chromium here: apt-get install chromium, or set TOLK_CHROMIUM")
    return found


class Browser:
    """Headless Chromium, one process per page: its DOM after scripts, or a screenshot."""

    def __init__(self, binary: str, profile: Path) -> None:
        self.base = [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
        ]

    def _run(self, *args: str) -> str:
        done = subprocess.run(
            [*self.base, *args], capture_output=True, text=True, timeout=90, check=False
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    def dom(self, url: str) -> Any:
        return lxml_html.fromstring(self._run("--dump-dom", url))

    def screenshot(self, url: str, out: Path, size: str) -> Path:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.unlink(missing_ok=True)
        self._run(f"--screenshot={out}", f"--window-size={size}", url)
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        return out


def expected_counts(
    settings: Settings, items: list[dict[str, Any]]
) -> Counter[tuple[str, str, str]]:
    """(article, lang, severity) -> findings, worked out independently of the report."""
    articles = {a.name: a for a in discover(settings)}
    counts: Counter[tuple[str, str, str]] = Counter()
    for item in items:
        path = Path(item["file"])
        article = articles.get(path.stem)
        if article is None:
            continue
        parent = path.parent.name
        if parent == settings.source_dir:
            counts[(article.name, article.lang, item["severity"])] += 1
        elif parent in article.targets(settings):
            counts[(article.name, parent, item["severity"])] += 1
    return counts


@pytest.mark.slow
def test_report_end_to_end_in_chromium(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Extract, build, report; then read the site as Chromium renders it."""
    chromium = chromium_or_skip()
    settings = built_project(project)
    assert tolk_report(project) == 0  # checks run through the report's seam
    # What `tolk check --format json` says, to compare the overview with.
    paths = [str(p) for p in report.check_paths(settings)]
    capsys.readouterr()
    assert tolk(project, "check", "--format", "json", "--severity", "info", *paths) in (0, 1)
    checked = json.loads(capsys.readouterr().out)["findings"]
    assert any(DUTCH_TITLE in f["text"] for f in checked)

    out = project / "build" / "report"
    pages = sorted(out.rglob("*.html"))
    assert len(pages) == 1 + len(discover(settings))
    assert max(p.stat().st_size for p in pages) < report.MAX_PAGE_BYTES
    browser = Browser(chromium, tmp_path / "chromium")

    # The overview: every article and language, with the numbers of `tolk stats`.
    capsys.readouterr()
    assert tolk(project, "stats", "--format", "json") in (0, 1)
    catalogs = json.loads(capsys.readouterr().out)["catalogs"]
    stats = {(r["article"], r["lang"]): r for r in catalogs}
    index = browser.dom(out.joinpath("index.html").as_uri())
    counts = expected_counts(settings, checked)
    for article in discover(settings):
        row = index.xpath(f'//table[@id="matrix"]//th[a="{article.name}"]')
        assert row, article.name
        # A published translation (a family member) is never translated again:
        # its row has cells for its own language and the languages Tolk builds.
        for lang in (article.lang, *article.targets(settings)):
            (cell,) = index.xpath(f'//td[@data-article="{article.name}"][@data-lang="{lang}"]')
            text = " ".join(cell.text_content().split())
            for sev in SEVERITIES:
                assert int(cell.get(f"data-{sev}")) == counts[(article.name, lang, sev)]
            if lang == article.lang:
                assert cell.get("data-role") == "source" and "Source" in text
                continue
            row_stats = stats[(article.name, lang)]
            t, f, u = (
                row_stats[k] for k in ("translated_words", "fuzzy_words", "untranslated_words")
            )
            assert (cell.get("data-translated-words"), cell.get("data-untranslated-words")) == (
                str(t),
                str(u),
            )
            assert f"✓ {t} · ≈ {f} · ✗ {u} / {t + f + u} words" in text, text
            total = t + f + u
            assert f"{(100 * t / total if total else 0):.0f}% translated" in text
    for lang in settings.languages:
        (total_cell,) = index.xpath(f'//td[@data-total="{lang}"]')
        rows = [r for (a, lg), r in stats.items() if lg == lang]
        assert int(total_cell.get("data-translated-words")) == sum(
            r["translated_words"] for r in rows
        )
        assert int(total_cell.get("data-error")) == sum(
            n for (a, lg, sev), n in counts.items() if lg == lang and sev == "error"
        )
    (run,) = index.xpath('//dl[@class="run"]')
    shown = dict(zip(run.xpath("dt/text()"), run.xpath("dd/text()"), strict=True))
    assert shown["Fuzzy threshold"] == "75" and shown["Languages"] == "fr, nl, en"
    assert shown["Findings from"].startswith("tolk check") and "UTC" in shown["Date"]

    # Seed 004: the Dutch title above the French one is marked, with its panel.
    url = (out / "articles" / f"{SEED_004}.html").as_uri()
    page = browser.dom(url + "?open")
    marks = page.xpath('//section[@id="fr"]//mark')
    title_marks = [m for m in marks if DUTCH_TITLE in m.text_content()]
    assert title_marks, [m.text_content() for m in marks]
    mark = title_marks[0]
    assert mark.get("tabindex") == "0" and mark.get("title")
    (panel,) = page.xpath(f'//details[@id="{mark.get("data-finding")}"]')
    assert panel.get("open") is not None  # the script ran (under the page's CSP)
    panel_text = panel.text_content()
    assert "Dutch (nl)" in panel_text and "French (fr)" in panel_text
    assert any(word in mark.getnext().text_content() for word in ("error", "warning", "info"))

    # #17 point 8, as the browser shows it: what to do next, completeness with every
    # ui.po in strings and words, findings per check, the join of glued words, and
    # what build published unreviewed.
    assert index.xpath('//h2[@id="next"]') and index.xpath('//table[@id="send"]//tr[@data-catalog]')
    assert index.xpath('//div[@id="blockers"]')[0].text_content().startswith("Block CI")
    by_check = index.xpath('//table[@id="checks"]//tr[@data-check]/@data-check')
    assert "glued-words" in by_check and "mixed-language" in by_check
    for lang in settings.languages:
        (ui_row,) = index.xpath(
            f'//table[@id="catalogs"]//tr[@data-catalog="locales/{lang}/LC_MESSAGES/ui.po"]'
        )
        assert "ui.po" in ui_row.text_content()
        assert int(ui_row.xpath("td[@data-total-words]")[0].text) > 0
    (all_row,) = index.xpath('//table[@id="catalogs"]//tr[@data-total="all"]')
    assert "ui.po" in all_row.text_content()
    cauchemars = browser.dom((out / "articles" / "magnesium-cauchemars.html").as_uri())
    joins = [
        m.text_content()
        for m in cauchemars.xpath('//section[@id="fr"]//td//mark[contains(@class, "join")]')
    ]
    assert "abaissantpics" in joins and "(2007)Voir" in joins
    assert all(" " not in j and len(j) < 30 for j in joins), joins
    data = json.loads((out / "data.json").read_text(encoding="utf-8"))
    drafts = [c for c in data["cells"] if c["unreviewed_segments"]]
    assert drafts  # the bundled catalogs hold fuzzy entries that build publishes
    first = drafts[0]
    drafted = browser.dom((out / "articles" / f"{first['article']}.html").as_uri())
    cells = drafted.xpath(f'//section[@id="{first["lang"]}"]//td[@class="unreviewed"]')
    assert sum(int(td.get("data-unreviewed")) for td in cells) == first["unreviewed_segments"]
    assert "published unreviewed" in cells[0].text_content()
    assert all("drafted" in td.getparent().get("class") for td in cells)
    assert drafted.xpath('//input[@id="only-unreviewed"]')  # a filter for reviewers
    assert not cauchemars.xpath('//input[@id="only-unreviewed"]')  # nothing to filter there
    assert drafted.xpath(
        '//ul[contains(@class, "legend")]//span[contains(@class, "state-unreviewed")]'
    )

    # Pictures for a person: overview, seed 004 (wide and phone-sized).
    shots = [
        browser.screenshot(
            out.joinpath("index.html").as_uri(), SCREENSHOTS / "report-index.png", "1280,1600"
        ),
        browser.screenshot(
            f"{url}?only-findings&open", SCREENSHOTS / "report-seed-004.png", "1280,1600"
        ),
        browser.screenshot(
            f"{url}?only-findings", SCREENSHOTS / "report-seed-004-phone.png", "390,1400"
        ),
        browser.screenshot(
            (out / "articles" / f"{first['article']}.html").as_uri() + "?only-unreviewed",
            SCREENSHOTS / "report-unreviewed.png",
            "1280,1400",
        ),
        browser.screenshot(
            out.joinpath("index.html").as_uri(), SCREENSHOTS / "report-index-phone.png", "390,1400"
        ),
    ]
    assert all(s.stat().st_size > 10_000 for s in shots)


def test_overview_totals_checks_and_next_steps_match_check_and_stats(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """#17 point 8 on the bundled project: the headline and the per-check table give what
    ``tolk check --severity info`` gives (copies of a source folded in the matrix used to
    drop out of the totals), and the catalogs to send are those ``tolk stats`` shows
    with fuzzy or untranslated entries, with pocount's strings and words."""
    settings = built_project(project)
    assert tolk_report(project) == 0
    paths = [str(p) for p in report.check_paths(settings)]
    capsys.readouterr()
    assert tolk(project, "check", "--format", "json", "--severity", "info", *paths) in (0, 1)
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert tolk(project, "stats", "--format", "json") in (0, 1)
    catalogs = json.loads(capsys.readouterr().out)["catalogs"]
    index = lxml_html.fromstring((project / "build/report/index.html").read_bytes())
    headline = " ".join(index.xpath("//header//p")[0].text_content().split())
    for sev, plural in (("error", "errors"), ("warning", "warnings"), ("info", "info")):
        assert f"{summary['by_severity'][sev]} {plural}" in headline
        (total,) = index.xpath(f'//table[@id="checks"]//td[@data-total="{sev}"]')
        assert int(total.text) == summary["by_severity"][sev]
    for check, counts in summary["by_check"].items():
        rows = index.xpath(f'//table[@id="checks"]//tr[@data-check="{check}"]')
        if not any(counts.values()):
            assert not rows
            continue
        (row,) = rows
        for sev in SEVERITIES:
            assert int(row.xpath(f"td[@data-{sev}]")[0].get(f"data-{sev}")) == counts[sev]
    send = {r.get("data-catalog"): r for r in index.xpath('//table[@id="send"]//tr[@data-catalog]')}
    expected = {c["path"]: c for c in catalogs if c["fuzzy"] or c["untranslated"]}
    assert set(send) == set(expected) and send
    for path, row in send.items():
        c = expected[path]
        cells = [" ".join(td.text_content().split()) for td in row.xpath("td")]
        assert cells == [
            f"{c['translated']} / {c['translated_words']}",
            f"{c['fuzzy']} / {c['fuzzy_words']}",
            f"{c['untranslated']} / {c['untranslated_words']}",
        ]
    blockers = index.xpath('//div[@id="blockers"]')[0].text_content()
    assert f"{summary['by_severity']['error']} errors" in blockers


def completeness_rows(index: Any) -> dict[str, dict[str, int]]:
    """Each row of the completeness table by its catalog or total, as numbers."""
    rows = {}
    for tr in index.xpath('//table[@id="catalogs"]//tr[td]'):
        key = next(
            f"{a}={tr.get(a)}"
            for a in ("data-catalog", "data-subtotal", "data-lang-total", "data-total")
            if tr.get(a)
        )
        rows[key] = {
            name[len("data-") :]: int(value)
            for td in tr.xpath("td")
            for name, value in td.attrib.items()
            if name.startswith("data-") and value.isdigit()
        }
    return rows


def test_completeness_lists_ui_po_with_strings_and_words_like_pocount(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """#17 point 8: every catalog of ``tolk stats`` and each language's ``ui.po``,
    strings and words; strings as Translate Toolkit's ``pocount`` counts them, words
    and totals as ``tolk stats`` does."""
    pocount = pytest.importorskip("translate.tools.pocount")
    settings = built_project(project)
    assert tolk_report(project, "--no-checks") == 0
    capsys.readouterr()
    assert tolk(project, "stats", "--format", "json") in (0, 1)
    catalogs = json.loads(capsys.readouterr().out)["catalogs"]
    index = dom(project / "build/report/index.html")
    blockers = index.xpath('//div[@id="blockers"]')[0].text_content()
    assert "Checks not run" in blockers and "passes" not in blockers  # --no-checks
    rows = completeness_rows(index)
    ui = [f"locales/{lang}/LC_MESSAGES/ui.po" for lang in settings.languages]
    assert all(project.joinpath(p).exists() for p in ui)
    assert {k.partition("=")[2] for k in rows if k.startswith("data-catalog")} == {
        c["path"] for c in catalogs
    } | set(ui)
    for path in [c["path"] for c in catalogs] + ui:
        row = rows[f"data-catalog={path}"]
        counted = pocount.calcstats(str(project / path))
        for state in ("translated", "fuzzy", "untranslated", "total"):
            assert row[state] == counted[state], (path, state)
        assert row["total-words"] == sum(
            row[f"{s}-words"] for s in ("translated", "fuzzy", "untranslated")
        )
    for c in catalogs:
        row = rows[f"data-catalog={c['path']}"]
        assert [row[f"{s}-words"] for s in ("translated", "fuzzy", "untranslated")] == [
            c["translated_words"], c["fuzzy_words"], c["untranslated_words"]
        ]  # fmt: skip
    # What pocount on the folders counts beyond these is listed apart, by name.
    on_disk = {
        str(p.relative_to(project))
        for p in project.glob("locales/*/LC_MESSAGES/*.po")
        if p.parent.parent.name in settings.languages
    }
    idle = index.xpath('//div[@id="idle"]//li/code/text()')
    assert sorted(on_disk - set(ui) - {c["path"] for c in catalogs}) == idle
    assert idle  # the bundled project has two: articles published in French by their families
    for key in ("translated", "fuzzy", "untranslated"):
        articles = sum(c[key] for c in catalogs)
        assert rows["data-total=articles"][key] == articles
        assert rows["data-total=all"][key] == articles + sum(
            rows[f"data-catalog={p}"][key] for p in ui
        )
        words = sum(c[f"{key}_words"] for c in catalogs)
        assert rows["data-total=articles"][f"{key}-words"] == words
        for lang in settings.languages:
            mine = [c for c in catalogs if c["lang"] == lang]
            if mine:
                assert rows[f"data-subtotal={lang}"][key] == sum(c[key] for c in mine)


@pytest.mark.parametrize("publish", [True, False])
def test_published_unreviewed_segments_are_marked_and_counted(
    project: Path, publish: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """#17 point 10: what build published from fuzzy entries is hatched on the page
    view and counted, and the count is the build summary's; with
    ``publish_fuzzy = false`` the source text is built instead and nothing is marked."""
    from pipeline.stages.build import build_articles

    config = project / "tolk.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + f"publish_fuzzy = {str(publish).lower()}\n",
        encoding="utf-8",
    )
    assert tolk(project, "extract") == 0
    settings = load_settings(config)
    built = build_articles(
        settings, discover(settings), include_fuzzy=settings.publish_fuzzy, quiet=True
    )
    assert tolk_report(project, "--no-checks") == 0
    out = project / "build/report"
    marked = 0
    for page in sorted((out / "articles").glob("*.html")):
        tree = dom(page)
        for section in tree.xpath('//section[@class="lang"]'):
            cells = section.xpath('.//td[@class="unreviewed"]')
            count = sum(int(td.get("data-unreviewed")) for td in cells)
            assert all("published unreviewed" in td.text_content() for td in cells)
            shown = section.xpath('.//p[contains(@class, "unreviewed-count")]')
            if shown:
                assert int(shown[0].get("data-unreviewed")) == count
            marked += count
    assert marked == built.counts.get("unreviewed", 0)
    assert f"{marked} published segments unreviewed" in capsys.readouterr().err
    assert (marked > 0) is publish
    index = dom(out / "index.html")
    totals = index.xpath('//table[@id="matrix"]//td[@data-total]')
    assert sum(int(td.get("data-unreviewed")) for td in totals) == marked
    headline = " ".join(index.xpath("//header//p")[0].text_content().split())
    assert f"published unreviewed: {marked} segment" in headline
    data = json.loads((out / "data.json").read_text(encoding="utf-8"))
    assert sum(c["unreviewed_segments"] or 0 for c in data["cells"]) == marked
