"""The ``tolk`` entry point: help everywhere, exit codes, one-line errors."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import build_parser, main


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


EXPECTED = {"extract", "translate", "build", "check", "fix", "stats", "memory", "models", "report"}


def test_all_staff_verbs_exist() -> None:
    assert set(subcommands()) >= EXPECTED


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_subcommand_has_help_with_an_example(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert f"tolk {name}" in out
    assert "example:" in out
    assert subcommands()[name].description


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert done.stdout.startswith("tolk ")


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("usage: tolk") and "extract" in err  # the help, on stderr
    assert main(["no-such-command"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "unknown command 'no-such-command'; commands: init, extract" in err
    assert "Traceback" not in err


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    errors = [line for line in err if line.startswith("error:")]
    assert len(errors) == 1, err
    assert "Traceback" not in "\n".join(err)
    return errors[0]


def test_missing_article_exits_2_naming_it(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    assert main(["-q", "extract", "no-such-article"]) == 2
    line = one_line_error(capsys)
    assert "no-such-article" in line and "source_articles" in line


def test_missing_tmx_file_exits_2(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    assert main(["memory", "import", "missing.tmx"]) == 2
    assert "missing.tmx" in one_line_error(capsys)


@pytest.mark.parametrize(
    ("setting", "named"),
    [
        ('fuzzy_threshold = "high"', "fuzzy_threshold"),
        ("fuzzy_threshold = 140", "fuzzy_threshold"),
        ('languages = ["fr", "de"]', "languages"),
        ('sourcedir = "x"', "sourcedir"),
        ("beam_size = 0", "beam_size"),
        ("languages = [", "invalid TOML"),
        ('skip_selectors = ["a:hover"]', "skip_selectors"),
    ],
)
def test_malformed_setting_exits_2_naming_the_key(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    setting: str,
    named: str,
) -> None:
    (project / "tolk.toml").write_text(setting + "\n", encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["stats"]) == 2
    line = one_line_error(capsys)
    assert named in line and "tolk.toml" in line


def test_pyproject_settings_are_read(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "tolk.toml").unlink()
    shutil.rmtree(project / "locales")
    (project / "pyproject.toml").write_text(
        '[tool.tolk]\nlanguages = ["nl", "fr"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(project)
    assert main(["-q", "extract", "betaine-lichaamsvet"]) == 0
    assert (project / "locales/fr/LC_MESSAGES/betaine-lichaamsvet.po").exists()
    assert not (project / "locales/en/LC_MESSAGES/betaine-lichaamsvet.po").exists()
    err = capsys.readouterr().err
    assert "extract: 1 articles" in err  # the summary line, from the pyproject's project
    assert "error:" not in err


def test_stats_gate_and_json(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    monkeypatch.chdir(project)
    assert main(["-q", "extract"]) == 0
    capsys.readouterr()
    assert main(["stats", "--format", "json", "--lang", "fr"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {c["lang"] for c in data["catalogs"]} == {"fr"}
    assert main(["stats", "--min", "100", "--article", "betaine-lichaamsvet"]) == 1
    err = capsys.readouterr().err
    assert "betaine-lichaamsvet.po" in err and "below --min 100" in err


def test_config_given_on_the_command_line_is_read_flat(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "my.toml").write_text('source_dir = "nowhere"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["--config", "my.toml", "stats"]) == 2
    assert "nowhere" in one_line_error(capsys)


def test_config_not_utf8_is_one_line(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "tolk.toml").write_bytes('# café\nlanguages = ["fr"]\n'.encode("latin-1"))
    monkeypatch.chdir(project)
    assert main(["stats"]) == 2
    assert "tolk.toml" in one_line_error(capsys)


def test_writing_over_a_folder_is_one_line(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    assert main(["memory", "export", "-o", "locales"]) == 2
    assert "locales" in one_line_error(capsys)


def test_one_bad_page_does_not_stop_the_others(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "source_articles" / "kapot.html").write_text(
        "<html><body><p>Geen taal</p></body></html>", encoding="utf-8"
    )
    shutil.rmtree(project / "locales")
    monkeypatch.chdir(project)
    assert main(["-q", "extract"]) == 2
    assert "kapot.html" in one_line_error(capsys)
    assert (project / "locales/fr/LC_MESSAGES/betaine-lichaamsvet.po").exists()


def test_stats_minimum_must_be_a_percentage(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    assert main(["stats", "--min", "150"]) == 2
    assert "--min" in one_line_error(capsys)


def test_stats_before_any_extract_counts_everything_untranslated(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    shutil.rmtree(project / "locales")
    monkeypatch.chdir(project)
    assert main(["stats", "--format", "json", "--article", "betaine-lichaamsvet"]) == 0
    rows = json.loads(capsys.readouterr().out)["catalogs"]
    assert {r["lang"] for r in rows} == {"fr", "en"}
    assert all(r["translated"] == 0 and r["untranslated"] > 0 for r in rows)
    assert not (project / "locales").exists()  # stats never writes


def test_build_says_how_many_published_segments_are_unreviewed(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 17 point 10: fuzzy output is counted apart; publish_fuzzy = false falls back."""
    monkeypatch.chdir(project)
    assert main(["-q", "translate", "--pseudo", "--lang", "fr", "betaine-lichaamsvet"]) == 0
    assert main(["-q", "build", "--lang", "fr", "betaine-lichaamsvet"]) == 0
    err = capsys.readouterr().err
    assert "of them unreviewed: fuzzy machine or memory output" in err
    published = int(err.split("segments translated (")[1].split(" of them")[0])
    assert published > 0
    (project / "tolk.toml").write_text(
        'languages = ["fr", "nl", "en"]\npublish_fuzzy = false\n', encoding="utf-8"
    )
    assert main(["-q", "build", "--lang", "fr", "betaine-lichaamsvet"]) == 0
    err = capsys.readouterr().err
    assert "(0 of them unreviewed" in err


