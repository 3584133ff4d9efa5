"""``trainer learners``: list, add and configure learners."""

from __future__ import annotations

import click

from trainer.cli.common import echo_json, named_learner, open_store, settings_of
from trainer.models import LANGS, Learner


@click.group()
def learners() -> None:
    """List, add and configure learners."""


@learners.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_context
def list_learners(ctx: click.Context, as_json: bool) -> None:
    """List learners with their language and daily limits."""
    with open_store(settings_of(ctx)) as store:
        found = store.learners()
    if as_json:
        echo_json([learner.to_dict() for learner in found])
        return
    if not found:
        click.echo("No learners yet: one is created the first time you study.")
    for learner in found:
        click.echo(_describe(learner))


@learners.command("add")
@click.argument("name")
@click.option("--lang", type=click.Choice(LANGS), help="Translation language (default: from your locale, else en).")
@click.option("--new-per-day", type=click.IntRange(min=0), default=20, show_default=True)
@click.option("--reviews-per-day", type=click.IntRange(min=0), default=200, show_default=True)
@click.option("--day-start", "day_start_hour", type=click.IntRange(0, 23), default=4, show_default=True,
              help="Local hour at which a new study day begins.")
@click.pass_context
def add_learner(ctx: click.Context, name: str, lang: str | None, new_per_day: int,
                reviews_per_day: int, day_start_hour: int) -> None:
    """Add a learner called NAME."""
    with open_store(settings_of(ctx)) as store:
        learner = store.add_learner(name, lang, new_per_day=new_per_day,
                                    reviews_per_day=reviews_per_day, day_start_hour=day_start_hour)
    click.echo(f"Added learner {learner.name} ({learner.lang}).")


@learners.command("set")
@click.argument("name")
@click.option("--lang", type=click.Choice(LANGS))
@click.option("--new-per-day", type=click.IntRange(min=0))
@click.option("--reviews-per-day", type=click.IntRange(min=0))
@click.option("--day-start", "day_start_hour", type=click.IntRange(0, 23))
@click.option("--study-unchecked", type=click.Choice(["yes", "no"]),
              help="yes: study notes whose translation still needs a check; no (default): they wait "
                   "until checked (trainer check).")
@click.pass_context
def set_learner(ctx: click.Context, name: str, **options: object) -> None:
    """Change NAME's language, daily limits or whether unchecked notes wait."""
    changes = {key: value for key, value in options.items() if value is not None}
    if "study_unchecked" in changes:
        changes["study_unchecked"] = changes["study_unchecked"] == "yes"
    if not changes:
        raise click.UsageError("nothing to change: give --lang, --new-per-day, --reviews-per-day, "
                               "--day-start or --study-unchecked")
    with open_store(settings_of(ctx)) as store:
        learner = store.update_learner(named_learner(store, name).id, **changes)
    click.echo(f"Updated {_describe(learner)}")


def _describe(learner: Learner) -> str:
    """One readable line: what the learner studies and how much a day."""
    unchecked = "studies unchecked notes" if learner.study_unchecked else "unchecked notes wait"
    return (f"{learner.name}: {learner.lang}, {learner.new_per_day} new/day, {learner.reviews_per_day} "
            f"reviews/day, day starts {learner.day_start_hour:02d}:00, {unchecked}")
