"""The check table as people read it: fits the terminal, groups repeats, shows markup."""

from __future__ import annotations

import re

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
