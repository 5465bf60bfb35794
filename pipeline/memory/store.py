"""The memory's own file: JSON Lines under ``locales/``.

Store
    The memory's own file is ``locales/memory.jsonl``: a header line, then one
    JSON object per unit, sorted by language pair, source and target, written
    with keys in a fixed order and without escaping non-ASCII text. JSON Lines
    rather than TMX because one unit is one line, so a changed translation is a
    one-line diff in review, texts keep Tolk's codes exactly as the .po files
    show them (TMX would turn them into escaped ``<bpt>`` markup), and newlines
    or odd characters inside a text cannot break the layout. TMX remains the
    exchange format with other tools (:meth:`TranslationMemory.export_tmx`,
    :meth:`TranslationMemory.import_tmx`).

"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from pipeline.errors import InputError
from pipeline.memory.units import TMUnit
from pipeline.storage import write_atomic

STORE_NAME = "memory.jsonl"
"""File name of the memory's store under ``locales/``."""

STORE_FORMAT = "tolk-memory"
STORE_VERSION = 1


def write_store(path: Path, units: Iterable[TMUnit]) -> None:
    """Write units as the store (JSON Lines, in the order given) atomically."""
    header = {"format": STORE_FORMAT, "version": STORE_VERSION}
    lines = [json.dumps(header, ensure_ascii=False)]
    for unit in units:
        record = {
            "src": unit.src_lang,
            "tgt": unit.tgt_lang,
            "source": unit.source,
            "target": unit.target,
            "fuzzy": unit.fuzzy,
            "origin": unit.origin,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    write_atomic(path, "\n".join(lines) + "\n")


def read_store(path: Path) -> list[TMUnit]:
    """The units of a store written by :func:`write_store`; a bad line raises ``InputError``."""
    text = read_text(path)
    units: list[TMUnit] = []
    lines = text.split("\n")
    try:
        header = json.loads(lines[0])
    except json.JSONDecodeError:
        header = None
    if not isinstance(header, dict) or header.get("format") != STORE_FORMAT:
        raise InputError(
            "not a Tolk memory store",
            path=path,
            line=1,
            hint=f'the first line should be {{"format": "{STORE_FORMAT}", ...}}',
        )
    if header.get("version") != STORE_VERSION:
        raise InputError(
            f"memory store version {header.get('version')!r} is not supported",
            path=path,
            line=1,
            hint=f"this Tolk reads version {STORE_VERSION}; rebuild the memory",
        )
    for number, line in enumerate(lines[1:], start=2):
        if line.strip():
            units.append(_unit_from_json(line, path, number))
    return units


def _unit_from_json(line: str, path: Path, number: int) -> TMUnit:
    """One store line as a unit, or an ``InputError`` naming the line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(
            f"not valid JSON: {error.msg}",
            path=path,
            line=number,
            hint="fix or delete the line, or rebuild the memory",
        ) from None
    strings = ("src", "tgt", "source", "target", "origin")
    if (
        not isinstance(record, dict)
        or any(not isinstance(record.get(k), str) for k in strings)
        or not isinstance(record.get("fuzzy"), bool)
    ):
        raise InputError(
            "a memory unit needs src, tgt, source, target, origin (strings) and fuzzy (boolean)",
            path=path,
            line=number,
            hint="fix or delete the line, or rebuild the memory",
        )
    return TMUnit(
        record["src"],
        record["tgt"],
        record["source"],
        record["target"],
        record["fuzzy"],
        record["origin"],
    )


def read_text(path: Path) -> str:
    """A UTF-8 file's text, or an ``InputError`` saying why it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("file not found", path=path, hint="check the path") from None
    except UnicodeDecodeError as error:
        raise InputError(
            f"not UTF-8 text ({error.reason} at byte {error.start})", path=path
        ) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=path) from None
