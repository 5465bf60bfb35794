"""``tolk fix``: repair what can be repaired safely, and account for every edit.

Each page is parsed once and checked; for each finding whose check has a
safe fixer, the fixers of :mod:`pipeline.fixes.fixers` rewrite the segment's text,
and a leftover gets the replacement the ``suggest`` hook offers, if any. The
page is then rebuilt by :func:`pipeline.html.merge.merge_document` with the
repaired texts as translations into the page's own language, so nothing but
the repaired text changes, and written atomically (to ``build/fixed/`` by
default, or in place).

Every edit is a :class:`Change` (file, line, location, key, check, before,
after, source). The list is written as JSON and can be replayed on the same
source pages: replaying applies each ``before -> after`` by segment key, and
only where the segment still reads ``before`` (the others are counted as
skipped). A replay in place writes only pages inside the project, or pages
named on the command line, whatever files the list names.

Two kinds of repair are never passed off as finished. A glued-word repair
puts back the lost space, but the words around the join were usually
mistranslated along with the markup ("abaissant pics de cortisol qui"), so
every such sentence is also left for a person, with a fresh translation of
its original offered when the original is known. A machine-made replacement
of a leftover is not applied unless the project allows it
(``apply_machine_fixes``): it is left for a person with the replacement offered.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.checks import make_checks
from pipeline.checks.base import REMOVE_SOURCE, Check, Finding, Fix, Item, Problem, Suggest
from pipeline.checks.inputs import CheckedFile, collect_inputs, page_from_document
from pipeline.checks.language import Judge
from pipeline.checks.runner import CHUNK_FILES, finding_of, findings_of, judge_files, learn_site
from pipeline.errors import InputError, PipelineError
from pipeline.fixes.fixers import apply_fixers
from pipeline.html.document import Document, read_document
from pipeline.html.merge import merge_document
from pipeline.html.rules import NO_RULES, SiteRules
from pipeline.progress import Progress, progress
from pipeline.project import CHANGES_FILE
from pipeline.storage import write_atomic
from pipeline.text.spacing import find_glued

if TYPE_CHECKING:
    from pipeline.families.leftovers import EvidenceMap

CHANGES_VERSION = 1

GLUED_REVIEW = (
    "spacing restored at the join, but the words around it were translated without "
    "their markup and may be wrong: read the sentence"
)
"""The message of a repaired glued-word sentence left for a person."""

MACHINE_HELD = "machine-made replacement offered, not applied: review it"
"""Added to a leftover's message when its machine-made replacement was held back."""
FUZZY_HELD = "fuzzy memory match offered, not applied: review it"
"""Added to a leftover's message when the replacement offered translates a text
close to it (a fuzzy memory match): never applied unreviewed."""

Offer = Callable[[Item], "Fix | None"]
"""Offers a new translation of a sentence whose words were glued, marked for review."""


def is_machine(source: str) -> bool:
    """True for a replacement a machine made (``machine: argos en_fr-1.9``).

    >>> is_machine("machine: argos en_fr-1.9"), is_machine("memory: translators")
    (True, False)
    """
    return source.startswith("machine")


def is_glued_review(finding: Finding) -> bool:
    """True for a repaired glued-word sentence left for a person to read."""
    return finding.check == "glued-words" and finding.message == GLUED_REVIEW


def is_machine_held(finding: Finding) -> bool:
    """True for a leftover whose machine-made replacement was held back for review."""
    return finding.fix is not None and finding.message.endswith(MACHINE_HELD)


def is_fuzzy_held(finding: Finding) -> bool:
    """True for a leftover whose fuzzy memory match was offered, not applied."""
    return finding.fix is not None and finding.message.endswith(FUZZY_HELD)


