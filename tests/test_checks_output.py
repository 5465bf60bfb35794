"""The check table as people read it: fits the terminal, groups repeats, shows markup."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.checks.base import Finding, Fix
from pipeline.checks.output import group_findings, render_table
from pipeline.checks.results import CheckReport
from pipeline.cli import main

from .conftest import ROOT, SOURCES

PATHS = {str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.html")}


@pytest.mark.parametrize("columns", [120, 80])
def test_check_table_fits_the_terminal_and_never_breaks_a_file_name(
    columns: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["check", "source_articles"]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= columns
    # Every file name shown is whole: a real path, or one shortened at a folder.
    for name in re.findall(r"[\w./…-]*\.html", out):
        if name.startswith("/"):
            continue  # the address a link points at (wrong-language-link), not a file
        tail = name.removeprefix("…/")
        assert any(p == tail or p.endswith("/" + tail) for p in PATHS), name
    # Codes are shown as the markup they stand for, never as <g1>.
    assert not re.search(r"</?g\d+>|<x\d+/>", out)
    assert "<strong>" in out or "<b>" in out
    # The title repeated in <title>, og:title, twitter:title... is one row.
    assert re.search(r"title-case warning ×\d", out)
    assert "the same finding in several places is shown once" in out


def test_same_check_text_and_message_on_several_pages_is_one_group() -> None:
    def finding(file: str, line: int) -> Finding:
        return Finding(file, line, "a", "mixed-language", "error", "Lees meer", "Dutch text")

    groups = group_findings([finding("en/a.html", 48), finding("en/b.html", 50)])
    assert len(groups) == 1
    assert groups[0].places() == [("en/a.html", [48]), ("en/b.html", [50])]


def test_a_fix_shows_the_tags_of_its_codes() -> None:
    found = Finding(
        "build/en/a.html",
        61,
        "p",
        "mixed-language",
        "error",
        "<g1>Gepubliceerd op</g1> 18 november",
        "Dutch text left on an English page",
        fix=Fix("<g1>Published on</g1> 18 november", "ui.po"),
        code_tags=((1, "time", (("datetime", "2025-11-18"),)),),
    )
    table = render_table(CheckReport(findings=[found], files=[]), width=120)
    assert "<time>Published on</time>" in table
    assert "<g1>" not in table


KEYS_PAGE = """<!doctype html><html lang="nl"><head><title>Bestanden verwijderen</title></head>
<body><h1>Bestanden verwijderen</h1>
<p>Houd de <kbd>Shift</kbd>-toets ingedrukt om een bestand meteen te verwijderen.
Press and hold the <kbd>Shift</kbd> key, then press the <kbd>Delete</kbd> key on your keyboard.
Open daarna het bestand <code>voorbeeld.txt</code> in de map.</p></body></html>
"""
KEYS_LEFTOVER = "Press and hold the Shift key, then press the Delete key on your keyboard."


def test_a_leftover_holding_key_names_reads_as_the_page_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The key names of <kbd> are in the finding's text, not <x1/>: a reader (and a
    scorer matching it with the leftover) sees the sentence the page shows; the
    coded text, which a fix is written in, stays beside it."""
    page = tmp_path / "keys.html"
    page.write_text(KEYS_PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "keys.html", "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    leftovers = [f for f in findings if f["check"] == "mixed-language"]
    assert [f["text"] for f in leftovers] == [KEYS_LEFTOVER]
    coded = leftovers[0]["coded_text"]
    assert re.fullmatch(
        r"Press and hold the <x\d/> key, then press the <x\d/> key on your keyboard\.", coded
    )
    assert not any(re.search(r"<x\d+/>", f["text"]) for f in findings)
    assert main(["check", "keys.html"]) == 1
    table = capsys.readouterr().out
    assert "<kbd>Shift</kbd> key" in table and "<x" not in table


def test_a_finding_read_back_from_json_keeps_its_codes_words_and_marks() -> None:
    """``tolk report`` reads saved JSON: the coded text, the words of codes kept
    whole and marks (ranges of the reader's text in JSON) come back as they were."""
    found = Finding(
        "a.html",
        3,
        "p",
        "glued-words",
        "warning",
        "Druk op <x1/> en<g2>dan</g2> verder.",
        "glued",
        marks=((9, 14),),
        code_texts=((1, "Ctrl+C"),),
    )
    data = found.to_json()
    assert data["text"] == "Druk op Ctrl+C endan verder."
    assert data["text"][data["marks"][0][0] : data["marks"][0][1]] == "endan"
    back = Finding.from_json(data)
    assert (back, back.code_texts) == (found, found.code_texts)
    old = Finding.from_json(
        {k: v for k, v in data.items() if k != "coded_text"}
        | {"text": found.text, "marks": [[9, 14]]}
    )
    assert old.text == found.text and old.marks == found.marks
