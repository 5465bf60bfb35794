"""Segments: the translatable pieces of a page, as plain data with no I/O.

A :class:`Segment` is what a translator sees as one entry: a sentence of a
block of text, or a translatable attribute, with enough context (a stable key,
a readable location and the source line) for merge to put its translation
back and for a person to find it in the page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from pipeline.text.codes import strip_codes

SegmentKind = Literal["text", "attribute", "meta", "jsonld"]

# What kind of thing a segment is on the page; checks use it to judge text
# (a reference list item may be in English on any page; a byline may not).
Context = Literal[
    "heading",
    "paragraph",
    "list-item",
    "attribute",
    "meta",
    "byline",
    "reference",
    "caption",
    "button",
    "text",
]


@dataclass(frozen=True)
class Segment:
    """One translatable unit of a page.

    ``text`` carries inline codes (see :mod:`pipeline.text.codes`); ``unit`` and
    ``index`` say which block of text it came from and its place in it, so the
    sentences of a block can be joined again at merge.
    """

    key: str
    text: str
    location: str
    line: int
    lang: str
    kind: SegmentKind = "text"
    context: Context = "text"
    unit: int = 0
    index: int = 0
    note: str | None = None
    foreign: str | None = None
    separator: str = " "
    # What each inline code stands for: (number, tag, attributes). Checks use
    # it (a <time datetime> code, a link's href); catalogs do not store it.
    code_tags: tuple[tuple[int, str, tuple[tuple[str, str], ...]], ...] = ()
    # The words a reader sees in each code kept whole (a <kbd>, a <code>, a span
    # in another language): (number, text). Reports show them; nothing translates them.
    code_texts: tuple[tuple[int, str], ...] = ()

    @property
    def plain(self) -> str:
        """The text a reader sees, without inline codes."""
        return strip_codes(self.text)

    @property
    def translatable(self) -> bool:
        """False for text deliberately in another language (kept as is)."""
        return self.foreign is None

    @property
    def words(self) -> int:
        """Word count of the plain text, for statistics."""
        return len(self.plain.split())


@dataclass(frozen=True)
class Page:
    """The segments of one page, in page order."""

    path: str
    lang: str
    segments: tuple[Segment, ...] = field(default_factory=tuple)

    def __iter__(self) -> Iterator[Segment]:
        return iter(self.segments)

    def __len__(self) -> int:
        return len(self.segments)

    @property
    def translatable(self) -> tuple[Segment, ...]:
        """The segments that go into catalogs."""
        return tuple(s for s in self.segments if s.translatable)


class KeyMaker:
    """Give stable keys: the same text at the same kind of place keeps its key.

    The key hashes the location (a path without sibling positions) and the
    text, so an edit elsewhere in the page does not move it; a repeat of the
    same text at the same location gets a numbered suffix.

    >>> keys = KeyMaker()
    >>> keys.make("article > p", "Bonjour.") == KeyMaker().make("article > p", "Bonjour.")
    True
    >>> keys.make("article > p", "Bonjour.").endswith("-2")
    True
    """

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}
        self._stems: dict[str, str] = {}

    def make(self, location: str, text: str) -> str:
        """The key for the next occurrence of ``text`` at ``location``."""
        digest = hashlib.sha1(f"{location}\x00{text}".encode()).hexdigest()[:8]
        stem = self._stems.get(location)
        if stem is None:
            stem = self._stems[location] = _stem(location)
        base = f"{stem}-{digest}"
        count = self._seen.get(base, 0) + 1
        self._seen[base] = count
        return base if count == 1 else f"{base}-{count}"


def _stem(location: str) -> str:
    """The readable start of a key: the element's tag, and the attribute if any.

    >>> _stem("figure > img.hero@alt"), _stem("article > p.lead"), _stem("meta[name=x]@content")
    ('img-alt', 'p', 'meta-content')
    """
    head = location.rsplit(" > ", 1)[-1].split("@", 1)
    stem = head[0].split(".", 1)[0].split("#", 1)[0].split("[", 1)[0] or "text"
    if len(head) > 1:
        stem += "-" + head[1].replace(":", "-").replace(".", "-")
    return stem
