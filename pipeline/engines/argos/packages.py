"""Argos Translate models: which are installed, which pairs they reach, installing more.

Everything goes through argostranslate's own package layer
(``argostranslate.package``), so Tolk reads and writes exactly the packages
``argospm`` and LibreTranslate do. This is the only module that imports it,
lazily: listing models should not cost the start-up of commands that need none.

The packages directory is argostranslate's: ``ARGOS_PACKAGES_DIR`` (or its
``settings.json``), read at each call rather than frozen at import as
argostranslate does, so a test or a CLI flag can point elsewhere.
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import types
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pipeline.errors import ModelError

PIVOT_LANGUAGES = ("en",)
"""Languages a two-model path may go through, in order of preference."""

INSTALL_HINT = (
    "online: `tolk models install {pairs}`; "
    "offline: download the .argosmodel files elsewhere and run "
    "`tolk models install --from FILE.argosmodel`"
)

INDEX_UNREACHABLE = (
    "cannot reach the Argos package index; download the .argosmodel files elsewhere "
    "and run `tolk models install --from FILE`"
)

Tokenizer = Literal["sentencepiece", "bpe", "none"]


@dataclass(frozen=True)
class ModelInfo:
    """One installed Argos package, as ``tolk models list`` shows it."""

    from_code: str
    to_code: str
    version: str
    path: Path
    size: int
    from_name: str = ""
    to_name: str = ""
    tokenizer: Tokenizer = "sentencepiece"
    target_prefix: str = ""

    @property
    def code(self) -> str:
        """The name used in comments and cache keys, e.g. ``nl_en-1.8``."""
        return f"{self.from_code}_{self.to_code}-{self.version}"

    @property
    def pair(self) -> str:
        """The pair as the install command spells it, e.g. ``nl-en``."""
        return f"{self.from_code}-{self.to_code}"


def resolve_packages_dir(override: str | Path | None = None) -> Path:
    """Where Argos packages live: ``override``, else argostranslate's setting now."""
    if override is not None:
        return Path(override)
    from argostranslate import settings

    return Path(settings.get_setting("ARGOS_PACKAGES_DIR", default=settings.data_dir / "packages"))


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _version_key(version: str) -> tuple[int, Any]:
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def _info(pkg: Any) -> ModelInfo:
    path = Path(pkg.package_path)
    tokenizer: Tokenizer = "none"
    if (path / "sentencepiece.model").exists():
        tokenizer = "sentencepiece"
    elif (path / "bpe.model").exists():
        tokenizer = "bpe"
    return ModelInfo(
        from_code=pkg.from_code,
        to_code=pkg.to_code,
        version=str(pkg.package_version),
        path=path,
        size=_dir_size(path),
        from_name=pkg.from_name or "",
        to_name=pkg.to_name or "",
        tokenizer=tokenizer,
        target_prefix=getattr(pkg, "target_prefix", "") or "",
    )


def list_models(packages_dir: str | Path | None = None) -> list[ModelInfo]:
    """Installed translation packages, sorted by pair then newest version first.

    Each folder is read with argostranslate's ``Package``, one at a time:
    ``get_installed_packages`` fails whole on one folder without metadata (a
    half-copied package, a stray directory), which would hide every model.
    """
    from argostranslate import package

    directory = resolve_packages_dir(packages_dir)
    if not directory.is_dir():
        return []
    found = []
    for path in sorted(directory.iterdir()):
        if not path.is_dir():
            continue
        try:
            pkg = package.Package(path)
        except (OSError, ValueError):  # no or unreadable metadata.json: not a package
            continue
        if pkg.type == "translate" and pkg.from_code and pkg.to_code:
            found.append(_info(pkg))
    found.sort(key=lambda m: _version_key(m.version), reverse=True)
    found.sort(key=lambda m: (m.from_code, m.to_code))
    return found


