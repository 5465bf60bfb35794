"""Issue 18: nothing a translator saves is lost, and no input crashes or hangs a run.

Each test reproduces one defect of the issue (numbered as there) through the real
entry point, ``pipeline.cli.main``, on a scratch copy of the bundled project.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import EXIT_BUG, main


def error_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]


# -- 12: a crash has its own exit code ----------------------------------------
def test_an_unexpected_exception_exits_70_with_one_line(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import pipeline.stages.stats

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline.stages.stats, "catalog_stats", broken)
    monkeypatch.chdir(project)
    monkeypatch.delenv("TOLK_DEBUG", raising=False)
    assert main(["stats"]) == EXIT_BUG not in (1, 2)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    [line] = err.strip().splitlines()
    assert "a bug in Tolk" in line and "RuntimeError: boom" in line and "report" in line
    monkeypatch.setenv("TOLK_DEBUG", "1")
    assert main(["stats"]) == EXIT_BUG
    assert "Traceback" in capsys.readouterr().err
    monkeypatch.delenv("TOLK_DEBUG")
    assert main(["--debug", "stats"]) == EXIT_BUG
    assert "Traceback" in capsys.readouterr().err


# -- 1: a translator's save survives a run; two runs never interleave ----------
CATALOG = "locales/fr/LC_MESSAGES/betaine-lichaamsvet.po"
HUMAN = "Texte relu par une traductrice"


def _translator_saves(path: Path) -> str:
    """Edit the second entry's msgstr as Poedit would (a whole-file save); return its key."""
    from pipeline.catalogs import po as catalog

    po = catalog.load_catalog(path)
    entry = po[1]
    entry.msgstr = HUMAN
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    path.write_text(catalog.render(po), encoding="utf-8")
    return str(entry.msgctxt)


def _entry(path: Path, key: str) -> tuple[str, bool]:
    from pipeline.catalogs import po as catalog

    [entry] = [e for e in catalog.load_catalog(path) if e.msgctxt == key]
    return entry.msgstr, bool(entry.fuzzy)


