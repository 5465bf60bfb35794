"""What ``tolk fix`` prints: a table of every change, then what is left for a person.

Beside the fixes it describes (the check output module knows findings, not
change lists), so that checks do not depend on fixes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from pipeline.checks.output import (
    around_change,
    escape,
    places_of,
    terminal_width,
    where_cell,
)
from pipeline.fixes.changes import (
    Change,
    FixReport,
    is_fuzzy_held,
    is_glued_review,
    is_machine_held,
)
from pipeline.text.codes import show_markup, strip_codes
from pipeline.text.plural import counted


def fix_summary_lines(report: FixReport, width: int | None = None) -> list[str]:
    """What ``tolk fix`` did, in a few lines.

    Machine-made replacements are counted apart from the others, and every
    sentence whose glued words were spaced is named: a repaired space does not
    make a right translation, so the summary must not read as "all repaired".
    """
    written = [p.written for p in report.pages if p.written]
    width = width or terminal_width()
    lines = [
        f"tolk fix: {counted(len(report.changes), 'change')} in {counted(len(written), 'page')}"
    ]
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
    fuzzy = [f for f in report.left if is_fuzzy_held(f)]
    if fuzzy:
        lines.append(
            f"  fuzzy memory matches (translations of a close text) offered, left for review: "
            f"{len(fuzzy)}"
        )
    left = Counter(f.check for f in report.left)
    if left:
        shown = ", ".join(f"{check} {n}" for check, n in sorted(left.items()))
        lines.append(f"  left for a person: {shown}")
    glued = [f for f in report.left if is_glued_review(f)]
    if glued:
        lines.append(
            f"  {counted(len(glued), 'sentence')} with glued words: spacing restored, "
            "translation to review:"
        )
        for f in glued:
            # The sentence on a line of its own: it is what a person must read again.
            offered = f" (offered: {f.fix.source})" if f.fix is not None else ""
            lines.append(f"    {f.file}:{f.line}{offered}")
            lines.append(f"      {_excerpt(strip_codes(f.text), max(width - 8, 30))}")
    for page in report.pages:
        lines += [f"  warning: {page.file}: {problem}" for problem in page.problems]
    return lines


def _excerpt(text: str, width: int = 90) -> str:
    """The start of a sentence, cut at a word with an ellipsis when long."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0] + " …"


def _shown(before: str, after: str) -> tuple[str, str]:
    """Both texts around the change, codes as markup; coded when only codes changed."""
    plain_before, plain_after = show_markup(before), show_markup(after)
    if plain_before == plain_after:
        return around_change(before, after)
    return around_change(plain_before, plain_after)


def group_changes(changes: Sequence[Change]) -> list[list[Change]]:
    """Changes grouped by check, before, after and source, in first-seen order.

    The same repair of the same sentence on several pages is one thing to
    read: the table shows it once, with its files and lines.
    """
    groups: dict[tuple[str, str, str, str], list[Change]] = {}
    for c in changes:
        groups.setdefault((c.check, c.before, c.after, c.source), []).append(c)
    return list(groups.values())


def print_fixes(report: FixReport, file: TextIO | None = None, width: int | None = None) -> None:
    """A table of every change (repeated ones grouped) that fits the terminal, then what is left.

    Columns: where (check, files, lines), before, after, and where the
    replacement came from (a fixer, memory, a machine).
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table

    width = width or terminal_width()
    console = Console(file=file, width=width, soft_wrap=False, highlight=False)
    if report.changes:
        where_width = min(max(len(c.file) + 8 for c in report.changes), max(24, width // 3))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        table.add_column("where", width=where_width, no_wrap=True, overflow="ellipsis")
        rest = width - where_width - 6
        text_width = max(12, rest * 3 // 8)
        table.add_column("before", width=text_width, overflow="fold")
        table.add_column("after", width=text_width, overflow="fold")
        table.add_column("source", width=rest - 2 * text_width, overflow="fold")
        for group in group_changes(report.changes):
            c = group[0]
            times = f" [dim]×{len(group)}[/dim]" if len(group) > 1 else ""
            places = places_of([(g.file, g.line) for g in group])
            location = c.location if len(group) == 1 else ""
            before, after = _shown(c.before, c.after)
            table.add_row(
                where_cell(escape(c.check) + times, places, location, where_width),
                escape(before),
                escape(after),
                escape(c.source),
            )
        console.print(table)
    for line in fix_summary_lines(report, width):
        console.print(escape(line))
