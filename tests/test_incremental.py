"""Incremental reruns: each kind of change redoes exactly the work it affects.

The project goes through extract, translate (memory only) and build; then a
page, a catalog entry, the memory, the glossary, the settings and Tolk's
version change one at a time. After each, the three stages run again and the
test compares what each stage redid and which output files changed with what
that change can affect, nothing more and nothing less. Check and report run
again on any change, and judge again only the files whose findings may
change (the last tests).
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
    """The glossary feeds only check and report (see the last test)."""
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


class _Judged:
    """``tolk check`` and ``tolk report --findings`` as a user runs them, counting
    which of them ran the checks (or wrote the report) instead of reusing the last run."""

    def __init__(self, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        from pipeline import report
        from pipeline.checks import runner

        self.project, self.calls = project, {"check": 0, "report": 0}
        run_checks, build_report = runner.run_checks, report.build_report

        def counted_checks(*args: object, **kwargs: object) -> object:
            self.calls["check"] += 1
            return run_checks(*args, **kwargs)  # type: ignore[arg-type]

        def counted_report(*args: object, **kwargs: object) -> object:
            self.calls["report"] += 1
            return build_report(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(runner, "run_checks", counted_checks)
        monkeypatch.setattr(report, "build_report", counted_report)
        monkeypatch.chdir(project)

    def __call__(self, *extra: str) -> dict[str, int]:
        from pipeline.cli import main

        before = dict(self.calls)
        findings = "build/findings.json"
        args = ["-q", "check", "--format", "json", "--output", findings, *extra]
        assert main(args) in (0, 1)
        assert main(["-q", "report", "--findings", findings, *extra]) == 0
        return {k: self.calls[k] - before[k] for k in self.calls}


def test_check_and_report_redo_when_anything_they_read_changes(
    ran: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each change of the other tests, one at a time: the stages redo what they
    must (above), and check and report run again (each file's findings are
    reused or not inside the run, see below); with nothing changed they reuse
    the whole run."""
    judged = _Judged(ran, monkeypatch)
    both, neither = {"check": 1, "report": 1}, {"check": 0, "report": 0}
    assert judged() == both
    assert judged() == neither
    reused = (ran / "build/findings.json").read_bytes()
    assert judged("--all") == both
    assert (ran / "build/findings.json").read_bytes() == reused  # the same as afresh

    page = ran / "source_articles/routine-du-soir.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</h1>", "</h1>\n<p>Une phrase neuve.</p>", 1), "utf-8")
    path = ran / "locales/en/LC_MESSAGES/routine-du-soir.po"
    store, glossary = ran / "locales/memory.jsonl", ran / "locales/glossary.txt"
    unit = {"src": "fr", "tgt": "nl", "source": "Une phrase neuve.", "target": "Een zin."}
    changes = {
        "a page": lambda: None,  # changed above, before the stages ran
        "a catalog entry": lambda: path.write_text(
            path.read_text("utf-8").replace('msgstr ""\n\n', 'msgstr "Better."\n\n', 1), "utf-8"
        ),
        "the memory": lambda: store.write_text(
            store.read_text("utf-8") + json.dumps({**unit, "fuzzy": False, "origin": "tmx"}) + "\n",
            "utf-8",
        ),
        "the glossary": lambda: glossary.write_text(
            glossary.read_text("utf-8") + "Tolkiaans\n", "utf-8"
        ),
        "the settings": lambda: (ran / "tolk.toml").write_text(
            'languages = ["fr", "nl", "en"]\nbeam_size = 3\n', "utf-8"
        ),
        "Tolk's version": lambda: monkeypatch.setattr(manifest, "__version__", "99.0"),
    }
    for what, change in changes.items():
        change()
        _run(ran)
        assert judged() == both, what
        assert judged() == neither, what

    (ran / "build/report/index.html").write_text("edited", "utf-8")
    assert judged() == {"check": 0, "report": 1}
    built = ran / "build/en/routine-du-soir.html"
    built.write_text(built.read_text("utf-8").replace("</h1>", " x</h1>", 1), "utf-8")
    assert judged() == both


