"""Nothing lost: SIGKILL mid-stream and two writers at once."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import make_drafts
from trainer.store import Store

WORKER = Path(__file__).with_name("answer_worker.py")
ROOT = Path(__file__).resolve().parents[1]


def start_worker(db: Path, learner: str, count: int, seed: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(WORKER), str(db), learner, str(count), str(seed)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def prepare(db: Path, learners: tuple[str, ...]) -> int:
    """The database for the workers; returns the number of cards per learner."""
    with Store.open(db) as store:
        for name in learners:
            store.add_learner(name, "en")
        store.import_notes("D", make_drafts(40))
        return store.conn.execute("SELECT count(*) FROM cards").fetchone()[0] // len(learners)


def check_consistent(db: Path, cards: int) -> int:
    """integrity_check ok, ``cards`` cards per learner (a long-running worker adds
    learners when every card is due years ahead), no duplicate, every card equal
    to the replay of its log; returns the number of reviews."""
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    learners = raw.execute("SELECT count(*) FROM learners").fetchone()[0]
    assert raw.execute("SELECT count(*) FROM cards").fetchone()[0] == cards * learners
    dupes = raw.execute("SELECT count(*) FROM (SELECT note_id, learner_id, direction FROM cards "
                        "GROUP BY 1, 2, 3 HAVING count(*) > 1)").fetchone()[0]
    assert dupes == 0
    reviews = raw.execute("SELECT count(*) FROM reviews").fetchone()[0]
    raw.close()
    with Store.open(db) as store:
        for (card_id,) in store.conn.execute("SELECT DISTINCT card_id FROM reviews").fetchall():
            assert store.replayed_state(card_id) == store.card(card_id).state
    return reviews


@pytest.mark.slow
def test_sigkill_never_loses_an_acknowledged_answer(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    cards = prepare(db, ("k",))
    rng = random.Random(7)
    total_acked = 0
    for round_number in range(25):
        worker = start_worker(db, "k", 10_000, round_number)
        deadline = time.monotonic() + rng.uniform(0.3, 1.2)
        acked = 0
        assert worker.stdout is not None
        while time.monotonic() < deadline:
            line = worker.stdout.readline()
            if not line:
                break
            acked = int(line.split()[1])
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        total_acked += acked
        assert check_consistent(db, cards) >= total_acked
    assert total_acked > 25  # the kills really happened mid-stream


@pytest.mark.slow
def test_two_processes_answering_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "two.db"
    cards = prepare(db, ("a", "b"))
    workers = [start_worker(db, "a", 300, 1), start_worker(db, "b", 300, 2), start_worker(db, "a", 300, 3)]
    acks = 0
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
        acks += len(out.split("\n")) - 1
    assert acks == 900
    assert check_consistent(db, cards) == 900
