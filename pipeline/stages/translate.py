"""Filling catalogs: translation memory first, then a machine engine.

The order is the one translators trust: an exact memory match (a sentence a
person already translated) is used as translated; a fuzzy match is offered as
fuzzy; only then does a machine fill the rest, always as fuzzy with a comment
naming the engine, model versions and pivot, so a person reviews it. A
reviewed translation is never touched without ``--force``, and even then a
reviewed exact memory match (the store, another catalog) wins over a machine:
``--force`` redoes machine work, it does not undo what translators approved.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.catalogs import po as catalog
from pipeline.config import Settings
from pipeline.errors import ModelError, PipelineError
from pipeline.languages import LANGUAGES
from pipeline.manifest import Manifest, file_hash
from pipeline.memory import TMMatch, TMUnit, TranslationMemory
from pipeline.progress import progress
from pipeline.project import Article, build_memory, memory_path
from pipeline.text.codes import strip_codes

# Per-segment source language: a segment is translated from another language
# than its page's only when detection is this sure and the text this long
# (shorter strings are names, labels and numbers that detection gets wrong).
SOURCE_SWITCH_CONFIDENCE = 0.9
SOURCE_SWITCH_MIN_LETTERS = 20


def _suggestion(match: TMMatch) -> catalog.Suggestion | None:
    if not match.codes_fit:
        return None
    fuzzy = not match.exact or match.unit.fuzzy
    where = match.unit.origin or "memory"
    label = f"{where} ({match.score:.0f}%)" if not match.exact else where
    return catalog.Suggestion(match.target, fuzzy, label, match.score)


def memory_suggester(
    settings: Settings, articles: list[Article]
) -> Callable[[str, str], catalog.Suggest | None]:
    """Per language pair, a function giving the memory's best usable suggestion.

    The memory (every catalog of ``articles`` and the store) is read only when
    a first suggestion is asked for: a rerun with nothing new reads none.
    """
    cache: dict[str, TranslationMemory] = {}

    def memory_now() -> TranslationMemory:
        if "m" not in cache:
            cache["m"] = build_memory(settings, articles)
        return cache["m"]

    def for_pair(src: str, tgt: str) -> catalog.Suggest:
        def suggest(text: str) -> catalog.Suggestion | None:
            for match in memory_now().lookup(
                src, tgt, text, threshold=settings.fuzzy_threshold, limit=3
            ):
                hit = _suggestion(match)
                if hit is not None:
                    return hit
            return None

        return suggest

    return for_pair


@dataclass(frozen=True)
class Change:
    """One entry a run would change: what it holds and what it would hold, with origins."""

    catalog: str
    source: str
    before: str
    before_fuzzy: bool
    before_origin: str
    after: str
    after_fuzzy: bool
    after_origin: str


@dataclass
class TranslateReport:
    """What translate did, and what it could not do."""

    memory_exact: int = 0
    memory_fuzzy: int = 0
    machine: int = 0
    kept_as_is: int = 0
    switched_source: int = 0
    left_empty: int = 0
    published_gaps: int = 0
    missing_pairs: set[tuple[str, str]] = field(default_factory=set)
    model_errors: list[str] = field(default_factory=list)
    errors: list[PipelineError] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    skipped: int = 0  # catalogs unchanged since the last translate
    notes: list[str] = field(default_factory=list)  # catalogs merged with a save made meanwhile
    changes: list[Change] = field(default_factory=list)  # what a dry run would change
    replaced: int = 0  # reviewed translations --force replaced (kept, see keep_replaced)

    @property
    def complete(self) -> bool:
        """True when every entry that needed a translation got one."""
        return not self.left_empty and not self.errors


class _EngineSlot:
    """Build the engine only when a machine translation is actually needed."""

    def __init__(self, settings: Settings, name: str | None, options: dict[str, Any]) -> None:
        self.settings, self.name, self.options = settings, name, options
        self._engine: Any = None

    def get(self) -> Any:
        if self._engine is None:
            from pipeline.engines import get_engine

            self._engine = get_engine(self.name or self.settings.engine, **self.options)
        return self._engine


def _source_language(text: str, page_lang: str, target: str) -> str:
    """The language a segment is really in, when detection is sure; else the page's."""
    plain = strip_codes(text)
    if sum(ch.isalpha() for ch in plain) < SOURCE_SWITCH_MIN_LETTERS:
        return page_lang
    from pipeline.language_id.lingua import detect_language

    lang, confidence = detect_language(plain)
    if lang and lang != page_lang and confidence >= SOURCE_SWITCH_CONFIDENCE:
        return lang
    return page_lang


