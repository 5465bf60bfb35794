"""Real Argos models, when installed: the output is in the target language.

Skipped otherwise (this machine has no network to fetch them). To run it:
``tolk models install fr-en en-fr nl-en en-nl`` online, or
``tolk models install --from FILE.argosmodel`` with files fetched elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pipeline.engines.argos.engine import ArgosEngine
from pipeline.engines.argos.packages import list_models, resolve_packages_dir
from pipeline.text.codes import code_problems, strip_codes

pytestmark = [pytest.mark.realmodels, pytest.mark.slow]

SENTENCES = {
    "fr": [
        "Le magnésium aide à réduire le stress et la fatigue.",
        "Lisez notre <g1>article complet</g1> sur le sommeil.",
        "Les pics de cortisol baissent lentement après un repas équilibré.",
    ],
    "nl": [
        "Magnesium helpt om stress en vermoeidheid te verminderen.",
        "Lees ons <g1>volledige artikel</g1> over slaap.",
        "De cortisolpieken dalen langzaam na een evenwichtige maaltijd.",
    ],
    "en": [
        "Magnesium helps to reduce stress and fatigue.",
        "Read our <g1>full article</g1> about sleep.",
        "Cortisol peaks fall slowly after a balanced meal.",
    ],
}

INSTALL = (
    "no real Argos models installed in {where}; install them with "
    "`tolk models install fr-en en-fr nl-en en-nl` (online) or "
    "`tolk models install --from FILE.argosmodel` (offline)"
)


@pytest.fixture(scope="module")
def real_engine() -> Iterator[ArgosEngine]:
    where = resolve_packages_dir()
    if not list_models(where):
        pytest.skip(INSTALL.format(where=where))
    yield ArgosEngine(cache=False)


def _pairs(engine: ArgosEngine) -> list[tuple[str, str]]:
    return [(s, t) for (s, t) in engine.pairs() if s in SENTENCES and t in SENTENCES]


def test_real_models_translate_into_the_target_language(real_engine: ArgosEngine) -> None:
    from pipeline.language_id.lingua import detect_language

    pairs = _pairs(real_engine)
    if not pairs:
        pytest.skip(INSTALL.format(where=resolve_packages_dir()))
    for src, tgt in pairs:
        texts = SENTENCES[src]
        for source, result in zip(texts, real_engine.translate(texts, src, tgt), strict=True):
            assert code_problems(source, result.text) == [], (src, tgt, result.text)
            lang, confidence = detect_language(strip_codes(result.text))
            assert lang == tgt, (src, tgt, result.text, lang, confidence)
            assert result.comment.startswith("machine: argos ")