def test_a_translators_save_during_translate_survives(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import pipeline.stages.pseudo as pseudo

    monkeypatch.chdir(project)
    path = project / CATALOG
    original = pseudo.pseudo_translate
    saved: list[str] = []

    def translate_while_someone_saves(text: str) -> str:
        if not saved:  # the catalogs are loaded; the translator saves now
            saved.append(_translator_saves(path))
        return original(text)

    monkeypatch.setattr(pseudo, "pseudo_translate", translate_while_someone_saves)
    assert main(["translate", "--pseudo", "--force", "--lang", "fr", "betaine-lichaamsvet"]) == 0
    assert _entry(path, saved[0]) == (HUMAN, False)  # the reviewed save stands
    assert "[" in catalog_text(path)  # and the run's own pseudo translations were applied
    assert "changed on disk during this run, merged" in capsys.readouterr().err


def catalog_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_a_translators_save_during_machine_translate_survives(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import pipeline.stages.translate as stage

    monkeypatch.chdir(project)
    path = project / CATALOG
    original = stage._fill
    saved: list[str] = []

    def fill_while_someone_saves(*args: object, **kwargs: object) -> None:
        if not saved:
            saved.append(_translator_saves(path))
        original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stage, "_fill", fill_while_someone_saves)
    main(["-q", "translate", "--memory-only", "--force", "--lang", "fr", "betaine-lichaamsvet"])
    assert _entry(path, saved[0]) == (HUMAN, False)
    assert "merged" in capsys.readouterr().err


def test_a_second_run_waits_for_no_one_and_says_who_holds_the_lock(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    from pipeline.storage import project_lock

    monkeypatch.chdir(project)
    before = catalog_text(project / CATALOG)
    (project / "source_articles/betaine-lichaamsvet.html").write_text(
        (project / "source_articles/betaine-lichaamsvet.html")
        .read_text(encoding="utf-8")
        .replace("</body>", "<p>Een nieuwe zin voor de test.</p></body>"),
        encoding="utf-8",
    )
    with project_lock(project / "locales/.tolk.lock"):
        assert main(["-q", "extract"]) == 2
        [line] = error_lines(capsys)
        assert f"another tolk run holds the lock (pid {os.getpid()})" in line
        assert "locales/.tolk.lock" in line and "stale" in line
        assert catalog_text(project / CATALOG) == before  # nothing written
        assert main(["stats"]) == 0  # readers need no lock
    assert main(["-q", "extract"]) == 0  # released: the update goes through
    assert "Een nieuwe zin voor de test." in catalog_text(project / CATALOG)


# -- 9: temporaries a killed run left behind ------------------------------------
def test_stale_temporaries_are_removed_by_the_next_run(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess

    monkeypatch.chdir(project)
    stale = project / "locales/fr/LC_MESSAGES/.ui.po.a1b2c3d4.tmp"
    stale.write_text("half a catalog", encoding="utf-8")
    mine = project / "locales/notes.tmp"  # not Tolk's: left alone
    mine.write_text("x", encoding="utf-8")
    assert main(["-q", "extract"]) == 0
    assert not stale.exists() and mine.exists()
    assert "removed 1 temporary files" in capsys.readouterr().err
    from .conftest import ROOT

    ignored = subprocess.run(
        [
            "git",
            "check-ignore",
            "--no-index",
            "locales/fr/LC_MESSAGES/.ui.po.a1b2c3d4.tmp",
            "locales/.tolk.lock",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert len(ignored.stdout.split()) == 2


# -- 2, 4, 6, 8: pages that must not stop (or hang) the project ------------------
def _page(body: str) -> str:
    return f'<html lang="nl"><head><title>Test</title></head><body>{body}</body></html>'


@pytest.mark.parametrize("command", [["extract"], ["build"], ["stats"], ["check"], ["fix"]])
def test_a_deeply_nested_page_is_refused_and_the_rest_goes_on(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    deep = "<div>" * 10_000 + "<p>Diep genest</p>" + "</div>" * 10_000
    (project / "source_articles/diep.html").write_text(_page(deep), encoding="utf-8")
    shallow = "<div>" * 200 + "<p>Nog wat tekst in een zin.</p>" + "</div>" * 200
    (project / "source_articles/ondiep.html").write_text(_page(shallow), encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["-q", *command]) == 2
    [line] = error_lines(capsys)
    assert "diep.html" in line and "nested more than 256 deep" in line
    if command == ["extract"]:
        assert (project / "locales/fr/LC_MESSAGES/ondiep.po").exists()
    if command == ["fix"]:  # the other pages were repaired and the change list written
        changes = json.loads((project / "build/fixed/changes.json").read_text(encoding="utf-8"))
        assert changes["written"] and changes["changes"]


def test_a_fifo_and_a_symlink_loop_are_skipped_never_waited_for(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    os.mkfifo(project / "source_articles/pijp.html")
    (project / "source_articles/lus.html").symlink_to("lus.html")
    monkeypatch.chdir(project)
    for command in (["extract"], ["stats"], ["check", "source_articles"], ["build"]):
        assert main(["-q", *command]) == 2, command
        lines = error_lines(capsys)
        assert any("pijp.html" in line and "FIFO" in line for line in lines), lines
        assert any("lus.html" in line and "symlink loop" in line for line in lines), lines


@pytest.mark.parametrize(
    ("name", "says"),
    [("ui.html", "reserved name"), ("UI.html", "reserved name"), ("a\nb.html", "control")],
)
def test_reserved_and_control_character_names_are_refused(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    says: str,
) -> None:
    ui = project / "locales/fr/LC_MESSAGES/ui.po"
    before = ui.read_bytes()
    (project / "source_articles" / name).write_text(_page("<p>Knop</p>"), encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["-q", "extract"]) == 2
    [line] = error_lines(capsys)
    assert says in line and "\n" not in line
    assert ui.read_bytes() == before  # the furniture is untouched
    assert all("\n" not in p.name for p in (project / "locales").rglob("*"))


# -- 3, 7: characters a page or a catalog may hold -------------------------------
def test_control_characters_in_pages_and_msgstrs_do_not_stop_the_build(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pipeline.catalogs import po as catalog

    bad = "Hallo\x0b wereld\x1b[0m \x01en\ufffe \ufffftot\x00 ziens"
    padding = "<!--" + "x" * 9000 + "-->"  # a NUL in the first 8 KB means "binary"
    (project / "source_articles/stuur.html").write_text(_page(f"{padding}<p>{bad}</p>"), "utf-8")
    monkeypatch.chdir(project)
    assert main(["-q", "extract", "stuur", "betaine-lichaamsvet"]) == 0
    path = project / CATALOG
    po = catalog.load_catalog(path)
    key = po[1].msgctxt
    po[1].msgstr = "Recherche\f\b : texte\v"  # escapes msgfmt accepts
    path.write_text(catalog.render(po), encoding="utf-8")
    assert main(["-q", "build"]) == 0
    err = capsys.readouterr().err
    assert "betaine-lichaamsvet.po" in err and "control characters removed" in err
    built = (project / "build/fr/betaine-lichaamsvet.html").read_text(encoding="utf-8")
    assert "Recherche  : texte" in built and key
    assert "wereld[0m en tot ziens" in (project / "build/nl/stuur.html").read_text("utf-8")


def test_line_separators_in_a_msgstr_are_text_not_line_breaks(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pipeline.catalogs import po as catalog

    monkeypatch.chdir(project)
    path = project / CATALOG
    po = catalog.load_catalog(path)
    po[1].msgstr = "Première ligne\u2028deuxième\u2029troisième"
    path.write_text(catalog.render(po), encoding="utf-8")
    assert catalog.load_catalog(path)[1].msgstr == po[1].msgstr
    assert main(["-q", "build", "--lang", "fr", "betaine-lichaamsvet"]) == 0
    assert error_lines(capsys) == []


def test_settings_folders_outside_the_project_are_refused_unless_allowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Defect 10: a checked-out project cannot make Tolk write elsewhere silently."""
    project = tmp_path / "project"
    (project / "source_articles").mkdir(parents=True)
    (project / "source_articles" / "a.html").write_text(
        '<html lang="nl"><body><p>Een zin.</p></body></html>', encoding="utf-8"
    )
    monkeypatch.chdir(project)
    for key, value in (("locales_dir", "../elsewhere"), ("build_dir", "..")):
        (project / "tolk.toml").write_text(f'{key} = "{value}"\n', encoding="utf-8")
        assert main(["extract"]) == 2
        (line,) = error_lines(capsys)
        assert key in line and "tolk.toml" in line and "outside the project" in line
    assert not (tmp_path / "elsewhere").exists()
    (project / "tolk.toml").write_text(
        'locales_dir = "../elsewhere"\nallow_outside_project = true\n', encoding="utf-8"
    )
    assert main(["-q", "extract"]) == 0
    assert (tmp_path / "elsewhere" / "templates" / "a.pot").exists()


def test_replay_refuses_to_write_through_a_link_out_of_the_output_folder(
    tmp_path: Path,
) -> None:
    """Defect 10: a symlinked folder inside build/fixed cannot carry a replay elsewhere."""
    from pipeline.errors import InputError
    from pipeline.fixes.changes import Change, replay_changes

    page = tmp_path / "site" / "a.html"
    page.parent.mkdir()
    page.write_text('<html lang="fr"><body><p>Written by</p></body></html>', encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    out_dir = tmp_path / "build" / "fixed"
    out_dir.mkdir(parents=True)
    (out_dir / "sub").symlink_to(outside, target_is_directory=True)
    from pipeline.checks.inputs import load_page

    (item,) = [i for i in load_page(page).items if i.text == "Written by"]
    change = Change(str(page), item.line, item.location, item.key, "mixed-language",
                    "Written by", "Écrit par", "ui.po")  # fmt: skip
    with pytest.raises(InputError, match="symbolic link"):
        replay_changes([change], outputs={str(page): "sub/a.html"}, out_dir=out_dir)
    assert list(outside.iterdir()) == []
    report = replay_changes([change], outputs={str(page): "a.html"}, out_dir=out_dir)
    assert report.pages[0].written and "Écrit par" in (out_dir / "a.html").read_text("utf-8")
