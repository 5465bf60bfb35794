"""Extraction: what becomes a segment, with which codes, keys and locations."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.html.extract import extract_file, extract_text

from .conftest import SOURCES

GOLDEN = Path(__file__).parent / "golden"
ARTICLES = sorted(SOURCES.glob("*.html"))


def page(body: str, lang: str = "fr", head: str = "") -> str:
    return f'<!DOCTYPE html><html lang="{lang}"><head>{head}</head><body>{body}</body></html>'


def texts(html: str) -> list[str]:
    return [s.text for s in extract_text(html)]


def dump(path: Path) -> str:
    lines = []
    for s in extract_file(path):
        flags = f" foreign={s.foreign}" if s.foreign else ""
        note = f" note={s.note!r}" if s.note else ""
        lines.append(f"{s.line}\t{s.key}\t{s.location}\t{s.context}{flags}{note}\n\t{s.text}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_golden_segments(path: Path) -> None:
    """A readable dump per bundled article; TOLK_UPDATE_GOLDEN=1 rewrites them."""
    golden = GOLDEN / f"{path.stem}.segments.txt"
    actual = dump(path)
    if os.environ.get("TOLK_UPDATE_GOLDEN") or not golden.exists():
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_inline_markup_becomes_codes_without_attributes() -> None:
    html = page('<p>Le magnésium <a href="/x" class="l">abaisse <b>les pics</b></a> la nuit.</p>')
    assert texts(html) == ["Le magnésium <g1>abaisse <g2>les pics</g2></g1> la nuit."]


def test_sentences_split_with_abbreviation_guards() -> None:
    html = page("<p>M. Dupont et Mme Martin dorment. Le Dr Lefèvre dit p. ex. ceci. Fin.</p>")
    assert texts(html) == [
        "M. Dupont et Mme Martin dorment.",
        "Le Dr Lefèvre dit p. ex. ceci.",
        "Fin.",
    ]
    nl = page("<p>Dhr. Jansen zegt o.a. dat het werkt. Zie Fig. 2 voor meer.</p>", lang="nl")
    assert texts(nl) == ["Dhr. Jansen zegt o.a. dat het werkt.", "Zie Fig. 2 voor meer."]
    en = page("<p>Dr. Smith says, e.g. magnesium, i.e. a mineral, helps. It does.</p>", "en")
    assert texts(en) == ["Dr. Smith says, e.g. magnesium, i.e. a mineral, helps.", "It does."]


def test_attributes_and_head_become_segments() -> None:
    head = (
        "<title>Titre</title>"
        '<meta name="description" content="Une description.">'
        '<meta property="og:title" content="Titre OG">'
        '<meta property="og:image:alt" content="Une photo">'
        '<meta name="twitter:description" content="Pour Twitter">'
        '<meta name="viewport" content="width=device-width">'
        '<script type="application/ld+json">{"@type": "Article", "headline": "Titre LD",'
        ' "author": {"@type": "Person", "name": "Linda Wei"}, "about": {"name": "Sommeil"}}'
        "</script>"
    )
    body = (
        '<img src="a.jpg" alt="Une image" title="Un titre">'
        '<input type="email" placeholder="Votre e-mail" aria-label="Adresse">'
        '<input type="submit" value="Envoyer"><button>S\'inscrire</button>'
    )
    locations = {s.location: s.text for s in extract_text(page(body, head=head))}
    assert locations == {
        "title": "Titre",
        "meta[name=description]@content": "Une description.",
        "meta[property=og:title]@content": "Titre OG",
        "meta[property=og:image:alt]@content": "Une photo",
        "meta[name=twitter:description]@content": "Pour Twitter",
        "json-ld@headline": "Titre LD",
        "json-ld@about.name": "Sommeil",
        "img@alt": "Une image",
        "img@title": "Un titre",
        "input@placeholder": "Votre e-mail",
        "input@aria-label": "Adresse",
        "input@value": "Envoyer",
        "button": "S'inscrire",
    }


@pytest.mark.parametrize(
    "body",
    [
        "<pre>du code</pre>",
        "<code>x = 1</code>",
        "<kbd>Ctrl</kbd>",
        "<samp>sortie</samp>",
        "<script>var a = 'texte';</script>",
        "<style>p { color: red }</style>",
        "<svg><text>dessin</text></svg>",
        '<p translate="no">Marque</p>',
        '<p class="x notranslate">Marque</p>',
        '<p data-translate="no">Marque</p>',
    ],
)
def test_nothing_extracted_from_protected_content(body: str) -> None:
    assert texts(page(body)) == []


def test_inline_protected_content_is_a_standalone_code() -> None:
    html = page('<p>Tapez <code>make demo</code> puis <span translate="no">Tolk</span>.</p>')
    assert texts(html) == ["Tapez <x1/> puis <x2/>."]


def test_foreign_language_text_is_marked() -> None:
    html = page('<blockquote lang="en">Better safe than sorry.</blockquote><p>Bien.</p>')
    segs = extract_text(html)
    assert [(s.text, s.foreign) for s in segs] == [
        ("Better safe than sorry.", "en"),
        ("Bien.", None),
    ]
    assert [s.text for s in extract_text(html) if s.translatable] == ["Bien."]
    inline = page('<p>Comme on dit, <q lang="en">better safe</q>, voilà.</p>')
    assert texts(inline) == ["Comme on dit, <x1/>, voilà."]


def test_location_line_and_note() -> None:
    html = page(
        '\n<article>\n<section class="faq">\n'
        '<p data-translate-comment="Garder le tutoiement">Tu dors bien ?\nOui.</p>'
        "</section></article>"
    )
    segs = extract_text(html)
    assert [(s.location, s.line, s.note) for s in segs] == [
        ("article > section.faq > p", 4, "Garder le tutoiement"),
        ("article > section.faq > p", 5, "Garder le tutoiement"),
    ]


def test_keys_are_stable_under_unrelated_edits() -> None:
    before = extract_text(page("<h1>Titre</h1><p>Un.</p><p>Deux.</p>"))
    after = extract_text(page("<h1>Titre</h1><p>Nouveau.</p><p>Un.</p><p>Deux.</p>"))
    keys_before = {s.text: s.key for s in before}
    keys_after = {s.text: s.key for s in after}
    assert all(keys_after[t] == k for t, k in keys_before.items())
    assert len({s.key for s in after}) == len(after.segments)


def test_repeated_text_gets_distinct_keys() -> None:
    segs = extract_text(page("<p>Oui.</p><p>Oui.</p>"))
    assert segs.segments[0].key != segs.segments[1].key


def test_contexts() -> None:
    html = page(
        '<h2>Titre</h2><div class="byline">Écrit par Linda</div><ul><li>Un point</li></ul>'
        "<h2>Références</h2><ol><li>Smith J. Sleep. 2020.</li></ol>"
        "<figure><img src=a><figcaption>Légende</figcaption></figure>"
    )
    assert [(s.text, s.context) for s in extract_text(html)] == [
        ("Titre", "heading"),
        ("Écrit par Linda", "byline"),
        ("Un point", "list-item"),
        ("Références", "heading"),
        ("Smith J. Sleep. 2020.", "reference"),
        ("Légende", "caption"),
    ]


def test_page_language_required(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no <html lang>"):
        extract_text("<html><body><p>Texte</p></body></html>")
    assert extract_text("<html><body><p>Tekst</p></body></html>", lang="nl").lang == "nl"
    with pytest.raises(InputError, match="unsupported page language 'de'"):
        extract_text('<html lang="de"><body><p>Text</p></body></html>')


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"   \n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_unusable_files_give_one_clear_error(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as info:
        extract_file(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_encodings_bom_and_cp1252(tmp_path: Path) -> None:
    bom = tmp_path / "bom.html"
    bom.write_bytes(b"\xef\xbb\xbf" + page("<p>Été déjà là.</p>").encode("utf-8"))
    assert [s.text for s in extract_file(bom)] == ["Été déjà là."]
    cp = tmp_path / "cp.html"
    cp.write_bytes(
        page("<p>L’été – déjà “là”.</p>")
        .replace("<head>", '<head><meta charset="windows-1252">')
        .encode("cp1252")
    )
    assert [s.text for s in extract_file(cp)] == ["L’été – déjà “là”."]
    cp_undeclared = tmp_path / "cp2.html"
    cp_undeclared.write_bytes(page("<p>Les élèves ont déjà mangé à l’école.</p>").encode("cp1252"))
    assert [s.text for s in extract_file(cp_undeclared)] == ["Les élèves ont déjà mangé à l’école."]


def test_broken_html_is_recovered() -> None:
    html = '<html lang="fr"><body><div><p>Un <b>gras</p></div></div><p>Deux'
    assert texts(html) == ["Un <g1>gras</g1>", "Deux"]


@pytest.mark.slow
def test_large_page(tmp_path: Path) -> None:
    paragraph = "<p>Le magnésium aide le <b>sommeil</b> profond et la mémoire. " * 3 + "</p>\n"
    body = paragraph * (20_000_000 // len(paragraph))
    path = tmp_path / "big.html"
    path.write_text(page(body), encoding="utf-8")
    segs = extract_file(path)
    assert len(segs) > 100_000
