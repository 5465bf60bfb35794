"""The report's data: findings (as ``tolk check --format json`` gives them), fixes,
and pages cut into blocks with each finding placed in its block.

Nothing here writes HTML, so the data can be tested and reused apart."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.catalogs.po import CatalogStats
from pipeline.checks.base import Finding
from pipeline.config import Settings
from pipeline.errors import InputError, PipelineError
from pipeline.fixes.changes import Change
from pipeline.fixes.changes import load_changes as read_change_list
from pipeline.project import Article, changes_file, fixed_dir
from pipeline.segments import Page, Segment
from pipeline.text.codes import strip_codes

UI_CATALOG = "ui"
"""The article name :class:`CatalogStats` of a ``ui.po`` carry: no article has it."""


# -- data ---------------------------------------------------------------------
@dataclass(frozen=True)
class Findings:
    """The findings of a run and where they came from (shown in the report)."""

    items: tuple[dict[str, Any], ...]
    origin: str
    available: bool = True


@dataclass
class ReportResult:
    """What :func:`build_report` wrote."""

    folder: Path
    pages: list[Path] = field(default_factory=list)
    written: int = 0
    findings: int = 0
    placed: int = 0
    copies: int = 0
    unassigned: int = 0
    largest_page: int = 0
    unreviewed: int = 0
    """Segments the built pages show from fuzzy catalog entries (as marked)."""
    errors: list[PipelineError] = field(default_factory=list)

    @property
    def index(self) -> Path:
        """The overview page."""
        return self.folder / "index.html"


# -- findings and fixes: the seams to `tolk check` and `tolk fix` ------------------
def check_paths(settings: Settings) -> list[Path]:
    """What the report asks the checks to look at: the sources and each built language."""
    paths = [settings.sources]
    paths += [
        settings.build / lang for lang in settings.languages if (settings.build / lang).is_dir()
    ]
    return paths


def collect_findings(
    settings: Settings, paths: Sequence[Path], *, quiet: bool = True, redo_all: bool = False
) -> Findings:
    """Run the checks on ``paths``; their findings as ``tolk check --format json`` gives them.

    The one place that knows how the checks are run: the check runner, called
    the way ``tolk check`` calls it (the settings' disabled checks, the glossary
    and leftover suggester, ``build/fixed/`` left out) but at every severity,
    each finding turned into its JSON object so nothing else here depends on a
    check class. Files are named from the project root, as ``tolk check`` run
    there names them. When the checks cannot run, the report is still written
    and says why.
    """
    from pipeline.checks.reuse import FileCache, run_digest
    from pipeline.checks.runner import run_checks
    from pipeline.fixes.leftovers import LeftoverRepairs
    from pipeline.html.rules import site_rules
    from pipeline.project import aligned_evidence, glossary_terms, leftover_judge

    try:
        glossary = glossary_terms(settings)
        repairs = LeftoverRepairs(settings, use_engine=False)  # as leftover_suggester
        aligned = aligned_evidence(settings)
        base = run_digest(
            settings,
            options=("report", tuple(settings.disabled_checks)),
            memory=repairs.project_memory(),
            aligned=aligned,
            glossary=glossary,
        )
        result = run_checks(
            list(paths),
            disabled=settings.disabled_checks,
            # The judge, evidence and rules tolk check uses: the same findings.
            judge=leftover_judge(settings, repairs.project_memory()),
            glossary=glossary,
            suggest=repairs.suggest,
            exclude=[fixed_dir(settings)],
            aligned=aligned,
            rules=site_rules(settings),
            quiet=quiet,
            # Each file's findings are kept from the last report while its key holds.
            reuse=FileCache(
                settings.build / ".tolk-memo" / "report-files.pickle", base, ignore=redo_all
            ),
        )
    except PipelineError as exc:
        return Findings((), f"checks could not run: {exc}", available=False)
    items = []
    named: dict[str, str] = {}  # thousands of findings share a few hundred files
    for finding in result.findings:
        item = finding.to_json()
        file = item["file"]
        item["file"] = named.get(file) or named.setdefault(file, settings.relative(Path(file)))
        items.append(item)
    shown = ", ".join(settings.relative(p) + "/" for p in paths)
    return Findings(tuple(items), f"tolk check, every severity, on {shown}")


def parse_findings(text: str, path: Path | None = None) -> list[dict[str, Any]]:
    """The findings list of ``tolk check --format json`` output (or a bare list).

    >>> parse_findings('{"findings": [{"file": "a.html"}], "summary": {}}')
    [{'file': 'a.html'}]
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not JSON findings: {exc.msg}",
            path=path,
            line=exc.lineno,
            hint="give the output of 'tolk check --format json'",
        ) from None
    items = data.get("findings") if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise InputError(
            "no list of findings in the JSON",
            path=path,
            hint='expected {"findings": [...]} as printed by tolk check --format json',
        )
    return items


