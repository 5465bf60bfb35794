"""Translation memory: exact and fuzzy matches, TMX in and out.

The memory remembers every translated sentence of the project, per language
pair, so a sentence translated once (a title, a disclaimer, a recurring
caption) is offered again wherever it comes back, before any engine is asked.
``catalog`` builds it from the .po files (polib stays there) and ``translate``
queries it; this module knows nothing of gettext.

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

Index
    Lookups stay fast as the memory grows: each language pair keeps an inverted
    index from word tokens (accents stripped, cut to six letters as a crude
    stem) to entries, with each token's postings also held as a bitmask. A
    query counts for every entry at once how many of its tokens the entry
    shares (a bit-sliced counter over the masks: a few whole-int operations per
    token, not a loop per entry), keeps the entries that share the most, and
    only those are scored by rapidfuzz. A pair with at most ``FULL_SCAN_LIMIT``
    entries is scanned in full, which is exact and already fast at that size.
    Above it the index is a filter, so a match that shares letters but hardly
    any words could in principle be missed; ``bench/bench_memory.py`` measures
    that against a full scan. Every choice is keyed on content, never on
    insertion order, so the same memory gives the same answers however it was
    built.

Store
    The memory's own file is ``locales/memory.jsonl``: a header line, then one
    JSON object per unit, sorted by language pair, source and target, written
    with keys in a fixed order and without escaping non-ASCII text. JSON Lines
    rather than TMX because one unit is one line, so a changed translation is a
    one-line diff in review, texts keep Tolk's codes exactly as the .po files
    show them (TMX would turn them into escaped ``<bpt>`` markup), and newlines
    or odd characters inside a text cannot break the layout. TMX remains the
    exchange format with other tools (:meth:`TranslationMemory.export_tmx`,
    :meth:`TranslationMemory.import_tmx`).

TMX mapping
    Tolk ``<g1>x</g1>`` is written ``<bpt i="1">&lt;g1&gt;</bpt>x<ept
    i="1">&lt;/g1&gt;</ept>`` and ``<x2/>`` is ``<ph x="2">&lt;x2/&gt;</ph>``,
    so a tool that reads only the text of a segment (Translate Toolkit) sees
    Tolk's codes unchanged. On import, ``bpt``/``ept`` pairs (matched by ``i``)
    and ``hi`` become paired codes, ``ph``, ``it`` and ``ut`` standalone ones;
    codes are numbered by order of opening in the source segment and matched
    in the target by ``x``, then by their content (OmegaT's ``&lt;f0&gt;``,
    Trados' ``{1}``), then by ``i``, then by order. A file Tolk wrote keeps its
    numbers as they are, which makes export then import give the same memory.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from lxml import etree
from rapidfuzz import fuzz, process

from pipeline import __version__
from pipeline.errors import InputError
from pipeline.languages import LANGUAGES
from pipeline.storage import write_atomic
from pipeline.text.codes import CODE_RE, codes_of, has_codes, renumber, tokenize

DEFAULT_THRESHOLD = 75.0
"""Lowest fuzzy score offered, in percent, unless the caller asks otherwise."""

CODE_BONUS = 2.0
"""Points added when query and unit carry codes that fit in the same order."""

CODE_PENALTY = 5.0
"""Points taken when the unit's codes cannot be fitted to the query's."""

FUZZY_CAP = 99.0
"""Highest score a non-exact match can reach, so that 100 means exact."""

FULL_SCAN_LIMIT = 1500
"""A language pair with at most this many entries is scanned in full."""

MAX_CANDIDATES = 300
"""How many index candidates, those sharing the most tokens, rapidfuzz scores."""

"""Languages kept on TMX import; others are skipped."""

STORE_NAME = "memory.jsonl"
"""File name of the memory's store under ``locales/``."""

STORE_FORMAT = "tolk-memory"
STORE_VERSION = 1

ORIGIN_PROP = "x-tolk-origin"
FUZZY_PROP = "x-tolk-fuzzy"

_WORD_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s+")
_STEM = 6
_ISO_639_2 = {"fra": "fr", "fre": "fr", "nld": "nl", "dut": "nl", "eng": "en"}
_XML_INVALID_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_OPEN_RE = re.compile(r"<g(\d+)>")
_CLOSE_RE = re.compile(r"</g(\d+)>")
_EMPTY_RE = re.compile(r"<x(\d+)/>")
_ONE_RE = re.compile("1")


