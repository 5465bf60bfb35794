"""``tolk translate``: fill catalogs from the memory, then a machine."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import TYPE_CHECKING

from pipeline.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    Subparsers,
    add_command,
    add_shard,
    chosen_articles,
    langs,
    print_errors,
    say,
)
from pipeline.config import Settings
from pipeline.errors import InputError, PipelineError
from pipeline.text.plural import counted

if TYPE_CHECKING:
    from pipeline.stages.translate import Change


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Fill catalogs; exit 1 when a language pair has no model, 2 on errors."""
    from pipeline.stages.align import align_families
    from pipeline.stages.translate import translate_articles

    skipped: list[PipelineError] = []
    articles, everything = chosen_articles(settings, args, skipped)
    if args.restore:
        from pipeline.stages.translate import restore_articles

        if args.force or args.pseudo or args.dry_run:
            raise InputError(
                "--restore undoes --force; it takes no other mode", hint="run it alone"
            )
        restored, written = restore_articles(settings, articles, langs(args.lang), skipped)
        say(
            f"translate --restore: {counted(restored, 'reviewed translation')} put back, "
            f"{counted(len(written), 'catalog')} written"
        )
        print_errors(skipped)
        return EXIT_USAGE if skipped else EXIT_OK
    if args.pseudo:
        from pipeline.stages.pseudo import pseudo_catalogs

        if args.dry_run:
            raise InputError("--dry-run does not apply to --pseudo", hint="drop one of them")
        notes: list[str] = []
        filled, written = pseudo_catalogs(
            settings, articles, langs(args.lang), force=args.force, notes=notes
        )
        say(f"translate --pseudo: {filled} entries, {len(written)} catalogs written")
        for note in notes:
            say(f"note: {note}")
        print_errors(skipped)
        return EXIT_USAGE if skipped else EXIT_OK
    if not args.dry_run:  # alignment writes the store; a dry run uses it as it is
        align_families(settings, everything)
    options = {
        "beam_size": args.beam_size or settings.beam_size,
        "batch_size": args.batch_size or settings.batch_size,
    }
    report = translate_articles(
        settings, articles, langs(args.lang), force=args.force,
        use_engine=not args.memory_only, engine_options=options,
        quiet=args.quiet, redo_all=args.all, dry_run=args.dry_run,
        # a shard draws on every shard's catalogs; named articles keep to their own
        project=everything if args.shard else None,
    )  # fmt: skip
    report.errors[:0] = skipped
    if args.dry_run:
        _show_changes(report.changes)
        print_errors(report.errors)
        return EXIT_USAGE if report.errors else EXIT_OK
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
    if report.replaced:
        say(
            f"note: --force replaced {counted(report.replaced, 'reviewed translation')}; each "
            "is kept in its entry as a translator comment, 'tolk translate --restore' puts "
            "them back"
        )
    for note in report.notes:
        say(f"note: {note}")
    print_errors(report.errors)
    if report.errors:
        return EXIT_USAGE
    return EXIT_OK if report.complete else EXIT_FINDINGS


DRY_RUN_EXAMPLES = 3
"""How many changes per catalog ``--dry-run`` shows; the counts cover them all."""


def _show_changes(changes: list[Change]) -> None:
    """Per catalog: how many entries would change and how, then a few before -> after."""
    by_catalog: dict[str, list[Change]] = {}
    for change in changes:
        by_catalog.setdefault(change.catalog, []).append(change)
    for unit, found in sorted(by_catalog.items()):
        kinds = Counter(c.after_origin.partition(":")[0] or "emptied" for c in found)
        how = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
        say(f"{unit}: {counted(len(found), 'entry', 'entries')} would change ({how})")
        for c in found[:DRY_RUN_EXAMPLES]:
            say(f"  {_short(c.source)}")
            before = _state(c.before, c.before_fuzzy, c.before_origin)
            say(f"    before: {_short(c.before)} [{before}]")
            say(f"    after:  {_short(c.after)} [{_state(c.after, c.after_fuzzy, c.after_origin)}]")
        if len(found) > DRY_RUN_EXAMPLES:
            say(f"  ... and {len(found) - DRY_RUN_EXAMPLES} more")
    say(
        f"translate --dry-run: {counted(len(changes), 'entry', 'entries')} in "
        f"{counted(len(by_catalog), 'catalog')} would change; nothing was written"
    )


def _state(text: str, fuzzy: bool, origin: str) -> str:
    """``fuzzy, machine: argos ...``, ``reviewed, memory: translators`` or ``untranslated``."""
    state = "untranslated" if not text else "fuzzy" if fuzzy else "reviewed"
    return ", ".join(filter(None, (state, origin)))


def _short(text: str, width: int = 70) -> str:
    """One line of at most ``width`` characters, so examples stay readable in a log."""
    line = " ".join(text.split()) or "(empty)"
    return line if len(line) <= width else line[: width - 1] + "…"


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
        help="redo machine work and the catalogs' own reviewed entries; a reviewed exact "
        "match in the memory (locales/memory.jsonl, other catalogs) still wins",
    )
    p.add_argument(
        "--restore",
        action="store_true",
        help="put back the reviewed translations a --force run replaced (kept as translator "
        "comments 'replaced by translate --force: ...')",
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="show per catalog what would change (before -> after, with origin); write nothing",
    )
    p.add_argument("--memory-only", action="store_true", help="use no machine translation")
    p.add_argument(
        "--pseudo", action="store_true", help="fill with fuzzy pseudo translations, no model"
    )
    p.add_argument("--beam-size", type=int, help="beam size for the engine")
    p.add_argument("--batch-size", type=int, help="sentences per engine batch")
