"""Quality checks on pages and catalogs, one small class per check.

The registry is :data:`DEFAULT_CHECKS`, in the order they run; every check can
be turned off per project (``disabled_checks`` in the settings, or
``--disable``) and per entry (an ``ignore-<check-id>`` flag in a .po file, a
``data-tolk-ignore`` attribute on an element). :mod:`pipeline.checks.runner`
runs them, :mod:`pipeline.checks.output` reports what they find.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from pipeline.checks.base import Check, CheckContext, Finding, Fix, Item, Problem, Severity, Suggest
from pipeline.checks.chars import PunctuationSpacing, TitleCase, Truncated
from pipeline.checks.codes import GluedWords, InlineCodes
from pipeline.checks.consistency import Apostrophes, DuplicateNear, Numbers, Urls
from pipeline.checks.dates import Dates
from pipeline.checks.language import Judge, MixedLanguage
from pipeline.checks.links import WrongLanguageLink
from pipeline.checks.translation import Fuzzy, LengthRatio, SameAsSource, Untranslated
from pipeline.errors import InputError

if TYPE_CHECKING:
    from pipeline.families.leftovers import EvidenceMap

__all__ = [
    "CHECKS",
    "DEFAULT_CHECKS",
    "Check",
    "CheckContext",
    "Finding",
    "Fix",
    "Item",
    "Problem",
    "Severity",
    "Suggest",
    "make_checks",
]

DEFAULT_CHECKS: tuple[type[Check], ...] = (
    MixedLanguage,
    GluedWords,
    InlineCodes,
    PunctuationSpacing,
    Numbers,
    Urls,
    Dates,
    Untranslated,
    Fuzzy,
    SameAsSource,
    LengthRatio,
    Truncated,
    DuplicateNear,
    TitleCase,
    Apostrophes,
    WrongLanguageLink,
)
"""Every check, in the order it runs."""

CHECKS: dict[str, type[Check]] = {check.id: check for check in DEFAULT_CHECKS}
"""Check classes by id."""


def validate_ids(ids: Iterable[str], where: str = "--disable") -> frozenset[str]:
    """The given check ids, or an :class:`InputError` naming an unknown one.

    >>> sorted(validate_ids(["dates", "fuzzy"]))
    ['dates', 'fuzzy']
    """
    chosen = frozenset(ids)
    unknown = sorted(chosen - set(CHECKS))
    if unknown:
        raise InputError(
            f"unknown check '{unknown[0]}' in {where}",
            hint=f"known checks: {', '.join(CHECKS)}",
        )
    return chosen


def make_checks(
    disabled: Iterable[str] = (),
    *,
    judge: Judge | None = None,
    glossary: Iterable[str] = (),
    suggest: Suggest | None = None,
    aligned: EvidenceMap | None = None,
) -> list[Check]:
    """One instance of every enabled check, all sharing one :class:`CheckContext`.

    ``judge`` replaces the language judge (tests use a fake one); ``glossary``
    holds do-not-translate terms; ``suggest`` proposes replacements for leftovers;
    ``aligned`` is the alignment evidence of a project's published translations.
    """
    off = validate_ids(disabled)
    context = CheckContext(glossary=tuple(glossary), judge=judge, suggest=suggest, aligned=aligned)
    return [cls(context) for cls in DEFAULT_CHECKS if cls.id not in off]
