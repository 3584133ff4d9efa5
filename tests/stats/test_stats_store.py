"""Every progress figure, from review logs whose answers we know.

Times are UTC and the learner's day starts at 04:00 unless a test says otherwise;
2026-01-05 is a Monday, so day 0 of :func:`at` starts week 1.
"""

from __future__ import annotations

import json
from datetime import date, timedelta, timezone

from tests.stats.stats_helpers import Lab, at
from trainer.progress import CardCounts, Streaks, streaks
from trainer.store import stats as stats_sql
from trainer.studyday import to_ms

UTC = timezone.utc


def studied(lab: Lab, card_id: int, **values: object) -> None:
    """Mark a card as studied (last review at day 0) with the given state."""
    lab.set_card(card_id, last_review_ms=to_ms(at(0)), **values)


def test_cards_by_state(lab: Lab) -> None:
    ana = lab.learner()
    c, r = lab.cards(ana), lab.cards(ana, "recall")
    lab.answer(c[0], 5, at(0))  # interval 1: young
    lab.answer(c[1], 1, at(0))  # interval 0: learning
    lab.answer(c[2], 3, at(0))  # interval 1 but awaiting a same-day repeat: learning
    studied(lab, c[3], repetitions=4, interval=30)  # mature
    lab.set_card(c[4], suspended=1)  # suspended, whatever else
    studied(lab, r[0], repetitions=3, interval=21)  # mature from 21 days
    studied(lab, r[1], repetitions=3, interval=20)  # still young
    got = lab.store.progress(ana, at(1), tz=UTC).cards
    assert got == CardCounts(new=5, learning=2, young=2, mature=2, suspended=1)
    assert got.total == 12 and got.learned == 4


def test_reviews_and_time_per_study_day(lab: Lab) -> None:
    ana = lab.learner()
    c = lab.cards(ana)
    lab.answer(c[0], 5, at(0, 12), seconds=10)
    lab.answer(c[1], 4, at(0, 23), seconds=20)
    lab.answer(c[2], 4, at(1, 3, 59), seconds=5)  # 03:59 on the 6th: still the 5th's study day
    lab.answer(c[3], 4, at(1, 4, 0), seconds=7)  # 04:00: a new study day
    got = lab.store.progress(ana, at(1, 10), tz=UTC)
    assert [(d.day, d.reviews, d.time_ms) for d in got.days] == [
        (date(2026, 1, 5), 3, 35_000), (date(2026, 1, 6), 1, 7_000)]
    assert (got.reviews_today, got.time_today_ms) == (1, 7_000)
    assert (got.reviews_total, got.time_total_ms) == (4, 42_000)
    assert got.today == date(2026, 1, 6)
    assert got.last_active == at(1, 4, 0)


def test_study_days_follow_the_time_zone_and_start_hour(lab: Lab) -> None:
    ana = lab.learner()
    bob = lab.learner("bob", day_start_hour=0)
    for learner in (ana, bob):
        c = lab.cards(learner)
        lab.answer(c[0], 5, at(0, 12), seconds=10)
        lab.answer(c[1], 4, at(0, 23), seconds=20)
        lab.answer(c[2], 4, at(1, 3, 59), seconds=1)
        lab.answer(c[3], 4, at(1, 4, 0), seconds=1)
    # UTC+8, day from 04:00 local = 20:00 UTC: only the first review is on the 5th.
    plus8 = lab.store.progress(ana, at(1, 10), tz=timezone(timedelta(hours=8)))
    assert [(d.day.day, d.reviews, d.time_ms) for d in plus8.days] == [(5, 1, 10_000), (6, 3, 22_000)]
    assert plus8.reviews_today == 3
    midnight = lab.store.progress(bob, at(1, 10), tz=UTC)
    assert [(d.day.day, d.reviews) for d in midnight.days] == [(5, 2), (6, 2)]


