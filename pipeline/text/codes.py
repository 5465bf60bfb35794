"""Inline codes: how markup inside a sentence is shown to translators and engines.

A sentence keeps its inline markup as short, attribute-free codes in the XLIFF
style, so a translator or a machine can move them but never see or break an
``href``:

* ``<gN>`` ... ``</gN>``: a paired inline element (strong, em, a, span, ...);
* ``<xN/>``: a standalone one (br, img, wbr).

``N`` counts from 1 in the order the codes open in the source sentence. The
attributes of every code are held aside by extraction and restored at merge.
Only these exact shapes are codes. A literal ``<`` in the text is written
``&lt;`` (and a literal ``&lt;`` or ``&amp;`` gets its ``&`` written ``&amp;``),
so no tool can mistake text for a code: see :func:`escape_text`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal, NamedTuple

OPENING = r"<g\d+>"
"""An opening paired code, as a pattern fragment to build other patterns with."""
CLOSING = r"</g\d+>"
"""A closing paired code, as a pattern fragment."""
STANDALONE = r"<x\d+/>"
"""A standalone code, as a pattern fragment."""
CODE_RE = re.compile(r"<(/?)g(\d+)>|<x(\d+)/>")

TokenKind = Literal["text", "open", "close", "empty"]


class Token(NamedTuple):
    """One piece of a coded sentence: text, or a code with its number.

    A NamedTuple rather than a dataclass: merge and the checks tokenize every
    sentence, and tuples are several times cheaper to make.
    """

    kind: TokenKind
    value: str
    id: int = 0

    @property
    def code(self) -> str:
        """The code as written: ``<g1>``, ``</g1>`` or ``<x2/>`` (empty for text)."""
        return self.value if self.kind != "text" else ""


@dataclass(frozen=True)
class CodeProblem:
    """Why a translation's codes do not fit its source's."""

    kind: Literal["missing", "extra", "duplicated", "unbalanced", "nesting"]
    code: str
    message: str


_ESCAPE_AMP = re.compile(r"&(?=(?:lt|amp);)")
_UNESCAPE = re.compile(r"&(lt|amp);")


def escape_text(text: str) -> str:
    """Plain text as it goes between codes: ``<`` as ``&lt;``.

    Only the ``&`` that starts ``&lt;`` or ``&amp;`` is escaped in turn, so
    "R&D" stays as translators expect it, yet every text comes back exactly.

    >>> escape_text("a <b & <g1> &lt;")
    'a &lt;b & &lt;g1> &amp;lt;'
    >>> unescape_text(escape_text("x &amp; <y &lt;z")) == "x &amp; <y &lt;z"
    True
    """
    if "&" in text:
        text = _ESCAPE_AMP.sub("&amp;", text)
    return text.replace("<", "&lt;") if "<" in text else text


def unescape_text(text: str) -> str:
    """The inverse of :func:`escape_text`, for text between codes.

    >>> unescape_text("&lt;prev &amp;lt; R&D")
    '<prev &lt; R&D'
    """
    if "&" not in text:
        return text
    return _UNESCAPE.sub(lambda m: "<" if m.group(1) == "lt" else "&", text)


def tokenize(text: str) -> list[Token]:
    """Split a coded sentence into text and code tokens.

    >>> [t.kind for t in tokenize("a <g1>b</g1><x2/>")]
    ['text', 'open', 'text', 'close', 'empty']
    """
    tokens: list[Token] = []
    pos = 0
    for m in CODE_RE.finditer(text):
        if m.start() > pos:
            tokens.append(Token("text", text[pos : m.start()]))
        if m.group(3) is not None:
            tokens.append(Token("empty", m.group(0), int(m.group(3))))
        elif m.group(1):
            tokens.append(Token("close", m.group(0), int(m.group(2))))
        else:
            tokens.append(Token("open", m.group(0), int(m.group(2))))
        pos = m.end()
    if pos < len(text):
        tokens.append(Token("text", text[pos:]))
    return tokens


def strip_codes(text: str) -> str:
    """The plain text of a coded sentence, as a reader sees it.

    >>> strip_codes("Le <g1>magnésium</g1> aide.<x2/> a &lt; b")
    'Le magnésium aide. a < b'
    """
    return unescape_text(CODE_RE.sub("", text))


def codes_of(text: str) -> list[str]:
    """The codes of a sentence in order of appearance.

    >>> codes_of("<g1>a</g1> b <x2/>")
    ['<g1>', '</g1>', '<x2/>']
    """
    return [m.group(0) for m in CODE_RE.finditer(text)]


def has_codes(text: str) -> bool:
    """True when the sentence carries at least one inline code."""
    return CODE_RE.search(text) is not None


def code_problems(source: str, target: str) -> list[CodeProblem]:
    """Everything wrong with the codes of ``target`` measured against ``source``.

    A translation may move codes (word order differs between languages) but must
    keep each exactly once, closed after it opens and properly nested, or merge
    could not rebuild valid markup from it.

    >>> code_problems("<g1>a</g1> <x2/>", "<x2/> <g1>a</g1>")
    []
    >>> [p.kind for p in code_problems("<g1>a</g1>", "<g1>a")]
    ['missing']
    >>> [p.kind for p in code_problems("<g1>a <g2>b</g2></g1>", "<g1>a <g2>b</g1></g2>")]
    ['nesting']
    """
    if "<" not in source and "<" not in target:
        return []  # no codes on either side (most sentences): nothing to compare
    source_codes = codes_of(source)
    target_codes = codes_of(target)
    if source_codes == target_codes:
        return []  # same codes in the same order: balanced as the source is
    problems: list[CodeProblem] = []
    want = Counter(source_codes)
    have = Counter(target_codes)
    for code in sorted(want):
        if have[code] == 0:
            problems.append(CodeProblem("missing", code, f"code {code} is missing"))
        elif have[code] > want[code]:
            problems.append(
                CodeProblem("duplicated", code, f"code {code} appears {have[code]} times")
            )
    for code in sorted(have):
        if want[code] == 0:
            problems.append(CodeProblem("extra", code, f"code {code} is not in the source"))
    if problems:
        return problems
    stack: list[int] = []
    for tok in tokenize(target):
        if tok.kind == "open":
            stack.append(tok.id)
        elif tok.kind == "close":
            if tok.id not in stack:
                problems.append(
                    CodeProblem("unbalanced", tok.code, f"code {tok.code} closes before it opens")
                )
            elif stack[-1] != tok.id:
                problems.append(
                    CodeProblem("nesting", tok.code, f"code {tok.code} closes across another code")
                )
                stack.remove(tok.id)
            else:
                stack.pop()
    return problems


def renumber(text: str, mapping: dict[int, int]) -> str:
    """Rename code numbers, e.g. to show a sentence's codes counted from 1.

    >>> renumber("<g3>a</g3><x4/>", {3: 1, 4: 2})
    '<g1>a</g1><x2/>'
    """

    def sub(m: re.Match[str]) -> str:
        if m.group(3) is not None:
            return f"<x{mapping.get(int(m.group(3)), int(m.group(3)))}/>"
        n = mapping.get(int(m.group(2)), int(m.group(2)))
        return f"<{m.group(1)}g{n}>"

    return CODE_RE.sub(sub, text)


CodeTag = tuple[int, str, tuple[tuple[str, str], ...]]
CodeText = tuple[int, str]
"""(number, visible text) of a code kept whole: ``(1, "Shift")`` for a ``<kbd>``."""
_SHOWN_VALUE = 40  # longer attribute values are cut: the comment is a reminder, not a copy


def describe_codes(text: str, code_tags: tuple[CodeTag, ...]) -> str:
    """What each code of ``text`` stands for, as a translator's comment.

    Translators see ``<g1>`` where the page has a link: the comment shows the
    markup, as Translate Toolkit and Okapi show it, without putting it in
    the msgid where it could be broken.

    >>> describe_codes("<g1>a</g1> <g2>b</g2><x3/>",
    ...     ((1, "a", (("href", "/nl/a"),)), (2, "strong", ()), (3, "br", ())))
    'g1 = <a href="/nl/a">, g2 = <strong>, x3 = <br>'
    >>> describe_codes("<x1/>", ((1, "#comment", ()),))
    'x1 = <!-- -->'
    """
    kinds = {
        int(m.group(2) or m.group(3)): "x" if m.group(3) else "g" for m in CODE_RE.finditer(text)
    }
    parts = []
    for number, tag, attrs in code_tags:
        if number not in kinds:
            continue
        if tag == "#comment":
            shown = "<!-- -->"
        else:
            shown = "".join(f' {name}="{_cut(value)}"' for name, value in attrs)
            shown = f"<{tag}{shown}>"
        parts.append(f"{kinds[number]}{number} = {shown}")
    return ", ".join(parts)


def _cut(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= _SHOWN_VALUE else value[: _SHOWN_VALUE - 3] + "..."


def show_markup(
    text: str, code_tags: tuple[CodeTag, ...] = (), shows: tuple[CodeText, ...] = ()
) -> str:
    """A coded sentence as a person reads it: each code as the tag it stands for.

    People reading a report know ``<a>`` and ``<strong>``, not ``<g1>``: a code
    whose tag is known is shown as that tag (without its attributes), an
    unknown one is dropped, leaving the plain text. A code kept whole shows
    its words (``shows``) inside its tag: ``<kbd>Shift</kbd>``.

    >>> show_markup("Le <g1>magnésium</g1> aide.<x2/>", ((1, "a", ()), (2, "br", ())))
    'Le <a>magnésium</a> aide.<br>'
    >>> show_markup("Published on <g1>18 november</g1> &lt;3")
    'Published on 18 november <3'
    >>> show_markup("Press <x1/>.", ((1, "kbd", ()),), ((1, "Shift"),))
    'Press <kbd>Shift</kbd>.'
    """
    tags = {number: tag for number, tag, _attrs in code_tags if not tag.startswith("#")}
    shown = dict(shows)

    def sub(m: re.Match[str]) -> str:
        number = int(m.group(2) or m.group(3))
        tag = tags.get(number)
        words = escape_text(shown.get(number, "")) if m.group(3) is not None else ""
        if tag is None:
            return words
        if words:
            return f"<{tag}>{words}</{tag}>"
        return f"<{m.group(1) or ''}{tag}>"

    return unescape_text(CODE_RE.sub(sub, text))


def reader_text(text: str, shows: tuple[CodeText, ...] = ()) -> str:
    """A coded sentence as a reader sees it: codes removed, and a code kept whole
    (a ``<kbd>``, a ``<code>``, a span in another language) replaced by the text it
    shows, so "Press and hold the <x1/> key" reads "Press and hold the Shift key".

    >>> reader_text("Press <x1/> then <g2>Enter</g2>.<x3/> a &lt; b", ((1, "Shift"),))
    'Press Shift then Enter. a < b'
    """
    if not shows:
        return strip_codes(text)
    shown = dict(shows)

    def sub(m: re.Match[str]) -> str:
        return escape_text(shown.get(int(m.group(3)), "")) if m.group(3) is not None else ""

    return unescape_text(CODE_RE.sub(sub, text))


def reader_offsets(text: str, shows: tuple[CodeText, ...] = ()) -> list[int]:
    """For each offset 0..len(strip_codes(text)), its offset in :func:`reader_text`.

    Offsets of the plain text (marks of a finding) carried over to the text a
    reader sees, past the words of each code kept whole.

    >>> reader_offsets("a <x1/>b", ((1, "Fn"),))
    [0, 1, 4, 5]
    """
    shown = dict(shows)
    out: list[int] = []
    pos = 0
    for tok in tokenize(text):
        if tok.kind == "text":
            for _ in unescape_text(tok.value):
                out.append(pos)
                pos += 1
        elif tok.kind == "empty":
            pos += len(shown.get(tok.id, ""))
    out.append(pos)
    return out


def recover_shows(text: str, reader: str) -> tuple[CodeText, ...]:
    """The visible texts of the codes kept whole, given a coded sentence and the
    reader's text of it (a saved report holds both); () when they do not fit.

    >>> recover_shows("Press <x1/> and <x2/>.<x3/>", "Press Ctrl and Fn.")
    ((1, 'Ctrl'), (2, 'Fn'))
    >>> recover_shows("Press <x1/>", "something else")
    ()
    """
    if "<x" not in text:
        return ()
    pattern: list[str] = []
    numbers: list[int] = []
    for tok in tokenize(text):
        if tok.kind == "text":
            pattern.append(re.escape(unescape_text(tok.value)))
        elif tok.kind == "empty":
            pattern.append("(.*?)")
            numbers.append(tok.id)
    m = re.fullmatch("".join(pattern), reader, re.DOTALL)
    if m is None:
        return ()
    return tuple((n, value) for n, value in zip(numbers, m.groups(), strict=True) if value)
