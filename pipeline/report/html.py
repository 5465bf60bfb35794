"""The report's HTML: escaped pieces, one page per article, the overview.

Page text comes from built pages, which are untrusted, so every string is
escaped and the pages allow no inline script."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import quote

from pipeline import __version__
from pipeline.catalogs import po as catalog
from pipeline.checks.base import SEVERITIES, Finding, Severity
from pipeline.config import Settings
from pipeline.errors import PipelineError
from pipeline.fixes.changes import Change
from pipeline.html.extract import extract_file
from pipeline.html.rules import site_rules
from pipeline.languages import display_name
from pipeline.project import Article
from pipeline.report.data import (
    Findings,
    PageIndex,
    _Block,
    _Placed,
    _squash,
    block_marks,
    changes_path,
    idle_catalogs,
    page_blocks,
)
from pipeline.text.codes import strip_codes

ICONS: dict[str, str] = {"error": "✖", "warning": "⚠", "info": "ℹ", "ok": "✓"}
PLURALS: dict[str, str] = {"error": "errors", "warning": "warnings", "info": "info"}
ASSETS = Path(__file__).resolve().parent.parent / "report_assets"
ASSET_FILES: tuple[str, ...] = ("report.css", "report.js")
MAX_PAGE_BYTES = 2_000_000  # the budget per page
OPEN_LIST_UP_TO = 12  # findings listed open above a page's blocks; more are folded
GENERATOR = "Tolk report"
"""What every page says in ``<meta name="generator">``: a stale page of
``articles/`` is deleted only when it carries it, so files of others stay."""

# Built pages are untrusted: no inline script may run, even if escaping failed.
_CSP = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'"
)

# Where a unit stands in its catalog, for the badge beside the built text.
_STATE_LABELS: dict[str, str] = {
    "translated": "✓ translated",
    "fuzzy": "≈ fuzzy",
    "untranslated": "✗ untranslated",
    "kept": "= kept as is",
}


# -- HTML pieces --------------------------------------------------------------------
def _e(text: object) -> str:
    return html.escape(text if isinstance(text, str) else str(text))


@cache
def _lang_name(lang: str) -> str:
    try:
        return f"{display_name(lang)} ({lang})"
    except (ValueError, LookupError):
        return lang


def _sev(severity: str, count: int | None = None) -> str:
    """A severity as icon and word (colour comes third), with a count if given."""
    icon = f'<i class="icon" aria-hidden="true">{ICONS[severity]}</i>'
    if count is None:
        return f'<span class="sev sev-{severity}">{icon}{severity}</span>'
    noun = severity if count == 1 else PLURALS.get(severity, severity)
    zero = " zero" if not count else ""
    return f'<span class="sev sev-{severity}{zero}">{icon}<b>{count}</b> {noun}</span>'


def _counts_html(counts: Mapping[Severity, int]) -> str:
    if not any(counts.get(s, 0) for s in SEVERITIES):
        return (
            f'<ul class="counts"><li><span class="sev sev-ok">'
            f'<i class="icon" aria-hidden="true">{ICONS["ok"]}</i>no findings</span></li></ul>'
        )
    items = "".join(f"<li>{_sev(s, counts.get(s, 0))}</li>" for s in SEVERITIES)
    return f'<ul class="counts">{items}</ul>'


def _plural(n: int, noun: str) -> str:
    """A count and its noun.

    >>> _plural(1, "source"), _plural(2, "source")
    ('1 source', '2 sources')
    """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _pct(part: int, total: int) -> float:
    return 100.0 * part / total if total else 0.0


def _bar_html(t: int, f: int, u: int) -> str:
    total = t + f + u
    pt, pf = _pct(t, total), _pct(f, total)
    pu = max(0.0, 100.0 - pt - pf) if total else 100.0
    label = (
        f"{pt:.0f}% translated, {pf:.0f}% fuzzy, {pu:.0f}% untranslated "
        f"({t} / {f} / {u} of {total} source words)"
    )
    return (
        f'<div class="bar" role="img" aria-label="{_e(label)}">'
        f'<span class="t" style="width:{pt:.2f}%"></span>'
        f'<span class="f" style="width:{pf:.2f}%"></span>'
        f'<span class="u" style="width:{pu:.2f}%"></span></div>'
    )


def _words_html(t: int, f: int, u: int) -> str:
    total = t + f + u
    return (
        f'<span class="pct">{_pct(t, total):.0f}% translated</span><br>'
        f'<span class="words"><abbr title="translated words">✓ {t}</abbr> · '
        f'<abbr title="fuzzy words">≈ {f}</abbr> · '
        f'<abbr title="untranslated words">✗ {u}</abbr> / {total} words</span>'
    )


def _page(title: str, body: str, *, prefix: str) -> str:
    """A whole HTML document around ``body``; ``prefix`` leads to the report root."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        f'<meta name="generator" content="{GENERATOR} {_e(__version__)}">\n'
        f"<title>{_e(title)}</title>\n"
        f'<link rel="stylesheet" href="{prefix}assets/report.css">\n'
        f'<script src="{prefix}assets/report.js" defer></script>\n'
        "</head>\n<body>\n"
        '<a class="skip" href="#main">Skip to content</a>\n'
        f"{body}\n</body>\n</html>\n"
    )


def _href(name: str) -> str:
    return f"articles/{quote(name)}.html"


# -- one article -------------------------------------------------------------------
@dataclass(frozen=True)
class _Cell:
    """One (article, language) of the matrix."""

    article: str
    lang: str
    role: str  # "source" or "target"
    stats: catalog.CatalogStats | None
    counts: Mapping[Severity, int]
    error: str | None = None
    unreviewed: int = 0
    """Segments the built page shows from fuzzy (unreviewed) catalog entries."""