def translate_articles(
    settings: Settings,
    articles: list[Article],
    langs: tuple[str, ...] | None = None,
    *,
    force: bool = False,
    use_engine: bool = True,
    engine_name: str | None = None,
    engine_options: dict[str, Any] | None = None,
    memory: TranslationMemory | None = None,
    quiet: bool = False,
    redo_all: bool = False,
    dry_run: bool = False,
    project: list[Article] | None = None,
) -> TranslateReport:
    """Fill every catalog of ``articles``: memory, then engine; save per catalog.

    A catalog is skipped when it, the memory and the options are as they were
    after the last translate (see :mod:`pipeline.manifest`): translating it
    again would give the same file. The memory is fingerprinted by the units
    each catalog gives it, so a catalog whose translations did not change does
    not make every other catalog count as changed. ``redo_all`` redoes all.

    With ``force`` the catalogs being redone are left out of the memory: their
    own entries would otherwise outrank (catalog before store) and hide the
    reviewed units of the store they are matched against. ``dry_run`` fills
    the catalogs in memory only, lists every change in ``report.changes`` and
    writes nothing (no catalog, no manifest).

    ``project`` is every article of the project (default: ``articles``): the
    memory draws on all their catalogs, so a run on some articles (a shard, a
    few names) finds what the others' translators did.
    """
    project = articles if project is None else project
    report = TranslateReport()
    manifest = Manifest(settings, ignore=redo_all or dry_run)
    engine = _EngineSlot(settings, engine_name, dict(engine_options or {}))
    # Published languages are filled from the aligned translation, never by a machine.
    jobs = [(a, lang) for a in articles for lang in (*a.targets(settings), *a.published(settings))]
    if langs:
        jobs = [(a, lang) for a, lang in jobs if lang in langs]

    def options_with(memory_hash: str) -> str:
        return "|".join(
            (
                f"force={force}",
                f"engine={use_engine and (engine_name or settings.engine)}",
                repr(sorted((engine_options or {}).items())) if use_engine else "",
                memory_hash,
            )
        )

    options = options_with(
        memory_fingerprint(settings, project, manifest) if memory is None else "given"
    )
    left = manifest.extra("translate-left")  # entries a skipped catalog still lacks
    # Which catalogs need work is decided from file hashes alone; each is then
    # loaded, filled and saved in turn, so memory holds one catalog at a time
    # (at 2,000 pages, holding them all took 650 MB).
    pending: list[tuple[Article, str, Path]] = []
    memory_given = memory
    skipped_left, skipped_done = 0, []
    filled: list[TMUnit] = []  # what this run filled: the memory grows by these
    done: list[tuple[str, Path, str, str, list[str]]] = []  # unit, path, pair, left empty
    saved: dict[Path, tuple[str, str]] = {}  # catalog -> (file hash, units digest) at save
    at_start = dict(manifest.extra("memory-units"))  # every catalog as the memory read it
    store_at_start = file_hash(memory_path(settings))
    for article, lang in jobs:
        path = article.catalog(settings, lang)
        if not path.exists():
            report.errors.append(
                PipelineError("catalog not found", path=path, hint="run 'tolk extract' first")
            )
            continue
        unit = settings.relative(path)
        if memory is None and manifest.fresh(
            "translate", unit, manifest.fingerprint("translate", [path], options)
        ):
            report.skipped += 1
            report.left_empty += int(left.get(unit, "0"))
            skipped_left += int(left.get(unit, "0"))
            skipped_done.append((unit, path))
            continue
        pending.append((article, lang, path))
    # Articles whose extract was up to date: translate changes only what extract
    # carries over (translations, fuzzy flags, origin comments), so extract stays
    # up to date after this run's writes (see _extract_still_fresh).
    extracted = _fresh_extracts(settings, manifest, {a.name: a for a, *_ in pending})
    if pending and memory is None:
        skip = {path for _, _, path in pending} if force else set()
        # An unreadable catalog gives the memory nothing; the others go on.
        memory = build_memory(settings, project, skip, remember=not dry_run, errors=report.errors)
    with progress("translate", len(pending), quiet=quiet) as bar:
        for article, lang, path in pending:
            assert memory is not None
            bar.advance(0, f"{lang}/{article.name}")
            try:
                po = catalog.load_catalog(path)
            except PipelineError as error:
                if str(error) not in map(str, report.errors):
                    report.errors.append(error)
                bar.advance(1, f"{lang}/{article.name}")
                continue
            todo = [e for e in po if catalog.needs_translation(e, force=force)]
            published = lang in article.published(settings)
            machine = use_engine and not published
            before = [(e.msgstr, e.fuzzy, catalog.origin_of(e)) for e in todo]
            within = _Entries(bar, f"{lang}/{article.name}", len(todo))
            _fill(settings, article, lang, po, todo, memory, engine, machine, report, within)
            bar.advance(1, f"{lang}/{article.name}")
            if published:
                # What the published page leaves out is not work for a translator.
                gaps = sum(1 for e in todo if not e.msgstr)
                report.left_empty -= gaps
                report.published_gaps += gaps
            if dry_run:
                report.changes.extend(_changes(settings.relative(path), todo, before))
                continue
            for entry, (text, fuzzy, _) in zip(todo, before, strict=True):
                report.replaced += catalog.keep_replaced(entry, text, fuzzy)
            merged = len(report.notes)
            if catalog.save_catalog(po, path, on_merge=report.notes.append):
                report.written.append(settings.relative(path))
            unit = settings.relative(path)
            filled.extend(
                TMUnit(article.lang, lang, e.msgid, e.msgstr, bool(e.fuzzy), unit)
                for e, (text, _fuzzy, _origin) in zip(todo, before, strict=True)
                if e.msgstr and not text
            )
            empty = [e.msgid for e in todo if not e.msgstr]
            if len(report.notes) == merged:  # what was saved is what is in hand
                saved[path] = (file_hash(path), units_digest(catalog.memory_units(po)))
            if not empty or not use_engine:  # a missing model: try again next time
                done.append((unit, path, article.lang, lang, empty))
    if dry_run:
        return report
    # What this run wrote is memory too: record under the memory as it is now,
    # when nothing written could fill anything left empty (else the next run
    # redoes those catalogs, as it should).
    after = options
    if (
        filled
        and memory_given is None
        and not force
        and _settled(settings, filled, done, skipped_left)
    ):
        grown = memory_fingerprint(settings, project, manifest, saved)
        if _only_own_writes(manifest, at_start, saved, settings) and store_at_start == file_hash(
            memory_path(settings)
        ):
            after = options_with(grown)
            for unit, path in skipped_done:  # nothing to fill: any memory gives the same
                fingerprint = manifest.fingerprint("translate", [path], after)
                manifest.record("translate", unit, fingerprint)
    for unit, path, _src, _tgt, empty in done:
        if path in saved and file_hash(path) != saved[path][0]:
            continue  # someone saved it after this run did: look at it again next time
        manifest.record("translate", unit, manifest.fingerprint("translate", [path], after))
        left[unit] = str(len(empty))
    if not report.notes:  # a catalog merged with someone's save: extract looks again
        _extract_still_fresh(settings, manifest, extracted)
    manifest.save()
    return report


