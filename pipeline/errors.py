"""Errors with context: the file, the line, what was expected, what to do.

Library code raises these; only ``cli`` turns them into one line on stderr and
an exit code, so a user mistake never shows a traceback.
"""

from __future__ import annotations

from pathlib import Path


class PipelineError(Exception):
    """Base of every error a user can cause and fix.

    ``str(error)`` is the one line the CLI prints: ``file:line: message (hint)``.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


class ConfigError(PipelineError):
    """A missing or invalid setting in ``[tool.tolk]`` or ``tolk.toml``."""


class InputError(PipelineError):
    """An input file that cannot be read: missing, binary, undecodable, malformed."""


class CatalogError(PipelineError):
    """A .po/.pot file that does not parse."""


class ModelError(PipelineError):
    """A translation model that is missing or cannot be installed or loaded."""
