"""Same result on every fresh clone: the lock, gettext's plural forms, stable dates, a clean demo."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import polib
import pytest

from pipeline.catalogs.po import load_catalog, new_catalog, save_catalog
from pipeline.cli import main
from pipeline.languages import PLURAL_FORMS

from .conftest import ROOT

LOCK = ROOT / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)", re.M)


def _canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_lock_pins_everything_with_hashes() -> None:
    text = LOCK.read_text(encoding="utf-8")
    pins = dict(PIN.findall(text))
    for lib in ("babel", "polib", "lxml", "lingua-language-detector", "wordfreq", "rapidfuzz"):
        assert lib in pins, lib
    assert pins["torch"] == "2.13.0+cpu", "torch must stay the local CPU build"
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n\n", 1)[1])
    assert all("--hash=sha256:" in b for b in blocks if PIN.match(b)), "every pin has a hash"


@pytest.mark.skipif(
    not (Path(sys.prefix) / ".installed").exists(),
    reason="runs in the .venv that the Makefile builds from the lock",
)
def test_installed_packages_are_exactly_the_lock() -> None:
    pins = {_canon(n): v for n, v in PIN.findall(LOCK.read_text(encoding="utf-8"))}
    installed = {
        _canon(d.metadata["Name"]): d.version
        for d in metadata.distributions()
        if _canon(d.metadata["Name"]) != "tolk"
    }
    assert installed == pins


def test_plural_forms_do_not_follow_babel(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Babel whose CLDR gives French three forms cannot change a header."""
    import babel.messages.plurals as plurals

    three = ("nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",)
    monkeypatch.setattr(plurals, "get_plural", lambda *a, **k: three)
    monkeypatch.setattr(plurals, "PLURALS", {}, raising=False)
    for lang, expected in [
        ("fr", "nplurals=2; plural=(n > 1);"),
        ("nl", "nplurals=2; plural=(n != 1);"),
        ("en", "nplurals=2; plural=(n != 1);"),
    ]:
        assert new_catalog("a", lang, "en").metadata["Plural-Forms"] == expected
        assert PLURAL_FORMS[lang] == expected


PAGE = """<!DOCTYPE html>
<html lang="nl"><head><title>Slaap</title></head>
<body><article><h1>Slaap en magnesium</h1><p>Een zin.</p></article></body></html>
"""


def _project(tmp_path: Path) -> Path:
    (tmp_path / "source_articles").mkdir()
    (tmp_path / "source_articles" / "slaap.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "tolk.toml").write_text('languages = ["fr", "nl", "en"]\n', encoding="utf-8")
    return tmp_path


def _extract(project: Path) -> int:
    cwd = Path.cwd()
    os.chdir(project)
    try:
        return main(["extract"])
    finally:
        os.chdir(cwd)


def test_existing_plural_forms_header_is_kept(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert _extract(project) == 0
    path = project / "locales/fr/LC_MESSAGES/slaap.po"
    po = load_catalog(path)
    po.metadata["Plural-Forms"] = "nplurals=2; plural=n>1;"  # as a translator's tool wrote it
    path.write_text(str(po), encoding="utf-8")
    (project / "source_articles/slaap.html").write_text(
        PAGE.replace("Een zin.", "Een andere zin."), encoding="utf-8"
    )
    assert _extract(project) == 0
    assert load_catalog(path).metadata["Plural-Forms"] == "nplurals=2; plural=n>1;"


def test_revision_date_moves_only_when_an_entry_changes(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    po = new_catalog("a", "fr", "nl")
    po.append(polib.POEntry(msgctxt="k1", msgid="Een zin.", msgstr=""))
    assert save_catalog(po, path)
    old = "2000-01-01 00:00+0000"
    path.write_text(
        re.sub(
            r'"PO-Revision-Date: [^"]*\\n"', f'"PO-Revision-Date: {old}\\\\n"', path.read_text()
        ),
        encoding="utf-8",
    )
    assert load_catalog(path).metadata["PO-Revision-Date"] == old

    header_only = load_catalog(path)
    header_only.metadata["X-Generator"] = "Tolk 99"
    assert save_catalog(header_only, path)
    written = load_catalog(path)
    assert written.metadata["X-Generator"] == "Tolk 99"
    assert written.metadata["PO-Revision-Date"] == old

    entry_changed = load_catalog(path)
    entry_changed[0].msgstr = "Une phrase."
    assert save_catalog(entry_changed, path)
    assert load_catalog(path).metadata["PO-Revision-Date"] != old


def _tracked_copy(dest: Path) -> None:
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    for raw in filter(None, files):
        rel = raw.decode()
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=dest, check=True)
    subprocess.run([*git, "add", "-A"], cwd=dest, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "copy"], cwd=dest, check=True)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.skipif(
    not (Path(sys.prefix) / ".installed").exists(),
    reason="runs with the .venv that the Makefile builds from the lock",
)
def test_make_demo_leaves_git_status_clean(tmp_path: Path) -> None:
    """The README's first command on a copy of the repository changes no tracked file."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _tracked_copy(repo)
    # Reuse this test run's environment: the copy's .venv is ours, and its lock is
    # older than our stamp, so make installs nothing.
    (repo / ".venv").symlink_to(Path(sys.prefix))
    os.utime(repo / "requirements.lock", (0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOLK")}
    for run in (1, 2):
        done = subprocess.run(
            ["make", "demo"], cwd=repo, env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        assert "pip install" not in done.stdout, f"run {run} installed something"
        status = subprocess.run(
            ["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True
        ).stdout
        assert status == "", f"run {run} changed tracked files:\n{status}"
