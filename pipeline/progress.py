"""Progress for long work: a rich bar on a terminal, plain lines elsewhere.

CI logs and pipes get plain lines at a steady pace instead of redraws (the
first item, then about every tenth of the work or every few seconds, and the
last), with counts and the current item, so a log shows that a run is alive
and where it was when it stopped.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol


class Progress(Protocol):
    """What a stage reports to: advance by n items, optionally naming the item.

    ``advance(0, name)`` names the item being worked on without counting it.
    """

    def advance(self, n: int = 1, item: str = "") -> None: ...


class _Lines:
    """Plain progress lines at a steady pace, whether or not items are named.

    A line when work starts, after each tenth of the items, after
    :data:`INTERVAL` seconds without a line, and at the end; never one per
    item of a thousand-entry catalog, never silence for minutes.
    """

    def __init__(self, label: str, total: int, quiet: bool) -> None:
        self.label, self.total, self.done, self.quiet = label, total, 0, quiet
        self.item = ""
        self.step = max(1, -(-total // 10))
        self.started = self.last_time = time.monotonic()
        self.last_done = -1

    def advance(self, n: int = 1, item: str = "") -> None:
        self.done += n
        if item:
            self.item = item
        if self.quiet or n == 0:
            return
        now = time.monotonic()
        if (
            self.last_done < 0
            or self.done >= self.total
            or self.done - self.last_done >= self.step
            or now - self.last_time >= INTERVAL
        ):
            self._line(now)

    def _line(self, now: float) -> None:
        self.last_done, self.last_time = self.done, now
        share = f" ({100 * self.done // self.total}%)" if self.total else ""
        took = now - self.started
        speed = f", {self.done / took:.1f}/s" if took >= 1 and self.done else ""
        at = f" {self.item}" if self.item else ""
        print(
            f"  {self.label} {self.done}/{self.total}{share}{at}{speed}",
            file=sys.stderr,
            flush=True,
        )


INTERVAL = 5.0
"""Seconds between two progress lines in a log at most, while work goes on."""


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
