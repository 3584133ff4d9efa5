"""Every bad input of the corpus: the documented exit code, one line naming the
problem, and the database (and every other file) byte-identical afterwards."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.cases import CASES, Case, _good_db

ROOT = Path(__file__).resolve().parents[2]


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (not following links): its type and content digest."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[str(path)] = "link:" + os.readlink(path)
        elif path.is_file():
            found[str(path)] = hashlib.md5(path.read_bytes()).hexdigest() if path.stat().st_size < 1 << 20 \
                else f"size:{path.stat().st_size}"
        else:
            found[str(path)] = "dir" if path.is_dir() else "special"
    return found


def run_case(case: Case, folder: Path) -> tuple[subprocess.CompletedProcess[str], dict[str, str], dict[str, str]]:
    """Build and run one case; the folder's snapshot before and after."""
    args, db = case.build(folder)
    if db is None:
        db = folder / "trainer.db"
        _good_db(db)
    before = snapshot(folder)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TRAINER_CACHE": str(folder.parent / "cache")}
    result = subprocess.run([sys.executable, "-m", "trainer", "--db", str(db), *args], capture_output=True,
                            text=True, env=env, timeout=120, cwd=folder.parent)
    return result, before, snapshot(folder)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_refused_in_one_line_and_changes_nothing(tmp_path: Path, case: Case) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    result, before, after = run_case(case, folder)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == case.exit_code, result.stderr
    assert len(lines) == 1 and lines[0].startswith("trainer: error: "), result.stderr
    assert case.words in lines[0], lines[0]
    assert after == before
