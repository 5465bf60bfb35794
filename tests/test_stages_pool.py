"""``--jobs``: articles over a process pool give exactly what one process gives."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.manifest import MANIFEST_NAME
from pipeline.stages.pool import Pool


def _pid_of(i: int) -> tuple[int, int]:
    return i, os.getpid()


def test_the_pool_runs_elsewhere_and_returns_in_order() -> None:
    with Pool(_pid_of, 12, 2) as pool:
        results = list(pool.results())
    assert [i for i, _ in results] == list(range(12))
    assert {pid for _, pid in results} - {os.getpid()}, "no work ran in a worker"


def test_one_job_runs_in_this_process() -> None:
    with Pool(_pid_of, 3, 1) as pool:
        assert {pid for _, pid in pool.results()} == {os.getpid()}


def _tree(root: Path) -> dict[str, bytes]:
    folders = [root / "locales", root / "build"]
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _extract_and_build(
    project: Path, jobs: str, capsys: pytest.CaptureFixture[str]
) -> tuple[dict[str, bytes], str]:
    assert main(["--quiet", "extract", "--jobs", jobs]) == 0
    assert main(["--quiet", "build", "--jobs", jobs]) == 0
    err = capsys.readouterr().err
    return _tree(project), err


def test_jobs_change_neither_outputs_nor_manifest_nor_summary(
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pristine = tmp_path / "pristine"
    shutil.copytree(project, pristine)
    monkeypatch.chdir(project)
    pooled, pooled_err = _extract_and_build(project, "2", capsys)
    shutil.rmtree(project)
    shutil.copytree(pristine, project)  # the same paths: the manifest names them
    monkeypatch.chdir(project)
    alone, alone_err = _extract_and_build(project, "1", capsys)
    assert f"build/{MANIFEST_NAME}" in pooled
    assert pooled == alone
    assert pooled_err == alone_err
    assert "build: " in pooled_err and "pages written" in pooled_err


def test_a_bad_jobs_value_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--jobs", "0"]) == 2
    err = capsys.readouterr().err
    assert "at least 1" in err and "Traceback" not in err
