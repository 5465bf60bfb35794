"""Filling catalogs: translation memory first, then a machine engine."""

from __future__ import annotations

from pipeline.catalog import Suggest
from pipeline.config import Settings


def memory_suggester(settings: Settings):  # type: ignore[no-untyped-def]
    """A function giving, per language pair, the memory's best suggestion."""
    return None


__all__ = ["Suggest", "memory_suggester"]