def _fresh_extracts(
    settings: Settings, manifest: Manifest, articles: dict[str, Article]
) -> list[Article]:
    """The articles whose last extract is as fresh as its files say."""
    from pipeline.stages.extract import extract_files

    return [
        a
        for a in articles.values()
        if manifest.fresh(
            "extract", a.name, manifest.fingerprint("extract", extract_files(settings, a))
        )
    ]


def _extract_still_fresh(settings: Settings, manifest: Manifest, articles: list[Article]) -> None:
    """Record these articles' extract again, with the catalogs this run wrote.

    Extract merges a catalog with its template and keeps each entry's
    translation, fuzzy flag and origin comment: the only things translate
    changes. So extracting again would write the same files, and the next
    ``tolk extract`` need not parse them to find that out. (Tested in
    tests/test_incremental.py: a forced extract after translate changes nothing.)
    """
    from pipeline.stages.extract import extract_files

    for a in articles:
        files = extract_files(settings, a)
        manifest.record("extract", a.name, manifest.fingerprint("extract", files))


def _settled(
    settings: Settings,
    filled: list[TMUnit],
    done: list[tuple[str, Path, str, str, list[str]]],
    skipped_left: int,
) -> bool:
    """True when the units this run filled could not fill any entry left empty.

    An entry is left empty when none of its best matches (for its catalog's
    language pair) is usable; a new unit that is not usable either (its codes
    do not fit, or it is the entry's own catalog's) cannot change that, and an
    exact reviewed unit for a text in another language would have to come from
    that language. So the same run under the memory with the new units gives
    the same catalogs. A skipped catalog's empty entries are not at hand, so
    one stops it too.
    """
    if skipped_left:
        return False
    new = TranslationMemory(filled)
    exact = {(u.source, u.tgt_lang, u.src_lang) for u in filled if not u.fuzzy}
    for unit, _path, src, tgt, empty in done:
        for text in empty:
            if any((text, tgt, other) in exact for other in LANGUAGES if other != src):
                return False
            found = new.lookup(src, tgt, text, threshold=settings.fuzzy_threshold, limit=99)
            if any(m.unit.origin != unit and _suggestion(m) is not None for m in found):
                return False
    return True


