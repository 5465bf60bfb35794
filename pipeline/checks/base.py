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
from pipeline.text.codes import strip_codes, unescape_text

if TYPE_CHECKING:
    from pipeline.checks.language import Judge
    from pipeline.families.leftovers import EvidenceMap

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
Origin = Literal["page", "catalog"]
CodeTags = tuple[tuple[int, str, tuple[tuple[str, str], ...]], ...]

IGNORE_ALL = "*"
"""The id in :attr:`Item.ignored` that silences every check."""


def severity_rank(severity: Severity) -> int:
    """0 for errors, 1 for warnings, 2 for info: lower is worse.

    >>> sorted(["info", "error", "warning"], key=severity_rank)
    ['error', 'warning', 'info']
    """
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)
class Fix:
    """A proposed repair of a finding's text, and where it comes from."""

    replacement: str
    source: str

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
    code_tags: CodeTags = field(default=(), compare=False, repr=False)
    """The tags behind the inline codes of ``text``, so a table shows ``<a>``, not ``<g1>``."""

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
        return cls(
            file=str(data.get("file") or ""),
            line=line,
            location=str(data.get("location") or ""),
            check=str(data.get("check") or "?"),
            severity=severity,  # type: ignore[arg-type]
            text=str(data.get("text") or ""),
            message=str(data.get("message") or ""),
            found_lang=_opt_str(data.get("found_lang")),
            expected_lang=_opt_str(data.get("expected_lang")),
            confidence=float(confidence) if isinstance(confidence, int | float) else None,
            fix=Fix(str(fix.get("replacement") or ""), str(fix.get("source") or ""))
            if isinstance(fix, Mapping) and fix.get("replacement") is not None
            else None,
        )

    def to_json(self) -> dict[str, Any]:
        """The finding in the JSON shape CI reads."""
        return {
            "file": self.file,
            "line": self.line,
            "location": self.location,
            "check": self.check,
            "severity": self.severity,
            # Codes stay (they show where the markup is); a literal "<" reads as
            # itself, not as the "&lt;" that keeps it apart from codes in catalogs.
            "text": unescape_text(self.text),
            "found_lang": self.found_lang,
            "expected_lang": self.expected_lang,
            "confidence": None if self.confidence is None else round(self.confidence, 4),
            "message": self.message,
            "fix": None if self.fix is None else self.fix.to_json(),
            "span": None if self.span is None else list(self.span),
        }


def _opt_str(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)
