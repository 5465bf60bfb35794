"""``tolk report``: write the static HTML report and say where it is."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pipeline.cli.common import Subparsers, add_command
from pipeline.config import Settings


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
    if args.findings is not None:
        findings = read_findings(args.findings)
    elif args.no_checks:
        findings = Findings((), "not run (--no-checks)", available=False)
    else:
        findings = collect_findings(settings, check_paths(settings), quiet=args.quiet)
    out = args.output.resolve() if args.output else None
    result = build_report(
        settings, articles, findings, changes=load_changes(settings), out=out, quiet=args.quiet
    )
    took = time.perf_counter() - started
    print(
        f"report: {len(articles)} articles, {len(result.pages)} pages "
        f"({result.written} files changed), {result.findings} findings "
        f"({result.placed} marked in place, {result.copies} repeats of a source in "
        f"build/<its language>/ shown once); largest page "
        f"{result.largest_page / 1000:.0f} kB; {took:.1f}s; open {result.index}",
        file=sys.stderr,
    )
    if not findings.available:
        print(f"warning: {findings.origin}", file=sys.stderr)
    if result.largest_page > MAX_PAGE_BYTES:
        print(
            f"warning: a page is {result.largest_page / 1e6:.1f} MB, over the "
            f"{MAX_PAGE_BYTES / 1e6:.0f} MB budget; slow to open on a phone",
            file=sys.stderr,
        )
    for err in result.errors:
        print(f"warning: {err}", file=sys.stderr)
    return 0


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
