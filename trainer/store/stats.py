"""Progress statistics: SQL aggregates over cards and the review log.

Every figure is a GROUP BY in SQLite (by study day, week or card state), so a
learner with a million reviews costs a few index scans, not a Python loop over
a million rows; :func:`trainer.progress.assemble` turns the few hundred rows that
come back into the figures the CLI, TUI and report show.

Study days in SQL: a review at UTC ``ms`` belongs to study day
``(ms + shift) / 86400000`` where ``shift`` is the learner's UTC offset minus
their day-start hour, so integer division does the 04:00 boundary. The offset is
the one in force *now*: days on the other side of a daylight-saving change are
off by an hour at their edges, which we accept for a single index scan (SQLite's
``'localtime'`` would need a per-row date conversion and depends on the process's
TZ variable rather than on the time zone we are given).
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import datetime, timedelta, tzinfo
from typing import Iterator

from trainer.models import Learner
from trainer.progress import (
    FORECAST_DAYS, LEECH_LAPSES, MATURE_DAYS, CardCounts, LearnerProgress, RawStats, assemble,
)
from trainer.scheduler import PASS_QUALITY
from trainer.studyday import from_ms, local_timezone, to_ms

DAY_MS = 86_400_000

_CARD_COUNTS = """
SELECT coalesce(sum(suspended = 0 AND last_review_ms IS NULL), 0),
       coalesce(sum(suspended = 0 AND last_review_ms IS NOT NULL
                    AND (interval = 0 OR needs_extra_review = 1)), 0),
       coalesce(sum(suspended = 0 AND last_review_ms IS NOT NULL AND needs_extra_review = 0
                    AND interval BETWEEN 1 AND :mature - 1), 0),
       coalesce(sum(suspended = 0 AND last_review_ms IS NOT NULL AND needs_extra_review = 0
                    AND interval >= :mature), 0),
       coalesce(sum(suspended = 1), 0)
FROM cards WHERE learner_id = :learner
"""

# Per-day and per-week figures walk the calendar from the first to the last
# review and count each period with index range lookups (correlated scalar
# subqueries). A plain GROUP BY over the log would sort a million rows in a temp
# B-tree and evaluate expressions on each one: two to three times slower (see
# bench/RESULTS_stats.md). Periods without reviews come back as zeros; the
# caller drops them.
_FIRST_DAY = "(SELECT (min(reviewed_ms) + :shift) / 86400000 FROM reviews WHERE learner_id = :learner)"
_LAST_DAY = "(SELECT (max(reviewed_ms) + :shift) / 86400000 FROM reviews WHERE learner_id = :learner)"
_IN_DAY = "reviewed_ms >= day * 86400000 - :shift AND reviewed_ms < (day + 1) * 86400000 - :shift"

_DAYS = f"""
WITH RECURSIVE days(day) AS (
  SELECT {_FIRST_DAY} UNION ALL SELECT day + 1 FROM days WHERE day < {_LAST_DAY})
SELECT day,
  (SELECT count(*) FROM reviews WHERE learner_id = :learner AND {_IN_DAY}),
  (SELECT coalesce(sum(duration_ms), 0) FROM reviews WHERE learner_id = :learner AND {_IN_DAY})
FROM days WHERE day IS NOT NULL
"""

# True retention counts reviews of cards that were on an interval (young or
# mature before the answer); first sights and same-day repeats say nothing about
# retention over an interval. Each week is four counts - young/mature x
# failed/passed, so every review is visited once - over ranges of the partial
# expression index reviews_retention (migration 0002), whose WHERE and leading
# expressions these terms must repeat word for word to be used.
_IN_WEEK = ("reviewed_ms >= (week * 7 - 3) * 86400000 - :shift "
            "AND reviewed_ms < (week * 7 + 4) * 86400000 - :shift")
_CELL = (
    "(SELECT count(*) FROM reviews WHERE learner_id = :learner AND ivl_before >= 1 "
    f"AND extra_before = 0 AND (ivl_before >= {MATURE_DAYS}) = {{mature}} "
    f"AND (quality >= {PASS_QUALITY}) = {{passed}} AND {_IN_WEEK})"
)

_WEEKS = f"""
WITH RECURSIVE weeks(week) AS (
  SELECT ({_FIRST_DAY} + 3) / 7 UNION ALL SELECT week + 1 FROM weeks WHERE week < ({_LAST_DAY} + 3) / 7)
