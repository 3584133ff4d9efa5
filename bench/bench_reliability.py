"""Reliability benchmark: the bad-input corpus, a kill loop and two writers.

    python bench/bench_reliability.py [--kills 200] [--seconds 60]

1. Every case of tests/reliability/cases.py: expected and observed exit code and
   error line, and whether every file (database included) is unchanged.
2. SIGKILL a process answering cards ``--kills`` times at random moments: after
   each kill, every acknowledged answer must be in the database and
   integrity_check must say ok.
3. Two processes answer for ``--seconds`` seconds at once: answers per second
   and how many "database is locked" errors reached the user (must be 0).
Prints Markdown for bench/RESULTS_reliability.md.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability.cases import CASES  # noqa: E402
from tests.reliability.test_corpus import run_case  # noqa: E402
from tests.test_reliability import WORKER, check_consistent, prepare, start_worker  # noqa: E402


def corpus_table(work: Path) -> list[str]:
    lines = ["| case | expected | observed | error line | files unchanged |", "|---|---|---|---|---|"]
    for case in CASES:
        folder = work / "corpus" / case.name
        folder.mkdir(parents=True)
        result, before, after = run_case(case, folder)
        line = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
        line = line.replace(str(folder) + "/", "").replace("|", "\\|").replace("`", "'")
        ok = result.returncode == case.exit_code and case.words in line and result.stderr.count("\n") == 1
        lines.append(f"| {case.name} | {case.exit_code}: {case.words} | {result.returncode}{'' if ok else ' MISMATCH'} "
                     f"| `{line[:110]}` | {'yes' if after == before else 'NO'} |")
    return lines


def kill_loop(work: Path, kills: int) -> str:
    db = work / "kill.db"
    cards = prepare(db, ("k",))
    rng = random.Random(7)
    acked_total = checked = 0
    for round_number in range(kills):
        worker = start_worker(db, "k", 100_000, round_number)
        deadline = time.monotonic() + rng.uniform(0.2, 0.8)
        acked = 0
        assert worker.stdout is not None
        while time.monotonic() < deadline:
            line = worker.stdout.readline()
            if not line:
                break
            acked = int(line.split()[1])
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        acked_total += acked
        stored = check_consistent(db, cards)  # integrity_check ok, replay matches, no duplicate cards
        assert stored >= acked_total, (stored, acked_total)
        checked += 1
    return (f"{kills} SIGKILLs mid-session: {acked_total} answers acknowledged, all {acked_total} in the database; "
            f"integrity_check ok and every card equal to the replay of its log after each of the {checked} kills.")


def two_writers(work: Path, seconds: float) -> str:
    db = work / "two.db"
    cards = prepare(db, ("a", "b"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    logs = [(work / f"w{k}.out", work / f"w{k}.err") for k in range(2)]
    workers = []
    for k, (out, err) in enumerate(logs):  # to files: a full pipe would stall a writer
        with out.open("w") as o, err.open("w") as e:
            workers.append(subprocess.Popen([sys.executable, str(WORKER), str(db), "ab"[k], "100000000", str(k)],
                                            stdout=o, stderr=e, env=env))
    time.sleep(seconds)
    for worker in workers:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
    acks = sum(out.read_text().count("ack ") for out, _err in logs)
    errors = "".join(err.read_text() for _out, err in logs)
    locked, crashed = errors.count("locked"), errors.count("Traceback")
    stored = check_consistent(db, cards)
    return (f"2 writers for {seconds:.0f} s: {acks} answers ({acks / seconds:.0f}/s together), "
            f"{stored} in the database (every acknowledged one; a SIGTERM can land between a commit and its ack), "
            f"{locked} 'database is locked' errors surfaced, {crashed} tracebacks.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("\n".join(corpus_table(work)))
        print()
        print("- " + kill_loop(work, args.kills))
        print("- " + two_writers(work, args.seconds))


if __name__ == "__main__":
    main()
