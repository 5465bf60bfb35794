"""Plain <-> coded offsets: the plain text of a coded sentence and where each
plain character sits in the coded one.

Checks and fixers read words in the plain text but must edit the coded text;
this map is the one bridge between the two views."""

from __future__ import annotations

from pipeline.text.codes import CODE_RE


def plain_map(text: str) -> tuple[str, list[int]]:
    """The plain text of a coded sentence and each plain character's coded index.

    >>> plain_map("a<g1>b</g1>")
    ('ab', [0, 5])
    """
    if "<" not in text:
        return text, list(range(len(text)))
    chars: list[str] = []
    index: list[int] = []
    pos = 0
    for m in CODE_RE.finditer(text):
        chars.append(text[pos : m.start()])
        index.extend(range(pos, m.start()))
        pos = m.end()
    chars.append(text[pos:])
    index.extend(range(pos, len(text)))
    return "".join(chars), index
