"""What ``tolk fix`` prints: a table that fits the terminal, repeats grouped, markup shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.cli import main


@pytest.mark.parametrize("columns", [120, 80])
def test_fix_table_fits_the_terminal(
    columns: int,
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(project)  # a copy: fix may queue offers in ui.po
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["fix", "source_articles", "--out", "build/fixed"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= columns
    assert not re.search(r"</?g\d+>|<x\d+/>", out)
    # The same spacing repair of the title in <title>, og:title, ... is one row.
    assert re.search(r"punctuation-spacing ×\d", out)
    assert "magnesium-cauchemars.html" in out
