"""Progress for long work: a rich bar on a terminal, plain lines elsewhere.

CI logs and pipes get one line per item instead of redraws, so a log shows
where a run was when it stopped.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol


class Progress(Protocol):
    """What a stage reports to: advance by n items, optionally naming the item."""

    def advance(self, n: int = 1, item: str = "") -> None: ...


class _Lines:
    def __init__(self, label: str, total: int, quiet: bool) -> None:
        self.label, self.total, self.done, self.quiet = label, total, 0, quiet

    def advance(self, n: int = 1, item: str = "") -> None:
        self.done += n
        if not self.quiet and item:
            print(f"  {self.label} {self.done}/{self.total} {item}", file=sys.stderr, flush=True)


class _Bar:
    def __init__(self, bar: object, task: object) -> None:
        self.bar, self.task = bar, task

    def advance(self, n: int = 1, item: str = "") -> None:
        self.bar.update(self.task, advance=n, item=item)  # type: ignore[attr-defined]


@contextmanager
def progress(label: str, total: int, *, quiet: bool = False) -> Iterator[Progress]:
    """A progress reporter for ``total`` items of work."""
    if quiet or not sys.stderr.isatty():
        yield _Lines(label, total, quiet)
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as RichProgress
    from rich.text import Text

    class SpeedColumn(ProgressColumn):
        """Items per second, so a user can tell a slow model from a stuck one."""

        def render(self, task: Any) -> Text:
            speed = task.speed
            return Text(f"{speed:6.1f}/s" if speed else "    -/s")

    columns: tuple[Any, ...] = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        SpeedColumn(),
        TextColumn("{task.fields[item]}"),
        TimeRemainingColumn(),
    )
    with RichProgress(*columns, transient=False) as bar:
        task = bar.add_task(label, total=total, item="")
        yield _Bar(bar, task)
