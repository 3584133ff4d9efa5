"""Fixtures for the progress statistics tests (helpers live in stats_helpers.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

import pytest

from tests.stats.stats_helpers import Lab


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    made = Lab(tmp_path / "stats.db")
    yield made
    made.store.close()


@pytest.fixture
def make_lab(tmp_path: Path) -> Iterator[Callable[..., Lab]]:
    labs: list[Lab] = []

    def make(name: str = "stats.db", notes: int = 6) -> Lab:
        labs.append(Lab(tmp_path / name, notes))
        return labs[-1]

    yield make
    for made in labs:
        made.store.close()
