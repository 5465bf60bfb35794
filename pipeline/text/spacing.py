"""Reading coded text the way a reader sees it, for checks and fixers alike.

A sentence carries inline codes (``<g1>``, ``</g1>``, ``<x2/>``) that a reader
never sees. Glued words and glued punctuation are defects of what the reader
sees, but a repair must be made in the coded text without touching a code.
:func:`pipeline.text.offsets.plain_map` gives both views at once: the plain text and, for each of
its characters, its index in the coded text. The analyses here (glued words,
punctuation spacing, truncation) return the edits that would repair what
they find, so the check reports exactly what the fixer changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from pipeline.text.codes import CODE_RE
from pipeline.text.lexicon import (
    COMPOUNDING,
    JOINED_MIN_ZIPF,
    is_common_word,
    is_function_word,
    is_word,
    zipf,
)
from pipeline.text.offsets import plain_map
from pipeline.text.urls import ADDRESS_RE

NBSP = "\u00a0"
NNBSP = "\u202f"
SPACES = frozenset(" \u00a0\u202f\u2009\u2007\u2002\u2003\t\n\r")
MARKS = frozenset(";:!?")
# Tags whose boundary is not a place where a space was lost: a line break or an
# image separates words by itself, <wbr> joins a word on purpose, and a
# footnote number or chemical index hangs on the word before it.
SEPARATING_TAGS = frozenset({"br", "img", "wbr", "hr", "sup", "sub", "#comment"})
_TRAIL_WORD = re.compile(r"[^\W\d_]+$")
_LEAD_WORD = re.compile(r"[^\W\d_]+")
_MARK_RE = re.compile(r"[;:!?*]")
_CLOSERS = frozenset(")]»”")
_ELLIPSIS_END = re.compile(r"([^\W\d_]+)(\.\.\.|…)\s*$")

Edit = tuple[int, int, str]
"""A repair of coded text: replace ``text[start:end]`` with the string."""


def codes_between(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The codes in ``text[start:end]`` (a stretch holding codes only)."""
    return list(CODE_RE.finditer(text, start, end))