def read_findings(path: Path) -> Findings:
    """Findings saved earlier with ``tolk check --format json > FILE``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read findings: {exc.strerror}", path=path) from None
    return Findings(tuple(parse_findings(text, path)), f"file {path}")


def changes_path(settings: Settings) -> Path:
    """``build/fixed/changes.json``: the audit trail of ``tolk fix``."""
    return changes_file(settings)


def load_changes(settings: Settings) -> list[Change]:
    """The fixes applied by ``tolk fix``; none when it has not run.

    An unreadable change list counts as no fixes (the report is about
    findings, not a gate); ``tolk fix --replay`` is where it must be valid.
    """
    path = changes_path(settings)
    if not path.exists():
        return []
    try:
        return read_change_list(path)[0]
    except PipelineError:
        return []


def ui_stats(settings: Settings, errors: list[PipelineError]) -> list[CatalogStats]:
    """Completeness of each language's ``ui.po`` (the page furniture), as the
    article catalogs' is counted; a catalog that cannot be read goes to ``errors``."""
    from pipeline.catalogs import po as catalog
    from pipeline.project import ui_catalog

    rows = []
    for lang in settings.languages:
        path = ui_catalog(settings, lang)
        if not path.exists():
            continue
        try:
            po = catalog.load_catalog(path)
        except PipelineError as exc:
            errors.append(exc)
            continue
        rows.append(catalog.catalog_stats(po, settings.relative(path), UI_CATALOG, lang))
    return rows


def idle_catalogs(settings: Settings, counted: Sequence[CatalogStats]) -> list[str]:
    """Article catalogs on disk that no page is built from (``pocount`` on the folder
    counts them; ``tolk stats`` does not): an article published in that language by
    its family, or an article gone from the sources.

    ``counted`` are the catalogs shown, named from the project root.
    """
    shown = {c.path for c in counted}
    idle = []
    for lang in settings.languages:
        folder = settings.locales / lang / "LC_MESSAGES"
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.po")):
            name = settings.relative(path)
            if path.stem != UI_CATALOG and name not in shown:
                idle.append(name)
    return idle


# -- pages as blocks ------------------------------------------------------------
@dataclass(frozen=True)
class _Piece:
    segment: Segment
    start: int
    end: int


@dataclass(frozen=True)
class _Block:
    """One unit of a page (a paragraph, a heading, an attribute) as plain text."""

    unit: int
    location: str
    context: str
    line: int
    text: str
    pieces: tuple[_Piece, ...]


def _squash(text: str) -> str:
    return " ".join(text.split())


def squashed_offsets(text: str) -> list[int]:
    """For each offset 0..len(text) of ``text``, the offset in its squashed form
    (white space runs as one space, none at the ends), as the blocks hold text.

    >>> squashed_offsets(" a  b ")
    [0, 0, 1, 1, 2, 3, 3]
    """
    out: list[int] = []
    pos = 0
    gap = False  # white space seen after a word, not yet written
    for ch in text:
        out.append(pos + (1 if gap and not ch.isspace() else 0))
        if ch.isspace():
            gap = gap or pos > 0
        else:
            pos += 2 if gap else 1
            gap = False
    out.append(pos)
    return out


def page_blocks(page: Page) -> dict[int, _Block]:
    """The page's units, each as the plain text of its segments joined."""
    grouped: dict[int, list[Segment]] = {}
    for seg in page:
        grouped.setdefault(seg.unit, []).append(seg)
    blocks: dict[int, _Block] = {}
    for unit, segs in grouped.items():
        parts: list[str] = []
        pieces: list[_Piece] = []
        pos = 0
        for seg in sorted(segs, key=lambda s: s.index):
            plain = _squash(seg.plain)
            if parts:
                parts.append(" ")
                pos += 1
            pieces.append(_Piece(seg, pos, pos + len(plain)))
            parts.append(plain)
            pos += len(plain)
        first = segs[0]
        blocks[unit] = _Block(
            unit, first.location, first.context, first.line, "".join(parts), tuple(pieces)
        )
    return blocks


@dataclass(frozen=True)
class _Placed:
    """A finding with its id on the page and where it sits (if anywhere)."""

    finding: Finding
    fid: str
    number: int
    unit: int | None = None
    start: int = 0
    end: int = 0
    marks: tuple[tuple[int, int], ...] = ()
    """Narrower ranges of the block to mark instead of (start, end): the joins of
    glued words, from the finding's own marks."""

    @property
    def ranges(self) -> tuple[tuple[int, int], ...]:
        """What the page marks for this finding."""
        return self.marks or ((self.start, self.end),)


