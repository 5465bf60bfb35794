"""Repairs for mixed-language leftovers: page furniture, memory, then a machine.

A leftover is replaced by a translation that already exists before anything
new is made: the shared page-furniture catalog (``ui.po``, which translators
maintain) for bylines and labels, then the translation memory (a Dutch card
title is the title of a Dutch article whose French translation the memory
holds), then the translation of a source the memory knows close to the
leftover (a fuzzy match at ``fuzzy_threshold``, offered for review, never applied
by ``tolk fix``: it translates another text), and only then a machine
translation from the language the leftover was found in. Machine-made
replacements are queued for review in ``ui.po`` as fuzzy entries. (A foreign
duplicate of the heading below it is removed instead; the language check
decides that, on cognates and numbers.)

:meth:`LeftoverRepairs.retranslate` serves the other half of an honest
glued-word repair: when the memory (which holds the catalogs too) knows the
sentence a glued text was translated from, a reviewed translation of that
original, or else a machine one, is offered for review, never applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pipeline.catalogs import po as catalog
from pipeline.checks.base import REVIEW_NOTE, Fix, Item
from pipeline.checks.language import JUDGED_CHARS
from pipeline.config import Settings
from pipeline.errors import ModelError, PipelineError
from pipeline.fixes.fixers import render_date_in_locale
from pipeline.language_id.evidence import FUZZY_MIN_WORDS
from pipeline.memory import TranslationMemory, comparable
from pipeline.project import ui_catalog
from pipeline.segments import Segment
from pipeline.text.codes import CLOSING, OPENING, code_problems, strip_codes

if TYPE_CHECKING:
    from pipeline.checks.base import Suggest

MEMORY_MIN_SCORE = 100.0  # only an exact memory match repairs a page unseen
# A leftover needs as many words before a fuzzy memory match is offered for it
# as the judge needs before a fuzzy match is evidence (FUZZY_MIN_WORDS): "Delete
# file" is close to "Delete files", and the translation of one is not the other's.


@dataclass
class LeftoverRepairs:
    """The ``suggest`` hook of the checks, with what it needs loaded lazily."""

    settings: Settings
    use_engine: bool = True
    memory: TranslationMemory | None = None
    review: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    _furniture: dict[str, dict[tuple[str, str], tuple[str, bool]]] = field(default_factory=dict)
    _engine: Any = None
    _unreachable: set[tuple[str, str]] = field(default_factory=set)
    _originals: dict[tuple[str, str], list[tuple[str, str]]] | None = None
    unreadable: list[PipelineError] = field(default_factory=list)
    """Catalogs the memory had to leave out: the command says so and exits 2."""

    # -- sources -------------------------------------------------------------
    def project_memory(self) -> TranslationMemory:
        """The memory repairs draw on (the store and every catalog), built once;
        the language judge takes its evidence from the same object."""
        if self.memory is None:
            from pipeline.project import build_memory, discover

            # Outside a project (tolk check on any page) there may be no
            # articles: the memory is then just the store, if any.
            skipped: list[PipelineError] = []
            try:
                articles = discover(self.settings, None, skipped)
            except PipelineError:
                articles = []
            # One unreadable catalog leaves out its units, not the whole run.
            self.memory = build_memory(self.settings, articles, errors=self.unreadable)
        return self.memory

    def _furniture_for(self, lang: str) -> dict[tuple[str, str], tuple[str, bool]]:
        if lang not in self._furniture:
            self._furniture[lang] = catalog.load_furniture(self.settings.locales, lang)
        return self._furniture[lang]

    def _machine(self, text: str, src: str, tgt: str) -> tuple[str, str] | None:
        if not self.use_engine or (src, tgt) in self._unreachable:
            return None
        try:
            if self._engine is None:
                from pipeline.engines import get_engine

                self._engine = get_engine(self.settings.engine)
            (result,) = self._engine.translate([text], src, tgt)
        except ModelError:
            self._unreachable.add((src, tgt))  # ask once per pair, not per leftover
            return None
        return result.text, result.comment

    # -- the hook --------------------------------------------------------------
    def suggest(self, segment: Segment, found: str | None) -> Fix | None:
        """A replacement for a leftover found in language ``found``, or None."""
        target = segment.lang
        if found is None or found == target:
            return None
        text = segment.text
        fix = self._from_furniture(text, found, target)
        if fix is None:
            fix = self._from_memory(text, found, target)
        if fix is None:
            fix = self._from_fuzzy_memory(text, found, target)
        if fix is None and len(text) <= JUDGED_CHARS:  # no machine run over a 1 MB paragraph
            made = self._machine(text, found, target)
            if made is not None and not code_problems(text, made[0]):
                fix = Fix(made[0], made[1])
                self.review.append((target, found, text, made[0], made[1]))
        return fix

    def _from_furniture(self, text: str, found: str, target: str) -> Fix | None:
        entries = self._furniture_for(target)
        for (lang, phrase), (replacement, fuzzy) in sorted(
            entries.items(), key=lambda item: -len(item[0][1])
        ):
            if lang != found or fuzzy:
                continue
            m = re.match(f"^({OPENING})?" + re.escape(phrase) + rf"({CLOSING})?(?=\s|<|$)", text)
            if not m:
                continue
            rest = render_date_in_locale(text[m.end() :], target)
            new = f"{m.group(1) or ''}{replacement}{m.group(2) or ''}{rest}"
            return Fix(new, "ui.po")
        return None

    def _from_memory(self, text: str, found: str, target: str) -> Fix | None:
        for match in self.project_memory().lookup(found, target, text, threshold=MEMORY_MIN_SCORE):
            if match.codes_fit and not match.unit.fuzzy:
                return Fix(match.target, f"memory: {match.unit.origin or 'store'}")
        return None

    def _from_fuzzy_memory(self, text: str, found: str, target: str) -> Fix | None:
        """The known translation of a source text close to ``text`` (at the project's
        ``fuzzy_threshold``), offered for review and never applied unreviewed: it
        translates the close text, so the words that differ may be wrong.

        The language judge takes such a text for a leftover on the same evidence
        (a text close to a known source in another language); this offers that
        source's translation as the fix. The source of the fix names the entry's
        origin, whether a person reviewed it, the score and the text it translates.
        """
        if len(strip_codes(text).split()) < FUZZY_MIN_WORDS:
            return None
        threshold = self.settings.fuzzy_threshold
        for match in self.project_memory().lookup(found, target, text, threshold=threshold):
            if match.exact or not match.codes_fit:
                continue
            unit = match.unit
            kind = "unreviewed entry" if unit.fuzzy else "reviewed entry"
            close = " ".join(strip_codes(unit.source).split())
            close = close if len(close) <= 60 else close[:59] + "…"
            return Fix(
                match.target,
                f"memory: {unit.origin or 'store'} (fuzzy {match.score:.0f}, {kind} "
                f"for “{close}”, {REVIEW_NOTE})",
            )
        return None

    # -- glued words -------------------------------------------------------------
    def _originals_of(self, text: str, lang: str) -> list[tuple[str, str]]:
        """(language, source) of the memory units whose target reads ``text``."""
        if self._originals is None:
            self._originals = {}
            for unit in self.project_memory().units():
                key = (unit.tgt_lang, comparable(unit.target))
                self._originals.setdefault(key, []).append((unit.src_lang, unit.source))
        return self._originals.get((lang, comparable(text)), [])

    def retranslate(self, item: Item) -> Fix | None:
        """A new translation of the sentence a glued text was made from, for review.

        A reviewed exact memory match of the original comes first, then a
        machine translation; one that reads like the glued text is no offer.
        The source says where it comes from and that it awaits review.
        """
        glued = comparable(item.text)
        for src, original in self._originals_of(item.text, item.lang):
            for match in self.project_memory().lookup(src, item.lang, original, threshold=100.0):
                if not match.unit.fuzzy and comparable(match.target) != glued:
                    origin = match.unit.origin or "store"
                    return Fix(match.target, f"memory: {origin} (to review)")
            made = self._machine(original, src, item.lang)
            if made is not None and comparable(made[0]) != glued:
                return Fix(made[0], f"{made[1]} (to review)")
        return None

    def save_for_review(self) -> int:
        """Add machine-made replacements to ``ui.po`` as fuzzy entries."""
        added = 0
        for lang in sorted({r[0] for r in self.review}):
            items = [(src, text, new, origin) for tgt, src, text, new, origin in self.review
                     if tgt == lang]  # fmt: skip
            added += catalog.add_for_review(ui_catalog(self.settings, lang), lang, items)
        self.review.clear()
        return added


def leftover_suggester(settings: Settings, *, use_engine: bool = False) -> Suggest | None:
    """The hook that proposes a replacement for a leftover.

    Page furniture (``ui.po``) and the translation memory always; a machine
    translation only when ``use_engine`` (``tolk fix``), so ``tolk check``
    stays quick and never loads a model.
    """
    return LeftoverRepairs(settings, use_engine=use_engine).suggest