@dataclass(frozen=True)
class Change:
    """One automatic edit of one segment: enough to show, explain and replay it."""

    file: str
    line: int
    location: str
    key: str
    check: str
    before: str
    after: str
    source: str

    def to_json(self) -> dict[str, Any]:
        """The change as a JSON object."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any, where: str = "changes") -> Change:
        """A change read back from JSON; an :class:`InputError` if malformed."""
        names = ("file", "line", "location", "key", "check", "before", "after", "source")
        if not isinstance(data, dict) or any(n not in data for n in names):
            raise InputError(
                "malformed change record", path=where, hint=f"each change needs {', '.join(names)}"
            )
        try:
            line = int(data["line"])
        except (TypeError, ValueError):
            raise InputError(
                "malformed change record: 'line' is not a number", path=where
            ) from None
        file, location, key, check, before, after, source = (
            str(data[n]) for n in names if n != "line"
        )
        return cls(file, line, location, key, check, before, after, source)


@dataclass(frozen=True)
class PageFix:
    """What fixing one page did."""

    file: str
    written: str | None
    output: str = ""
    changes: tuple[Change, ...] = ()
    left: tuple[Finding, ...] = ()
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class FixReport:
    """What a ``tolk fix`` run did over all pages."""

    pages: tuple[PageFix, ...] = field(default_factory=tuple)
    changes_file: str | None = None
    skipped: int = 0
    """Recorded changes a replay could not apply (their page changed since)."""

    @property
    def changes(self) -> tuple[Change, ...]:
        """Every change, page by page, in the order applied."""
        return tuple(c for p in self.pages for c in p.changes)

    @property
    def left(self) -> tuple[Finding, ...]:
        """Findings no fixer could repair, or repaired only in part: for a person."""
        return tuple(f for p in self.pages for f in p.left)

    @property
    def machine_changes(self) -> tuple[Change, ...]:
        """Changes a machine made, applied unreviewed (only when the project allows it)."""
        return tuple(c for c in self.changes if is_machine(c.source))

    def to_json(self) -> dict[str, Any]:
        """The report as JSON: the change list, and what is left to do."""
        return {
            "version": CHANGES_VERSION,
            "changes": [c.to_json() for c in self.changes],
            "outputs": {p.file: p.output for p in self.pages if p.changes},
            "written": [p.written for p in self.pages if p.written],
            "left": [f.to_json() for f in self.left],
            "problems": [f"{p.file}: {m}" for p in self.pages for m in p.problems],
            "skipped": self.skipped,
        }


# -- planning -------------------------------------------------------------------


def plan_changes(
    found: Sequence[tuple[Check, Item, Problem]],
    *,
    apply_machine: bool = False,
    offer: Offer | None = None,
) -> tuple[list[Change], list[Finding]]:
    """The changes that repair the findings of one file, in check order.

    Fixers of several checks on one segment chain: each works on the text the
    previous one left. A leftover is replaced first (when the check's
    suggestion hook offers a replacement), so the fixers then work on the
    replacement; a machine-made replacement only when ``apply_machine``, else
    the leftover is left for a person with the replacement offered. A sentence
    whose glued words were spaced is left for a person too, with what
    ``offer`` proposes for it. Returns the changes (an element to remove is a
    change to the empty text) and the findings left for a person.
    """
    current: dict[str, str] = {}
    changes: list[Change] = []
    left: list[Finding] = []
    for check, item, problem in found:
        seg = item.segment
        if seg is None or not seg.translatable:
            left.extend(findings_of(check, item, problem))
            continue
        text = current.get(item.key, item.text)
        if problem.remove_element:
            # A change to the empty text: merge takes the element out, the
            # change list shows it, and a replay does it again.
            changes.append(_change(item, check.id, text, "", REMOVE_SOURCE))
            current[item.key] = ""
            continue
        if check.fixers and problem.fixable:
            fixed, steps = apply_fixers(text, item.lang, check.fixers)
            for step in steps:
                changes.append(
                    _change(item, check.id, step.before, step.after, f"fixes.{step.fixer}")
                )
            if steps:
                current[item.key] = fixed
                if check.id == "glued-words" and _words_were_glued(text, item.lang):
                    left.append(_glued_review(check, item, problem, fixed, offer))
                continue
        proposed = check.suggestion(item, problem)
        if proposed is not None and proposed.replacement and proposed.replacement != text:
            machine = is_machine(proposed.source)
            if proposed.for_review and not (machine and apply_machine):
                held = finding_of(check, item, problem)
                message = f"{held.message}; {MACHINE_HELD if machine else FUZZY_HELD}"
                left.append(replace(held, message=message, fix=proposed))
                continue
            changes.append(_change(item, check.id, text, proposed.replacement, proposed.source))
            current[item.key] = proposed.replacement
            continue
        left.extend(findings_of(check, item, problem))
    changes.sort(key=lambda c: c.line)  # stable: a segment's steps keep their order
    return changes, left


def _words_were_glued(text: str, lang: str) -> bool:
    """True when two words met at a code: a sign the translation lost its markup.

    A link glued after "(2007)" lost a space, not words, and is no such sign.
    """
    return any(g.left[-1:].isalpha() for g in find_glued(text, lang))


def _glued_review(
    check: Check, item: Item, problem: Problem, fixed: str, offer: Offer | None
) -> Finding:
    """The repaired sentence, for a person: the space is back, the translation unchecked."""
    offered = offer(item) if offer is not None else None
    return replace(
        finding_of(check, item, problem),
        severity="warning",
        text=fixed,
        message=GLUED_REVIEW,
        fix=offered,
    )


def _change(item: Item, check: str, before: str, after: str, source: str) -> Change:
    return Change(item.file, item.line, item.location, item.key, check, before, after, source)


def final_texts(changes: Iterable[Change]) -> dict[str, str]:
    """Key -> the last text the changes give it (the translations for merge)."""
    texts: dict[str, str] = {}
    for change in changes:
        texts[change.key] = change.after
    return texts


# -- applying -------------------------------------------------------------------


def rebuild_page(
    doc: Document, checked: CheckedFile, texts: dict[str, str], rules: SiteRules = NO_RULES
) -> tuple[str, list[str]]:
    """The page with ``texts`` (key -> text) merged in, and merge's complaints.

    A key whose text became empty names an element to remove (a foreign
    duplicate of its neighbour).
    """
    remove = {key for key, text in texts.items() if text == ""}
    result = merge_document(
        doc,
        {k: v for k, v in texts.items() if v},
        checked.lang,
        source_lang=checked.lang,
        remove=remove,
        rules=rules,
    )
    problems = [f"line {p.line}: {p.location}: {p.message}" for p in result.problems]
    return result.html, problems


def _target(path: Path, relative: Path, out_dir: Path, in_place: bool) -> Path:
    return path if in_place else out_dir / relative


def fix_pages(
    paths: Sequence[str | Path],
    *,
    out_dir: Path = Path("build/fixed"),
    in_place: bool = False,
    lang: str | None = None,
    disabled: Iterable[str] = (),
    judge: Judge | None = None,
    glossary: Iterable[str] = (),
    suggest: Suggest | None = None,
    write_changes: bool = True,
    apply_machine: bool = False,
    offer: Offer | None = None,
    aligned: EvidenceMap | None = None,
    rules: SiteRules = NO_RULES,
    quiet: bool = True,
    errors: list[PipelineError] | None = None,
) -> FixReport:
    """Check pages, repair what the safe fixers can, write the pages and the change list.

    The change list (``out_dir/changes.json``) is written on every run, empty
    when nothing changed, so it always describes the last run and a replay
    never repeats edits of an older one. ``apply_machine`` and ``offer`` are
    those of :func:`plan_changes`; ``aligned`` lets a published translation's
    leftovers be repaired from their original segments. Catalogs are not fixed here (their
    translations are a translator's work).
    Raises :class:`InputError` for a missing path or two pages that would be
    written to the same place. A page that cannot be read raises too, unless an
    ``errors`` list is given: then it is recorded there and the others are fixed.
    """
    inputs = [
        (p, r)
        for p, r in collect_inputs(paths, exclude=[out_dir])
        if p.suffix.lower() in (".html", ".htm")
    ]
    _no_collisions(inputs, out_dir, in_place)
    checks = make_checks(disabled, judge=judge, glossary=glossary, suggest=suggest, aligned=aligned)
    # In chunks, as tolk check: the site's names learned from every page first,
    # then each chunk's parsed pages let go once fixed and written.
    chunks = [inputs[i : i + CHUNK_FILES] for i in range(0, len(inputs), CHUNK_FILES)]
    if len(chunks) > 1:
        learn_site([p for p, _ in inputs], checks, lang, rules)
    pages: list[PageFix] = []
    with progress("fix", len(inputs) + len(checks) * len(chunks), quiet=quiet) as bar:
        for chunk in chunks:
            pages.extend(
                _fix_chunk(
                    chunk, checks, bar, lang, rules, out_dir, in_place, apply_machine, offer, errors
                )
            )
    report = FixReport(tuple(pages))
    if write_changes:
        # Even an empty list: a change list left from an earlier run would
        # describe edits this run did not make.
        target = out_dir / CHANGES_FILE
        write_atomic(target, json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n")
        report = FixReport(report.pages, str(target))
    return report


def _fix_chunk(
    inputs: Sequence[tuple[Path, Path]],
    checks: Sequence[Check],
    bar: Progress,
    lang: str | None,
    rules: SiteRules,
    out_dir: Path,
    in_place: bool,
    apply_machine: bool,
    offer: Offer | None,
    errors: list[PipelineError] | None,
) -> list[PageFix]:
    """Check, repair and write one chunk of pages (see :func:`fix_pages`)."""
    loaded: list[tuple[Path, Path, Document, CheckedFile]] = []
    for path, relative in inputs:
        try:
            doc = read_document(path)
            page = page_from_document(doc, lang, str(path), rules=rules)
        except PipelineError as exc:
            if errors is None:
                raise
            errors.append(exc)
        else:
            loaded.append((path, relative, doc, page))
        bar.advance(1, str(relative))
    found = judge_files([c for *_rest, c in loaded], checks, bar)
    by_file: dict[str, list[tuple[Check, Item, Problem]]] = {}
    for check, item, problem in found:
        by_file.setdefault(item.file, []).append((check, item, problem))
    pages: list[PageFix] = []
    for path, relative, doc, checked in loaded:
        changes, left = plan_changes(
            by_file.get(checked.path, []), apply_machine=apply_machine, offer=offer
        )
        written: str | None = None
        problems: list[str] = []
        if changes:
            html, problems = rebuild_page(doc, checked, final_texts(changes), rules)
            target = _target(path, relative, out_dir, in_place)
            write_atomic(target, html)
            written = str(target)
        pages.append(
            PageFix(
                checked.path,
                written,
                relative.as_posix(),
                tuple(changes),
                tuple(left),
                tuple(problems),
            )
        )
    return pages


def _no_collisions(inputs: Sequence[tuple[Path, Path]], out_dir: Path, in_place: bool) -> None:
    if in_place:
        return
    seen: dict[Path, Path] = {}
    for path, relative in inputs:
        target = out_dir / relative
        if target in seen:
            raise InputError(
                f"would be written to the same file as {seen[target]}",
                path=path,
                hint="fix these pages in separate runs, or use --in-place",
            )
        seen[target] = path


# -- replaying ------------------------------------------------------------------


def load_changes(path: Path) -> tuple[list[Change], dict[str, str]]:
    """Read a change list written by ``tolk fix``: the changes, and where each page went.

    Raises :class:`InputError` naming the file when it is missing or malformed.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("change list not found", path=path, hint="check the path") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"cannot read the change list: {exc}", path=path) from None
    records = data.get("changes") if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise InputError("not a change list", path=path, hint='expected {"changes": [...]}')
    outputs = data.get("outputs", {}) if isinstance(data, dict) else {}
    if not isinstance(outputs, dict):
        outputs = {}
    return [Change.from_json(r, str(path)) for r in records], {
        str(k): str(v) for k, v in outputs.items()
    }