def reachable_pairs(
    models: Sequence[ModelInfo] | None = None, *, packages_dir: str | Path | None = None
) -> dict[tuple[str, str], tuple[ModelInfo, ...]]:
    """Every (source, target) the models reach: directly, or through one pivot.

    A direct model always wins; a pivot goes through English when it can. The
    newest version of each pair is used.

    >>> nl_en = ModelInfo("nl", "en", "1.8", Path("a"), 0)
    >>> en_fr = ModelInfo("en", "fr", "1.9", Path("b"), 0)
    >>> pairs = reachable_pairs([nl_en, en_fr])
    >>> for pair, path in pairs.items():
    ...     print(pair, [m.code for m in path])
    ('nl', 'en') ['nl_en-1.8']
    ('en', 'fr') ['en_fr-1.9']
    ('nl', 'fr') ['nl_en-1.8', 'en_fr-1.9']
    """
    if models is None:
        models = list_models(packages_dir)
    direct: dict[tuple[str, str], ModelInfo] = {}
    for model in models:
        key = (model.from_code, model.to_code)
        if key not in direct or _version_key(model.version) > _version_key(direct[key].version):
            direct[key] = model
    pairs: dict[tuple[str, str], tuple[ModelInfo, ...]] = {k: (m,) for k, m in direct.items()}
    languages = sorted({code for key in direct for code in key})
    pivots = [p for p in PIVOT_LANGUAGES if p in languages]
    pivots += [p for p in languages if p not in pivots]
    for src in languages:
        for tgt in languages:
            if src == tgt or (src, tgt) in pairs:
                continue
            for pivot in pivots:
                if (src, pivot) in direct and (pivot, tgt) in direct:
                    pairs[(src, tgt)] = (direct[(src, pivot)], direct[(pivot, tgt)])
                    break
    return pairs


def missing_pair_error(src: str, tgt: str, models: Sequence[ModelInfo]) -> ModelError:
    """The error for an unreachable pair: what is missing and how to install it.

    >>> error = missing_pair_error("nl", "fr", [ModelInfo("nl", "en", "1", Path("a"), 0)])
    >>> error.message
    'no installed Argos model translates nl -> fr: missing en-fr (or nl-fr)'
    >>> error.hint.split(";")[0]
    'online: `tolk models install en-fr`'
    """
    have = {(m.from_code, m.to_code) for m in models}
    if src == "en" or tgt == "en":
        need = [f"{src}-{tgt}"]
        missing = need[0]
    else:
        need = [f"{a}-{b}" for a, b in ((src, "en"), ("en", tgt)) if (a, b) not in have]
        missing = " and ".join(need) + f" (or {src}-{tgt})"
    return ModelError(
        f"no installed Argos model translates {src} -> {tgt}: missing {missing}",
        hint=INSTALL_HINT.format(pairs=" ".join(need)),
    )


@contextlib.contextmanager
def _argos_target(directory: Path) -> Iterator[Any]:
    """Point argostranslate's package layer at ``directory`` for one call.

    argostranslate fixes its packages directory when first imported; Tolk
    reads the setting at call time, so it sets the module's value around
    each call and puts it back after.

    ``install_from_path`` ends by clearing the language cache of
    ``argostranslate.translate``, and importing that module pulls in stanza,
    spaCy and torch (seconds) for a cache that cannot be filled if it was
    never imported. So when it was not, a stand-in answers that one call.
    """
    from argostranslate import package, settings

    saved = (settings.package_data_dir, settings.package_dirs)
    stand_in = None
    if "argostranslate.translate" not in sys.modules:
        stand_in = types.ModuleType("argostranslate.translate")
        stand_in.get_installed_languages = types.SimpleNamespace(cache_clear=lambda: None)  # type: ignore[attr-defined]
        sys.modules["argostranslate.translate"] = stand_in
    directory.mkdir(parents=True, exist_ok=True)
    settings.package_data_dir, settings.package_dirs = directory, [directory]
    try:
        yield package
    finally:
        settings.package_data_dir, settings.package_dirs = saved
        if stand_in is not None and sys.modules.get("argostranslate.translate") is stand_in:
            del sys.modules["argostranslate.translate"]


def _package_root(path: Path) -> str:
    """The package folder inside an .argosmodel, checking it is one.

    argostranslate's installer only checks for a zip; checking for the
    metadata first means a wrong file is refused with its name instead of
    leaving a broken folder among the packages.
    """
    if not path.is_file():
        raise ModelError("file not found", path=path, hint="give the path of an .argosmodel file")
    if not zipfile.is_zipfile(path):
        raise ModelError(
            "not a valid .argosmodel (not a zip archive)",
            path=path,
            hint="download the package again from the Argos package index",
        )
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        metas = [n for n in names if n.count("/") == 1 and n.endswith("/metadata.json")]
        if len(metas) != 1:
            raise ModelError(
                "not a valid .argosmodel (expected one folder with a metadata.json)",
                path=path,
                hint="download the package again from the Argos package index",
            )
        root = metas[0].split("/")[0]
        try:
            meta = json.loads(archive.read(metas[0]))
        except (ValueError, UnicodeDecodeError) as exc:
            raise ModelError(
                f"not a valid .argosmodel (bad metadata.json: {exc})", path=path
            ) from exc
        if not isinstance(meta, dict) or not meta.get("from_code") or not meta.get("to_code"):
            raise ModelError(
                "not a valid .argosmodel (metadata.json names no languages)", path=path
            )
        if f"{root}/model/model.bin" not in names:
            raise ModelError("not a valid .argosmodel (no model/model.bin)", path=path)
    return root


