"""What ``tolk fix`` prints: a table of every change, then what is left for a person.

Beside the fixes it describes (the check output module knows findings, not
change lists), so that checks do not depend on fixes.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from pipeline.checks.output import around_change, escape
from pipeline.fixes.changes import FixReport, is_glued_review, is_machine_held
from pipeline.text.codes import strip_codes


def fix_summary_lines(report: FixReport) -> list[str]:
    """What ``tolk fix`` did, in a few lines.

    Machine-made replacements are counted apart from the others, and every
    sentence whose glued words were spaced is named: a repaired space does not
    make a right translation, so the summary must not read as "all repaired".
    """
    written = [p.written for p in report.pages if p.written]
    lines = [f"tolk fix: {_count(len(report.changes), 'change')} in {_count(len(written), 'page')}"]
    if report.changes_file:
        lines[0] += f"; change list: {report.changes_file}"
    machine = len(report.machine_changes)
    if machine:
        lines.append(f"  made by a machine and applied unreviewed: {machine}")
    held = [f for f in report.left if is_machine_held(f)]
    if held:
        lines.append(
            f"  machine-made replacements not applied, left for review: {len(held)} "
            "(apply_machine_fixes = true in the settings, or --apply-machine, applies them)"
        )
    left = Counter(f.check for f in report.left)
    if left:
        shown = ", ".join(f"{check} {n}" for check, n in sorted(left.items()))
        lines.append(f"  left for a person: {shown}")
    glued = [f for f in report.left if is_glued_review(f)]
    if glued:
        lines.append(
            f"  {_count(len(glued), 'sentence')} with glued words: spacing restored, "
            "translation to review:"
        )
        for f in glued:
            offered = f" (offered: {f.fix.source})" if f.fix is not None else ""
            lines.append(f"    {f.file}:{f.line}: {_excerpt(strip_codes(f.text))}{offered}")
    for page in report.pages:
        lines += [f"  warning: {page.file}: {problem}" for problem in page.problems]
    return lines


def _count(n: int, noun: str) -> str:
    """``1 change``, ``2 changes``.

    >>> _count(1, "page"), _count(0, "page")
    ('1 page', '0 pages')
    """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _excerpt(text: str, width: int = 90) -> str:
    """The start of a sentence, cut at a word with an ellipsis when long."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0] + " …"


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
