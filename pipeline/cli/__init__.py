"""The ``tolk`` command: one module per verb; the only place that turns errors
into exit codes.

Exit codes: 0 clean, 1 findings or a failed gate (or incomplete work),
2 usage or input error. Library code raises :class:`PipelineError`; here it
becomes one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
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
from pipeline.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Parser, add_command, say
from pipeline.config import load_settings
from pipeline.errors import PipelineError
from pipeline.html.rules import site_rules

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "add_command", "build_parser", "main"]

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


if __name__ == "__main__":
    sys.exit(main())
