"""``trainer due``: what the learner has to study today, per deck."""

from __future__ import annotations

from datetime import datetime, timezone

import click

from trainer.cli.common import echo_json, open_store, settings_of
from trainer.cli.stats import chosen_learners


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_context
def due(ctx: click.Context, as_json: bool) -> None:
    """Cards due today and new cards available, per deck, for the current learner."""
    settings = settings_of(ctx)
    with open_store(settings) as store:
        learner = chosen_learners(store, settings.learner, False)[0]  # a read: never creates a learner
        counts = store.deck_counts(learner, datetime.now(timezone.utc))
    rows = [{"deck": c.deck, "due": c.due, "new": c.new, "learned": c.learned, "total": c.total} for c in counts]
    if as_json:
        echo_json({"learner": learner.name, "decks": rows})
        return
    click.echo(f"Learner {learner.name} ({learner.lang})")
    for row in rows:
        click.echo(f"{row['deck']}\t{row['due']} due\t{row['new']} new\t{row['learned']}/{row['total']} learned")
