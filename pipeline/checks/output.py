"""Reports of a check run: JSON for CI, JUnit XML for test-report views, a table for people.

The JSON shape is fixed (CI reads it)::

    {"findings": [{"file", "line", "location", "check", "severity", "text",
                   "found_lang", "expected_lang", "confidence", "message",
                   "fix": null | {"replacement", "source"}}],
     "summary": {...}}

JUnit has one test case per file and check family; a case fails when the
family found errors in the file, and lists warnings as its output.
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any, TextIO

from pipeline.checks import CHECKS
from pipeline.checks.base import Finding
from pipeline.checks.results import CheckReport
from pipeline.text.codes import strip_codes

TEXT_WIDTH = 90


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
    return f"{f.file}:{f.line}: {f.location}: [{f.check}] {f.message} — {shorten(f.text)}"


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
        f"{s['segments']} segments: {report.count('error')} errors, "
        f"{report.count('warning')} warnings, {report.count('info')} info"
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


def print_table(report: CheckReport, file: TextIO | None = None, width: int = 200) -> None:
    """A table of findings for people, then the summary lines."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=file, width=width, soft_wrap=False, highlight=False)
    if report.findings:
        table = Table(show_lines=False, expand=False)
        for name, justify in (
            ("file", "left"),
            ("line", "right"),
            ("location", "left"),
            ("check", "left"),
            ("text / message", "left"),
            ("found", "left"),
            ("expected", "left"),
            ("conf.", "right"),
            ("proposed fix", "left"),
        ):
            table.add_column(
                name,
                justify=justify,  # type: ignore[arg-type]
                overflow="fold" if name in ("file", "location") else "ellipsis",
            )
        for f in report.findings:
            colour = {"error": "red", "warning": "yellow", "info": "blue"}[f.severity]
            table.add_row(
                escape(f.file),
                str(f.line),
                escape(f.location),
                f"[{colour}]{f.check}[/{colour}]\n[dim]{f.severity}[/dim]",
                escape(shorten(f.text)) + "\n[dim]" + escape(f.message) + "[/dim]",
                f.found_lang or "",
                f.expected_lang or "",
                "" if f.confidence is None else f"{f.confidence:.2f}",
                escape(around_change(f.text, f.fix.replacement)[1]) if f.fix else "",
            )
        console.print(table)
    for line in summary_lines(report):
        console.print(escape(line))


def escape(text: str) -> str:
    """``text`` with rich markup escaped, so page text is never read as styling."""
    from rich.markup import escape as rich_escape

    return str(rich_escape(text))


def render_table(report: CheckReport, width: int = 200) -> str:
    """The table as plain text (for ``--output``)."""
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
