"""The translation memory: exact and fuzzy matches, and which unit wins.

Matching
    A query is answered by an **exact** match (the same text with the same
    codes, score 100) and by **fuzzy** matches scored with rapidfuzz's
    ``fuzz.ratio`` on the *comparable* text: codes removed, whitespace
    collapsed, case folded (see :func:`comparable`). Codes are judged apart, so
    markup never makes two sentences look alike or different:

    * the codes *fit* when the query and the remembered source have as many
      paired and as many standalone codes; the target is then renumbered to the
      query's codes (:func:`fit_codes`);
    * codes that fit and also sit in the same order earn ``CODE_BONUS`` (2
      points) when there are codes at all: two candidates with the same words
      are told apart by the one whose markup will drop in without edits;
    * codes that do not fit cost ``CODE_PENALTY`` (5 points) and the match says
      ``codes_fit=False``: its target still helps a translator but cannot be
      used as it is.

    A fuzzy score is capped at 99 so that only an exact match reaches 100.
    Units that came from fuzzy (unreviewed) catalog entries rank below reviewed
    ones of equal score.

Precedence
    One unit is kept per (source language, target language, source text). Units
    come from two kinds of origin: **catalogs** (the origin is the path of a .po
    file, e.g. ``locales/nl/LC_MESSAGES/magnesium.po``), read afresh each run,
    and the **store** (anything else: ``import:old.tmx``, a translator's seed),
    filled by TMX imports. When one source has several targets:

    1. a reviewed unit beats a fuzzy one;
    2. then a catalog unit beats a store unit: a translator's reviewed catalog
       entry outranks whatever was imported;
    3. then, among catalog units, the target seen most often wins, then the
       smallest, so the answer never depends on the order catalogs were read in;
    4. among store units, the last import wins: :meth:`TranslationMemory.import_tmx`
       replaces the store units of every source the file brings (within one
       file, rule 3 applies), so importing a corrected TMX after an old one
       keeps the correction.

"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process

from pipeline.languages import LANGUAGES
from pipeline.memory.index import Bucket, comparable
from pipeline.memory.units import TMMatch, TMUnit
from pipeline.text.codes import CODE_RE, codes_of, has_codes, renumber

DEFAULT_THRESHOLD = 75.0
"""Lowest fuzzy score offered, in percent, unless the caller asks otherwise."""

CODE_BONUS = 2.0
"""Points added when query and unit carry codes that fit in the same order."""

CODE_PENALTY = 5.0
"""Points taken when the unit's codes cannot be fitted to the query's."""

FUZZY_CAP = 99.0
"""Highest score a non-exact match can reach, so that 100 means exact."""


def _code_ids(text: str) -> tuple[list[int], list[int]] | None:
    """Paired and standalone code numbers in order of first appearance (None if clashing)."""
    paired: list[int] = []
    single: list[int] = []
    for m in CODE_RE.finditer(text):
        if m.group(3) is not None:
            n = int(m.group(3))
            if n not in single:
                single.append(n)
        else:
            n = int(m.group(2))
            if n not in paired:
                paired.append(n)
    if set(paired) & set(single):
        return None
    return paired, single


def fit_codes(query: str, source: str, target: str) -> tuple[str, bool, bool]:
    """Renumber ``target``'s codes so they fit ``query``; say whether they fit and agree.

    The codes fit when the query and the remembered source have as many paired
    and as many standalone codes, and the target uses only the source's codes:
    the n-th paired (standalone) code of the source then becomes the n-th of the
    query. They agree when, once renumbered, the source's codes are the query's
    in the same order. Returns ``(target, fit, agree)``; a target that does not
    fit comes back unchanged.

    >>> fit_codes("<g1>Mg</g1> helps<x2/>", "<x1/>Mg <g2>aids</g2>", "<g2>Mg</g2> hilft<x1/>")
    ('<g1>Mg</g1> hilft<x2/>', True, False)
    >>> fit_codes("<g1>a</g1>", "<g1>b</g1>", "<g1>c</g1>")
    ('<g1>c</g1>', True, True)
    >>> fit_codes("plain", "<g1>b</g1>", "<g1>c</g1>")
    ('<g1>c</g1>', False, False)
    """
    q_ids = _code_ids(query)
    s_ids = _code_ids(source)
    t_ids = _code_ids(target)
    if q_ids is None or s_ids is None or t_ids is None:
        return target, False, False
    (q_paired, q_single), (s_paired, s_single), (t_paired, t_single) = q_ids, s_ids, t_ids
    if len(q_paired) != len(s_paired) or len(q_single) != len(s_single):
        return target, False, False
    if not set(t_paired) <= set(s_paired) or not set(t_single) <= set(s_single):
        return target, False, False
    mapping = dict(zip(s_paired, q_paired, strict=True)) | dict(
        zip(s_single, q_single, strict=True)
    )
    agree = codes_of(renumber(source, mapping)) == codes_of(query)
    return renumber(target, mapping), True, agree


def fuzzy_score(text_score: float, *, fit: bool, agree: bool, has_codes: bool) -> float:
    """A fuzzy match's score from its text similarity and how its codes compare.

    >>> fuzzy_score(90.0, fit=True, agree=True, has_codes=True)
    92.0
    >>> fuzzy_score(90.0, fit=False, agree=False, has_codes=True)
    85.0
    >>> fuzzy_score(100.0, fit=True, agree=True, has_codes=False)
    99.0
    """
    score = text_score
    if not fit:
        score -= CODE_PENALTY
    elif agree and has_codes:
        score += CODE_BONUS
    return max(0.0, min(FUZZY_CAP, score))


def from_catalog(origin: str) -> bool:
    """True when a unit's origin is a catalog (a .po file) rather than the store.

    >>> from_catalog("locales/nl/LC_MESSAGES/magnesium.po"), from_catalog("import:old.tmx")
    (True, False)
    """
    return origin.endswith(".po") and not origin.startswith("import:")


@dataclass(slots=True)
class _Candidates:
    """Every target seen for one (src, tgt, source), so the winner follows the precedence.

    ``seen`` maps (fuzzy, from the store, target) to how often it was seen and
    its smallest origin; the winner is the smallest key by the module's rules.
    """

    seen: dict[tuple[bool, bool, str], tuple[int, str]] = field(default_factory=dict)
    winner: TMUnit | None = None

    def add(self, unit: TMUnit) -> None:
        key = (unit.fuzzy, not from_catalog(unit.origin), unit.target)
        count, origin = self.seen.get(key, (0, unit.origin))
        self.seen[key] = (count + 1, min(origin, unit.origin))
        self._choose(unit.src_lang, unit.tgt_lang, unit.source)

    def drop_store(self) -> None:
        """Forget the store's units (a new import replaces them); catalog units stay."""
        if self.winner is None:
            return
        src, tgt, source = self.winner.src_lang, self.winner.tgt_lang, self.winner.source
        self.seen = {k: v for k, v in self.seen.items() if not k[1]}
        self._choose(src, tgt, source)

    def _choose(self, src: str, tgt: str, source: str) -> None:
        if not self.seen:
            self.winner = None
            return
        # Reviewed first, then catalog before store, then the most frequent, then the smallest.
        (fuzzy, _store, target), (_, best_origin) = min(
            self.seen.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1][0], kv[0][2])
        )
        self.winner = TMUnit(src, tgt, source, target, fuzzy, best_origin)


