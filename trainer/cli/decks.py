"""``trainer decks``: what decks there are."""

from __future__ import annotations

import click

from trainer.cli.common import echo_json, open_store, settings_of


@click.group()
def decks() -> None:
    """List decks."""


@decks.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_context
def list_decks(ctx: click.Context, as_json: bool) -> None:
    """List decks with their number of notes."""
    with open_store(settings_of(ctx)) as store:
        counts = store.note_counts()
        rows = [(deck, counts[deck.name]) for deck in store.decks()]
    if as_json:
        echo_json([{"name": d.name, "description": d.description, "notes": n} for d, n in rows])
        return
    if not rows:
        click.echo("No decks. Add one with: trainer extract ARTICLE.txt --deck NAME")
    for deck, count in rows:
        click.echo(f"{deck.name}\t{count} notes")
