"""``trainer corrections export|import``: learners' decisions as JSON Lines.

A teacher checks a deck once and hands the file to a class; ``trainer extract``
then reuses every confirmed translation and leaves out rejected terms.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from trainer.cli.common import settings_of
from trainer.errors import InputError

#: A corrections file larger than this is not one (a class's decisions are a few MB at most).
MAX_BYTES = 50 * 1024 * 1024


@click.group()
def corrections() -> None:
    """Export or import the learners' decisions on mined translations (JSON Lines)."""


@corrections.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write [default: standard output].")
@click.option("--deck", metavar="NAME", help="Only this deck's decisions.")
@click.pass_context
def export_corrections(ctx: click.Context, output: Path | None, deck: str | None) -> None:
    """Write every decision (term, lang, old, new, decision, learner, time, source), oldest first."""
    from trainer.opening import open_store

    with open_store(settings_of(ctx)) as store:
        items = store.corrections(deck)
    text = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in items)
    if output is None:
        sys.stdout.write(text)
        return
    from trainer.export.atomic import atomic_path

    with atomic_path(output) as temporary:
        temporary.write_text(text, encoding="utf-8")
    click.echo(f"{output}: {len(items)} corrections", err=True)


@corrections.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_context
def import_corrections(ctx: click.Context, file: Path) -> None:
    """Add the decisions of FILE (from `trainer corrections export`); all or nothing,
    and a decision already stored is skipped, so importing twice is harmless."""
    from trainer.opening import open_store

    items = _read(file)
    with open_store(settings_of(ctx)) as store:
        added = store.import_corrections(items, origin=str(file))
    click.echo(f"{file}: {added} corrections added, {len(items) - added} already stored")


def _read(file: Path) -> list[dict]:
    if not file.is_file():
        raise InputError(f"{file}: not a regular file")
    with file.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{file}: too large for a corrections file (over {MAX_BYTES // 2**20} MB)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{file}: not UTF-8 text (byte {error.start})") from error
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except ValueError as error:
            raise InputError(f"{file}: line {number}: not JSON ({error.msg})") from error
    if not items:
        raise InputError(f"{file}: no corrections in it")
    return items
