"""The CLI: help everywhere, one-line errors, first run, learners, decks, due."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from trainer.cli import cli


def all_commands(group: click.Group, ctx: click.Context, prefix: tuple[str, ...] = ()):
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, ctx, (*prefix, name))


def run(*args: str, db: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ}
    if db is not None:
        env["TRAINER_DB"] = str(db)
    return subprocess.run([sys.executable, "-m", "trainer", *args], capture_output=True, text=True,
                          env=env, input=stdin, timeout=120)


def test_every_command_has_help() -> None:
    runner = CliRunner()
    ctx = click.Context(cli)
    paths = [path for path, _ in all_commands(cli, ctx)]
    assert {("learners", "list"), ("learners", "add"), ("decks", "list"), ("due",), ("stats",)} <= set(paths)
    for path in [(), *paths]:
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage:" in result.output and "--help" in result.output
        command = cli if not path else dict(all_commands(cli, ctx))[path]
        assert (command.help or "").strip(), f"{path} has no help text"


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00\x01 definitely not sqlite " * 50)
    result = run("due", db=bad)
    assert result.returncode != 0
    assert result.stderr.strip() == f"trainer: error: {bad}: not a SQLite database"
    assert bad.read_bytes() == b"\x00\x01 definitely not sqlite " * 50


def test_unknown_command_and_bad_option_fail_cleanly(tmp_path: Path) -> None:
    for args in (("nonsense",), ("learners", "add", "x", "--lang", "de")):
        result = run(*args, db=tmp_path / "t.db")
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert "Error" in result.stderr


def test_learners_add_list_and_set(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    assert run("learners", "add", "Linh", "--lang", "vi", "--new-per-day", "5", db=db).returncode == 0
    dup = run("learners", "add", "Linh", db=db)
    assert dup.returncode == 1 and dup.stderr.count("\n") == 1 and "already exists" in dup.stderr
    assert run("learners", "set", "Linh", "--reviews-per-day", "50", db=db).returncode == 0
    listed = json.loads(run("learners", "list", "--json", db=db).stdout)
    assert [(l["name"], l["lang"], l["new_per_day"], l["reviews_per_day"]) for l in listed] == [
        ("Linh", "vi", 5, 50)]
    missing = run("learners", "set", "nobody", "--reviews-per-day", "50", db=db)
    # The same one-line form as every other error, naming the learners there are.
    assert missing.returncode == 1
    assert missing.stderr == "trainer: error: no learner named 'nobody' (learners: Linh)\n"


def test_global_options_before_subcommand_and_env(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    assert run("--db", str(db), "learners", "add", "Zoé").returncode == 0
    result = run("--db", str(db), "--learner", "Zoé", "due", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["learner"] == "Zoé"
    env_result = subprocess.run([sys.executable, "-m", "trainer", "due", "--json"], capture_output=True,
                                text=True, env={**os.environ, "TRAINER_DB": str(db), "TRAINER_LEARNER": "Zoé"})
    assert json.loads(env_result.stdout)["learner"] == "Zoé"


def test_a_read_command_never_creates_a_learner(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    assert run("--db", str(db), "learners", "add", "Ana").returncode == 0
    before = db.read_bytes()
    result = run("--db", str(db), "--learner", "Nobody", "due")
    assert result.returncode == 1 and result.stderr.startswith("trainer: error: no learner named 'Nobody'")
    assert [l["name"] for l in json.loads(run("--db", str(db), "learners", "list", "--json").stdout)] == ["Ana"]
    assert db.read_bytes() == before


def test_default_database_lives_in_the_user_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TRAINER_DB"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    result = subprocess.run([sys.executable, "-m", "trainer", "decks", "list"], capture_output=True,
                            text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "trainer" / "trainer.db").exists()


def test_first_run_loads_the_bundled_deck(tmp_path: Path) -> None:
    from trainer.bundled import BUNDLED_DECK, bundled_checks, bundled_drafts

    if not bundled_drafts():
        pytest.skip("decks/bundled.jsonl not generated yet")
    db = tmp_path / "first.db"
    decks = json.loads(run("decks", "list", "--json", db=db).stdout)
    assert [d["name"] for d in decks] == [BUNDLED_DECK]
    rejected = {c.term for c in bundled_checks(bundled_drafts()) if c.decision == "reject"}
    assert decks[0]["notes"] == len(bundled_drafts()) - len(rejected)  # rejected terms are out of the deck
    due = json.loads(run("due", "--json", db=db).stdout)
    assert due["decks"][0]["new"] > 0


def test_bare_trainer_reports_an_unusable_database_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not sqlite" * 100)
    result = run(db=bad)  # no sub-command: the study app's fast path
    assert result.returncode == 3
    assert result.stderr.strip() == f"trainer: error: {bad}: not a SQLite database"
