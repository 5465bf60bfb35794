"""Counts in messages: ``1 error``, ``2 errors``, never ``1 errors``."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for one and plural otherwise.

    English only: the messages of ``tolk`` are English; the plural is the noun
    with an ``s`` unless given (``counted(2, "entry", "entries")``).

    >>> counted(1, "error"), counted(0, "error"), counted(3, "entry", "entries")
    ('1 error', '0 errors', '3 entries')
    """
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"
