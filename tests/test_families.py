"""Families: discovery from hreflang and settings, the original's rule, and alignment."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import load_settings
from pipeline.families import PageFacts, find_families
from pipeline.families.align import align_segments, gale_church
from pipeline.html.extract import extract_text
from pipeline.html.links import PageLinks
from pipeline.project import discover

ORIGINAL = """<html lang="en"><head><title>Magnesium and Sleep</title></head><body><article>
<h1>Magnesium and Sleep in 2026</h1>
<p>Magnesium helps the brain to calm down at night. Most adults need about 300 mg every day.</p>
<h2>How GABA works</h2>
<p>GABA is the main brake of the nervous system. Magnesium binds to its receptors and slows the firing of neurons, which makes falling asleep easier for many people.</p>
<p>The NIH lists nuts, seeds and leafy greens as the best sources. A supplement is only needed when the diet falls short.</p>
<p>Talk to your doctor first. This is especially true if you take medicines for the heart.</p>
<ul><li>Take it in the evening.</li><li>Start with a low dose.</li></ul>
</article></body></html>"""

# The translation moves the NIH paragraph before the GABA heading, splits the
# long GABA sentence in two, and drops "Talk to your doctor first."
TRANSLATION = """<html lang="fr"><head><title>Magnésium et sommeil</title></head><body><article>
<h1>Magnésium et sommeil en 2026</h1>
<p>Le magnésium aide le cerveau à se calmer la nuit. La plupart des adultes en ont besoin d’environ 300 mg par jour.</p>
<p>Le NIH cite les noix, les graines et les légumes verts comme meilleures sources. Un complément n’est utile que si l’alimentation ne suffit pas.</p>
<h2>Comment agit le GABA</h2>
<p>Le GABA est le principal frein du système nerveux. Le magnésium se fixe sur ses récepteurs et ralentit l’activité des neurones. Beaucoup de gens s’endorment ainsi plus facilement.</p>
<p>C’est surtout vrai si vous prenez des médicaments pour le cœur.</p>
<ul><li>Prenez-le le soir.</li><li>Commencez par une faible dose.</li></ul>
</article></body></html>"""


def test_alignment_survives_a_moved_paragraph_a_split_and_a_drop() -> None:
    src = extract_text(ORIGINAL).segments
    tgt = extract_text(TRANSLATION).segments
    pairs = {p.source: p for p in align_segments(src, tgt)}
    expected = {
        "Magnesium and Sleep": "Magnésium et sommeil",
        "Magnesium and Sleep in 2026": "Magnésium et sommeil en 2026",
        "Most adults need about 300 mg every day.": (
            "La plupart des adultes en ont besoin d’environ 300 mg par jour."
        ),
        "How GABA works": "Comment agit le GABA",
        "GABA is the main brake of the nervous system.": (
            "Le GABA est le principal frein du système nerveux."
        ),
        "Magnesium binds to its receptors and slows the firing of neurons, which makes "
        "falling asleep easier for many people.": (
            "Le magnésium se fixe sur ses récepteurs et ralentit l’activité des neurones. "
            "Beaucoup de gens s’endorment ainsi plus facilement."
        ),
        "The NIH lists nuts, seeds and leafy greens as the best sources.": (
            "Le NIH cite les noix, les graines et les légumes verts comme meilleures sources."
        ),
        "This is especially true if you take medicines for the heart.": (
            "C’est surtout vrai si vous prenez des médicaments pour le cœur."
        ),
        "Take it in the evening.": "Prenez-le le soir.",
        "Start with a low dose.": "Commencez par une faible dose.",
    }
    for source, target in expected.items():
        assert source in pairs, source
        assert pairs[source].target == target
    assert "Talk to your doctor first." not in pairs  # dropped: no pair, not a wrong one
    assert pairs["The NIH lists nuts, seeds and leafy greens as the best sources."].moved
    assert pairs["The NIH lists nuts, seeds and leafy greens as the best sources."].fuzzy
    assert not pairs["Take it in the evening."].fuzzy
    split = "Magnesium binds to its receptors and slows the firing of neurons, which makes "
    assert next(p for s, p in pairs.items() if s.startswith(split)).bead == (1, 2)


def test_gale_church_keeps_order_and_covers_everything() -> None:
    beads = gale_church([10, 20, 30], [11, 22, 33])
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def _facts(name: str, lang: str, *alternates: tuple[str, str]) -> PageFacts:
    return PageFacts(name, lang, f"{name}.html", PageLinks(None, alternates))


@pytest.mark.parametrize(
    ("pages", "declared", "original", "reason"),
    [
        (
            [_facts("a-en", "en"), _facts("a-fr", "fr", ("en", "https://x.org/a-en/"))],
            [],
            "a-en",
            "referenced",
        ),
        (
            [
                _facts("a-en", "en", ("fr", "/fr/a-fr.html"), ("x-default", "/fr/a-fr.html")),
                _facts("a-fr", "fr", ("en", "/a-en.html")),
            ],
            [],
            "a-fr",
            "x-default",
        ),
        ([_facts("a-en", "en"), _facts("a-fr", "fr")], [["a-fr", "a-en"]], "a-fr", "declared"),
    ],
)
def test_the_original_rule(
    pages: list[PageFacts], declared: list[list[str]], original: str, reason: str
) -> None:
    (family,) = find_families(pages, declared)
    assert (family.original.name, family.reason) == (original, reason)


def test_absolute_hreflang_urls_resolve_by_slug() -> None:
    pages = [
        _facts("b-nl", "nl", ("fr", "https://www.longevia.nl/fr/b-fr.html")),
        _facts("b-fr", "fr", ("nl", "https://www.longevia.nl/nl/b-nl.html")),
        _facts("lonely", "fr", ("en", "https://elsewhere.org/missing.html")),
    ]
    (family,) = find_families(pages, evidence=lambda page, lang: 0)
    assert family.member("fr") is not None
    assert family.member("fr").url == "https://www.longevia.nl/fr/b-fr.html"  # type: ignore[union-attr]
    assert family.reason == "first by name"


def test_bundled_families_and_their_originals() -> None:
    """The seed pages are the published translations; only missing languages are targets."""
    settings = load_settings(start=Path(__file__).parent.parent)
    articles = {a.name: a for a in discover(settings)}
    assert articles["magnesium-cauchemars"].targets(settings) == ()
    assert articles["magnesium-l-threonate"].targets(settings) == ()
    assert articles["magnesium-nightmares"].targets(settings) == ("nl",)
    assert articles["magnesium-nightmares"].published(settings) == ("fr",)
    assert articles["magnesium-l-threonaat"].targets(settings) == ("en",)
    family = articles["magnesium-l-threonaat"].family
    assert family is not None and family.reason == "leftovers"
    assert articles["routine-du-soir"].family is None
