"""Benchmark: fuzzy lookups in a 10,000-unit translation memory, against two peers.

Run as ``python bench/bench_memory.py`` (under a minute). It builds a memory
from generated French sentences in the style of the project's articles (with
inline codes on some), then times the same queries three ways:

* Tolk's :meth:`TranslationMemory.lookup` (index, then rapidfuzz);
* a naive linear scan: ``rapidfuzz.process.extractOne`` over every source;
* Translate Toolkit's ``translate.search.match.matcher`` (the TM behind
  ``pot2po``), on fewer queries when it is slow.

It also reports how often Tolk's best fuzzy match is as good as the naive
scan's, since the index only scores the candidates it picks.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process

from pipeline.memory import (
    TMMatch,
    TMUnit,
    TranslationMemory,
    comparable,
    fit_codes,
    fuzzy_score,
)
from pipeline.text.codes import has_codes

UNITS = 10_000
QUERIES = 300
PEER_QUERIES = 100
SEED = 20260128

R = TypeVar("R")

SUBJECTS = [
    "le magnésium",
    "la mélatonine",
    "le zinc",
    "la vitamine D",
    "le glycinate de magnésium",
    "une carence en fer",
    "le stress chronique",
    "la caféine",
    "un bain chaud",
    "la lumière bleue",
    "le cortisol",
    "une alimentation riche en fibres",
    "le sommeil profond",
    "la méditation",
    "une marche quotidienne",
    "le thé vert",
    "l'alcool",
    "un dîner trop tardif",
    "la sérotonine",
    "le tryptophane",
    "une routine du soir",
    "la respiration lente",
    "le jeûne intermittent",
]
VERBS = [
    "réduit",
    "améliore",
    "favorise",
    "perturbe",
    "régule",
    "aggrave",
    "soutient",
    "apaise",
    "prolonge",
    "raccourcit",
    "influence",
    "stabilise",
    "protège",
    "diminue",
    "augmente",
]
OBJECTS = [
    "les cauchemars chroniques",
    "la qualité du sommeil",
    "la tension musculaire",
    "l'anxiété nocturne",
    "les réveils précoces",
    "la digestion",
    "l'humeur du matin",
    "le rythme circadien",
    "la mémoire à long terme",
    "les crampes nocturnes",
    "la récupération après l'effort",
    "la concentration",
    "les migraines",
    "la fatigue",
    "le système nerveux",
    "la pression artérielle",
    "les rêves vivaces",
    "l'endormissement",
]
TAILS = [
    "chez les adultes",
    "selon une étude récente",
    "après quelques semaines",
    "chez la plupart des patients",
    "sans effets secondaires notables",
    "en hiver",
    "lorsqu'il est pris le soir",
    "à faible dose",
    "chez les personnes âgées",
    "d'après les chercheurs",
    "dans certains cas",
    "pendant la grossesse",
    "chez les sportifs",
    "quand on le combine avec du zinc",
    "au bout de trois mois",
]
OPENERS = [
    "",
    "",
    "",
    "En pratique, ",
    "Selon nos lecteurs, ",
    "Pourtant, ",
    "De plus, ",
    "Il est prouvé que ",
    "On observe que ",
    "Certains pensent que ",
    "Attention : ",
]
NUMBERS = ["", "", " de 20 %", " de 35 %", " de moitié", " d'un tiers", " de 10 %"]


def sentence(rng: random.Random) -> str:
    """One sentence in the style of the articles, sometimes with inline codes."""
    subject, verb, obj, tail = (
        rng.choice(SUBJECTS),
        rng.choice(VERBS),
        rng.choice(OBJECTS),
        rng.choice(TAILS),
    )
    opener = rng.choice(OPENERS)
    text_subject = subject if opener else subject[0].upper() + subject[1:]
    if rng.random() < 0.25:
        text_subject = f"<g1>{text_subject}</g1>"
    extra = f", {rng.choice(TAILS)}" if rng.random() < 0.4 else ""
    end = "<x2/>" if "<g1>" in text_subject and rng.random() < 0.3 else ""
    return f"{opener}{text_subject} {verb} {obj}{rng.choice(NUMBERS)} {tail}{extra}.{end}"


def perturb(text: str, rng: random.Random) -> str:
    """A near copy: a word swapped, dropped or mistyped, as a revised sentence would be."""
    words = text.split(" ")
    k = rng.randrange(len(words))
    action = rng.choice(["swap", "drop", "typo", "add"])
    if action == "swap":
        words[k] = rng.choice(["souvent", "parfois", "nettement", "aussi", "surtout"])
    elif action == "drop" and len(words) > 4:
        del words[k]
    elif action == "typo" and len(words[k]) > 3:
        w = words[k]
        i = rng.randrange(len(w) - 1)
        words[k] = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    else:
        words.insert(k, rng.choice(["vraiment", "clairement", "également"]))
    return " ".join(words)


def build_units(rng: random.Random) -> list[TMUnit]:
    seen: set[str] = set()
    units: list[TMUnit] = []
    while len(units) < UNITS:
        source = sentence(rng)
        if source in seen:
            continue
        seen.add(source)
        target = "NL: " + source  # the target does not matter to lookup speed
        units.append(TMUnit("fr", "nl", source, target, fuzzy=rng.random() < 0.1))
    return units


def timed(fn: Callable[[str], R], queries: list[str]) -> tuple[list[float], list[R]]:
    times: list[float] = []
    results: list[R] = []
    for q in queries:
        start = time.perf_counter()
        results.append(fn(q))
        times.append((time.perf_counter() - start) * 1000)
    return times, results


def summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def main() -> int:
    rng = random.Random(SEED)
    units = build_units(rng)
    start = time.perf_counter()
    memory = TranslationMemory(units)
    build_ms = (time.perf_counter() - start) * 1000
    sources = [u.source for u in units]
    queries = [perturb(rng.choice(sources), rng) for _ in range(QUERIES * 2 // 3)]
    queries += [sentence(rng) for _ in range(QUERIES - len(queries))]
    rng.shuffle(queries)

    def tolk(q: str) -> list[TMMatch]:
        return memory.lookup("fr", "nl", q, threshold=75.0, limit=3)

    norms = [comparable(s) for s in sources]

    def naive(q: str) -> tuple[str, float, int] | None:
        return process.extractOne(comparable(q), norms, scorer=fuzz.ratio, score_cutoff=75.0)

    start = time.perf_counter()
    tolk(queries[0])  # the first lookup also builds the index's bitmasks
    first_ms = (time.perf_counter() - start) * 1000
    for q in queries[:20]:  # warm up caches and the CPU
        tolk(q)
        naive(q)
    tolk_times, tolk_results = timed(tolk, queries)
    naive_times, naive_results = timed(naive, queries)

    # How often Tolk's best match is as good as the full scan's best would be,
    # scored Tolk's way (code bonus or penalty): the index only scores the
    # candidates it picks, so this is its recall.
    found = agree = 0
    for q, got, want in zip(queries, tolk_results, naive_results, strict=True):
        if want is None:
            continue
        source = sources[want[2]]
        _, fit, same_order = fit_codes(q, source, "")
        wanted = (
            100.0
            if source == q
            else fuzzy_score(want[1], fit=fit, agree=same_order, has_codes=has_codes(q))
        )
        if wanted < 75.0:
            continue
        found += 1
        agree += bool(got) and got[0].score >= wanted - 1e-6

    tm, tp = summary(tolk_times)
    nm, np_ = summary(naive_times)
    print(
        f"memory: {len(memory)} units (fr->nl), built in {build_ms:.0f} ms;"
        f" first lookup {first_ms:.0f} ms (builds the bitmasks)"
    )
    print(f"queries: {len(queries)} (2/3 revised copies of remembered sentences, 1/3 new)")
    print(f"{'':28} {'median ms':>10} {'p95 ms':>10}   peer/tolk (median / p95)")
    print(f"{'tolk lookup (limit 3)':28} {tm:10.3f} {tp:10.3f}")
    print(f"{'naive extractOne scan':28} {nm:10.3f} {np_:10.3f}   x{nm / tm:.1f} / x{np_ / tp:.1f}")
    print(f"best match as good as the full scan's: {agree}/{found} queries")

    try:
        from translate.search.match import matcher
        from translate.storage import po
    except ImportError:
        print("translate-toolkit not installed: its matcher is skipped")
        return 0
    store = po.pofile()
    for unit in units:
        pounit = store.addsourceunit(unit.source)
        pounit.target = unit.target
    tt = matcher(store, max_candidates=3, min_similarity=75, max_length=1000)
    peer = queries[:PEER_QUERIES]
    tt_times, _ = timed(tt.matches, peer)
    own, _ = timed(tolk, peer)
    sm, sp = summary(tt_times)
    om, op = summary(own)
    print(
        f"{'translate-toolkit matcher':28} {sm:10.3f} {sp:10.3f}   x{sm / om:.1f} / x{sp / op:.1f}"
        f"   ({len(peer)} queries)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