SELECT week, {_CELL.format(mature=0, passed=0)}, {_CELL.format(mature=0, passed=1)},
  {_CELL.format(mature=1, passed=0)}, {_CELL.format(mature=1, passed=1)}
FROM weeks WHERE week IS NOT NULL
"""

_FORECAST = """
SELECT (max(due_ms, :start) - :start) / 86400000 AS offset, count(*)
FROM cards
WHERE learner_id = :learner AND last_review_ms IS NOT NULL AND suspended = 0 AND due_ms < :horizon
GROUP BY offset ORDER BY offset
"""

_HARDEST = """
SELECT c.id, n.term, n.pinyin, c.direction, c.easiness, c.lapses, c.interval,
       (SELECT count(*) FROM reviews r WHERE r.card_id = c.id)
FROM cards c JOIN notes n ON n.id = c.note_id
WHERE c.learner_id = :learner AND c.last_review_ms IS NOT NULL
  AND (c.lapses > 0 OR c.easiness < 2.5)
ORDER BY c.lapses DESC, c.easiness ASC, c.id
LIMIT :limit
"""


def day_shift_ms(learner: Learner, now: datetime, tz: tzinfo | None = None) -> int:
    """Milliseconds to add to a UTC time so that whole days split at the day-start hour."""
    offset = now.astimezone(tz or local_timezone()).utcoffset() or timedelta(0)
    return offset // timedelta(milliseconds=1) - learner.day_start_hour * 3_600_000


@contextmanager
def _snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction for all the queries, so the figures agree with each other
    even if another process records an answer meanwhile (WAL readers see a snapshot)."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


class StatsQueries:
    """Mixin of :class:`trainer.store.Store`: a learner's progress figures."""

    conn: sqlite3.Connection

    def progress(self, learner: Learner, now: datetime, *, tz: tzinfo | None = None,
                 hardest: int = 10) -> LearnerProgress:
        """Every progress figure of ``learner`` as of ``now`` (study days in ``tz``, default local)."""
        shift = day_shift_ms(learner, now, tz)
        today = (to_ms(now) + shift) // DAY_MS
        params = {"learner": learner.id, "shift": shift}
        with _snapshot(self.conn):
            raw = RawStats(
                learner_id=learner.id,
                learner=learner.name,
                today=today,
                cards=self.card_counts(learner.id),
                days=[r for r in self._rows(_DAYS, params) if r[1]],
                weeks=self.retention_weeks(params),
                forecast=self.forecast_rows(learner.id, today * DAY_MS - shift),
                hardest=self._rows(_HARDEST, {"learner": learner.id, "limit": hardest}),
                leeches=self.leech_count(learner.id),
                last_active=self.last_active(learner.id),
            )
        return assemble(raw)

    def retention_weeks(self, params: dict[str, int]) -> list[tuple[int, int, int, int, int]]:
        """(week, young reviews, young passed, mature reviews, mature passed), weeks with reviews."""
        return [(week, yf + yp, yp, mf + mp, mp)
                for week, yf, yp, mf, mp in self._rows(_WEEKS, params) if yf + yp + mf + mp]

    def card_counts(self, learner_id: int) -> CardCounts:
        row = self.conn.execute(_CARD_COUNTS, {"learner": learner_id, "mature": MATURE_DAYS}).fetchone()
        return CardCounts(*row)

    def forecast_rows(self, learner_id: int, start_ms: int, days: int = FORECAST_DAYS) -> list[tuple[int, int]]:
        """(days from ``start_ms``, cards due), overdue cards counted on day 0."""
        params = {"learner": learner_id, "start": start_ms, "horizon": start_ms + days * DAY_MS}
        return self._rows(_FORECAST, params)

    def leech_count(self, learner_id: int) -> int:
        return int(self.conn.execute(
            "SELECT count(*) FROM cards WHERE learner_id = ? AND lapses >= ?", (learner_id, LEECH_LAPSES)
        ).fetchone()[0])

    def last_active(self, learner_id: int) -> datetime | None:
        """Time of the learner's latest review (an index lookup, not a scan)."""
        ms = self.conn.execute("SELECT max(reviewed_ms) FROM reviews WHERE learner_id = ?",
                               (learner_id,)).fetchone()[0]
        return from_ms(ms) if ms is not None else None

    def _rows(self, sql: str, params: dict[str, int]) -> list[tuple]:  # type: ignore[type-arg]
        return [tuple(r) for r in self.conn.execute(sql, params).fetchall()]
