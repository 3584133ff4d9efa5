"""``trainer extract``: mine terms from bilingual articles.

Prints JSON Lines (``--json``) or a table, or stores notes in a deck
(``--deck``), idempotently and all-or-nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines: one object per term, language and file.")
@click.option("--deck", metavar="NAME", help="Store the terms as notes of this deck (updates it if it exists).")
@click.option("--limit", default=60, show_default=True, help="Terms kept per article.")
@click.pass_obj
def extract(settings: object, files: tuple[Path, ...], as_json: bool, deck: str | None, limit: int) -> None:
    """Extract key terms, pinyin and translations from article FILES.

    Each file holds a Chinese article and its French, English or Vietnamese
    translation.
    """
    from trainer.errors import InputError
    from trainer.extract.pipeline import extract_documents
    from trainer.extract.sources import load_documents

    def warn(message: str) -> None:
        click.echo(f"trainer: warning: {message}", err=True)

    docs = load_documents(list(files), warn)
    rows = _run(docs, limit, show_progress=not as_json and len(docs) > 2)
    if not rows:
        raise InputError("nothing could be extracted from the given files")
    if deck:
        _store(settings, deck, rows, [d.article.name for d in docs])
    elif as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")
    else:
        _table(rows)


def _run(docs, limit, show_progress):  # type: ignore[no-untyped-def]
    from trainer.extract.pipeline import extract_documents

    if not show_progress:
        return extract_documents(docs, limit)
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Translating terms", total=None)
        return extract_documents(docs, limit, progress=lambda done, total: progress.update(task, completed=done, total=total))


def _store(settings, deck, rows, names):  # type: ignore[no-untyped-def]
    from trainer.extract.drafts import to_drafts
    from trainer.store import Store

    drafts = to_drafts(rows)
    with Store.open(settings.db_path()) as store:
        result = store.import_notes(deck, drafts, description="Extracted from " + ", ".join(names))
    click.echo(f"{result.deck}: {result.added} added, {result.updated} updated, "
               f"{result.unchanged} unchanged, {result.cards_created} new cards")


def _table(rows) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.table import Table

    table = Table("source", "#", "term", "pinyin", "lang", "translation", "conf.", "method")
    for r in rows:
        table.add_row(r.source, str(r.rank), r.term, r.pinyin, r.lang, r.translation, f"{r.confidence:.2f}", r.method)
    Console().print(table)
