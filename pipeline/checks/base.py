"""What every check is made of: the unit it judges, the problem it reports, the finding.

A check, like Weblate's, is a small class with an id (kebab-case), a name, a
one-line description, the languages it applies to, a severity and, where an
automatic repair is safe, the names of its fixers in :mod:`pipeline.fixes.fixers`.
It judges one :class:`Item` at a time (a sentence of a page, or a catalog
entry); checks that need the page order (a duplicate in a row) or that batch
work over many texts (language identification) override :meth:`Check.check_page`
or :meth:`Check.check_pages` instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pipeline.segments import Segment
from pipeline.text.codes import (
    CodeText,
    reader_offsets,
    reader_text,
    recover_shows,
    strip_codes,
)

if TYPE_CHECKING:
    from pipeline.checks.language import Judge
    from pipeline.families.leftovers import EvidenceMap

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
Origin = Literal["page", "catalog"]
CodeTags = tuple[tuple[int, str, tuple[tuple[str, str], ...]], ...]
CodeTexts = tuple[CodeText, ...]

IGNORE_ALL = "*"
"""The id in :attr:`Item.ignored` that silences every check."""


def severity_rank(severity: Severity) -> int:
    """0 for errors, 1 for warnings, 2 for info: lower is worse.

    >>> sorted(["info", "error", "warning"], key=severity_rank)
    ['error', 'warning', 'info']
    """
    return SEVERITIES.index(severity)


REVIEW_NOTE = "to review"
"""Ends the source of a replacement no person vouches for as a translation of
this text: a fuzzy memory match translates a text close to it, not it."""


@dataclass(frozen=True, slots=True)
class Fix:
    """A proposed repair of a finding's text, and where it comes from."""

    replacement: str
    source: str

    @property
    def for_review(self) -> bool:
        """True when a person must read the replacement before it goes on a page:
        a machine made it, or it translates a text close to this one (fuzzy memory).

        >>> Fix("Écrit par l'équipe", "memory: fr.po (fuzzy 88, to review)").for_review
        True
        >>> Fix("Écrit par", "ui.po").for_review, Fix("x", "machine: argos").for_review
        (False, True)
        """
        return self.source.startswith("machine") or f"{REVIEW_NOTE})" in self.source

    def to_json(self) -> dict[str, str]:
        """The ``fix`` object of the JSON output."""
        return {"replacement": self.replacement, "source": self.source}


Suggest = Callable[[Segment, "str | None"], "Fix | None"]
"""Proposes a replacement for a leftover: (segment, language found) -> Fix."""


@dataclass(frozen=True)
class CheckContext:
    """What every check of one run shares: the glossary, the language judge, the
    suggestion hook, the alignment evidence.

    One object handed to every check, so a check that needs one more thing reads
    one more field instead of :func:`pipeline.checks.make_checks` special-casing
    its constructor. ``judge`` None means the real judge, built on first use;
    ``suggest`` None means no replacement is proposed for leftovers; ``aligned``
    says, for the segments of published translations (by resolved path and
    segment key), which original segment each is aligned to
    (:func:`pipeline.families.leftovers.family_evidence`); None outside a project.
    """

    glossary: tuple[str, ...] = ()
    judge: Judge | None = None
    suggest: Suggest | None = None
    aligned: EvidenceMap | None = None


