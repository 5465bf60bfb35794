"""What the memory holds and answers: a unit, and a match offered for a query."""

from __future__ import annotations

from dataclasses import dataclass

ALIGNED_PREFIX = "aligned: "
"""Origin of a unit aligned from a published translation (``aligned: <page>``)."""


@dataclass(frozen=True, slots=True)  # slots: a project memory holds 100,000s of units
class TMUnit:
    """One remembered translation: a source sentence and its target, with codes.

    ``fuzzy`` marks a unit taken from an unreviewed (fuzzy) catalog entry, which
    is offered but ranked below reviewed ones. ``origin`` says where it came
    from, e.g. ``locales/nl/LC_MESSAGES/magnesium.po`` or ``import:old.tmx``.
    """

    src_lang: str
    tgt_lang: str
    source: str
    target: str
    fuzzy: bool = False
    origin: str = ""


@dataclass(frozen=True)
class TMMatch:
    """A unit offered for a query, with its score and a target fitted to the query.

    ``target`` is the unit's target with its codes renumbered to the query's
    when ``codes_fit``; otherwise it is the unit's target as remembered.
    """

    unit: TMUnit
    score: float
    exact: bool
    target: str
    codes_fit: bool
