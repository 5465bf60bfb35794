"""The ``tolk check`` and ``tolk fix`` subcommands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.checks import CHECKS, validate_ids
from pipeline.checks.base import SEVERITIES, Severity
from pipeline.config import Settings
from pipeline.errors import InputError
from pipeline.storage import write_atomic

if TYPE_CHECKING:
    from pipeline.checks.runner import Suggest

EXIT_OK, EXIT_FINDINGS = 0, 1


def leftover_suggester(settings: Settings, *, use_engine: bool = False) -> Suggest | None:
    """The hook that proposes a replacement for a leftover.

    Page furniture (``ui.po``) and the translation memory always; a machine
    translation only when ``use_engine`` (``tolk fix``), so ``tolk check``
    stays quick and never loads a model.
    """
    from pipeline.leftovers import LeftoverRepairs

    return LeftoverRepairs(settings, use_engine=use_engine).suggest


GLOSSARY_FILE = "glossary.txt"


def glossary_terms(settings: Settings) -> tuple[str, ...]:
    """Do-not-translate terms from ``locales/glossary.txt`` (one a line, ``#`` comments).

    Brand, product and person names that translators keep as they are; the
    language check does not judge them and ``same-as-source`` accepts them.
    """
    path = settings.locales / GLOSSARY_FILE
    if not path.exists():
        return ()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte {exc.start})", path=path, hint="save the glossary as UTF-8"
        ) from None
    terms = []
    for raw in text.splitlines():
        term = raw.split("#", 1)[0].strip()
        if term:
            terms.append(term)
    return tuple(terms)


def _default_paths(settings: Settings, *folders: Path) -> list[str]:
    shown = [str(_shown(folder)) for folder in folders if folder.exists()]
    if not shown:
        raise InputError(
            "nothing to check: no source or build folder",
            path=folders[0] if folders else None,
            hint="give pages, catalogs or folders",
        )
    return shown


def _disabled(args: argparse.Namespace, settings: Settings) -> tuple[str, ...]:
    where = settings.config_path or "the settings"
    project = validate_ids(settings.disabled_checks, f"disabled_checks of {where}")
    return tuple(sorted(project | validate_ids(args.disable or (), "--disable")))


def _shown(path: Path) -> Path:
    """``path`` relative to the working folder when it lies inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- tolk check -------------------------------------------------------------------


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    """Run the checks and report; exit 1 when any finding is an error."""
    from pipeline.checks.output import render, summary_lines
    from pipeline.checks.runner import run_checks

    paths = args.path or _default_paths(settings, settings.sources, settings.build)
    report = run_checks(
        paths,
        lang=args.lang,
        disabled=_disabled(args, settings),
        glossary=glossary_terms(settings),
        suggest=leftover_suggester(settings),
        exclude=[_shown(settings.build / "fixed")],
    )
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
            _say(f"{line} -> {args.output}")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return EXIT_FINDINGS if failed else EXIT_OK


# -- tolk fix ---------------------------------------------------------------------


def cmd_fix(args: argparse.Namespace, settings: Settings) -> int:
    """Apply the safe fixers, write the pages and the change list, list every change."""
    from pipeline.checks.output import print_fixes
    from pipeline.fixing import fix_pages, load_changes, replay_changes
    from pipeline.leftovers import LeftoverRepairs

    out_dir = Path(args.out) if args.out else _shown(settings.build / "fixed")
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
        )
    else:
        paths = args.path or _default_paths(settings, settings.sources)
        report = fix_pages(
            paths,
            out_dir=out_dir,
            in_place=args.in_place,
            lang=args.lang,
            disabled=_disabled(args, settings),
            glossary=glossary_terms(settings),
            suggest=repairs.suggest,
        )
        queued = repairs.save_for_review()
        if queued:
            _say(f"{queued} machine-made replacement(s) added to ui.po as fuzzy, for review")
    if args.format == "json":
        payload: dict[str, Any] = report.to_json()
        payload["changes_file"] = report.changes_file
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print_fixes(report)
    # A replay that could not apply a recorded change did not do its job.
    return EXIT_FINDINGS if report.skipped else EXIT_OK


# -- registration -----------------------------------------------------------------


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Any) -> None:
    """Add ``check`` and ``fix`` to the ``tolk`` parser."""
    ids = ", ".join(CHECKS)
    p = add(
        sub,
        "check",
        cmd_check,
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
    p.add_argument(
        "--severity",
        choices=SEVERITIES,
        default="warning",
        help="least severe findings to show (default: warning; info shows all)",
    )

    p = add(
        sub,
        "fix",
        cmd_fix,
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
        "--disable", action="append", metavar="CHECK", help="turn a check off (repeatable)"
    )
