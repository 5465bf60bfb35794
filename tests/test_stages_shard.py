"""``--shard K/N``: the shards partition the articles, and their outputs merge into
exactly what one unsharded run writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import load_settings
from pipeline.manifest import MANIFEST_NAME
from pipeline.project import KNOWN_PAGES_NAME, LOCK_FILE, discover
from pipeline.stages.shard import Shard


@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_the_shards_partition_the_articles(project: Path, count: int) -> None:
    names = [a.name for a in discover(load_settings(start=project))]
    shards = [Shard(k, count).select(names, str) for k in range(1, count + 1)]
    assert sorted(n for shard in shards for n in shard) == sorted(names)
    assert sum(len(s) for s in shards) == len(names)  # no article in two shards


def test_an_article_stays_in_its_shard_whatever_else_is_there() -> None:
    """The hash is of the name alone, stable across runs and machines (not ``hash()``)."""
    assert Shard(1, 2).holds("magnesium") == Shard(1, 2).holds("magnesium")
    assert [Shard(k, 3).holds("magnesium-cauchemars") for k in (1, 2, 3)].count(True) == 1
    assert Shard.parse(" 3 / 3 ") == Shard(3, 3)


@pytest.mark.parametrize("bad", ["0/3", "4/3", "3", "a/b", "1/0", "-1/2"])
def test_a_bad_shard_is_one_line_and_exit_2(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", f"--shard={bad}"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "K/N" in err and "Traceback" not in err


def _outputs(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in (root / "locales", root / "build")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and p.name not in (MANIFEST_NAME, KNOWN_PAGES_NAME, LOCK_FILE)
        and ".tolk-memo" not in p.parts  # caches, per machine
    }


def _run(root: Path, monkeypatch: pytest.MonkeyPatch, *shard: str) -> dict[str, bytes]:
    monkeypatch.chdir(root)
    assert main(["--quiet", "extract", "--jobs", "1", *shard]) == 0
    assert main(["--quiet", "build", "--jobs", "1", *shard]) == 0
    return _outputs(root)


def test_the_union_of_sharded_runs_is_the_unsharded_run(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    machines = []
    for k in (1, 2, 3):
        machine = tmp_path / f"machine-{k}"
        shutil.copytree(project, machine)
        machines.append(machine)
    before = _outputs(project)
    whole = _run(project, monkeypatch)
    merged: dict[str, bytes] = {}
    for k, machine in enumerate(machines, start=1):
        mine = {
            name: data
            for name, data in _run(machine, monkeypatch, "--shard", f"{k}/3").items()
            if before.get(name) != data  # what this machine wrote
        }
        assert not mine.keys() & merged.keys(), "two shards wrote the same file"
        merged.update(mine)
    built = {name for name in whole if name.startswith("build/")}
    assert built and built <= merged.keys()
    assert {**before, **merged} == whole
