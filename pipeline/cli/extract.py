"""``tolk extract``: source articles -> templates and catalogs."""

from __future__ import annotations

import argparse

from pipeline.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    Subparsers,
    add_command,
    add_jobs,
    add_shard,
    chosen_articles,
    print_errors,
    say,
)
from pipeline.config import Settings
from pipeline.errors import PipelineError


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Extract articles, updating catalogs; exit 2 when a page could not be read."""
    from pipeline.stages.align import align_families
    from pipeline.stages.extract import extract_articles
    from pipeline.stages.translate import memory_suggester

    skipped: list[PipelineError] = []
    articles, everything = chosen_articles(settings, args, skipped)
    aligned = align_families(settings, everything)
    if aligned.families:
        say(
            f"align: {aligned.families} families, {aligned.pairs} pairs into the memory "
            f"({aligned.fuzzy} fuzzy)"
        )
    suggest_for = memory_suggester(settings, everything)
    report = extract_articles(
        settings,
        articles,
        suggest_for=suggest_for,
        quiet=args.quiet,
        redo_all=args.all,
        jobs=args.jobs,
    )
    report.errors[:0] = skipped
    c = report.counts
    say(
        f"extract: {len(articles)} articles, {c.get('segments', 0)} segments; catalog entries: "
        f"{c.get('kept', 0)} translations kept, {c.get('memory', 0)} from memory, "
        f"{c.get('fuzzy', 0)} changed (fuzzy), {c.get('new', 0)} new and "
        f"{c.get('empty', 0)} unchanged without translation, {c.get('obsolete', 0)} obsolete; "
        f"{len(report.written)} files written; "
        f"{c.get('skipped', 0)} articles unchanged since the last run (--all redoes them)"
    )
    for note in report.notes:
        say(f"note: {note}")
    print_errors(report.errors)
    return EXIT_USAGE if report.errors else EXIT_OK


def register(sub: Subparsers) -> None:
    """Add ``tolk extract`` to the parser."""
    p = add_command(
        sub,
        "extract",
        run,
        "Extract source articles into templates (.pot) and update catalogs (.po).",
        "tolk extract                      # every article in source_articles/",
    )
    p.add_argument(
        "--all", action="store_true", help="redo every article, even those unchanged since last run"
    )
    add_jobs(p)
    add_shard(p)
    p.add_argument("article", nargs="*", help="article names (file stems); default: all")
