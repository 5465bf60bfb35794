"""The report model of a check run: findings, what was checked, counts."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from pipeline.checks.base import (
    SEVERITIES,
    Finding,
    Severity,
    severity_rank,
)
from pipeline.checks.inputs import CheckedFile


@dataclass(frozen=True)
class CheckReport:
    """What a run found, and over what."""

    findings: tuple[Finding, ...]
    files: tuple[CheckedFile, ...] = ()
    checks: tuple[str, ...] = ()
    families: dict[str, tuple[str, ...]] = field(default_factory=dict)
    folded: int = 0
    hidden: int = 0
    min_severity: Severity = "info"
    segment_count: int | None = None
    """Segments judged, when the files were kept without their items (a run in chunks)."""

    @property
    def segments(self) -> int:
        """Number of segments and entries judged."""
        if self.segment_count is not None:
            return self.segment_count
        return sum(len(f.items) for f in self.files)

    def count(self, severity: Severity) -> int:
        """Number of findings of one severity."""
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def failed(self) -> bool:
        """True when any finding is an error (the exit code is then 1)."""
        return any(f.severity == "error" for f in self.findings)

    def at_least(self, severity: Severity) -> CheckReport:
        """The report without findings less severe than ``severity``."""
        rank = severity_rank(severity)
        kept = tuple(f for f in self.findings if severity_rank(f.severity) <= rank)
        return replace(
            self,
            findings=kept,
            hidden=self.hidden + len(self.findings) - len(kept),
            min_severity=severity,
        )

    def summary(self) -> dict[str, object]:
        """Counts by check and severity, and what was checked."""
        by_check: dict[str, dict[str, int]] = {
            check: {s: 0 for s in SEVERITIES} for check in self.checks
        }
        for f in self.findings:
            by_check.setdefault(f.check, {s: 0 for s in SEVERITIES})[f.severity] += 1
        return {
            "files": len(self.files),
            "pages": sum(1 for f in self.files if f.origin == "page"),
            "catalogs": sum(1 for f in self.files if f.origin == "catalog"),
            "segments": self.segments,
            "findings": len(self.findings),
            "by_severity": {s: self.count(s) for s in SEVERITIES},
            "by_check": by_check,
            "folded_copies": self.folded,
            "hidden_below_severity": self.hidden,
            "min_severity": self.min_severity,
        }