def test_extract_after_translate_redoes_nothing_and_would_change_nothing(project: Path) -> None:
    """Translate fills the catalogs extract wrote; extract keeps what translate
    changes, so the next extract skips them, and a forced one writes the same."""
    for po in (project / "locales").rglob("LC_MESSAGES/*.po"):
        if po.name != "ui.po":
            po.unlink()
    settings = load_settings(start=project)
    articles = discover(settings)
    extract_articles(settings, articles, quiet=True)
    tr = translate_articles(settings, articles, use_engine=False, quiet=True)
    assert tr.written, "translate filled some catalogs"
    before = _outputs(project)
    again = extract_articles(settings, articles, quiet=True)
    assert again.counts.get("skipped") == len(articles)
    forced = extract_articles(settings, articles, quiet=True, redo_all=True)
    assert not forced.written and _changed(before, _outputs(project)) == set()


def test_the_memory_reads_a_changed_catalog_again(project: Path) -> None:
    """build_memory remembers each catalog's units by its hash: an edit is seen."""
    from pipeline.project import build_memory

    settings = load_settings(start=project)
    articles = discover(settings)
    path = project / "locales/en/LC_MESSAGES/routine-du-soir.po"
    po = load_catalog(path)
    entry = next(e for e in po if e.msgstr and not e.obsolete)
    origin = settings.relative(path)

    def units() -> set[tuple[str, str]]:
        memory = build_memory(settings, articles)
        return {(u.source, u.target) for u in memory.units() if u.origin == origin}

    before = units()
    assert (entry.msgid, entry.msgstr) in before
    assert (settings.build / ".tolk-memo/units.json").exists()
    assert units() == before  # from the cache this time
    old, entry.msgstr = entry.msgstr, "A translator's better sentence."
    path.write_text(str(po), encoding="utf-8")
    after = units()
    assert before - after == {(entry.msgid, old)}
    assert after - before == {(entry.msgid, entry.msgstr)}


