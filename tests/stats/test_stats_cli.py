"""``trainer stats``: learner selection, text and JSON output, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from tests.stats.stats_helpers import Lab, at
from trainer.cli import cli


@pytest.fixture
def db(make_lab: Callable[..., Lab], isolated_data_dir: Path) -> Lab:
    """The database TRAINER_DB points at: ana (3 reviews, a leech) and bob (1 review)."""
    lab = make_lab("trainer.db")
    ana, bob = lab.learner("ana"), lab.learner("bob", "fr")
    c = lab.cards(ana)
    lab.answer(c[0], 5, at(0), seconds=10)
    lab.answer(c[0], 4, at(1), seconds=20)
    lab.answer(c[1], 1, at(1), seconds=30)
    lab.set_card(c[2], lapses=8, last_review_ms=1)
    lab.answer(lab.cards(bob)[0], 5, at(0))
    assert os.environ["TRAINER_DB"] == str(lab.store.path)
    return lab


def stats_json(*args: str) -> dict:
    result = CliRunner().invoke(cli, [*args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_has_every_figure(db: Lab) -> None:
    data = stats_json("stats", "--json")
    (ana,) = data["learners"]
    assert ana["learner"] == "ana"
    assert ana["cards"] == {"new": 9, "learning": 2, "young": 1, "mature": 0, "suspended": 0,
                            "total": 12, "learned": 1}
    assert ana["reviews_total"] == 3 and ana["time_total_ms"] == 60_000
    assert [d["reviews"] for d in ana["days"]] == [1, 2]
    assert ana["weeks"][0]["young_reviews"] == 1 and ana["weeks"][0]["retention"] == 1.0
    assert ana["leeches"] == 1 and ana["hardest"][0]["leech"] is True
    assert len(ana["forecast"]) == 30 and {"current", "longest"} == set(ana["streaks"])


def test_learner_from_global_option_local_option_and_all(db: Lab) -> None:
    assert [p["learner"] for p in stats_json("--learner", "bob", "stats", "--json")["learners"]] == ["bob"]
    assert [p["learner"] for p in stats_json("--learner", "bob", "stats", "--learner", "ana", "--json")
            ["learners"]] == ["ana"]
    assert [p["learner"] for p in stats_json("stats", "--all", "--json")["learners"]] == ["ana", "bob"]
    assert stats_json("stats", "--learner", "bob", "--json")["learners"][0]["reviews_total"] == 1


def test_text_output(db: Lab) -> None:
    result = CliRunner().invoke(cli, ["stats", "--all"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("ana (study day ")
    assert "Cards      12 total: 9 new, 2 learning, 1 young, 0 mature, 0 suspended" in out
    assert "3 all time (1m)" in out and "Leeches    1" in out and "LEECH" in out
    assert "\n\nbob (study day " in out


def test_unknown_learner_is_a_one_line_error_and_is_not_created(db: Lab) -> None:
    env = {**os.environ}
    result = subprocess.run([sys.executable, "-m", "trainer", "stats", "--learner", "zed"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == "trainer: error: no learner named 'zed' (learners: ana, bob)"
    assert db.store.find_learner("zed") is None


def test_all_without_learners(make_lab: Callable[..., Lab], isolated_data_dir: Path) -> None:
    make_lab("trainer.db")
    assert stats_json("stats", "--all", "--json") == {"learners": []}
    result = CliRunner().invoke(cli, ["stats", "--all"])
    assert result.exit_code == 0 and result.output == "No learners yet.\n"