UNREVIEWED_LABEL = "⚑ published unreviewed"
"""The badge of a built block showing fuzzy machine or memory output."""


def _published_unreviewed(
    source: _Block | None,
    built: _Block | None,
    reviewed: Mapping[str, str],
    anyway: Mapping[str, str],
    publish_fuzzy: bool,
) -> int:
    """Segments of a block whose fuzzy translation the built page shows.

    Read from the page where it can be: ``publish_fuzzy = false`` or ``tolk build
    --reviewed-only`` put the source text there instead. A fuzzy translation
    identical to its source (a name, a number) looks the same either way; the
    setting decides for it, as it decided for the build.
    """
    if source is None or built is None:
        return 0
    count = 0
    for piece in source.pieces:
        key = piece.segment.key
        if key in reviewed or key not in anyway:
            continue
        shown = _squash(strip_codes(anyway[key]))
        if shown == _squash(piece.segment.plain):
            count += publish_fuzzy
        elif shown and shown in built.text:
            count += 1
    return count


def _unit_states(
    blocks: Mapping[int, _Block], reviewed: Mapping[str, str], anyway: Mapping[str, str]
) -> dict[int, str]:
    order = ("untranslated", "fuzzy", "translated", "kept")
    states: dict[int, str] = {}
    for unit, block in blocks.items():
        seen = set()
        for piece in block.pieces:
            seg = piece.segment
            if not seg.translatable:
                seen.add("kept")
            elif seg.key in reviewed:
                seen.add("translated")
            elif seg.key in anyway:
                seen.add("fuzzy")
            else:
                seen.add("untranslated")
        states[unit] = next(s for s in order if s in seen)
    return states


def _details_html(p: _Placed) -> str:
    f = p.finding
    rows = [("Check", _e(f.check)), ("Severity", _sev(f.severity))]
    if f.message:
        rows.append(("Message", _e(f.message)))
    if f.text:
        rows.append(("Text", f"<q>{_e(strip_codes(f.text))}</q>"))
    if f.found_lang:  # a language finding; other checks name only the page's language
        rows.append(("Found language", _e(_lang_name(f.found_lang))))
    if f.expected_lang:
        rows.append(("Expected language", _e(_lang_name(f.expected_lang))))
    if f.confidence is not None:
        shown = f"{f.confidence:.0%}" if 0 <= f.confidence <= 1 else f"{f.confidence:g}"
        rows.append(("Confidence", _e(shown)))
    if f.fix is not None:
        fix = (
            f"<ins>{_e(strip_codes(f.fix.replacement))}</ins>"
            if f.fix.replacement
            else "<i>(remove)</i>"
        )
        if f.fix.source:
            fix += f' <span class="muted">from {_e(f.fix.source)}</span>'
        rows.append(("Proposed fix", fix))
    else:
        rows.append(("Proposed fix", '<span class="muted">none</span>'))
    where = f"{f.file}:{f.line}" + (f" — {f.location}" if f.location else "")
    rows.append(("Where", f"<code>{_e(where)}</code>"))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    langs = ""
    if f.found_lang and f.expected_lang:
        langs = f" · {_e(f.found_lang)} where {_e(f.expected_lang)} expected"
    return (
        f'<details class="finding sev-{f.severity}" id="{p.fid}">'
        f"<summary>{_sev(f.severity)} #{p.number} · {_e(f.check)}{langs}</summary>"
        f"<dl>{dl}</dl></details>"
    )


def _tooltip(f: Finding) -> str:
    bits = [f"{f.severity}: {f.check}"]
    if f.found_lang and f.expected_lang:
        bits.append(f"{f.found_lang} where {f.expected_lang} expected")
    if f.confidence is not None and 0 <= f.confidence <= 1:
        bits.append(f"confidence {f.confidence:.0%}")
    if f.fix is not None:
        bits.append(f"fix: {strip_codes(f.fix.replacement) or '(remove)'}")
    return " — ".join(bits)


_Span = tuple[int, int, list["_Placed"]]


def _merge(ranges: Sequence[tuple[int, int, _Placed]], size: int) -> list[_Span]:
    """Ranges (clipped to ``size``) merged where they overlap, each with its findings."""
    spans: list[_Span] = []
    for a, b, p in sorted(ranges, key=lambda r: (r[0], r[1], r[2].number)):
        start, end = max(0, a), min(size, max(a, b))
        if spans and start < spans[-1][1]:
            last = spans[-1]
            group = last[2] if any(q.fid == p.fid for q in last[2]) else [*last[2], p]
            spans[-1] = (last[0], max(last[1], end), group)
        else:
            spans.append((start, end, [p]))
    return spans


