"""Machine translation engines behind one small interface, and a registry of them.

``translate`` asks an engine for what the translation memory cannot fill. An
engine is anything with a ``name``, the pairs it reaches and a batch
``translate``; engines register a factory here by name, and their modules are
imported only when asked for, so ``import pipeline.engines`` pulls in no model
library.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pipeline.errors import ConfigError

__all__ = [
    "Engine",
    "MachineTranslation",
    "available_engines",
    "get_engine",
    "register_engine",
]


@dataclass(frozen=True)
class MachineTranslation:
    """One machine translation, with the models that made it.

    ``text`` carries exactly the source's inline codes, balanced. ``path`` lists
    the models in order, two when the pair went through a pivot language.
    """

    text: str
    engine: str
    path: tuple[str, ...]
    cached: bool = False

    @property
    def comment(self) -> str:
        """The extracted comment that marks machine output in the catalog.

        >>> MachineTranslation("x", "argos", ("nl_en-1.8", "en_fr-1.9")).comment
        'machine: argos nl_en-1.8 + en_fr-1.9'
        """
        return f"machine: {self.engine} {' + '.join(self.path)}".rstrip()


class Engine(Protocol):
    """What ``translate`` needs from a machine translation engine."""

    name: str

    def pairs(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """Reachable (source, target) pairs and the model path each one uses."""
        ...

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        progress: Callable[[int], None] | None = None,
    ) -> list[MachineTranslation]:
        """Translate coded sentences, one result per text, in order.

        Raises ``pipeline.errors.ModelError`` when no model reaches the pair.
        """
        ...


EngineFactory = Callable[..., Engine]

_FACTORIES: dict[str, str | EngineFactory] = {
    "argos": "pipeline.engines.argos.engine:ArgosEngine",
}


def register_engine(name: str, factory: str | EngineFactory) -> None:
    """Make an engine available by name: a factory, or ``"module:attribute"`` to import late."""
    _FACTORIES[name] = factory


def available_engines() -> list[str]:
    """Names ``get_engine`` accepts.

    >>> "argos" in available_engines()
    True
    """
    return sorted(_FACTORIES)


def get_engine(name: str = "argos", **options: Any) -> Engine:
    """An engine by name, built with ``options`` (for argos: see ``ArgosEngine``)."""
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise ConfigError(
            f"unknown translation engine {name!r}",
            hint=f"choose one of: {', '.join(available_engines())}",
        ) from None
    if isinstance(factory, str):
        module, _, attribute = factory.partition(":")
        factory = getattr(importlib.import_module(module), attribute)
    engine: Engine = factory(**options)
    return engine
