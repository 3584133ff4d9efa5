"""``trainer check``: open the app on a deck's check screen."""

from __future__ import annotations

import click

from trainer.cli.common import settings_of
from trainer.errors import TrainerError
from trainer.opening import Settings, open_store, run_study


@click.command()
@click.option("--deck", metavar="NAME", help="Deck to check (default: the first deck with notes waiting for a check).")
@click.pass_context
def check(ctx: click.Context, deck: str | None) -> None:
    """Confirm or fix mined notes before they are studied.

    Least confident first. Enter accepts, 1-3 pick an alternative, e types one,
    the arrow keys widen the highlighted span (shift+arrows narrow it), r rejects
    the term for this deck, s skips, u undoes, a accepts every note above a
    confidence. Each decision is saved at once.
    """
    settings = settings_of(ctx)
    if deck is None:
        deck = _first_deck_to_check(settings)
    run_study(settings, check=deck)


def _first_deck_to_check(settings: Settings) -> str:
    with open_store(settings) as store:
        learner = store.learner(settings.learner)
        waiting = store.to_check_counts(learner.lang)
        decks = store.decks()
    if not decks:
        raise TrainerError("no decks yet; add one with: trainer extract ARTICLE.txt --deck NAME")
    return next((d.name for d in decks if waiting.get(d.id)), decks[0].name)