@dataclass(frozen=True)
class TMUnit:
    """One remembered translation: a source sentence and its target, with codes.

    ``fuzzy`` marks a unit taken from an unreviewed (fuzzy) catalog entry, which
    is offered but ranked below reviewed ones. ``origin`` says where it came
    from, e.g. ``locales/nl/LC_MESSAGES/magnesium.po`` or ``import:old.tmx``.
    """

    src_lang: str
    tgt_lang: str
    source: str
    target: str
    fuzzy: bool = False
    origin: str = ""


@dataclass(frozen=True)
class TMMatch:
    """A unit offered for a query, with its score and a target fitted to the query.

    ``target`` is the unit's target with its codes renumbered to the query's
    when ``codes_fit``; otherwise it is the unit's target as remembered.
    """

    unit: TMUnit
    score: float
    exact: bool
    target: str
    codes_fit: bool


def comparable(text: str) -> str:
    """The text a fuzzy score is computed on: codes removed, spaces collapsed, casefolded.

    Codes are judged apart (see :func:`fit_codes`), so markup neither raises nor
    lowers the similarity of the words.

    >>> comparable("  Le <g1>Magnésium</g1>   aide.<x2/>")
    'le magnésium aide.'
    """
    return _SPACE_RE.sub(" ", CODE_RE.sub("", text)).strip().casefold()


def index_tokens(norm: str) -> set[str]:
    """The tokens a comparable text is indexed under: words without accents, cut to six letters.

    Cutting words is a crude stem that lets ``vertaling`` find ``vertalingen``;
    dropping accents lets ``magnesium`` find ``magnésium``.

    >>> sorted(index_tokens("le magnésium réduit les cauchemars"))
    ['cauche', 'le', 'les', 'magnes', 'reduit']
    """
    bare = "".join(c for c in unicodedata.normalize("NFKD", norm) if not unicodedata.combining(c))
    return {word[:_STEM] for word in _WORD_RE.findall(bare)}


def normalize_lang(tag: str) -> str:
    """The primary language of a TMX language tag, lower case.

    >>> [normalize_lang(t) for t in ("fr-FR", "EN-US", "nl_BE", "nl", "fra", "de-DE")]
    ['fr', 'en', 'nl', 'nl', 'fr', 'de']
    """
    primary = tag.strip().replace("_", "-").split("-", 1)[0].lower()
    return _ISO_639_2.get(primary, primary)


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


@dataclass
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


