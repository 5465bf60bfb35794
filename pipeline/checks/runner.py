"""Running the checks over loaded files, and gathering the findings.

Every check sees all files at once, so the language check sends every text of
every page to Lingua in one batch. Copies of a page (a built page in its
source's language) are folded so a finding is shown once.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    from pipeline.checks.reuse import FileCache, Learned
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
        message=sys.intern(problem.message),  # thousands of findings share a few messages
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
    findings: Sequence[Finding],
    files: Sequence[CheckedFile],
    copies: Mapping[str, object] | None = None,
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

    ``copies`` gives each file's :func:`contents_key` when the files' items
    were let go already (a run in chunks keeps only that of each file).
    """
    rank = {f.path: i for i, f in enumerate(files)}
    if copies is None:
        copies = {f.path: contents_key(f) for f in files}
    kept: dict[tuple[object, ...], Finding] = {}
    folded = 0
    names: dict[str, str] = {}  # thousands of findings share a few hundred files
    for f in sorted(findings, key=lambda f: (rank.get(f.file, len(rank)), f.sort_key)):
        same = copies.get(f.file, f.file)  # a file not loaded is a copy of nothing
        name = names.get(f.file) or names.setdefault(f.file, Path(f.file).name)
        key = (same, name, f.expected_lang, f.line, f.location, f.check, f.text, f.message)
        if key in kept:
            folded += 1
            continue
        kept[key] = f
    return sorted(kept.values(), key=lambda f: f.sort_key), folded


def contents_key(file: CheckedFile) -> bytes:
    """What two copies of a page share, as a digest: origin, language, and every (key, text)."""
    digest = hashlib.blake2b(f"{file.origin}\0{file.lang}".encode(), digest_size=16)
    for item in file.items:
        digest.update(f"\0{item.key}\0{item.text}".encode("utf-8", "surrogatepass"))
    return digest.digest()


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
    return _report(findings, files, checks, fold=fold)


def _report(
    findings: list[Finding],
    files: Sequence[CheckedFile],
    checks: Sequence[Check],
    *,
    fold: bool = True,
    copies: Mapping[str, object] | None = None,
    segments: int | None = None,
) -> CheckReport:
    folded = 0
    if fold:
        findings, folded = fold_copies(findings, files, copies)
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
        segment_count=segments,
    )


CHUNK_FILES = 48
"""Files loaded and judged together: enough for Lingua's batches to pay, few
enough that memory does not grow with the site (each chunk's pages are let go
once judged; only findings, counts and a digest per file stay)."""


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
    pool: PoolFactory | None = None,
    reuse: FileCache | None = None,
) -> CheckReport:
    """Check pages, catalogs and folders of them; the whole ``tolk check``.

    ``rules`` are the site's, from settings. A file that cannot be read raises,
    unless an ``errors`` list is given: then it is recorded there and the other
    files are checked all the same. Progress (unless ``quiet``) counts the files
    read, then the checks run: the language check over every page is the long
    part, and a log should show that it is under way.

    Files are judged in chunks of :data:`CHUNK_FILES`, in this process or
    through ``pool`` (``pool(work, count)``: a context manager whose
    ``results()`` gives ``work(i)`` for each chunk in order, such as
    :class:`pipeline.stages.pool.Pool` over processes), so the report is the
    same however the chunks ran.
    What the judge learns from the whole run (the site's own names) is learned
    first, in a pass that keeps no page, so a chunk's verdicts are those a
    single batch of every page would give.

    ``reuse`` keeps each file's findings from the last run: only files whose
    key is new are judged (see :mod:`pipeline.checks.reuse`), and the report
    is the one a run without it gives.
    """
    checks = make_checks(disabled, judge=judge, glossary=glossary, suggest=suggest, aligned=aligned)
    inputs = find_inputs(paths, exclude=exclude)
    if reuse is not None:
        return _run_reusing(inputs, checks, lang, rules, quiet, errors, pool, reuse)
    chunks = [inputs[i : i + CHUNK_FILES] for i in range(0, len(inputs), CHUNK_FILES)]
    if len(chunks) > 1:
        learn_site(inputs, checks, lang, rules)

    def work(n: int) -> _Chunk:
        return _judge_chunk(chunks[n], checks, lang, rules, errors is not None)

    files: list[CheckedFile] = []
    findings: list[Finding] = []
    copies: dict[str, object] = {}
    segments = 0
    with (
        (pool or _InProcess)(work, len(chunks)) as running,
        progress("check", len(inputs) + len(checks) * len(chunks), quiet=quiet) as bar,
    ):
        for chunk in running.results():
            for failure in chunk.errors:
                if errors is None:
                    raise failure
                errors.append(failure)
            files.extend(chunk.files)
            findings.extend(chunk.findings)
            copies.update(chunk.copies)
            segments += chunk.segments
            last = chunk.files[-1].path if chunk.files else ""
            bar.advance(chunk.read + len(checks), last)
    return _report(findings, files, checks, copies=copies, segments=segments)