def test_true_retention_per_week(lab: Lab) -> None:
    ana = lab.learner()
    c, r = lab.cards(ana), lab.cards(ana, "recall")
    # Week of Monday 5 January.
    lab.answer(c[0], 5, at(0))  # first sight: not counted
    lab.answer(c[0], 4, at(1))  # young, passed
    studied(lab, c[1], repetitions=2, interval=6)
    lab.answer(c[1], 2, at(2))  # young, failed
    lab.answer(c[1], 4, at(2, 13))  # same-day repeat: not counted
    studied(lab, c[2], repetitions=4, interval=30)
    lab.answer(c[2], 5, at(3))  # mature, passed
    studied(lab, c[3], repetitions=3, interval=21)
    lab.answer(c[3], 3, at(4))  # mature, passed (3 is a pass)...
    lab.answer(c[3], 4, at(4, 13))  # ...then its extra review: not counted
    studied(lab, c[4], repetitions=4, interval=40)
    lab.answer(c[4], 0, at(6, 3))  # Sunday night 03:00 belongs to Saturday: mature, failed
    studied(lab, c[5], repetitions=2, interval=10)
    lab.answer(c[5], 5, at(7, 3, 59))  # Monday 03:59 is still Sunday's study day: young, passed
    # Week of Monday 12 January.
    studied(lab, r[0], repetitions=2, interval=5)
    lab.answer(r[0], 1, at(7, 4))  # young, failed
    studied(lab, r[1], repetitions=4, interval=25)
    lab.answer(r[1], 4, at(8))  # mature, passed
    got = lab.store.progress(ana, at(8, 13), tz=UTC)
    assert [(w.week, w.young_reviews, w.young_passed, w.mature_reviews, w.mature_passed)
            for w in got.weeks] == [(date(2026, 1, 5), 3, 2, 3, 2), (date(2026, 1, 12), 1, 0, 1, 1)]
    assert [w.retention for w in got.weeks] == [4 / 6, 1 / 2]
    assert (got.young_retention, got.mature_retention, got.retention) == (2 / 4, 3 / 4, 5 / 8)


def test_streaks_use_the_study_day_boundary(lab: Lab) -> None:
    ana = lab.learner()
    card = lab.cards(ana)[0]
    # Study days 0, 1, 2 (only at 03:00 on day 3), 3, then a gap on 4, then 5 and 6.
    for moment in (at(0), at(1), at(3, 3), at(3), at(5), at(6)):
        lab.answer(card, 4, moment)
    assert lab.store.progress(ana, at(7, 2), tz=UTC).streaks == Streaks(current=2, longest=4)
    assert lab.store.progress(ana, at(7, 12), tz=UTC).streaks == Streaks(current=2, longest=4)
    assert lab.store.progress(ana, at(8, 12), tz=UTC).streaks == Streaks(current=0, longest=4)


def test_streaks_from_study_days() -> None:
    assert streaks([], 10) == Streaks(0, 0)
    assert streaks([10], 10) == Streaks(1, 1)
    assert streaks([9], 10) == Streaks(1, 1)
    assert streaks([8], 10) == Streaks(0, 1)
    assert streaks([1, 2, 3, 7, 8], 9) == Streaks(2, 3)
    assert streaks([1, 2, 3, 7, 8, 9, 10], 10) == Streaks(4, 4)


def test_forecast_of_due_cards(lab: Lab) -> None:
    ana = lab.learner()
    c, r = lab.cards(ana), lab.cards(ana, "recall")
    studied(lab, c[0], interval=1, due=at(5))  # overdue: today
    studied(lab, c[1], interval=1, due=at(11, 3))  # 03:00 tomorrow is still today's study day
    studied(lab, c[2], interval=1, due=at(11, 4))  # tomorrow
    studied(lab, c[3], interval=30, due=at(39, 12))  # the 30th and last day shown
    studied(lab, c[4], interval=30, due=at(40, 4))  # beyond the forecast
    studied(lab, c[5], interval=3, due=at(12), suspended=1)  # suspended: never due
    lab.set_card(r[0], due=at(12))  # new cards are not forecast
    got = lab.store.progress(ana, at(10, 12), tz=UTC).forecast
    assert len(got) == 30
    assert got[0].day == date(2026, 1, 15) and got[29].day == date(2026, 2, 13)
    assert {i: f.due for i, f in enumerate(got) if f.due} == {0: 2, 1: 1, 29: 1}


