"""wrong-language-link on the bundled project: the seed's Dutch cards on the French
page are found, built pages pass, a built page that kept its source's canonical fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.checks import CHECKS
from pipeline.checks.results import CheckReport
from pipeline.checks.runner import run_checks
from pipeline.cli import main

from .conftest import SOURCES

ONLY = [check for check in CHECKS if check != "wrong-language-link"]


def _check(*paths: Path) -> CheckReport:
    return run_checks(list(paths), disabled=ONLY)


def test_the_seed_french_page_links_its_cards_to_dutch_articles() -> None:
    report = _check(SOURCES)
    assert {(Path(f.file).name, f.text) for f in report.findings} == {
        ("magnesium-l-threonate.html", "/nl/alfa-ketoglutaarzuur.html"),
        ("magnesium-l-threonate.html", "/nl/resveratrol-diabetes.html"),
        ("magnesium-l-threonate.html", "/nl/betaine-lichaamsvet.html"),
    }


def test_built_pages_pass_and_a_left_canonical_fails(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    assert main(["extract"]) == 0
    assert main(["build"]) == 0
    build = project / "build"
    assert _check(build).findings == ()
    page = build / "fr" / "alfa-ketoglutaarzuur.html"
    html = page.read_text(encoding="utf-8")
    assert '<link rel="canonical" href="alfa-ketoglutaarzuur.html">' in html
    page.write_text(
        html.replace(
            '<link rel="canonical" href="alfa-ketoglutaarzuur.html">',
            '<link rel="canonical" href="https://www.longevia.nl/nl/alfa-ketoglutaarzuur.html">',
        ),
        encoding="utf-8",
    )
    (finding,) = _check(build).findings
    assert (finding.file, finding.location) == (str(page), "link[rel=canonical]@href")
    assert (finding.expected_lang, finding.found_lang) == ("fr", "nl")
