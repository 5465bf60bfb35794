"""``tolk check``: run the checks on pages and catalogs and report."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

from pipeline.checks import CHECKS
from pipeline.checks.base import SEVERITIES, Severity
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
    leftover_judge,
    print_errors,
    say,
    shown,
)
from pipeline.config import Settings
from pipeline.errors import InputError, PipelineError
from pipeline.fixes.leftovers import LeftoverRepairs
from pipeline.project import (
    aligned_evidence,
    fixed_dir,
    glossary_terms,
)
from pipeline.storage import write_atomic


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run the checks and report; exit 1 when any finding is an error."""
    from pipeline.checks.output import render, summary_lines
    from pipeline.checks.runner import run_checks
    from pipeline.html.rules import site_rules
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
    glossary = glossary_terms(settings)
    repairs = LeftoverRepairs(settings, use_engine=False)  # quick: never loads a model
    unreadable: list[PipelineError] = []
    report = run_checks(
        paths,
        lang=args.lang,
        disabled=disabled(args, settings),
        judge=leftover_judge(settings, repairs.project_memory()),
        glossary=glossary,
        suggest=repairs.suggest,
        exclude=[shown(fixed_dir(settings))],
        aligned=aligned_evidence(settings),
        rules=site_rules(settings),
        quiet=args.quiet,
        errors=unreadable,
        pool=partial(Pool, jobs=args.jobs),
    )
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
    if args.output:
        write_atomic(Path(args.output), text)
        for line in summary_lines(report)[:1]:
            say(f"{line} -> {args.output}")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if unreadable:
        return EXIT_USAGE  # the gate cannot pass on files it could not read
    return EXIT_FINDINGS if failed else EXIT_OK


def register(sub: Subparsers) -> None:
    """Add ``tolk check`` to the parser."""
    ids = ", ".join(CHECKS)
    p = add_command(
        sub,
        "check",
        run,
        "Check pages and catalogs for leftovers and defects (exit 1 on errors).",
        "tolk check source_articles build --summary\n"
        "  tolk check locales/ --format junit --output build/check.xml\n"
        f"\nchecks: {ids}\n"
        "silence one: --disable ID, disabled_checks in settings, a '#, ignore-ID' flag\n"
        'in a .po file, or data-tolk-ignore="ID ..." on an element (empty: all)',
    )
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
        "--severity",
        choices=SEVERITIES,
        default="warning",
        help="least severe findings to show (default: warning; info shows all)",
    )
