"""Benchmark: progress statistics for a learner with 1,000,000 reviews.

Target: ``Store.progress()`` (every figure of the stats screen, CLI and report)
in under 200 ms. The database is built in SQL (recursive CTEs, INSERT ... SELECT)
so it takes seconds, not minutes: 5,000 notes, two learners (10,000 cards each),
1,000,000 reviews for the measured learner spread over three years plus 200,000
for the other one, so the learner filter has to work.

Run: ``python bench/bench_stats.py [--reviews N] [--runs N] [--keep DIR] [--write]``;
``--write`` rewrites bench/RESULTS_stats.md with the numbers.
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from trainer.store import Store
from trainer.studyday import to_ms

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
SPAN_MS = 3 * 365 * 86_400_000
RESULTS = Path(__file__).with_name("RESULTS_stats.md")
NOTES = """## How we got there (same machine, same database)

| version | median |
|---|---|
| `GROUP BY day` and `GROUP BY week` over the log, schema v1 indexes only | 533 ms |
| same, with one covering index (learner, time, duration, quality, ivl, extra) | ~470 ms |
| per-period index range counts (correlated subqueries), migration 0002 indexes | ~140-190 ms |

Where the time went: a `GROUP BY` on an expression of `reviewed_ms` sorts every
row in a temp B-tree (~150 ms for a million rows), and summing four conditional
expressions per row costs ~250 ms on its own. Walking the calendar and counting
each day/week with an index range lookup avoids both: counts need no row
decoding, and the retention index (partial: reviews of cards on an interval;
keyed by young/mature and passed/failed) turns each weekly figure into four
range counts. What remains is reading one million `duration_ms` values for time
spent per day (~40 ms) and counting one million index entries twice (~70 ms).
Timings vary by +-25 % with the load of this shared 2-core machine.
"""


def build(path: Path, reviews: int, notes: int = 5000) -> Store:
    """A database with ``notes`` notes, two learners and ``reviews`` reviews for the first."""
    store = Store.open(path, clock=lambda: NOW)
    conn = store.conn
    now = to_ms(NOW)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO decks (name, created_ms) VALUES ('bench', ?)", (now,))
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
        "INSERT INTO notes (deck_id, term, pinyin, translations, rank, created_ms, updated_ms) "
        "SELECT 1, 'term' || i, 'pin' || i, '{\"en\": {\"text\": \"t\"}}', i, ?, ? FROM n",
        (notes, now, now),
    )
    conn.execute("COMMIT")
    store.add_learner("bench", "en")
    store.add_learner("other", "en")
    _reviews(conn, 1, reviews, notes * 2)
    _reviews(conn, 2, reviews // 5, notes * 2)
    _card_states(conn)
    conn.execute("ANALYZE")
    return store


def _reviews(conn: sqlite3.Connection, learner: int, count: int, cards: int) -> None:
    """``count`` reviews of the learner's cards, evenly over three years up to NOW."""
    first = conn.execute("SELECT min(id) FROM cards WHERE learner_id = ?", (learner,)).fetchone()[0]
    start = to_ms(NOW) - SPAN_MS
    conn.execute("BEGIN")
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < :count - 1) "
        "INSERT INTO reviews (card_id, learner_id, reviewed_ms, quality, duration_ms, kind, "
        "rep_before, ivl_before, ef_before, due_before_ms, extra_before, "
        "rep_after, ivl_after, ef_after, due_after_ms, extra_after) "
        "SELECT :first + i % :cards, :learner, :start + i * (:span / :count), "
        "abs(random()) % 6, 1000 + abs(random()) % 20000, 1, "
        "i % 7, i % 60, 2.5, 0, (i % 11 = 0), i % 7 + 1, i % 60 + 1, 2.5, 0, 0 FROM n",
        {"count": count, "first": first, "cards": cards, "learner": learner, "start": start,
         "span": SPAN_MS},
    )
    conn.execute("COMMIT")


def _card_states(conn: sqlite3.Connection) -> None:
    """Give the cards varied states: some new, learning, young, mature, suspended, leeches."""
    now = to_ms(NOW)
    conn.execute("BEGIN")
    conn.execute(
        "UPDATE cards SET last_review_ms = CASE WHEN id % 10 = 0 THEN NULL ELSE :now END, "
        "interval = id % 90, needs_extra_review = (id % 13 = 0), suspended = (id % 50 = 0), "
        "lapses = id % 11, easiness = 1.3 + (id % 13) / 10.0, "
        "due_ms = :now + (id % 45 - 5) * 86400000",
        {"now": now},
    )
    conn.execute("COMMIT")


def measure(store: Store, runs: int) -> list[float]:
    learner = store.find_learner("bench")
    assert learner is not None
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        store.progress(learner, NOW, tz=timezone.utc)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def explain(store: Store) -> str:
    """The query plans of the two scans over the review log, for the results file."""
    from trainer.store import stats

    lines = []
    for name in ("_DAYS", "_WEEKS"):
        sql = getattr(stats, name)
        plan = store.conn.execute("EXPLAIN QUERY PLAN " + sql,
                                  {"learner": 1, "periods": "[[20000, 0, 86400000]]", "mature": 21}).fetchall()
        lines.append(f"- `{name}`: " + "; ".join(row[-1] for row in plan))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build the database in this directory and keep it")
    parser.add_argument("--write", action="store_true", help="write bench/RESULTS_stats.md")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-stats-"))
    path = folder / "bench.db"
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    store = build(path, args.reviews)
    built = time.perf_counter() - started
    measure(store, 1)  # warm the page cache, as a second look at the screen would be
    timings = measure(store, args.runs)
    median, worst = statistics.median(timings), max(timings)
    report = (
        f"reviews={args.reviews:,} build={built:.1f}s median={median:.1f}ms "
        f"min={min(timings):.1f}ms max={worst:.1f}ms target<200ms "
        f"{'OK' if median < 200 else 'SLOW'}"
    )
    print(report)
    print(explain(store))
    if args.write:
        write_results(args, built, timings, explain(store))
    store.close()
    return 0 if median < 200 else 1


def write_results(args: argparse.Namespace, built: float, timings: list[float], plans: str) -> None:
    RESULTS.write_text(
        "# Progress statistics benchmark\n\n"
        "`python bench/bench_stats.py --write` - `Store.progress()` for one learner "
        f"with {args.reviews:,} reviews (plus {args.reviews // 5:,} of another learner, "
        "10,000 cards each), warm cache.\n\n"
        f"| runs | median | min | max | target |\n|---|---|---|---|---|\n"
        f"| {len(timings)} | {statistics.median(timings):.1f} ms | {min(timings):.1f} ms | "
        f"{max(timings):.1f} ms | < 200 ms |\n\n"
        f"Database built in {built:.1f} s. Machine: {platform.machine()}, Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}.\n\n"
        f"Query plans of the scans over the review log:\n\n{plans}\n\n{NOTES}",
        encoding="utf-8",
    )


if __name__ == "__main__":
    sys.exit(main())
