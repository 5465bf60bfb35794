"""Shared fixtures: paths to the bundled project, a scratch copy of it, and the fake
language judge every check and fix test uses."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

from pipeline.language_id.verdicts import Span, Verdict

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "source_articles"


@pytest.fixture(autouse=True)
def own_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test caches translations and verdicts in its own folder, never the user's."""
    where = tmp_path / "tolk-cache"
    monkeypatch.setenv("TOLK_CACHE_DIR", str(where))
    return where


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled project (articles, locales, settings) to run stages on."""
    dest = tmp_path / "project"
    dest.mkdir()
    shutil.copytree(SOURCES, dest / "source_articles")
    if (ROOT / "locales").is_dir():
        shutil.copytree(ROOT / "locales", dest / "locales")
    (dest / "tolk.toml").write_text('languages = ["fr", "nl", "en"]\n', encoding="utf-8")
    return dest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that load translation models (the tiny Argos set) are slow: mark them so."""
    for item in items:
        if "tiny_argos_packages" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def tiny_argos_packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An Argos packages directory with tiny models, built once per session.

    nl->en (1.8) and en->fr (1.9) copy their input, so output is predictable
    and nl->fr goes through English; fr->en (1.0) has random weights and emits
    garbage. See tests/tiny_argos.py.
    """
    from tests.tiny_argos import install_tiny_set

    return install_tiny_set(tmp_path_factory.mktemp("argos"))


class FakeJudge:
    """A language judge that is fast and predictable: a text holding a marker word
    is in the marker's language; any other text is in the language expected.

    ``mixed`` names a marker whose text is only half foreign (a "mixed" verdict
    with a span from the marker on); ``unsure`` maps markers to a language the
    judge only guesses (not flagged, reason "low-confidence"). The judge counts its batches (``calls``)
    and keeps every item it saw (``seen``), so tests can check batching and the
    contexts passed. This is the one fake of the test suite: the checks, the
    runner and ``tolk fix`` tests configure it instead of writing their own.
    """

    def __init__(
        self,
        markers: Mapping[str, str] | None = None,
        *,
        confidence: float = 1.0,
        passing: float = 1.0,
        mixed: str | None = None,
        unsure: Mapping[str, str] | None = None,
    ) -> None:
        self.markers = dict(markers or {})
        self.unsure = dict(unsure or {})
        self.confidence = confidence
        self.passing = passing
        self.mixed = mixed
        self.calls = 0
        self.seen: list[tuple[str, str, str]] = []

    def judge_many(self, items: Sequence[tuple[str, str, str]]) -> list[Verdict]:
        """One verdict per ``(text, expected language, context)``."""
        self.calls += 1
        self.seen.extend(items)
        verdicts = []
        for text, expected, _context in items:
            found = next((lang for word, lang in self.markers.items() if word in text), None)
            guess = next((lang for word, lang in self.unsure.items() if word in text), None)
            if found is None and guess is not None:
                verdicts.append(Verdict(text, expected, guess, 0.5, False, "low-confidence"))
            elif found is None:
                verdicts.append(Verdict(text, expected, expected, self.passing, False, "fake"))
            elif self.mixed is not None and self.mixed in text:
                spans = (Span(text.index(self.mixed), len(text), found, 0.9),)
                verdicts.append(Verdict(text, expected, found, 0.9, True, "mixed", spans))
            else:
                verdicts.append(Verdict(text, expected, found, self.confidence, True, "fake"))
        return verdicts


@pytest.fixture
def fake_judge() -> Callable[..., FakeJudge]:
    """Make a :class:`FakeJudge`: ``fake_judge({"English": "en"})``."""
    return FakeJudge
