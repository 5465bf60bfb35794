"""HTML fidelity: the situations the peers' test suites cover, as Tolk's own cases.

Each case in ``tests/data/fidelity/*.json`` is a small page written for Tolk
that reproduces one situation of a peer's suite (named in its ``source``):
Translate Toolkit's html2po/po2html tests, po4a's xhtml tests, the ITS 2.0
test suite's HTML inputs, Okapi's HTML filter tests, and the defects of
issue 15. Every case is checked three ways:

* coverage: every text in ``expect`` is extracted (as a segment's coded or
  plain text) and no text in ``absent`` is;
* round trip: the source as its own translation gives back the same DOM,
  attribute values byte-equal and whitespace at tag boundaries kept;
* pseudo round trip: a pseudo-translation builds, every letter of every
  translatable entry comes back accented, codes are kept, and the words are
  the source's words in order (none glued, none doubled).

``python -m pytest tests/test_html_fidelity.py -q -rA`` shows the counts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pipeline.html.document import parse_document
from pipeline.html.extract import extract_document
from pipeline.html.merge import merge_document
from pipeline.segments import Page
from pipeline.stages.pseudo import PROTECTED, is_pseudo, pseudo_translate, unpseudo
from pipeline.text.codes import codes_of

from .domtools import signature

DATA = Path(__file__).parent / "data" / "fidelity"
CASES: list[dict[str, Any]] = [
    case for path in sorted(DATA.glob("*.json")) for case in json.loads(path.read_text("utf-8"))
]
IDS = [case["id"] for case in CASES]
MIN_CASES, MIN_PEERS = 150, 3
_CHARSET = re.compile(r"charset=[\"']?[\w.:-]+", re.I)
_WORD = re.compile(r"[^\W_]+")


def _extract(html: str, lang: str) -> Page:
    return extract_document(parse_document(html), lang)


def _merge(html: str, translations: dict[str, str], lang: str) -> str:
    result = merge_document(parse_document(html), translations, lang, source_lang=lang)
    assert result.problems == ()
    return result.html


def _utf8(html: str) -> str:
    return _CHARSET.sub("charset=utf-8", html)


def _doctype(html: str) -> str:
    return parse_document(html).doctype


def _marks(case: dict[str, Any]) -> list[pytest.MarkDecorator]:
    reason = case.get("xfail")
    return [pytest.mark.xfail(reason=reason, strict=True)] if reason else []


def _failing(case: dict[str, Any]) -> list[str]:
    """The checks a case is known to fail (all three unless it says which)."""
    return list(case.get("xfail_in", ["coverage", "roundtrip", "pseudo"]))


def _params(check: str) -> list[Any]:
    return [
        pytest.param(case, id=case["id"], marks=_marks(case) if check in _failing(case) else [])
        for case in CASES
    ]


def test_cases_are_well_formed() -> None:
    """Unique ids, a named source, and enough cases from enough peers."""
    assert len(set(IDS)) == len(IDS)
    assert all(case["source"].split(":")[0] for case in CASES)
    peers = {case["source"].split(":")[0] for case in CASES}
    assert len(CASES) >= MIN_CASES
    assert len(peers - {"tolk"}) >= MIN_PEERS


@pytest.mark.parametrize("case", _params("coverage"))
def test_coverage(case: dict[str, Any]) -> None:
    page = _extract(case["html"], case.get("lang", "en"))
    found = {s.text for s in page} | {s.plain for s in page}
    missing = [t for t in case.get("expect", []) if t not in found]
    assert missing == [], f"not extracted: {missing}; got {sorted(found)}"
    leaked = [t for t in case.get("absent", []) if any(t in f for f in found)]
    assert leaked == [], f"extracted though it must not be: {leaked}"


@pytest.mark.parametrize("case", _params("roundtrip"))
def test_round_trip(case: dict[str, Any]) -> None:
    html, lang = case["html"], case.get("lang", "en")
    page = _extract(html, lang)
    rebuilt = _merge(html, {s.key: s.text for s in page}, lang)
    # Serialisation ends the file with a newline: not a boundary of any tag.
    # A page is written in UTF-8 and says so (see document.serialize).
    # The root says the language merged into (see tests/domtools.signature).
    assert signature(_utf8(rebuilt.rstrip()), root_lang=False) == signature(
        _utf8(html.rstrip()), root_lang=False
    )
    assert _doctype(rebuilt) == _doctype(html)
    for expected in case.get("output_contains", []):
        assert expected in rebuilt


@pytest.mark.parametrize("case", _params("pseudo"))
def test_pseudo_round_trip(case: dict[str, Any]) -> None:
    html, lang = case["html"], case.get("lang", "en")
    page = _extract(html, lang)
    pseudo = {s.key: pseudo_translate(s.text) for s in page.translatable}
    for s in page.translatable:
        assert codes_of(pseudo[s.key]) == codes_of(s.text)
    built = _merge(html, pseudo, lang)
    again = _extract(built, lang)
    # The same elements and attribute names, in the same order.
    assert _shape(built) == _shape(html)
    for s in again.translatable:
        assert is_pseudo(s.text), f"letters left unaccented: {s.text!r}"
    assert _words(again) == _words(page)


def _shape(html: str) -> list[tuple[str, ...]]:
    return [
        (item[0], item[1], *(a.split("=", 1)[0] for a in item[2:]))
        for item in signature(html)
        if item[0] in ("open", "close")
    ]


def _words(page: Page) -> list[str]:
    """The words of a page's segments, accents undone and placeholders out."""
    words: list[str] = []
    for s in page:
        words += _WORD.findall(unpseudo(PROTECTED.sub(" ", s.text)))
    return words
