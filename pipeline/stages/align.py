"""Align: every family's published translations into the memory's store.

Each published translation is aligned with its original
(:mod:`pipeline.families.align`) and the pairs replace, in
``locales/memory.jsonl``, those an earlier run aligned from the same page. A
reviewed unit of another origin (a translator's) is never replaced by one.
Their origin says where they came from (``aligned: source_articles/x.html``),
so a translator sees it in the catalog comment and in TMX exports. The store is
written only when the pairs changed, so a rerun writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.config import Settings
from pipeline.families import Family
from pipeline.families.align import align_segments
from pipeline.html.rules import site_rules
from pipeline.manifest import Manifest
from pipeline.memory import TMUnit, TranslationMemory
from pipeline.memory.units import ALIGNED_PREFIX
from pipeline.project import Article, find_project_families, load_store, memory_path

"""How the origin of an aligned unit starts."""


@dataclass(frozen=True)
class AlignReport:
    """Families and pairs aligned, how many pairs are fuzzy, and whether the store changed."""

    families: int
    pairs: int
    fuzzy: int
    written: bool


def family_units(settings: Settings, family: Family) -> list[TMUnit]:
    """The aligned pairs of a family, original -> each published translation."""
    from pipeline.html.extract import extract_file  # the parser, only for families

    rules = site_rules(settings)
    original = extract_file(family.original.path, rules=rules)
    units = []
    for member in family.translations:
        origin = ALIGNED_PREFIX + settings.relative(Path(member.path))
        for pair in align_segments(
            original.segments, extract_file(member.path, rules=rules).segments
        ):
            if pair.leftover:
                continue  # "Published on" left on the French page teaches nothing
            units.append(
                TMUnit(
                    family.original.lang, member.lang, pair.source, pair.target, pair.fuzzy, origin
                )
            )
    return units


def align_families(settings: Settings, articles: list[Article]) -> AlignReport:
    """Replace the store's aligned units with those of today's families."""
    families = find_project_families(articles)
    # Aligning parses every page of every family: skip it when those pages and
    # the store are as the last alignment left them (see pipeline.manifest).
    manifest = Manifest(settings)
    pages = sorted({Path(m.path) for f in families for m in f.members})
    shape = repr([[(m.name, m.lang) for m in f.members] for f in families])
    files = [*pages, memory_path(settings)]
    last = manifest.extra("align")
    if manifest.fresh("align", "families", manifest.fingerprint("align", files, shape)):
        done, pairs, fuzzy = (int(n) for n in last.get("counts", "0 0 0").split())
        return AlignReport(done, pairs, fuzzy, written=False)
    report = _align(settings, families)
    manifest.record("align", "families", manifest.fingerprint("align", files, shape))
    last["counts"] = f"{report.families} {report.pairs} {report.fuzzy}"
    manifest.save()
    return report


def _align(settings: Settings, families: list[Family]) -> AlignReport:
    units = [u for family in families for u in family_units(settings, family)]
    store = load_store(settings)
    kept = [u for u in store.units() if not u.origin.startswith(ALIGNED_PREFIX)]
    fresh = TranslationMemory(kept)
    # A translator's reviewed unit outranks what a published page shows: the
    # page may carry an older or sloppier text (straight apostrophes), and the
    # memory keeps one unit per source, so adding the aligned one would drop it.
    reviewed = {(u.src_lang, u.tgt_lang, u.source) for u in kept if not u.fuzzy}
    for unit in units:
        if (unit.src_lang, unit.tgt_lang, unit.source) not in reviewed:
            fresh.add(unit)
    written = False
    if fresh.units() != store.units():
        fresh.save(memory_path(settings))
        written = True
    fuzzy = sum(1 for u in units if u.fuzzy)
    return AlignReport(len(families), len(units), fuzzy, written)
