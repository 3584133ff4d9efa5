"""``trainer study`` (and ``trainer`` alone): open the study app on the default database."""

from __future__ import annotations

from typing import Any

import click

from trainer.cli.common import open_store, settings_of
from trainer.tui.session import MODES


def run_study(settings: Any, *, deck: str | None = None, mode: str = "recognition") -> None:
    """Open the store (loading the bundled deck on first run) and run the app until it quits."""
    from trainer.tui.app import make_app

    with open_store(settings) as store:
        app = make_app(store, settings.learner, mode=mode, deck=deck)
        app.run()


@click.command()
@click.option("--deck", metavar="NAME", help='Start a session on this deck at once ("all" for every deck).')
@click.option("--mode", type=click.Choice(MODES), default="recognition", show_default=True,
              help="Quiz mode: recognition, recall (type pinyin/hanzi), cloze (article sentence), choice.")
@click.pass_context
def study(ctx: click.Context, deck: str | None, mode: str) -> None:
    """Study in the terminal app (what `trainer` with no command does)."""
    run_study(settings_of(ctx), deck=deck, mode=mode)
