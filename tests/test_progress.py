"""Progress outside a terminal: plain lines at a steady pace, for every long stage."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import progress as progress_module
from pipeline.cli import main
from pipeline.progress import progress


def test_lines_come_every_tenth_and_every_few_seconds_even_without_item_names(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = [0.0]
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: clock[0])
    with progress("translate", 1000) as bar:
        bar.advance(0, "fr/a")
        for _ in range(1000):
            bar.advance(1)  # translate names no entry
        clock[0] += 1.0
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "  translate 1/1000 (0%) fr/a"
    assert lines[-1].startswith("  translate 1000/1000 (100%) fr/a")
    assert 10 <= len(lines) <= 12  # one per tenth, not one per item
    # A slow model: a line after INTERVAL seconds though no tenth was reached.
    clock[0] = 0.0
    with progress("translate", 1000) as bar:
        bar.advance(1)
        clock[0] = progress_module.INTERVAL + 0.1
        bar.advance(1)
    assert capsys.readouterr().err.splitlines()[-1].startswith("  translate 2/1000 (0%)")


def test_translate_and_check_print_progress_in_a_log(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    main(["translate"])  # no model installed: memory only, still long on real projects
    err = capsys.readouterr().err
    counts = re.findall(r"^  translate (\d+)/(\d+) \(\d+%\) (\w\w)/\S+", err, re.M)
    assert len(counts) >= 3
    assert counts[-1][0] == counts[-1][1]
    main(["check", "source_articles", "--summary"])
    err = capsys.readouterr().err
    assert re.search(r"^  check \d+/\d+ \(\d+%\) source_articles/\S+\.html", err, re.M)
    assert re.search(r"^  check (\d+)/\1 \(100%\) ", err, re.M)
    main(["-q", "check", "source_articles", "--summary"])
    assert "  check " not in capsys.readouterr().err
