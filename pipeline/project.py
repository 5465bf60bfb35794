"""The project on disk: which articles there are, in which language, and every
path of a project: templates, catalogs, ``ui.po``, the memory store, the
glossary, ``build/<lang>/``, ``build/fixed/`` and its change list, the report.

Other modules ask here rather than joining folder names themselves, so a path
is written once."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.catalogs import po as catalog
from pipeline.catalogs.po import catalog_path, template_path, ui_catalog_path
from pipeline.config import Settings
from pipeline.errors import InputError, PipelineError
from pipeline.families import Family, PageFacts, find_families, leftover_evidence
from pipeline.html.links import PageLinks
from pipeline.languages import targets_for
from pipeline.manifest import code_version, file_hash
from pipeline.memory import STORE_NAME, TMUnit, TranslationMemory
from pipeline.memory.units import ALIGNED_PREFIX
from pipeline.storage import write_atomic

if TYPE_CHECKING:
    from pipeline.families.leftovers import Aligned
    from pipeline.language_id.evidence import EvidenceJudge


@dataclass(frozen=True)
class Article:
    """A source page: its name (file stem), path and source language, and its family."""

    name: str
    path: Path
    lang: str
    family: Family | None = None

    @property
    def is_original(self) -> bool:
        """False for a published translation of another page (a family member)."""
        return self.family is None or self.family.original.name == self.name

    def targets(self, settings: Settings) -> tuple[str, ...]:
        """Languages this article is translated into by Tolk.

        A published translation is never translated again: only the family's
        original is, and only into the languages the family is not published in.
        """
        langs = targets_for(self.lang, settings.languages)
        if self.family is None:
            return langs
        if not self.is_original:
            return ()
        return tuple(lang for lang in langs if lang not in self.family.langs)

    def published(self, settings: Settings) -> tuple[str, ...]:
        """Languages of the original's catalogs filled from a published translation."""
        if self.family is None or not self.is_original:
            return ()
        langs = targets_for(self.lang, settings.languages)
        return tuple(lang for lang in langs if lang in self.family.langs)

    def template(self, settings: Settings) -> Path:
        """Its .pot file."""
        return template_path(settings.locales, self.name)

    def catalog(self, settings: Settings, lang: str) -> Path:
        """Its .po file for ``lang``."""
        return catalog_path(settings.locales, lang, self.name)

    def built(self, settings: Settings, lang: str) -> Path:
        """Its built page for ``lang``."""
        return built_dir(settings, lang) / f"{self.name}.html"

    def source_ref(self, settings: Settings) -> str:
        """Its path as written in catalogs: relative to the project, with slashes."""
        return settings.relative(self.path)


def discover(
    settings: Settings,
    names: list[str] | None = None,
    errors: list[PipelineError] | None = None,
    *,
    remember: bool = True,
) -> list[Article]:
    """The articles of the project (all, or those named), sorted by name.

    What each page says of itself is remembered in ``build/`` unless ``remember``
    is off (a dry run writes nothing).

    Raises :class:`InputError` for a named article that does not exist. A page
    that cannot be read or has no usable ``<html lang>`` raises too, unless an
    ``errors`` list is given: then it is recorded there and skipped, so one
    bad page does not stop the work on the others.
    """
    folder = settings.sources
    if not folder.is_dir():
        raise InputError(
            "source folder not found",
            path=folder,
            hint="create it or set source_dir in [tool.tolk]",
        )
    paths = sorted(folder.glob("*.html"))
    if names:
        wanted = {n.removesuffix(".html").rsplit("/", 1)[-1] for n in names}
        missing = wanted - {p.stem for p in paths}
        if missing:
            name = sorted(missing)[0]
            raise InputError(
                f"no article named '{name}'",
                path=folder / f"{name}.html",
                hint="run 'tolk stats' to list the articles",
            )
    else:
        wanted = {p.stem for p in paths}
    # Every page is read, named or not: a family spans pages that were not named.
    facts: list[PageFacts] = []
    known = _KnownPages(settings)
    for path in paths:
        try:
            _check_name(path)
            facts.append(known.facts(path))
        except PipelineError as exc:
            if path.stem not in wanted:
                continue
            if errors is None:
                raise
            errors.append(exc)
            continue
    families = find_families(facts, settings.families, known.evidence)
    if remember:
        known.save()
    family_of = {m.name: f for f in families for m in f.members}
    return [
        Article(f.name, Path(f.path), f.lang, family_of.get(f.name))
        for f in facts
        if f.name in wanted
    ]