@dataclass(frozen=True)
class Item:
    """One text a check judges: a segment of a page or an entry of a catalog.

    ``text`` is what is judged (with inline codes): the segment's text on a page,
    the translation (msgstr) in a catalog. ``source`` is the source text of a
    catalog entry (msgid), None on a page. ``ignored`` holds the ids of checks
    silenced for this item (``*`` for all) by a ``data-tolk-ignore`` attribute
    or an ``ignore-<check-id>`` flag.
    """

    text: str
    lang: str
    file: str = "<string>"
    line: int = 0
    location: str = ""
    key: str = ""
    origin: Origin = "page"
    source: str | None = None
    source_lang: str | None = None
    context: str = "text"
    kind: str = "text"
    fuzzy: bool = False
    foreign: str | None = None
    code_tags: CodeTags = ()
    code_texts: CodeTexts = ()
    ignored: frozenset[str] = frozenset()
    segment: Segment | None = None

    @property
    def plain(self) -> str:
        """The text a reader sees, without inline codes."""
        return strip_codes(self.text)

    @property
    def translated(self) -> bool:
        """False for a catalog entry with an empty translation."""
        return bool(self.text)

    def ignores(self, check_id: str) -> bool:
        """True when this item opted out of ``check_id``."""
        return IGNORE_ALL in self.ignored or check_id in self.ignored

    def tag_of(self, code: int) -> str | None:
        """The HTML tag behind inline code ``code`` (pages only; None if unknown)."""
        for number, tag, _attrs in self.code_tags:
            if number == code:
                return tag
        return None


@dataclass(frozen=True)
class Problem:
    """What a check found wrong with one item.

    ``severity`` overrides the check's default (a check may grade its problems);
    ``fixable`` is False when this instance has no safe automatic repair even
    though the check has fixers; ``remove_element`` says the repair is to
    remove the element holding the text (a leftover above its translation).
    """

    message: str
    severity: Severity | None = None
    found_lang: str | None = None
    confidence: float | None = None
    fixable: bool = True
    remove_element: bool = False
    spans: tuple[tuple[int, int, str], ...] = ()
    """Foreign runs inside the text, as (start, end, language) offsets into the
    item's text, when only part of it is foreign; empty when all of it is."""
    marks: tuple[tuple[int, int], ...] = ()
    """Where in the item's plain text (codes removed) the problem is, when it is
    narrower than the text and the text is still the finding's (the two words
    of a glued pair): what a reader's eye is sent to, not what is reported."""


class Check:
    """Base of all checks. Subclasses set the class attributes and :meth:`check`."""

    id: ClassVar[str] = ""
    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    family: ClassVar[str] = ""
    severity: ClassVar[Severity] = "warning"
    languages: ClassVar[frozenset[str]] = frozenset()  # empty: every language
    fixers: ClassVar[tuple[str, ...]] = ()
    needs_source: ClassVar[bool] = False
    origins: ClassVar[frozenset[Origin]] = frozenset({"page", "catalog"})
    judges_untranslated: ClassVar[bool] = False
    skips_leftovers: ClassVar[bool] = False
    """True for checks of the page language's conventions, which say nothing
    useful about a text the language check found in another language."""
    reads_links: ClassVar[bool] = False
    """True for checks of a page's links and language statements (items of kind
    ``link``), which every other check leaves alone."""

    def __init__(self, context: CheckContext | None = None) -> None:
        self.run_context = context if context is not None else CheckContext()

    def applies(self, item: Item) -> bool:
        """True when this check has something to say about ``item`` at all."""
        if item.origin not in self.origins or (item.kind == "link") != self.reads_links:
            return False
        if self.languages and item.lang not in self.languages:
            return False
        if self.needs_source and item.source is None:
            return False
        return self.judges_untranslated or item.translated

    def check(self, item: Item) -> Problem | None:
        """Judge one item; None when it passes."""
        raise NotImplementedError

    def check_page(self, items: Sequence[Item]) -> list[Problem | None]:
        """Judge the items of one file, in file order (one result per item)."""
        return [self.check(item) if self.applies(item) else None for item in items]

    def check_pages(self, pages: Sequence[Sequence[Item]]) -> list[list[Problem | None]]:
        """Judge many files at once (override to batch work across files)."""
        return [self.check_page(items) for items in pages]

    def judge_pages(self, pages: Sequence[Sequence[Item]]) -> list[list[Problem | None]]:
        """:meth:`check_pages` with opt-outs applied: what the runner calls.

        An item flagged ``ignore-<id>`` (or ``*``) for this check gets None. It
        is done here, once, so neither a check that overrides
        :meth:`check_pages` nor the runner has to remember it.
        """
        results = self.check_pages(pages)
        return [
            [
                None if problem is not None and item.ignores(self.id) else problem
                for item, problem in zip(items, problems, strict=True)
            ]
            for items, problems in zip(pages, results, strict=True)
        ]

    def suggestion(self, item: Item, problem: Problem) -> Fix | None:
        """A replacement from the run's suggestion hook; None unless a check asks for one.

        Only leftovers are repaired this way (see :class:`MixedLanguage`).
        """
        return None

    def fix(self, item: Item, problem: Problem | None = None) -> tuple[str, tuple[str, ...]]:
        """The item's text after this check's fixers, and the fixers that changed it.

        Returns the text unchanged and ``()`` when the check has no fixer or the
        problem is marked not fixable.
        """
        if not self.fixers or (problem is not None and not problem.fixable):
            return item.text, ()
        from pipeline.fixes.fixers import apply_fixers

        text, steps = apply_fixers(item.text, item.lang, self.fixers)
        return text, tuple(step.fixer for step in steps)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"


