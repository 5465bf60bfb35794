"""Catalogs: templates, msgmerge-style updates, stability, msgfmt, bad files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import NoReturn

import polib
import pytest

from pipeline.catalogs.po import (
    catalog_stats,
    load_catalog,
    new_catalog,
    read_live,
    read_memory_units,
    save_catalog,
)
from pipeline.cli import main
from pipeline.errors import CatalogError

from .conftest import ROOT

GOLDEN = Path(__file__).parent / "golden" / "catalog"

BEFORE = """<!DOCTYPE html>
<html lang="nl"><head><title>Slaap en magnesium</title></head>
<body><article>
<h1>Slaap en magnesium</h1>
<p>Magnesium helpt bij <b>ontspanning</b>. Het is geen wondermiddel.</p>
<p>Deze zin verdwijnt straks.</p>
<p>Lees meer.</p>
</article></body></html>
"""

AFTER = """<!DOCTYPE html>
<html lang="nl"><head><title>Slaap en magnesium</title></head>
<body><article>
<h1>Slaap en magnesium</h1>
<p>Magnesium helpt bij <b>ontspanning</b>. Het is zeker geen wondermiddel.</p>
<p>Een nieuwe zin over slaap.</p>
<p>Lees meer.</p>
</article></body></html>
"""

TRANSLATIONS = {
    "Slaap en magnesium": "Sommeil et magnésium",
    "Magnesium helpt bij <g1>ontspanning</g1>.": "Le magnésium aide à la <g1>détente</g1>.",
    "Het is geen wondermiddel.": "Ce n’est pas un remède miracle.",
    "Deze zin verdwijnt straks.": "Cette phrase va disparaître.",
}


def normalized(text: str) -> str:
    """Catalog text with the run's dates blanked, for golden comparison."""
    return re.sub(r'"(POT-Creation-Date|PO-Revision-Date): [^"]*\\n"', r'"\1: DATE\\n"', text)


def make_project(tmp_path: Path, html: str) -> Path:
    (tmp_path / "source_articles").mkdir()
    (tmp_path / "source_articles" / "slaap.html").write_text(html, encoding="utf-8")
    (tmp_path / "tolk.toml").write_text('languages = ["nl", "fr"]\n', encoding="utf-8")
    return tmp_path


def run(project: Path, *args: str) -> int:
    cwd = Path.cwd()
    os.chdir(project)
    try:
        return main(["-q", *args])
    finally:
        os.chdir(cwd)


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("TOLK_UPDATE_GOLDEN") or not path.exists():
        path.write_text(actual, encoding="utf-8")
    assert normalized(actual) == normalized(path.read_text(encoding="utf-8"))


def test_msgmerge_semantics_golden(tmp_path: Path) -> None:
    project = make_project(tmp_path, BEFORE)
    assert run(project, "extract") == 0
    po_path = project / "locales/fr/LC_MESSAGES/slaap.po"
    po = polib.pofile(str(po_path))
    for entry in po:
        entry.msgstr = TRANSLATIONS.get(entry.msgid, "")
    po.save()
    check_golden("before.po", po_path.read_text(encoding="utf-8"))
    (project / "source_articles/slaap.html").write_text(AFTER, encoding="utf-8")
    assert run(project, "extract") == 0
    after = po_path.read_text(encoding="utf-8")
    check_golden("after.po", after)
    check_golden("after.pot", (project / "locales/templates/slaap.pot").read_text("utf-8"))
    result = polib.pofile(str(po_path))
    by_id = {e.msgid: e for e in result if not e.obsolete}
    # Unchanged source keeps its translation, not fuzzy.
    assert by_id["Slaap en magnesium"].msgstr == "Sommeil et magnésium"
    assert not by_id["Slaap en magnesium"].fuzzy
    # Changed source: old translation kept as fuzzy with the previous msgid.
    changed = by_id["Het is zeker geen wondermiddel."]
    assert changed.fuzzy and changed.msgstr == "Ce n’est pas un remède miracle."
    assert changed.previous_msgid == "Het is geen wondermiddel."
    assert "#| msgid" in after
    # Vanished source becomes obsolete.
    assert [e.msgid for e in result.obsolete_entries()] == ["Deze zin verdwijnt straks."]
    assert "#~ msgid" in after
    # New source is empty.
    assert by_id["Een nieuwe zin over slaap."].msgstr == ""


def test_extract_twice_changes_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path, BEFORE)
    assert run(project, "extract") == 0
    files = sorted((project / "locales").rglob("*.po*"))
    snapshot = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    assert run(project, "extract") == 0
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == snapshot


