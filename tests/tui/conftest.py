"""Fixtures for the TUI tests: a known deck in a temporary database, a frozen clock."""

from __future__ import annotations

import asyncio
import inspect
import time
from pathlib import Path
from typing import Iterator

import pytest
from tests.tui.tui_helpers import NOW, make_store

from trainer.store import Store
from trainer.tui.app import TrainerApp, make_app


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no async plugin is installed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(autouse=True)
def utc_local_time(isolated_data_dir: Path) -> Iterator[None]:
    """The root conftest sets TZ=UTC; apply it so study-day bounds are the same everywhere."""
    time.tzset()
    yield
    time.tzset()


@pytest.fixture
def tui_store(tmp_path: Path) -> Iterator[Store]:
    store = make_store(tmp_path / "tui.db")
    yield store
    store.close()


@pytest.fixture
def app(tui_store: Store) -> TrainerApp:
    return make_app(tui_store, "alice", clock=lambda: NOW)