class _InProcess:
    """Chunks judged one after another in this process: the default pool."""

    def __init__(self, work: Callable[[int], Any], count: int) -> None:
        self.work, self.count = work, count

    def __enter__(self) -> _InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def results(self) -> Iterator[Any]:
        return (self.work(i) for i in range(self.count))


PoolFactory = Callable[[Callable[[int], Any], int], Any]
"""Makes a pool for ``count`` pieces of work: see :func:`run_checks`."""


@dataclass
class _Chunk:
    """What judging a chunk of files gives back: small, and picklable for a pool."""

    files: list[CheckedFile]  # without their items: the report needs names and counts
    findings: list[Finding]
    copies: dict[str, bytes]
    segments: int
    read: int
    errors: list[PipelineError]
    loaded: list[Path]  # the paths of ``files``
    counts: list[int]  # the segments of each of ``files``


def _judge_chunk(
    paths: Sequence[Path],
    checks: Sequence[Check],
    lang: str | None,
    rules: SiteRules,
    keep_going: bool,
) -> _Chunk:
    loaded: list[CheckedFile] = []
    read: list[Path] = []
    failed: list[PipelineError] = []
    for path in paths:
        try:
            loaded.append(load_file(path, lang, rules=rules))
            read.append(path)
        except PipelineError as exc:
            failed.append(exc)
            if not keep_going:
                break
    found = judge_files(loaded, checks)
    return _Chunk(
        files=[replace(f, items=(), links=()) for f in loaded],
        findings=[f for c, i, p in found for f in findings_of(c, i, p)],
        copies={f.path: contents_key(f) for f in loaded},
        segments=sum(len(f.items) for f in loaded),
        read=len(paths),
        errors=failed,
        loaded=read,
        counts=[len(f.items) for f in loaded],
    )


def learn_site(
    paths: Sequence[Path], checks: Sequence[Check], lang: str | None, rules: SiteRules
) -> None:
    """Teach the language check's judge the site's names from every file, keeping none.

    The judge learns them from the texts it is given; judged in chunks, it
    would learn from one chunk only. Files that cannot be read are left to the
    judging pass to report.
    """
    from pipeline.checks.language import MixedLanguage
    from pipeline.language_id.evidence import EvidenceJudge, SiteEvidence

    check = next((c for c in checks if isinstance(c, MixedLanguage)), None)
    if check is None or not isinstance(check.judge, EvidenceJudge):
        return

    def texts() -> Iterator[tuple[str, str]]:
        for path in paths:
            try:
                file = load_file(path, lang, rules=rules)
            except PipelineError:
                continue
            for item in file.judged:
                if check.applies(item):
                    yield item.text, item.lang

    check.site = SiteEvidence.learn(texts(), vetoed=check.judge.vetoed)


# -- reusing the last run's findings, file by file --------------------------------


