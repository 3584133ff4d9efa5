"""Shared fixtures: every test gets its own data directory and database."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import pytest

from trainer.models import Example, NoteDraft, Translation
from trainer.store import Store

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user data directory: point everything at tmp_path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("TRAINER_DB", str(tmp_path / "trainer.db"))
    monkeypatch.setenv("TRAINER_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("TRAINER_LEARNER", raising=False)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    return tmp_path


def make_drafts(count: int, langs: tuple[str, ...] = ("fr", "en", "vi")) -> list[NoteDraft]:
    """``count`` distinct notes with a translation in each of ``langs``."""
    drafts = []
    for i in range(count):
        term = chr(0x4E00 + 3 * i) + chr(0x4E01 + 3 * i)
        drafts.append(
            NoteDraft(
                term=term,
                pinyin="yī dīng",
                pinyin_numbers="yi1 ding1",
                translations={lang: Translation(f"{lang} word {i}", confidence=0.9) for lang in langs},
                examples=(Example(f"这是{term}。", {lang: f"{lang} sentence {i}" for lang in langs}),),
                sources=("001_test.txt",),
                rank=i,
            )
        )
    return drafts


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "store.db", clock=lambda: T0) as opened:
        yield opened
