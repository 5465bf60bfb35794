"""The three languages Tolk works in, and what Babel knows about them.

Everything language-specific that is not a translation lives here: names,
plural forms for .po headers (gettext's table), and the route between two languages.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

LANGUAGES: tuple[str, ...] = ("fr", "nl", "en")

# GNU gettext's own Plural-Forms for these languages (gettext-tools'
# plural-table.c, the values msginit and Poedit write). Kept here rather than
# taken from Babel: Babel follows CLDR, whose data changes between releases
# (Babel 2.19 gives French three forms), and a header must not change because a
# library did.
PLURAL_FORMS: dict[str, str] = {
    "fr": "nplurals=2; plural=(n > 1);",
    "nl": "nplurals=2; plural=(n != 1);",
    "en": "nplurals=2; plural=(n != 1);",
}


def normalize(lang: str | None) -> str | None:
    """Turn an HTML or TMX language tag into Tolk's two-letter code.

    >>> normalize("fr-FR"), normalize("NL_be"), normalize("en"), normalize(""), normalize("de")
    ('fr', 'nl', 'en', None, None)
    """
    if not lang:
        return None
    code = lang.strip().replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else None


@cache
def locale(lang: str) -> Locale:
    """Babel's locale for a language code (cached: loading locale data is slow)."""
    return Locale.parse(lang)


def display_name(lang: str) -> str:
    """The English name of a language, for messages.

    >>> display_name("nl")
    'Dutch'
    """
    return str(locale(lang).get_display_name("en"))


def plural_forms(lang: str) -> str:
    """The ``Plural-Forms`` header gettext writes for a language.

    >>> plural_forms("fr")
    'nplurals=2; plural=(n > 1);'
    """
    return PLURAL_FORMS[lang]


@cache
def month_names(lang: str) -> frozenset[str]:
    """Month names of a language, wide and abbreviated, as Babel (CLDR) writes them.

    >>> sorted(n for n in month_names("nl") if n.startswith("ma"))
    ['maart']
    """
    months = locale(lang).months
    names: set[str] = set()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            names |= {str(n).casefold().rstrip(".") for n in months[context][width].values()}
    return frozenset(n for n in names if len(n) >= 3)


def targets_for(source: str, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """The languages an article in ``source`` is translated into.

    >>> targets_for("nl")
    ('fr', 'en')
    """
    return tuple(lang for lang in languages if lang != source)
