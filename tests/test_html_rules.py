"""Site rules (``skip_selectors``, ``inline_selectors``, ``translate_attributes``):
each on a small page, through extraction and the round trip, and from a tolk.toml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import load_settings
from pipeline.errors import ConfigError
from pipeline.html.document import parse_document
from pipeline.html.extract import extract_text
from pipeline.html.merge import merge_document
from pipeline.html.rules import NO_RULES, SiteRules, parse_rules, site_rules

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Shop</title></head><body>
<aside class="ad"><p>Buy our sponsor's mugs.</p></aside>
<p>Press <x-key>Ctrl</x-key> and <x-key>S</x-key> to save.</p>
<p data-tooltip="Saved every minute">Your work is safe.</p>
<figure class="photo"><img src="a.jpg" alt="A mug" data-caption="A blue mug"></figure>
<img src="b.jpg" alt="Logo" data-caption="Not a caption">
</body></html>
"""

RULES_ATTRS = ("data-tooltip", "figure.photo > img@data-caption")
RULES = parse_rules(skip=("aside.ad",), inline=("x-key",), attributes=RULES_ATTRS)


def texts(html: str, rules: SiteRules = NO_RULES) -> list[str]:
    return [s.text for s in extract_text(html, rules=rules)]


def keys(html: str, rules: SiteRules = NO_RULES) -> dict[str, str]:
    return {s.text: s.key for s in extract_text(html, rules=rules)}


def _upper(coded: str) -> str:
    """Upper-case the text of a coded string, not its codes."""
    return re.sub(r"(<[^>]*>)|([^<]+)", lambda m: m.group(1) or m.group(2).upper(), coded)


def roundtrip(html: str, rules: SiteRules, change: bool = False) -> str:
    """Merge the page's own segments back (upper-cased when ``change``)."""
    page = extract_text(html, rules=rules)
    own = {s.key: (_upper(s.text) if change else s.text) for s in page}
    result = merge_document(parse_document(html), own, page.lang, rules=rules)
    assert result.problems == ()
    assert result.translated == len(own)
    return result.html


def test_without_rules_the_page_is_cut_and_misses_the_extra_attributes() -> None:
    found = texts(PAGE)
    assert "Buy our sponsor's mugs." in found
    assert "Saved every minute" not in found and "A blue mug" not in found
    assert "Press" in found  # an unknown element cuts the sentence


def test_skip_selectors_leave_the_element_out() -> None:
    found = texts(PAGE, parse_rules(skip=("aside.ad",)))
    assert "Buy our sponsor's mugs." not in found
    assert "Your work is safe." in found


def test_a_skipped_inline_element_is_kept_whole() -> None:
    html = (
        '<html lang="en"><body><p>Call <span class="brand">Acme Mugs</span> now.</p></body></html>'
    )
    assert texts(html, parse_rules(skip=("p > .brand",))) == ["Call <x1/> now."]
    assert texts(html) == ["Call <g1>Acme Mugs</g1> now."]


def test_inline_selectors_keep_the_sentence_whole() -> None:
    found = texts(PAGE, parse_rules(inline=("x-key",)))
    assert "Press <g1>Ctrl</g1> and <g2>S</g2> to save." in found


def test_translate_attributes_with_and_without_a_scope() -> None:
    page = extract_text(PAGE, rules=parse_rules(attributes=RULES_ATTRS))
    found = {s.text: s.location for s in page}
    assert found["Saved every minute"] == "p@data-tooltip"
    assert found["A blue mug"] == "figure.photo > img@data-caption"
    assert "Not a caption" not in found  # outside figure.photo


def test_rules_change_keys_only_where_they_apply() -> None:
    before, after = keys(PAGE), keys(PAGE, RULES)
    untouched = {"Shop", "Your work is safe.", "A mug", "Logo"}
    assert {t: before[t] for t in untouched} == {t: after[t] for t in untouched}


def test_rules_round_trip_exactly_and_merge_where_extraction_found() -> None:
    assert roundtrip(PAGE, RULES) == roundtrip(PAGE, NO_RULES)
    changed = roundtrip(PAGE, RULES, change=True)
    assert 'data-tooltip="SAVED EVERY MINUTE"' in changed
    assert 'data-caption="A BLUE MUG"' in changed and 'data-caption="Not a caption"' in changed
    assert "Buy our sponsor's mugs." in changed
    assert "PRESS <x-key>CTRL</x-key> AND <x-key>S</x-key> TO SAVE." in changed


@pytest.mark.parametrize(
    ("setting", "named"),
    [
        ('skip_selectors = ["a:hover"]', "skip_selectors"),
        ('inline_selectors = ["x-key ~ b"]', "inline_selectors"),
        ('translate_attributes = ["figure@"]', "translate_attributes"),
        ('translate_attributes = "data-tooltip"', "translate_attributes"),
        ('skip_selectors = [""]', "skip_selectors"),
    ],
)
def test_a_bad_rule_is_a_settings_error_naming_key_and_file(
    tmp_path: Path, setting: str, named: str
) -> None:
    config = tmp_path / "tolk.toml"
    config.write_text(setting + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        site_rules(load_settings(config))
    assert named in caught.value.message
    assert caught.value.path == str(config)
    assert "\n" not in str(caught.value)


def test_tolk_toml_with_all_three_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "source_articles").mkdir()
    (tmp_path / "source_articles" / "shop.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "tolk.toml").write_text(
        'languages = ["en", "fr"]\n'
        'skip_selectors = ["aside.ad"]\n'
        'inline_selectors = ["x-key"]\n'
        'translate_attributes = ["data-tooltip", "figure.photo > img@data-caption"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["-q", "extract"]) == 0
    pot = (tmp_path / "locales" / "templates" / "shop.pot").read_text(encoding="utf-8")
    assert 'msgid "Saved every minute"' in pot and 'msgid "A blue mug"' in pot
    assert "sponsor" not in pot and "Not a caption" not in pot
    assert 'msgid "Press <g1>Ctrl</g1> and <g2>S</g2> to save."' in pot
    assert main(["-q", "translate", "--pseudo", "--lang", "fr"]) == 0
    assert main(["-q", "build", "--lang", "fr"]) == 0
    built = (tmp_path / "build" / "fr" / "shop.html").read_text(encoding="utf-8")
    assert "<p>Buy our sponsor's mugs.</p>" in built  # skipped: as the source
    assert 'data-caption="Not a caption"' in built
    assert 'data-tooltip="Saved every minute"' not in built  # translated
    assert built.count("<x-key>") == 2
    capsys.readouterr()
    assert main(["check", str(tmp_path / "source_articles" / "shop.html")]) in (0, 1)
    assert "sponsor" not in capsys.readouterr().out