class _Bucket:
    """The sources of one language pair and the inverted index over them.

    Each token's postings are also kept as a bitmask (a Python int, bit ``e``
    for entry ``e``), so that counting how many of a query's tokens each entry
    shares is a handful of whole-int operations rather than a loop per entry.
    """

    def __init__(self) -> None:
        self.sources: list[str] = []
        self.norms: list[str] = []
        self.postings: dict[str, list[int]] = {}
        self._masks: dict[str, tuple[int, int]] = {}  # token -> (mask, postings in it)

    def add(self, source: str) -> None:
        entry = len(self.sources)
        norm = comparable(source)
        self.sources.append(source)
        self.norms.append(norm)
        for token in index_tokens(norm):
            self.postings.setdefault(token, []).append(entry)

    def _mask(self, token: str) -> int:
        """The bitmask of ``token``'s postings.

        A dense mask (more than one entry in 64) is kept and brought up to date
        with the entries added since; a sparse one is built when asked, as it
        would take more room than its list.
        """
        ids = self.postings[token]
        mask, done = self._masks.get(token, (0, 0))
        if done == len(ids):
            return mask
        if done and len(ids) - done <= 64:
            for e in ids[done:]:
                mask |= 1 << e
        else:
            bits = bytearray(ids[-1] // 8 + 1)
            for e in ids:
                bits[e >> 3] |= 1 << (e & 7)
            mask = int.from_bytes(bits, "little")
        if len(ids) * 64 >= len(self.sources):
            self._masks[token] = (mask, len(ids))
        return mask

    def candidates(self, norm: str) -> list[int]:
        """Entries worth scoring against ``norm``: all of them, or those sharing most tokens.

        The entries sharing the most of the query's tokens are taken, lowering
        the bar one token at a time while they stay within ``MAX_CANDIDATES``
        (all of the best group are taken even when they are more). The choice
        depends only on the entries' texts, never on the order they came in.
        """
        n = len(self.sources)
        if n <= FULL_SCAN_LIMIT:
            return list(range(n))
        masks = [self._mask(t) for t in index_tokens(norm) if t in self.postings]
        if not masks:
            return []
        # A bit-sliced counter: planes[i] holds bit i of every entry's count.
        planes: list[int] = []
        for carry in masks:
            for i, plane in enumerate(planes):
                planes[i], carry = plane ^ carry, plane & carry
                if not carry:
                    break
            if carry:
                planes.append(carry)
        full = (1 << n) - 1
        chosen = 0
        for k in range(len(masks), 0, -1):
            at_least = _at_least(planes, k, full)
            if chosen and at_least.bit_count() > MAX_CANDIDATES:
                break
            chosen = at_least
        bits = format(chosen, "b")[::-1]
        return [m.start() for m in _ONE_RE.finditer(bits)]


def _at_least(planes: list[int], k: int, full: int) -> int:
    """The entries whose bit-sliced count is at least ``k``, as a bitmask.

    >>> bin(_at_least([0b0110, 0b1100], 2, 0b1111))  # counts 0, 1, 3, 2 from bit 0 up
    '0b1100'
    """
    if k >> len(planes):
        return 0  # more than any count can reach
    greater, equal = 0, full
    for i in reversed(range(len(planes))):
        if (k >> i) & 1:
            equal &= planes[i]
        else:
            greater |= equal & planes[i]
            equal &= full ^ planes[i]
    return greater | equal


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
        self._buckets: dict[tuple[str, str], _Bucket] = {}
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
            self._buckets.setdefault((unit.src_lang, unit.tgt_lang), _Bucket()).add(unit.source)
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

    # -- the store -------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the store (JSON Lines, sorted) atomically, so a crash never leaves half a file."""
        header = {"format": STORE_FORMAT, "version": STORE_VERSION}
        lines = [json.dumps(header, ensure_ascii=False)]
        for unit in self.units():
            record = {
                "src": unit.src_lang,
                "tgt": unit.tgt_lang,
                "source": unit.source,
                "target": unit.target,
                "fuzzy": unit.fuzzy,
                "origin": unit.origin,
            }
            lines.append(json.dumps(record, ensure_ascii=False))
        write_atomic(path, "\n".join(lines) + "\n")

    @classmethod
    def load(cls, path: Path) -> TranslationMemory:
        """Read a store written by :meth:`save`; a malformed line raises ``InputError``."""
        text = _read_text(path)
        memory = cls()
        lines = text.split("\n")
        try:
            header = json.loads(lines[0])
        except json.JSONDecodeError:
            header = None
        if not isinstance(header, dict) or header.get("format") != STORE_FORMAT:
            raise InputError(
                "not a Tolk memory store",
                path=path,
                line=1,
                hint=f'the first line should be {{"format": "{STORE_FORMAT}", ...}}',
            )
        if header.get("version") != STORE_VERSION:
            raise InputError(
                f"memory store version {header.get('version')!r} is not supported",
                path=path,
                line=1,
                hint=f"this Tolk reads version {STORE_VERSION}; rebuild the memory",
            )
        for number, line in enumerate(lines[1:], start=2):
            if line.strip():
                memory.add(_unit_from_json(line, path, number))
        return memory

    # -- TMX -------------------------------------------------------------------

    def export_tmx(
        self,
        path: Path,
        *,
        pair: tuple[str, str] | None = None,
        include_fuzzy: bool = True,
    ) -> int:
        """Write TMX 1.4b: one language pair, or every pair in one multilingual file.

        Each unit is a ``<tu>`` of two ``<tuv>``; its origin and fuzzy flag go in
        ``x-tolk-*`` properties so that importing the file gives the same memory.
        Returns the number of units written.
        """
        units = [
            u
            for u in self.units()
            if (pair is None or (u.src_lang, u.tgt_lang) == pair) and (include_fuzzy or not u.fuzzy)
        ]
        srclang = pair[0] if pair is not None else "*all*"
        out = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
            '<tmx version="1.4">',
            f'  <header creationtool="Tolk" creationtoolversion="{__version__}"'
            f' datatype="html" segtype="sentence" adminlang="en"'
            f' srclang="{_xml_attr(srclang)}" o-tmf="Tolk"/>',
            "  <body>",
        ]
        for unit in units:
            out.append(f'    <tu srclang="{_xml_attr(unit.src_lang)}">')
            out.append(f'      <prop type="{ORIGIN_PROP}">{_xml_text(unit.origin)}</prop>')
            if unit.fuzzy:
                out.append(f'      <prop type="{FUZZY_PROP}">true</prop>')
            for lang, text in ((unit.src_lang, unit.source), (unit.tgt_lang, unit.target)):
                out.append(
                    f'      <tuv xml:lang="{_xml_attr(lang)}"><seg>{codes_to_tmx(text)}</seg></tuv>'
                )
            out.append("    </tu>")
        out += ["  </body>", "</tmx>", ""]
        write_atomic(path, "\n".join(out))
        return len(units)

    def import_tmx(
        self,
        path: Path,
        *,
        origin: str | None = None,
        languages: Iterable[str] = LANGUAGES,
    ) -> int:
        """Read units from a TMX file (Tolk, OmegaT, Trados, Translate Toolkit...).

        Language tags are reduced to their primary language and only
        ``languages`` are kept. Units without their own ``x-tolk-origin`` get
        ``origin``, by default ``import:<file name>``.

        The last import wins: for each source the file brings, the store units
        remembered before (any origin that is not a catalog) are replaced by the
        file's; catalog units stay and still outrank them (see "Precedence" in
        the module's docstring). Returns the number of units read. A malformed
        file raises ``InputError`` naming the file and line, and changes nothing.
        """
        label = origin if origin is not None else f"import:{path.name}"
        units = list(read_tmx(path, origin=label, languages=languages))
        replaced: set[tuple[str, str, str]] = set()
        for unit in units:
            key = (unit.src_lang, unit.tgt_lang, unit.source)
            if key not in replaced and unit.target:
                replaced.add(key)  # once per file: the file's own units weigh together
                candidates = self._entries.get(key)
                if candidates is not None:
                    candidates.drop_store()
            self.add(unit)
        return len(units)


