"""``tolk build``: catalogs -> translated pages."""

from __future__ import annotations

import argparse

from pipeline.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    Subparsers,
    add_command,
    add_jobs,
    add_shard,
    langs,
    print_errors,
    say,
)
from pipeline.config import Settings
from pipeline.errors import PipelineError


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Build translated pages; exit 2 when a page could not be built."""
    from pipeline.project import discover
    from pipeline.stages.build import build_articles
    from pipeline.stages.shard import shard_name

    skipped: list[PipelineError] = []
    articles = discover(settings, args.article, skipped)
    report = build_articles(
        settings,
        articles,
        langs(args.lang),
        include_fuzzy=settings.publish_fuzzy and not args.reviewed_only,
        quiet=args.quiet,
        redo_all=args.all,
        jobs=args.jobs,
        # links still resolve among every article: a shard builds the same pages
        only={a.name for a in args.shard.select(articles, shard_name)} if args.shard else None,
    )
    c = report.counts
    total = c.get("segments", 0)
    say(
        f"build: {len(report.written)} pages written to {settings.build_dir}/; "
        f"{c.get('translated', 0)}/{total} segments translated "
        f"({c.get('unreviewed', 0)} of them unreviewed: fuzzy machine or memory output), "
        f"{c.get('fallbacks', 0)} fell back to the source text; "
        f"{c.get('skipped', 0)} pages unchanged since the last build (--all redoes them)"
    )
    for path, problem in report.problems:
        say(f"warning: {path}: {problem.location} (line {problem.line}): {problem.message}")
    report.errors[:0] = skipped
    print_errors(report.errors)
    return EXIT_USAGE if report.errors else EXIT_OK


def register(sub: Subparsers) -> None:
    """Add ``tolk build`` to the parser."""
    p = add_command(
        sub,
        "build",
        run,
        "Merge catalogs into translated pages under build/<lang>/.",
        "tolk build --lang fr magnesium-nightmares",
    )
    p.add_argument(
        "--all", action="store_true", help="redo every article, even those unchanged since last run"
    )
    add_jobs(p)
    add_shard(p)
    p.add_argument("article", nargs="*", help="article names; default: all")
    p.add_argument("--lang", help="comma-separated target languages; default: all")
    p.add_argument(
        "--reviewed-only",
        action="store_true",
        help="use only reviewed (non-fuzzy) translations, the source text elsewhere "
        "(setting publish_fuzzy = false does the same for every build)",
    )
