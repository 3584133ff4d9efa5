"""A learner's progress figures, assembled from the store's SQL aggregates.

Why a separate module: the store (:mod:`trainer.store.stats`) does the heavy work
in SQLite (GROUP BY day, week and card state over up to millions of reviews) and
hands back a few hundred small rows; what is left - streaks from a list of study
days, ratios, leech flags, turning day numbers into dates - is pure and cheap, so
it lives here, free of I/O and of any UI, and is tested on its own. The CLI, the
TUI stats screen and the HTML report all read the same :class:`LearnerProgress`.

Study days are numbered like the store numbers them: day ``n`` is the study day
that began on calendar date ``1970-01-01 + n days`` at the learner's
``day_start_hour`` local time, so a review at 02:00 belongs to the day before.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any, Iterable, Sequence

#: A card with this many lapses is a leech: it keeps being forgotten and wastes
#: reviews, so it should be rewritten or suspended (Anki's default threshold).
LEECH_LAPSES = 8
#: Interval (days) from which a card counts as mature rather than young (as in Anki).
MATURE_DAYS = 21
#: How far the due-card forecast looks ahead, in study days (today included).
FORECAST_DAYS = 30

_EPOCH_DAY = date(1970, 1, 1)


def day_date(day: int) -> date:
    """The calendar date on which study day number ``day`` begins."""
    return _EPOCH_DAY + timedelta(days=day)


def week_start(week: int) -> date:
    """The Monday beginning week number ``week`` (weeks as numbered by the store)."""
    # Day 0 (1970-01-01) was a Thursday; the store numbers weeks as (day + 3) // 7.
    return day_date(week * 7 - 3)


def ratio(part: int, whole: int) -> float | None:
    """``part / whole``, or None when there is nothing to divide (no data is not 0 %)."""
    return part / whole if whole else None


@dataclass(frozen=True)
class CardCounts:
    """Cards by state; the five states do not overlap, so they add up to the total.

    ``learning`` is studied but not yet on an interval (failed, or awaiting a
    same-day repeat after a hard answer); ``young`` has an interval under
    :data:`MATURE_DAYS` days and ``mature`` one of at least that. Suspended cards
    are counted only as suspended, whatever their interval.
    """

    new: int = 0
    learning: int = 0
    young: int = 0
    mature: int = 0
    suspended: int = 0

    @property
    def total(self) -> int:
        return self.new + self.learning + self.young + self.mature + self.suspended

    @property
    def learned(self) -> int:
        """Cards on an interval: what a teacher would call "learned"."""
        return self.young + self.mature


@dataclass(frozen=True)
class DayActivity:
    """Reviews done and time spent on one study day."""

    day: date
    reviews: int
    time_ms: int


@dataclass(frozen=True)
class WeekRetention:
    """True retention for one week: answers >= 3 among reviews of young/mature cards.

    Only reviews of cards that were on an interval count (not first sights nor
    same-day repeats), so the figure says how well scheduled cards are remembered.
    """

    week: date
    young_reviews: int
    young_passed: int
    mature_reviews: int
    mature_passed: int

    @property
    def reviews(self) -> int:
        return self.young_reviews + self.mature_reviews

    @property
    def passed(self) -> int:
        return self.young_passed + self.mature_passed

    @property
    def retention(self) -> float | None:
        return ratio(self.passed, self.reviews)


@dataclass(frozen=True)
class Streaks:
    """Consecutive study days with at least one review.

    ``current`` is the run ending today, or yesterday when the learner has not
    studied yet today (the streak is not broken until the day is over).
    """

    current: int = 0
    longest: int = 0


@dataclass(frozen=True)
class ForecastDay:
    """Cards due on one study day; day 0 (today) includes every overdue card."""

    day: date
    due: int


@dataclass(frozen=True)
class HardCard:
    """One of the cards the learner struggles with most."""

    card_id: int
    term: str
    pinyin: str
    direction: str
    easiness: float
    lapses: int
    interval: int
    reviews: int
    leech: bool


@dataclass(frozen=True)
class LearnerProgress:
    """Every figure of one learner's progress, as of study day ``today``."""

    learner_id: int
    learner: str
    today: date
    cards: CardCounts
    reviews_today: int
    time_today_ms: int
    reviews_total: int
    time_total_ms: int
    retention: float | None
    young_retention: float | None
    mature_retention: float | None
    streaks: Streaks
    last_active: datetime | None
    days: tuple[DayActivity, ...] = ()
    weeks: tuple[WeekRetention, ...] = ()
    forecast: tuple[ForecastDay, ...] = ()
    hardest: tuple[HardCard, ...] = ()
    leeches: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: dates as ISO strings, computed properties included."""
        data = asdict(self)
        data["today"] = self.today.isoformat()
        data["last_active"] = self.last_active.isoformat() if self.last_active else None
        data["cards"] = {**asdict(self.cards), "total": self.cards.total, "learned": self.cards.learned}
        data["days"] = [{"day": d.day.isoformat(), "reviews": d.reviews, "time_ms": d.time_ms}
                        for d in self.days]
        data["weeks"] = [{**asdict(w), "week": w.week.isoformat(), "reviews": w.reviews,
                          "passed": w.passed, "retention": w.retention} for w in self.weeks]
        data["forecast"] = [{"day": f.day.isoformat(), "due": f.due} for f in self.forecast]
        return data


@dataclass(frozen=True)
class RawStats:
    """What the store's queries return, before assembly (day/week numbers, not dates).

    ``days``: (day, reviews, time_ms), ascending. ``weeks``: (week, young_reviews,
    young_passed, mature_reviews, mature_passed), ascending. ``forecast``: (offset
    from today, due) for offsets 0..FORECAST_DAYS-1 that have cards. ``hardest``:
    (card_id, term, pinyin, direction, easiness, lapses, interval, reviews).
    """

    learner_id: int
    learner: str
    today: int
    cards: CardCounts
    days: Sequence[tuple[int, int, int]] = ()
    weeks: Sequence[tuple[int, int, int, int, int]] = ()
    forecast: Sequence[tuple[int, int]] = ()
    hardest: Sequence[tuple[int, str, str, str, float, int, int, int]] = ()
    leeches: int = 0
    last_active: datetime | None = None


def streaks(study_days: Iterable[int], today: int) -> Streaks:
    """Current and longest runs of consecutive study days, from sorted day numbers."""
    longest = run = 0
    previous: int | None = None
    for day in study_days:
        run = run + 1 if previous is not None and day == previous + 1 else 1
        longest = max(longest, run)
        previous = day
    alive = previous is not None and previous >= today - 1
    return Streaks(current=run if alive else 0, longest=longest)


def forecast(rows: Iterable[tuple[int, int]], today: int, days: int = FORECAST_DAYS) -> tuple[ForecastDay, ...]:
    """One entry per study day from today, zero-filled where nothing is due."""
    due = dict(rows)
    return tuple(ForecastDay(day_date(today + i), due.get(i, 0)) for i in range(days))


def hard_card(row: tuple[int, str, str, str, float, int, int, int]) -> HardCard:
    card_id, term, pinyin, direction, easiness, lapses, interval, reviews = row
    return HardCard(card_id, term, pinyin, direction, round(easiness, 2), lapses, interval, reviews,
                    leech=lapses >= LEECH_LAPSES)


def assemble(raw: RawStats) -> LearnerProgress:
    """Turn the store's rows into the figures every view shows."""
    days = tuple(DayActivity(day_date(d), n, t) for d, n, t in raw.days)
    weeks = tuple(WeekRetention(week_start(w), *counts) for w, *counts in raw.weeks)
    today = next(((n, t) for d, n, t in raw.days if d == raw.today), (0, 0))
    young = sum(w.young_reviews for w in weeks), sum(w.young_passed for w in weeks)
    mature = sum(w.mature_reviews for w in weeks), sum(w.mature_passed for w in weeks)
    return LearnerProgress(
        learner_id=raw.learner_id,
        learner=raw.learner,
        today=day_date(raw.today),
        cards=raw.cards,
        reviews_today=today[0],
        time_today_ms=today[1],
        reviews_total=sum(d.reviews for d in days),
        time_total_ms=sum(d.time_ms for d in days),
        retention=ratio(young[1] + mature[1], young[0] + mature[0]),
        young_retention=ratio(young[1], young[0]),
        mature_retention=ratio(mature[1], mature[0]),
        streaks=streaks((d for d, _, _ in raw.days), raw.today),
        last_active=raw.last_active,
        days=days,
        weeks=weeks,
        forecast=forecast(raw.forecast, raw.today),
        hardest=tuple(hard_card(r) for r in raw.hardest),
        leeches=raw.leeches,
    )


def format_duration(ms: int) -> str:
    """Short human form for time spent: ``45s``, ``12m``, ``3h05``."""
    seconds = ms // 1000
    if seconds < 60:
        return f"{seconds}s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes}m"
    return f"{minutes // 60}h{minutes % 60:02d}"


def format_percent(value: float | None) -> str:
    """``87.5%``, or an en dash when there were no reviews to measure."""
    return "–" if value is None else f"{value * 100:.1f}%"
