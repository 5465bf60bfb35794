"""The HTML report: a static site under ``build/report/`` for people to read.

``index.html`` is the overview: a matrix of articles by language, each cell a
completeness bar (translated / fuzzy / untranslated, by source words) and the
findings by severity, with totals per language, the date and the settings of
the run. ``articles/<name>.html`` shows, for each language, the built page
beside its source, block by block, with every finding marked where it is and
explained in a panel, and the fixes ``tolk fix`` applied.

The package is cut by concern: ``data`` (findings, fixes, pages as blocks),
``html`` (rendering) and ``writing`` (files on disk).

The site needs no server and no network: the CSS and JavaScript in
``report_assets/`` are the project's own and are copied next to the pages.
Page text comes from built pages, which are untrusted, so every string is
escaped and the pages allow no inline script. Findings arrive as the JSON data
``tolk check --format json`` prints (see :func:`collect_findings`), so the
report does not depend on the check classes.
"""

from __future__ import annotations

from pipeline.checks.base import Finding
from pipeline.report.data import (
    Findings,
    ReportResult,
    block_marks,
    changes_path,
    check_paths,
    collect_findings,
    load_changes,
    page_blocks,
    parse_findings,
    place_finding,
    read_findings,
)
from pipeline.report.html import ASSETS, MAX_PAGE_BYTES
from pipeline.report.writing import build_report

__all__ = [
    "ASSETS",
    "MAX_PAGE_BYTES",
    "Finding",
    "Findings",
    "ReportResult",
    "block_marks",
    "build_report",
    "changes_path",
    "check_paths",
    "collect_findings",
    "load_changes",
    "page_blocks",
    "parse_findings",
    "place_finding",
    "read_findings",
]