#: Where :class:`_KnownPages` keeps what it read, beside the stages' manifest.
KNOWN_PAGES_NAME = ".tolk-pages.json"


class _KnownPages:
    """The language and head links of each page, keyed by the page's content hash.

    Every command discovers the articles, and parsing every page for two facts
    was most of an unchanged rerun's time; a page whose bytes (and Tolk's
    version) are as last time is not parsed again. A page that cannot be read
    is never remembered, so its error shows every time. The file is only a
    cache: unreadable, it is ignored; unwritable (a read-only checkout), not
    written.
    """

    def __init__(self, settings: Settings) -> None:
        self.path = settings.build / KNOWN_PAGES_NAME
        self._pages: dict[str, Any] = {}
        self._seen: dict[str, Any] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") == code_version():
                self._pages = dict(data["pages"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass

    def facts(self, path: Path) -> PageFacts:
        """The page's facts, from the cache when its bytes did not change."""
        key, digest = path.name, None  # one folder; the same key on every machine
        try:  # only a regular file is opened here: a FIFO would wait forever
            if stat.S_ISREG(os.stat(path).st_mode):
                digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        except OSError:
            pass  # read_document below says what is wrong, in one line
        entry = self._pages.get(key)
        if digest is not None and isinstance(entry, list) and entry[:1] == [digest]:
            _, lang, canonical, alternates, *_ = entry
            links = PageLinks(canonical, tuple((h, u) for h, u in alternates))
        else:
            from pipeline.html.document import read_document
            from pipeline.html.extract import page_language
            from pipeline.html.links import page_links

            doc = read_document(path)
            lang, links = page_language(doc), page_links(doc)
        if digest is not None:
            evidence: object = {}
            if isinstance(entry, list) and len(entry) == 5 and entry[0] == digest:
                evidence = entry[4]
            links_data = [list(a) for a in links.alternates]
            counts = dict(evidence) if isinstance(evidence, dict) else {}
            self._seen[key] = [digest, lang, links.canonical, links_data, counts]
        return PageFacts(path.stem, str(lang), str(path), links)

    def evidence(self, page: PageFacts, lang: str) -> int:
        """:func:`pipeline.families.leftover_evidence`, remembered per page and language:
        it runs the language detector over the whole page."""
        entry = self._seen.get(Path(page.path).name)
        if entry is None:
            return leftover_evidence(page, lang)
        counts = entry[4]
        if lang not in counts:
            counts[lang] = leftover_evidence(page, lang)
        return int(counts[lang])

    def save(self) -> None:
        """Remember the pages read this time (and keep the others'), if anything changed."""
        pages = {**self._pages, **self._seen}
        if pages == self._pages:
            return
        text = json.dumps({"version": code_version(), "pages": pages}, sort_keys=True)
        with contextlib.suppress(OSError):  # only a cache: the next run parses again
            write_atomic(self.path, text + "\n")


def find_project_families(articles: list[Article]) -> list[Family]:
    """The families among ``articles``, each once, sorted by the original's name."""
    found = {a.family.original.name: a.family for a in articles if a.family is not None}
    return [found[name] for name in sorted(found)]


def aligned_evidence(settings: Settings) -> dict[tuple[str, str], Aligned]:
    """Where each segment of the project's published translations comes from.

    What ``tolk check`` and ``tolk fix`` give the language check so a leftover
    on a published translation names its original segment. Empty outside a
    project (no source folder) or when no page belongs to a family; a page
    that cannot be read is left out, as ``discover`` leaves it out.
    """
    try:
        articles = discover(settings, None, [])
    except PipelineError:
        return {}
    from pipeline.families.leftovers import family_evidence

    families = find_project_families(articles)
    return family_evidence(families, show=lambda path: settings.relative(Path(path)))


#: Article names Tolk's own files use: ``ui`` would be the page furniture's ui.po.
RESERVED_NAMES = frozenset({catalog.UI_CATALOG})


def _check_name(path: Path) -> None:
    """Refuse a page whose name would clash with Tolk's files or break a catalog.

    ``ui.html`` would overwrite ``ui.po`` (the shared furniture); a newline or
    other control character in a name ends up in ``#:`` lines that neither Tolk
    nor msgfmt can read back; a hidden name would hide its catalog.
    """
    name = path.stem
    if name.casefold() in RESERVED_NAMES:
        raise InputError(
            f"'{name}' is a reserved name (Tolk's {name}.po holds page furniture), skipped",
            path=path,
            hint="rename the page",
        )
    if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029" for ch in path.name):
        raise InputError(
            f"file name {path.name!r} holds a control character, skipped",
            path=repr(str(path))[1:-1],
            hint="rename the page with letters, digits and dashes",
        )
    if name.startswith("."):
        raise InputError("hidden page name, skipped", path=path, hint="rename the page")


CHANGES_FILE = "changes.json"
"""The change list ``tolk fix`` writes beside the pages it repairs."""


LOCK_FILE = ".tolk.lock"
"""The project lock every writing command holds (ignored by git)."""


def lock_path(settings: Settings) -> Path:
    """``locales/.tolk.lock``: held by the run that writes the project."""
    return settings.locales / LOCK_FILE


def built_dir(settings: Settings, lang: str) -> Path:
    """``build/<lang>/``: the pages built for ``lang``."""
    return settings.build / lang


def fixed_dir(settings: Settings) -> Path:
    """``build/fixed/``: where ``tolk fix`` writes repaired pages by default."""
    return settings.build / "fixed"


def changes_file(settings: Settings) -> Path:
    """``build/fixed/changes.json``: the audit trail of ``tolk fix``."""
    return fixed_dir(settings) / CHANGES_FILE


def report_dir(settings: Settings) -> Path:
    """``build/report/``: the static HTML report."""
    return settings.build / "report"


def ui_catalog(settings: Settings, lang: str) -> Path:
    """``locales/<lang>/LC_MESSAGES/ui.po``: page furniture in ``lang``."""
    return ui_catalog_path(settings.locales, lang)


def glossary_path(settings: Settings) -> Path:
    """``locales/glossary.txt``: do-not-translate terms."""
    return settings.locales / GLOSSARY_FILE


GLOSSARY_FILE = "glossary.txt"


def glossary_terms(settings: Settings) -> tuple[str, ...]:
    """Do-not-translate terms from ``locales/glossary.txt`` (one a line, ``#`` comments).

    Brand, product and person names that translators keep as they are; the
    language check does not judge them and ``same-as-source`` accepts them.
    """
    path = glossary_path(settings)
    if not path.exists():
        return ()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte {exc.start})", path=path, hint="save the glossary as UTF-8"
        ) from None
    return tuple(t for t in _glossary_lines(text) if not t.startswith("!"))


