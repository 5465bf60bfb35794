"""What every verb shares: exit codes, messages on stderr, parser helpers.

Kept apart from ``pipeline.cli`` so that verb modules can import it while
``pipeline.cli`` imports every verb module.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from pipeline.checks import validate_ids
from pipeline.config import Settings
from pipeline.errors import InputError, PipelineError
from pipeline.languages import LANGUAGES

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
#: A bug in Tolk (sysexits' EX_SOFTWARE): never 1 or 2, so a CI gate can tell a
#: crash from leftovers or a user mistake.
EXIT_BUG = 70

Handler = Callable[[argparse.Namespace, Settings], int]
if TYPE_CHECKING:  # argparse's action class is generic only to type checkers
    Subparsers: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subparsers = argparse._SubParsersAction


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
    where = settings.config_path or "the settings"
    project = validate_ids(settings.disabled_checks, f"disabled_checks of {where}")
    return tuple(sorted(project | validate_ids(args.disable or (), "--disable")))


def shown(path: Path) -> Path:
    """``path`` relative to the working folder when it lies inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path
