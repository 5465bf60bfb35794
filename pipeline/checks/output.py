"""Reports of a check run: JSON for CI, JUnit XML for test-report views, a table for people.

The JSON shape is fixed (CI reads it)::

    {"findings": [{"file", "line", "location", "check", "severity", "text",
                   "found_lang", "expected_lang", "confidence", "message",
                   "fix": null | {"replacement", "source", "text"}, "span", "marks",
                   "coded_text"}],
     "summary": {...}}

``text`` is the finding's text as a reader sees it (the key name of a
``<kbd>`` in place, no codes); ``coded_text`` holds it with its inline codes,
as ``text`` did before, and ``fix.replacement`` is coded the same way
(``fix.text`` reads as the page will). See :meth:`Finding.to_json`.

JUnit has one test case per file and check family; a case fails when the
family found errors in the file, and lists warnings as its output.
"""

from __future__ import annotations

import io
import json
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from pipeline.checks import CHECKS
from pipeline.checks.base import CodeTags, CodeTexts, Finding
from pipeline.checks.results import CheckReport
from pipeline.text.codes import show_markup, strip_codes
from pipeline.text.plural import counted

TEXT_WIDTH = 90
FIX_SHOWN = 600  # characters of a proposed fix a table shows


def to_json(report: CheckReport, *, summary_only: bool = False) -> dict[str, Any]:
    """The report as the JSON object CI reads."""
    if summary_only:
        return {"summary": report.summary()}
    return {
        "findings": [f.to_json() for f in report.findings],
        "summary": report.summary(),
    }


def render_json(report: CheckReport, *, summary_only: bool = False) -> str:
    """The JSON report as text (UTF-8 characters, sorted findings)."""
    return json.dumps(to_json(report, summary_only=summary_only), indent=2, ensure_ascii=False)


def _family(check_id: str) -> str:
    cls = CHECKS.get(check_id)
    return cls.family if cls is not None else check_id


def _line(f: Finding) -> str:
    plain = " ".join(f.readable.split())
    if len(plain) > TEXT_WIDTH:
        plain = plain[: TEXT_WIDTH - 1] + "…"
    return f"{f.file}:{f.line}: {f.location}: [{f.check}] {f.message} — {plain}"


def render_junit(report: CheckReport) -> str:
    """JUnit XML: a suite per file, a test case per check family."""
    findings_by: dict[tuple[str, str], list[Finding]] = {}
    for f in report.findings:
        findings_by.setdefault((f.file, _family(f.check)), []).append(f)
    root = ET.Element("testsuites", name="tolk check")
    total = failures = 0
    for checked in report.files:
        families = report.families.get(checked.origin, ())
        suite = ET.SubElement(root, "testsuite", name=checked.path)
        suite_failures = 0
        for family in families:
            case = ET.SubElement(
                suite, "testcase", classname=f"tolk.{family}", name=f"{checked.path} [{family}]"
            )
            found = findings_by.get((checked.path, family), [])
            errors = [f for f in found if f.severity == "error"]
            others = [f for f in found if f.severity != "error"]
            if errors:
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=f"{len(errors)} error(s) from {family} checks",
                    type="error",
                )
                failure.text = "\n".join(_line(f) for f in errors)
                suite_failures += 1
            if others:
                out = ET.SubElement(case, "system-out")
                out.text = "\n".join(f"{f.severity}: {_line(f)}" for f in others)
        suite.set("tests", str(len(families)))
        suite.set("failures", str(suite_failures))
        suite.set("errors", "0")
        total += len(families)
        failures += suite_failures
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    ET.indent(root)
    buffer = io.BytesIO()
    ET.ElementTree(root).write(buffer, encoding="utf-8", xml_declaration=True)
    return buffer.getvalue().decode("utf-8") + "\n"


