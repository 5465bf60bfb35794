"""``tolk fix``: apply the safe fixers, or replay a change list."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from pipeline.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    Subparsers,
    add_command,
    default_paths,
    disabled,
    print_errors,
    say,
    shown,
)
from pipeline.config import Settings
from pipeline.errors import PipelineError


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Apply the safe fixers, write the pages and the change list, list every change."""
    from pipeline.fixes.changes import fix_pages, load_changes, replay_changes
    from pipeline.fixes.leftovers import LeftoverRepairs
    from pipeline.fixes.output import print_fixes
    from pipeline.html.rules import site_rules
    from pipeline.project import aligned_evidence, fixed_dir, glossary_terms, leftover_judge

    out_dir = Path(args.out) if args.out else shown(fixed_dir(settings))
    unreadable: list[PipelineError] = []
    repairs = LeftoverRepairs(settings, use_engine=True)
    if args.replay:
        changes, outputs = load_changes(Path(args.replay))
        report = replay_changes(
            changes,
            outputs=outputs,
            out_dir=out_dir,
            in_place=args.in_place,
            only=args.path or (),
            lang=args.lang,
            listing=args.replay,
            rules=site_rules(settings),
        )
    else:
        paths = args.path or default_paths(settings, settings.sources)
        report = fix_pages(
            paths,
            out_dir=out_dir,
            in_place=args.in_place,
            lang=args.lang,
            disabled=disabled(args, settings),
            glossary=glossary_terms(settings),
            judge=leftover_judge(settings, repairs.project_memory()),
            suggest=repairs.suggest,
            apply_machine=args.apply_machine or settings.apply_machine_fixes,
            offer=repairs.retranslate,
            aligned=aligned_evidence(settings),
            rules=site_rules(settings),
            quiet=args.quiet,
            errors=unreadable,
        )
        queued = repairs.save_for_review()
        if queued:
            say(f"{queued} machine-made replacement(s) added to ui.po as fuzzy, for review")
    if args.format == "json":
        payload: dict[str, Any] = report.to_json()
        payload["changes_file"] = report.changes_file
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print_fixes(report)
    unreadable.extend(e for e in repairs.unreadable if e not in unreadable)
    print_errors(unreadable)
    if unreadable:
        return EXIT_USAGE  # the other pages were fixed; these were not read
    # A replay that could not apply a recorded change did not do its job.
    return EXIT_FINDINGS if report.skipped else EXIT_OK


def register(sub: Subparsers) -> None:
    """Add ``tolk fix`` to the parser."""
    p = add_command(
        sub,
        "fix",
        run,
        "Repair what can be repaired safely, listing every change (replayable).",
        "tolk fix source_articles          # repaired pages and changes.json in build/fixed/\n"
        "  tolk fix --replay build/fixed/changes.json",
    )
    p.add_argument("path", nargs="*", help="pages or folders; default: the source folder")
    p.add_argument("--in-place", action="store_true", help="rewrite the pages themselves")
    p.add_argument("--out", metavar="DIR", help="output folder (default: build/fixed)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--replay", metavar="CHANGES", help="re-apply a change list from tolk fix")
    p.add_argument("--lang", help="page language when <html lang> is missing or wrong")
    p.add_argument(
        "--apply-machine",
        action="store_true",
        help="apply machine-made replacements unreviewed (default: offer them for review; "
        "setting apply_machine_fixes)",
    )
    p.add_argument(
        "--disable", action="append", metavar="CHECK", help="turn a check off (repeatable)"
    )
