"""Listing and installing Argos packages through argostranslate's package layer."""

from __future__ import annotations

import functools
import http.server
import json
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.engines.argos import packages as models
from pipeline.engines.argos.packages import (
    ModelInfo,
    install_from_files,
    list_models,
    reachable_pairs,
)
from pipeline.errors import ModelError
from tests.tiny_argos import build_tiny_package


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two versions of a tiny nl->en package and an en->fr one, as .argosmodel files."""
    where = tmp_path_factory.mktemp("dist")
    for src, tgt, version in (("nl", "en", "1.2"), ("nl", "en", "1.10"), ("en", "fr", "1.9")):
        build_tiny_package(where, src, tgt, version, behaviour="random")
    return where


@pytest.fixture
def argos_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """argostranslate's index and download folders in a scratch directory."""
    from argostranslate import settings

    monkeypatch.setattr(settings, "local_package_index", tmp_path / "index.json")
    monkeypatch.setattr(settings, "downloads_dir", tmp_path / "downloads")
    (tmp_path / "downloads").mkdir()
    return tmp_path


def test_install_from_files_uses_argos_installer_and_lists_models(
    dist: Path, tmp_path: Path
) -> None:
    packages = tmp_path / "packages"
    installed = install_from_files(sorted(dist.glob("*.argosmodel")), packages)
    assert sorted(m.code for m in installed) == ["en_fr-1.9", "nl_en-1.10", "nl_en-1.2"]
    assert (packages / "translate-nl_en-1_10" / "metadata.json").is_file()

    listed = list_models(packages)
    # Pairs in order, newest version first (1.10 is newer than 1.2).
    assert [m.code for m in listed] == ["en_fr-1.9", "nl_en-1.10", "nl_en-1.2"]
    first = listed[1]
    assert (first.from_code, first.to_code, first.version) == ("nl", "en", "1.10")
    assert (first.from_name, first.to_name, first.pair) == ("Dutch", "English", "nl-en")
    assert first.size > 10_000 and first.path == packages / "translate-nl_en-1_10"
    assert first.tokenizer == "sentencepiece"

    pairs = {k: [m.code for m in v] for k, v in reachable_pairs(listed).items()}
    assert pairs == {
        ("en", "fr"): ["en_fr-1.9"],
        ("nl", "en"): ["nl_en-1.10"],
        ("nl", "fr"): ["nl_en-1.10", "en_fr-1.9"],
    }


def test_stray_folders_do_not_hide_the_models(dist: Path, tmp_path: Path) -> None:
    install_from_files([next(dist.glob("translate-en_fr*"))], tmp_path)
    (tmp_path / "half-copied").mkdir()
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "metadata.json").write_text("{")
    (tmp_path / "notes.txt").write_text("hello")
    assert [m.code for m in list_models(tmp_path)] == ["en_fr-1.9"]


def test_installing_does_not_import_argos_translate_pipeline(dist: Path, tmp_path: Path) -> None:
    # install_from_path clears argostranslate.translate's cache; importing that
    # module would pull in stanza and torch. The stand-in must not linger.
    was = sys.modules.get("argostranslate.translate")
    install_from_files([next(dist.glob("translate-en_fr*"))], tmp_path)
    assert sys.modules.get("argostranslate.translate") is was


def test_packages_dir_follows_the_environment_at_call_time(
    dist: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "from-env"))
    assert models.resolve_packages_dir() == tmp_path / "from-env"
    assert list_models() == []
    install_from_files([next(dist.glob("translate-en_fr*"))])
    assert [m.code for m in list_models()] == ["en_fr-1.9"]
    assert (tmp_path / "from-env" / "translate-en_fr-1_9").is_dir()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip", "not a zip archive"),
        ({"x/readme.md": "hi"}, "expected one folder with a metadata.json"),
        ({"x/metadata.json": "{"}, "bad metadata.json"),
        ({"x/metadata.json": "{}"}, "names no languages"),
        ({"x/metadata.json": '{"from_code": "nl", "to_code": "en"}'}, "no model/model.bin"),
    ],
)
def test_invalid_files_are_refused_with_their_name(
    tmp_path: Path, content: bytes | dict[str, str], message: str
) -> None:
    bad = tmp_path / "broken.argosmodel"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        with zipfile.ZipFile(bad, "w") as archive:
            for name, data in content.items():
                archive.writestr(name, data)
    with pytest.raises(ModelError, match=message) as caught:
        install_from_files([bad], tmp_path / "packages")
    assert str(bad) in str(caught.value)
    assert list_models(tmp_path / "packages") == []


def test_a_bad_file_stops_the_install_before_anything_is_installed(
    dist: Path, tmp_path: Path
) -> None:
    good = next(dist.glob("translate-en_fr*"))
    with pytest.raises(ModelError, match="file not found") as caught:
        install_from_files([good, tmp_path / "typo.argosmodel"], tmp_path / "packages")
    assert "typo.argosmodel" in str(caught.value)
    assert list_models(tmp_path / "packages") == []


def test_index_unreachable_is_a_clear_error(
    tmp_path: Path, argos_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argostranslate import settings

    # Port 9 on the loopback refuses at once: the same path as being offline.
    monkeypatch.setattr(settings, "remote_package_index", "http://127.0.0.1:9/index.json")
    with pytest.raises(ModelError) as caught:
        models.install_from_index(["fr-en"], tmp_path / "packages", timeout=5)
    assert "cannot reach the Argos package index" in str(caught.value)
    assert "tolk models install --from FILE" in str(caught.value)


def test_pairs_must_be_spelled_as_pairs() -> None:
    with pytest.raises(ModelError, match="not a language pair"):
        models.install_from_index(["french"])


@pytest.fixture
def index_server(dist: Path) -> Iterator[str]:
    """The tiny packages and an index.json served on the loopback, like the Argos index."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(dist))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    index = []
    for path in sorted(dist.glob("*.argosmodel")):
        with zipfile.ZipFile(path) as archive:
            meta = json.loads(archive.read(f"{path.stem}/metadata.json"))
        index.append({**meta, "links": [base + path.name]})
    (dist / "index.json").write_text(json.dumps(index))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_install_from_index_downloads_the_newest_version(
    index_server: str, tmp_path: Path, argos_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argostranslate import settings

    monkeypatch.setattr(settings, "remote_package_index", index_server + "index.json")
    installed = models.install_from_index(["nl-en", "en_fr"], tmp_path / "packages")
    assert [m.code for m in installed] == ["nl_en-1.10", "en_fr-1.9"]
    assert [m.code for m in list_models(tmp_path / "packages")] == ["en_fr-1.9", "nl_en-1.10"]
    assert list((argos_home / "downloads").iterdir()) == []

    with pytest.raises(ModelError, match="has no fr-nl package"):
        models.install_from_index(["fr-nl"], tmp_path / "packages")


def test_missing_pair_error_names_the_pairs_to_install() -> None:
    nl_en = ModelInfo("nl", "en", "1.8", Path("x"), 0)
    error = models.missing_pair_error("fr", "nl", [nl_en])
    assert "missing fr-en and en-nl (or fr-nl)" in str(error)
    assert "tolk models install fr-en en-nl" in str(error)
    assert "tolk models install --from FILE.argosmodel" in str(error)
    assert "missing nl-en" in str(models.missing_pair_error("nl", "en", []))
