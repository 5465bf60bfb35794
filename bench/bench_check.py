"""Benchmark: ``tolk check`` throughput on a few hundred pages, against a naive peer.

Run as ``python bench/bench_check.py`` (well under two minutes). It writes
pages generated from the bundled articles (each article several times, with
its paragraphs in another order and its numbers changed; every body sentence
also carries a page-specific reference, so only menus, footers and head
metadata repeat, as on a real site) to a temporary folder, then times:

* Tolk: :func:`pipeline.checks.runner.run_checks` over the folder, every check
  on (language identification batched with ``judge_many``, lexicon checks,
  dates, typography, duplicates) and the JSON report rendered, as
  ``tolk check --format json`` does;
* the same check again, warm: a new judge over the same persistent verdict
  cache (:mod:`pipeline.language_id.cache`), with the in-process Lingua memo
  emptied, as a second ``tolk check`` in a new process sees it;
* a naive peer: a per-segment loop of Lingua's ``detect_language_of`` over
  the same segments (language identification only, no rules, no batching).

Both detectors are loaded before timing. Prints pages/s and segments/s for
each, and the ratio.
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.checks.inputs import find_inputs, load_file
from pipeline.checks.output import render_json
from pipeline.checks.runner import run_checks
from pipeline.text.codes import strip_codes

if TYPE_CHECKING:
    from pipeline.language_id.cache import VerdictCache
    from pipeline.language_id.verdicts import Verdict

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "source_articles"
COPIES = 36  # per article: 8 articles -> 288 pages
SEED = 7


def generate(folder: Path, copies: int = COPIES, seed: int = SEED) -> int:
    """Write ``copies`` variants of each bundled article; return how many pages."""
    rng = random.Random(seed)
    count = 0
    for source in sorted(SOURCES.glob("*.html")):
        html = source.read_text(encoding="utf-8")
        paragraphs = re.findall(r"\n\s*<p>.*?</p>", html)
        for n in range(copies):
            page = html
            if len(paragraphs) > 1:
                shuffled = paragraphs[:]
                rng.shuffle(shuffled)
                for old, new in zip(paragraphs, shuffled, strict=True):
                    page = page.replace(old, f"\x00{new}\x00", 1)
                page = page.replace("\x00", "")
            page = re.sub(
                r"(?<![\w./-])(\d{2,3})(?![\w/-])",
                lambda m: str(int(m.group(1)) + rng.randint(1, 9)),
                page,
            )
            # every body sentence gets a page-specific reference, so no two pages
            # share body text (menus, footers and head metadata stay shared, as
            # on a real site)
            page = re.sub(
                r"(<(?:p|li|h2|h3)\b[^>]*>)(.*?)(</(?:p|li|h2|h3)>)",
                _referencer(f" [{count}]"),
                page,
            )
            target = folder / f"{source.stem}-{n:03d}.html"
            target.write_text(page, encoding="utf-8")
            count += 1
    return count


def _referencer(mark: str) -> Callable[[re.Match[str]], str]:
    """A substitution adding ``mark`` before the end of each sentence of a block."""

    def add(m: re.Match[str]) -> str:
        body = re.sub(r"([.?!])(\s|$)", lambda s: f"{mark}{s.group(1)}{s.group(2)}", m.group(2))
        return m.group(1) + body + m.group(3)

    return add


def peer_detect(texts: list[str]) -> float:
    """The naive peer: one Lingua call per segment; returns the seconds taken."""
    from lingua import Language, LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_languages(
        Language.FRENCH, Language.DUTCH, Language.ENGLISH
    ).build()
    detector.detect_language_of("warm up the models")
    start = time.perf_counter()
    for text in texts:
        detector.detect_language_of(text)
    return time.perf_counter() - start


class TimedJudge:
    """The project's language judge, with the time spent in it counted."""

    def __init__(self, cache: VerdictCache | None = None) -> None:
        from pipeline.language_id.evidence import EvidenceJudge

        self.judge = EvidenceJudge(cache=cache)
        self.seconds = 0.0
        self.texts = 0

    def judge_many(self, items: Sequence[tuple[str, str, str]]) -> list[Verdict]:
        start = time.perf_counter()
        try:
            return self.judge.judge_many(items)
        finally:
            self.seconds += time.perf_counter() - start
            self.texts += len(items)


def main() -> int:
    """Generate the pages, time both, print the table."""
    with tempfile.TemporaryDirectory(prefix="tolk-bench-") as tmp:
        folder = Path(tmp)
        pages = generate(folder)
        files = [load_file(p) for p in find_inputs([folder])]
        texts = [strip_codes(i.text) for f in files for i in f.items if i.foreign is None]
        segments = sum(len(f.items) for f in files)

        # warm up: Lingua's models and the lexicon, once, outside the timing
        run_checks([SOURCES / "magnesium-cauchemars.html"])

        from pipeline.language_id import evidence
        from pipeline.language_id.cache import VerdictCache

        cache = VerdictCache(Path(tmp) / "cache")
        judge = TimedJudge(cache)
        start = time.perf_counter()
        report = run_checks([folder], judge=judge)
        cold_json = render_json(report)
        tolk_seconds = time.perf_counter() - start

        evidence._LINGUA.clear()  # a new process starts without the memo
        warm = TimedJudge(VerdictCache(cache.path))
        start = time.perf_counter()
        warm_json = render_json(run_checks([folder], judge=warm))
        warm_seconds = time.perf_counter() - start
        assert warm_json == cold_json, "a warm check must report exactly what a cold one did"

        peer_seconds = peer_detect(texts)

    rows = [
        ("tolk check (all checks), cold", pages, segments, tolk_seconds),
        ("  of which: language judge", pages, judge.texts, judge.seconds),
        ("  of which: the rest", pages, segments, tolk_seconds - judge.seconds),
        ("tolk check, warm verdict cache", pages, segments, warm_seconds),
        ("  of which: language judge", pages, warm.texts, warm.seconds),
        ("naive lingua loop (language only)", pages, len(texts), peer_seconds),
    ]
    print(f"{'run':<36} {'pages':>6} {'segments':>9} {'seconds':>8} {'pages/s':>8} {'segs/s':>8}")
    for name, n_pages, n_segs, seconds in rows:
        print(
            f"{name:<36} {n_pages:>6} {n_segs:>9} {seconds:>8.2f} "
            f"{n_pages / seconds:>8.1f} {n_segs / seconds:>8.0f}"
        )
    print(
        f"ratio: tolk check runs at {peer_seconds / tolk_seconds:.2f}x the naive loop's "
        f"speed ({tolk_seconds / peer_seconds:.1f}x its time), with {len(report.checks)} "
        f"checks instead of language identification alone; {len(report.findings)} findings."
    )
    print(
        f"warm: {warm_seconds:.2f} s, {warm_seconds / tolk_seconds:.0%} of the cold run, "
        f"{peer_seconds / warm_seconds:.2f}x the naive loop's speed; the judge took "
        f"{warm.seconds:.2f} s instead of {judge.seconds:.2f} s (same report)"
    )
    print(
        f"the judge saw {judge.texts} distinct texts of {len(texts)} (repeats judged once); "
        f"its rules and mixed-sentence spans cost {judge.seconds / max(judge.texts, 1) * 1000:.2f}"
        f" ms per text, the naive loop {peer_seconds / max(len(texts), 1) * 1000:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