def shorten(text: str, width: int = TEXT_WIDTH) -> str:
    """Plain text cut to ``width`` characters for a table cell.

    >>> shorten("<g1>Published on</g1> janvier", 12)
    'Published o…'
    """
    plain = " ".join(strip_codes(text).split())
    return plain if len(plain) <= width else plain[: width - 1] + "…"


def summary_lines(report: CheckReport) -> list[str]:
    """A few lines of counts: the ``--summary`` output."""
    s = report.summary()
    lines = [
        f"tolk check: {s['files']} files ({s['pages']} pages, {s['catalogs']} catalogs), "
        f"{s['segments']} segments: {counted(report.count('error'), 'error')}, "
        f"{counted(report.count('warning'), 'warning')}, {report.count('info')} info"
    ]
    counts = Counter((f.check, f.severity) for f in report.findings)
    for check in sorted({c for c, _s in counts}):
        parts = [f"{counts[(check, sev)]} {sev}" for sev in ("error", "warning", "info")]
        shown = ", ".join(p for p in parts if not p.startswith("0 "))
        lines.append(f"  {check:<20} {shown}")
    notes = []
    if report.folded:
        notes.append(f"{report.folded} repeated in copies of the same page shown once")
    if report.hidden:
        notes.append(
            f"{report.hidden} below {report.min_severity} not shown (--severity info shows all)"
        )
    if notes:
        lines.append("  (" + "; ".join(notes) + ")")
    return lines


LOG_WIDTH = 120
"""The width of a table written where no terminal says how wide it is (CI logs, files)."""


def terminal_width() -> int:
    """The width to draw tables at: ``COLUMNS``, else the terminal's, else :data:`LOG_WIDTH`.

    Never wider than the reader's screen, so no row wraps; a log gets a width
    that most viewers show without wrapping.
    """
    return max(shutil.get_terminal_size((LOG_WIDTH, 24)).columns, 40)


def shorten_path(path: str, width: int) -> str:
    """``path`` cut to ``width`` characters at folder boundaries, the file name kept whole.

    A table cell never breaks a file name in the middle: leading folders go
    first (``…/``), and only a name longer than the cell loses its middle.

    >>> shorten_path("build/en/alfa-ketoglutaarzuur.html", 40)
    'build/en/alfa-ketoglutaarzuur.html'
    >>> shorten_path("build/en/alfa-ketoglutaarzuur.html", 30)
    '…/en/alfa-ketoglutaarzuur.html'
    >>> shorten_path("build/en/alfa-ketoglutaarzuur.html", 28)
    'en/alfa-ketoglutaarzuur.html'
    >>> shorten_path("source_articles/magnesium-l-threonate.html", 20)
    'magnesium-l-th….html'
    """
    if len(path) <= width:
        return path
    parts = path.split("/")
    for keep in range(len(parts) - 1, 1, -1):
        candidate = "…/" + "/".join(parts[-keep:])
        if len(candidate) <= width:
            return candidate
    if len(parts) > 1 and len("/".join(parts[-2:])) <= width:
        return "/".join(parts[-2:])  # the language folder matters more than the "…/"
    name = parts[-1]
    if len(name) <= width:
        return name
    stem, dot, ext = name.rpartition(".")
    if dot and len(ext) + 3 < width:
        return stem[: width - len(ext) - 2] + "…." + ext
    return name[: max(width - 1, 1)] + "…"


def show_text(
    text: str, code_tags: CodeTags = (), width: int = TEXT_WIDTH, shows: CodeTexts = ()
) -> str:
    """A finding's text for a table cell: codes as the tags they stand for, with the
    words of codes kept whole inside, cut to ``width``.

    >>> show_text("Lees <g1>meer</g1>", ((1, "a", ()),))
    'Lees <a>meer</a>'
    >>> show_text("Hold <x1/> down", ((1, "kbd", ()),), shows=((1, "Fn"),))
    'Hold <kbd>Fn</kbd> down'
    """
    shown = " ".join(show_markup(text, code_tags, shows).split())
    return shown if len(shown) <= width else shown[: width - 1] + "…"


