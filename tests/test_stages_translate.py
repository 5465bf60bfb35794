"""``tolk translate``: memory first, then the real Argos path on tiny models."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import polib
import pytest

from pipeline.cli import main
from pipeline.stages import translate as translate_module
from pipeline.text.codes import code_problems

from .conftest import SOURCES

ARTICLE = "betaine-lichaamsvet"


@pytest.fixture
def dutch_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_argos_packages: Path
) -> Path:
    """One Dutch article, the tiny models installed, a private cache."""
    (tmp_path / "source_articles").mkdir()
    shutil.copy(SOURCES / f"{ARTICLE}.html", tmp_path / "source_articles")
    (tmp_path / "tolk.toml").write_text('languages = ["nl", "fr", "en"]\n', encoding="utf-8")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tiny_argos_packages))
    monkeypatch.setenv("TOLK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def catalog(project: Path, lang: str, article: str = ARTICLE) -> polib.POFile:
    return polib.pofile(str(project / "locales" / lang / "LC_MESSAGES" / f"{article}.po"))


def test_machine_output_is_fuzzy_with_engine_models_and_pivot(dutch_project: Path) -> None:
    assert main(["-q", "extract"]) == 0
    assert main(["-q", "translate"]) == 0
    fr = catalog(dutch_project, "fr")
    machine = [e for e in fr if "machine: argos" in (e.comment or "")]
    assert machine, "nothing was machine translated"
    for entry in machine:
        assert entry.fuzzy
        assert code_problems(entry.msgid, entry.msgstr) == []
    comments = {line for e in machine for line in e.comment.splitlines() if "machine:" in line}
    assert "machine: argos nl_en-1.8 + en_fr-1.9" in comments
    en = catalog(dutch_project, "en")
    assert any(line == "machine: argos nl_en-1.8" for e in en for line in e.comment.splitlines())
    assert all(e.msgstr for e in fr if not e.obsolete)


def test_rerun_changes_nothing(dutch_project: Path) -> None:
    assert main(["-q", "extract"]) == 0
    assert main(["-q", "translate"]) == 0
    files = sorted((dutch_project / "locales").rglob("*"))
    snapshot = {p: p.read_bytes() for p in files if p.is_file()}
    assert main(["-q", "extract"]) == 0
    assert main(["-q", "translate"]) == 0
    assert {p: p.read_bytes() for p in files if p.is_file()} == snapshot


def test_translator_edit_survives_extract_and_translate(dutch_project: Path) -> None:
    assert main(["-q", "extract"]) == 0
    assert main(["-q", "translate"]) == 0
    path = dutch_project / "locales/fr/LC_MESSAGES" / f"{ARTICLE}.po"
    text = path.read_text(encoding="utf-8")
    po = polib.pofile(text)
    target = next(e for e in po if e.msgid.startswith("het effect van betaine"))
    # Edit as a translator would in a text editor: new msgstr, fuzzy flag removed.
    old_block = str(target)
    target.msgstr = "L’effet de la bétaïne sur la graisse corporelle"
    target.flags.remove("fuzzy")
    path.write_text(text.replace(old_block, str(target)), encoding="utf-8")
    assert main(["-q", "extract"]) == 0
    assert main(["-q", "translate"]) == 0
    kept = next(e for e in catalog(dutch_project, "fr") if e.msgctxt == target.msgctxt)
    assert kept.msgstr == "L’effet de la bétaïne sur la graisse corporelle"
    assert not kept.fuzzy
    assert main(["-q", "translate", "--force"]) == 0
    forced = next(e for e in catalog(dutch_project, "fr") if e.msgctxt == target.msgctxt)
    # --force reconsiders the entry: the machine fills it again, as fuzzy.
    assert forced.fuzzy and "machine: argos" in forced.comment
    # ... and the approved text is not lost (issue 18, defect 11): it waits in a
    # translator comment, through an extract, until --restore puts it back.
    assert "|L’effet de la bétaïne sur la graisse corporelle|" in forced.tcomment
    assert main(["-q", "extract", "--all"]) == 0
    assert main(["-q", "translate", "--restore"]) == 0
    restored = next(e for e in catalog(dutch_project, "fr") if e.msgctxt == target.msgctxt)
    assert restored.msgstr == "L’effet de la bétaïne sur la graisse corporelle"
    assert not restored.fuzzy and "replaced by" not in restored.tcomment


def test_title_translated_in_one_article_is_offered_to_another(dutch_project: Path) -> None:
    assert main(["-q", "extract"]) == 0
    po = catalog(dutch_project, "fr")
    title = next(
        e for e in po if e.msgid.startswith("het effect van betaine") and "h1" in e.comment
    )
    title.msgstr = "L’effet de la bétaïne sur la réduction de la graisse corporelle"
    po.save()
    html = (
        '<!DOCTYPE html><html lang="nl"><head><title>Lijst</title></head><body>'
        f"<h2>Gerelateerd</h2><h3>{title.msgid}</h3></body></html>"
    )
    (dutch_project / "source_articles" / "lijst.html").write_text(html, encoding="utf-8")
    assert main(["-q", "extract"]) == 0
    offered = next(e for e in catalog(dutch_project, "fr", "lijst") if e.msgid == title.msgid)
    assert offered.msgstr == title.msgstr
    assert not offered.fuzzy
    assert f"memory: locales/fr/LC_MESSAGES/{ARTICLE}.po" in offered.comment


def test_interrupted_run_resumes(dutch_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["-q", "extract"]) == 0
    real_fill = translate_module._fill
    calls = []

    def fill_then_crash(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_fill(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(translate_module, "_fill", fill_then_crash)
    assert main(["-q", "translate"]) == 130
    done_first = [p for p in (dutch_project / "locales").rglob(f"{ARTICLE}.po")]
    filled = {p: sum(1 for e in polib.pofile(str(p)) if e.msgstr) for p in done_first}
    assert sorted(filled.values())[0] == 0 < sorted(filled.values())[-1]
    saved = {p: p.read_bytes() for p in done_first if filled[p]}
    monkeypatch.setattr(translate_module, "_fill", real_fill)
    assert main(["-q", "translate"]) == 0
    assert all(p.read_bytes() == data for p, data in saved.items())
    assert all(e.msgstr for p in done_first for e in polib.pofile(str(p)) if not e.obsolete)


def test_no_model_says_what_is_missing(
    dutch_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = dutch_project / "no-models"
    empty.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty))
    assert main(["-q", "extract"]) == 0
    capsys.readouterr()
    assert main(["-q", "translate"]) == 1
    err = capsys.readouterr().err
    assert "incomplete: no translation model for" in err
    assert "nl-en" in err and "tolk models install" in err
    assert "--from FILE.argosmodel" in err


def test_models_list_shows_pivots(dutch_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert "nl_en-1.8" in out and "en_fr-1.9" in out
    assert "nl-fr: pivot nl_en-1.8 + en_fr-1.9" in out


def test_engine_import_pulls_no_torch() -> None:
    import subprocess
    import sys

    code = (
        "import sys, pipeline.stages.translate, pipeline.engines.argos.engine, pipeline.engines.argos.packages; "
        "print('torch' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ
    )
    assert done.stdout.strip() == "False", done.stderr


@pytest.fixture
def bundled_project(
    project: Path, monkeypatch: pytest.MonkeyPatch, tiny_argos_packages: Path
) -> Path:
    """The bundled project (catalogs and locales/memory.jsonl as committed), tiny models."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tiny_argos_packages))
    monkeypatch.setenv("TOLK_CACHE_DIR", str(project.parent / "cache"))
    monkeypatch.chdir(project)
    return project


