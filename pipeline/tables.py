"""Tables for people, drawn with rich (plain text when not on a terminal)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pipeline.catalogs.po import CatalogStats

if TYPE_CHECKING:
    from rich.console import Console


def _console() -> Console:
    from rich.console import Console

    console = Console(soft_wrap=False)
    # Wide enough for whole article names even in a CI log (no terminal).
    console.width = max(console.width, 110)
    return console


def stats_table(rows: Sequence[CatalogStats]) -> None:
    """Print completeness per article and language, with totals per language."""
    from rich.table import Table

    table = Table(title="Catalog completeness", show_lines=False)
    width = max([len(r.article) for r in rows] + [7])
    for name, justify in (
        ("article", "left"),
        ("lang", "left"),
        ("translated", "right"),
        ("fuzzy", "right"),
        ("untranslated", "right"),
        ("words t/f/u", "right"),
        ("done", "right"),
    ):
        table.add_column(
            name,
            justify=justify,  # type: ignore[arg-type]
            no_wrap=True,
            min_width=width if name == "article" else None,
        )
    for r in rows:
        table.add_row(
            r.article,
            r.lang,
            str(r.translated),
            str(r.fuzzy),
            str(r.untranslated),
            f"{r.translated_words}/{r.fuzzy_words}/{r.untranslated_words}",
            f"{r.percent:.0f}%",
        )
    langs = sorted({r.lang for r in rows})
    for lang in langs:
        sel = [r for r in rows if r.lang == lang]
        words = sum(r.total_words for r in sel)
        done = sum(r.translated_words for r in sel)
        pct = 100.0 * done / words if words else 100.0
        table.add_row(
            "[b]total[/b]",
            lang,
            str(sum(r.translated for r in sel)),
            str(sum(r.fuzzy for r in sel)),
            str(sum(r.untranslated for r in sel)),
            f"{done}/{sum(r.fuzzy_words for r in sel)}/{sum(r.untranslated_words for r in sel)}",
            f"{pct:.0f}%",
        )
    _console().print(table)