def test_hardest_cards_and_leeches(lab: Lab) -> None:
    ana = lab.learner()
    c, r = lab.cards(ana), lab.cards(ana, "recall")
    lab.answer(c[3], 5, at(0))
    lab.answer(c[3], 5, at(1))
    studied(lab, c[0], lapses=8, easiness=2.0)
    studied(lab, c[1], lapses=9, easiness=2.5)
    studied(lab, c[2], lapses=7, easiness=1.3)
    lab.set_card(c[3], easiness=1.5)
    studied(lab, c[4], lapses=0, easiness=2.5)  # studied, never forgotten: not hard
    studied(lab, r[0], lapses=8, easiness=2.5, suspended=1)
    got = lab.store.progress(ana, at(2), tz=UTC)
    assert [(h.card_id, h.lapses, h.easiness, h.leech) for h in got.hardest] == [
        (c[1], 9, 2.5, True), (c[0], 8, 2.0, True), (r[0], 8, 2.5, True),
        (c[2], 7, 1.3, False), (c[3], 0, 1.5, False)]
    assert got.hardest[0].term == "词1" and got.hardest[0].direction == "recognition"
    assert got.hardest[-1].reviews == 2
    assert got.leeches == 3
    assert len(lab.store.progress(ana, at(2), tz=UTC, hardest=2).hardest) == 2


def test_a_learner_without_reviews(lab: Lab) -> None:
    ana = lab.learner()
    got = lab.store.progress(ana, at(0), tz=UTC)
    assert got.cards == CardCounts(new=12)
    assert (got.reviews_today, got.reviews_total, got.time_total_ms) == (0, 0, 0)
    assert got.retention is None and got.weeks == () and got.days == ()
    assert got.streaks == Streaks(0, 0) and got.last_active is None
    assert sum(f.due for f in got.forecast) == 0 and got.hardest == () and got.leeches == 0


def test_learners_do_not_mix(lab: Lab) -> None:
    ana, bob = lab.learner(), lab.learner("bob", "fr")
    lab.answer(lab.cards(bob)[0], 5, at(0))
    lab.set_card(lab.cards(bob)[1], lapses=9, last_review_ms=to_ms(at(0)))
    got = lab.store.progress(ana, at(0, 13), tz=UTC)
    assert got.reviews_total == 0 and got.cards.new == 12 and got.leeches == 0 and got.hardest == ()
    assert lab.store.progress(bob, at(0, 13), tz=UTC).reviews_total == 1


def test_figures_are_json_ready(lab: Lab) -> None:
    ana = lab.learner()
    lab.answer(lab.cards(ana)[0], 5, at(0))
    data = json.loads(json.dumps(lab.store.progress(ana, at(0, 13), tz=UTC).to_dict()))
    assert data["cards"]["total"] == 12 and data["cards"]["young"] == 1
    assert data["days"] == [{"day": "2026-01-05", "reviews": 1, "time_ms": 10_000}]
    assert data["today"] == "2026-01-05" and data["last_active"].startswith("2026-01-05T12:00")


def test_scans_of_the_review_log_use_the_stats_indexes(lab: Lab) -> None:
    """The benchmark's speed depends on these plans (bench/RESULTS_stats.md)."""
    params = {"learner": 1, "periods": "[[20000, 1728000000000, 1728086400000]]"}

    def plan(sql: str) -> str:
        return " ".join(row[-1] for row in lab.store.conn.execute("EXPLAIN QUERY PLAN " + sql, params))

    assert "reviews_retention" in plan(stats_sql._WEEKS)
    assert "reviews_learner_time_duration" in plan(stats_sql._DAYS)
    assert "TEMP B-TREE" not in plan(stats_sql._DAYS) + plan(stats_sql._WEEKS)


