"""Plain <-> coded offsets: the plain text of a coded sentence and where each
plain character sits in the coded one.

Checks and fixers read words in the plain text but must edit the coded text;
this map is the one bridge between the two views.
"""

from __future__ import annotations

import re

from pipeline.text.codes import CODE_RE

_CODE_OR_ESCAPE = re.compile(CODE_RE.pattern + r"|&(lt|amp);")


def plain_map(text: str, *, escapes: bool = True) -> tuple[str, list[int]]:
    """The plain text of a coded sentence and each plain character's coded index.

    Codes go; with ``escapes`` (the checks' view) the escapes of a literal ``<``
    or ``&`` (``&lt;``, ``&amp;``) read as the character they stand for, so no
    check sees the ``;`` of ``&lt;``. The sentence splitter cuts the coded text
    as written and passes ``escapes=False``.

    >>> plain_map("a<g1>b</g1>")
    ('ab', [0, 5])
    >>> plain_map("a &lt;b")
    ('a <b', [0, 1, 2, 6])
    >>> plain_map("a &lt;b", escapes=False)
    ('a &lt;b', [0, 1, 2, 3, 4, 5, 6])
    """
    if "<" not in text and (not escapes or "&" not in text):
        return text, list(range(len(text)))
    chars: list[str] = []
    index: list[int] = []
    pos = 0
    for m in (_CODE_OR_ESCAPE if escapes else CODE_RE).finditer(text):
        chars.append(text[pos : m.start()])
        index.extend(range(pos, m.start()))
        if escapes and m.group(4):
            chars.append("<" if m.group(4) == "lt" else "&")
            index.append(m.start())
        pos = m.end()
    chars.append(text[pos:])
    index.extend(range(pos, len(text)))
    return "".join(chars), index
