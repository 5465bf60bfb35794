"""What ``tolk fix`` prints: a table of every change, then what is left for a person.

Beside the fixes it describes (the check output module knows findings, not
change lists), so that checks do not depend on fixes.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from pipeline.checks.output import around_change, escape
from pipeline.fixes.changes import FixReport


def fix_summary_lines(report: FixReport) -> list[str]:
    """What ``tolk fix`` did, in a few lines."""
    written = [p.written for p in report.pages if p.written]
    lines = [f"tolk fix: {len(report.changes)} changes in {len(written)} pages"]
    if report.changes_file:
        lines[0] += f"; change list: {report.changes_file}"
    left = Counter(f.check for f in report.left)
    if left:
        shown = ", ".join(f"{check} {n}" for check, n in sorted(left.items()))
        lines.append(f"  left for a person: {shown}")
    for page in report.pages:
        lines += [f"  warning: {page.file}: {problem}" for problem in page.problems]
    return lines


def print_fixes(report: FixReport, file: TextIO | None = None, width: int = 200) -> None:
    """A table of every change, then what is left to do."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=file, width=width, soft_wrap=False, highlight=False)
    if report.changes:
        table = Table(show_lines=False)
        for name in ("file", "line", "location", "check", "before", "after", "source"):
            table.add_column(
                name,
                justify="right" if name == "line" else "left",
                overflow="fold" if name in ("file", "location", "source") else "ellipsis",
            )
        for c in report.changes:
            before, after = around_change(c.before, c.after)
            table.add_row(
                escape(c.file),
                str(c.line),
                escape(c.location),
                escape(c.check),
                escape(before),
                escape(after),
                escape(c.source),
            )
        console.print(table)
    for line in fix_summary_lines(report):
        console.print(escape(line))