def space_position(text: str, start: int, end: int) -> int:
    """Where a lost space goes in the codes between two characters.

    The space goes outside the elements: after the codes that close, before
    the codes that open, so "abaissant<g1>pics" becomes "abaissant <g1>pics"
    and "cortisol</g1>qui" becomes "cortisol</g1> qui".

    >>> t = "Amazon</g1><g2>*En"
    >>> t[: space_position(t, 6, 15)]
    'Amazon</g1>'
    """
    at = start
    for m in codes_between(text, start, end):
        if m.group(1):  # a closing code: the space goes after it
            at = m.end()
        else:
            break
    return at


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (any order) to ``text``.

    >>> apply_edits("abcd", [(1, 1, "-"), (3, 4, "D")])
    'a-bcD'
    """
    result = text
    last = len(text) + 1
    for start, end, new in sorted(set(edits), key=lambda e: (e[0], e[1]), reverse=True):
        if end > last:  # overlapping: keep the edit already applied
            continue
        result = result[:start] + new + result[end:]
        last = start
    return result


def _masked(plain: str) -> list[bool]:
    mask = [False] * len(plain)
    for m in ADDRESS_RE.finditer(plain):
        for i in range(m.start(), m.end()):
            mask[i] = True
    return mask


# -- glued words ----------------------------------------------------------------


@dataclass(frozen=True)
class Glue:
    """Two words meeting at an inline code with no space between them."""

    left: str
    right: str
    at: int  # coded index where the lost space goes

    @property
    def shown(self) -> str:
        """The pair as a reader sees it, with a bar where the codes are."""
        return f"{self.left}|{self.right}"


TagLookup = Callable[[int], "str | None"]


def is_glued_pair(left: str, right: str, lang: str) -> bool:
    """True when ``left`` + ``right`` is no word of ``lang`` but both halves are.

    Dutch writes compounds as one word, so there a join is taken as a lost
    space only when one half is a function word or the right half is
    capitalised.

    >>> is_glued_pair("abaissant", "pics", "fr"), is_glued_pair("aujourd", "hui", "fr")
    (True, False)
    >>> is_glued_pair("slaap", "kwaliteit", "nl"), is_glued_pair("magnesium", "en", "nl")
    (False, True)
    """
    if len(left) < 2 or len(right) < 2:
        return False
    joined = left + right
    if zipf(joined.lower(), lang) >= JOINED_MIN_ZIPF:
        return False
    if not (is_word(left.lower(), lang) and is_word(right.lower(), lang)):
        return False
    if lang in COMPOUNDING:
        return (
            is_function_word(left, lang)
            or is_function_word(right, lang)
            or (left[-1].islower() and right[0].isupper())
        )
    return True


def code_boundaries(text: str) -> list[tuple[int, int, int]]:
    """Where plain characters meet across codes: ``(plain index, start, end)``.

    ``plain index`` is the character before the codes; ``text[start:end]`` holds
    the codes between it and the next character.

    >>> code_boundaries("ab<g1>c</g1>")
    [(1, 2, 6)]
    """
    _plain, index = plain_map(text)
    return [
        (i, index[i] + 1, index[i + 1])
        for i in range(len(index) - 1)
        if index[i + 1] != index[i] + 1
    ]


def words_at(text: str, start: int, end: int) -> tuple[str, str]:
    """The words that meet at the codes ``text[start:end]``, each within its own run.

    >>> words_at("take<g1>magnesium</g1>daily", 4, 8)
    ('take', 'magnesium')
    """
    left = _TRAIL_WORD.search(text, max(0, start - 60), start)
    right = _LEAD_WORD.match(text, end, end + 60)
    return (left.group(0) if left else "", right.group(0) if right else "")


def _separating(text: str, start: int, end: int, tag_of: TagLookup | None) -> bool:
    for m in codes_between(text, start, end):
        number = int(m.group(2) or m.group(3))
        tag = tag_of(number) if tag_of is not None else None
        if tag in SEPARATING_TAGS:
            return True
        if m.group(3) is not None and tag is None:
            return True  # an <xN/> of unknown kind: may well be a <br>
    return False


def find_glued(text: str, lang: str, tag_of: TagLookup | None = None) -> list[Glue]:
    """Words glued together at inline codes, where a space was lost.

    ``tag_of`` tells the HTML tag behind a code number (on pages), so that a
    ``<br>`` or a footnote ``<sup>`` is not taken for a lost space.

    >>> [g.shown for g in find_glued("abaissant<g1>pics de cortisol</g1>qui peut", "fr")]
    ['abaissant|pics', 'cortisol|qui']
    >>> find_glued("l'<g1>école</g1> et aujourd'<g2>hui</g2>", "fr")
    []
    >>> [g.shown for g in find_glued("(2007)<g1>Voir l'étude</g1>", "fr")]
    ['(2007)|Voir']
    """
    if "<" not in text:
        return []
    plain, _index = plain_map(text)
    found: list[Glue] = []
    for i, start, end in code_boundaries(text):
        closing = plain[i] in _CLOSERS
        if not ((plain[i].isalpha() or closing) and plain[i + 1].isalpha()):
            continue
        if _separating(text, start, end, tag_of):
            continue
        left, right = words_at(text, start, end)
        if closing:
            # "(2007)<g1>Voir l'étude" : no word is ever glued to a closing bracket.
            left = plain[: i + 1].split()[-1]
            if len(right) >= 2:
                found.append(Glue(left, right, space_position(text, start, end)))
        elif is_glued_pair(left, right, lang):
            found.append(Glue(left, right, space_position(text, start, end)))
    return found


def boundary_pattern(text: str) -> dict[str, tuple[bool, bool]]:
    """For each code: is there a letter right before it and right after it?

    Adjacent codes are looked through, so in ``a</g1><g2>b`` both codes sit
    between two letters. Used to compare a translation with its source.

    >>> boundary_pattern("x <g1>y</g1>z")
    {'<g1>': (False, True), '</g1>': (True, True)}
    """
    plain, index = plain_map(text)
    result: dict[str, tuple[bool, bool]] = {}
    for m in CODE_RE.finditer(text):
        # the plain characters just before and just after this code
        before = _plain_before(index, m.start())
        after = _plain_after(index, m.end())
        result[m.group(0)] = (
            before is not None and plain[before].isalpha(),
            after is not None and plain[after].isalpha(),
        )
    return result


def _plain_before(index: list[int], coded: int) -> int | None:
    import bisect

    i = bisect.bisect_left(index, coded) - 1
    return i if i >= 0 else None


def _plain_after(index: list[int], coded: int) -> int | None:
    import bisect

    i = bisect.bisect_left(index, coded)
    return i if i < len(index) else None


# -- truncation -------------------------------------------------------------------

_PAIRS = (("(", ")"), ("[", "]"), ("«", "»"), ("“", "”"))


def truncation(plain: str, lang: str) -> str | None:
    """Why ``plain`` looks cut mid-word before a final ellipsis, or None.

    A teaser cut at a word boundary ("... Cela peut...") is fine; one cut inside a
    word ("le resvératrol renfo..."), or inside a parenthesis ("(AKG & Ca..."), is
    not.

    >>> truncation("Méta-analyse (recherche) : le resvératrol renfo...", "fr")
    "'renfo' is not a word"
    >>> truncation("Pourquoi l'acide alpha-cétoglutarique (AKG & Ca...", "fr")
    "cut inside '(...)'"
    >>> truncation("Cela peut...", "fr") is None
    True
    """
    text = plain.rstrip()
    if not text.endswith(("...", "…")):
        return None
    m = _ELLIPSIS_END.search(text, max(0, len(text) - 80))
    if m is None:
        return None
    fragment = m.group(1)
    before = text[: m.start(2)]
    for opener, closer in _PAIRS:
        if before.count(opener) > before.count(closer):
            return f"cut inside '{opener}...{closer}'"
    if before.count('"') % 2 == 1:
        return "cut inside a quotation"
    if fragment[0].isupper():
        return None  # a name ("... sur PubChem..."): no lexicon to judge it
    if zipf(fragment.lower(), lang) < 2.0:
        return f"'{fragment}' is not a word"
    if len(fragment) <= 3 and not is_common_word(fragment, lang):
        return f"'{fragment}' looks like the start of a longer word"
    return None


# -- punctuation spacing -----------------------------------------------------------

SpacingKind = Literal["glued-after", "missing-before", "wrong-space-before", "space-before"]


@dataclass(frozen=True)
class Spacing:
    """A spacing problem around a punctuation mark, with the edit that repairs it."""

    kind: SpacingKind
    mark: str
    excerpt: str
    edit: Edit

    @property
    def severity(self) -> Literal["error", "warning", "info"]:
        """Glued text is an error, a missing space a warning, the wrong space info."""
        if self.kind == "glued-after":
            return "error"
        return "info" if self.kind == "wrong-space-before" else "warning"

    @property
    def what(self) -> str:
        """What is wrong, in a few words: "no space after ':'"."""
        what = {
            "glued-after": "no space after",
            "missing-before": "no no-break space before",
            "wrong-space-before": "ordinary space instead of a no-break space before",
            "space-before": "a space before",
        }[self.kind]
        if self.kind == "wrong-space-before" and self.mark in ";!?":
            what = "no narrow no-break space before"
        return f"{what} '{self.mark}'"

    @property
    def message(self) -> str:
        """One clause for the finding's message."""
        return f"{self.what} in “{self.excerpt}”"


