"""The language check: text left in another language than the page's.

Every segment of a page (visible sentences, translatable attributes, title,
meta tags, JSON-LD), and every translation of a catalog, goes to
:class:`pipeline.language_id.evidence.EvidenceJudge` in one batch. Deliberately foreign
text (an element with its own ``lang``) is not judged. A leftover title sitting
right above its own translation (a Dutch ``<p class="title">`` above the
French ``<h1>``) is said to be one, so a reviewer removes it rather than
translating it a second time.

On a published translation the alignment with its original
(:mod:`pipeline.families.leftovers`, in the run's context) joins the judge's
evidence: a flagged segment says which original segment it is aligned to; a
segment that reads as its original segment and that the judge could not place
(too little text to be sure) is a leftover of the original's language when the
judge's best guess agrees; a leftover that reads as its original is a leftover
as a whole, never in part; and its replacement is made from the original
segment (memory, page furniture, or a machine translation for review).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from rapidfuzz import fuzz

from pipeline.checks.base import Check, Fix, Item, Problem
from pipeline.language_id.verdicts import CONTEXTS, Span, Verdict
from pipeline.languages import LANGUAGES, display_name
from pipeline.text.codes import code_problems, strip_codes

if TYPE_CHECKING:
    from pipeline.checks.base import Suggest
    from pipeline.families.leftovers import Aligned
    from pipeline.language_id.evidence import SiteEvidence

COGNATE_SHARE = 0.6
"""Share of the leftover's long words that must have a close counterpart
(similarity >= 75 with accents folded) in the element below for the two to
count as translations of each other: "threonaat"/"thréonate",
"synaptische"/"synaptique". With equal numbers, this is the evidence that a
title above its translation is a duplicate to remove, not merely foreign."""
TITLE_LENGTH_BAND = (0.6, 1.6)
ALIGNED_MIN_LETTERS = 20
"""Letters a segment that reads as its original needs before the alignment alone
(with the judge's best guess agreeing) makes it a leftover: "Blog" or "Contact"
read the same in any language."""
_SITE_NAME_RE = re.compile(r"og:site_name|application-name")
"""Where a page names its own site: that name is never a leftover on it."""


JUDGED_CHARS = 5_000
"""Characters of one text the leftover judge reads. A paragraph of 800 words
fits; past that the cost only grows (every word is weighed) and the text is a
mistake or a dump more than prose: the rest is not read, and a warning says so."""
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _site_names(items: Sequence[Item]) -> frozenset[str]:
    """The names a page gives its own site (``og:site_name``, ``application-name``),
    case-folded: the logo and the footer's "© Lindeboom" are that name, in no language.
    """
    return frozenset(
        " ".join(item.plain.casefold().split())
        for item in items
        if _SITE_NAME_RE.search(item.location)
    )


def _names_only(text: str, verdict: Verdict, names: frozenset[str]) -> bool:
    """True when everything the verdict flags is the page's own site name.

    >>> v = Verdict("Lindeboom", "en", "nl", 0.6, True, "foreign", (Span(0, 9, "nl", 0.6),))
    >>> _names_only("Lindeboom", v, frozenset({"lindeboom"}))
    True
    """
    if not names:
        return False
    pieces = [text[s.start : s.end] for s in verdict.spans] or [text]
    return all(
        " ".join(strip_codes(piece).casefold().split()).strip(" .:;,!?·|-–—©") in names
        for piece in pieces
    )


class Judge(Protocol):
    """What the check needs from a language judge (see ``EvidenceJudge``)."""

    def judge_many(self, items: Sequence[tuple[str, str, str]]) -> list[Verdict]:
        """Judge ``(text, expected language, context)`` items in one batch."""
        ...


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", strip_codes(text).casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s-]", " ", folded).split())


def cognate_overlap(a: str, b: str) -> float:
    """Share of the long words of ``a`` with a close counterpart in ``b`` (0..1).

    >>> round(cognate_overlap("Magnesium L-threonaat: synaptische plasticiteit",
    ...                       "Magnésium L-thréonate : plasticité synaptique"), 2)
    1.0
    >>> round(cognate_overlap("Magnesium side effects", "Magnésium et grossesse"), 2)
    0.33
    """
    words_a = _LONG_WORD.findall(_fold(a))
    words_b = _LONG_WORD.findall(_fold(b))
    if not words_a or not words_b:
        return 0.0
    close = sum(1 for w in words_a if max(fuzz.ratio(w, v) for v in words_b) >= 75)
    return close / len(words_a)


def is_translation_below(leftover: Item, below: Item) -> bool:
    """True when ``below`` is shown to translate ``leftover`` (a title above it).

    Language alone is never enough: the heading below must be of similar
    length, carry the same numbers, and share most long words as cognates.

    >>> nl = Item("Magnesium L-threonaat: hersengezondheid en cognitieve veerkracht", "fr")
    >>> fr = Item("Magnésium L-thréonate : santé du cerveau et résilience cognitive", "fr",
    ...           context="heading")
    >>> is_translation_below(nl, fr)
    True
    >>> other = Item("Magnesium side effects and interactions", "fr")
    >>> below = Item("Magnésium et grossesse : les précautions", "fr", context="heading")
    >>> is_translation_below(other, below)
    False
    """
    if below.context != "heading":
        return False
    a, b = _fold(leftover.text), _fold(below.text)
    if not a or not b:
        return False
    if not TITLE_LENGTH_BAND[0] <= len(b) / len(a) <= TITLE_LENGTH_BAND[1]:
        return False
    if _NUMBER.findall(a) != _NUMBER.findall(b):
        return False
    return cognate_overlap(leftover.text, below.text) >= COGNATE_SHARE


class MixedLanguage(Check):
    """Leftovers: text in another language than the page's (or the catalog's)."""

    id = "mixed-language"
    name = "Mixed language"
    description = "Text left in another language than the page's (leftovers)."
    family = "language"
    severity = "error"
    languages = frozenset(LANGUAGES)

    _judge: Judge | None = None
    site: SiteEvidence | None = None
    """The site's names learned from every file of a run judged in chunks
    (see :func:`pipeline.checks.runner.run_checks`); None: from the batch."""

    @property
    def judge(self) -> Judge:
        """The language judge, built on first use (Lingua loads lazily)."""
        if self._judge is None:
            self._judge = self.run_context.judge
        if self._judge is None:
            from pipeline.language_id.evidence import EvidenceJudge

            self._judge = EvidenceJudge(glossary=self.run_context.glossary)
        return self._judge

    def aligned_to(self, item: Item) -> Aligned | None:
        """The original segment a published page's item is aligned to, if known."""
        aligned = self.run_context.aligned
        if not aligned or item.origin != "page":
            return None
        from pipeline.families.leftovers import evidence_key

        return aligned.get(evidence_key(item.file, item.key))

    def suggestion(self, item: Item, problem: Problem) -> Fix | None:
        """The run's replacement for a leftover segment, when the run has a hook.

        On a published translation the original segment is translated first (it
        is what the page should have said); the leftover's own text is the fallback.
        """
        suggest = self.run_context.suggest
        if suggest is None or item.segment is None:
            return None
        aligned = self.aligned_to(item)
        if aligned is not None and aligned.source_lang != item.lang:
            fix = suggest(replace(item.segment, text=aligned.source), aligned.source_lang)
            if (
                fix is not None
                and fix.replacement != item.text
                and not code_problems(item.text, fix.replacement)
            ):
                return Fix(fix.replacement, f"{fix.source} (of the original, {aligned.where})")
        partial = self._span_repair(item, problem, suggest)
        if partial is not None:
            return partial
        return suggest(item.segment, problem.found_lang)

    @staticmethod
    def _span_repair(item: Item, problem: Problem, suggest: Suggest) -> Fix | None:
        """Repair only the foreign words of a text partly foreign ("Gepubliceerd
        op" in an English byline becomes "Published on", the rest stays as it is).

        Each span is replaced by what the hook offers for its words alone; a span
        the hook has nothing for stays, and no fix is proposed when none has one.
        """
        if not problem.spans or item.segment is None:
            return None
        text, sources = item.text, []
        for start, end, lang in sorted(problem.spans, reverse=True):
            words = item.text[start:end]
            fix = suggest(replace(item.segment, text=words), lang)
            if fix is None or not fix.replacement or code_problems(words, fix.replacement):
                continue
            text = text[:start] + fix.replacement + text[end:]
            sources.append(fix.source)
        if not sources or text == item.text:
            return None
        return Fix(text, " + ".join(reversed(sources)))

    def applies(self, item: Item) -> bool:
        """Translated text, in one of the three languages, not deliberately foreign."""
        return super().applies(item) and item.foreign is None

    def check(self, item: Item) -> Problem | None:
        """Judge one item (prefer :meth:`check_pages`, which batches)."""
        return self.check_pages([[item]])[0][0]

    def check_page(self, items: Sequence[Item]) -> list[Problem | None]:
        """Judge the items of one file in one batch."""
        return self.check_pages([items])[0]

    def check_pages(self, pages: Sequence[Sequence[Item]]) -> list[list[Problem | None]]:
        """Judge every eligible item of every file in one batch (each distinct text once)."""
        # The same text in the same place is judged once: a page repeats its
        # title in <title>, og:title, twitter:title, JSON-LD and <h1>, and a
        # site repeats its menus and footers on every page.
        wanted: list[tuple[int, int, int]] = []
        unique: dict[tuple[str, str, str], int] = {}
        for p, items in enumerate(pages):
            for i, item in enumerate(items):
                if self.applies(item):
                    context = item.context if item.context in CONTEXTS else "attribute"
                    key = (_judged(item.text), item.lang, context)
                    wanted.append((p, i, unique.setdefault(key, len(unique))))
        verdicts: list[Verdict] = []
        if unique and self.site is not None:
            verdicts = self.judge.judge_many(list(unique), site=self.site)  # type: ignore[call-arg]
        elif unique:
            verdicts = self.judge.judge_many(list(unique))
        results: list[list[Problem | None]] = [[None] * len(items) for items in pages]
        flagged: dict[tuple[int, int], tuple[Verdict, Aligned | None]] = {}
        names = [_site_names(items) for items in pages]
        for p, i, n in wanted:
            aligned = self.aligned_to(pages[p][i])
            verdict = _with_alignment(verdicts[n], aligned)
            if verdict.foreign and not _names_only(pages[p][i].text, verdict, names[p]):
                flagged[(p, i)] = (verdict, _supporting(verdict, aligned))
            elif len(pages[p][i].text) > JUDGED_CHARS:
                results[p][i] = _overlong(pages[p][i])
        for (p, i), (verdict, aligned) in flagged.items():
            item = pages[p][i]
            j = self._next_text(pages[p], i)
            title_of = None
            if j is not None and item.origin == "page" and (p, j) not in flagged:
                below = pages[p][j]
                copy_above = (
                    aligned is not None
                    and aligned.unpaired
                    and aligned.translated_line == below.line
                )
                title_of = below if copy_above or is_translation_below(item, below) else None
            results[p][i] = self._problem(item, verdict, title_of, aligned)
            if len(item.text) > JUDGED_CHARS:
                problem = results[p][i]
                assert problem is not None
                results[p][i] = replace(problem, message=f"{problem.message}{_READ_ONLY}")
        return results

    @staticmethod
    def _next_text(items: Sequence[Item], i: int) -> int | None:
        """The index of the next visible text after item ``i``, in another element."""
        here = items[i]
        for j in range(i + 1, len(items)):
            item = items[j]
            if item.kind != "text":
                continue
            same_element = (
                here.segment is not None
                and item.segment is not None
                and item.segment.unit == here.segment.unit
            )
            if not same_element:
                return j
        return None

    @staticmethod
    def _problem(
        item: Item, verdict: Verdict, title_of: Item | None, aligned: Aligned | None = None
    ) -> Problem:
        found = verdict.found or "?"
        found_name = display_name(found) if found in LANGUAGES else found
        page_name = display_name(item.lang)
        where = "page" if item.origin == "page" else "catalog"
        if title_of is not None:
            message = (
                f"{found_name} title right above its {page_name} translation "
                f"(line {title_of.line}): remove this element"
            )
        elif verdict.spans and any(
            s.end - s.start < len(verdict.text) * 0.8 for s in verdict.spans
        ):
            parts = ", ".join(f"“{verdict.text[s.start : s.end].strip()}”" for s in verdict.spans)
            message = f"part of the text is {found_name} on {_a(page_name)} {where}: {parts}"
        else:
            message = f"{found_name} text left on {_a(page_name)} {where}"
        if aligned is not None:
            message += f" ({aligned.describe()})"
        partial = tuple(
            (s.start, s.end, s.lang)
            for s in verdict.spans
            if s.end - s.start < len(verdict.text) * 0.8
        )
        return Problem(
            message,
            found_lang=verdict.found,
            confidence=verdict.confidence,
            remove_element=title_of is not None,
            spans=partial if title_of is None and partial else (),
        )


