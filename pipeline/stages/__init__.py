"""The stages staff run, over the whole project: extract, translate, build, stats.

Each stage works article by article and saves as it goes, so an interrupted
run keeps everything finished before the interruption and a rerun resumes.
Every stage reports in one shape, :class:`StageReport`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.errors import PipelineError

if TYPE_CHECKING:  # the HTML parser is not needed to name a report's shape
    from pipeline.html.merge import MergeProblem


@dataclass
class StageReport:
    """What a stage did: counts, files written, and per-file errors."""

    written: list[str] = field(default_factory=list)
    errors: list[PipelineError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[tuple[str, MergeProblem]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. a catalog merged with a save

    def add(self, key: str, n: int = 1) -> None:
        """Add to a counter."""
        self.counts[key] = self.counts.get(key, 0) + n

    def merge(self, other: StageReport) -> None:
        """Add another report's counts, files, errors and problems to this one."""
        for key, n in other.counts.items():
            self.add(key, n)
        self.written.extend(other.written)
        self.errors.extend(other.errors)
        self.problems.extend(other.problems)