@dataclass(frozen=True)
class FindingGroup:
    """Findings that say the same thing (check, text, message, fix) in several places.

    "Lees meer" left in nine built pages is one thing to fix, so the table
    shows it once with the places, not nine times.
    """

    findings: tuple[Finding, ...]

    @property
    def first(self) -> Finding:
        """The finding shown for the group."""
        return self.findings[0]

    def places(self) -> list[tuple[str, list[int]]]:
        """Each file of the group with its lines, in the order of the report."""
        return places_of([(f.file, f.line) for f in self.findings])


def group_findings(findings: Sequence[Finding]) -> list[FindingGroup]:
    """Findings grouped by check, severity, text, message and fix, in first-seen order."""
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for f in findings:
        fix = None if f.fix is None else f.fix.replacement
        groups.setdefault((f.check, f.severity, f.text, f.message, fix), []).append(f)
    return [FindingGroup(tuple(members)) for members in groups.values()]


MAX_PLACES = 3
"""Files listed for a group before ``+N more``: enough to find it, short enough to scan."""


def where_cell(
    head: str, places: Sequence[tuple[str, Sequence[int]]], location: str, width: int
) -> str:
    """A "where" cell: ``head`` (rich markup), then ``path:lines`` each, cut to ``width``.

    Paths are shortened at folder boundaries (:func:`shorten_path`) so that no
    file name breaks in the middle, whatever the width; when even that would
    drop the folder (the language of a built page), the lines go below.
    """
    rows = [head]
    for path, lines in places[:MAX_PLACES]:
        at = ":" + ",".join(map(str, lines[:3])) + ("…" if len(lines) > 3 else "")
        short = shorten_path(path, width - len(at))
        if "/" in path and "/" not in short:
            rows.append(escape(shorten_path(path, width)))
            rows.append(f"[dim]  {'lines' if len(lines) > 1 else 'line'} {at[1:]}[/dim]")
        else:
            rows.append(escape(short + at))
    if len(places) > MAX_PLACES:
        rows.append(f"[dim]+{counted(len(places) - MAX_PLACES, 'more file')}[/dim]")
    if location:
        location = location if len(location) <= width else "…" + location[-(width - 1) :]
        rows.append(f"[dim]{escape(location)}[/dim]")
    return "\n".join(rows)


def places_of(found: Sequence[tuple[str, int]]) -> list[tuple[str, list[int]]]:
    """``(file, line)`` pairs as each file with its lines, in first-seen order.

    >>> places_of([("a.html", 3), ("b.html", 3), ("a.html", 9), ("a.html", 3)])
    [('a.html', [3, 9]), ('b.html', [3])]
    """
    lines: dict[str, list[int]] = {}
    for file, line in found:
        seen = lines.setdefault(file, [])
        if line not in seen:
            seen.append(line)
    return list(lines.items())


def _where(group: FindingGroup, width: int) -> str:
    """The where cell of a group of findings: check, severity and count, then places."""
    f = group.first
    colour = {"error": "red", "warning": "yellow", "info": "blue"}[f.severity]
    times = f" ×{len(group.findings)}" if len(group.findings) > 1 else ""
    head = f"[{colour}]{f.check}[/{colour}] [dim]{f.severity}{times}[/dim]"
    location = f.location if len(group.findings) == 1 else ""
    return where_cell(head, group.places(), location, width)


def _language(f: Finding) -> str:
    """`` (nl on en, 0.96)``: the judge's verdict, for language findings only."""
    if not f.found_lang:
        return ""
    conf = "" if f.confidence is None else f", {f.confidence:.2f}"
    return f" ({f.found_lang} on {f.expected_lang or '?'}{conf})"


