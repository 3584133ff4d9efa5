"""``trainer export anki|csv`` end to end, in a subprocess: output, summaries, one-line errors."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.store import Store

from .export_helpers import SAMPLE


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    with Store.open(path) as store:
        store.import_notes("Pauvreté", SAMPLE)
        store.import_notes("Vide", [])
    return path


def run(db: Path, *args: str, cwd: Path | None = None, path_env: str | None = None
        ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRAINER_DB": str(db)}
    if path_env is not None:
        env["PATH"] = path_env
    return subprocess.run([sys.executable, "-m", "trainer", "export", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=120)


def test_anki_json_summary(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.apkg"
    result = run(db, "anki", "--deck", "Pauvreté", "-o", str(out), "--json", "--no-audio")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["notes"] == 4 and summary["cards"] == 8 and summary["audio"] is False
    assert summary["path"] == str(out) and out.is_file() and result.stderr == ""


def test_default_output_name_is_sanitised(db: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    result = run(db, "anki", "--deck", "Pauvreté", "--lang", "fr", "--no-audio", cwd=work)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in work.iterdir()] == ["Pauvreté-fr.apkg"]
    assert "Wrote Pauvreté-fr.apkg: 4 notes, 8 cards, no audio (1 deck)." in result.stdout
    result = run(db, "csv", "--all", cwd=work)
    assert result.returncode == 0, result.stderr
    assert (work / "trainer-decks.csv").is_file()


def test_missing_espeak_is_said_once_on_stderr(db: Path, tmp_path: Path) -> None:
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    out = tmp_path / "a.apkg"
    result = run(db, "anki", "-o", str(out), path_env=str(empty_bin))
    assert result.returncode == 0, result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("trainer: warning: espeak-ng is not installed")
    assert "no audio" in result.stdout


@pytest.mark.parametrize("command", ["anki", "csv"])
@pytest.mark.parametrize("case", ["unknown", "empty", "missing-dir", "is-dir"])
def test_errors_are_one_line_nonzero_and_leave_no_file(db: Path, tmp_path: Path, command: str, case: str) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"x.{command}"
    args = ["--deck", "Pauvreté"]
    if case == "unknown":
        args = ["--deck", "Nope"]
    elif case == "empty":
        args = ["--deck", "Vide"]
    elif case == "missing-dir":
        target = out_dir / "no" / "such" / "x.out"
    else:
        target = out_dir
    result = run(db, command, *args, "-o", str(target), cwd=out_dir)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("trainer: error: "), result.stderr
    assert "Traceback" not in result.stderr
    assert list(out_dir.iterdir()) == []


def test_deck_and_all_conflict(db: Path, tmp_path: Path) -> None:
    result = run(db, "anki", "--deck", "Pauvreté", "--all", "-o", str(tmp_path / "x.apkg"))
    assert result.returncode == 2 and "either --deck or --all" in result.stderr
    assert not (tmp_path / "x.apkg").exists()


def test_csv_command_round_trip(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.csv"
    result = run(db, "csv", "--deck", "Pauvreté", "--lang", "en", "-o", str(out), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["notes"] == 3
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["term"] for r in rows] == ["扶贫", "脱贫", "干部"] and rows[0]["translation_en"] == "poverty alleviation"


def test_help_on_every_export_command() -> None:
    for args in (["--help"], ["anki", "--help"], ["csv", "--help"]):
        result = subprocess.run([sys.executable, "-m", "trainer", "export", *args], capture_output=True,
                                text=True, timeout=60)
        assert result.returncode == 0 and "Usage:" in result.stdout


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _dangling(path: Path) -> Path:
    path.symlink_to(path.parent / "nowhere" / "x.csv")
    return path


@pytest.mark.parametrize("command", ["anki", "csv"])
@pytest.mark.parametrize("make", [_fifo, _dangling], ids=["fifo", "dangling-link"])
def test_a_target_that_is_not_a_regular_file_is_refused_and_left_alone(
        db: Path, tmp_path: Path, command: str, make: object) -> None:
    target = make(tmp_path / "out.bin")  # type: ignore[operator]
    before = os.lstat(target)
    result = run(db, command, "--deck", "Pauvreté", "-o", str(target), "--no-audio" if command == "anki" else "--json")
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr
    after = os.lstat(target)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["cli.db", "out.bin"])


@pytest.mark.parametrize("command", ["anki", "csv"])
def test_a_symbolic_link_is_written_through_and_kept(db: Path, tmp_path: Path, command: str) -> None:
    real = tmp_path / "real.out"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.out"
    link.symlink_to(real)
    extra = ["--no-audio"] if command == "anki" else []
    result = run(db, command, "--deck", "Pauvreté", "-o", str(link), *extra)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and real.read_bytes() != b"old"