def _excerpt(plain: str, i: int) -> str:
    left = re.search(r"\S{0,30}\s{0,3}$", plain[max(0, i - 40) : i])
    right = re.match(r"\s{0,3}\S{0,30}", plain[i + 1 : i + 40])
    shown = (left.group(0) if left else "") + plain[i] + (right.group(0) if right else "")
    return shown.replace(NBSP, " ").replace(NNBSP, " ").strip()


def spacing_problems(
    text: str, lang: str, context: str = "text", kinds: frozenset[str] | None = None
) -> list[Spacing]:
    """Spacing problems around ``; : ! ?`` (and a glued footnote ``*``).

    French wants a narrow no-break space before ``; ! ?``, a no-break space
    before ``:`` and a space after each; English and Dutch want no space before
    them. In every language ``?Les``, ``:Le`` and ``Amazon*En`` are glued.
    References (citations) keep their own typography: only glued text counts
    there.

    >>> [p.kind for p in spacing_problems("<g1>Modulation GABA :</g1>Le magnésium", "fr")]
    ['glued-after', 'wrong-space-before']
    >>> [p.kind for p in spacing_problems("Why ? Because.", "en")]
    ['space-before']
    >>> spacing_problems("Il est 10:30, voir https://x.org/?a=1 ;)", "fr")
    []
    >>> spacing_problems("Super :D", "fr"), len(spacing_problems("Note :Dormir", "fr"))
    ([], 2)
    """
    if not any(c in text for c in ";:!?*"):
        return []
    plain, index = plain_map(text)
    mask = _masked(plain)
    found: list[Spacing] = []
    n = len(plain)
    citation = context == "reference"
    for found_mark in _MARK_RE.finditer(plain):
        i = found_mark.start()
        ch = plain[i]
        if mask[i]:
            continue
        prev = plain[i - 1] if i else ""
        nxt = plain[i + 1] if i + 1 < n else ""
        if ch == "*":
            if prev.isalpha() and nxt.isalpha() and nxt.isupper():
                at = space_position(text, index[i - 1] + 1, index[i])
                found.append(Spacing("glued-after", "*", _excerpt(plain, i), (at, at, " ")))
            continue
        # ":D" or ";p" alone is an emoticon; ":Dormir" or ";Perhaps" is glued text.
        emoticon = nxt != "" and nxt in "DPp" and not plain[i + 2 : i + 3].isalpha()
        if ch in ":;" and (nxt in ")(-/=" or (emoticon and prev in SPACES)):
            continue  # emoticons, "://", "a:=b"
        if ch == ":" and (prev.isdigit() or prev == "") and (nxt.isdigit() or nxt == ""):
            continue  # times, ratios, a lone colon
        first = prev not in MARKS
        last = nxt not in MARKS and nxt != "."
        if last and nxt.isalpha():
            crosses = index[i + 1] != index[i] + 1
            spaced = prev in SPACES or prev in MARKS
            # across a tag any letter is glued; in running text only a capital,
            # so "mailto:x" and "10:am" stay
            if crosses or (nxt.isupper() and (spaced or prev.isalnum() or prev in ")»”")):
                at = space_position(text, index[i] + 1, index[i + 1])
                found.append(Spacing("glued-after", ch, _excerpt(plain, i), (at, at, " ")))
        if not first or i == 0:
            continue
        if lang == "fr" and not citation:
            want = NBSP if ch == ":" else NNBSP
            followed = nxt == "" or nxt in SPACES or nxt.isalpha() or nxt in "»)”\"'"
            if prev in SPACES:
                if prev != want and prev in " \u00a0\u202f\u2009":
                    j = index[i - 1]
                    found.append(
                        Spacing("wrong-space-before", ch, _excerpt(plain, i), (j, j + 1, want))
                    )
            elif (prev.isalnum() or prev in ")»”%") and followed:
                j = index[i]
                found.append(Spacing("missing-before", ch, _excerpt(plain, i), (j, j, want)))
        elif lang in ("en", "nl") and prev in SPACES and i >= 2:
            before = plain[i - 2]
            if before.isalnum() or before in ")»”%'’\"":
                if (
                    ch == ":"
                    and before.isdigit()
                    and nxt in SPACES
                    and plain[i + 2 : i + 3].isdigit()
                ):
                    continue  # a ratio, "3 : 1"
                j = index[i - 1]
                found.append(Spacing("space-before", ch, _excerpt(plain, i), (j, j + 1, "")))
    if kinds is not None:
        found = [p for p in found if p.kind in kinds]
    return found