def test_headers_come_from_babel(tmp_path: Path) -> None:
    project = make_project(tmp_path, BEFORE)
    assert run(project, "extract") == 0
    po = load_catalog(project / "locales/fr/LC_MESSAGES/slaap.po")
    assert po.metadata["Language"] == "fr"
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["X-Generator"].startswith("Tolk ")
    entry = po[1]
    assert entry.msgctxt and entry.occurrences == [("source_articles/slaap.html", "4")]
    assert entry.comment.splitlines()[0] == "article > h1"


def test_syntax_error_names_file_and_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path, BEFORE)
    assert run(project, "extract") == 0
    po_path = project / "locales/fr/LC_MESSAGES/slaap.po"
    lines = po_path.read_text(encoding="utf-8").splitlines()
    broken_at = next(i for i, line in enumerate(lines) if line.startswith("msgid")) + 1
    broken_at = next(i for i, line in enumerate(lines) if line.startswith("msgstr") and i > 20)
    lines[broken_at] = 'msgstr "unterminated'
    po_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (project / "locales").rglob("*.po*")}
    (project / "source_articles/slaap.html").write_text(AFTER, encoding="utf-8")
    capsys.readouterr()
    assert run(project, "extract") == 2
    err = capsys.readouterr().err
    assert f"slaap.po:{broken_at + 1}:" in err
    assert {p: p.read_bytes() for p in (project / "locales").rglob("*.po*")} == before
    with pytest.raises(CatalogError):
        load_catalog(po_path)


def test_stats_count_entries_and_words(tmp_path: Path) -> None:
    project = make_project(tmp_path, BEFORE)
    assert run(project, "extract") == 0
    po = load_catalog(project / "locales/fr/LC_MESSAGES/slaap.po")
    po[0].msgstr = "Sommeil et magnésium"
    po[1].msgstr = "Sommeil et magnésium"
    po[1].flags.append("fuzzy")
    stats = catalog_stats(po, "x", "slaap", "fr")
    assert (stats.translated, stats.fuzzy, stats.untranslated) == (1, 1, 4)
    assert (stats.translated_words, stats.fuzzy_words) == (3, 3)


@pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="GNU msgfmt not installed (apt-get install gettext)"
)
def test_bundled_catalogs_pass_msgfmt_check() -> None:
    catalogs = sorted((ROOT / "locales").rglob("*.po"))
    assert catalogs, "no bundled catalogs: run 'make extract'"
    for path in catalogs:
        done = subprocess.run(
            ["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True
        )
        assert done.returncode == 0, f"{path}: {done.stderr}"


@pytest.mark.skipif(
    shutil.which("msgcat") is None, reason="GNU msgcat not installed (apt-get install gettext)"
)
def test_long_entries_are_wrapped_like_gettext(tmp_path: Path) -> None:
    long_html = BEFORE.replace(
        "Deze zin verdwijnt straks.",
        "Cognitieve veroudering wordt voor een groot deel bepaald door de geleidelijke "
        "afname van synaptische plasticiteit, neuronale communicatie en evidence-based "
        "zorg, zegt dr. Jansen in een lang en uitvoerig interview over slaap.",
    )
    project = make_project(tmp_path, long_html)
    assert run(project, "extract") == 0
    po_path = project / "locales/fr/LC_MESSAGES/slaap.po"
    ours = po_path.read_text(encoding="utf-8")
    done = subprocess.run(
        ["msgcat", "--width=79", str(po_path)], capture_output=True, text=True, check=True
    )
    theirs = done.stdout
    # msgcat drops flags it does not know (tolk-*); compare everything else.
    strip = re.compile(r"^#, .*\n", re.M)
    assert strip.sub("", ours) == strip.sub("", theirs)


def test_a_removed_sentence_that_comes_back_keeps_its_translation(tmp_path: Path) -> None:
    project = make_project(tmp_path, BEFORE)
    assert run(project, "extract") == 0
    po_path = project / "locales/fr/LC_MESSAGES/slaap.po"
    po = polib.pofile(str(po_path))
    for entry in po:
        entry.msgstr = TRANSLATIONS.get(entry.msgid, "")
    po.save()
    page = project / "source_articles/slaap.html"
    page.write_text(BEFORE.replace("<p>Deze zin verdwijnt straks.</p>\n", ""), encoding="utf-8")
    assert run(project, "extract") == 0
    assert '#~ msgid "Deze zin verdwijnt straks."' in po_path.read_text(encoding="utf-8")
    page.write_text(BEFORE, encoding="utf-8")
    assert run(project, "extract") == 0
    back = {e.msgid: e for e in polib.pofile(str(po_path)) if not e.obsolete}
    assert back["Deze zin verdwijnt straks."].msgstr == "Cette phrase va disparaître."
    assert not back["Deze zin verdwijnt straks."].fuzzy


def test_same_sentence_added_elsewhere_does_not_steal_a_translation() -> None:
    from pipeline.catalogs.po import new_catalog, update_catalog

    old = new_catalog("x", "en", "fr")
    old.append(polib.POEntry(msgctxt="p-aaa", msgid="Lire la suite", msgstr="Read more"))
    old.append(polib.POEntry(msgctxt="a-bbb", msgid="Lire la suite", msgstr="Continue reading"))
    template = new_catalog("x", None, "fr")
    for key in ("h2-new", "p-aaa", "a-bbb"):
        template.append(polib.POEntry(msgctxt=key, msgid="Lire la suite", msgstr=""))
    po, stats = update_catalog(old, template, "x", "en", "fr")
    got = {e.msgctxt: e.msgstr for e in po}
    assert got["p-aaa"] == "Read more" and got["a-bbb"] == "Continue reading"
    assert got["h2-new"] == ""
    assert (stats.kept, stats.new) == (2, 1)


def test_headers_set_by_an_editor_are_kept(tmp_path: Path) -> None:
    project = make_project(tmp_path, BEFORE)
    assert run(project, "extract") == 0
    po_path = project / "locales/fr/LC_MESSAGES/slaap.po"
    po = polib.pofile(str(po_path))
    po.metadata["X-Generator"] = "Poedit 3.4"
    po.metadata["X-Poedit-Bookmarks"] = "1,-1"
    po.metadata["Last-Translator"] = "Anne <anne@example.org>"
    po.save()
    before = po_path.read_bytes()
    assert run(project, "extract") == 0
    assert po_path.read_bytes() == before
    (project / "source_articles/slaap.html").write_text(AFTER, encoding="utf-8")
    assert run(project, "extract") == 0
    meta = polib.pofile(str(po_path)).metadata
    assert meta["X-Generator"] == "Poedit 3.4"
    assert meta["X-Poedit-Bookmarks"] == "1,-1"
    assert meta["Last-Translator"] == "Anne <anne@example.org>"


def test_gettext_wrapping_does_not_leak_into_polib() -> None:
    """Importing the catalogs door leaves polib as it is; only a render wraps like gettext."""
    from pipeline.catalogs import po as catalog_module

    untouched = polib._BaseEntry._str_field
    assert untouched is not catalog_module._str_field
    with catalog_module._gettext_wrapping():
        assert polib._BaseEntry._str_field is catalog_module._str_field
    assert polib._BaseEntry._str_field is untouched
    po = catalog_module.new_catalog("x", "en", "fr")
    po.append(polib.POEntry(msgctxt="k", msgid="Le magnésium aide. " * 8, msgstr=""))
    assert 'msgid ""' in catalog_module.render(po)  # wrapped, by the gettext writer
    assert polib._BaseEntry._str_field is untouched


def test_an_unchanged_save_is_decided_without_parsing_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.po"
    po = new_catalog("a", "fr", "nl")
    po.append(polib.POEntry(msgctxt="k1", msgid="Een zin.", msgstr="Une phrase."))
    assert save_catalog(po, path)
    before = path.read_bytes()

    def no_parse(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError("the file was parsed again")

    monkeypatch.setattr(polib, "pofile", no_parse)
    again = new_catalog("a", "fr", "nl")
    again.append(polib.POEntry(msgctxt="k1", msgid="Een zin.", msgstr="Une phrase."))
    assert not save_catalog(again, path)
    assert path.read_bytes() == before


_EDGES = {
    "escapes and lines": 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    '#. origin\n#: a.html:3\n#, fuzzy, python-format\n#| msgid "old"\nmsgctxt "k1"\n'
    'msgid ""\n"two \\"quoted\\"\\n"\n"lines\\t\\\\"\nmsgstr "deux"\n\n'
    'msgctxt "k2"\nmsgid "b"\nmsgstr ""\n\n#~ msgctxt "k3"\n#~ msgid "gone"\n#~ msgstr "weg"\n',
    "duplicate": 'msgctxt "k"\nmsgid "a"\nmsgstr "x"\n\nmsgctxt "k"\nmsgid "a"\nmsgstr "y"\n',
    "obsolete then live": '#~ msgid "a"\n#~ msgstr "x"\n\nmsgid "a"\nmsgstr "y"\n',
    "plural": 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "xs"\n',
    "unterminated": 'msgid "a"\nmsgstr "x\n',
    "latin-1 header": 'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
    'msgid "a"\nmsgstr "b"\n',
}


def _polib_live(path: Path) -> object:
    try:
        po = load_catalog(path)
    except CatalogError as exc:
        return str(exc)
    return [(e.msgctxt, e.msgid, e.msgstr, bool(e.fuzzy)) for e in po if not e.obsolete]


def _fast_live(path: Path) -> object:
    try:
        return read_live(path)
    except CatalogError as exc:
        return str(exc)


@pytest.mark.parametrize("name", sorted(_EDGES))
def test_read_live_reads_what_polib_reads(tmp_path: Path, name: str) -> None:
    path = tmp_path / "x.po"
    path.write_text(_EDGES[name], encoding="utf-8")
    assert _fast_live(path) == _polib_live(path)


def test_read_live_matches_polib_on_every_catalog_of_the_repository() -> None:
    paths = sorted(
        p for folder in (ROOT / "locales", ROOT / "tests") for p in folder.rglob("*.po*")
    )
    assert paths
    for path in paths:
        assert _fast_live(path) == _polib_live(path), path


def test_read_translations_is_translations_of_the_parsed_catalog() -> None:
    from pipeline.catalogs.po import read_translations, translations

    for path in sorted((ROOT / "locales").rglob("*.po")):
        po = load_catalog(path)
        every = translations(po, include_fuzzy=True)
        assert read_translations(path) == (every, translations(po, include_fuzzy=False)), path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_like_a_catalog_is_refused_not_waited_on(tmp_path: Path) -> None:
    """Reading a FIFO would block until someone writes to it: every command would hang."""
    fifo = tmp_path / "page.po"
    os.mkfifo(fifo)
    for read in (load_catalog, read_live, read_memory_units):
        with pytest.raises(CatalogError, match="not a regular file") as caught:
            read(fifo)
        assert caught.value.path is not None and Path(caught.value.path).name == "page.po"


def test_duplicate_entries_are_refused_in_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18, defect 5: polib's duplicate check rendered every pair of entries."""
    entries = "".join(f'msgctxt "p-{i}"\nmsgid "Zin {i}"\nmsgstr ""\n\n' for i in range(5000))
    path = tmp_path / "groot.po"
    path.write_text(f'msgid ""\nmsgstr ""\n\n{entries}', encoding="utf-8")

    def compared(self: object, other: object) -> bool:
        raise AssertionError("entries compared pairwise")

    monkeypatch.setattr(polib.POEntry, "__eq__", compared)
    assert len(load_catalog(path)) == 5000
    path.write_text(
        f'msgid ""\nmsgstr ""\n\n{entries}msgctxt "p-7"\nmsgid "Zin 7"\nmsgstr "Phrase"\n',
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert str(caught.value).startswith(f'{path}:20004: invalid catalog: duplicate entry "Zin 7"')


def test_a_string_of_many_lines_reads_as_polib_reads_it_with_its_line_numbers(
    tmp_path: Path,
) -> None:
    """Issue 18, defect 5: polib adds continuation lines with += (a 10 MB msgstr took minutes).

    Long strings are joined before polib reads them; what comes out must be
    what polib alone gives, escapes, entry lines and error lines included.
    """
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    long = 'een "woord" met\\ en\nregels ' * 2_000  # ~3,000 wrapped lines
    po.append(polib.POEntry(msgctxt="a", msgid="Zin", msgstr=long))
    po.append(polib.POEntry(msgctxt="b", msgid="Zin", msgstr="kort"))
    path = tmp_path / "lang.po"
    po.save(str(path))
    ours, theirs = load_catalog(path), polib.pofile(str(path))
    assert [(e.msgctxt, e.msgstr, e.linenum) for e in ours] == [
        (e.msgctxt, e.msgstr, e.linenum) for e in theirs
    ]
    text = path.read_text(encoding="utf-8")
    path.write_text(text + 'msgctxt "b"\nmsgid "Zin"\nmsgstr "dubbel"\n', encoding="utf-8")
    with pytest.raises(CatalogError, match=rf":{text.count(chr(10)) + 1}: invalid catalog: dup"):
        load_catalog(path)


def test_restore_leaves_a_translation_reviewed_after_force_alone() -> None:
    """``--restore`` puts back what ``--force`` replaced only while the replacement is
    still there: a translator who reviewed it since has the last word."""
    from pipeline.catalogs.po import keep_replaced, restore_replaced

    entry = polib.POEntry(msgid="Hallo", msgstr="Salut (machine)", flags=["fuzzy"])
    assert keep_replaced(entry, "Bonjour", False)
    entry.msgstr, entry.flags = "Salut à tous", []  # the translator's review in Poedit
    assert not restore_replaced(entry)
    assert entry.msgstr == "Salut à tous"
    untouched = polib.POEntry(msgid="Hallo", msgstr="Salut (machine)", flags=["fuzzy"])
    assert keep_replaced(untouched, "Bonjour", False)
    assert restore_replaced(untouched) and untouched.msgstr == "Bonjour"
    assert "Bonjour" not in (untouched.tcomment or "")


def test_restore_with_the_kept_text_deleted_puts_nothing_back() -> None:
    from pipeline.catalogs.po import REPLACED_HEAD, restore_replaced

    entry = polib.POEntry(msgid="Hallo", msgstr="Salut", tcomment=f"mine\n{REPLACED_HEAD}")
    assert not restore_replaced(entry)
    assert entry.msgstr == "Salut"