def _highlight(text: str, placed: Sequence[_Placed]) -> str:
    """The text escaped, with each finding's span in a ``<mark>`` and a link to its panel.

    Findings about the whole text mark it; findings about a narrower part (the
    join of glued words) get their own ``<mark class="join">``, nested inside a
    whole-text mark when both fall on the same sentence, so the join stays
    visible however many other checks flag the sentence.
    """
    flagged: set[str] = set()  # one link per finding, after its first mark

    def mark(inner: str, group: Sequence[_Placed], cls: str) -> str:
        worst = min(group, key=lambda p: SEVERITIES.index(p.finding.severity))
        title = " | ".join(_tooltip(p.finding) for p in group)
        out = [
            f'<mark class="sev-{worst.finding.severity}{cls}" tabindex="0" '
            f'data-finding="{worst.fid}" title="{_e(title)}">{inner}</mark>'
        ]
        for p in group:
            if p.fid in flagged:
                continue
            flagged.add(p.fid)
            out.append(
                f'<a class="flag sev-{p.finding.severity}" href="#{p.fid}">'
                f'<i class="icon" aria-hidden="true">{ICONS[p.finding.severity]}</i>'
                f'<span class="visually-hidden">{p.finding.severity} finding</span>'
                f"#{p.number}</a>"
            )
        return "".join(out)

    narrow = _merge([(a, b, p) for p in placed if p.marks for a, b in p.ranges], len(text))

    def joins(lo: int, hi: int) -> str:
        out: list[str] = []
        pos = lo
        for start, end, group in narrow:
            start, end = max(start, lo), min(end, hi)
            if start >= end:
                continue
            out.append(_e(text[pos:start]))
            out.append(mark(_e(text[start:end]), group, " join"))
            pos = end
        out.append(_e(text[pos:hi]))
        return "".join(out)

    wide = _merge([(a, b, p) for p in placed if not p.marks for a, b in p.ranges], len(text))
    out: list[str] = []
    pos = 0
    for start, end, group in wide:
        out.append(joins(pos, start))
        out.append(mark(joins(start, end), group, ""))
        pos = end
    out.append(joins(pos, len(text)))
    return "".join(out)


def _cell_html(
    block: _Block | None,
    placed: Sequence[_Placed],
    lang: str,
    label: str,
    extra: str = "",
    attrs: str = "",
) -> str:
    if block is None:
        return f'<td data-label="{_e(label)}" class="muted">—</td>'
    panels = "".join(_details_html(p) for p in sorted(placed, key=lambda p: p.number))
    return (
        f'<td lang="{lang}" data-label="{_e(label)}"{attrs}>'
        f"{_highlight(block.text, placed)}{extra}{panels}</td>"
    )


def _where_html(block: _Block) -> str:
    loc = block.location
    short = " > ".join(loc.split(" > ")[-2:])
    return (
        f'<th scope="row" class="where"><span>line {block.line}</span><br>'
        f'<code title="{_e(loc)}">{_e(short)}</code></th>'
    )


def _place_all(
    findings: Sequence[Finding], blocks: Mapping[int, _Block], lang: str
) -> list[_Placed]:
    placed = []
    index = PageIndex(blocks)
    for n, f in enumerate(sorted(findings, key=lambda f: f.page_order), start=1):
        where = index.place(f)
        fid = f"f-{lang}-{n}"
        if where is None:
            placed.append(_Placed(f, fid, n))
        else:
            unit, start, end = where
            marks = block_marks(f, blocks[unit], start, end)
            placed.append(_Placed(f, fid, n, unit, start, end, marks))
    return placed