class _Entries:
    """Progress inside one catalog: the bar counts catalogs, its label the entries done."""

    def __init__(self, bar: Any, name: str, total: int) -> None:
        self.bar, self.name, self.total, self.done = bar, name, total, 0

    def advance(self, n: int = 1, item: str = "") -> None:
        self.done += n
        if n:
            self.bar.advance(0, f"{self.name} ({self.done}/{self.total} entries)")


def restore_articles(
    settings: Settings,
    articles: list[Article],
    langs: tuple[str, ...] | None = None,
    errors: list[PipelineError] | None = None,
) -> tuple[int, list[str]]:
    """Put back every reviewed translation ``--force`` replaced in these catalogs.

    Each one waits in its entry as a translator comment (see
    :func:`pipeline.catalogs.po.keep_replaced`). Returns (entries restored,
    catalogs written). A catalog that cannot be read raises, unless an
    ``errors`` list is given: then it is recorded there and the others go on.
    """
    restored, written = 0, []
    for article in articles:
        for lang in (*article.targets(settings), *article.published(settings)):
            path = article.catalog(settings, lang)
            if (langs and lang not in langs) or not path.exists():
                continue
            try:
                po = catalog.load_catalog(path)
            except PipelineError as error:
                if errors is None:
                    raise
                errors.append(error)
                continue
            count = sum(catalog.restore_replaced(entry) for entry in po if not entry.obsolete)
            if count and catalog.save_catalog(po, path):
                restored += count
                written.append(settings.relative(path))
    return restored, written


def _changes(
    unit: str, entries: list[catalog.Entry], before: list[tuple[str, bool, str]]
) -> list[Change]:
    """The entries whose translation, fuzzy flag or origin differ from ``before``."""
    found = []
    for entry, (text, fuzzy, origin) in zip(entries, before, strict=True):
        now = (entry.msgstr, entry.fuzzy, catalog.origin_of(entry))
        if now != (text, fuzzy, origin):
            found.append(Change(unit, entry.msgid, text, fuzzy, origin, *now))
    return found


def units_digest(units: Iterable[tuple[str, str, bool]]) -> str:
    """A hash of a catalog's memory units (source, target, fuzzy), in order."""
    digest = hashlib.blake2b(digest_size=16)
    for source, target, fuzzy in units:
        digest.update(f"{source}\0{target}\0{fuzzy}\0".encode())
    return digest.hexdigest()


def _only_own_writes(
    manifest: Manifest,
    at_start: dict[str, str],
    saved: dict[Path, tuple[str, str]],
    settings: Settings,
) -> bool:
    """True when every catalog the memory reads is as this run left it.

    A catalog changed by anyone else during the run (a translator's save in
    Poedit) may hold what fills an entry this run left empty, so the memory it
    makes is not the one this run worked under.
    """
    ours = {settings.relative(path): at_save for path, (at_save, _) in saved.items()}
    for key, known in manifest.extra("memory-units").items():
        now = known.partition(":")[0]
        if key in ours:
            if now != ours[key]:
                return False
        elif at_start.get(key, known) != known:
            return False
    return True


