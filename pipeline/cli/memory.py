"""``tolk memory``: show, import (TMX) or export (TMX) the translation memory."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipeline.cli.common import EXIT_OK, Subparsers, add_command, langs, say
from pipeline.config import Settings
from pipeline.errors import InputError, PipelineError
from pipeline.text.plural import counted


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Show, import or export the translation memory."""
    from pipeline.project import build_memory, discover, load_store, memory_path

    action = args.action
    if action == "import":
        path = memory_path(settings)
        memory = load_store(settings)
        # What the catalogs hold is in the memory already: no copy goes to the store.
        # A catalog that cannot be read only means fewer duplicates are skipped.
        unreadable: list[PipelineError] = []
        known = build_memory(settings, discover(settings), store=False, errors=unreadable)
        for error in unreadable:
            say(f"warning: {error} (its units are not compared with the import)")
        before = len(memory)
        results = [memory.import_tmx(Path(f), known=known) for f in args.files]
        added, skipped = sum(r.added for r in results), sum(r.duplicates for r in results)
        memory.save(path)
        say(
            f"memory: read {counted(added + skipped, 'unit')} from "
            f"{counted(len(args.files), 'file')}; skipped {skipped} the catalogs already hold; "
            f"{settings.relative(path)} went from {before} to {counted(len(memory), 'unit')}"
        )
        return EXIT_OK
    if action == "export":
        memory = build_memory(settings, discover(settings))
        pair = None
        if args.pair:
            src, _, tgt = args.pair.partition("-")
            if not (langs(src) and langs(tgt)):
                raise InputError(f"invalid pair '{args.pair}'", hint="write it like nl-fr")
            pair = (src, tgt)
        out = Path(args.output)
        written = memory.export_tmx(out, pair=pair, include_fuzzy=args.include_fuzzy)
        kind = "reviewed and unreviewed (marked)" if args.include_fuzzy else "reviewed"
        say(f"memory: exported {counted(written, 'unit')} ({kind}) to {out} (TMX 1.4b)")
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


def register(sub: Subparsers) -> None:
    """Add ``tolk memory`` to the parser."""
    p = add_command(
        sub,
        "memory",
        run,
        "Count (stats), import (TMX) or export (TMX 1.4b) the translation memory.",
        "tolk memory export --format tmx -o memory.tmx   |   tolk memory import old.tmx",
    )
    msub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    m = msub.add_parser("stats", help="units per language pair")
    m.add_argument("--format", choices=("table", "json"), default="table")
    m = msub.add_parser("import", help="add TMX files (OmegaT, Trados, Translate Toolkit)")
    m.add_argument("files", nargs="+", metavar="FILE.tmx")
    m = msub.add_parser("export", help="write TMX 1.4b: reviewed units unless --include-fuzzy")
    m.add_argument("--format", choices=("tmx",), default="tmx")
    m.add_argument("--pair", help="only one language pair, e.g. nl-fr")
    m.add_argument("-o", "--output", default="memory.tmx", help="output file")
    m.add_argument(
        "--include-fuzzy",
        action="store_true",
        help="also unreviewed (fuzzy) units, each with <note>unreviewed: ...</note>",
    )
