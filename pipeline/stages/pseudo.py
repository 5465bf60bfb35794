"""Pseudo-localisation: a fake translation that tests layouts and the pipeline.

As with Android's ``en-XA`` and Microsoft's ``qps-ploc`` pseudo-locales, every
letter becomes an accented look-alike (so untranslated text stands out), the
text grows by about 30% (so cut-off labels show before a real language with
longer words arrives) and brackets mark where each entry starts and ends (so
text glued from two entries, or cut short, is visible). Inline codes, entities
and placeholders pass through untouched, so a pseudo page builds exactly as a
translated one would, with no model at all.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.config import Settings
    from pipeline.project import Article

# One accented look-alike per ASCII letter (each a single code point, a
# letter for str.isalpha, so words stay words for the checks).
_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçðéƒĝĥîĵķļɱñöþʠŕšţûṽŵẋýžÀƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
_PLAIN = str.maketrans(
    "àƀçðéƒĝĥîĵķļɱñöþʠŕšţûṽŵẋýžÀƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
)
# What must come back unchanged: inline codes, entities (escaped "<"),
# template and printf placeholders, URLs and e-mail addresses.
PROTECTED = re.compile(
    r"</?g\d+>|<x\d+/>"
    r"|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);"
    r"|\{\{.*?\}\}|\{%.*?%\}|\{[\w.]*\}|\$\{[^}]*\}"
    r"|%(?:\(\w+\))?[-+ #0]*\d*(?:\.\d+)?[sdifr%]|%\d+\$[sd]"
    r"|\bhttps?://\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+"
)
PADDING = "·"
PSEUDO_ORIGIN = "machine: pseudo"
OPEN, CLOSE = "[", "]"


def pseudo_translate(text: str, lengthen: float = 0.3) -> str:
    """A pseudo translation of ``text``: accented, about 30% longer, in brackets.

    >>> pseudo_translate("Click <g1>here</g1> to share.")
    '[Çļîçķ <g1>ĥéŕé</g1> ţö šĥàŕé. ·····]'
    >>> pseudo_translate("Hello {name}, &lt;3 %s")
    '[Ĥéļļö {name}, &lt;3 %s ··]'
    >>> pseudo_translate("")
    ''

    Text without letters (a number, a code alone) gets brackets only.

    >>> pseudo_translate("<x1/> 2025")
    '[<x1/> 2025]'
    """
    if not text:
        return text
    parts: list[str] = []
    letters = 0
    pos = 0
    for m in PROTECTED.finditer(text):
        chunk = text[pos : m.start()]
        letters += sum(c.isalpha() for c in chunk)
        parts.append(chunk.translate(_ACCENTED))
        parts.append(m.group(0))
        pos = m.end()
    chunk = text[pos:]
    letters += sum(c.isalpha() for c in chunk)
    parts.append(chunk.translate(_ACCENTED))
    pad = math.ceil(letters * lengthen)
    padding = " " + PADDING * pad if pad else ""
    return f"{OPEN}{''.join(parts)}{padding}{CLOSE}"


def unpseudo(text: str) -> str:
    """Undo the accents (not the brackets or padding): what tests compare.

    >>> unpseudo("[Çļîçķ ţö šĥàŕé ···]")
    '[Click to share ···]'
    """
    return text.translate(_PLAIN)


def is_pseudo(text: str) -> bool:
    """True when no ASCII letter is left outside codes and placeholders.

    >>> is_pseudo(pseudo_translate("Read <g1>the</g1> {name} guide"))
    True
    >>> is_pseudo("[Read]")
    False
    """
    return re.search(r"[A-Za-z]", PROTECTED.sub("", text)) is None


def pseudo_catalogs(
    settings: Settings,
    articles: list[Article],
    langs: tuple[str, ...] | None = None,
    *,
    force: bool = False,
    notes: list[str] | None = None,
) -> tuple[int, list[str]]:
    """Fill the catalogs of ``articles`` with pseudo translations.

    Each one is fuzzy with the origin comment ``machine: pseudo`` (an origin
    line, so catalog updates carry it and checks treat it as machine work);
    only empty entries unless ``force``. Returns (entries filled, catalogs
    written); a missing catalog is skipped (``tolk extract`` makes it).
    """
    from pipeline.catalogs import po as catalog  # lazy: the function above stays dependency-free

    filled = 0
    written: list[str] = []
    for article in articles:
        for lang in article.targets(settings):
            path = article.catalog(settings, lang)
            if (langs and lang not in langs) or not path.exists():
                continue
            po = catalog.load_catalog(path)
            for entry in po:
                if catalog.needs_translation(entry, force=force):
                    before, before_fuzzy = entry.msgstr, entry.fuzzy
                    text = pseudo_translate(entry.msgid)
                    catalog.set_translation(entry, text, fuzzy=True, origin=PSEUDO_ORIGIN)
                    catalog.keep_replaced(entry, before, before_fuzzy)
                    filled += 1
            on_merge = notes.append if notes is not None else None
            if catalog.save_catalog(po, path, on_merge=on_merge):
                written.append(settings.relative(path))
    return filled, written
