"""``--shard K/N``: the shards partition the articles, and their outputs merge into
exactly what one unsharded run writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from pipeline.cli import main
from pipeline.config import load_settings
from pipeline.manifest import MANIFEST_NAME
from pipeline.project import KNOWN_PAGES_NAME, LOCK_FILE, Article, discover
from pipeline.stages.shard import Shard, shard_name


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
    assert main(["--quiet", "translate", "--memory-only", *shard]) in (0, 1)  # 1: still empty
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
        for name in mine.keys() & merged.keys():  # the memory store: every shard's the same
            assert mine[name] == merged[name], f"two shards wrote {name} differently"
        merged.update(mine)
    built = {name for name in whole if name.startswith("build/")}
    assert built and built <= merged.keys()
    assert {**before, **merged} == whole


@pytest.mark.parametrize("count", [2, 3, 5])
def test_a_family_is_never_split_across_shards(project: Path, count: int) -> None:
    """Align, translate and build read a family's pages together: one shard has them all."""
    articles = discover(load_settings(start=project))
    families = {a.family.original.name for a in articles if a.family is not None}
    assert families  # the bundled project has families to keep together
    for name in families:
        members = [a for a in articles if a.family is not None and a.family.original.name == name]
        holders = {
            k for k in range(1, count + 1) for a in members if Shard(k, count).holds(shard_name(a))
        }
        assert len(holders) == 1, f"family {name} split over shards {sorted(holders)}"


def test_a_sharded_translate_uses_the_whole_projects_memory(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sentence translated in another shard's catalog fills this shard's catalog."""
    monkeypatch.chdir(project)
    assert main(["--quiet", "extract", "--jobs", "1"]) == 0
    settings = load_settings(start=project)
    articles = discover(settings)
    shard_of = {
        a.name: next(k for k in (1, 2) if Shard(k, 2).holds(shard_name(a))) for a in articles
    }

    def entries(article: Article, lang: str) -> dict[str, polib.POEntry]:
        po = polib.pofile(str(article.catalog(settings, lang)))
        return {e.msgid: e for e in po if len(e.msgid) > 20 and not e.msgstr}

    pair = next(
        (a, b, lang, msgid)
        for a in articles
        for b in articles
        if shard_of[a.name] != shard_of[b.name] and a.lang == b.lang
        for lang in set(a.targets(settings)) & set(b.targets(settings))
        for msgid in sorted(entries(a, lang).keys() & entries(b, lang).keys())
    )
    theirs, mine, lang, msgid = pair
    po = polib.pofile(str(theirs.catalog(settings, lang)))
    po.find(msgid).msgstr = "TRANSLATED BY THE OTHER SHARD"
    po.save()
    main(["--quiet", "translate", "--memory-only", "--shard", f"{shard_of[mine.name]}/2"])
    filled = polib.pofile(str(mine.catalog(settings, lang))).find(msgid)
    assert filled is not None and filled.msgstr == "TRANSLATED BY THE OTHER SHARD"