def replay_changes(
    changes: Sequence[Change],
    *,
    outputs: dict[str, str] | None = None,
    out_dir: Path = Path("build/fixed"),
    in_place: bool = False,
    only: Iterable[str | Path] = (),
    lang: str | None = None,
    root: Path | None = None,
    listing: str | Path = "change list",
    rules: SiteRules = NO_RULES,
) -> FixReport:
    """Apply recorded changes again to their source pages, by segment key.

    A change applies only where the segment still reads its ``before`` text;
    one that does not is reported, skipped and counted in
    :attr:`FixReport.skipped`. ``outputs`` (file -> path under ``out_dir``, as
    recorded by ``tolk fix``) says where each page goes, by default its file
    name; ``only`` limits the replay to some pages.

    In place, a change list could name any file: unless ``only`` names the
    pages, each page it writes must lie under ``root`` (the project, by
    default the current folder) once ``..`` and links are resolved; any other
    raises :class:`InputError` naming ``listing`` (the change list) and the
    page, before anything is written.
    """
    outputs = outputs or {}
    wanted = {_resolved(p) for p in only}
    by_file: dict[str, list[Change]] = {}
    for change in changes:
        if not wanted or _resolved(change.file) in wanted:
            by_file.setdefault(change.file, []).append(change)
    if in_place and not wanted:  # pages given by name are the user's own choice
        base = (root or Path.cwd()).resolve()
        for file in by_file:
            _refuse_outside(file, base, listing)
    pages: list[PageFix] = []
    skipped = 0
    for file, recorded in sorted(by_file.items()):
        path = Path(file)
        output = _safe_relative(outputs.get(file, path.name), file)
        doc = read_document(path)
        checked = page_from_document(doc, lang, file, rules=rules)
        texts = {item.key: item.text for item in checked.items}
        applied: list[Change] = []
        problems: list[str] = []
        for change in recorded:
            current = texts.get(change.key)
            if current is None:
                problems.append(f"line {change.line}: no segment with key {change.key}: skipped")
            elif current != change.before:
                problems.append(
                    f"line {change.line}: {change.location}: text differs from the recorded "
                    f"'before' ({change.check}): skipped"
                )
            else:
                texts[change.key] = change.after
                applied.append(change)
        skipped += len(recorded) - len(applied)
        written: str | None = None
        if applied:
            html, merge_problems = rebuild_page(doc, checked, final_texts(applied), rules)
            problems += merge_problems
            target = path if in_place else _inside(out_dir, output, listing)
            write_atomic(target, html)
            written = str(target)
        pages.append(PageFix(file, written, output, tuple(applied), (), tuple(problems)))
    return FixReport(tuple(pages), skipped=skipped)


