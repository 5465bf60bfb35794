"""Project settings: ``[tool.tolk]`` in ``pyproject.toml``, or a ``tolk.toml``.

Settings are read once into a frozen :class:`Settings`. Every key is checked
against its expected type, so a typo or a wrong value stops the run with one
line that names the file and the key, instead of failing later somewhere deep.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError
from pipeline.languages import LANGUAGES


@dataclass(frozen=True)
class Settings:
    """Where things are and how strict Tolk is; relative paths are from ``root``."""

    root: Path = field(default_factory=Path.cwd)
    source_dir: str = "source_articles"
    locales_dir: str = "locales"
    build_dir: str = "build"
    languages: tuple[str, ...] = LANGUAGES
    fuzzy_threshold: float = 75.0
    disabled_checks: tuple[str, ...] = ()
    engine: str = "argos"
    beam_size: int = 2
    batch_size: int = 32
    # Articles that are one article in several languages, when the pages do not
    # say so with hreflang links; the first name of each is the original.
    families: tuple[tuple[str, ...], ...] = ()
    link_patterns: tuple[tuple[str, str], ...] = ()
    """Public URL of an article per language, ``{slug}`` for its name
    (``{"fr" = "https://www.longevia.nl/fr/{slug}.html"}``): how a built page links
    to a sibling article, and its canonical, when Tolk cannot tell them itself."""
    apply_machine_fixes: bool = False
    """May ``tolk fix`` paste machine output into a page unreviewed? No by default:
    a fix must not publish text nobody read."""
    allow_outside_project: bool = False
    """May ``source_dir``, ``locales_dir`` or ``build_dir`` lie outside the
    project folder? No by default: a project checked out from someone else's
    repository must not make Tolk write elsewhere without saying so."""
    publish_fuzzy: bool = True
    """Does ``tolk build`` publish fuzzy (unreviewed) translations, or fall back to
    the source text? Yes by default: a draft page is the point of a preview
    build; the build summary counts them, so nobody mistakes them for reviewed."""
    # Site rules (see pipeline.html.rules): CSS selectors of elements not to
    # translate and of elements treated as inline, extra attributes to translate.
    skip_selectors: tuple[str, ...] = ()
    inline_selectors: tuple[str, ...] = ()
    translate_attributes: tuple[str, ...] = ()
    """Attribute names, each optionally after a selector and ``@``:
    ``"data-tooltip"``, ``"figure img@data-caption"``."""
    config_path: str | None = None

    @property
    def sources(self) -> Path:
        """Folder of the source articles."""
        return self.root / self.source_dir

    @property
    def locales(self) -> Path:
        """Folder of templates, catalogs, memory and glossary."""
        return self.root / self.locales_dir

    @property
    def build(self) -> Path:
        """Folder of built pages and reports."""
        return self.root / self.build_dir

    def relative(self, path: Path) -> str:
        """A path as catalogs and reports write it: from the project, with slashes."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


# key -> (python type check, human description)
_SCHEMA: dict[str, tuple[type | tuple[type, ...], str]] = {
    "source_dir": (str, "a folder path (string)"),
    "locales_dir": (str, "a folder path (string)"),
    "build_dir": (str, "a folder path (string)"),
    "languages": (list, f"a list of language codes among {', '.join(LANGUAGES)}"),
    "fuzzy_threshold": ((int, float), "a number from 0 to 100"),
    "disabled_checks": (list, "a list of check ids"),
    "engine": (str, 'an engine name ("argos")'),
    "beam_size": (int, "a whole number from 1 to 16"),
    "batch_size": (int, "a whole number from 1 to 1024"),
    "families": (list, 'a list of article-name lists, original first: [["a-en", "a-fr"]]'),
    "link_patterns": (dict, 'a table of language -> URL with {slug}: {fr = "https://x/fr/{slug}"}'),
    "apply_machine_fixes": (bool, "true or false"),
    "publish_fuzzy": (bool, "true or false"),
    "allow_outside_project": (bool, "true or false"),
    "skip_selectors": (list, 'a list of CSS selectors: ["aside.ad", ".no-l10n"]'),
    "inline_selectors": (list, 'a list of CSS selectors: ["x-icon", "span.tag"]'),
    "translate_attributes": (
        list,
        'a list of attribute names, optionally scoped: ["data-tooltip", "figure@data-caption"]',
    ),
}
_STRING_LISTS = ("disabled_checks", "skip_selectors", "inline_selectors", "translate_attributes")


def find_config(start: Path) -> Path | None:
    """The nearest ``tolk.toml``, or ``pyproject.toml`` with ``[tool.tolk]``, upward."""
    for folder in (start, *start.parents):
        candidate = folder / "tolk.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "[tool.tolk]" in candidate.read_text(
            encoding="utf-8", errors="replace"
        ):
            return candidate
    return None


