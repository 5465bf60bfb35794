"""Units of measure written after numbers in the articles, and their spellings.

The ``numbers`` check compares a number with its unit between a source and its
translation; spellings of one unit (``μg``, ``mcg``) count as the same unit.
(The leftover judge needs no list: it blanks any short lowercase token after
a number, whatever the unit.)

>>> import re
>>> re.fullmatch(UNIT_PATTERN, "mcg") is not None, UNIT_ALIASES["mcg"]
(True, 'µg')
"""

from __future__ import annotations

UNITS: tuple[str, ...] = (
    "mg", "µg", "μg", "mcg", "kg", "g", "ml", "mL", "cl", "dl", "%",
    "IU", "UI", "IE", "kcal", "mmol", "µmol", "nmol", "mm", "cm", "km",
)  # fmt: skip
"""Units, longest spelling first where one is the start of another (``mg`` before ``g``)."""

UNIT_ALIASES: dict[str, str] = {"μg": "µg", "mcg": "µg", "UI": "IU", "IE": "IU", "mL": "ml"}
"""Other spellings of a unit -> the spelling compared."""

UNIT_PATTERN = "|".join(UNITS)
"""The units as a regex alternation (none needs escaping)."""