def _resolved(path: str | Path) -> Path:
    return Path(path).resolve()


def _refuse_outside(file: str, base: Path, listing: str | Path) -> None:
    """Refuse to write in place a page that lies outside the project folder ``base``."""
    if not _resolved(file).is_relative_to(base):
        raise InputError(
            f"change for '{file}' is outside the project folder {base}: "
            "refusing to write it in place",
            path=listing,
            hint="replay without --in-place, or name the pages to fix",
        )


def _inside(out_dir: Path, output: str, listing: str | Path) -> Path:
    """``out_dir / output``, refused when a link inside ``out_dir`` leads elsewhere.

    ``output`` has no ``..`` (see :func:`_safe_relative`), but a folder under
    ``build/fixed`` may be a symbolic link to anywhere.
    """
    target = out_dir / output
    if not target.resolve().is_relative_to(out_dir.resolve()):
        raise InputError(
            f"'{target}' leads outside {out_dir} through a symbolic link: refusing to write it",
            path=listing,
            hint=f"remove the link under {out_dir}, or replay into another folder",
        )
    return target


def _safe_relative(value: str, file: str) -> str:
    """A recorded output path, refused if it would leave the output folder."""
    relative = Path(value)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise InputError(
            f"recorded output path '{value}' leaves the output folder",
            path=file,
            hint="edit the change list or fix the page again",
        )
    return relative.as_posix()
