"""``trainer stats``: a learner's progress figures, as text or JSON."""

from __future__ import annotations

from datetime import datetime, timezone

import click

from trainer.cli.common import echo_json, named_learner, open_store, settings_of
from trainer.models import Learner
from trainer.progress import LearnerProgress, format_duration, format_percent
from trainer.store import Store

#: How many of the hardest cards the text output lists (JSON has them all).
HARDEST_SHOWN = 5


def chosen_learners(store: Store, name: str | None, every: bool) -> list[Learner]:
    """``--all``, else the named learner (an error if unknown: stats never create one), else the first."""
    if every:
        return store.learners()
    if name is None:
        return [store.learner(None)]
    return [named_learner(store, name)]


@click.command()
@click.option("--learner", "name", metavar="NAME",
              help="Learner to show (overrides the global --learner). Default: the learner who studied last.")
@click.option("--all", "every", is_flag=True, help="Show every learner.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts (every figure, per learner).")
@click.pass_context
def stats(ctx: click.Context, name: str | None, every: bool, as_json: bool) -> None:
    """Progress: cards by state, reviews, retention, streaks, forecast, hardest cards."""
    settings = settings_of(ctx)
    now = datetime.now(timezone.utc)
    with open_store(settings) as store:
        learners = chosen_learners(store, name or settings.learner, every)
        figures = [store.progress(learner, now) for learner in learners]
    if as_json:
        echo_json({"learners": [f.to_dict() for f in figures]})
        return
    if not figures:
        click.echo("No learners yet.")
        return
    click.echo("\n\n".join("\n".join(text_lines(f)) for f in figures))


def text_lines(p: LearnerProgress) -> list[str]:
    """The plain-text summary of one learner, one figure per line."""
    c = p.cards
    due = p.forecast
    lines = [
        f"{p.learner} (study day {p.today.isoformat()})",
        f"Cards      {c.total} total: {c.new} new, {c.learning} learning, {c.young} young, "
        f"{c.mature} mature, {c.suspended} suspended",
        f"Reviews    {p.reviews_today} today ({format_duration(p.time_today_ms)}), "
        f"{p.reviews_total} all time ({format_duration(p.time_total_ms)})",
        f"Retention  {format_percent(p.retention)} (young {format_percent(p.young_retention)}, "
        f"mature {format_percent(p.mature_retention)})",
        f"Streak     {_days(p.streaks.current)} (longest {_days(p.streaks.longest)})",
        f"Due        {due[0].due} today, {due[1].due} tomorrow, "
        f"{sum(f.due for f in due[:7])} within 7 days, {sum(f.due for f in due)} within 30 days",
        f"Leeches    {p.leeches}",
        f"Last active {_when(p.last_active)}",
    ]
    if p.hardest:
        lines.append("Hardest cards:")
        lines.extend(
            f"  {h.term}  {h.pinyin}  ({h.direction})  {h.lapses} lapses, easiness {h.easiness:.2f}"
            + ("  LEECH" if h.leech else "")
            for h in p.hardest[:HARDEST_SHOWN]
        )
    return lines


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "never"