def _unit_order(unit: TMUnit) -> tuple[str, str, str, str, bool, str]:
    return (unit.src_lang, unit.tgt_lang, unit.source, unit.target, unit.fuzzy, unit.origin)


def _unit_from_json(line: str, path: Path, number: int) -> TMUnit:
    """One store line as a unit, or an ``InputError`` naming the line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(
            f"not valid JSON: {error.msg}",
            path=path,
            line=number,
            hint="fix or delete the line, or rebuild the memory",
        ) from None
    strings = ("src", "tgt", "source", "target", "origin")
    if (
        not isinstance(record, dict)
        or any(not isinstance(record.get(k), str) for k in strings)
        or not isinstance(record.get("fuzzy"), bool)
    ):
        raise InputError(
            "a memory unit needs src, tgt, source, target, origin (strings) and fuzzy (boolean)",
            path=path,
            line=number,
            hint="fix or delete the line, or rebuild the memory",
        )
    return TMUnit(
        record["src"],
        record["tgt"],
        record["source"],
        record["target"],
        record["fuzzy"],
        record["origin"],
    )


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("file not found", path=path, hint="check the path") from None
    except UnicodeDecodeError as error:
        raise InputError(
            f"not UTF-8 text ({error.reason} at byte {error.start})", path=path
        ) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=path) from None


# -- TMX writing ------------------------------------------------------------------


def _xml_text(text: str) -> str:
    """Text escaped for XML content; a carriage return survives as ``&#13;``.

    Characters XML 1.0 cannot carry at all (most C0 controls) are dropped.

    >>> _xml_text("a < b & c\\r")
    'a &lt; b &amp; c&#13;'
    """
    text = _XML_INVALID_RE.sub("", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _xml_attr(text: str) -> str:
    """Text escaped for a double-quoted XML attribute."""
    return _xml_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def codes_to_tmx(text: str) -> str:
    """The XML content of a TMX ``<seg>`` for a coded sentence.

    Paired codes become ``bpt``/``ept``, standalone ones ``ph``, and a paired
    code whose other half is not in the sentence an isolated ``it``. Each
    element holds the Tolk code itself, so a tool that reads the plain text of
    the segment gets the Tolk sentence back.

    >>> codes_to_tmx("<g1>Mg</g1> &<x2/>")
    '<bpt i="1">&lt;g1&gt;</bpt>Mg<ept i="1">&lt;/g1&gt;</ept> &amp;<ph x="2">&lt;x2/&gt;</ph>'
    >>> codes_to_tmx("a</g1>")
    'a<it pos="end" x="1">&lt;/g1&gt;</it>'
    """
    tokens = tokenize(text)
    # Pair each close with the latest unclosed open of the same number.
    partner: dict[int, int] = {}
    open_at: dict[int, list[int]] = {}
    for pos, tok in enumerate(tokens):
        if tok.kind == "open":
            open_at.setdefault(tok.id, []).append(pos)
        elif tok.kind == "close" and open_at.get(tok.id):
            start = open_at[tok.id].pop()
            partner[start] = pos
            partner[pos] = start
    # TMX wants ``i`` unique within a segment: reuse the code number when free.
    used: set[int] = set()
    pair_i: dict[int, int] = {}
    for pos, tok in enumerate(tokens):
        if tok.kind == "open" and pos in partner:
            i = tok.id if tok.id not in used else max(used | {tok.id}) + 1
            used.add(i)
            pair_i[pos] = pair_i[partner[pos]] = i
    out: list[str] = []
    for pos, tok in enumerate(tokens):
        code = _xml_text(tok.value)
        if tok.kind == "text":
            out.append(code)
        elif tok.kind == "empty":
            out.append(f'<ph x="{tok.id}">{code}</ph>')
        elif pos not in partner:
            where = "begin" if tok.kind == "open" else "end"
            out.append(f'<it pos="{where}" x="{tok.id}">{code}</it>')
        elif tok.kind == "open":
            out.append(f'<bpt i="{pair_i[pos]}">{code}</bpt>')
        else:
            out.append(f'<ept i="{pair_i[pos]}">{code}</ept>')
    return "".join(out)


# -- TMX reading ------------------------------------------------------------------

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class _Code:
    """One inline code of a segment being read: a pair of markers or a standalone one."""

    kind: Literal["g", "x"]
    literal: int | None
    hints: dict[str, str]
    closed: bool = False
    number: int = 0


@dataclass(frozen=True)
class _Mark:
    """Where a code sits in the segment's text."""

    code: _Code
    role: Literal["open", "close", "empty"]