def memory_fingerprint(
    settings: Settings,
    articles: list[Article],
    manifest: Manifest,
    parsed: dict[Path, tuple[str, str]] | None = None,
) -> str:
    """A hash of what the memory holds, from the store and each catalog's units.

    A catalog's units are hashed when its file changed since the last run
    (parsing that one file, unless ``parsed`` holds their digest as just
    saved, under the file hash it had then), and taken from the manifest
    otherwise.
    """
    digest = hashlib.blake2b(digest_size=16)
    digest.update(file_hash(memory_path(settings)).encode())
    table = manifest.extra("memory-units")
    for article in articles:
        for lang in article.targets(settings):
            path = article.catalog(settings, lang)
            key, now = settings.relative(path), file_hash(path)
            known = table.get(key, "")
            if not known.startswith(f"{now}:"):
                at_save, digest_now = (parsed or {}).get(path, ("", ""))
                if at_save != now:  # not saved by this run, or changed since
                    try:
                        found = catalog.read_memory_units(path) if path.exists() else []
                        digest_now = units_digest(found)
                    except PipelineError:  # reported where the run reads it
                        digest_now = "unreadable"
                known = table[key] = f"{now}:{digest_now}"
            digest.update(f"|{key}={known.partition(':')[2]}".encode())
    return digest.hexdigest()


def _fill(
    settings: Settings,
    article: Article,
    lang: str,
    po: catalog.Catalog,
    todo: list[catalog.Entry],
    memory: TranslationMemory,
    engine: _EngineSlot,
    use_engine: bool,
    report: TranslateReport,
    bar: Any,
) -> None:
    by_source: dict[str, list[catalog.Entry]] = defaultdict(list)
    for entry in todo:
        matches = memory.lookup(
            article.lang, lang, entry.msgid, threshold=settings.fuzzy_threshold, limit=3
        )
        # Never the entry's own translation (with --force it is in the memory):
        # a forced run must reconsider it, not copy it back as its own source.
        own = settings.relative(article.catalog(settings, lang))
        matches = [m for m in matches if m.unit.origin != own]
        hit = next((s for s in map(_suggestion, matches) if s is not None), None)
        if hit is not None and (hit.fuzzy is False or not entry.msgstr):
            catalog.set_translation(
                entry, hit.text, fuzzy=hit.fuzzy, origin=f"{catalog.MEMORY_PREFIX}{hit.origin}"
            )
            if hit.fuzzy:
                report.memory_fuzzy += 1
            else:
                report.memory_exact += 1
            bar.advance(1)
            continue
        if not any(ch.isalpha() for ch in strip_codes(entry.msgid)):
            # "2026", "→", "1,5 mg": nothing a translator or a model would change.
            catalog.set_translation(
                entry, entry.msgid, fuzzy=False, origin=f"{catalog.KEPT_PREFIX}no words"
            )
            report.kept_as_is += 1
            bar.advance(1)
            continue
        src = _source_language(entry.msgid, article.lang, lang)
        if src == lang:
            catalog.set_translation(
                entry, entry.msgid, fuzzy=True, origin=f"{catalog.KEPT_PREFIX}already in {lang}"
            )
            report.kept_as_is += 1
            bar.advance(1)
            continue
        if src != article.lang:
            report.switched_source += 1
            # The Dutch title on a French page: the nl memory may know it.
            exact = memory.exact(src, lang, entry.msgid)
            if exact is not None and exact.codes_fit and not exact.unit.fuzzy:
                origin = f"{catalog.MEMORY_PREFIX}{exact.unit.origin} (from {src})"
                catalog.set_translation(entry, exact.target, fuzzy=True, origin=origin)
                report.memory_fuzzy += 1
                bar.advance(1)
                continue
        by_source[src].append(entry)
    for src, entries in sorted(by_source.items()):
        if not use_engine:
            report.left_empty += sum(1 for e in entries if not e.msgstr)
            bar.advance(len(entries))
            continue
        done = [0]

        def advance(count: int, done: list[int] = done) -> None:
            bar.advance(count - done[0])  # the engine reports a running total
            done[0] = count

        try:
            results = engine.get().translate(
                [e.msgid for e in entries], src, lang, progress=advance
            )
            bar.advance(len(entries) - done[0])
        except ModelError as exc:
            report.missing_pairs.add((src, lang))
            if str(exc) not in report.model_errors:
                report.model_errors.append(str(exc))
            report.left_empty += sum(1 for e in entries if not e.msgstr)
            bar.advance(len(entries) - done[0])
            continue
        for entry, result in zip(entries, results, strict=True):
            catalog.set_translation(entry, result.text, fuzzy=True, origin=result.comment)
            report.machine += 1