def _run_reusing(
    inputs: Sequence[Path],
    checks: Sequence[Check],
    lang: str | None,
    rules: SiteRules,
    quiet: bool,
    errors: list[PipelineError] | None,
    pool: PoolFactory | None,
    reuse: FileCache,
) -> CheckReport:
    """:func:`run_checks` judging only the files whose key is not in ``reuse``.

    The site is always learned first (from each file's stored contribution
    when its bytes did not change), so every file is judged with the whole
    run's evidence however many are judged; the files' results are put
    together in input order, whichever were reused.
    """
    from pipeline.checks.reuse import Judged
    from pipeline.manifest import file_hash

    hashes = {path: file_hash(path) for path in inputs}
    names = {path: reuse.file_key(str(path), hashes[path]) for path in inputs}
    site = _learn_reusing(inputs, checks, lang, rules, reuse, names)
    results: dict[Path, Judged] = {}
    keys: dict[Path, str] = {}
    for path in inputs:
        learned = reuse.learned.get(names[path])
        if learned is None:
            continue  # unreadable: judged (and reported) again
        keys[path] = reuse.judge_key(names[path], site(learned))
        stored = reuse.get_judged(keys[path])
        if stored is not None:
            results[path] = stored
    todo = [path for path in inputs if path not in results]
    chunks = [todo[i : i + CHUNK_FILES] for i in range(0, len(todo), CHUNK_FILES)]

    def work(n: int) -> _Chunk:
        return _judge_chunk(chunks[n], checks, lang, rules, errors is not None)

    failed: list[PipelineError] = []
    with (
        (pool or _InProcess)(work, len(chunks)) as running,
        progress("check", len(inputs) + len(checks) * len(chunks), quiet=quiet) as bar,
    ):
        bar.advance(len(results), "")
        for chunk in running.results():
            failed.extend(chunk.errors)
            by_file: dict[str, list[Finding]] = {}
            for finding in chunk.findings:
                by_file.setdefault(finding.file, []).append(finding)
            for path, file, count in zip(chunk.loaded, chunk.files, chunk.counts, strict=True):
                found = tuple(by_file.get(file.path, ()))
                judged = Judged(file, found, chunk.copies[file.path], count)
                results[path] = judged
                if path in keys:
                    reuse.put_judged(keys[path], judged)
            last = chunk.files[-1].path if chunk.files else ""
            bar.advance(chunk.read + len(checks), last)
    for failure in failed:
        if errors is None:
            raise failure
        errors.append(failure)
    for path in todo:  # read again this run: stored only if still the bytes hashed
        if file_hash(path) != hashes[path]:  # saved while judged (a build, an editor)
            reuse.learned.pop(names[path], None)
            reuse.judged.pop(keys.get(path, ""), None)
    reuse.save()
    done = [results[path] for path in inputs if path in results]
    return _report(
        [f for j in done for f in j.findings],
        [j.file for j in done],
        checks,
        copies={j.file.path: j.copy for j in done},
        segments=sum(j.segments for j in done),
    )


def _learn_reusing(
    inputs: Sequence[Path],
    checks: Sequence[Check],
    lang: str | None,
    rules: SiteRules,
    reuse: FileCache,
    names: Mapping[Path, str],
) -> Callable[[Learned], str]:
    """Learn the site from every file's contribution, parsing only new files.

    Sets the language check's site evidence (as :func:`learn_site` does) and
    returns what gives a file's site digest from its contribution; a file
    that cannot be read contributes nothing and is not stored.
    """
    from pipeline.checks.language import MixedLanguage
    from pipeline.language_id.evidence import EvidenceJudge, SiteEvidence

    check = next((c for c in checks if isinstance(c, MixedLanguage)), None)
    learning = check is not None and isinstance(check.judge, EvidenceJudge)
    for path in inputs:
        if reuse.get_learned(names[path]) is not None:
            continue
        try:
            file = load_file(path, lang, rules=rules)
        except PipelineError:
            continue
        pairs = [
            (item.text, item.lang)
            for item in file.judged
            if check is not None and learning and check.applies(item)
        ]
        part = SiteEvidence.learn(pairs) if learning else None
        reuse.put_learned(names[path], (tuple(dict.fromkeys(t for t, _ in pairs)), part))
    if check is None or not learning:
        return lambda learned: ""
    assert isinstance(check.judge, EvidenceJudge)
    site = SiteEvidence.merged(
        (part for path in inputs if (part := reuse.learned.get(names[path], ((), None))[1])),
        vetoed=check.judge.vetoed,
    )
    check.site = site
    judge = check.judge.config_digest()  # memory evidence, glossary, vetoes, versions
    common = site.common_digest()
    return lambda learned: judge + site.digest_for(learned[0], common)
