"""``tolk init``: start a project of your own."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from pipeline.cli.common import EXIT_OK, Subparsers, add_command, say, shown
from pipeline.config import Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Write settings, folders, glossary and seeded ui.po files; refuse to overwrite."""
    from pipeline.stages.init import init_project

    root = Path(args.dir)
    written = init_project(root)
    where = shown(root)
    say(f"init: {len(written)} files written in {where}/")
    if str(where) in ("", "."):
        say("next: put your pages in source_articles/, then run tolk extract")
    else:  # the commands read ./tolk.toml: they run inside the project
        say(
            f"next: put your pages in {where}/source_articles/, "
            f"then cd {shlex.quote(str(where))} && tolk extract"
        )
    return EXIT_OK


def register(sub: Subparsers) -> None:
    """Add ``tolk init`` to the parser."""
    p = add_command(
        sub,
        "init",
        run,
        "Start a project: settings, folders, an empty glossary, ui.po with common page furniture.",
        "tolk init my-site          # then put pages in my-site/source_articles/",
    )
    p.add_argument("dir", nargs="?", default=".", help="project folder (default: here)")
