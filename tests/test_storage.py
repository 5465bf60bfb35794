"""storage: atomic writes, durable once per run rather than once per file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

from pipeline import storage


def test_write_atomic_does_not_fsync_each_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fsync(fd: int) -> NoReturn:
        raise AssertionError("fsync per file")

    monkeypatch.setattr(os, "fsync", no_fsync)
    assert storage.write_atomic(tmp_path / "a" / "x.txt", "one")
    assert not storage.write_atomic(tmp_path / "a" / "x.txt", "one")
    assert (tmp_path / "a" / "x.txt").read_text() == "one"
    assert not list((tmp_path / "a").glob(".*.tmp"))


def test_sync_written_flushes_once_for_every_folder_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage.sync_written()
    calls: list[None] = []
    monkeypatch.setattr(os, "sync", lambda: calls.append(None))
    for name in ("a", "b"):
        storage.write_atomic(tmp_path / name / "x.txt", name)
    assert storage.sync_written() == 2
    assert calls == [None]
    assert storage.sync_written() == 0
    assert calls == [None]
