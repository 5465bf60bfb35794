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

    skipped: list[PipelineError] = []
    articles = discover(settings, args.article, skipped)
    # The memory draws on every article, even when only some are extracted.
    everything = discover(settings, None, []) if args.article else articles
    suggest_for = memory_suggester(settings, everything)
    report = extract_articles(settings, articles, suggest_for=suggest_for, quiet=args.quiet)
    report.errors[:0] = skipped
    c = report.counts
    _say(
        f"extract: {len(articles)} articles, {c.get('segments', 0)} segments; catalog entries: "
        f"{c.get('kept', 0)} translations kept, {c.get('memory', 0)} from memory, "
        f"{c.get('fuzzy', 0)} changed (fuzzy), {c.get('new', 0)} new and "
        f"{c.get('empty', 0)} unchanged without translation, {c.get('obsolete', 0)} obsolete; "
        f"{len(report.written)} files written"
    )
    _print_errors(report.errors)
    return EXIT_USAGE if report.errors else EXIT_OK


# -- build -----------------------------------------------------------------
def cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.project import discover
    from pipeline.stages import build_articles

    skipped: list[PipelineError] = []
    articles = discover(settings, args.article, skipped)
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
    report.errors[:0] = skipped
    _print_errors(report.errors)
    return EXIT_USAGE if report.errors else EXIT_OK


# -- stats -----------------------------------------------------------------
def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.project import discover
    from pipeline.stages import catalog_stats

    if args.min is not None and not 0 <= args.min <= 100:
        raise InputError(f"--min must be a percentage from 0 to 100, not {args.min:g}")
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