class TranslationMemory:
    """Remembered translations per language pair, answering exact and fuzzy queries.

    One unit is kept per (source language, target language, source text). When
    the same source comes again with another target, a reviewed unit beats a
    fuzzy one, a catalog unit beats a store one, then the target seen most
    often wins, then the smallest, so the memory never depends on the order its
    files were read in; only :meth:`import_tmx` replaces earlier store units
    (see "Precedence" in the module's docstring).
    """

    def __init__(self, units: Iterable[TMUnit] = ()) -> None:
        self._entries: dict[tuple[str, str, str], _Candidates] = {}
        self._buckets: dict[tuple[str, str], Bucket] = {}
        for unit in units:
            self.add(unit)

    def add(self, unit: TMUnit) -> None:
        """Remember a unit; one with an empty source or target carries nothing and is ignored."""
        if not unit.source or not unit.target:
            return
        key = (unit.src_lang, unit.tgt_lang, unit.source)
        candidates = self._entries.get(key)
        if candidates is None:
            candidates = self._entries[key] = _Candidates()
            self._buckets.setdefault((unit.src_lang, unit.tgt_lang), Bucket()).add(unit.source)
        candidates.add(unit)

    def __len__(self) -> int:
        return len(self._entries)

    def units(self) -> list[TMUnit]:
        """Every unit kept, sorted by language pair, source and target."""
        units = [c.winner for c in self._entries.values() if c.winner is not None]
        return sorted(units, key=_unit_order)

    def pairs(self) -> list[tuple[str, str]]:
        """The (source, target) language pairs present, sorted: one TMX file each on export."""
        return sorted(self._buckets)

    def exact(self, src: str, tgt: str, text: str) -> TMMatch | None:
        """The unit whose source is exactly ``text`` (same words, same codes), if any."""
        candidates = self._entries.get((src, tgt, text))
        if candidates is None or candidates.winner is None:
            return None
        unit = candidates.winner
        return TMMatch(unit, 100.0, True, unit.target, True)

    def lookup(
        self,
        src: str,
        tgt: str,
        text: str,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 3,
    ) -> list[TMMatch]:
        """The best matches for ``text``, best first: the exact one, then fuzzy ones.

        Fuzzy matches score at least ``threshold`` (0-100) after the code bonus
        or penalty; among equal scores, units from reviewed entries come first.
        """
        if not 0.0 <= threshold <= 100.0:
            raise ValueError(f"threshold must be between 0 and 100, not {threshold}")
        if limit <= 0:
            return []
        found: list[tuple[tuple[Any, ...], TMMatch]] = []
        exact = self.exact(src, tgt, text)
        if exact is not None:
            found.append(((0, -100.0, exact.unit.fuzzy, -100.0, text, ""), exact))
        bucket = self._buckets.get((src, tgt))
        norm = comparable(text)
        if bucket is not None and norm and not (exact is not None and limit == 1):
            ids = bucket.candidates(norm)
            choices = [bucket.norms[e] for e in ids]
            cutoff = max(0.0, threshold - CODE_BONUS)
            coded = has_codes(text)
            for _, text_score, pos in process.extract(
                norm, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
            ):
                source = bucket.sources[ids[pos]]
                if source == text:
                    continue
                winner = self._entries[(src, tgt, source)].winner
                assert winner is not None
                target, fit, agree = fit_codes(text, source, winner.target)
                score = fuzzy_score(text_score, fit=fit, agree=agree, has_codes=coded)
                if score < threshold:
                    continue
                match = TMMatch(winner, score, False, target, fit)
                found.append(((1, -score, winner.fuzzy, -text_score, source, target), match))
        found.sort(key=lambda item: item[0])
        return [match for _, match in found[:limit]]

    # -- the store and TMX (the formats live in memory.store and formats.tmx) ----

    def save(self, path: Path) -> None:
        """Write the store (JSON Lines, sorted) atomically, so a crash never leaves half a file."""
        from pipeline.memory.store import write_store

        write_store(path, self.units())

    @classmethod
    def load(cls, path: Path) -> TranslationMemory:
        """Read a store written by :meth:`save`; a malformed line raises ``InputError``."""
        from pipeline.memory.store import read_store

        return cls(read_store(path))

    def export_tmx(
        self,
        path: Path,
        *,
        pair: tuple[str, str] | None = None,
        include_fuzzy: bool = True,
    ) -> int:
        """Write TMX 1.4b: one language pair, or every pair in one multilingual file.

        Returns the number of units written (see :func:`pipeline.formats.tmx.write_tmx`).
        """
        from pipeline.formats.tmx import write_tmx

        units = [
            u
            for u in self.units()
            if (pair is None or (u.src_lang, u.tgt_lang) == pair) and (include_fuzzy or not u.fuzzy)
        ]
        return write_tmx(path, units, srclang=pair[0] if pair is not None else "*all*")

    def import_tmx(
        self,
        path: Path,
        *,
        origin: str | None = None,
        languages: Iterable[str] = LANGUAGES,
        known: TranslationMemory | None = None,
    ) -> ImportResult:
        """Read units from a TMX file (Tolk, OmegaT, Trados, Translate Toolkit...).

        Language tags are reduced to their primary language and only
        ``languages`` are kept. Units without their own ``x-tolk-origin`` get
        ``origin``, by default ``import:<file name>``.

        The last import wins: for each source the file brings, the store units
        remembered before (any origin that is not a catalog) are replaced by the
        file's; catalog units stay and still outrank them (see "Precedence" in
        the module's docstring). A unit ``known`` already holds (same languages,
        source and target, and not less reviewed) is skipped: importing an
        export of the catalogs back would otherwise copy them into the store.
        A malformed file raises ``InputError`` naming the file and line, and
        changes nothing.
        """
        from pipeline.formats.tmx import read_tmx

        label = origin if origin is not None else f"import:{path.name}"
        units = list(read_tmx(path, origin=label, languages=languages))
        fresh = [u for u in units if known is None or not known.holds(u)]
        replaced: set[tuple[str, str, str]] = set()
        for unit in fresh:
            key = (unit.src_lang, unit.tgt_lang, unit.source)
            if key not in replaced and unit.target:
                replaced.add(key)  # once per file: the file's own units weigh together
                candidates = self._entries.get(key)
                if candidates is not None:
                    candidates.drop_store()
            self.add(unit)
        return ImportResult(len(fresh), len(units) - len(fresh))

    def holds(self, unit: TMUnit) -> bool:
        """True when ``unit``'s target is among those remembered for its source, as reviewed.

        A fuzzy unit is also held by a fuzzy one with the same target; a
        reviewed unit only by a reviewed one, since it brings a review.
        """
        candidates = self._entries.get((unit.src_lang, unit.tgt_lang, unit.source))
        if candidates is None:
            return False
        fuzzy_ok = (True, False) if unit.fuzzy else (False,)
        return any(
            target == unit.target and fuzzy in fuzzy_ok for fuzzy, _, target in candidates.seen
        )


class ImportResult(NamedTuple):
    """What an import did: units added to the memory, and copies of known ones skipped."""

    added: int
    duplicates: int


def _unit_order(unit: TMUnit) -> tuple[str, str, str, str, bool, str]:
    return (unit.src_lang, unit.tgt_lang, unit.source, unit.target, unit.fuzzy, unit.origin)