def install_from_files(
    paths: Iterable[str | Path], packages_dir: str | Path | None = None
) -> list[ModelInfo]:
    """Install .argosmodel files with argostranslate's installer; works offline.

    Every file is checked before any is installed, so a typo in the third
    name does not leave the first two half-done.
    """
    directory = resolve_packages_dir(packages_dir)
    files = [Path(p) for p in paths]
    roots = [_package_root(path) for path in files]
    with _argos_target(directory) as package:
        for path in files:
            try:
                package.install_from_path(path)
            except Exception as exc:  # argostranslate raises bare Exception
                raise ModelError(f"cannot install: {exc}", path=path) from exc
    installed = {m.path.name: m for m in list_models(directory)}
    return [installed[root] for root in roots if root in installed]


def _normalise_pair(pair: str) -> tuple[str, str]:
    """``fr-en``, ``fr_en`` or ``fr:en`` as a (from, to) tuple.

    >>> _normalise_pair("fr-en")
    ('fr', 'en')
    """
    for sep in ("-", "_", ":"):
        if sep in pair:
            src, _, tgt = pair.partition(sep)
            if src and tgt:
                return src.strip().lower(), tgt.strip().lower()
    raise ModelError(f"not a language pair: {pair!r}", hint="write pairs like fr-en or nl-en")


def install_from_index(
    pairs: Sequence[str],
    packages_dir: str | Path | None = None,
    *,
    timeout: float = 30.0,
) -> list[ModelInfo]:
    """Download and install the newest package of each pair from the Argos index.

    Raises ModelError when the index cannot be reached (always, offline) or
    names no package for a pair.
    """
    wanted = [_normalise_pair(p) for p in pairs]
    directory = resolve_packages_dir(packages_dir)
    from argostranslate import settings

    index_file = Path(settings.local_package_index)
    before = index_file.stat().st_mtime_ns if index_file.exists() else None
    previous_timeout = socket.getdefaulttimeout()
    with _argos_target(directory) as package:
        socket.setdefaulttimeout(timeout)
        try:
            # update_package_index logs and swallows its errors; a fresh file
            # is the only sign it worked. Its raw "(URLError(gaierror...),)" log
            # line is silenced: the ModelError below says it in one clear line.
            with _argos_log_silenced():
                package.update_package_index()
            after = index_file.stat().st_mtime_ns if index_file.exists() else None
            if after is None or after == before:
                raise ModelError(INDEX_UNREACHABLE)
            available = package.get_available_packages()
            chosen = []
            for src, tgt in wanted:
                matches = [
                    p
                    for p in available
                    if p.type == "translate" and p.from_code == src and p.to_code == tgt
                ]
                if not matches:
                    raise ModelError(
                        f"the Argos package index has no {src}-{tgt} package",
                        hint="`tolk models list` shows what is installed; pivoting through "
                        "English needs "
                        f"{src}-en and en-{tgt}",
                    )
                chosen.append(max(matches, key=lambda p: _version_key(str(p.package_version))))
            for available_package in chosen:
                try:
                    available_package.install()
                except Exception as exc:  # argostranslate raises bare Exception
                    raise ModelError(
                        f"cannot download {available_package.from_code}-"
                        f"{available_package.to_code}: {exc}",
                        hint=INDEX_UNREACHABLE,
                    ) from exc
        finally:
            socket.setdefaulttimeout(previous_timeout)
    codes = {(m.from_code, m.to_code): m for m in reversed(list_models(directory))}
    return [codes[pair] for pair in wanted if pair in codes]


@contextlib.contextmanager
def _argos_log_silenced() -> Iterator[None]:
    """argostranslate's logger quiet for a while (its errors become ModelError here)."""
    import logging

    logger = logging.getLogger("argostranslate.utils")
    previous = logger.disabled
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = previous
