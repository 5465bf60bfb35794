"""Incremental reruns: each kind of change redoes exactly the work it affects.

The project goes through extract, translate (memory only) and build; then a
page, a catalog entry, the memory, the glossary, the settings and Tolk's
version change one at a time. After each, the three stages run again and the
test compares what each stage redid and which output files changed with what
that change can affect, nothing more and nothing less.
"""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from pipeline import manifest
from pipeline.catalogs.po import load_catalog
from pipeline.config import load_settings
from pipeline.project import discover
from pipeline.stages.build import build_articles
from pipeline.stages.extract import extract_articles
from pipeline.stages.translate import translate_articles

Redone = dict[str, int]


def _run(project: Path, *, redo_all: bool = False) -> Redone:
    """Extract, translate (memory only), build; how many units each redid."""
    settings = load_settings(start=project)
    articles = discover(settings)
    ex = extract_articles(settings, articles, quiet=True, redo_all=redo_all)
    tr = translate_articles(settings, articles, use_engine=False, quiet=True, redo_all=redo_all)
    bu = build_articles(settings, articles, quiet=True, redo_all=redo_all)
    assert not ex.errors and not tr.errors and not bu.errors
    n = len(articles)
    # Catalogs: each target language, plus the languages an original is published
    # in (filled from the published page); pages: the source language and targets.
    catalogs = sum(len(a.targets(settings)) + len(a.published(settings)) for a in articles)
    pages = sum(1 + len(a.targets(settings)) for a in articles)
    return {
        "extract": n - ex.counts.get("skipped", 0),
        "translate": catalogs - tr.skipped,
        "build": pages - bu.counts.get("skipped", 0),
    }


def _outputs(project: Path) -> dict[str, bytes]:
    files = [*(project / "locales").rglob("*.po*"), *(project / "build").rglob("*.html")]
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in files}


def _changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


@pytest.fixture
def ran(project: Path) -> Path:
    """The project after a first run, and a second run that redid nothing."""
    _run(project)
    assert _run(project) == {"extract": 0, "translate": 0, "build": 0}
    return project


def test_a_changed_page_redoes_its_article_only(ran: Path) -> None:
    before = _outputs(ran)
    page = ran / "source_articles/routine-du-soir.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</h1>", "</h1>\n<p>Une phrase toute neuve.</p>", 1), "utf-8")
    assert _run(ran) == {"extract": 1, "translate": 2, "build": 3}
    assert _changed(before, _outputs(ran)) == {
        "locales/templates/routine-du-soir.pot",
        "locales/en/LC_MESSAGES/routine-du-soir.po",
        "locales/nl/LC_MESSAGES/routine-du-soir.po",
        "build/fr/routine-du-soir.html",
        "build/en/routine-du-soir.html",
        "build/nl/routine-du-soir.html",
    }


def test_a_changed_catalog_entry_rebuilds_its_page(ran: Path) -> None:
    path = ran / "locales/en/LC_MESSAGES/routine-du-soir.po"
    po = load_catalog(path)
    entry = next(e for e in po if e.msgstr and not e.obsolete and "title" not in e.comment)
    entry.msgstr = "A translator's better sentence."
    path.write_text(str(po), encoding="utf-8")
    before = _outputs(ran)
    redone = _run(ran)
    # extract reads the catalog, and the memory changed, so those units look
    # again; only the page built from the catalog is rewritten.
    assert redone["extract"] == 1 and redone["build"] == 1
    assert _changed(before, _outputs(ran)) <= {
        "build/en/routine-du-soir.html",
        "locales/en/LC_MESSAGES/routine-du-soir.po",  # rewrapped the way Tolk writes
    }
    assert "build/en/routine-du-soir.html" in _changed(before, _outputs(ran))


def test_a_memory_unit_fills_the_entries_it_matches(ran: Path) -> None:
    path = ran / "locales/nl/LC_MESSAGES/routine-du-soir.po"
    empty = next(e for e in load_catalog(path) if not e.msgstr and not e.obsolete)
    store = ran / "locales/memory.jsonl"
    unit = {"src": "fr", "tgt": "nl", "source": empty.msgid, "target": "Een zin.", "origin": "tmx"}
    unit["fuzzy"] = False
    store.write_text(store.read_text("utf-8") + json.dumps(unit) + "\n", "utf-8")
    before = _outputs(ran)
    redone = _run(ran)
    assert redone["extract"] == 0
    changed = _changed(before, _outputs(ran))
    assert "locales/nl/LC_MESSAGES/routine-du-soir.po" in changed
    assert "build/nl/routine-du-soir.html" in changed
    assert all(c.endswith("routine-du-soir.po") or c.startswith("build/nl/") for c in changed)
    assert redone["build"] == len({c for c in changed if c.startswith("build/")})


def test_the_glossary_redoes_nothing_here(ran: Path) -> None:
    """The glossary feeds ``tolk check``, which always judges every page."""
    glossary = ran / "locales/glossary.txt"
    glossary.write_text(glossary.read_text("utf-8") + "Tolkiaans\n", "utf-8")
    before = _outputs(ran)
    assert _run(ran) == {"extract": 0, "translate": 0, "build": 0}
    assert _changed(before, _outputs(ran)) == set()


def test_changed_settings_redo_everything_and_change_nothing_else(ran: Path) -> None:
    (ran / "tolk.toml").write_text('languages = ["fr", "nl", "en"]\nbeam_size = 3\n', "utf-8")
    before = _outputs(ran)
    redone = _run(ran)
    assert redone == {"extract": 8, "translate": 12, "build": 18}
    assert _changed(before, _outputs(ran)) == set()


def test_a_new_tolk_version_redoes_everything(ran: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(manifest, "__version__", "99.0")
    before = _outputs(ran)
    assert _run(ran) == {"extract": 8, "translate": 12, "build": 18}
    assert _changed(before, _outputs(ran)) == set()
    assert _run(ran) == {"extract": 0, "translate": 0, "build": 0}


def test_an_edited_output_is_rebuilt(ran: Path) -> None:
    built = ran / "build/en/magnesium-l-threonaat.html"
    good = built.read_bytes()
    built.write_text("<p>edited by hand</p>", "utf-8")
    assert _run(ran) == {"extract": 0, "translate": 0, "build": 1}
    assert built.read_bytes() == good


def test_all_redoes_everything(ran: Path) -> None:
    assert _run(ran, redo_all=True) == {"extract": 8, "translate": 12, "build": 18}


def test_polib_is_not_needed_to_skip(ran: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unchanged rerun parses no catalog at all."""

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a catalog was parsed")

    monkeypatch.setattr(polib, "pofile", no_parse)
    assert _run(ran) == {"extract": 0, "translate": 0, "build": 0}
