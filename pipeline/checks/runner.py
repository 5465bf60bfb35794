"""Running the checks over pages and catalogs, and gathering the findings.

A page is parsed once: its segments come from the same walk extraction uses,
so keys, lines and locations are those of the catalogs, and the walk's
elements tell which segments opted out of which checks (``data-tolk-ignore``
on the element, an ancestor, or an inline element inside the sentence). A
catalog's entries opt out with ``#, ignore-<check-id>`` flags.

Every check sees all files at once, so the language check sends every text of
every page to Lingua in one batch.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import get_args

from lxml import etree

from pipeline.checks import make_checks
from pipeline.checks.base import (
    IGNORE_ALL,
    SEVERITIES,
    Check,
    Finding,
    Fix,
    Item,
    Origin,
    Problem,
    Severity,
    severity_rank,
)
from pipeline.checks.language import Judge
from pipeline.errors import CatalogError, InputError
from pipeline.html.document import Document, read_document
from pipeline.html.extract import page_language, unit_segments
from pipeline.html.walk import TextUnit, walk
from pipeline.segments import Context, KeyMaker, Segment

IGNORE_ATTR = "data-tolk-ignore"
IGNORE_FLAG = "ignore-"
PAGE_SUFFIXES = (".html", ".htm")
CATALOG_SUFFIXES = (".po",)
SKIPPED_FOLDERS = frozenset({"fixed", "report"})
"""Folders below a checked folder that hold Tolk's own output (``build/fixed``,
``build/report``): check them by naming them."""

Suggest = Callable[[Segment, str | None], Fix | None]
"""Proposes a replacement for a leftover: (segment, language found) -> Fix."""

_CONTEXTS: frozenset[str] = frozenset(get_args(Context))


@dataclass(frozen=True)
class CheckedFile:
    """One page or catalog, as the items the checks judge."""

    path: str
    origin: Origin
    lang: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class CheckReport:
    """What a run found, and over what."""

    findings: tuple[Finding, ...]
    files: tuple[CheckedFile, ...] = ()
    checks: tuple[str, ...] = ()
    families: dict[str, tuple[str, ...]] = field(default_factory=dict)
    folded: int = 0
    hidden: int = 0
    min_severity: Severity = "info"

    @property
    def segments(self) -> int:
        """Number of segments and entries judged."""
        return sum(len(f.items) for f in self.files)

    def count(self, severity: Severity) -> int:
        """Number of findings of one severity."""
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def failed(self) -> bool:
        """True when any finding is an error (the exit code is then 1)."""
        return any(f.severity == "error" for f in self.findings)

    def at_least(self, severity: Severity) -> CheckReport:
        """The report without findings less severe than ``severity``."""
        rank = severity_rank(severity)
        kept = tuple(f for f in self.findings if severity_rank(f.severity) <= rank)
        return replace(
            self,
            findings=kept,
            hidden=self.hidden + len(self.findings) - len(kept),
            min_severity=severity,
        )

    def summary(self) -> dict[str, object]:
        """Counts by check and severity, and what was checked."""
        by_check: dict[str, dict[str, int]] = {
            check: {s: 0 for s in SEVERITIES} for check in self.checks
        }
        for f in self.findings:
            by_check.setdefault(f.check, {s: 0 for s in SEVERITIES})[f.severity] += 1
        return {
            "files": len(self.files),
            "pages": sum(1 for f in self.files if f.origin == "page"),
            "catalogs": sum(1 for f in self.files if f.origin == "catalog"),
            "segments": self.segments,
            "findings": len(self.findings),
            "by_severity": {s: self.count(s) for s in SEVERITIES},
            "by_check": by_check,
            "folded_copies": self.folded,
            "hidden_below_severity": self.hidden,
            "min_severity": self.min_severity,
        }


# -- finding the inputs --------------------------------------------------------


def find_inputs(paths: Sequence[str | Path], *, exclude: Iterable[Path] = ()) -> list[Path]:
    """The pages and catalogs to check: files as given, folders searched recursively.

    A folder gives its ``*.html`` and ``*.po`` files (sorted), leaving out
    hidden folders and Tolk's own ``fixed/`` and ``report/`` output. A path
    that does not exist, or a file that is neither, is an :class:`InputError`.
    """
    return [path for path, _relative in collect_inputs(paths, exclude=exclude)]


def collect_inputs(
    paths: Sequence[str | Path], *, exclude: Iterable[Path] = ()
) -> list[tuple[Path, Path]]:
    """Like :func:`find_inputs`, with each file's path relative to its argument.

    A file given by name is relative to its own folder (just its name).
    """
    if not paths:
        raise InputError("nothing to check", hint="give pages, catalogs or folders")
    skip = {p.resolve() for p in exclude}
    found: list[tuple[Path, Path]] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError("no such file or folder", path=path, hint="check the path")
        if path.is_dir():
            candidates = [(c, c.relative_to(path)) for c in _walk_folder(path, skip)]
        elif path.suffix.lower() in PAGE_SUFFIXES + CATALOG_SUFFIXES:
            candidates = [(path, Path(path.name))]
        else:
            raise InputError(
                "not an HTML page or a .po catalog", path=path, hint="give .html or .po files"
            )
        for candidate, relative in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append((candidate, relative))
    return found


def _walk_folder(folder: Path, skip: set[Path]) -> list[Path]:
    found: list[Path] = []
    for here, dirs, files in os.walk(folder):
        base = Path(here)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in SKIPPED_FOLDERS
            and (base / d).resolve() not in skip
        )
        for name in sorted(files):
            if name.lower().endswith(PAGE_SUFFIXES + CATALOG_SUFFIXES):
                found.append(base / name)
    return found


# -- loading --------------------------------------------------------------------


def ignore_ids(value: str | None) -> frozenset[str]:
    """Check ids in a ``data-tolk-ignore`` value; empty means all.

    >>> sorted(ignore_ids("dates  glued-words")), sorted(ignore_ids("")), ignore_ids(None)
    (['dates', 'glued-words'], ['*'], frozenset())
    """
    if value is None:
        return frozenset()
    ids = value.split()
    return frozenset(ids) if ids else frozenset({IGNORE_ALL})


def load_page(path: Path, lang: str | None = None, shown: str | None = None) -> CheckedFile:
    """Parse a page once and turn its segments into items.

    Raises :class:`InputError` naming the file when it cannot be read or has no
    usable language.
    """
    return page_from_document(read_document(path), lang, shown or str(path))


def page_from_document(doc: Document, lang: str | None, shown: str) -> CheckedFile:
    """The items of a parsed page (see :func:`load_page`)."""
    page_lang = page_language(doc, lang)
    keys = KeyMaker()
    items: list[Item] = []
    for index, unit in enumerate(walk(doc.root, page_lang)):
        ignored = _ignored_above(unit.element)
        codes = unit.codes if isinstance(unit, TextUnit) else {}
        for seg in unit_segments(unit, index, page_lang, keys):
            here = ignored
            for number, _tag, _attrs in seg.code_tags:
                node = codes.get(number)
                if node is not None and isinstance(node.tag, str):
                    here = here | ignore_ids(node.get(IGNORE_ATTR))
            items.append(item_of_segment(seg, shown, here))
    return CheckedFile(shown, "page", page_lang, tuple(items))


def _ignored_above(element: etree._Element) -> frozenset[str]:
    ids: frozenset[str] = frozenset()
    node: etree._Element | None = element
    while node is not None:
        ids = ids | ignore_ids(node.get(IGNORE_ATTR))
        node = node.getparent()
    return ids


def item_of_segment(
    seg: Segment, file: str = "<string>", ignored: frozenset[str] = frozenset()
) -> Item:
    """The item checks judge for one page segment."""
    return Item(
        text=seg.text,
        lang=seg.foreign or seg.lang,
        file=file,
        line=seg.line,
        location=seg.location,
        key=seg.key,
        origin="page",
        context=seg.context,
        kind=seg.kind,
        foreign=seg.foreign,
        code_tags=seg.code_tags,
        ignored=ignored,
        segment=seg,
    )


def load_catalog_file(path: Path, shown: str | None = None) -> CheckedFile:
    """The entries of a .po catalog as items (translation judged against source)."""
    from pipeline.catalog import read_entries
    from pipeline.languages import normalize

    shown = shown or str(path)
    try:
        meta, entries = read_entries(path)
    except CatalogError as exc:
        raise InputError(exc.message, path=exc.path, line=exc.line, hint=exc.hint) from None
    lang = normalize(meta.get("Language")) or _lang_from_path(path)
    if lang is None:
        raise InputError(
            "catalog has no usable Language header",
            path=path,
            hint="add 'Language: fr' (or nl, en) or keep it under locales/<lang>/",
        )
    source_lang = normalize(meta.get("X-Source-Language"))
    items: list[Item] = []
    for e in entries:
        context = next((f[5:] for f in e.flags if f.startswith("tolk-")), "text")
        if context not in _CONTEXTS:
            context = "text"
        ignored = frozenset(f[len(IGNORE_FLAG) :] for f in e.flags if f.startswith(IGNORE_FLAG))
        ctx: Context = context  # type: ignore[assignment]
        seg = Segment(
            key=e.key,
            text=e.target,
            location=e.location,
            line=e.line,
            lang=lang,
            context=ctx,
        )
        items.append(
            Item(
                text=e.target,
                lang=lang,
                file=shown,
                line=e.line,
                location=e.location,
                key=e.key,
                origin="catalog",
                source=e.source,
                source_lang=source_lang,
                context=context,
                fuzzy=e.fuzzy,
                ignored=ignored,
                segment=seg,
            )
        )
    return CheckedFile(shown, "catalog", lang, tuple(items))


def _lang_from_path(path: Path) -> str | None:
    from pipeline.languages import normalize

    for part in reversed(path.parts[:-1]):
        lang = normalize(part) if len(part) <= 5 else None
        if lang:
            return lang
    return None


def load_file(path: Path, lang: str | None = None) -> CheckedFile:
    """A page or a catalog, by its suffix."""
    if path.suffix.lower() in CATALOG_SUFFIXES:
        return load_catalog_file(path)
    return load_page(path, lang)


# -- running --------------------------------------------------------------------


def fix_for(check: Check, item: Item, problem: Problem, suggest: Suggest | None) -> Fix | None:
    """The repair proposed for one finding: a fixer's output, or a suggestion.

    A foreign duplicate of its neighbour is proposed for removal (an empty
    replacement), which is what ``tolk fix`` does with it.
    """
    if problem.remove_element:
        from pipeline.fixing import REMOVE_SOURCE

        return Fix("", REMOVE_SOURCE)
    if check.fixers:
        text, names = check.fix(item, problem)
        if names and text != item.text:
            return Fix(text, "fixes:" + "+".join(names))
        return None
    if check.id == "mixed-language" and suggest is not None and item.segment is not None:
        return suggest(item.segment, problem.found_lang)
    return None


def finding_of(
    check: Check, item: Item, problem: Problem, suggest: Suggest | None = None
) -> Finding:
    """A finding for one problem of one item."""
    return Finding(
        file=item.file,
        line=item.line,
        location=item.location,
        check=check.id,
        severity=problem.severity or check.severity,
        text=item.text or (item.source or ""),
        message=problem.message,
        found_lang=problem.found_lang,
        expected_lang=item.lang,
        confidence=problem.confidence,
        fix=fix_for(check, item, problem, suggest),
        key=item.key,
    )


def findings_of(
    check: Check, item: Item, problem: Problem, suggest: Suggest | None = None
) -> list[Finding]:
    """The findings of one problem: one per foreign run when only part of the
    text is foreign ("Gepubliceerd op" in an English byline), else one."""
    whole = finding_of(check, item, problem, suggest)
    if not problem.spans:
        return [whole]
    return [
        replace(
            whole,
            text=item.text[start:end],
            found_lang=lang,
            span=(start, end),
            fix=None,
        )
        for start, end, lang in problem.spans
    ]


def judge_files(
    files: Sequence[CheckedFile], checks: Sequence[Check]
) -> list[tuple[Check, Item, Problem]]:
    """Every (check, item, problem) of the files, opt-outs removed, in check order.

    Checks of the page language's conventions (``skips_leftovers``) say nothing
    about text the language check found in another language: the leftover is
    reported once, as a leftover.
    """
    pages = [f.items for f in files]
    found: list[tuple[Check, Item, Problem]] = []
    leftovers: set[tuple[int, int]] = set()
    for check in checks:
        results = check.check_pages(pages)
        for p, (items, problems) in enumerate(zip(pages, results, strict=True)):
            for i, (item, problem) in enumerate(zip(items, problems, strict=True)):
                if problem is None or item.ignores(check.id):
                    continue
                if problem.found_lang is not None and problem.found_lang != item.lang:
                    leftovers.add((p, i))
                if check.skips_leftovers and (p, i) in leftovers:
                    continue
                found.append((check, item, problem))
    return found


def fold_copies(
    findings: Sequence[Finding], files: Sequence[CheckedFile]
) -> tuple[list[Finding], int]:
    """Show a finding repeated in a copy of the same page once.

    A built page in the source's own language (``build/fr/x.html`` from
    ``source_articles/x.html``) repeats every finding of its source. Two files
    are copies when they have the same name and the same segments: the same
    texts at the same keys, in the same language. Only then is a finding
    repeated in both (same line, location, check, text and message) folded,
    keeping that of the file that comes first in ``files``; two different
    pages that share a footer (``a/index.html``, ``b/index.html``) are both
    reported. Returns the findings kept and how many were folded.
    """
    rank = {f.path: i for i, f in enumerate(files)}
    groups: dict[tuple[object, ...], int] = {}
    copies = {f.path: groups.setdefault(_contents(f), len(groups)) for f in files}
    kept: dict[tuple[object, ...], Finding] = {}
    folded = 0
    for f in sorted(findings, key=lambda f: (rank.get(f.file, len(rank)), f.sort_key)):
        same = copies.get(f.file, f.file)  # a file not loaded is a copy of nothing
        name = Path(f.file).name
        key = (same, name, f.expected_lang, f.line, f.location, f.check, f.text, f.message)
        if key in kept:
            folded += 1
            continue
        kept[key] = f
    return sorted(kept.values(), key=lambda f: f.sort_key), folded


def _contents(file: CheckedFile) -> tuple[object, ...]:
    """What two copies of a page share: origin, language, and every (key, text)."""
    return (file.origin, file.lang, tuple((item.key, item.text) for item in file.items))


def check_files(
    files: Sequence[CheckedFile],
    checks: Sequence[Check],
    *,
    suggest: Suggest | None = None,
    fold: bool = True,
) -> CheckReport:
    """Run the checks over loaded files."""
    findings = [f for c, i, p in judge_files(files, checks) for f in findings_of(c, i, p, suggest)]
    folded = 0
    if fold:
        findings, folded = fold_copies(findings, files)
    else:
        findings.sort(key=lambda f: f.sort_key)
    return CheckReport(
        findings=tuple(findings),
        files=tuple(files),
        checks=tuple(c.id for c in checks),
        families={
            "page": tuple(
                sorted({c.family for c in checks if "page" in c.origins and not c.needs_source})
            ),
            "catalog": tuple(sorted({c.family for c in checks if "catalog" in c.origins})),
        },
        folded=folded,
    )


def run_checks(
    paths: Sequence[str | Path],
    *,
    lang: str | None = None,
    disabled: Iterable[str] = (),
    judge: Judge | None = None,
    glossary: Iterable[str] = (),
    suggest: Suggest | None = None,
    exclude: Iterable[Path] = (),
) -> CheckReport:
    """Check pages, catalogs and folders of them; the whole ``tolk check``."""
    checks = make_checks(disabled, judge=judge, glossary=glossary)
    files = [load_file(path, lang) for path in find_inputs(paths, exclude=exclude)]
    return check_files(files, checks, suggest=suggest)
