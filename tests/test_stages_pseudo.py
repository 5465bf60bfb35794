"""Pseudo-localisation: `tolk translate --pseudo` fills catalogs, and pages build."""

from __future__ import annotations

from pathlib import Path

import polib

from pipeline.stages.pseudo import PSEUDO_ORIGIN, is_pseudo, pseudo_translate

from .test_catalogs_po import make_project, run

PAGE = (
    '<!DOCTYPE html><html lang="nl"><head><title>Slaap</title></head><body>'
    '<p>Lees <a href="{{ url }}">de gids</a> over slaap.</p></body></html>'
)


def test_pseudo_keeps_codes_and_placeholders_and_grows() -> None:
    text = "Hello <g1>{name}</g1>, you have %d new &lt;messages&gt;<x2/>"
    out = pseudo_translate(text)
    assert "<g1>{name}</g1>" in out and "%d" in out and "&lt;" in out
    assert out.startswith("[Ĥéļļö ") and out.endswith("<x2/> ·······]")
    assert is_pseudo(out)
    letters = sum(c.isalpha() for c in "Hello, you have new messages")
    assert len(out) - len(text) - 3 >= 0.3 * letters  # brackets and a space aside


def test_translate_pseudo_fills_fuzzy_catalogs_that_build(tmp_path: Path) -> None:
    project = make_project(tmp_path, PAGE)
    assert run(project, "extract") == 0
    assert run(project, "translate", "--pseudo", "--lang", "fr") == 0
    po = polib.pofile(str(project / "locales/fr/LC_MESSAGES/slaap.po"))
    assert all(e.fuzzy and is_pseudo(e.msgstr) and PSEUDO_ORIGIN in e.comment for e in po)
    assert run(project, "build", "--lang", "fr") == 0
    built = (project / "build/fr/slaap.html").read_text(encoding="utf-8")
    assert 'href="{{ url }}"' in built and "ðé ĝîðš" in built


def test_force_keeps_a_reviewed_translation_that_restore_puts_back(tmp_path: Path) -> None:
    """Issue 18, defect 11: what --force replaces survives a save, a load and an extract."""
    project = make_project(tmp_path, PAGE)
    assert run(project, "extract") == 0
    path = project / "locales/fr/LC_MESSAGES/slaap.po"
    po = polib.pofile(str(path))
    # Long (polib rewraps comment lines over 78), with a newline, a backslash,
    # quotes and a trailing space: all must come back byte for byte.
    approved = 'Lisez <g1>le guide</g1> "sommeil" \\ sur le sommeil\net ' + "la nuit " * 30
    po[1].msgstr = approved
    po.save()
    assert run(project, "translate", "--pseudo", "--force", "--lang", "fr") == 0
    forced = polib.pofile(str(path))[1]
    assert is_pseudo(forced.msgstr) and forced.fuzzy
    assert run(project, "extract", "--all") == 0
    assert run(project, "translate", "--restore") == 0
    restored = polib.pofile(str(path))[1]
    assert restored.msgstr == approved and not restored.fuzzy
    assert restored.tcomment == ""
    assert run(project, "translate", "--restore") == 0  # nothing left to restore
    assert polib.pofile(str(path))[1].msgstr == approved
