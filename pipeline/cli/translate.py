"""``tolk translate``: fill catalogs from the memory, then a machine."""

from __future__ import annotations

import argparse

from pipeline.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    Subparsers,
    add_command,
    add_shard,
    langs,
    print_errors,
    say,
)
from pipeline.config import Settings
from pipeline.errors import PipelineError


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Fill catalogs; exit 1 when a language pair has no model, 2 on errors."""
    from pipeline.project import discover
    from pipeline.stages.align import align_families
    from pipeline.stages.translate import translate_articles

    skipped: list[PipelineError] = []
    articles = discover(settings, args.article, skipped)
    everything = discover(settings, None, []) if args.article or args.shard else articles
    if args.shard:
        articles = args.shard.select(articles, lambda a: a.name)
    if args.pseudo:
        from pipeline.stages.pseudo import pseudo_catalogs

        filled, written = pseudo_catalogs(settings, articles, langs(args.lang), force=args.force)
        say(f"translate --pseudo: {filled} entries, {len(written)} catalogs written")
        print_errors(skipped)
        return EXIT_USAGE if skipped else EXIT_OK
    align_families(settings, everything)
    options = {
        "beam_size": args.beam_size or settings.beam_size,
        "batch_size": args.batch_size or settings.batch_size,
    }
    report = translate_articles(
        settings, articles, langs(args.lang), force=args.force,
        use_engine=not args.memory_only, engine_options=options,
        quiet=args.quiet, redo_all=args.all,
    )  # fmt: skip
    report.errors[:0] = skipped
    say(
        f"translate: memory exact {report.memory_exact}, memory fuzzy {report.memory_fuzzy}, "
        f"machine {report.machine}, kept as they are {report.kept_as_is}, "
        f"source text not in the page's language (translated from its own) "
        f"{report.switched_source}, "
        f"still empty {report.left_empty}, "
        f"left out of the published translation {report.published_gaps}; "
        f"{len(report.written)} catalogs written, "
        f"{report.skipped} unchanged since the last run (--all redoes them)"
    )
    if report.missing_pairs:
        pairs = ", ".join(f"{s}-{t}" for s, t in sorted(report.missing_pairs))
        say(f"incomplete: no translation model for {pairs}")
        for message in report.model_errors:
            say(f"  {message}")
        say("  memory matches were applied; see 'tolk models --help' to install models")
    print_errors(report.errors)
    if report.errors:
        return EXIT_USAGE
    return EXIT_OK if report.complete else EXIT_FINDINGS


def register(sub: Subparsers) -> None:
    """Add ``tolk translate`` to the parser."""
    p = add_command(
        sub,
        "translate",
        run,
        "Fill catalogs: translation memory first, then Argos models (machine output is fuzzy).",
        "tolk translate --lang fr          # only French catalogs",
    )
    p.add_argument(
        "--all", action="store_true", help="redo every article, even those unchanged since last run"
    )
    add_shard(p)
    p.add_argument("article", nargs="*", help="article names; default: all")
    p.add_argument("--lang", help="comma-separated target languages")
    p.add_argument(
        "--force",
        action="store_true",
        help="also replace reviewed translations (never done otherwise)",
    )
    p.add_argument("--memory-only", action="store_true", help="use no machine translation")
    p.add_argument(
        "--pseudo", action="store_true", help="fill with fuzzy pseudo translations, no model"
    )
    p.add_argument("--beam-size", type=int, help="beam size for the engine")
    p.add_argument("--batch-size", type=int, help="sentences per engine batch")
