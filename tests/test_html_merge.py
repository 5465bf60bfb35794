"""Merge: translations back into pages, codes restored, nothing lost or injected."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.html.document import parse_document, read_document
from pipeline.html.extract import extract_document, extract_text
from pipeline.html.merge import merge_document

from .conftest import SOURCES
from .domtools import signature

ARTICLES = sorted(SOURCES.glob("*.html"))


def roundtrip(html: str, lang: str | None = None) -> tuple[str, int]:
    page = extract_document(parse_document(html), lang)
    own = {s.key: s.text for s in page}
    result = merge_document(parse_document(html), own, page.lang, source_lang=lang)
    assert result.problems == ()
    return result.html, result.translated


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_bundled_articles_round_trip(path: Path) -> None:
    html = path.read_text(encoding="utf-8")
    rebuilt, translated = roundtrip(html)
    assert translated == len(extract_document(read_document(path)).translatable)
    assert signature(rebuilt) == signature(html)
    # Merging the rebuilt page again changes nothing: merge is idempotent.
    assert roundtrip(rebuilt)[0] == rebuilt


# -- generated pages ---------------------------------------------------------
WORDS = st.sampled_from(
    ["le", "magnésium", "aide", "sommeil", "Dr.", "M.", "déjà", "1,5", "mg", "—", "«", "»",
     "&amp;", "&lt;", "&eacute;", "&nbsp;", "été", "?", "!", ":", "Fig.", "2."]
)  # fmt: skip
SPACE = st.sampled_from(["", " ", "  ", "\n", "\n  ", "\t", "\u00a0"])
INLINE = st.sampled_from(["b", "strong", "em", "i", "a", "span", "sup", "small", "code", "q"])
BLOCK = st.sampled_from(["p", "div", "li", "h2", "blockquote", "td", "section"])
ATTRS = st.sampled_from(
    ["", ' class="x"', ' href="/a?b=1&amp;c=2"', ' title="Un titre"', ' id="i" class="y z"',
     ' data-x="1"', ' lang="en"', ' translate="no"'])  # fmt: skip


@st.composite
def text_run(draw: st.DrawFn) -> str:
    parts = [draw(SPACE)]
    for _ in range(draw(st.integers(1, 6))):
        parts.append(draw(WORDS))
        parts.append(draw(SPACE))
    return "".join(parts)


@st.composite
def inline_html(draw: st.DrawFn, depth: int = 0) -> str:
    parts = [draw(text_run())]
    for _ in range(draw(st.integers(0, 3))):
        choice = draw(st.integers(0, 5))
        if choice == 0:
            parts.append(draw(st.sampled_from(["<br>", '<img src="a.png" alt="Une image">'])))
        elif choice == 1:
            parts.append("<!-- note -->")
        elif depth < 2:
            tag = draw(INLINE)
            inner = draw(inline_html(depth + 1))
            parts.append(f"<{tag}{draw(ATTRS)}>{inner}</{tag}>")
        parts.append(draw(text_run()))
    return "".join(parts)


@st.composite
def block_html(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(BLOCK)
    content = [draw(inline_html())]
    if depth < 2:
        for _ in range(draw(st.integers(0, 2))):
            content.append(draw(SPACE))
            content.append(draw(block_html(depth + 1)))
            content.append(draw(inline_html()))
    body = "".join(content)
    if tag == "li":
        return f"<ul{draw(ATTRS)}><li>{body}</li></ul>"
    if tag == "td":
        return f"<table><tr><td{draw(ATTRS)}>{body}</td></tr></table>"
    return f"<{tag}{draw(ATTRS)}>{body}</{tag}>"


@st.composite
def pages(draw: st.DrawFn) -> str:
    blocks = "\n".join(draw(st.lists(block_html(), min_size=1, max_size=4)))
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><title>'
        f"{draw(text_run())}</title></head>\n<body>\n{blocks}\n</body></html>"
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_generated_pages_round_trip(html: str) -> None:
    rebuilt, _ = roundtrip(html)
    assert signature(rebuilt) == signature(html)


# -- refusing bad translations -----------------------------------------------
SOURCE = '<html lang="fr"><body><p>Le <b>magnésium</b> abaisse <a href="/c">le cortisol</a>.</p></body></html>'


@pytest.mark.parametrize(
    ("translation", "problem"),
    [
        ("<g2>Magnesium</g2> lowers <g1>cortisol</g1>.", None),  # moved: fine
        ("Magnesium lowers <g2>cortisol</g2>.", "<g1> is missing"),  # dropped
        ("<g1>Magnesium</g1> lowers <g2>cortisol</g2> <g2>x</g2>.", "appears 2 times"),
        ("<g1>Magnesium lowers <g2>cortisol</g1></g2>.", "closes across"),  # bad nesting
        ("</g1>Magnesium<g1> lowers <g2>cortisol</g2>.", "closes before it opens"),
        ("<g1>Magnesium</g1> lowers <g2>cortisol</g2><g3>!</g3>", "not in the source"),
    ],
)
def test_code_problems_are_refused_cleanly(translation: str, problem: str | None) -> None:
    page = extract_text(SOURCE)
    (seg,) = page.segments
    result = merge_document(parse_document(SOURCE), {seg.key: translation}, "en")
    if problem is None:
        assert result.problems == ()
        assert '<p><a href="/c">Magnesium</a> lowers <b>cortisol</b>.</p>' in result.html
        return
    assert len(result.problems) == 1
    assert problem in result.problems[0].message
    assert result.problems[0].location == "p"
    assert result.fallbacks == 1
    assert signature(result.html, root_lang=False) == signature(SOURCE, root_lang=False)
    assert 'lang="en"' in result.html.split(">", 1)[0]


def test_spaces_follow_the_translation() -> None:
    src = '<html lang="fr"><body><p>abaissant<a href="/x">pics de cortisol</a>qui peut.</p></body></html>'
    (seg,) = extract_text(src).segments
    result = merge_document(
        parse_document(src), {seg.key: "lowering <g1>cortisol spikes</g1> that can."}, "en"
    )
    assert '<p>lowering <a href="/x">cortisol spikes</a> that can.</p>' in result.html


def test_translations_are_text_never_markup() -> None:
    src = '<html lang="fr"><head><title>Titre</title><script type="application/ld+json">{"headline": "Titre"}</script></head><body><p>Un <b>mot</b>.</p><img src=a alt="Image"></body></html>'
    page = extract_text(src)
    evil = "<script>alert(1)</script><img src=x onerror=alert(1)>"
    translations = {}
    for s in page:
        translations[s.key] = evil + s.text if "<g1>" in s.text else evil
    html = merge_document(parse_document(src), translations, "en").html
    assert "<script>alert" not in html
    assert "<img src=x" not in html and '<img src="x"' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '"headline": "\\u003cscript>alert(1)\\u003c/script>' in html


def test_page_language_and_alternates() -> None:
    src = (
        '<html lang="fr"><head><meta property="og:locale" content="fr_FR"></head>'
        "<body><p>Bonjour.</p></body></html>"
    )
    alternates = {"fr": "../fr/a.html", "en": "a.html", "nl": "../nl/a.html"}
    html = merge_document(parse_document(src), {}, "en", alternates=alternates).html
    assert '<html lang="en">' in html
    assert '<meta property="og:locale" content="en_US">' in html
    for lang, href in alternates.items():
        assert f'<link rel="alternate" hreflang="{lang}" href="{href}">' in html


def test_missing_translations_fall_back_and_are_counted() -> None:
    src = '<html lang="nl"><body><p>Een. Twee.</p><p>Drie.</p></body></html>'
    page = extract_text(src)
    result = merge_document(parse_document(src), {page.segments[0].key: "Un."}, "fr")
    assert (result.segments, result.translated, result.fallbacks) == (3, 1, 2)
    assert "<p>Un. Twee.</p>" in result.html


def test_everything_else_is_kept() -> None:
    src = (
        '<!DOCTYPE html>\n<html lang="fr">\n<!-- commentaire -->\n<head>\n  <meta charset="utf-8">\n'
        '</head>\n<body>\n  <div data-z="1" class="a" id="b">\n    <p>Texte.</p>\n  </div>\n'
        "</body>\n</html>\n"
    )
    page = extract_text(src)
    html = merge_document(parse_document(src), {page.segments[0].key: "Text."}, "fr").html
    assert '<div data-z="1" class="a" id="b">\n    <p>Text.</p>\n  </div>' in html
    assert "<!-- commentaire -->" in html
    assert html.startswith("<!DOCTYPE html>")


def test_remove_takes_out_a_whole_element_only() -> None:
    src = (
        '<html lang="fr"><body><header>\n  <p class="title">Magnesium L-threonaat: hersengezondheid</p>\n'
        "  <h1>Magnésium L-thréonate : santé du cerveau</h1>\n</header>"
        "<p>Une phrase. Une autre.</p></body></html>"
    )
    page = extract_text(src)
    dutch = page.segments[0]
    result = merge_document(parse_document(src), {}, "fr", remove={dutch.key})
    assert "threonaat" not in result.html
    assert "<header>\n  <h1>Magnésium L-thréonate : santé du cerveau</h1>\n</header>" in result.html
    # One sentence of a two-sentence paragraph is not the whole element: kept.
    partial = merge_document(parse_document(src), {}, "fr", remove={page.segments[2].key})
    assert "Une phrase. Une autre." in partial.html


def test_pages_in_another_charset_are_written_as_declared_utf8(tmp_path: Path) -> None:
    page = tmp_path / "cp.html"
    page.write_bytes(
        '<html lang="fr"><head><meta charset="windows-1252"><title>Café</title></head>'
        "<body><p>Été.</p></body></html>".encode("cp1252")
    )
    html = merge_document(read_document(page), {}, "fr").html
    assert '<meta charset="utf-8">' in html
    assert "<title>Café</title>" in html
    legacy = (
        '<html lang="fr"><head><meta http-equiv="Content-Type" '
        'content="text/html; charset=iso-8859-1"></head><body><p>Été.</p></body></html>'
    )
    assert (
        'content="text/html; charset=utf-8"'
        in merge_document(parse_document(legacy), {}, "fr").html
    )


def test_no_doctype_and_fragments_stay_as_they_were() -> None:
    bare = '<html lang="fr"><body><p>Bonjour.</p></body></html>'
    assert "<!DOCTYPE" not in merge_document(parse_document(bare), {}, "fr").html
    fragment = '<div class="card"><p>Bonjour <b>toi</b>.</p></div>\n'
    out = merge_document(parse_document(fragment), {}, "fr", source_lang="fr").html
    assert out == fragment
