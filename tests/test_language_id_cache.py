"""The judge's persistent verdict cache: a rerun judges nothing afresh, and the key
covers what a verdict depends on."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.language_id.cache import VerdictCache
from pipeline.language_id.evidence import EvidenceJudge, SiteEvidence
from pipeline.language_id.verdicts import Verdict


class Counted:
    """Counts the texts the judge judges afresh (the cache missed them)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts = 0
        real = EvidenceJudge._judge_afresh

        def counting(judge: EvidenceJudge, items: Sequence[tuple[str, str, str]]) -> list[Verdict]:
            self.texts += len(items)
            return real(judge, items)

        monkeypatch.setattr(EvidenceJudge, "_judge_afresh", counting)


def test_a_second_check_judges_no_text_afresh_and_reports_the_same(
    project: Path,
    own_cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(project)
    counted = Counted(monkeypatch)
    main(["check", "source_articles", "--format", "json"])
    first = capsys.readouterr().out
    assert counted.texts > 100
    assert (own_cache_dir / "verdicts.sqlite3").exists()

    counted.texts = 0
    main(["check", "source_articles", "--format", "json"])
    assert counted.texts == 0
    assert capsys.readouterr().out == first


def test_the_glossary_is_part_of_the_key(tmp_path: Path) -> None:
    cache = VerdictCache(tmp_path)
    text = "Geschreven door Inès"
    assert EvidenceJudge(cache=cache).judge(text, "fr", "byline").foreign
    again = EvidenceJudge(glossary=["Geschreven door"], cache=cache).judge(text, "fr", "byline")
    assert not again.foreign  # the glossary blanks the words that made it foreign
    # and the first configuration still finds its own verdict
    before = cache.hits
    assert EvidenceJudge(cache=cache).judge(text, "fr", "byline").foreign
    assert cache.hits == before + 1


def test_site_neutral_words_are_part_of_the_key(tmp_path: Path) -> None:
    """A word the site writes in two languages is neutral; the cache must see it."""
    cache = VerdictCache(tmp_path)
    judge = EvidenceJudge(cache=cache)
    text = ("Wijnhuis Zonnebloem", "fr", "heading")
    alone = judge.judge_many([text])
    site = SiteEvidence.learn(
        [
            ("Chez nous, le Wijnhuis Zonnebloem cuisine bien ensemble chaque semaine.", "fr"),
            ("Bij ons kookt het Wijnhuis Zonnebloem samen elke week opnieuw.", "nl"),
        ]
    )
    with_site = judge.judge_many([text], site=site)
    assert alone[0].foreign and with_site[0].reason == "name"
    assert with_site == EvidenceJudge().judge_many([text], site=site)


def test_cached_verdicts_equal_fresh_ones(tmp_path: Path) -> None:
    items = [
        ("Written by Inès Vermeulen · Gepubliceerd op 3 maart 2024", "en", "byline"),
        ("Le magnésium aide à dormir.", "fr", "text"),
        ("https://example.com", "nl", "attribute"),
    ]
    fresh = EvidenceJudge().judge_many(items)
    cache = VerdictCache(tmp_path)
    EvidenceJudge(cache=cache).judge_many(items)
    assert EvidenceJudge(cache=cache).judge_many(items) == fresh
    assert cache.hits == len(items)


def test_an_unreadable_cache_file_only_turns_the_cache_off(tmp_path: Path) -> None:
    (tmp_path / "verdicts.sqlite3").write_bytes(b"not a database" * 100)
    cache = VerdictCache(tmp_path)
    verdict = EvidenceJudge(cache=cache).judge("Geschreven door", "fr", "byline")
    assert verdict.foreign and cache.broken
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(tmp_path / "verdicts.sqlite3").execute("SELECT 1 FROM verdict")
