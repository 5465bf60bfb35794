"""Running the checks over loaded files, and gathering the findings.

Every check sees all files at once, so the language check sends every text of
every page to Lingua in one batch. Copies of a page (a built page in its
source's language) are folded so a finding is shown once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.checks import make_checks
from pipeline.checks.base import (
    REMOVE_SOURCE,
    Check,
    Finding,
    Fix,
    Item,
    Problem,
    Suggest,
)
from pipeline.checks.inputs import CheckedFile, find_inputs, load_file
from pipeline.checks.language import Judge
from pipeline.checks.results import CheckReport
from pipeline.html.rules import NO_RULES, SiteRules

if TYPE_CHECKING:
    from pipeline.families.leftovers import EvidenceMap
from pipeline.errors import PipelineError
from pipeline.progress import Progress, progress

# -- running --------------------------------------------------------------------


def fix_for(check: Check, item: Item, problem: Problem) -> Fix | None:
    """The repair proposed for one finding: a fixer's output, or the check's suggestion.

    A foreign duplicate of its neighbour is proposed for removal (an empty
    replacement), which is what ``tolk fix`` does with it.
    """
    if problem.remove_element:
        return Fix("", REMOVE_SOURCE)
    if check.fixers:
        text, names = check.fix(item, problem)
        if names and text != item.text:
            return Fix(text, "fixes:" + "+".join(names))
        return None
    return check.suggestion(item, problem)


def finding_of(check: Check, item: Item, problem: Problem) -> Finding:
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
        fix=fix_for(check, item, problem),
        key=item.key,
        marks=problem.marks,
        code_tags=item.code_tags,
        code_texts=item.code_texts,
    )


def findings_of(check: Check, item: Item, problem: Problem) -> list[Finding]:
    """The findings of one problem: one per foreign run when only part of the
    text is foreign ("Gepubliceerd op" in an English byline), else one."""
    whole = finding_of(check, item, problem)
    if not problem.spans:
        return [whole]
    return [
        replace(
            whole,
            text=item.text[start:end],
            found_lang=lang,
            span=(start, end),
            fix=None,
            marks=(),
        )
        for start, end, lang in problem.spans
    ]


def judge_files(
    files: Sequence[CheckedFile], checks: Sequence[Check], bar: Progress | None = None
) -> list[tuple[Check, Item, Problem]]:
    """Every (check, item, problem) of the files, opt-outs removed, in check order.

    Checks of the page language's conventions (``skips_leftovers``) say nothing
    about text the language check found in another language: the leftover is
    reported once, as a leftover.
    """
    pages = [f.judged for f in files]
    found: list[tuple[Check, Item, Problem]] = []
    leftovers: set[tuple[int, int]] = set()
    for check in checks:
        if bar is not None:
            bar.advance(0, check.id)
        results = check.judge_pages(pages)
        if bar is not None:
            bar.advance(1, check.id)
        for p, (items, problems) in enumerate(zip(pages, results, strict=True)):
            for i, (item, problem) in enumerate(zip(items, problems, strict=True)):
                if problem is None:
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
    fold: bool = True,
    found: Sequence[tuple[Check, Item, Problem]] | None = None,
) -> CheckReport:
    """Run the checks over loaded files (leftover replacements come from the checks' context).

    ``found`` is what :func:`judge_files` already gave for these files and checks.
    """
    if found is None:
        found = judge_files(files, checks)
    findings = [f for c, i, p in found for f in findings_of(c, i, p)]
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
    aligned: EvidenceMap | None = None,
    rules: SiteRules = NO_RULES,
    quiet: bool = True,
    errors: list[PipelineError] | None = None,
) -> CheckReport:
    """Check pages, catalogs and folders of them; the whole ``tolk check``.

    ``rules`` are the site's, from settings. A file that cannot be read raises,
    unless an ``errors`` list is given: then it is recorded there and the other
    files are checked all the same. Progress (unless ``quiet``) counts the files
    read, then the checks run: the language check over every page is the long
    part, and a log should show that it is under way.
    """
    checks = make_checks(disabled, judge=judge, glossary=glossary, suggest=suggest, aligned=aligned)
    inputs = find_inputs(paths, exclude=exclude)
    files: list[CheckedFile] = []
    with progress("check", len(inputs) + len(checks), quiet=quiet) as bar:
        for path in inputs:
            try:
                files.append(load_file(path, lang, rules=rules))
            except PipelineError as exc:
                if errors is None:
                    raise
                errors.append(exc)
            bar.advance(1, str(path))
        found = judge_files(files, checks, bar)
    return check_files(files, checks, found=found)