_Piece = str | _Mark


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _hints(element: etree._Element, content: str) -> dict[str, str]:
    hints = {"content": content} if content else {}
    for name in ("x", "i"):
        value = element.get(name)
        if value is not None:
            hints[name] = value
    return hints


class _SegReader:
    """Turns one TMX ``<seg>`` into text and codes, keeping codes in order of opening."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pieces: list[_Piece] = []
        self.codes: list[_Code] = []
        self._pending: dict[tuple[str, str], _Code] = {}

    def read(self, seg: etree._Element) -> None:
        self._mixed(seg)
        for code in self.codes:
            if code.kind == "g" and not code.closed and code.literal is None:
                code.kind = "x"  # a bpt without its ept stands alone

    def _new(self, kind: Literal["g", "x"], literal: int | None, hints: dict[str, str]) -> _Code:
        code = _Code(kind, literal, hints)
        self.codes.append(code)
        return code

    def _text(self, text: str | None) -> None:
        if not text:
            return
        for tok in tokenize(text):
            if tok.kind == "text":
                self.pieces.append(tok.value)
            else:
                self._literal(tok.kind, tok.id)

    def _literal(self, role: str, number: int) -> None:
        """A Tolk code written as such (Tolk's own TMX, or po2tmx of Tolk catalogs)."""
        key = ("literal", str(number))
        if role == "empty":
            self.pieces.append(_Mark(self._new("x", number, {}), "empty"))
        elif role == "open":
            code = self._new("g", number, {})
            self._pending[key] = code
            self.pieces.append(_Mark(code, "open"))
        else:
            found = self._pending.pop(key, None)
            if found is None:
                found = self._new("g", number, {})
            found.closed = True
            self.pieces.append(_Mark(found, "close"))

    def _mixed(self, parent: etree._Element) -> None:
        self._text(parent.text)
        for child in parent:
            if isinstance(child, etree._Entity):
                raise InputError(
                    f"entity reference &{child.name}; is not allowed",
                    path=self.path,
                    line=child.sourceline,
                )
            if not isinstance(child.tag, str):  # comments and processing instructions
                self._text(child.tail)
                continue
            self._element(child)
            self._text(child.tail)

    def _element(self, child: etree._Element) -> None:
        name = _local(child.tag)
        content = "".join(child.itertext())
        if name == "hi":
            code = self._new("g", None, _hints(child, ""))
            code.closed = True
            self.pieces.append(_Mark(code, "open"))
            self._mixed(child)
            self.pieces.append(_Mark(code, "close"))
            return
        if name in ("bpt", "ept", "ph", "it", "ut"):
            literal = _literal_code(content)
            if literal is not None:
                self._literal(*literal)
            elif name == "bpt":
                code = self._new("g", None, _hints(child, content))
                self._pending[("i", child.get("i", ""))] = code
                self.pieces.append(_Mark(code, "open"))
            elif name == "ept":
                found = self._pending.pop(("i", child.get("i", "")), None)
                if found is None:  # an ept without its bpt stands alone
                    self.pieces.append(_Mark(self._new("x", None, _hints(child, content)), "empty"))
                else:
                    found.closed = True
                    self.pieces.append(_Mark(found, "close"))
            else:
                self.pieces.append(_Mark(self._new("x", None, _hints(child, content)), "empty"))
            return
        # Not TMX inline markup: keep its text, as a reader would see it.
        self._mixed(child)

    def render(self) -> str:
        out: list[str] = []
        for piece in self.pieces:
            if isinstance(piece, str):
                out.append(piece)
            elif piece.code.kind == "x":
                out.append(f"<x{piece.code.number}/>")
            elif piece.role == "close":
                out.append(f"</g{piece.code.number}>")
            else:
                out.append(f"<g{piece.code.number}>")
        return "".join(out)


def _literal_code(content: str) -> tuple[str, int] | None:
    """The Tolk code an inline element holds, if its content is exactly one.

    >>> _literal_code("<g3>"), _literal_code("</g3>"), _literal_code("<x1/>"), _literal_code("{1}")
    (('open', 3), ('close', 3), ('empty', 1), None)
    """
    for role, pattern in (("open", _OPEN_RE), ("close", _CLOSE_RE), ("empty", _EMPTY_RE)):
        m = pattern.fullmatch(content)
        if m:
            return role, int(m.group(1))
    return None


def _number_codes(source: _SegReader, target: _SegReader) -> None:
    """Give both segments' codes Tolk numbers, matching the target's to the source's.

    Codes that all hold Tolk codes keep their numbers (a file Tolk wrote reads
    back unchanged). Otherwise the source's are numbered by order of opening and
    each target code takes the number of the source code of the same kind that
    it matches by ``x``, by content, by ``i``, or else by order; a target code
    with no counterpart gets a new number.
    """
    codes = source.codes + target.codes
    if all(c.literal is not None for c in codes):
        for c in codes:
            assert c.literal is not None
            c.number = c.literal
        return
    for n, code in enumerate(source.codes, start=1):
        code.number = n
    free = list(source.codes)
    pending = list(target.codes)
    for hint in ("literal", "x", "content", "i", "order"):
        for code in list(pending):
            for other in free:
                if other.kind != code.kind:
                    continue
                if hint == "literal":
                    same = code.literal is not None and code.literal == other.literal
                elif hint == "order":
                    same = True
                else:
                    same = hint in code.hints and code.hints[hint] == other.hints.get(hint)
                if same:
                    code.number = other.number
                    free.remove(other)
                    pending.remove(code)
                    break
    for n, code in enumerate(pending, start=len(source.codes) + 1):
        code.number = n


def _parse_tmx(path: Path) -> etree._ElementTree:
    """Parse a TMX file without loading DTDs, reaching the network or expanding entities."""
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", path=path, hint="check the path") from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=path) from None
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(
            f"not well-formed XML: {error.msg}",
            path=path,
            line=error.lineno or None,
            hint="TMX must be well-formed XML; check the file in an XML editor",
        ) from None
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(
            "entity declarations are refused in TMX (they can expand without limit)",
            path=path,
            line=1,
            hint="remove the <!ENTITY ...> declarations from the DOCTYPE",
        )
    return tree


def _lang_of(tuv: etree._Element) -> str:
    """The language of a ``<tuv>``: ``xml:lang``, or TMX 1.1's ``lang``."""
    return str(tuv.get(_XML_LANG) or tuv.get("lang") or "")


def read_tmx(path: Path, *, origin: str, languages: Iterable[str] = LANGUAGES) -> Iterator[TMUnit]:
    """The translation units of a TMX file, one per source and target language.

    The source language of a ``<tu>`` is its ``srclang``, else the header's;
    when that is ``*all*`` or absent from the ``<tu>``, the first ``<tuv>`` is the
    source. A ``<tu>`` with more languages gives one unit per target language.
    """
    wanted = set(languages)
    root = _parse_tmx(path).getroot()
    if _local(root.tag) != "tmx":
        raise InputError(
            f"the root element is <{_local(root.tag)}>, not <tmx>",
            path=path,
            line=root.sourceline,
            hint="is this a TMX file?",
        )
    header = next((c for c in root if _local(c.tag) == "header"), None)
    body = next((c for c in root if _local(c.tag) == "body"), None)
    if body is None:
        raise InputError(
            "no <body> in this TMX file", path=path, line=root.sourceline, hint="is it complete?"
        )
    default_src = header.get("srclang", "*all*") if header is not None else "*all*"
    for tu in body:
        if _local(tu.tag) != "tu":
            continue
        yield from _units_of(tu, path, default_src, origin, wanted)


def _units_of(
    tu: etree._Element, path: Path, default_src: str, origin: str, wanted: set[str]
) -> list[TMUnit]:
    """The units of one ``<tu>``: its source ``<tuv>`` paired with each other language."""
    props = {p.get("type"): "".join(p.itertext()) for p in tu if _local(p.tag) == "prop"}
    fuzzy = props.get(FUZZY_PROP, "").strip().lower() in ("true", "1", "yes")
    unit_origin = props.get(ORIGIN_PROP, origin)
    tuvs: list[tuple[str, etree._Element]] = []
    for tuv in tu:
        if _local(tuv.tag) != "tuv":
            continue
        lang = _lang_of(tuv)
        if not lang:
            raise InputError(
                "<tuv> without xml:lang",
                path=path,
                line=tuv.sourceline,
                hint="every <tuv> needs a language",
            )
        seg = next((c for c in tuv if _local(c.tag) == "seg"), None)
        if seg is None:
            raise InputError(
                "<tuv> without <seg>",
                path=path,
                line=tuv.sourceline,
                hint="every <tuv> holds one <seg>",
            )
        tuvs.append((lang, seg))
    if len(tuvs) < 2:
        return []
    srclang = tu.get("srclang", default_src)
    source_at = 0
    if srclang != "*all*":
        wanted_src = normalize_lang(srclang)
        source_at = next(
            (k for k, (lang, _) in enumerate(tuvs) if normalize_lang(lang) == wanted_src), 0
        )
    src_lang, src_seg = tuvs[source_at]
    src = normalize_lang(src_lang)
    if src not in wanted:
        return []
    units: list[TMUnit] = []
    for k, (lang, seg) in enumerate(tuvs):
        tgt = normalize_lang(lang)
        if k == source_at or tgt == src or tgt not in wanted:
            continue
        source_reader, target_reader = _SegReader(path), _SegReader(path)
        source_reader.read(src_seg)
        target_reader.read(seg)
        _number_codes(source_reader, target_reader)
        source, target = source_reader.render(), target_reader.render()
        if source and target:
            units.append(TMUnit(src, tgt, source, target, fuzzy, unit_origin))
    return units