def _findings_table(placed: Sequence[_Placed], lang: str) -> str:
    if not placed:
        return ""
    rows = []
    for p in placed:
        f = p.finding
        target = p.fid
        langs = f"{f.found_lang} → {f.expected_lang or '?'}" if f.found_lang else ""
        rows.append(
            f'<tr><td><a href="#{target}">#{p.number}</a></td><td>{_sev(f.severity)}</td>'
            f'<td data-label="Check">{_e(f.check)}</td><td data-label="Line">{f.line}</td>'
            f'<td class="text" data-label="Text">{_e(strip_codes(f.text) or f.message)}</td>'
            f'<td data-label="Found → expected">{_e(langs)}</td></tr>'
        )
    table = (
        f'<table class="findings" aria-label="Findings ({lang})"><thead><tr>'
        '<th scope="col">#</th><th scope="col">Severity</th><th scope="col">Check</th>'
        '<th scope="col">Line</th><th scope="col">Text</th>'
        '<th scope="col">Found → expected</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    # A long list is folded so the page itself stays in reach, on a phone above all.
    opened = " open" if len(placed) <= OPEN_LIST_UP_TO else ""
    return (
        f'<details class="list"{opened}><summary>List of the {_plural(len(placed), "finding")}'
        f"</summary>{table}</details>"
    )


def _fixes_html(changes: Sequence[Change]) -> str:
    if not changes:
        return '<p class="muted">No fixes applied (<code>tolk fix</code> changed nothing here).</p>'
    rows = "".join(
        f"<tr><td>{c.line}</td><td>{_e(c.check)}</td>"
        f'<td class="text"><del>{_e(strip_codes(c.before))}</del> → '
        f"<ins>{_e(strip_codes(c.after))}</ins></td>"
        f"<td>{_e(c.source)}</td></tr>"
        for c in sorted(changes, key=lambda c: (c.line, c.location, c.check, c.before))
    )
    return (
        '<table class="fixes"><thead><tr><th scope="col">Line</th><th scope="col">Check</th>'
        '<th scope="col">Before → after</th><th scope="col">Source</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


@dataclass
class _ArticleData:
    article: Article
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    changes: dict[str, list[Change]] = field(default_factory=dict)


class _ArticleBuilder:
    """Everything one article page needs, and the matrix cells it yields."""

    def __init__(self, settings: Settings, data: _ArticleData) -> None:
        self.settings = settings
        self.data = data
        self.article = data.article
        self.cells: list[_Cell] = []
        self.placed = 0
        self.errors: list[PipelineError] = []
        self.unreviewed: dict[str, int] = {}

    def _catalog(
        self, lang: str
    ) -> tuple[catalog.CatalogStats | None, dict[str, str], dict[str, str], str | None]:
        from pipeline.stages.stats import catalog_stats

        a, s = self.article, self.settings
        path = a.catalog(s, lang)
        try:
            if not path.exists():
                return catalog_stats(s, [a], (lang,))[0], {}, {}, None
            po = catalog.load_catalog(path)
        except PipelineError as exc:
            self.errors.append(exc)
            return None, {}, {}, str(exc)
        stats = catalog.catalog_stats(po, s.relative(path), a.name, lang)
        return (
            stats,
            catalog.translations(po, include_fuzzy=False),
            catalog.translations(po, include_fuzzy=True),
            None,
        )

    def _extract(self, path: Path) -> tuple[dict[int, _Block] | None, str | None]:
        if not path.exists():
            return None, "not built yet (run 'tolk build')"
        try:
            return page_blocks(extract_file(path, rules=site_rules(self.settings))), None
        except PipelineError as exc:
            self.errors.append(exc)
            return None, str(exc)

    def render(self) -> str:
        a, s = self.article, self.settings
        source_blocks, source_error = self._extract(a.path)
        langs = (a.lang, *a.targets(s))
        sections: list[str] = []
        nav: list[str] = []
        for lang in langs:
            findings = self.data.findings.get(lang, [])
            counts = Counter(f.severity for f in findings)
            if lang == a.lang:
                body = self._source_section(source_blocks or {}, source_error, findings)
                self.cells.append(_Cell(a.name, lang, "source", None, counts))
                role = "source"
            else:
                body, stats, error = self._target_section(lang, source_blocks or {}, findings)
                drafts = self.unreviewed.get(lang, 0)
                self.cells.append(_Cell(a.name, lang, "target", stats, counts, error, drafts))
                role = "translation"
            flags = " ".join(
                f'{ICONS[sev]}<span class="visually-hidden"> {PLURALS[sev]}:</span> {counts[sev]}'
                for sev in SEVERITIES
                if counts.get(sev)
            )
            nav.append(
                f'<li><a href="#{lang}">{_e(_lang_name(lang))} · {role}'
                f"{' · ' + flags if flags else ''}</a></li>"
            )
            fixes = _fixes_html(self.data.changes.get(lang, []))
            sections.append(
                f'<section class="lang" id="{lang}" aria-labelledby="h-{lang}">'
                f"{body}<h3>Fixes applied</h3>{fixes}</section>"
            )
        title = f"{a.name} — Tolk report"
        body = (
            '<header class="top"><p class="crumbs"><a href="../index.html">← Overview</a></p>'
            f"<h1>{_e(a.name)}</h1>"
            f'<p class="muted">Source: <code>{_e(a.source_ref(s))}</code>, in '
            f"{_e(_lang_name(a.lang))}. Keys <kbd>n</kbd> / <kbd>p</kbd> move between "
            "findings; <kbd>Enter</kbd> on a mark opens its panel.</p>"
            '<ul class="legend muted" aria-label="Legend">'
            f"<li>{_sev('error')} {_sev('warning')} {_sev('info')}: a finding, marked where it "
            "is</li>"
            '<li><mark class="sev-error join">wordword</mark> words glued where a space was '
            "lost: only the join is marked</li>"
            f'<li><span class="state state-unreviewed">{UNREVIEWED_LABEL}</span> a hatched '
            "block: fuzzy machine or memory output, published without review</li></ul>"
            f'<nav class="langs" aria-label="Languages"><ul>{"".join(nav)}</ul></nav>'
            "</header>"
            '<main id="main">'
            '<p class="filter"><label><input type="checkbox" id="only-findings"> '
            "Show only blocks with findings</label>"
            + (
                ' <label><input type="checkbox" id="only-unreviewed"> '
                "Show only blocks published unreviewed</label>"
                if any(self.unreviewed.values())
                else ""
            )
            + "</p>"
            f"{''.join(sections)}</main>"
            f'<footer class="bottom">Tolk {_e(__version__)} · '
            '<a href="../index.html">Overview</a></footer>'
        )
        return _page(title, body, prefix="../")

    def _source_section(
        self, blocks: Mapping[int, _Block], error: str | None, findings: Sequence[Finding]
    ) -> str:
        a, lang = self.article, self.article.lang
        placed = _place_all(findings, blocks, lang)
        self.placed += sum(1 for p in placed if p.unit is not None)
        by_unit: dict[int, list[_Placed]] = {}
        for p in placed:
            if p.unit is not None:
                by_unit.setdefault(p.unit, []).append(p)
        label = f"Source ({lang})"
        rows = []
        for unit in sorted(blocks):
            block = blocks[unit]
            mine = by_unit.get(unit, [])
            cls = "flagged" if mine else "plain"
            rows.append(
                f'<tr id="{lang}-u{unit}" class="{cls}">{_where_html(block)}'
                f"{_cell_html(block, mine, lang, label)}</tr>"
            )
        table = (
            f'<table class="pair"><caption class="visually-hidden">{_e(a.name)}: '
            f"source text with findings</caption>"
            '<colgroup><col class="where"><col></colgroup>'
            f'<thead><tr><th scope="col">Where</th><th scope="col">{_e(label)}</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        return (
            f'<h2 id="h-{lang}">{_e(_lang_name(lang))} — source page</h2>'
            + (f'<p class="notice">{_e(error)}</p>' if error else "")
            + self._summary(None, placed, lang)
            + table
        )

    def _target_section(
        self, lang: str, source: Mapping[int, _Block], findings: Sequence[Finding]
    ) -> tuple[str, catalog.CatalogStats | None, str | None]:
        a, s = self.article, self.settings
        stats, reviewed, anyway, cat_error = self._catalog(lang)
        built_path = a.built(s, lang)
        built, built_error = self._extract(built_path)
        built = built or {}
        placed = _place_all(findings, built, lang)
        self.placed += sum(1 for p in placed if p.unit is not None)
        by_unit: dict[int, list[_Placed]] = {}
        for p in placed:
            if p.unit is not None:
                by_unit.setdefault(p.unit, []).append(p)
        states = _unit_states(source, reviewed, anyway)
        src_label, built_label = f"Source ({a.lang})", f"Built ({lang})"
        rows = []
        unreviewed = 0
        for unit in sorted(set(source) | set(built)):
            sblock, bblock = source.get(unit), built.get(unit)
            mine = by_unit.get(unit, [])
            state = states.get(unit)
            badge = (
                f' <span class="state state-{state}">{_STATE_LABELS[state]}</span>' if state else ""
            )
            drafts = _published_unreviewed(sblock, bblock, reviewed, anyway, s.publish_fuzzy)
            unreviewed += drafts
            attrs = ""
            if drafts:
                badge += (
                    f' <span class="state state-unreviewed" title="{drafts} segment(s) of '
                    'fuzzy machine or memory output, published without review">'
                    f"{UNREVIEWED_LABEL}</span>"
                )
                attrs = f' class="unreviewed" data-unreviewed="{drafts}"'
            either = sblock or bblock
            where = _where_html(either) if either is not None else "<th></th>"
            cls = ("flagged" if mine else "plain") + (" drafted" if drafts else "")
            rows.append(
                f'<tr id="{lang}-u{unit}" class="{cls}">{where}'
                f"{_cell_html(sblock, [], a.lang, src_label)}"
                f"{_cell_html(bblock, mine, lang, built_label, badge, attrs)}</tr>"
            )
        self.unreviewed[lang] = unreviewed
        table = (
            f'<table class="pair"><caption class="visually-hidden">{_e(a.name)}: '
            f"source and {_e(_lang_name(lang))} page side by side</caption>"
            '<colgroup><col class="where"><col><col></colgroup>'
            f'<thead><tr><th scope="col">Where</th><th scope="col">{_e(src_label)}</th>'
            f'<th scope="col">{_e(built_label)}</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        notes = "".join(
            f'<p class="notice">{_e(e)}</p>' for e in (cat_error, built_error) if e is not None
        )
        body = (
            f'<h2 id="h-{lang}">{_e(_lang_name(lang))} — built page '
            f'<code class="muted">{_e(s.relative(built_path))}</code></h2>'
            + notes
            + self._summary(stats, placed, lang, unreviewed)
            + table
        )
        return body, stats, cat_error

    def _summary(
        self,
        stats: catalog.CatalogStats | None,
        placed: Sequence[_Placed],
        lang: str,
        unreviewed: int | None = None,
    ) -> str:
        counts = Counter(p.finding.severity for p in placed)
        parts = []
        if stats is not None:
            t, f, u = stats.translated_words, stats.fuzzy_words, stats.untranslated_words
            parts.append(
                f"<div><h3>Completeness</h3>{_bar_html(t, f, u)}{_words_html(t, f, u)}"
                f'<p class="words">{stats.translated} translated, {stats.fuzzy} fuzzy, '
                f"{stats.untranslated} untranslated entries in <code>{_e(stats.path)}</code></p>"
                "</div>"
            )
        if unreviewed is not None:
            parts.append(
                f'<div><h3>Published unreviewed</h3><p class="unreviewed-count" '
                f'data-unreviewed="{unreviewed}"><b>{unreviewed}</b> '
                f"{'segment' if unreviewed == 1 else 'segments'} of this page show fuzzy "
                "machine or memory output nobody reviewed "
                f'(<span class="state state-unreviewed">{UNREVIEWED_LABEL}</span> below; '
                "<code>publish_fuzzy = false</code> builds the source text instead)</p></div>"
            )
        parts.append(f"<div><h3>Findings</h3>{_counts_html(counts)}</div>")
        loose = [p for p in placed if p.unit is None]
        extra = ""
        if loose:
            extra = "<h3>Findings not tied to a block of text</h3>" + "".join(
                _details_html(p) for p in loose
            )
        return (
            f'<div class="summary-grid">{"".join(parts)}</div>'
            + _findings_table(placed, lang)
            + extra
            + "<h3>Page, block by block</h3>"
        )


# -- the overview: findings per check and what to do next (#17 point 8) -------------------
def _severity_totals(findings: Findings) -> Counter[str]:
    """Every finding by severity, copies included: the totals ``tolk check --severity info``
    prints on the same inputs. The matrix folds a source's copies in build/<its language>/
    into one cell, so its sums are smaller; the headline must not be."""
    return Counter(str(item.get("severity", "")) for item in findings.items)


def _by_check_html(findings: Findings) -> str:
    """A table of checks with their errors, warnings and info, like ``tolk check --summary``."""
    table: dict[str, Counter[str]] = {}
    for item in findings.items:
        table.setdefault(str(item.get("check", "")), Counter())[str(item.get("severity"))] += 1
    if not table:
        return ""
    head = "".join(f'<th scope="col">{_e(PLURALS[s].capitalize())}</th>' for s in SEVERITIES)
    rows = "".join(
        f'<tr data-check="{_e(check)}"><th scope="row"><code>{_e(check)}</code></th>'
        + "".join(f'<td data-{s}="{counts[s]}">{counts[s]}</td>' for s in SEVERITIES)
        + "</tr>"
        for check, counts in sorted(table.items(), key=lambda kv: (-kv[1]["error"], kv[0]))
    )
    totals = _severity_totals(findings)
    foot = "".join(f'<td data-total="{s}">{totals[s]}</td>' for s in SEVERITIES)
    return (
        '<h2 id="by-check">Findings per check</h2>'
        '<div class="scroll"><table class="by-check" id="checks">'
        f'<thead><tr><th scope="col">Check</th>{head}</tr></thead><tbody>{rows}</tbody>'
        f'<tfoot><tr><th scope="row">Total</th>{foot}</tr></tfoot></table></div>'
    )


def _target_stats(cells: Sequence[_Cell]) -> list[catalog.CatalogStats]:
    """The article catalogs of the matrix: what ``tolk stats`` lists."""
    return [c.stats for c in cells if c.stats is not None and c.role == "target"]


_STATES = ("translated", "fuzzy", "untranslated", "total")


def _completeness_html(
    settings: Settings, articles: Sequence[catalog.CatalogStats], ui: Sequence[catalog.CatalogStats]
) -> str:
    """Completeness per catalog and language, in strings and in source words, as
    Translate Toolkit's ``pocount`` and Weblate's dashboard give it, ``ui.po`` included.

    Per language: each article catalog, their sum (what ``tolk stats`` totals),
    the language's ``ui.po``, and all of them; then the same over all languages.
    Words are counted as ``tolk stats`` counts them (source text split at white
    space, inline codes left out); ``pocount`` also splits at punctuation and
    numbers, so its word counts run a few percent higher, its string counts are
    the same.
    """
    if not articles and not ui:
        return ""

    def row(label: str, rows: Sequence[catalog.CatalogStats], attrs: str, cls: str = "") -> str:
        t = sum(r.translated for r in rows)
        f = sum(r.fuzzy for r in rows)
        u = sum(r.untranslated for r in rows)
        tw = sum(r.translated_words for r in rows)
        fw = sum(r.fuzzy_words for r in rows)
        uw = sum(r.untranslated_words for r in rows)
        numbers = (t, tw, f, fw, u, uw, t + f + u, tw + fw + uw)
        names = [f"{state}{part}" for state in _STATES for part in ("", "-words")]
        tds = "".join(f'<td data-{n}="{v}">{v}</td>' for n, v in zip(names, numbers, strict=True))
        pct = f"{_pct(tw, tw + fw + uw):.0f}%" if tw + fw + uw else "—"
        return (
            f'<tr{attrs}{cls}><th scope="row">{label}</th>{tds}'
            f'<td data-label="Translated words">{pct}</td></tr>'
        )

    body: list[str] = []
    for lang in settings.languages:
        mine = sorted((r for r in articles if r.lang == lang), key=lambda r: r.path)
        furniture = [r for r in ui if r.lang == lang]
        if not mine and not furniture:
            continue
        body.append(
            f'<tr class="group"><th scope="rowgroup" colspan="10">{_e(_lang_name(lang))}</th></tr>'
        )
        for r in mine:
            attrs = f' data-catalog="{_e(r.path)}" data-lang="{lang}"'
            body.append(row(f"<code>{_e(r.path)}</code>", [r], attrs))
        if mine:
            body.append(
                row(
                    f"{_e(lang)}: article catalogs (<code>tolk stats</code>)",
                    mine,
                    f' data-subtotal="{lang}"',
                    ' class="subtotal"',
                )
            )
        for r in furniture:
            attrs = f' data-catalog="{_e(r.path)}" data-lang="{lang}" data-ui="1"'
            body.append(row(f"<code>{_e(r.path)}</code> (page furniture)", [r], attrs))
        body.append(
            row(
                f"{_e(lang)}: all catalogs",
                [*mine, *furniture],
                f' data-lang-total="{lang}"',
                ' class="subtotal"',
            )
        )
    foot = row(
        "All languages: article catalogs (<code>tolk stats</code>)",
        articles,
        ' data-total="articles"',
    ) + row(
        "All languages: all catalogs, <code>ui.po</code> included",
        [*articles, *ui],
        ' data-total="all"',
    )
    head = (
        '<tr><th scope="col" rowspan="2">Catalog</th>'
        '<th scope="colgroup" colspan="2">Translated</th>'
        '<th scope="colgroup" colspan="2">Fuzzy (needs review)</th>'
        '<th scope="colgroup" colspan="2">Untranslated</th>'
        '<th scope="colgroup" colspan="2">Total</th>'
        '<th scope="col" rowspan="2">Words translated</th></tr><tr>'
        + '<th scope="col">strings</th><th scope="col">words</th>' * 4
        + "</tr>"
    )
    return (
        '<h2 id="completeness">Completeness per catalog</h2>'
        '<p class="muted">Strings and source words per catalog, as <code>pocount</code> '
        "counts them (words: split at white space, inline codes left out). "
        "Fuzzy entries are machine or memory output nobody reviewed.</p>"
        '<div class="scroll" role="region" aria-label="Completeness per catalog" tabindex="0">'
        f'<table class="completeness" id="catalogs"><thead>{head}</thead>'
        f"<tbody>{''.join(body)}</tbody><tfoot>{foot}</tfoot></table></div>"
        + _idle_html(idle_catalogs(settings, [*articles, *ui]))
    )


def _idle_html(paths: Sequence[str]) -> str:
    if not paths:
        return ""
    items = "".join(f"<li><code>{_e(p)}</code></li>" for p in paths)
    return (
        '<div id="idle"><p class="muted">Not counted: catalogs no page is built from (the '
        "article is published in that language by its family, or gone from the sources); "
        f"<code>pocount</code> on the folder counts them.</p><ul>{items}</ul></div>"
    )


def _next_steps_html(
    cells: Sequence[_Cell], findings: Findings, ui: Sequence[catalog.CatalogStats] = ()
) -> str:
    """What to do next: catalogs for translators (with pocount-style counts), CI blockers."""
    todo = [st for st in (*_target_stats(cells), *ui) if st.untranslated or st.fuzzy]
    todo.sort(key=lambda st: (-(st.untranslated_words + st.fuzzy_words), st.path))
    rows = "".join(
        f'<tr data-catalog="{_e(st.path)}"><th scope="row"><code>{_e(st.path)}</code></th>'
        f"<td>{st.translated} / {st.translated_words}</td>"
        f"<td>{st.fuzzy} / {st.fuzzy_words}</td>"
        f"<td>{st.untranslated} / {st.untranslated_words}</td></tr>"
        for st in todo
    )
    send = (
        "<p>Every catalog is translated and reviewed.</p>"
        if not todo
        else '<div class="scroll"><table class="next" id="send">'
        "<caption>Send to translators: catalogs with fuzzy or untranslated entries "
        "(strings / words)</caption>"
        '<thead><tr><th scope="col">Catalog</th><th scope="col">Translated</th>'
        '<th scope="col">Fuzzy</th><th scope="col">Untranslated</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )
    errors = Counter(
        str(item.get("check")) for item in findings.items if item.get("severity") == "error"
    )
    blockers = (
        "<p>Checks not run here: <code>tolk check source_articles build</code> says what "
        "blocks CI.</p>"
        if not findings.available
        else "<p>No errors: <code>tolk check</code> passes in CI.</p>"
        if not errors
        else "<p>Block CI (<code>tolk check</code> exits 1): "
        f"{_plural(sum(errors.values()), 'error')} in "
        + ", ".join(f"<code>{_e(c)}</code> {n}" for c, n in sorted(errors.items()))
        + ". Warnings and info do not.</p>"
    )
    return f'<h2 id="next">What to do next</h2>{send}<div id="blockers">{blockers}</div>'


# -- the overview ---------------------------------------------------------------------
def _matrix_cell(cell: _Cell | None, lang: str) -> str:
    label = f'data-label="{_e(_lang_name(lang))}"'
    if cell is None:
        return (
            f'<td class="none" {label}>—<span class="visually-hidden"> not translated</span></td>'
        )
    counts = {s: cell.counts.get(s, 0) for s in SEVERITIES}
    data = " ".join(f'data-{s}="{counts[s]}"' for s in SEVERITIES)
    href = f"{_href(cell.article)}#{lang}"
    if cell.role == "source":
        inner = '<span class="badge">Source</span>'
        data += ' data-role="source"'
    elif cell.stats is None:
        inner = f'<span class="badge">⚠ catalog error</span> {_e(cell.error or "")}'
        data += ' data-role="target"'
    else:
        st = cell.stats
        t, f, u = st.translated_words, st.fuzzy_words, st.untranslated_words
        inner = _bar_html(t, f, u) + _words_html(t, f, u)
        data += (
            f' data-role="target" data-translated-words="{t}" data-fuzzy-words="{f}"'
            f' data-untranslated-words="{u}"'
        )
    return (
        f'<td data-article="{_e(cell.article)}" data-lang="{lang}" {label} {data}>'
        f'<a class="cell" href="{href}">{inner}'
        f'<span class="visually-hidden"> {_e(cell.article)}, {lang}</span></a>'
        f"{_counts_html(counts)}</td>"
    )


FAMILY_RULES: dict[str, str] = {
    "declared": "declared first in the families setting",
    "x-default": "named by the members' hreflang=x-default",
    "referenced": "the member the others link to",
    "leftovers": "the others still show its language",
    "first by name": "first by name: nothing decided, declare it in the families setting",
}
"""How each rule of :func:`pipeline.families.find_families` reads in the report."""


def _families_html(articles: Sequence[Article]) -> str:
    """The "Families" section: each article published in several languages, its
    original (language, and the rule that chose it) and its members; empty without any.

    A published translation is aligned into the memory, never translated again:
    people reading the matrix need to know why its cells say so little.
    """
    found = {a.family.original.name: a.family for a in articles if a.family is not None}
    if not found:
        return ""
    items = []
    for name in sorted(found):
        family = found[name]
        original = family.original
        members = "".join(
            f'<li><a href="{_href(m.name)}">{_e(m.name)}</a> '
            f"({_e(_lang_name(m.lang))}{', original' if m is original else ''})"
            + (f" <code>{_e(m.url)}</code>" if m.url else "")
            + "</li>"
            for m in family.members
        )
        rule = FAMILY_RULES.get(family.reason, family.reason)
        items.append(
            f'<li data-family="{_e(original.name)}"><strong>{_e(original.name)}</strong>: '
            f"original in {_e(_lang_name(original.lang))}, chosen by "
            f'<span data-rule="{_e(family.reason)}">{_e(family.reason)}</span> '
            f'<span class="muted">({_e(rule)})</span><ul>{members}</ul></li>'
        )
    return (
        '<h2 id="families">Families</h2><p class="muted">Articles published in several '
        "languages: the translations are aligned with their original into the memory, "
        "and only the missing languages are translated, from the original.</p>"
        f'<ul class="families">{"".join(items)}</ul>'
    )


def _overview(
    settings: Settings,
    cells: Sequence[_Cell],
    articles: Sequence[Article],
    findings: Findings,
    unassigned: Sequence[Finding],
    changes: int,
    now: datetime,
    ui: Sequence[catalog.CatalogStats] = (),
) -> str:
    langs = settings.languages
    by_key = {(c.article, c.lang): c for c in cells}
    head = "".join(f'<th scope="col">{_e(_lang_name(lang))}</th>' for lang in langs)
    rows = []
    for a in articles:
        tds = "".join(_matrix_cell(by_key.get((a.name, lang)), lang) for lang in langs)
        rows.append(
            f'<tr><th scope="row"><a href="{_href(a.name)}">{_e(a.name)}</a><br>'
            f'<span class="muted">source: {a.lang}</span></th>{tds}</tr>'
        )
    totals = []
    for lang in langs:
        column = [c for c in cells if c.lang == lang]
        stats = [c.stats for c in column if c.stats is not None]
        t = sum(st.translated_words for st in stats)
        f = sum(st.fuzzy_words for st in stats)
        u = sum(st.untranslated_words for st in stats)
        counts = Counter[Severity]()
        for c in column:
            counts.update(c.counts)
        sev = " ".join(f'data-{s}="{counts.get(s, 0)}"' for s in SEVERITIES)
        pages = sum(1 for c in column if c.role == "target")
        inner = (_bar_html(t, f, u) + _words_html(t, f, u)) if pages else ""
        drafts = sum(c.unreviewed for c in column)
        unreviewed = (
            f'<p class="words unreviewed-count" data-unreviewed="{drafts}">'
            f'<span class="state state-unreviewed">{UNREVIEWED_LABEL}</span> '
            f"{_plural(drafts, 'segment')}</p>"
            if pages
            else ""
        )
        totals.append(
            f'<td data-total="{lang}" data-label="{_e(_lang_name(lang))}" '
            f'data-translated-words="{t}" data-fuzzy-words="{f}" '
            f'data-untranslated-words="{u}" data-unreviewed="{drafts}" {sev}>{inner}'
            f'<p class="words">{_plural(pages, "translation")}, '
            f"{_plural(sum(1 for c in column if c.role == 'source'), 'source')}</p>"
            f"{unreviewed}{_counts_html(counts)}</td>"
        )
    matrix = (
        '<p class="muted" id="matrix-help">Each cell: share of source words translated '
        "(bar: solid = translated, striped = fuzzy, hollow = untranslated) and findings by "
        "severity. Select a cell to see the page.</p>"
        '<div class="scroll" role="region" aria-label="Articles by language" tabindex="0">'
        '<table class="matrix" id="matrix" aria-describedby="matrix-help">'
        '<caption class="visually-hidden">Articles by language</caption>'
        f'<thead><tr><th scope="col">Article</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody>"
        f'<tfoot><tr><th scope="row">Total</th>{"".join(totals)}</tr></tfoot>'
        "</table></div>"
    )
    total_counts = _severity_totals(findings)
    run = [
        ("Date", now.strftime("%Y-%m-%d %H:%M UTC")),
        ("Tolk", __version__),
        ("Project", str(settings.root)),
        ("Settings file", settings.config_path or "none (defaults)"),
        ("Sources", settings.source_dir),
        ("Catalogs", settings.locales_dir),
        ("Built pages", settings.build_dir),
        ("Languages", ", ".join(langs)),
        ("Fuzzy threshold", f"{settings.fuzzy_threshold:g}"),
        ("Disabled checks", ", ".join(settings.disabled_checks) or "none"),
        ("Findings from", findings.origin),
        ("Fixes from", f"{settings.relative(changes_path(settings))} ({changes} changes)"),
    ]
    dl = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in run)
    notice = ""
    if not findings.available:
        notice = (
            f'<p class="notice" role="status">⚠ No findings: {_e(findings.origin)}. '
            "Completeness is shown; run <code>tolk check</code> to see why.</p>"
        )
    other = ""
    if unassigned:
        items = "".join(
            f"<li>{_sev(f.severity)} <code>{_e(f.file)}:{f.line}</code> "
            f"{_e(f.check)}: {_e(strip_codes(f.text) or f.message)}</li>"
            for f in sorted(unassigned, key=lambda f: (f.file, *f.page_order))
        )
        other = f"<h2>Findings in other files</h2><ul>{items}</ul>"
    legend = (
        "<h2>How to read this</h2><ul>"
        f"<li>{_sev('error')}, {_sev('warning')}, {_sev('info')}: severities, "
        "each with its own icon and word.</li>"
        "<li>✓ translated, ≈ fuzzy (machine or changed source: needs review), "
        "✗ untranslated: words of the source, as counted by <code>tolk stats</code>.</li>"
        f'<li><span class="state state-unreviewed">{UNREVIEWED_LABEL}</span>: a built block '
        "showing fuzzy machine or memory output nobody reviewed (the <code>publish_fuzzy</code> "
        "setting lets <code>tolk build</code> publish it); on an article page such blocks are "
        "hatched.</li>"
        '<li><mark class="sev-error join">wordword</mark>: words glued where a space was lost; '
        "only the join is marked, inside the sentence's other marks.</li>"
        "<li>On an article page, <kbd>Tab</kbd> reaches every mark and panel; "
        "<kbd>n</kbd> and <kbd>p</kbd> jump between findings.</li></ul>"
    )
    body = (
        '<header class="top"><h1>Tolk report</h1>'
        f'<p class="muted">{len(articles)} articles · '
        f"{sum(1 for c in cells if c.role == 'target')} translations · "
        + " · ".join(f"{ICONS[s]} {total_counts.get(s, 0)} {PLURALS[s]}" for s in SEVERITIES)
        + f" · {UNREVIEWED_LABEL}: {_plural(sum(c.unreviewed for c in cells), 'segment')}"
        + "</p></header>"
        f'<main id="main">{notice}{_next_steps_html(cells, findings, ui)}{matrix}'
        f"{_completeness_html(settings, _target_stats(cells), ui)}"
        f"{_by_check_html(findings)}{_families_html(articles)}"
        f'<h2>Run</h2><dl class="run">{dl}</dl>{other}{legend}</main>'
        f'<footer class="bottom">Generated by Tolk {_e(__version__)} on '
        f"{_e(now.strftime('%Y-%m-%d %H:%M UTC'))}.</footer>"
    )
    return _page("Tolk report", body, prefix="")
