"""``tolk report``: write the static HTML report and say where it is."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.cli.common import Subparsers, add_command, say
from pipeline.config import Settings

if TYPE_CHECKING:
    from pipeline.manifest import Memo


def run(args: argparse.Namespace, settings: Settings) -> int:
    """``tolk report``: write the static report and say where it is."""
    from pipeline.project import discover
    from pipeline.report import (
        MAX_PAGE_BYTES,
        Findings,
        build_report,
        check_paths,
        collect_findings,
        load_changes,
        read_findings,
    )

    started = time.perf_counter()
    articles = discover(settings, args.article or None)
    memo, key, folder = _memo(args, settings)
    stored = memo.get(key)
    if isinstance(stored, dict) and stored.get("outputs") == _outputs_hash(folder):
        # Nothing it reads changed and its pages are as it left them.
        say(f"{stored['line']}; unchanged since the last report (--all writes it again)")
        for warning in stored["warnings"]:
            say(f"warning: {warning}")
        return 0
    if args.findings is not None:
        findings = read_findings(args.findings)
    elif args.no_checks:
        findings = Findings((), "not run (--no-checks)", available=False)
    else:
        findings = collect_findings(
            settings, check_paths(settings), quiet=args.quiet, redo_all=args.all
        )
    out = args.output.resolve() if args.output else None
    result = build_report(
        settings,
        articles,
        findings,
        changes=load_changes(settings),
        out=out,
        quiet=args.quiet,
        redo_all=args.all,
    )
    took = time.perf_counter() - started
    line = (
        f"report: {len(articles)} articles, {len(result.pages)} pages "
        f"({result.written} files changed), {result.findings} findings "
        f"({result.placed} marked in place, {result.copies} repeats of a source in "
        f"build/<its language>/ shown once), {result.unreviewed} published segments "
        f"unreviewed; largest page "
        f"{result.largest_page / 1000:.0f} kB"
    )
    say(f"{line}; {took:.1f}s; open {result.index}")
    warnings = []
    if not findings.available:
        warnings.append(findings.origin)
    if result.largest_page > MAX_PAGE_BYTES:
        warnings.append(
            f"a page is {result.largest_page / 1e6:.1f} MB, over the "
            f"{MAX_PAGE_BYTES / 1e6:.0f} MB budget; slow to open on a phone"
        )
    warnings.extend(str(err) for err in result.errors)
    for warning in warnings:
        say(f"warning: {warning}")
    if not result.errors:
        again = line.replace(f"({result.written} files changed)", "(0 files changed)")
        memo.put(key, {"line": again, "warnings": warnings, "outputs": _outputs_hash(folder)})
    return 0


def _memo(args: argparse.Namespace, settings: Settings) -> tuple[Memo, str, Path]:
    """The stored run, this run's key and the report's folder.

    The key holds the options and every file the report reads: the project's
    sources and catalogs, the built pages the checks judge, the change list of
    ``tolk fix`` and a ``--findings`` file.
    """
    from pipeline.checks.inputs import find_inputs
    from pipeline.manifest import Memo, project_files
    from pipeline.project import changes_file, fixed_dir, report_dir
    from pipeline.report import check_paths

    memo = Memo(settings, "report", ignore=args.all)
    folder = args.output.resolve() if args.output else report_dir(settings)
    options = repr((sorted(args.article or ()), str(args.findings), args.no_checks, str(folder)))
    paths = [p for p in check_paths(settings) if p.exists()]
    inputs = find_inputs(paths, exclude=[fixed_dir(settings)]) if paths else []
    extra = [changes_file(settings), *([args.findings] if args.findings else [])]
    return memo, memo.key(options, [*inputs, *project_files(settings), *extra]), folder


def _outputs_hash(folder: Path) -> str:
    """The report's files as they are: one edited or deleted writes the report again."""
    from pipeline.manifest import files_hash

    return files_hash(sorted(p for p in folder.rglob("*") if p.is_file()))


def register(sub: Subparsers) -> None:
    """Add ``tolk report`` to the parser."""
    p = add_command(
        sub,
        "report",
        run,
        "Write a static HTML report (overview and one page per article) to build/report/.",
        "tolk report && xdg-open build/report/index.html",
    )
    p.add_argument("article", nargs="*", help="article names; default: all")
    p.add_argument(
        "--findings",
        type=Path,
        metavar="FILE",
        help="findings saved by 'tolk check --format json'; default: run the checks now",
    )
    p.add_argument(
        "--no-checks", action="store_true", help="no findings: completeness and fixes only"
    )
    p.add_argument("-o", "--output", type=Path, help="output folder (default: build/report)")
    p.add_argument(
        "--all",
        action="store_true",
        help="write the report again even when nothing changed since the last one",
    )
