"""Progress statistics: SQL aggregates over cards and the review log.

Every figure is a GROUP BY in SQLite (by study day, week or card state), so a
learner with a million reviews costs a few index scans, not a Python loop over
a million rows; :func:`trainer.progress.assemble` turns the few hundred rows that
come back into the figures the CLI, TUI and report show.

Study days in SQL: Python works out each study day's bounds in UTC
milliseconds, in the offset in force on that day (:func:`trainer.studyday.day_bounds_ms`:
the day after clocks go forward lasts 23 hours), and hands them to SQLite as
one JSON array; each day is then counted with index range lookups between its
bounds. A review at 04:30 on the first morning of summer time is that day's,
whatever the offset is when the figures are asked for.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
import json
from bisect import bisect_right
from datetime import datetime, tzinfo
from typing import Iterator, Mapping

from trainer.models import Learner
from trainer.progress import (
    FORECAST_DAYS, LEECH_LAPSES, MATURE_DAYS, CardCounts, LearnerProgress, RawStats, assemble,
)
from trainer.scheduler import PASS_QUALITY
from trainer.studyday import day_bounds_ms, day_number, from_ms, study_date, week_bounds_ms

#: Forecast granularity: every UTC offset and daylight-saving shift is a
#: multiple of a quarter-hour, so quarter-hours from a day start never straddle one.
QUARTER_MS = 900_000

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
_FIRST_LAST = """
SELECT (SELECT min(reviewed_ms) FROM reviews WHERE learner_id = :learner),
       (SELECT max(reviewed_ms) FROM reviews WHERE learner_id = :learner)
"""

# :periods is a JSON array of [number, start_ms, end_ms], one per day or week.
_PERIODS = """periods(n, lo, hi) AS (
  SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]')
  FROM json_each(:periods))"""
_IN_PERIOD = "reviewed_ms >= lo AND reviewed_ms < hi"

_DAYS = f"""
WITH {_PERIODS}
SELECT n,
  (SELECT count(*) FROM reviews WHERE learner_id = :learner AND {_IN_PERIOD}),
  (SELECT coalesce(sum(duration_ms), 0) FROM reviews WHERE learner_id = :learner AND {_IN_PERIOD})
FROM periods
"""

# True retention counts reviews of cards that were on an interval (young or
# mature before the answer); first sights and same-day repeats say nothing about
# retention over an interval. Each week is four counts - young/mature x
# failed/passed, so every review is visited once - over ranges of the partial
# expression index reviews_retention (migration 0002), whose WHERE and leading
# expressions these terms must repeat word for word to be used.
_CELL = (
    "(SELECT count(*) FROM reviews WHERE learner_id = :learner AND ivl_before >= 1 "
    f"AND extra_before = 0 AND (ivl_before >= {MATURE_DAYS}) = {{mature}} "
    f"AND (quality >= {PASS_QUALITY}) = {{passed}} AND {_IN_PERIOD})"
)

_WEEKS = f"""
WITH {_PERIODS}
SELECT n, {_CELL.format(mature=0, passed=0)}, {_CELL.format(mature=0, passed=1)},
  {_CELL.format(mature=1, passed=0)}, {_CELL.format(mature=1, passed=1)}
FROM periods
"""

# Cards due per quarter-hour from the start of today (overdue ones in the first);
# Python puts the quarters into study days.
_FORECAST = f"""
SELECT (max(due_ms, :start) - :start) / {QUARTER_MS} AS quarter, count(*)
FROM cards
WHERE learner_id = :learner AND last_review_ms IS NOT NULL AND suspended = 0 AND due_ms < :horizon
GROUP BY quarter ORDER BY quarter
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
        hour = learner.day_start_hour
        today = day_number(study_date(now, hour, tz))
        with _snapshot(self.conn):
            span = self._review_span(learner.id)
            days: list[tuple[int, int, int]] = []
            weeks: list[tuple[int, int, int]] = []
            if span:
                first, last = (day_number(study_date(from_ms(ms), hour, tz)) for ms in span)
                days, weeks = day_bounds_ms(first, last, hour, tz), week_bounds_ms(first, last, hour, tz)
            raw = RawStats(
                learner_id=learner.id,
                learner=learner.name,
                today=today,
                cards=self.card_counts(learner.id),
                days=[r for r in self._rows(_DAYS, _periods(learner.id, days)) if r[1]],
                weeks=self.retention_weeks(learner.id, weeks),
                forecast=self.forecast_rows(learner.id, day_bounds_ms(today, today + FORECAST_DAYS - 1, hour, tz)),
                hardest=self._rows(_HARDEST, {"learner": learner.id, "limit": hardest}),
                leeches=self.leech_count(learner.id),
                last_active=from_ms(span[1]) if span else None,
            )
        return assemble(raw)

    def _review_span(self, learner_id: int) -> tuple[int, int] | None:
        """Times (ms) of the learner's first and last review, None without reviews
        (two index lookups: min and max in one SELECT would scan the whole log)."""
        lo, hi = self.conn.execute(_FIRST_LAST, {"learner": learner_id}).fetchone()
        return None if lo is None else (lo, hi)

    def retention_weeks(self, learner_id: int, weeks: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int, int]]:
        """(week, young reviews, young passed, mature reviews, mature passed), for
        the weeks given as (number, start ms, end ms) that have reviews."""
        return [(week, yf + yp, yp, mf + mp, mp)
                for week, yf, yp, mf, mp in self._rows(_WEEKS, _periods(learner_id, weeks)) if yf + yp + mf + mp]

    def card_counts(self, learner_id: int) -> CardCounts:
        row = self.conn.execute(_CARD_COUNTS, {"learner": learner_id, "mature": MATURE_DAYS}).fetchone()
        return CardCounts(*row)

    def forecast_rows(self, learner_id: int, days: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
        """(days from the first of ``days``, cards due), for study days given as
        (number, start ms, end ms); overdue cards count on the first."""
        starts = [lo for _n, lo, _hi in days]
        params = {"learner": learner_id, "start": starts[0], "horizon": days[-1][2]}
        due: dict[int, int] = {}
        for quarter, count in self._rows(_FORECAST, params):
            day = bisect_right(starts, starts[0] + quarter * QUARTER_MS) - 1
            due[day] = due.get(day, 0) + count
        return sorted(due.items())

    def leech_count(self, learner_id: int) -> int:
        return int(self.conn.execute(
            "SELECT count(*) FROM cards WHERE learner_id = ? AND lapses >= ?", (learner_id, LEECH_LAPSES)
        ).fetchone()[0])

    def _rows(self, sql: str, params: Mapping[str, object]) -> list[tuple]:  # type: ignore[type-arg]
        return [tuple(r) for r in self.conn.execute(sql, params).fetchall()]


def _periods(learner_id: int, periods: list[tuple[int, int, int]]) -> dict[str, int | str]:
    return {"learner": learner_id, "periods": json.dumps(periods)}

