"""``trainer export``: decks to an Anki package or a CSV file.

A thin layer over :mod:`trainer.export`; the exporters (and genanki) are imported
only when a sub-command runs, so ``trainer --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable, Sequence

import click

from trainer.cli.common import echo_json, open_store, settings_of
from trainer.export.fields import file_stem
from trainer.export.selection import LANG_CHOICES


def default_output(decks: Sequence[str] | None, lang: str, suffix: str) -> Path:
    """``<deck>[-<lang>].apkg`` for one deck, ``trainer-decks[-<lang>].apkg`` otherwise.

    Sanitised (no separators, no leading dot) and in the current directory.
    """
    stem = file_stem(decks[0]) if decks and len(set(decks)) == 1 else "trainer-decks"
    if lang != "all":
        stem += f"-{lang}"
    return Path(stem + suffix)


def _selection_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The options both sub-commands share (applied bottom-up, shown in this order)."""
    options = [
        click.option("--deck", "deck_names", multiple=True, metavar="NAME",
                     help="Deck to export (repeatable). Default: every deck."),
        click.option("--all", "all_decks", is_flag=True, help="Export every deck (the default)."),
        click.option("-o", "--output", type=click.Path(path_type=Path), metavar="FILE",
                     help="File to write. Default: named after the deck, in the current directory."),
        click.option("--lang", type=click.Choice(LANG_CHOICES), default="all", show_default=True,
                     help="Translation language(s) to include; notes without one are left out."),
        click.option("--json", "as_json", is_flag=True, help="Print a JSON summary for scripts."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _decks(deck_names: tuple[str, ...], all_decks: bool) -> list[str] | None:
    if deck_names and all_decks:
        raise click.UsageError("give either --deck or --all, not both")
    return list(deck_names) if deck_names else None


def _progress(enabled: bool) -> Callable[[int, int], None] | None:
    """A one-line percentage on stderr, only when stderr is a terminal."""
    if not enabled or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        click.echo(f"\rexporting... {100 * done // total:3d}%", err=True, nl=done >= total)

    return show


@click.group()
def export() -> None:
    """Export decks for Anki or other tools."""


@export.command("anki")
@_selection_options
@click.option("--no-audio", is_flag=True, help="Do not record the terms even if espeak-ng is installed.")
@click.pass_context
def anki(ctx: click.Context, deck_names: tuple[str, ...], all_decks: bool, output: Path | None,
         lang: str, as_json: bool, no_audio: bool) -> None:
    """Export decks as an Anki package (.apkg).

    Each trainer deck becomes the Anki sub-deck "trainer::<deck>", each note gets a
    recognition and a recall card. Importing a newer export into Anki updates the
    notes already there instead of duplicating them. With espeak-ng installed, every
    term comes with a Mandarin recording.
    """
    from trainer.export.anki import export_apkg

    decks = _decks(deck_names, all_decks)
    target = output or default_output(decks, lang, ".apkg")
    with open_store(settings_of(ctx)) as store:
        result = export_apkg(store, target, decks=decks, lang=lang, audio=not no_audio,
                             progress=_progress(not as_json))
    for warning in result.warnings:
        click.echo(f"trainer: warning: {warning}", err=True)
    if as_json:
        echo_json(result.to_dict())
        return
    audio = f", {result.media} recordings" if result.audio else ", no audio"
    click.echo(f"Wrote {result.path}: {result.notes} notes, {result.cards} cards{audio} "
               f"({len(result.decks)} deck{'s' if len(result.decks) != 1 else ''}).")


@export.command("csv")
@_selection_options
@click.pass_context
def csv_command(ctx: click.Context, deck_names: tuple[str, ...], all_decks: bool, output: Path | None,
                lang: str, as_json: bool) -> None:
    """Export decks as CSV: UTF-8, a header row, one line per note."""
    from trainer.export.csv_export import export_csv

    decks = _decks(deck_names, all_decks)
    target = output or default_output(decks, lang, ".csv")
    with open_store(settings_of(ctx)) as store:
        result = export_csv(store, target, decks=decks, lang=lang)
    if as_json:
        echo_json(result.to_dict())
        return
    click.echo(f"Wrote {result.path}: {result.notes} notes, {len(result.columns)} columns.")
