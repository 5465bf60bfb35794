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