def _fix_text(f: Finding) -> str:
    """The proposed fix around the change, codes shown as markup."""
    if f.fix is None:
        return ""
    if not f.fix.replacement:
        return "(remove the element)"
    before = show_markup(f.text, f.code_tags, f.code_texts)
    after = show_markup(f.fix.replacement, f.code_tags, f.code_texts)
    shown = around_change(before, after)[1]
    # A table cell, not the record (JSON has it whole): a fix of a 1 MB text
    # would take the terminal, and rich's wrapping, minutes.
    if len(shown) > FIX_SHOWN:
        shown = shown[: FIX_SHOWN - 1] + "…"
    if f.fix.for_review:  # a machine's, or a fuzzy memory match's: say so, and whose
        shown += f" (to review; {shorten(f.fix.source, 80)})"
    return shown


def print_table(report: CheckReport, file: TextIO | None = None, width: int | None = None) -> None:
    """A table of findings, repeated ones grouped, that fits ``width`` (default: the terminal).

    Two or three columns: where (check, files and lines), the text with the
    message, and the proposed fix. Under 100 columns the fix goes inside the
    text cell, so that no column becomes too thin to read.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table

    width = width or terminal_width()
    console = Console(file=file, width=width, soft_wrap=False, highlight=False)
    groups = group_findings(report.findings)
    if groups:
        fix_column = width >= 100
        longest = max(len(f.file) + 8 for f in report.findings)
        where_width = min(longest, max(24, width // 3 + 4))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        table.add_column("where", width=where_width, no_wrap=True, overflow="ellipsis")
        rest = width - where_width - (6 if fix_column else 3)
        text_width = rest * 3 // 5 if fix_column else rest
        table.add_column("text / message", width=text_width, overflow="fold")
        if fix_column:
            table.add_column("proposed fix", width=rest - text_width, overflow="fold")
        for group in groups:
            f = group.first
            cell = (
                escape(show_text(f.text, f.code_tags, shows=f.code_texts))
                + "\n[dim]"
                + escape(f.message + _language(f))
                + "[/dim]"
            )
            fix = _fix_text(f)
            if not fix_column and fix:
                cell += "\n[green]fix:[/green] " + escape(fix)
            row = [_where(group, where_width), cell]
            if fix_column:
                row.append(escape(fix))
            table.add_row(*row)
        console.print(table)
        if len(groups) < len(report.findings):
            console.print(
                f"{counted(len(report.findings), 'finding')} in {counted(len(groups), 'row')}: "
                "the same finding in several places is shown once, with its files and lines"
            )
    for line in summary_lines(report):
        console.print(escape(line))


def escape(text: str) -> str:
    """``text`` with rich markup escaped, so page text is never read as styling."""
    from rich.markup import escape as rich_escape

    return str(rich_escape(text))


def render_table(report: CheckReport, width: int | None = None) -> str:
    """The table as plain text (for ``--output``), as wide as the terminal."""
    buffer = io.StringIO()
    print_table(report, buffer, width)
    return buffer.getvalue()


def render(report: CheckReport, fmt: str, *, summary_only: bool = False) -> str:
    """The report in ``fmt`` (table, json or junit) as text."""
    if fmt == "json":
        return render_json(report, summary_only=summary_only) + "\n"
    if fmt == "junit":
        return render_junit(report)
    if summary_only:
        return "\n".join(summary_lines(report)) + "\n"
    return render_table(report)


def around_change(before: str, after: str, margin: int = 25) -> tuple[str, str]:
    """The changed part of two texts with some context, spaces made visible.

    >>> around_change("prendre ?Les doses", "prendre\\u202f? Les doses")
    ('prendre ?Les doses', 'prendre⍽? Les doses')
    """
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b -= 1
        end_a -= 1
    lo = max(0, start - margin)

    def show(text: str, end: int) -> str:
        piece = text[lo : end + margin].replace("\u00a0", "⍽").replace("\u202f", "⍽")
        return ("…" if lo else "") + piece + ("…" if end + margin < len(text) else "")

    return show(before, end_b), show(after, end_a)
