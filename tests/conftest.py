"""Shared fixtures: paths to the bundled project and a scratch copy of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "source_articles"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled project (articles, locales, settings) to run stages on."""
    dest = tmp_path / "project"
    dest.mkdir()
    shutil.copytree(SOURCES, dest / "source_articles")
    if (ROOT / "locales").is_dir():
        shutil.copytree(ROOT / "locales", dest / "locales")
    (dest / "tolk.toml").write_text('languages = ["fr", "nl", "en"]\n', encoding="utf-8")
    return dest


@pytest.fixture(scope="session")
def tiny_argos_packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An Argos packages directory with tiny models, built once per session.

    nl->en (1.8) and en->fr (1.9) copy their input, so output is predictable
    and nl->fr goes through English; fr->en (1.0) has random weights and emits
    garbage. See tests/tiny_argos.py.
    """
    from tests.tiny_argos import install_tiny_set

    return install_tiny_set(tmp_path_factory.mktemp("argos"))