# -- translate ---------------------------------------------------------------
def cmd_translate(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.project import discover
    from pipeline.translate import build_memory, translate_articles

    skipped: list[PipelineError] = []
    articles = discover(settings, args.article, skipped)
    if args.pseudo:
        from pipeline.pseudo import pseudo_catalogs

        filled, written = pseudo_catalogs(settings, articles, _langs(args.lang), force=args.force)
        _say(f"translate --pseudo: {filled} entries, {len(written)} catalogs written")
        _print_errors(skipped)
        return EXIT_USAGE if skipped else EXIT_OK
    memory = build_memory(settings, articles)
    options = {
        "beam_size": args.beam_size or settings.beam_size,
        "batch_size": args.batch_size or settings.batch_size,
    }
    report = translate_articles(
        settings, articles, _langs(args.lang), force=args.force,
        use_engine=not args.memory_only, engine_options=options,
        memory=memory, quiet=args.quiet,
    )  # fmt: skip
    report.errors[:0] = skipped
    _say(
        f"translate: memory exact {report.memory_exact}, memory fuzzy {report.memory_fuzzy}, "
        f"machine {report.machine}, kept as they are {report.kept_as_is}, "
        f"in another language than their page {report.switched_source}, "
        f"still empty {report.left_empty}; "
        f"{len(report.written)} catalogs written"
    )
    if report.missing_pairs:
        pairs = ", ".join(f"{s}-{t}" for s, t in sorted(report.missing_pairs))
        _say(f"incomplete: no translation model for {pairs}")
        for message in report.model_errors:
            _say(f"  {message}")
        _say("  memory matches were applied; see 'tolk models --help' to install models")
    _print_errors(report.errors)
    if report.errors:
        return EXIT_USAGE
    return EXIT_OK if report.complete else EXIT_FINDINGS


# -- memory ------------------------------------------------------------------
def cmd_memory(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.project import discover
    from pipeline.translate import build_memory, load_store, memory_path

    action = args.action
    if action == "import":
        path = memory_path(settings)
        memory = load_store(settings)
        added = sum(memory.import_tmx(Path(f)) for f in args.files)
        memory.save(path)
        _say(f"memory: imported {added} units from {len(args.files)} file(s) into {path}")
        return EXIT_OK
    if action == "export":
        memory = build_memory(settings, discover(settings))
        pair = None
        if args.pair:
            src, _, tgt = args.pair.partition("-")
            if not (_langs(src) and _langs(tgt)):
                raise InputError(f"invalid pair '{args.pair}'", hint="write it like nl-fr")
            pair = (src, tgt)
        out = Path(args.output)
        written = memory.export_tmx(out, pair=pair)
        _say(f"memory: exported {written} units to {out} (TMX 1.4b)")
        return EXIT_OK
    memory = build_memory(settings, discover(settings))
    counts: dict[tuple[str, str], list[int]] = {}
    for unit in memory.units():
        row = counts.setdefault((unit.src_lang, unit.tgt_lang), [0, 0])
        row[1 if unit.fuzzy else 0] += 1
    if args.format == "json":
        print(
            json.dumps(
                {
                    "units": len(memory),
                    "pairs": [
                        {"source": s, "target": t, "reviewed": r, "fuzzy": f}
                        for (s, t), (r, f) in sorted(counts.items())
                    ],
                },
                indent=2,
            )
        )
    else:
        for (s, t), (r, f) in sorted(counts.items()):
            print(f"{s}-{t}: {r} reviewed, {f} fuzzy")
        print(f"total: {len(memory)} units")
    return EXIT_OK


# -- models ------------------------------------------------------------------
def cmd_models(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline import models

    if args.action == "install":
        if args.files:
            installed = models.install_from_files([Path(f) for f in args.files])
        elif args.pairs:
            installed = models.install_from_index(list(args.pairs))
        else:
            raise InputError(
                "nothing to install",
                hint="name pairs (tolk models install fr-en) or files (--from FILE.argosmodel)",
            )
        for info in installed:
            _say(f"installed {info.code} ({info.pair})")
        return EXIT_OK
    infos = models.list_models()
    reach = models.reachable_pairs(infos)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "packages": [
                        {
                            "code": m.code,
                            "from": m.from_code,
                            "to": m.to_code,
                            "version": m.version,
                            "size": m.size,
                            "path": str(m.path),
                        }
                        for m in infos
                    ],
                    "pairs": [
                        {"source": s, "target": t, "path": [m.code for m in path]}
                        for (s, t), path in sorted(reach.items())
                    ],
                },
                indent=2,
            )
        )
        return EXIT_OK
    if not infos:
        print("no translation models installed")
        print("  online:  tolk models install fr-en en-fr nl-en en-nl")
        print("  offline: tolk models install --from translate-fr_en-1_9.argosmodel ...")
        return EXIT_OK
    for m in infos:
        print(f"{m.code:16} {m.pair:8} {m.size / 1e6:8.1f} MB  {m.path}")
    for lang_pair, path in sorted(reach.items()):
        how = "direct" if len(path) == 1 else "pivot " + " + ".join(m.code for m in path)
        print(f"{lang_pair[0]}-{lang_pair[1]}: {how}")
    return EXIT_OK


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

    p = _add(
        sub,
        "translate",
        cmd_translate,
        "Fill catalogs: translation memory first, then Argos models (machine output is fuzzy).",
        "tolk translate --lang fr          # only French catalogs",
    )
    p.add_argument("article", nargs="*", help="article names; default: all")
    p.add_argument("--lang", help="comma-separated target languages")
    p.add_argument(
        "--force",
        action="store_true",
        help="also replace reviewed translations (never done otherwise)",
    )
    p.add_argument(
        "--only-missing",
        action="store_true",
        default=True,
        help="fill only empty entries (the default)",
    )
    p.add_argument("--memory-only", action="store_true", help="use no machine translation")
    p.add_argument(
        "--pseudo", action="store_true", help="fill with fuzzy pseudo translations, no model"
    )
    p.add_argument("--beam-size", type=int, help="beam size for the engine")
    p.add_argument("--batch-size", type=int, help="sentences per engine batch")

    p = _add(
        sub,
        "memory",
        cmd_memory,
        "Build, show, import (TMX) or export (TMX 1.4b) the translation memory.",
        "tolk memory export --format tmx -o memory.tmx   |   tolk memory import old.tmx",
    )
    msub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    m = msub.add_parser("stats", help="units per language pair")
    m.add_argument("--format", choices=("table", "json"), default="table")
    m = msub.add_parser("import", help="add TMX files (OmegaT, Trados, Translate Toolkit)")
    m.add_argument("files", nargs="+", metavar="FILE.tmx")
    m = msub.add_parser("export", help="write TMX 1.4b")
    m.add_argument("--format", choices=("tmx",), default="tmx")
    m.add_argument("--pair", help="only one language pair, e.g. nl-fr")
    m.add_argument("-o", "--output", default="memory.tmx", help="output file")

    p = _add(
        sub,
        "models",
        cmd_models,
        "List or install Argos translation models (online from the index, offline from files).",
        "tolk models install --from translate-nl_en-1_9.argosmodel",
    )
    msub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    m = msub.add_parser("list", help="installed packages and reachable pairs")
    m.add_argument("--format", choices=("table", "json"), default="table")
    m = msub.add_parser("install", help="install models")
    m.add_argument("pairs", nargs="*", help="pairs from the Argos index, e.g. fr-en nl-en")
    m.add_argument(
        "--from", dest="files", nargs="+", metavar="FILE", help=".argosmodel files (offline)"
    )

    _register_more(sub)
    return parser


def _register_more(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Subcommands that live beside their own modules: check, fix, report."""
    from pipeline.checks.command import register as register_checks
    from pipeline.report import register as register_report

    register_checks(sub, _add)
    register_report(sub, _add)


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
    except OSError as exc:  # a folder where a file was expected, no permission, disk full
        where = f"{exc.filename}: " if exc.filename else ""
        _say(f"error: {where}{exc.strerror or exc} (check the path and its permissions)")
        return EXIT_USAGE
    except UnicodeDecodeError as exc:
        _say(
            f"error: a file is not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8"
        )
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say("interrupted: finished work is saved; run the same command again to resume")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