class PageIndex:
    """The blocks of one page, indexed by line and location to place findings fast."""

    def __init__(self, blocks: Mapping[int, _Block]) -> None:
        self.blocks = blocks
        self.pieces = [(b, p) for b in blocks.values() for p in b.pieces]
        self.by_line: dict[int, list[tuple[_Block, _Piece]]] = {}
        self.by_location: dict[str, list[tuple[_Block, _Piece]]] = {}
        for block, piece in self.pieces:
            self.by_line.setdefault(piece.segment.line, []).append((block, piece))
            self.by_location.setdefault(piece.segment.location, []).append((block, piece))
        self._lower: dict[int, str | None] = {}

    def _find(self, block: _Block, needle: str, lo: int = 0, hi: int | None = None) -> int:
        at = block.text.find(needle, lo, hi)
        if at >= 0:
            return at
        if block.unit not in self._lower:
            lowered = block.text.lower()
            # Only when lowering keeps every offset ("İ" becomes two characters).
            self._lower[block.unit] = lowered if len(lowered) == len(block.text) else None
        lower = self._lower[block.unit]
        return lower.find(needle.lower(), lo, hi) if lower is not None else -1

    def place(self, finding: Finding) -> tuple[int, int, int] | None:
        """(unit, start, end) of the finding's text in the page, or None.

        The finding's line and location pick the segment; its text picks the
        span inside it. Failing that, the text is looked for nearest to the
        line, and a finding whose text cannot be found marks its whole segment.
        """
        needle = _squash(strip_codes(finding.text))
        same_line = self.by_line.get(finding.line, [])
        exact = [bp for bp in same_line if bp[1].segment.location == finding.location]
        same_place = self.by_location.get(finding.location, [])
        for group in (exact, same_line, same_place):
            for block, piece in group:
                if not needle:
                    return block.unit, piece.start, piece.end
                at = self._find(block, needle, piece.start, piece.end)
                if at >= 0:
                    return block.unit, at, at + len(needle)
        for block, piece in exact or same_line:
            at = self._find(block, needle) if needle else -1
            if at >= 0:
                return block.unit, at, at + len(needle)
            return block.unit, piece.start, piece.end
        if not needle:
            return None
        near = sorted(self.blocks.values(), key=lambda b: (abs(b.line - finding.line), b.unit))
        for block in near:
            at = self._find(block, needle)
            if at >= 0:
                return block.unit, at, at + len(needle)
        return None


def block_marks(
    finding: Finding, block: _Block, start: int, end: int
) -> tuple[tuple[int, int], ...]:
    """The finding's marks as ranges of ``block``, where its text was placed at
    ``start:end``; none when the placed text is not the finding's (a fallback to
    the whole segment) or a mark falls outside it.

    The marks count plain characters of the finding's text; the block holds that
    text squashed, so each offset is carried over through :func:`squashed_offsets`.
    """
    if not finding.marks:
        return ()
    plain = strip_codes(finding.text)
    if len(_squash(plain)) != end - start:
        return ()
    shift = squashed_offsets(plain)
    out = []
    for a, b in finding.marks:
        if not 0 <= a < b <= len(plain):
            return ()
        out.append((start + shift[a], start + shift[b]))
    return tuple(out)


def place_finding(finding: Finding, blocks: Mapping[int, _Block]) -> tuple[int, int, int] | None:
    """(unit, start, end) of the finding's text in the page, or None (see :class:`PageIndex`)."""
    return PageIndex(blocks).place(finding)


# -- where findings and fixes belong ------------------------------------------------
class _Locator:
    """Map a file named in a finding or change to (article, language)."""

    def __init__(self, settings: Settings, articles: Sequence[Article]) -> None:
        self.settings = settings
        self.by_name = {a.name: a for a in articles}
        self.exact: dict[Path, tuple[Article, str, bool]] = {}
        self.seen: dict[str, tuple[Article, str, bool] | None] = {}
        for a in articles:
            self.exact[a.path.resolve()] = (a, a.lang, True)
            for lang in (a.lang, *a.targets(settings)):
                self.exact[a.built(settings, lang).resolve()] = (a, lang, False)

    def locate(self, file: str) -> tuple[Article, str, bool] | None:
        """(article, language, is the source file itself), or None if unknown."""
        if file not in self.seen:
            self.seen[file] = self._locate(file)
        return self.seen[file]

    def _locate(self, file: str) -> tuple[Article, str, bool] | None:
        if not file:
            return None
        path = Path(file)
        if not path.is_absolute():
            path = self.settings.root / path
        hit = self.exact.get(path.resolve())
        if hit is not None:
            return hit
        article = self.by_name.get(path.stem)
        if article is None:
            return None
        parts = path.parts[:-1]
        lang = next((p for p in reversed(parts) if p in self.settings.languages), article.lang)
        return article, lang, False
