"""Fixtures for export tests: a store with two decks, and Anki collections."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable, Iterator

import pytest

from trainer.store import Store

from .export_helpers import SAMPLE, AnkiCollection, Clock, draft


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def filled(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    """Two decks: "Pauvreté" (4 notes, mixed languages) and "Économie" (2 notes)."""
    with Store.open(tmp_path / "export.db", clock=clock) as store:
        store.import_notes("Pauvreté", SAMPLE)
        store.import_notes("Économie", [
            draft("经济", "jīng jì", "économie", "economy", rank=0),
            draft("扶贫", "fú pín", "aide aux pauvres", "helping the poor", rank=1),
        ])
        yield store


@pytest.fixture
def anki(tmp_path: Path) -> Iterator[Callable[[str], AnkiCollection]]:
    """Factory of fresh Anki collections, closed at the end of the test."""
    opened: list[AnkiCollection] = []

    def make(name: str = "anki") -> AnkiCollection:
        collection = AnkiCollection(tmp_path / name)
        opened.append(collection)
        return collection

    yield make
    for collection in opened:
        collection.close()


@pytest.fixture
def no_espeak(monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulate a machine without espeak-ng."""
    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if "espeak" in name else real_which(name, *a, **k))


needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Audio recordings are cached in trainer's cache directory (TRAINER_CACHE when
    set); the platform's own cache directory points elsewhere, so a test sees which."""
    cache = tmp_path / "trainer-cache"
    monkeypatch.setenv("TRAINER_CACHE", str(cache))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return cache
