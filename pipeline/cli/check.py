"""``tolk check``: run the checks on pages and catalogs and report."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    Subparsers,
    add_command,
    add_jobs,
    add_shard,
    default_paths,
    disabled,
    print_errors,
    say,
    shown,
)
from pipeline.config import Settings
from pipeline.errors import InputError, PipelineError

if TYPE_CHECKING:
    from pipeline.checks.base import Severity
    from pipeline.checks.reuse import FileCache
    from pipeline.families.leftovers import Aligned
    from pipeline.fixes.leftovers import LeftoverRepairs
    from pipeline.manifest import Memo

#: The severities, least to most verbose (``pipeline.checks.base.SEVERITIES``,
#: named here so the parser is built without importing every check).
SEVERITY_CHOICES = ("error", "warning", "info")


class _ChecksHelp(argparse.RawDescriptionHelpFormatter):
    """Lists the check ids only when the help is shown: importing every check
    to build the parser would slow every command's start."""

    def _format_text(self, text: str) -> str:
        if "{checks}" in text:
            from pipeline.checks import CHECKS

            text = text.replace("{checks}", ", ".join(CHECKS))
        return super()._format_text(text)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run the checks and report; exit 1 when any finding is an error."""
    from pipeline.checks.output import render, summary_lines
    from pipeline.checks.runner import run_checks
    from pipeline.fixes.leftovers import LeftoverRepairs
    from pipeline.html.rules import site_rules
    from pipeline.project import aligned_evidence, fixed_dir, glossary_terms, leftover_judge
    from pipeline.stages.pool import Pool

    paths = args.path or default_paths(settings, settings.sources, settings.build)
    if args.shard:
        from pipeline.checks.inputs import find_inputs
        from pipeline.project import discover
        from pipeline.stages.shard import shard_name

        # A file is an article's page or catalog: its name is the article's,
        # and an article goes with its family, as in the other stages.
        try:
            family = {a.name: shard_name(a) for a in discover(settings, None, [])}
        except PipelineError:
            family = {}  # pages outside a project: each by its own name
        found = find_inputs(paths, exclude=[shown(fixed_dir(settings))])
        paths = [str(p) for p in args.shard.select(found, lambda p: family.get(p.stem, p.stem))]
        if not paths:
            say(f"check: shard {args.shard.index}/{args.shard.count} holds no pages")
            return EXIT_OK
    memo, key = _memo(args, settings, paths)
    stored = memo.get(key)
    if isinstance(stored, dict):  # nothing it reads changed: the same report
        return _show(args, str(stored["text"]), str(stored["line"]), bool(stored["failed"]))
    glossary = glossary_terms(settings)
    repairs = LeftoverRepairs(settings, use_engine=False)  # quick: never loads a model
    unreadable: list[PipelineError] = []
    judge = leftover_judge(settings, repairs.project_memory())
    aligned = aligned_evidence(settings)
    rules = site_rules(settings)
    report = run_checks(
        paths,
        lang=args.lang,
        disabled=disabled(args, settings),
        judge=judge,
        glossary=glossary,
        suggest=repairs.suggest,
        exclude=[shown(fixed_dir(settings))],
        aligned=aligned,
        rules=rules,
        quiet=args.quiet,
        errors=unreadable,
        pool=partial(Pool, jobs=args.jobs),
        reuse=_file_cache(args, settings, repairs, aligned, glossary),
    )
    unreadable.extend(e for e in repairs.unreadable if e not in unreadable)
    print_errors(unreadable)
    if not report.files and unreadable:
        return EXIT_USAGE
    if not report.files:
        raise InputError(
            f"no HTML pages or .po catalogs found in {', '.join(map(str, paths))}",
            hint="templates (.pot) have no translations to check; name pages or catalogs",
        )
    failed = report.failed
    severity: Severity = args.severity
    report = report.at_least(severity)
    text = render(report, args.format, summary_only=args.summary)
    line = next(iter(summary_lines(report)), "")
    if unreadable:
        _show(args, text, line, failed)
        return EXIT_USAGE  # the gate cannot pass on files it could not read
    if _memo(args, settings, paths)[1] == key:  # not if a file was saved during the run
        memo.put(key, {"text": text, "line": line, "failed": failed})
    return _show(args, text, line, failed)


def _memo(args: argparse.Namespace, settings: Settings, paths: list[str]) -> tuple[Memo, str]:
    """The stored run and this run's key: the options, every input and project file.

    The checks judge all files together (the site's own names are learned from
    every page, repairs come from the whole memory), so a run is reused whole
    or not at all; ``--all`` judges afresh.
    """
    from pipeline.checks.inputs import find_inputs
    from pipeline.checks.output import terminal_width
    from pipeline.manifest import Memo, project_files
    from pipeline.project import fixed_dir

    memo = Memo(settings, "check", ignore=args.all)
    options = repr(
        (
            str(Path.cwd()),  # files are named from here
            terminal_width(),  # tables are drawn this wide
            [str(Path(p).resolve()) for p in paths],
            args.lang,
            disabled(args, settings),
            args.format,
            args.summary,
            args.severity,
        )
    )
    inputs = find_inputs(paths, exclude=[shown(fixed_dir(settings))])
    return memo, memo.key(options, [*inputs, *project_files(settings)])


def _file_cache(
    args: argparse.Namespace,
    settings: Settings,
    repairs: LeftoverRepairs,
    aligned: dict[tuple[str, str], Aligned],
    glossary: tuple[str, ...],
) -> FileCache:
    """The per-file findings of the last check (see :mod:`pipeline.checks.reuse`)."""
    from pipeline.checks.reuse import FileCache, run_digest

    base = run_digest(
        settings,
        options=(args.lang, disabled(args, settings)),
        memory=repairs.project_memory(),
        aligned=aligned,
        glossary=glossary,
    )
    return FileCache(settings.build / ".tolk-memo" / "check-files.pickle", base, ignore=args.all)


def _show(args: argparse.Namespace, text: str, line: str, failed: bool) -> int:
    """Print or write the report; the exit code of its findings."""
    from pipeline.storage import write_atomic

    if args.output:
        write_atomic(Path(args.output), text)
        if line:
            say(f"{line} -> {args.output}")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return EXIT_FINDINGS if failed else EXIT_OK


def register(sub: Subparsers) -> None:
    """Add ``tolk check`` to the parser."""
    p = add_command(
        sub,
        "check",
        run,
        "Check pages and catalogs for leftovers and defects (exit 1 on errors).",
        "tolk check source_articles build --summary\n"
        "  tolk check locales/ --format junit --output build/check.xml\n"
        "\nchecks: {checks}\n"
        "silence one: --disable ID, disabled_checks in settings, a '#, ignore-ID' flag\n"
        'in a .po file, or data-tolk-ignore="ID ..." on an element (empty: all)',
    )
    p.formatter_class = _ChecksHelp
    p.add_argument(
        "path",
        nargs="*",
        help="pages (.html), catalogs (.po) or folders of them; default: sources and build",
    )
    p.add_argument("--format", choices=("table", "json", "junit"), default="table")
    p.add_argument("--lang", help="page language when <html lang> is missing or wrong")
    p.add_argument("--output", metavar="FILE", help="write the report to FILE (json, junit)")
    p.add_argument(
        "--disable", action="append", metavar="CHECK", help="turn a check off (repeatable)"
    )
    p.add_argument("--summary", action="store_true", help="short counts only")
    add_shard(p)
    add_jobs(p)
    p.add_argument(
        "--all",
        action="store_true",
        help="judge every file again, even when nothing changed since the last check",
    )
    p.add_argument(
        "--severity",
        choices=SEVERITY_CHOICES,
        default="warning",
        help="least severe findings to show (default: warning; info shows all)",
    )
