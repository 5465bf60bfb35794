"""Links to sibling articles point at the target language's version at build, and
``link_patterns`` gives the public addresses Tolk cannot tell itself."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.config import load_settings
from pipeline.errors import ConfigError
from pipeline.project import discover
from pipeline.stages.build import build_articles, canonical_for, sibling_links

from .conftest import ROOT

PATTERNS = (
    ("fr", "https://www.longevia.nl/fr/{slug}.html"),
    ("nl", "https://www.longevia.nl/nl/{slug}.html"),
)


def test_a_french_page_links_to_the_french_versions() -> None:
    settings = load_settings(start=ROOT)
    target = sibling_links(settings, discover(settings), "fr")
    # Built in French from the Dutch original: the built page beside this one.
    assert target("/nl/alfa-ketoglutaarzuur.html") == "alfa-ketoglutaarzuur.html"
    # Published in French: its real address.
    assert (
        target("/nl/magnesium-l-threonaat.html")
        == "https://www.longevia.nl/fr/magnesium-l-threonate.html"
    )
    assert target("https://en.wikipedia.org/wiki/Magnesium_L-threonate") is None
    assert target("/collections/nmn") is None
    assert target("#top") is None


def test_link_patterns_give_links_and_canonicals() -> None:
    settings = replace(load_settings(start=ROOT), link_patterns=PATTERNS)
    articles = {a.name: a for a in discover(settings)}
    target = sibling_links(settings, list(articles.values()), "fr")
    assert (
        target("/nl/betaine-lichaamsvet.html")
        == "https://www.longevia.nl/fr/betaine-lichaamsvet.html"
    )
    assert (
        canonical_for(articles["alfa-ketoglutaarzuur"], "fr", settings)
        == "https://www.longevia.nl/fr/alfa-ketoglutaarzuur.html"
    )
    assert canonical_for(articles["alfa-ketoglutaarzuur"], "en", settings) == (
        "alfa-ketoglutaarzuur.html"
    )
    assert canonical_for(articles["alfa-ketoglutaarzuur"], "nl", settings) is None


def test_built_cards_on_the_published_french_page_leave_dutch(project: Path) -> None:
    settings = load_settings(start=project)
    articles = discover(settings, ["magnesium-l-threonate", "alfa-ketoglutaarzuur"])
    build_articles(settings, articles, ("fr",), quiet=True)
    html = (settings.build / "fr" / "magnesium-l-threonate.html").read_text(encoding="utf-8")
    assert 'href="alfa-ketoglutaarzuur.html"' in html
    assert 'href="/nl/alfa-ketoglutaarzuur.html"' not in html


@pytest.mark.parametrize(
    "table", ['link_patterns = {de = "https://x/{slug}"}', 'link_patterns = {fr = "https://x/"}']
)
def test_bad_link_patterns_are_refused(tmp_path: Path, table: str) -> None:
    config = tmp_path / "tolk.toml"
    config.write_text(table + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="link_patterns"):
        load_settings(config)
