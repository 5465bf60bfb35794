"""The ``tolk`` command: one module per verb; the only place that turns errors
into exit codes.

Exit codes: 0 clean, 1 findings or a failed gate (or incomplete work),
2 usage or input error, 70 a bug in Tolk (an exception nobody expected).
Library code raises :class:`PipelineError`; here it becomes one line on
stderr, never a traceback (unless ``--debug`` or ``TOLK_DEBUG=1`` asks for it).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from pipeline import __version__
from pipeline.cli import (
    build,
    check,
    extract,
    fix,
    init,
    memory,
    models,
    report,
    stats,
    terms,
    translate,
)
from pipeline.cli.common import (
    EXIT_BUG,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    add_command,
    say,
)
from pipeline.config import Settings, load_settings
from pipeline.errors import PipelineError
from pipeline.html.rules import site_rules

__all__ = [
    "EXIT_BUG",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "add_command",
    "build_parser",
    "main",
]

#: Where a bug is reported; the crash line names it.
ISSUES = "the Tolk issue tracker"

#: Verbs that write the project: each holds the project lock while it runs.
WRITERS = frozenset({"extract", "translate", "build", "fix", "memory", "report"})

#: The verbs in the order ``tolk --help`` lists them.
VERBS = (init, extract, build, stats, translate, memory, models, check, terms, fix, report)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one subcommand per verb."""
    parser = Parser(
        prog="tolk",
        description="Translate and localise web articles between French, Dutch and English.",
        epilog="Run 'tolk COMMAND --help' for the options and an example of each command.",
    )
    parser.add_argument("--version", action="version", version=f"tolk {__version__}")
    parser.add_argument(
        "--config",
        type=Path,
        help="settings file (default: nearest pyproject.toml with [tool.tolk], or tolk.toml)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="show the traceback of an unexpected error (also TOLK_DEBUG=1)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for verb in VERBS:
        verb.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``tolk``; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        settings = load_settings(args.config)
        site_rules(settings)  # a selector Tolk cannot read stops every command first
        if args.command not in WRITERS:
            return int(args.handler(args, settings))
        with _writing(settings):
            return int(args.handler(args, settings))
    except PipelineError as exc:
        say(f"error: {exc}")
        return EXIT_USAGE
    except OSError as exc:  # a folder where a file was expected, no permission, disk full
        where = f"{exc.filename}: " if exc.filename else ""
        say(f"error: {where}{exc.strerror or exc} (check the path and its permissions)")
        return EXIT_USAGE
    except UnicodeDecodeError as exc:
        say(f"error: a file is not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8")
        return EXIT_USAGE
    except KeyboardInterrupt:
        say("interrupted: finished work is saved; run the same command again to resume")
        return 130
    except Exception as exc:  # a bug: its own exit code, one line, traceback on request
        return _crashed(exc, debug=args.debug)


@contextmanager
def _writing(settings: Settings) -> Iterator[None]:
    """Hold the project lock; first remove what a killed run left half-written."""
    from pipeline.project import lock_path
    from pipeline.storage import project_lock, remove_stale_temporaries

    with project_lock(lock_path(settings)):
        stale = [
            p
            for folder in {settings.locales, settings.build, settings.sources}
            for p in remove_stale_temporaries(folder)
        ]
        if stale:
            say(f"note: removed {len(stale)} temporary files an interrupted run left behind")
        yield


def _crashed(exc: Exception, *, debug: bool) -> int:
    """Say that Tolk itself failed, and how to report it; exit :data:`EXIT_BUG`.

    Never exit 1 or 2 here: a CI gate reads 1 as "leftovers found" and 2 as
    "fix your input", and a crash is neither.
    """
    debug = debug or os.environ.get("TOLK_DEBUG", "") not in ("", "0")
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    how = "" if debug else "; rerun with TOLK_DEBUG=1 (or --debug) for the traceback"
    say(
        f"error: a bug in Tolk ({type(exc).__name__}{': ' + detail if detail else ''}): "
        f"please report it to {ISSUES} with the command you ran{how}"
    )
    return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