#: The reason of a fix that removes a foreign duplicate of the next element.
REMOVE_SOURCE = "removed: foreign duplicate of the next element"


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported problem, located in a file: a row of the report."""

    file: str
    line: int
    location: str
    check: str
    severity: Severity
    text: str
    message: str
    found_lang: str | None = None
    expected_lang: str | None = None
    confidence: float | None = None
    fix: Fix | None = None
    key: str = ""
    span: tuple[int, int] | None = None
    """Where ``text`` lies in the segment's text, when it is part of it."""
    marks: tuple[tuple[int, int], ...] = ()
    """(start, end) ranges of the plain ``text`` (codes removed) the problem is
    about, when narrower than the text: the report marks these, not the whole
    sentence (a glued pair, not its paragraph)."""
    code_tags: CodeTags = field(default=(), compare=False, repr=False)
    """The tags behind the inline codes of ``text``, so a table shows ``<a>``, not ``<g1>``."""
    code_texts: CodeTexts = field(default=(), compare=False, repr=False)
    """The words of the codes kept whole in ``text`` (a ``<kbd>``'s key name), so
    the finding reads as the page does: "the Shift key", not "the <x1/> key"."""

    @property
    def readable(self) -> str:
        """The text as a reader sees it: no codes, the words of codes kept whole in place."""
        return reader_text(self.text, self.code_texts)

    @property
    def sort_key(self) -> tuple[str, int, str, str, str]:
        """Order of the report: file, line, location, check (then key, for ties)."""
        return (self.file, self.line, self.location, self.check, self.key)

    @property
    def page_order(self) -> tuple[int, str, str, str, str]:
        """Order within one page: line, then a stable order among a line's findings."""
        return (self.line, self.location, self.check, self.text, self.message)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Finding:
        """Read a finding from ``tolk check --format json``, tolerating odd fields.

        Saved JSON may come from another version or be edited by hand; a
        report should still show it rather than refuse it.

        >>> Finding.from_json({"file": "a.html", "line": "3", "severity": "fatal"}).severity
        'error'
        >>> Finding.from_json({"file": "a.html", "fix": {"replacement": ""}}).fix
        Fix(replacement='', source='')
        >>> f = Finding.from_json({"text": "Press Fn now.", "coded_text": "Press <x1/> now.",
        ...                        "marks": [[9, 12]]})
        >>> f.text, f.code_texts, f.marks
        ('Press <x1/> now.', ((1, 'Fn'),), ((7, 10),))

        Since ``coded_text`` came, ``text`` is the reader's text and ``coded_text``
        the coded one; older files have only ``text``, coded.
        """
        severity = str(data.get("severity") or "info").lower()
        if severity not in SEVERITIES:
            severity = "error" if severity in ("fatal", "critical") else "info"
        fix = data.get("fix")
        confidence = data.get("confidence")
        try:
            line = int(data.get("line") or 0)
        except (TypeError, ValueError):
            line = 0
        readable = str(data.get("text") or "")
        coded = data.get("coded_text")
        text = str(coded) if isinstance(coded, str) else readable
        shows = recover_shows(text, readable) if isinstance(coded, str) else ()
        marks = (
            tuple(p for p in map(_pair, data.get("marks") or ()) if p is not None)
            if isinstance(data.get("marks"), list)
            else ()
        )
        if shows:
            marks = _plain_marks(marks, reader_offsets(text, shows))
        return cls(
            file=str(data.get("file") or ""),
            line=line,
            location=str(data.get("location") or ""),
            check=str(data.get("check") or "?"),
            severity=severity,  # type: ignore[arg-type]
            text=text,
            message=str(data.get("message") or ""),
            found_lang=_opt_str(data.get("found_lang")),
            expected_lang=_opt_str(data.get("expected_lang")),
            confidence=float(confidence) if isinstance(confidence, int | float) else None,
            fix=Fix(str(fix.get("replacement") or ""), str(fix.get("source") or ""))
            if isinstance(fix, Mapping) and fix.get("replacement") is not None
            else None,
            span=_pair(data.get("span")),
            marks=marks,
            code_texts=shows,
        )

    def to_json(self) -> dict[str, Any]:
        """The finding in the JSON shape CI reads.

        ``text`` is what a reader sees (no codes; a ``<kbd>``'s key name in
        place), ``coded_text`` the same text with its inline codes as catalogs
        hold it (a literal "<" written "&lt;"), which a fix's ``replacement``
        is written in; ``fix.text`` is the replacement as a reader will see it.
        ``marks`` are ranges of ``text``; ``span`` is where ``coded_text`` lies in
        the segment's coded text.
        """
        offsets = reader_offsets(self.text, self.code_texts) if self.marks else []
        fix = None
        if self.fix is not None:
            fix = {**self.fix.to_json(), "text": reader_text(self.fix.replacement, self.code_texts)}
        return {
            "file": self.file,
            "line": self.line,
            "location": self.location,
            "check": self.check,
            "severity": self.severity,
            "text": self.readable,
            "found_lang": self.found_lang,
            "expected_lang": self.expected_lang,
            "confidence": None if self.confidence is None else round(self.confidence, 4),
            "message": self.message,
            "fix": fix,
            "span": None if self.span is None else list(self.span),
            "marks": [[offsets[a], offsets[b]] for a, b in self.marks if b < len(offsets)],
            "coded_text": self.text,
        }


def _plain_marks(
    marks: tuple[tuple[int, int], ...], offsets: list[int]
) -> tuple[tuple[int, int], ...]:
    """Marks read as ranges of the reader's text, back as ranges of the plain text
    (codes removed, as the checks count): the first plain offset at or after each end.

    >>> _plain_marks(((4, 5),), [0, 1, 4, 5])  # "b" of "a Fnb", plain "a b"
    ((2, 3),)
    """
    out = []
    for a, b in marks:
        start = next((i for i, o in enumerate(offsets) if o >= a), len(offsets) - 1)
        end = next((i for i, o in enumerate(offsets) if o >= b), len(offsets) - 1)
        if start < end:
            out.append((start, end))
    return tuple(out)


def _pair(value: Any) -> tuple[int, int] | None:
    """A ``[start, end]`` of saved JSON as offsets, or None when it is not one.

    >>> _pair([3, 7]), _pair([7, 3]), _pair("3-7"), _pair([1, True])
    ((3, 7), None, None, None)
    """
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    start, end = value
    if not all(type(v) is int for v in (start, end)) or not 0 <= start < end:
        return None
    return start, end


def _opt_str(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)