def site_term_vetoes(settings: Settings) -> tuple[str, ...]:
    """Words a person said are not the site's own names: ``!word`` lines of the glossary.

    ``tolk terms`` lists the names the leftover judge learns from the pages; a
    veto makes the judge weigh that word like any other.
    """
    path = glossary_path(settings)
    if not path.exists():
        return ()
    lines = _glossary_lines(path.read_text(encoding="utf-8", errors="replace"))
    return tuple(t[1:].strip() for t in lines if t.startswith("!") and t[1:].strip())


def _glossary_lines(text: str) -> list[str]:
    return [t for raw in text.splitlines() if (t := raw.split("#", 1)[0].strip())]


# -- the project's translation memory ------------------------------------------
def memory_path(settings: Settings) -> Path:
    """The memory's store: ``locales/memory.jsonl``."""
    return settings.locales / STORE_NAME


def load_store(settings: Settings) -> TranslationMemory:
    """The memory's own store: units imported from TMX or seeded by translators.

    Catalog entries are not stored there: they live in the catalogs and are
    read afresh each run, so the store never holds a translation a translator
    has since changed, and a commit of the store shows only real imports.
    """
    store = memory_path(settings)
    return TranslationMemory.load(store) if store.exists() else TranslationMemory()


def build_memory(
    settings: Settings,
    articles: list[Article],
    skip: Collection[Path] = (),
    *,
    store: bool = True,
    remember: bool = True,
    errors: list[PipelineError] | None = None,
) -> TranslationMemory:
    """The project memory: the store's units plus every catalog's entries.

    Catalogs in ``skip`` are left out: ``translate --force`` reconsiders them,
    so their own entries must not hide what the store and the others know.
    Without ``store``, only the catalogs: what ``memory import`` need not copy.
    Each catalog's units are remembered by its content hash (see
    :class:`_CatalogUnits`) unless ``remember`` is off (a dry run).
    An unreadable catalog raises, unless an ``errors`` list is given: then it
    is recorded there and left out, as :func:`discover` does with pages.
    """
    memory = TranslationMemory(load_store(settings).units() if store else ())
    known = _CatalogUnits(settings)
    for article in articles:
        for lang in article.targets(settings):
            path = article.catalog(settings, lang)
            if not path.exists() or path in skip:
                continue
            origin = settings.relative(path)
            try:
                found = known.units(path, origin)
            except PipelineError as error:
                if errors is None:
                    raise
                errors.append(error)
                continue
            for source, target, fuzzy in found:
                memory.add(TMUnit(article.lang, lang, source, target, fuzzy, origin))
    if remember:
        known.save()
    return memory


