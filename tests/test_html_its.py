"""ITS 2.0 Locale Filter: content whose filter excludes a target stays as the source."""

from __future__ import annotations

import pytest

from pipeline.html.document import parse_document
from pipeline.html.extract import extract_text
from pipeline.html.merge import merge_document

PAGE = """<html lang="en"><body>
<p its-locale-filter-list="nl">Call our Dutch office.</p>
<div its:locale-filter-list="nl, fr-CA" its:locale-filter-type="exclude">
<p>Prices without VAT.</p><img src="a.png" alt="A price list"></div>
<p>Everyone reads this.</p>
</body></html>"""


def build(target: str) -> str:
    page = extract_text(PAGE)
    # Every segment is extracted whatever its filter: keys do not depend on a target.
    assert len(page.segments) == 4
    own = {s.key: f"[{target}] {s.text}" for s in page}
    result = merge_document(parse_document(PAGE), own, target)
    assert result.problems == ()
    return result.html


@pytest.mark.parametrize(
    ("target", "translated", "kept"),
    [
        ("nl", ["Call our Dutch office.", "Everyone reads this."], ["Prices", "A price list"]),
        ("fr", ["Prices without VAT.", "A price list", "Everyone"], ["Call our Dutch office."]),
    ],
)
def test_a_locale_filter_keeps_the_source_for_excluded_languages(
    target: str, translated: list[str], kept: list[str]
) -> None:
    html = build(target)
    for text in translated:
        assert f"[{target}] {text}" in html
    for text in kept:
        assert text in html and f"[{target}] {text}" not in html


def test_a_build_in_the_page_language_is_never_filtered() -> None:
    page = extract_text(PAGE)
    fixed = {s.key: s.text.replace("Call", "Phone") for s in page if "Call" in s.text}
    html = merge_document(parse_document(PAGE), fixed, "en").html
    assert "Phone our Dutch office." in html
