"""``trainer extract``: mine terms from bilingual articles.

Prints JSON Lines (``--json``) or a table, or stores notes in a deck
(``--deck``), idempotently and all-or-nothing (the store's ``import_notes`` is
one transaction).  Everything heavy is imported inside the command.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

import click

if TYPE_CHECKING:
    from trainer.opening import Settings
    from trainer.extract.documents import Document, Row


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines: one object per term, language and file.")
@click.option("--deck", metavar="NAME", help="Store the terms as notes of this deck (updates it if it exists).")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="At most this many terms per article, best first [default: every term found, "
                   "about one per 12 Chinese characters plus names and phrases the aligner finds].")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes reading files and translating terms [default: one per CPU core "
                   "on large inputs]. The output does not depend on it.")
@click.option("--no-corrections", is_flag=True,
              help="Ignore the learners' stored corrections (by default a confirmed translation is reused "
                   "where the article shows it, and terms rejected in --deck are left out).")
@click.pass_obj
def extract(
    settings: Settings, files: tuple[Path, ...], as_json: bool, deck: str | None, limit: int | None,
    jobs: int | None, no_corrections: bool,
) -> None:
    """Extract key terms, pinyin and translations from article FILES.

    Each file holds a Chinese article and its French, English or Vietnamese
    translation, in any order, as UTF-8, UTF-16 or GB18030.
    """
    from trainer.errors import InputError

    def warn(message: str) -> None:
        click.echo(f"trainer: warning: {message}", err=True)

    docs, rows = _run(list(files), limit, jobs, warn, show_progress=not as_json and len(files) > 2)
    if not rows:
        raise InputError(", ".join(d.article.name for d in docs) + ": no terms could be extracted")
    if deck:
        _store(settings, deck, rows, [d.article.name for d in docs], use_corrections=not no_corrections)
        return
    if not no_corrections:
        from trainer.extract.corrections import apply_corrections

        rows = apply_corrections(rows, _stored_corrections(settings, warn))
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")
    else:
        _table(rows)


def _run(
    files: list[Path], limit: int | None, jobs: int | None, warn: Callable[[str], None], show_progress: bool,
) -> tuple[list[Document], list[Row]]:
    """Read the files and extract their terms (at most ``limit`` per file), with
    progress bars on stderr for long runs (reading, then translating)."""
    from trainer.extract.documents import best_terms

    docs, rows = _extracted(files, limit, jobs, warn, show_progress)
    return docs, best_terms(rows, limit) if limit is not None else rows


def _extracted(
    files: list[Path], limit: int | None, jobs: int | None, warn: Callable[[str], None], show_progress: bool,
) -> tuple[list[Document], list[Row]]:
    from trainer.extract.documents import DEFAULT_LIMIT
    from trainer.extract.pipeline import extract_documents
    from trainer.extract.sources import load_documents

    # The ranking looks at DEFAULT_LIMIT terms at least: a smaller --limit only cuts the output.
    limit = max(limit or 0, DEFAULT_LIMIT)
    if not show_progress:
        docs = load_documents(files, warn, workers=jobs)
        return docs, extract_documents(docs, limit, workers=jobs)
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        reading = progress.add_task("Reading articles", total=len(files))
        docs = load_documents(files, warn, lambda done: progress.update(reading, completed=done), jobs)
        task = progress.add_task("Translating terms", total=None)
        return docs, extract_documents(
            docs, limit, progress=lambda done, total: progress.update(task, completed=done, total=total), workers=jobs
        )


def _stored_corrections(settings: Settings, warn: Callable[[str], None]) -> list:
    """The learners' decisions in the database, if there is one (never created here).
    Without --deck an unreadable database is only a warning: the extraction still runs."""
    import sqlite3

    from trainer.errors import TrainerError
    from trainer.store import Store
    from trainer.store.connection import database_error

    path = settings.db_path()
    if not path.exists():
        return []
    try:
        with Store.open(path) as store:
            try:
                return store.corrections()
            except sqlite3.Error as error:
                raise database_error(path, error) from error
    except TrainerError as error:
        warn(f"{error} (corrections not used)")
        return []


def _store(settings: Settings, deck: str, rows: Sequence[Row], names: Sequence[str], use_corrections: bool) -> None:
    """Store the rows as notes of ``deck``, after the stored corrections (read in the same opening)."""
    from trainer.extract.corrections import apply_corrections
    from trainer.extract.drafts import to_drafts
    from trainer.store import Store

    import sqlite3

    from trainer.store.connection import database_error

    path = settings.db_path()
    with Store.open(path) as store:
        if use_corrections:
            try:
                rows = apply_corrections(rows, store.corrections(), deck)
            except sqlite3.Error as error:
                raise database_error(path, error) from error
        result = store.import_notes(deck, to_drafts(rows), description="Extracted from " + ", ".join(names))
    click.echo(f"{result.deck}: {result.added} added, {result.updated} updated, "
               f"{result.unchanged} unchanged, {result.cards_created} new cards")


def _table(rows: Sequence[Row]) -> None:
    """One compact table per file (its name and language in the title), so
    that the translation gets the width, even on an 80-column pipe."""
    from itertools import groupby

    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for source, group in groupby(rows, key=lambda r: (r.source, r.lang)):
        table = Table("#", "term", "pinyin", "translation", "conf.", title=f"{source[0]} ({source[1]})",
                      title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
                      caption=f"{DICTIONARY_MARK} CC-CEDICT gloss: no aligned rendering   "
                              f"{UNSURE_MARK} little evidence: check it", caption_justify="left")
        table.columns[0].justify = "right"
        table.columns[1].no_wrap = True
        table.columns[2].ratio, table.columns[3].ratio = 1, 2
        for r in group:
            mark = f" {DICTIONARY_MARK}" if r.method == "dictionary" else f" {UNSURE_MARK}" if unsure(r) else ""
            table.add_row(str(r.rank), r.term, r.pinyin, r.translation, f"{r.confidence:.2f}{mark}")
        console.print(table)


#: Marks a row whose translation is the dictionary fallback, not an aligned span.
DICTIONARY_MARK = "*"
#: Marks an aligned rendering with little evidence (see ``Translation.unsure``).
UNSURE_MARK = "?"


def unsure(row: Row) -> bool:
    from trainer.models import Translation

    return Translation(row.translation, confidence=row.confidence, method=row.method).unsure
