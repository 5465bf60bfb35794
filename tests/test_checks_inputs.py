"""``pipeline.checks.inputs``: which files the checks read, and how they load."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.checks.inputs import find_inputs
from pipeline.errors import InputError


def test_inputs_walk_folders_and_refuse_missing_paths(tmp_path: Path) -> None:
    for name in ("x.html", "sub/y.po", "fixed/z.html", ".hidden/w.html", "notes.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in find_inputs([tmp_path])]
    assert found == ["x.html", "sub/y.po"]
    with pytest.raises(InputError, match="no such file or folder") as err:
        find_inputs([tmp_path / "missing"])
    assert "missing" in str(err.value)
    with pytest.raises(InputError, match="not an HTML page"):
        find_inputs([tmp_path / "notes.txt"])
