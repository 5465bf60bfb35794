"""``tolk stats``: completeness per article and language, and its gate."""

from __future__ import annotations

import argparse
import json

from pipeline.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    Subparsers,
    add_command,
    langs,
    print_errors,
    say,
)
from pipeline.config import Settings
from pipeline.errors import InputError, PipelineError


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Print completeness; exit 1 when a catalog is below ``--min``."""
    from pipeline.project import discover, find_project_families
    from pipeline.stages.stats import catalog_stats

    if args.min is not None and not 0 <= args.min <= 100:
        raise InputError(f"--min must be a percentage from 0 to 100, not {args.min:g}")
    skipped: list[PipelineError] = []
    articles = discover(settings, args.article, skipped)
    families = find_project_families(articles)
    rows = catalog_stats(settings, articles, langs(args.lang), skipped)
    below = [r for r in rows if args.min is not None and r.percent < args.min]
    if args.format == "json":
        payload = {
            "catalogs": [
                {
                    "article": r.article,
                    "lang": r.lang,
                    "path": r.path,
                    "translated": r.translated,
                    "fuzzy": r.fuzzy,
                    "untranslated": r.untranslated,
                    "translated_words": r.translated_words,
                    "fuzzy_words": r.fuzzy_words,
                    "untranslated_words": r.untranslated_words,
                    "percent": round(r.percent, 1),
                }
                for r in rows
            ],
            "families": [
                {
                    "original": f.original.name,
                    "original_lang": f.original.lang,
                    "chosen_by": f.reason,
                    "members": [
                        {"article": m.name, "lang": m.lang, "url": m.url} for m in f.members
                    ],
                }
                for f in families
            ],
            "minimum": args.min,
            "below_minimum": [r.path for r in below],
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        from pipeline.tables import stats_table

        stats_table(rows)
        for f in families:
            published = ", ".join(f"{m.name} ({m.lang})" for m in f.translations)
            print(
                f"family: {f.original.name} ({f.original.lang}, original by {f.reason}) "
                f"published as {published}"
            )
    for r in below:
        say(f"gate: {r.path} is {r.percent:.1f}% translated, below --min {args.min:g}")
    print_errors(skipped)
    if skipped:
        return EXIT_USAGE
    return EXIT_FINDINGS if below else EXIT_OK


def register(sub: Subparsers) -> None:
    """Add ``tolk stats`` to the parser."""
    p = add_command(
        sub,
        "stats",
        run,
        "Show translated / fuzzy / untranslated counts per article and language.",
        "tolk stats --min 100 --format json   # CI gate: exit 1 below 100%",
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--min", type=float, help="exit 1 when a catalog is below this percentage")
    p.add_argument("--lang", help="comma-separated target languages")
    p.add_argument("--article", action="append", help="an article name (repeatable)")