def load_settings(path: Path | None = None, *, start: Path | None = None) -> Settings:
    """Read and validate the settings; defaults when no config file exists.

    Raises :class:`ConfigError` naming the file and key for anything invalid.
    """
    if path is None:
        path = find_config((start or Path.cwd()).resolve())
    if path is None:
        return Settings(root=(start or Path.cwd()).resolve())
    if not path.is_file():
        raise ConfigError("config file not found", path=path, hint="check the --config path")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        line = _toml_error_line(exc)
        raise ConfigError(f"invalid TOML: {exc}", path=path, line=line) from None
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", path=path, hint="save it as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", path=path) from None
    nested = data.get("tool", {}).get("tolk") if isinstance(data.get("tool"), dict) else None
    if path.name == "pyproject.toml":
        if nested is None:
            raise ConfigError("no [tool.tolk] table", path=path, hint="add one, or use tolk.toml")
        table: Any = nested
    else:
        # tolk.toml or any file given with --config: settings at the top level
        # (a [tool.tolk] table is accepted too).
        table = nested if nested is not None else data
    return _validate(table, path)


def _toml_error_line(exc: tomllib.TOMLDecodeError) -> int | None:
    text = str(exc)
    marker = "line "
    if marker in text:
        digits = text.split(marker, 1)[1].split(",")[0].split(")")[0]
        if digits.isdigit():
            return int(digits)
    return None


def _validate(table: Any, path: Path) -> Settings:
    if not isinstance(table, dict):
        raise ConfigError("[tool.tolk] must be a table", path=path)
    known = {f.name for f in fields(Settings)} - {"root", "config_path"}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(
                f"unknown setting '{key}'",
                path=path,
                hint=f"known settings: {', '.join(sorted(known))}",
            )
        kind, description = _SCHEMA[key]
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            raise ConfigError(f"setting '{key}' must be {description}, not {value!r}", path=path)
        values[key] = value
    _check_ranges(values, path)
    if "languages" in values:
        values["languages"] = tuple(values["languages"])
    for key in _STRING_LISTS:
        if key in values:
            values[key] = tuple(values[key])
    if "families" in values:
        values["families"] = tuple(tuple(names) for names in values["families"])
    if "fuzzy_threshold" in values:
        values["fuzzy_threshold"] = float(values["fuzzy_threshold"])
    if "link_patterns" in values:
        values["link_patterns"] = tuple(sorted(values["link_patterns"].items()))
    root = path.parent.resolve()
    if not values.get("allow_outside_project", False):
        for key in ("source_dir", "locales_dir", "build_dir"):
            folder = (root / values.get(key, _DEFAULT_DIRS[key])).resolve()
            if not folder.is_relative_to(root):
                raise ConfigError(
                    f"setting '{key}' = {values[key]!r} is outside the project folder {root}",
                    path=path,
                    hint="use a folder inside the project, or set allow_outside_project = true",
                )
    return Settings(root=root, config_path=str(path), **values)


_DEFAULT_DIRS = {"source_dir": "source_articles", "locales_dir": "locales", "build_dir": "build"}


def _check_ranges(values: dict[str, Any], path: Path) -> None:
    def bad(key: str) -> ConfigError:
        return ConfigError(
            f"setting '{key}' must be {_SCHEMA[key][1]}, not {values[key]!r}", path=path
        )

    langs = values.get("languages")
    if langs is not None and (
        not langs or any(lang not in LANGUAGES for lang in langs) or len(set(langs)) != len(langs)
    ):
        raise bad("languages")
    if not 0 <= values.get("fuzzy_threshold", 75) <= 100:
        raise bad("fuzzy_threshold")
    if not 1 <= values.get("beam_size", 2) <= 16:
        raise bad("beam_size")
    if not 1 <= values.get("batch_size", 32) <= 1024:
        raise bad("batch_size")
    for key in _STRING_LISTS:
        if any(
            not isinstance(c, str) or (key != "disabled_checks" and not c.strip())
            for c in values.get(key, [])
        ):
            raise bad(key)
    families = values.get("families", [])
    if any(
        not isinstance(names, list)
        or len(names) < 2
        or any(not isinstance(n, str) or not n for n in names)
        for names in families
    ):
        raise bad("families")
    if values.get("engine", "argos") != "argos":
        raise bad("engine")
    patterns = values.get("link_patterns", {})
    if any(
        lang not in LANGUAGES or not isinstance(url, str) or "{slug}" not in url
        for lang, url in patterns.items()
    ):
        raise bad("link_patterns")