def test_a_version_1_database_gains_the_stats_indexes_after_a_backup(tmp_path) -> None:
    import sqlite3

    from trainer.store import Store
    from trainer.store.connection import migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(dict(migrations())[1])
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with Store.open(path) as store:
        names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"reviews_retention", "reviews_learner_time_duration"} <= names
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] >= 2
    assert list(tmp_path.glob("old.db.v1-*.bak"))


def test_study_days_keep_their_own_offset_across_daylight_saving(lab: Lab) -> None:
    # Paris: CET (+1) until 2026-03-29 02:00, CEST (+2) after; asked in winter (+1).
    from datetime import datetime
    from zoneinfo import ZoneInfo

    paris, utc = ZoneInfo("Europe/Paris"), timezone.utc
    ana = lab.learner()
    c = lab.cards(ana)
    lab.answer(c[0], 5, datetime(2026, 3, 28, 3, 30, tzinfo=utc))  # 04:30 CET: the 28th
    lab.answer(c[1], 5, datetime(2026, 3, 30, 1, 30, tzinfo=utc))  # 03:30 CEST: still the 29th
    lab.answer(c[2], 5, datetime(2026, 3, 30, 2, 30, tzinfo=utc))  # 04:30 CEST: the 30th
    got = lab.store.progress(ana, datetime(2026, 12, 1, 12, tzinfo=utc), tz=paris)
    assert [(d.day, d.reviews) for d in got.days] == [(date(2026, 3, 28), 1), (date(2026, 3, 29), 1),
                                                     (date(2026, 3, 30), 1)]
    # Week of Monday 23 March ends at 04:00 CEST on Monday 30 March.
    assert [(w.week, w.young_reviews + w.mature_reviews) for w in got.weeks] == []  # first sights only
    # Forecast asked on the evening before the change: 03:30 CEST on the 29th is still the 28th's day.
    bob = lab.learner("bob")
    b = lab.cards(bob)
    lab.set_card(b[0], last_review_ms=to_ms(at(0)), interval=1, due=datetime(2026, 3, 29, 1, 30, tzinfo=utc))
    lab.set_card(b[1], last_review_ms=to_ms(at(0)), interval=1, due=datetime(2026, 3, 29, 2, 30, tzinfo=utc))
    soon = lab.store.progress(bob, datetime(2026, 3, 28, 20, tzinfo=utc), tz=paris).forecast
    assert soon[0].day == date(2026, 3, 28)
    assert [f.due for f in soon[:2]] == [1, 1]


def test_weeks_split_at_monday_in_the_offset_of_that_monday(lab: Lab) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    paris, utc = ZoneInfo("Europe/Paris"), timezone.utc
    ana = lab.learner()
    c = lab.cards(ana)
    lab.set_card(c[0], last_review_ms=to_ms(at(0)), repetitions=2, interval=6, due=at(0))
    lab.set_card(c[1], last_review_ms=to_ms(at(0)), repetitions=2, interval=6, due=at(0))
    lab.answer(c[0], 5, datetime(2026, 3, 30, 1, 30, tzinfo=utc))  # 03:30 CEST Monday: Sunday's day, week of the 23rd
    lab.answer(c[1], 1, datetime(2026, 3, 30, 2, 30, tzinfo=utc))  # 04:30 CEST Monday: week of the 30th
    got = lab.store.progress(ana, datetime(2026, 12, 1, 12, tzinfo=utc), tz=paris)
    assert [(w.week, w.young_reviews, w.young_passed) for w in got.weeks] == [
        (date(2026, 3, 23), 1, 1), (date(2026, 3, 30), 1, 0)]
