"""Fixers: pure functions from text to text, each repairing one kind of defect.

Like ftfy's fixes, each fixer is named verb_object, takes the coded text of
one segment and its language, and returns the repaired text (the same text
when there is nothing to repair, so running a fixer twice changes nothing the
second time). Fixers work around inline codes and never alter one.
:func:`apply_fixers` runs several in order and records a :class:`FixStep` only
when a fixer actually changed the text, so every automatic edit can be shown,
explained and replayed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pipeline.text.dates import date_repairs
from pipeline.text.spacing import apply_edits, find_glued, spacing_problems

Fixer = Callable[[str, str], str]


@dataclass(frozen=True)
class FixStep:
    """One fixer that changed a text: its name, the text before and after."""

    fixer: str
    before: str
    after: str


def restore_space_at_codes(text: str, lang: str) -> str:
    """Put back the space lost where a word meets an inline tag.

    The space goes on the outer side of the tag: before an opening code, after
    a closing one. Dutch compounds and French elisions are left joined.

    >>> restore_space_at_codes("abaissant<g2>pics de cortisol</g2>qui peut", "fr")
    'abaissant <g2>pics de cortisol</g2> qui peut'
    >>> restore_space_at_codes("<g2>Glycinate de magnésium</g2>et le citrate", "fr")
    '<g2>Glycinate de magnésium</g2> et le citrate'
    >>> restore_space_at_codes("l'<g1>école</g1>, de slaap<g2>kwaliteit</g2>", "fr")
    "l'<g1>école</g1>, de slaap<g2>kwaliteit</g2>"
    """
    glued = find_glued(text, lang)
    return apply_edits(text, [(g.at, g.at, " ") for g in glued]) if glued else text


def restore_space_after_punctuation(text: str, lang: str) -> str:
    """Put back the space lost after ``; : ! ?`` or before a footnote ``*``.

    >>> restore_space_after_punctuation("<g1>Quelle dose dois-je prendre ?</g1>Les doses", "fr")
    '<g1>Quelle dose dois-je prendre ?</g1> Les doses'
    >>> restore_space_after_punctuation("<g1>Vérifier sur Amazon</g1><g2>*En tant que</g2>", "fr")
    '<g1>Vérifier sur Amazon</g1> <g2>*En tant que</g2>'
    """
    found = spacing_problems(text, lang, kinds=frozenset({"glued-after"}))
    return apply_edits(text, [p.edit for p in found]) if found else text


def fix_french_punctuation_spacing(text: str, lang: str) -> str:
    """French spacing: narrow no-break space before ``; ! ?``, no-break before ``:``.

    Also puts back a space lost after the mark. Other languages pass unchanged.

    >>> fix_french_punctuation_spacing("<g1>Modulation GABA :</g1>Le magnésium", "fr")
    '<g1>Modulation GABA\\xa0:</g1> Le magnésium'
    >>> fix_french_punctuation_spacing("Pourquoi? Parce que!", "fr")
    'Pourquoi\\u202f? Parce que\\u202f!'
    >>> fix_french_punctuation_spacing("Why? Because!", "en")
    'Why? Because!'
    """
    if lang != "fr":
        return text
    kinds = frozenset({"glued-after", "missing-before", "wrong-space-before"})
    found = spacing_problems(text, lang, kinds=kinds)
    return apply_edits(text, [p.edit for p in found]) if found else text


def remove_space_before_punctuation(text: str, lang: str) -> str:
    """English and Dutch: no space before ``; : ! ?``. French passes unchanged.

    >>> remove_space_before_punctuation("Why ? Because : it works !", "en")
    'Why? Because: it works!'
    >>> remove_space_before_punctuation("Pourquoi ? Parce que.", "fr")
    'Pourquoi ? Parce que.'
    """
    if lang not in ("en", "nl"):
        return text
    found = spacing_problems(text, lang, kinds=frozenset({"space-before"}))
    return apply_edits(text, [p.edit for p in found]) if found else text


def render_date_in_locale(text: str, lang: str) -> str:
    """Write each date with a month name the way the locale does (Babel).

    >>> render_date_in_locale("<g1>Published on</g1> <g2>janvier 28, 2026</g2>", "fr")
    '<g1>Published on</g1> <g2>28 janvier 2026</g2>'
    >>> render_date_in_locale("Gepubliceerd op 28 January 2026", "nl")
    'Gepubliceerd op 28 januari 2026'
    >>> render_date_in_locale("Published on 28 January 2026", "en")
    'Published on 28 January 2026'
    """
    repairs = date_repairs(text, lang)
    return apply_edits(text, [edit for edit, _fault in repairs]) if repairs else text


FIXERS: dict[str, Fixer] = {
    "restore_space_at_codes": restore_space_at_codes,
    "restore_space_after_punctuation": restore_space_after_punctuation,
    "fix_french_punctuation_spacing": fix_french_punctuation_spacing,
    "remove_space_before_punctuation": remove_space_before_punctuation,
    "render_date_in_locale": render_date_in_locale,
}
"""Every fixer by name, in the order :func:`apply_fixers` prefers to run them."""


def apply_fixers(
    text: str, lang: str, names: Iterable[str] | None = None
) -> tuple[str, tuple[FixStep, ...]]:
    """Run the named fixers (all by default) in order; record the ones that changed text.

    >>> text, steps = apply_fixers("<g1>GABA :</g1>Le sommeil", "fr")
    >>> text
    '<g1>GABA\\xa0:</g1> Le sommeil'
    >>> [s.fixer for s in steps]
    ['restore_space_after_punctuation', 'fix_french_punctuation_spacing']

    Raises KeyError for an unknown fixer name.
    """
    chosen = list(FIXERS) if names is None else list(names)
    steps: list[FixStep] = []
    for name in chosen:
        fixer = FIXERS[name]
        fixed = fixer(text, lang)
        if fixed != text:
            steps.append(FixStep(name, text, fixed))
            text = fixed
    return text, tuple(steps)