def test_a_boolean_setting_must_be_true_or_false(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    (project / "tolk.toml").write_text('apply_machine_fixes = "yes"\n', encoding="utf-8")
    assert main(["build"]) == 2
    assert "setting 'apply_machine_fixes' must be true or false" in capsys.readouterr().err


def test_init_starts_a_project_that_runs_end_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 17 point 4: init, two pages of one's own, then the daily verbs."""
    site = tmp_path / "site"
    assert main(["init", str(site)]) == 0
    assert (site / "tolk.toml").is_file() and (site / "locales" / "glossary.txt").is_file()
    ui = (site / "locales" / "fr" / "LC_MESSAGES" / "ui.po").read_text(encoding="utf-8")
    assert 'msgid "Written by"\nmsgstr "Rédigé par"' in ui
    capsys.readouterr()
    assert main(["init", str(site)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "tolk.toml: already exists" in err[0]
    for name in ("magnesium-cauchemars.html", "magnesium-nightmares.html"):
        shutil.copy(
            Path(__file__).parent.parent / "source_articles" / name, site / "source_articles"
        )
    monkeypatch.chdir(site)
    assert main(["-q", "extract"]) == 0
    assert main(["-q", "translate", "--pseudo"]) == 0
    assert main(["-q", "build"]) == 0
    assert main(["-q", "fix", "--lang", "fr", "source_articles/magnesium-cauchemars.html"]) == 0
    fixed = (site / "build" / "fixed" / "magnesium-cauchemars.html").read_text(encoding="utf-8")
    assert "Rédigé par" in fixed, "the seeded furniture repairs the English byline"
    assert main(["-q", "check", "source_articles", "build"]) in (0, 1)
    assert main(["-q", "report", "--no-checks"]) == 0
    index = (site / "build" / "report" / "index.html").read_text(encoding="utf-8")
    assert 'data-catalog="locales/fr/LC_MESSAGES/ui.po"' in index  # the seeded furniture counts


def test_init_says_where_to_go_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The commands read ./tolk.toml: after `tolk init DIR` the next step is inside DIR."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "my site"]) == 0
    err = capsys.readouterr().err
    assert (
        "next: put your pages in my site/source_articles/, then cd 'my site' && tolk extract" in err
    )
    monkeypatch.chdir(tmp_path / "my site")
    (tmp_path / "my site" / "tolk.toml").unlink()
    assert main(["init"]) == 2  # the folders are there: refused, nothing overwritten
    monkeypatch.chdir(tmp_path)
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    assert main(["init"]) == 0
    assert (
        "next: put your pages in source_articles/, then run tolk extract" in capsys.readouterr().err
    )


def test_a_mistyped_command_names_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chek"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["tolk: error: unknown command 'chek': did you mean 'check'?"]


def test_memory_help_promises_only_real_actions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["memory", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Build" not in out and "show," not in out
    for action in ("stats", "import", "export"):
        assert action in out


def test_models_list_into_a_closed_pipe_exits_quietly() -> None:
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "models", "list", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # `| head` that stopped reading
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait() == 0
    assert err == b""


def test_one_error_is_singular() -> None:
    from pipeline.checks.base import Finding
    from pipeline.checks.output import summary_lines
    from pipeline.checks.results import CheckReport

    one = Finding("a.html", 3, "p", "dates", "error", "28 januari", "a Dutch date")
    line = summary_lines(CheckReport(findings=(one,), files=()))[0]
    assert "1 error, 0 warnings" in line


def test_memory_export_is_reviewed_unless_asked_and_import_adds_no_copies(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """#17 point 9, on the bundled catalogs and locales/memory.jsonl."""
    monkeypatch.chdir(project)
    assert main(["-q", "memory", "export", "-o", "reviewed.tmx"]) == 0
    reviewed = (project / "reviewed.tmx").read_text(encoding="utf-8")
    assert "x-tolk-fuzzy" not in reviewed and "<note>" not in reviewed
    assert main(["-q", "memory", "export", "--include-fuzzy", "-o", "all.tmx"]) == 0
    everything = (project / "all.tmx").read_text(encoding="utf-8")
    assert everything.count("<tu ") > reviewed.count("<tu ")
    # Every unreviewed unit carries the standard <note>, not only the private prop.
    note = "<note>unreviewed: fuzzy machine or memory output, not approved by a translator</note>"
    assert everything.count(note) == everything.count("x-tolk-fuzzy") > 0
    store = project / "locales" / "memory.jsonl"
    before = store.read_bytes()
    capsys.readouterr()
    assert main(["-q", "memory", "import", "all.tmx"]) == 0
    err = capsys.readouterr().err
    assert store.read_bytes() == before
    lines = len(before.splitlines()) - 1  # the format line
    assert f"went from {lines} to {lines} units" in err
    skipped = int(err.split("skipped ")[1].split()[0])
    assert skipped > 0


def test_memory_import_goes_on_past_an_unreadable_catalog(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken catalog only means its units are not compared: one warning naming it."""
    monkeypatch.chdir(project)
    assert main(["-q", "memory", "export", "-o", "reviewed.tmx"]) == 0
    broken = project / "locales" / "fr" / "LC_MESSAGES" / "betaine-lichaamsvet.po"
    broken.write_bytes(b'msgid "a"\nmsgstr "\xff\n')
    capsys.readouterr()
    assert main(["-q", "memory", "import", "reviewed.tmx"]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and broken.name in warnings[0], err
    assert "error:" not in err


def test_one_unreadable_catalog_does_not_stop_check_or_fix(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The memory leaves out a catalog with a duplicate entry; check and fix go on with
    every page, name the catalog and its line, and exit 2 (an input error)."""
    monkeypatch.chdir(project)
    bad = project / "locales/fr/LC_MESSAGES/alfa-ketoglutaarzuur.po"
    with bad.open("a", encoding="utf-8") as out:
        out.write('\nmsgid "Dup"\nmsgstr "A"\n\nmsgid "Dup"\nmsgstr "B"\n')
    for argv in (["check", "source_articles"], ["fix", "source_articles"]):
        assert main(argv) == 2
        captured = capsys.readouterr()
        assert "magnesium-cauchemars.html" in captured.out  # the pages were checked
        assert "alfa-ketoglutaarzuur.po:" in captured.err
        assert 'duplicate entry "Dup"' in captured.err


def test_one_unreadable_catalog_does_not_stop_translate(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """translate fills every other catalog, names the bad one once, exits 2, and tries
    it again next time (it is not recorded as done)."""
    monkeypatch.chdir(project)
    bad = project / "locales/fr/LC_MESSAGES/alfa-ketoglutaarzuur.po"
    with bad.open("a", encoding="utf-8") as out:
        out.write('\nmsgid "Dup"\nmsgstr "A"\n\nmsgid "Dup"\nmsgstr "B"\n')
    assert main(["translate", "--memory-only"]) == 2
    err = capsys.readouterr().err
    assert err.count("alfa-ketoglutaarzuur.po:") == 1 and 'duplicate entry "Dup"' in err
    units = json.loads((project / "build/.tolk-manifest.json").read_text("utf-8"))["units"]
    done = {k for k in units if k.startswith("translate:")}
    assert "translate:locales/en/LC_MESSAGES/routine-du-soir.po" in done  # the others went on
    assert "translate:locales/fr/LC_MESSAGES/alfa-ketoglutaarzuur.po" not in done
    assert main(["translate", "--memory-only"]) == 2
    assert 'duplicate entry "Dup"' in capsys.readouterr().err
