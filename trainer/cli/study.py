"""``trainer study`` (and ``trainer`` alone): open the study app on the default database."""

from __future__ import annotations

import click

from trainer.cli.common import settings_of
from trainer.opening import run_study
from trainer.tui.session import MODES

__all__ = ["run_study", "study"]


@click.command()
@click.option("--deck", metavar="NAME", help='Start a session on this deck at once ("all" for every deck).')
@click.option("--mode", type=click.Choice(MODES), default="recognition", show_default=True,
              help="Quiz mode: recognition, recall (type pinyin/hanzi), cloze (article sentence), choice.")
@click.pass_context
def study(ctx: click.Context, deck: str | None, mode: str) -> None:
    """Study in the terminal app (what `trainer` with no command does)."""
    run_study(settings_of(ctx), deck=deck, mode=mode)