class _CatalogUnits:
    """Each catalog's memory units, keyed by the catalog's content hash.

    Every command that needs the memory read every catalog for it; a catalog
    whose bytes (and Tolk's version) are as last time gives the units read
    then. Only a cache (``build/.tolk-memo/units.json``): unreadable, ignored;
    unwritable, not written.
    """

    def __init__(self, settings: Settings) -> None:
        self.path = settings.build / ".tolk-memo" / "units.json"
        self._old: dict[str, Any] = {}
        self._now: dict[str, Any] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") == code_version():
                self._old = dict(data["catalogs"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass

    def units(self, path: Path, key: str) -> list[tuple[str, str, bool]]:
        """The catalog's (source, target, fuzzy) units, as :func:`read_memory_units` gives."""
        digest = file_hash(path)  # never opens a FIFO: it would wait forever
        if digest in ("-", "!"):
            return catalog.read_memory_units(path)  # which says what is wrong
        entry = self._old.get(key)
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == digest:
            found = [(str(s), str(t), bool(f)) for s, t, f in entry[1]]
        else:
            found = catalog.read_memory_units(path)
        self._now[key] = [digest, [list(u) for u in found]]
        return found

    def save(self) -> None:
        """Write what was read, if anything changed (others' entries are kept)."""
        catalogs = {**self._old, **self._now}
        if catalogs == self._old:
            return
        text = json.dumps({"version": code_version(), "catalogs": catalogs}, ensure_ascii=False)
        with contextlib.suppress(OSError):  # only a cache
            write_atomic(self.path, text + "\n")


def known_translations(
    settings: Settings, memory: TranslationMemory | None = None
) -> list[tuple[str, str, str, str, bool]]:
    """What the project knows of its texts' languages, for the leftover judge.

    (source language, source, target language, target, reviewed) for every unit
    of the memory store and the catalogs (``memory``, when the caller built it
    already), and every ``ui.po`` furniture entry. A folder that is no project
    (no locales) knows nothing.
    """
    if not settings.locales.is_dir():
        return []
    # A unit aligned from a published page vouches for its source only: the
    # published text may hold the very leftovers being looked for.
    known = [
        (u.src_lang, u.source, u.tgt_lang, u.target, not u.fuzzy and not _aligned(u))
        for u in (memory or build_memory(settings, discover(settings, errors=[]))).units()
    ]
    for lang in settings.languages:
        for (source_lang, text), (translation, fuzzy) in catalog.load_furniture(
            settings.locales, lang
        ).items():
            known.append((source_lang, text, lang, translation, not fuzzy))
    return known


def _aligned(unit: TMUnit) -> bool:
    return unit.origin.startswith(ALIGNED_PREFIX)


def leftover_judge(settings: Settings, memory: TranslationMemory | None = None) -> EvidenceJudge:
    """The language judge with the project's own evidence: glossary, memory,
    catalogs and ui.po, and the vetoed site terms. ``check``, ``fix`` and
    ``report`` share it, so a fix repairs exactly what the check reports and the
    report counts what the check counts. Its verdicts persist in the
    user's cache (``TOLK_CACHE_DIR``), so a rerun judges only new texts."""
    from pipeline.language_id.cache import VerdictCache
    from pipeline.language_id.evidence import EvidenceJudge

    return EvidenceJudge(
        glossary=glossary_terms(settings),
        known=known_translations(settings, memory),
        vetoed=site_term_vetoes(settings),
        cache=VerdictCache(),
        fuzzy_threshold=settings.fuzzy_threshold,
    )
