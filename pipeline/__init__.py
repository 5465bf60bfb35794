"""Tolk: translate and localise web articles between French, Dutch and English.

The package is laid out like the pipeline itself: ``html.extract`` turns pages
into segments, ``catalog`` keeps them as gettext catalogs, ``memory`` and
``translate`` fill them, ``html.merge`` builds translated pages, and
``checks`` / ``fixes`` find and repair leftovers.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