def _title(project: Path, lang: str, article: str) -> polib.POEntry:
    return next(e for e in catalog(project, lang, article) if "\ntitle\n" in f"\n{e.comment}\n")


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        # fr is a published translation here: alignment must not replace the
        # translators' unit of locales/memory.jsonl with the page's.
        (
            "magnesium-l-threonaat",
            "Magnésium L-thréonate\u00a0: santé du cerveau, plasticité synaptique et "
            "résilience cognitive",
        ),
        # fr is machine work here: the catalog's own entry must not hide the
        # store's reviewed unit, or --force pastes fuzzy machine output over it.
        (
            "resveratrol-diabetes",
            "Méta-analyse (recherche)\u00a0: le resvératrol renforce les antioxydants dans le "
            "diabète de type 2",
        ),
    ],
)
def test_force_keeps_the_title_translators_approved(
    bundled_project: Path, article: str, expected: str
) -> None:
    assert main(["-q", "translate", "--force", "--lang", "fr", article]) == 0
    title = _title(bundled_project, "fr", article)
    assert title.msgstr == expected
    assert not title.fuzzy
    assert "memory: translators" in title.comment.splitlines()
    store = (bundled_project / "locales" / "memory.jsonl").read_text(encoding="utf-8")
    assert f'"target": "{expected}", "fuzzy": false, "origin": "translators"' in store


