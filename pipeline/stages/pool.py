"""Articles over the cores: a process pool whose results come back in article order.

Extract and build handle one article (or page) at a time, independently, and
most of that time is Python (parsing, walking, rendering), which threads cannot
share; processes can. Results come back in the order of the work, whatever the
order the workers finish in, so counts, error lines and the manifest are the
same as with ``--jobs 1``.

Workers are forked: they inherit the stage's state (settings, the manifest,
the memory suggester, closures) without pickling it, and only an index goes to
them and a small picklable result comes back. Where fork does not exist the
work runs in-process. A forked worker exits without running ``atexit``, so the
caller's :func:`pipeline.storage.sync_written` syncs for it (``everything``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Generic, NamedTuple, TypeVar, cast

from pipeline.manifest import Manifest
from pipeline.stages import StageReport
from pipeline.storage import sync_written

T = TypeVar("T")

_WORK: Callable[[int], object] | None = None
"""The work of the running pool, inherited by its forked workers."""


def default_jobs() -> int:
    """The number of cores, the default of ``--jobs``."""
    return os.cpu_count() or 1


def _call(index: int) -> object:
    assert _WORK is not None
    return _WORK(index)


def _ready() -> None:
    """A no-op: submitting it makes the pool fork its workers now."""


class Pool(Generic[T]):
    """Runs ``work(i)`` for ``i`` in ``range(count)`` on ``jobs`` processes.

    Used as a context manager: the workers are forked on entering, before any
    progress display starts its thread (forking a threaded process is unsafe),
    and stopped on leaving. ``jobs`` 1, a single item or no ``fork`` run in-process.
    """

    def __init__(self, work: Callable[[int], T], count: int, jobs: int) -> None:
        self.work, self.count = work, count
        forkable = "fork" in multiprocessing.get_all_start_methods()
        self.jobs = max(1, min(jobs, count)) if forkable else 1
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> Pool[T]:
        global _WORK
        if self.jobs > 1:
            _WORK = self.work
            self._executor = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=multiprocessing.get_context("fork")
            )
            self._executor.submit(_ready).result()
        return self

    def results(self) -> Iterator[T]:
        """Each item's result, in item order."""
        if self._executor is None:
            for i in range(self.count):
                yield self.work(i)
            return
        chunk = max(1, min(8, self.count // (self.jobs * 4)))
        for result in self._executor.map(_call, range(self.count), chunksize=chunk):
            yield cast(T, result)

    def __exit__(self, *exc: object) -> None:
        global _WORK
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
            _WORK = None
            sync_written(everything=True)  # the workers' files


class Done(NamedTuple):
    """What one unit of work did: ``part`` None when it was skipped (unchanged),
    ``fingerprint`` None when it failed (the next run redoes it)."""

    part: StageReport | None
    fingerprint: str | None

    def merge_into(self, report: StageReport, manifest: Manifest, stage: str, unit: str) -> None:
        """Add this unit's counts, files and errors to the run's, and record it."""
        if self.part is None:
            report.add("skipped", 1)
            return
        report.merge(self.part)
        if self.fingerprint is None:
            manifest.forget(stage, unit)
        else:
            manifest.record(stage, unit, self.fingerprint)
