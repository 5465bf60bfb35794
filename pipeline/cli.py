"""The ``tolk`` command: subcommands for each stage; the only place that turns
errors into exit codes.

Exit codes: 0 clean, 1 findings or a failed gate (or incomplete work),
2 usage or input error. Library code raises :class:`PipelineError`; here it
becomes one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pipeline import __version__
from pipeline.config import Settings, load_settings
from pipeline.errors import InputError, PipelineError
from pipeline.languages import LANGUAGES

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace, Settings], int]


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _print_errors(errors: Sequence[PipelineError]) -> None:
    for err in errors:
        _say(f"error: {err}")


def _langs(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    langs = tuple(v.strip() for v in value.split(",") if v.strip())
    bad = [lang for lang in langs if lang not in LANGUAGES]
    if bad:
        raise InputError(f"unknown language '{bad[0]}'", hint=f"use {', '.join(LANGUAGES)}")
    return langs


# -- extract ---------------------------------------------------------------
def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.project import discover
    from pipeline.stages import extract_articles
    from pipeline.translate import memory_suggester

    articles = discover(settings, args.article)
    suggest_for = memory_suggester(settings)
    report = extract_articles(settings, articles, suggest_for=suggest_for, quiet=args.quiet)
    c = report.counts
    _say(
        f"extract: {len(articles)} articles, {c.get('segments', 0)} segments; "
        f"catalog entries kept {c.get('kept', 0)}, new {c.get('new', 0)}, "
        f"from memory {c.get('memory', 0)}, fuzzy {c.get('fuzzy', 0)}, "
        f"obsolete {c.get('obsolete', 0)}; {len(report.written)} files written"
    )
    _print_errors(report.errors)
    return EXIT_USAGE if report.errors else EXIT_OK


# -- build -----------------------------------------------------------------
def cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.project import discover
    from pipeline.stages import build_articles

    articles = discover(settings, args.article)
    report = build_articles(
        settings,
        articles,
        _langs(args.lang),
        include_fuzzy=not args.reviewed_only,
        quiet=args.quiet,
    )
    c = report.counts
    total = c.get("segments", 0)
    _say(
        f"build: {len(report.written)} pages written to {settings.build_dir}/; "
        f"{c.get('translated', 0)}/{total} segments translated, "
        f"{c.get('fallbacks', 0)} fell back to the source text"
    )
    for path, problem in report.problems:
        _say(f"warning: {path}: {problem.location} (line {problem.line}): {problem.message}")
    _print_errors(report.errors)
    return EXIT_USAGE if report.errors else EXIT_OK


# -- stats -----------------------------------------------------------------
def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.project import discover
    from pipeline.stages import catalog_stats

    rows = catalog_stats(settings, discover(settings, args.article), _langs(args.lang))
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
            "minimum": args.min,
            "below_minimum": [r.path for r in below],
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        from pipeline.tables import stats_table

        stats_table(rows)
    for r in below:
        _say(f"gate: {r.path} is {r.percent:.1f}% translated, below --min {args.min:g}")
    return EXIT_FINDINGS if below else EXIT_OK


# -- parser ------------------------------------------------------------------
def _add(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: Handler,
    help_text: str,
    example: str,
) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        name,
        help=help_text,
        description=f"{help_text}",
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=handler)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one subcommand per stage."""
    parser = argparse.ArgumentParser(
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

    p = _add(
        sub,
        "extract",
        cmd_extract,
        "Extract source articles into templates (.pot) and update catalogs (.po).",
        "tolk extract                      # every article in source_articles/",
    )
    p.add_argument("article", nargs="*", help="article names (file stems); default: all")

    p = _add(
        sub,
        "build",
        cmd_build,
        "Merge catalogs into translated pages under build/<lang>/.",
        "tolk build --lang fr magnesium-nightmares",
    )
    p.add_argument("article", nargs="*", help="article names; default: all")
    p.add_argument("--lang", help="comma-separated target languages; default: all")
    p.add_argument(
        "--reviewed-only", action="store_true", help="use only reviewed (non-fuzzy) translations"
    )

    p = _add(
        sub,
        "stats",
        cmd_stats,
        "Show translated / fuzzy / untranslated counts per article and language.",
        "tolk stats --min 100 --format json   # CI gate: exit 1 below 100%",
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--min", type=float, help="exit 1 when a catalog is below this percentage")
    p.add_argument("--lang", help="comma-separated target languages")
    p.add_argument("--article", action="append", help="an article name (repeatable)")

    _register_more(sub)
    return parser


def _register_more(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Subcommands that live in their own modules."""
    from pipeline.commands import register

    register(sub, _add)


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
        return int(args.handler(args, settings))
    except PipelineError as exc:
        _say(f"error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say("interrupted: finished work is saved; run the same command again to resume")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
