"""Translation memory: exact and fuzzy matches, TMX in and out.

The memory remembers every translated sentence of the project, per language
pair, so a sentence translated once (a title, a disclaimer, a recurring
caption) is offered again wherever it comes back, before any engine is asked.
``catalog`` builds it from the .po files (polib stays there) and ``translate``
queries it; this module knows nothing of gettext.

``units`` holds the data, ``model`` the lookups and precedence, ``index`` the
inverted index, ``store`` the JSONL file; TMX lives in :mod:`pipeline.formats.tmx`.
"""

from __future__ import annotations

from pipeline.memory.index import comparable
from pipeline.memory.model import (
    CODE_BONUS,
    CODE_PENALTY,
    DEFAULT_THRESHOLD,
    TranslationMemory,
    fit_codes,
    fuzzy_score,
)
from pipeline.memory.store import STORE_FORMAT, STORE_NAME
from pipeline.memory.units import TMMatch, TMUnit

__all__ = [
    "CODE_BONUS",
    "CODE_PENALTY",
    "DEFAULT_THRESHOLD",
    "STORE_FORMAT",
    "STORE_NAME",
    "TMMatch",
    "TMUnit",
    "TranslationMemory",
    "comparable",
    "fit_codes",
    "fuzzy_score",
]