class _Checked:
    """``tolk check source_articles`` as a user runs it, recording which pages
    were parsed (to learn the site or to be judged) and which were judged."""

    def __init__(self, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        from pipeline.checks import runner

        self.parsed: list[str] = []
        self.judged: list[str] = []
        load_file, judge_chunk = runner.load_file, runner._judge_chunk

        def counted_load(path: Path, *args: object, **kwargs: object) -> object:
            self.parsed.append(path.name)
            return load_file(path, *args, **kwargs)  # type: ignore[arg-type]

        def counted_judge(paths: list[Path], *args: object, **kwargs: object) -> object:
            self.judged.extend(p.name for p in paths)
            return judge_chunk(paths, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(runner, "load_file", counted_load)
        monkeypatch.setattr(runner, "_judge_chunk", counted_judge)
        monkeypatch.chdir(project)

    def __call__(self, *extra: str) -> bytes:
        """The JSON report of a run; ``parsed`` and ``judged`` name its pages."""
        from pipeline.cli import main

        self.parsed.clear()
        self.judged.clear()
        out = "build/findings.json"
        args = ["-q", "check", "source_articles", "--format", "json", "--output", out, *extra]
        assert main(args) in (0, 1)
        return Path(out).read_bytes()


def _add(page: Path, html: str) -> None:
    page.write_text(page.read_text("utf-8").replace("</h1>", f"</h1>\n{html}", 1), "utf-8")


def test_check_judges_again_only_the_page_that_changed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One page changed (a text of its own, nothing the site learns from it):
    only it is parsed and judged, and the report is byte for byte that of a
    run that judges every page afresh."""
    check = _Checked(project, monkeypatch)
    check()
    assert len(set(check.judged)) == 8
    _add(
        project / "source_articles/routine-du-soir.html",
        "<p>Read the whole study before you start.</p>",
    )
    reused = check()
    assert check.judged == ["routine-du-soir.html"]
    assert set(check.parsed) == {"routine-du-soir.html"}
    again = check("--all")
    assert len(check.judged) == 8
    assert reused == again
    assert b"Read the whole study before you start." in reused  # a leftover


def test_a_new_site_name_judges_the_other_pages_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word on an English page reads as a Dutch leftover; once a French page
    uses it too, it is the site's own name (learned from pages of two
    languages), so the English page, which did not change, loses its finding:
    every page is judged again, and the report is that of a run afresh."""
    word = "Boodschappenlijst"
    _add(project / "source_articles/magnesium-nightmares.html", f"<p>{word}</p>")
    check = _Checked(project, monkeypatch)

    def flagged(report: bytes) -> set[str]:
        findings = json.loads(report)["findings"]
        return {Path(f["file"]).name for f in findings if f["text"] == word}

    assert flagged(check()) == {"magnesium-nightmares.html"}
    _add(project / "source_articles/routine-du-soir.html", f"<p>{word}</p>")
    reused = check()
    assert set(check.parsed) == {*check.judged, "routine-du-soir.html"}
    assert len(check.judged) == 8  # the site's names changed: every page's verdicts may
    assert flagged(reused) == set()
    assert reused == check("--all")


def test_report_renders_again_only_the_article_that_changed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``tolk report`` after one page changed judges that page alone and renders
    its article's page alone; every page it writes is the one ``--all`` writes."""
    from pipeline.checks import runner
    from pipeline.cli import main
    from pipeline.report import html

    rendered: list[str] = []
    judged: list[str] = []
    render, judge_chunk = html._ArticleBuilder.render, runner._judge_chunk

    def counted_render(self: html._ArticleBuilder) -> str:
        rendered.append(self.article.name)
        return render(self)

    def counted_judge(paths: list[Path], *args: object, **kwargs: object) -> object:
        judged.extend(p.name for p in paths)
        return judge_chunk(paths, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(html._ArticleBuilder, "render", counted_render)
    monkeypatch.setattr(runner, "_judge_chunk", counted_judge)
    monkeypatch.chdir(project)
    pages = project / "build/report/articles"

    def report(*extra: str) -> dict[str, bytes]:
        rendered.clear()
        judged.clear()
        assert main(["-q", "report", *extra]) == 0
        return {p.name: p.read_bytes() for p in sorted(pages.glob("*.html"))}

    report()
    assert len(rendered) == 8
    _add(project / "source_articles/routine-du-soir.html", "<p>Read the whole study first.</p>")
    reused = report()
    assert (rendered, judged) == (["routine-du-soir"], ["routine-du-soir.html"])
    assert b"Read the whole study first." in reused["routine-du-soir.html"]
    assert reused == report("--all")
    assert len(rendered) == 8


def test_stored_results_are_keyed_by_the_code_not_only_its_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed source file of Tolk (a development checkout, a patched install)
    changes the key every stored result uses, though ``__version__`` stays."""
    package = tmp_path / "pipeline"
    package.mkdir()
    (package / "manifest.py").write_text("x = 1\n", encoding="utf-8")
    (package / "judge.py").write_text("THRESHOLD = 2.5\n", encoding="utf-8")
    monkeypatch.setattr(manifest, "__file__", str(package / "manifest.py"))
    manifest._source_digest.cache_clear()
    before = manifest.code_version()
    (package / "judge.py").write_text("THRESHOLD = 2.25\n", encoding="utf-8")
    manifest._source_digest.cache_clear()
    after = manifest.code_version()
    manifest._source_digest.cache_clear()
    assert before != after
    assert before.split("+")[0] == after.split("+")[0] == manifest.__version__


def test_a_page_saved_while_check_reads_it_is_not_stored_under_its_old_bytes(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build or an editor writes a page between check hashing it and judging it:
    the findings of the new bytes must not be kept under the old bytes' key, or a
    later return to the old bytes (a rebuild, a git checkout) is served them."""
    from pipeline.checks import runner

    page = project / "source_articles/routine-du-soir.html"
    original = page.read_text("utf-8")
    check = _Checked(project, monkeypatch)
    _add(page, "<p>Read the whole study before you start.</p>")
    changed = page.read_text("utf-8")
    page.write_text(original, "utf-8")  # hashed as the original...
    load_file = runner.load_file

    def saved_meanwhile(path: Path, *args: object, **kwargs: object) -> object:
        if path.name == page.name:
            page.write_text(changed, "utf-8")  # ...read as the changed page
        return load_file(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "load_file", saved_meanwhile)
    check()
    monkeypatch.setattr(runner, "load_file", load_file)
    page.write_text(original, "utf-8")
    reused = check()
    assert b"Read the whole study before you start." not in reused
    assert reused == check("--all")
