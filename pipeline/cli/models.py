"""``tolk models``: list or install Argos translation models."""

from __future__ import annotations

import argparse
import json
import sys
import types
from pathlib import Path

from pipeline.cli.common import EXIT_OK, Subparsers, add_command, reader_gone, say
from pipeline.config import Settings
from pipeline.errors import InputError


def run(args: argparse.Namespace, settings: Settings) -> int:
    """List installed models and reachable pairs, or install models."""
    from pipeline.engines.argos import packages as models

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
            say(f"installed {info.code} ({info.pair})")
        return EXIT_OK
    try:
        _print_list(args.format, models)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
    except BrokenPipeError:
        return reader_gone()
    return EXIT_OK


def _print_list(fmt: str, models: types.ModuleType) -> None:
    """Print the installed models and the pairs they reach, as a table or JSON."""
    infos = models.list_models()
    reach = models.reachable_pairs(infos)
    if fmt == "json":
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
        return
    if not infos:
        print("no translation models installed")
        print("  online:  tolk models install fr-en en-fr nl-en en-nl")
        print("  offline: tolk models install --from translate-fr_en-1_9.argosmodel ...")
        return
    for m in infos:
        print(f"{m.code:16} {m.pair:8} {m.size / 1e6:8.1f} MB  {m.path}")
    for lang_pair, path in sorted(reach.items()):
        how = "direct" if len(path) == 1 else "pivot " + " + ".join(m.code for m in path)
        print(f"{lang_pair[0]}-{lang_pair[1]}: {how}")


def register(sub: Subparsers) -> None:
    """Add ``tolk models`` to the parser."""
    p = add_command(
        sub,
        "models",
        run,
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
