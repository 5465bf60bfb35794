"""The report's "Families" section on the bundled project: each family, its original
(language, and the rule that chose it) and its members with languages and URLs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from lxml import html as lxml_html

from pipeline.config import load_settings
from pipeline.project import discover
from pipeline.report import Findings, build_report

NOW = datetime(2026, 1, 28, 9, 30, tzinfo=UTC)


def test_the_index_shows_each_family_its_original_and_members(project: Path) -> None:
    settings = load_settings(project / "tolk.toml")
    result = build_report(settings, discover(settings), Findings((), "none", False), now=NOW)
    index = lxml_html.fromstring(result.index.read_bytes())
    assert index.xpath('//h2[@id="families"]/text()') == ["Families"]
    families = {li.get("data-family"): li for li in index.xpath("//li[@data-family]")}
    assert sorted(families) == ["magnesium-l-threonaat", "magnesium-nightmares"]
    threonate = families["magnesium-l-threonaat"]
    assert "original in Dutch (nl)" in threonate.text_content()
    assert threonate.xpath(".//@data-rule") == ["leftovers"]
    members = [" ".join(li.text_content().split()) for li in threonate.xpath("./ul/li")]
    assert members == [
        "magnesium-l-threonaat (Dutch (nl), original) "
        "https://www.longevia.nl/nl/magnesium-l-threonaat.html",
        "magnesium-l-threonate (French (fr)) https://www.longevia.nl/fr/magnesium-l-threonate.html",
    ]
    assert threonate.xpath("./ul/li/a/@href") == [
        "articles/magnesium-l-threonaat.html",
        "articles/magnesium-l-threonate.html",
    ]
    nightmares = families["magnesium-nightmares"].text_content()
    assert "original in English (en)" in nightmares
    assert "magnesium-cauchemars (French (fr))" in " ".join(nightmares.split())


def test_a_project_without_families_has_no_families_section(tmp_path: Path) -> None:
    settings = load_settings(start=tmp_path)
    result = build_report(settings, [], Findings((), "none", False), out=tmp_path / "r", now=NOW)
    assert 'id="families"' not in result.index.read_text(encoding="utf-8")