_READ_ONLY = f" (only its first {JUDGED_CHARS:,} characters were read)"


def _judged(text: str) -> str:
    """What the judge reads of ``text``: at most :data:`JUDGED_CHARS`, cut between words.

    >>> len(_judged("woord " * 2_000)) <= JUDGED_CHARS
    True
    """
    if len(text) <= JUDGED_CHARS:
        return text
    cut = text.rfind(" ", 0, JUDGED_CHARS)
    return text[: cut if cut > JUDGED_CHARS // 2 else JUDGED_CHARS]


def _overlong(item: Item) -> Problem:
    """A warning: the text is too long to read for leftovers past its start."""
    return Problem(
        f"{len(item.text):,} characters in one text: only the first {JUDGED_CHARS:,} were "
        "read for leftovers; split it into paragraphs",
        severity="warning",
        fixable=False,
    )


def _with_alignment(verdict: Verdict, aligned: Aligned | None) -> Verdict:
    """The judge's verdict, with what the alignment adds.

    A text that reads as the original segment it is aligned to, or as an
    original block it was left beside, is foreign as a whole (a Dutch card
    title with an English term inside is not "part Dutch"), and one the judge
    could not place is a leftover when long enough and the judge's best guess
    is the original's language.
    """
    if aligned is None or not aligned.same:
        return verdict
    whole = (Span(0, len(verdict.text), aligned.source_lang, verdict.confidence or 0.0),)
    if verdict.foreign and verdict.found == aligned.source_lang:
        return replace(verdict, spans=whole)
    letters = sum(ch.isalpha() for ch in strip_codes(verdict.text))
    if (
        not verdict.foreign
        and verdict.reason == "low-confidence"
        and verdict.found == aligned.source_lang
        and letters >= ALIGNED_MIN_LETTERS
    ):
        return replace(verdict, foreign=True, reason="aligned", spans=whole)
    return verdict


def _supporting(verdict: Verdict, aligned: Aligned | None) -> Aligned | None:
    """The alignment, when it supports the verdict: the text reads as its original,
    or is in the original's language."""
    if aligned is None:
        return None
    return aligned if aligned.same or verdict.found == aligned.source_lang else None


def _a(noun: str) -> str:
    """``noun`` with its indefinite article: "an English page", "a Dutch page".

    >>> _a("English"), _a("French")
    ('an English', 'a French')
    """
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"