def test_dry_run_shows_changes_and_writes_nothing(
    bundled_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def content(root: Path) -> list[Path]:  # the project lock holds only the holder's pid
        return sorted(p for p in root.rglob("*") if p.is_file() and p.name != ".tolk.lock")

    files = content(bundled_project)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    args = ["-q", "translate", "--force", "--dry-run", "--lang", "en,fr", "resveratrol-diabetes"]
    assert main(args) == 0
    err = capsys.readouterr().err
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    assert after == before
    assert content(bundled_project) == files
    assert "locales/en/LC_MESSAGES/resveratrol-diabetes.po: 55 entries would change" in err
    assert "before: (empty) [untranslated]" in err
    assert "[fuzzy, machine: argos nl_en-1.8]" in err
    assert "nothing was written" in err
    # The approved title is not among the changes: a forced run would keep it.
    assert "Méta-analyse (recherche)" not in err


def test_a_translators_save_during_a_run_is_looked_at_next_time(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalog saved by someone else mid-run is memory this run did not work under.

    The same new sentence is left empty in two catalogs; while the run goes on,
    a translator fills it in the first one (already saved by the run). The next
    run must not skip the second catalog as up to date: it takes the
    translator's text from the first.
    """
    from pipeline.catalogs import po as po_module
    from pipeline.config import load_settings
    from pipeline.project import discover
    from pipeline.stages.extract import extract_articles

    monkeypatch.chdir(project)
    monkeypatch.setenv("TOLK_CACHE_DIR", str(project.parent / "cache"))
    sentence = "Deze gewone zin blijft overal leeg staan."
    first, second = "alfa-ketoglutaarzuur", "betaine-lichaamsvet"
    for name in (first, second):
        page = project / "source_articles" / f"{name}.html"
        page.write_text(
            page.read_text(encoding="utf-8").replace("</h1>", f"</h1>\n<p>{sentence}</p>", 1),
            encoding="utf-8",
        )
    settings = load_settings(start=project)
    extract_articles(settings, discover(settings), quiet=True)
    translate_module.translate_articles(settings, discover(settings), use_engine=False, quiet=True)
    # Something new to fill, so the run grows the memory and records it.
    other = "Een andere zin."
    page = project / "source_articles" / f"{first}.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</h1>", f"</h1>\n<p>{other}</p>", 1),
        encoding="utf-8",
    )
    extract_articles(settings, discover(settings), quiet=True)
    store = project / "locales" / "memory.jsonl"
    unit = {"src": "nl", "tgt": "en", "source": other, "target": "Another sentence."}
    unit |= {"fuzzy": False, "origin": "tmx"}
    store.write_text(store.read_text(encoding="utf-8") + json.dumps(unit) + "\n", encoding="utf-8")
    first_po = project / "locales" / "en" / "LC_MESSAGES" / f"{first}.po"
    real_save = po_module.save_catalog
    state = {"first saved": False, "edited": False}

    def save_then_translator_edits(po: polib.POFile, path: Path, **kwargs: object) -> bool:
        changed = real_save(po, path, **kwargs)  # type: ignore[arg-type]
        if Path(path).resolve() == first_po.resolve():
            state["first saved"] = True
        elif state["first saved"] and not state["edited"]:
            edited = polib.pofile(str(first_po))
            next(e for e in edited if e.msgid == sentence).msgstr = "A translator's sentence."
            edited.save(str(first_po))
            state["edited"] = True
        return changed

    monkeypatch.setattr(translate_module.catalog, "save_catalog", save_then_translator_edits)
    translate_module.translate_articles(settings, discover(settings), use_engine=False, quiet=True)
    monkeypatch.setattr(translate_module.catalog, "save_catalog", real_save)
    assert state["edited"]
    translate_module.translate_articles(settings, discover(settings), use_engine=False, quiet=True)
    entry = next(e for e in catalog(project, "en", second) if e.msgid == sentence)
    assert entry.msgstr == "A translator's sentence."
