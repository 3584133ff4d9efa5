"""``trainer learners``: list, add and configure learners."""

from __future__ import annotations

import click

from trainer.cli.common import echo_json, open_store, settings_of
from trainer.models import LANGS


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
        click.echo(
            f"{learner.name}\t{learner.lang}\t{learner.new_per_day} new/day\t"
            f"{learner.reviews_per_day} reviews/day\tday starts {learner.day_start_hour:02d}:00"
        )


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
@click.pass_context
def set_learner(ctx: click.Context, name: str, **options: object) -> None:
    """Change NAME's language or daily limits."""
    changes = {key: value for key, value in options.items() if value is not None}
    if not changes:
        raise click.UsageError("nothing to change: give --lang, --new-per-day, --reviews-per-day or --day-start")
    with open_store(settings_of(ctx)) as store:
        found = store.find_learner(name)
        if found is None:
            raise click.ClickException(f"no learner named {name!r}")
        learner = store.update_learner(found.id, **changes)
    click.echo(f"Updated {learner.name}: {learner.to_dict()}")
