"""Tolk: translate and localise web articles between French, Dutch and English.

The package is laid out like the pipeline itself: ``html.extract`` turns pages
into segments, ``catalogs`` keeps them as gettext catalogs, ``memory`` and
``stages.translate`` fill them, ``html.merge`` builds translated pages,
``checks`` / ``fixes`` find and repair leftovers, and ``cli`` is the ``tolk``
command. Data flows one way: text -> checks -> fixes -> commands.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
