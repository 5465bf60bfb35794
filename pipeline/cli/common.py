"""What every verb shares: exit codes, messages on stderr, parser helpers.

Kept apart from ``pipeline.cli`` so that verb modules can import it while
``pipeline.cli`` imports every verb module.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from pipeline.config import Settings
from pipeline.errors import InputError, PipelineError
from pipeline.languages import LANGUAGES
from pipeline.stages.shard import Shard

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
#: A bug in Tolk (sysexits' EX_SOFTWARE): never 1 or 2, so a CI gate can tell a
#: crash from leftovers or a user mistake.
EXIT_BUG = 70

Handler = Callable[[argparse.Namespace, Settings], int]
if TYPE_CHECKING:  # argparse's action class is generic only to type checkers
    from pipeline.project import Article

    Subparsers: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subparsers = argparse._SubParsersAction


class Parser(argparse.ArgumentParser):
    """argparse with a "did you mean" for a mistyped command, as git and pip give.

    ``tolk chek`` should name ``check``, not list every verb.
    """

    def error(self, message: str) -> typing.NoReturn:
        """Exit 2 with one line; for an unknown command, the nearest real one."""
        wrong = re.match(r"argument COMMAND: invalid choice: '?([^' ]+)'?", message)
        if wrong:
            choices = re.findall(r"'([\w-]+)'", message.split("choose from", 1)[-1])
            near = difflib.get_close_matches(wrong.group(1), choices, n=1)
            message = f"unknown command '{wrong.group(1)}'" + (
                f": did you mean '{near[0]}'?" if near else f"; commands: {', '.join(choices)}"
            )
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def reader_gone() -> int:
    """Exit quietly when the reader of stdout stopped reading (``| head``).

    Not an error: the rest of the output goes to /dev/null so that Python's
    own flush at exit does not fail again (the recipe of the Python docs).
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_OK


def say(message: str) -> None:
    """One line on stderr, flushed so it interleaves with progress output."""
    print(message, file=sys.stderr, flush=True)


def print_errors(errors: Sequence[PipelineError]) -> None:
    """Each collected error as one ``error:`` line."""
    for err in errors:
        say(f"error: {err}")


def langs(value: str | None) -> tuple[str, ...] | None:
    """A ``--lang fr,nl`` value as a tuple; ``None`` when not given."""
    if not value:
        return None
    found = tuple(v.strip() for v in value.split(",") if v.strip())
    bad = [lang for lang in found if lang not in LANGUAGES]
    if bad:
        raise InputError(f"unknown language '{bad[0]}'", hint=f"use {', '.join(LANGUAGES)}")
    return found


def add_command(
    sub: Subparsers,
    name: str,
    handler: Handler,
    help_text: str,
    example: str,
) -> argparse.ArgumentParser:
    """A subcommand with its help text and an example (every verb has both)."""
    parser = sub.add_parser(
        name,
        help=help_text,
        description=f"{help_text}",
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=handler)
    return parser


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return n


def add_jobs(parser: argparse.ArgumentParser) -> None:
    """``--jobs N``: articles at once in a process pool; 1 runs in this process."""
    cores = os.cpu_count() or 1
    parser.add_argument(
        "--jobs",
        "-j",
        type=positive_int,
        default=cores,
        metavar="N",
        help=f"articles processed at once (default: the cores, here {cores}; 1: no pool)",
    )


def add_shard(parser: argparse.ArgumentParser) -> None:
    """``--shard K/N``: only this machine's share of the articles (a CI matrix)."""
    parser.add_argument(
        "--shard",
        type=Shard.parse,
        metavar="K/N",
        help="only the articles of shard K of N (split by a stable hash of their names; "
        "a family's pages stay together)",
    )


def default_paths(settings: Settings, *folders: Path) -> list[str]:
    """The folders that exist, as shown to the user; an error when none does."""
    existing = [str(shown(folder)) for folder in folders if folder.exists()]
    if not existing:
        raise InputError(
            "nothing to check: no source or build folder",
            path=folders[0] if folders else None,
            hint="give pages, catalogs or folders",
        )
    return existing


def disabled(args: argparse.Namespace, settings: Settings) -> tuple[str, ...]:
    """Checks turned off by the settings and by ``--disable``, validated."""
    from pipeline.checks import validate_ids

    where = settings.config_path or "the settings"
    project = validate_ids(settings.disabled_checks, f"disabled_checks of {where}")
    return tuple(sorted(project | validate_ids(args.disable or (), "--disable")))


def shown(path: Path) -> Path:
    """``path`` relative to the working folder when it lies inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def chosen_articles(
    settings: Settings, args: argparse.Namespace, skipped: list[PipelineError]
) -> tuple[list[Article], list[Article]]:
    """(the articles this run works on, every article of the project).

    The articles named on the command line, narrowed to ``--shard``; the memory
    and the families draw on all of them, even when only some are worked on.
    """
    from pipeline.project import discover

    remember = not getattr(args, "dry_run", False)  # a dry run writes nothing
    articles = discover(settings, args.article, skipped, remember=remember)
    everything = (
        discover(settings, None, [], remember=remember) if args.article or args.shard else articles
    )
    if args.shard:
        from pipeline.stages.shard import shard_name

        articles = args.shard.select(articles, shard_name)
    return articles, everything
