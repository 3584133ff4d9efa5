"""``trainer report -o FILE.html``: a self-contained progress report for a teacher."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import click

from trainer.cli.common import open_store, settings_of
from trainer.cli.stats import chosen_learners
from trainer.errors import TrainerError
from trainer.report import render_report


@click.command()
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="HTML file to write (replaced atomically).")
@click.option("--learner", "names", multiple=True, metavar="NAME",
              help="Only this learner (repeatable). Default: every learner.")
@click.option("--title", default="Chinese vocabulary progress", show_default=True, help="Page title.")
@click.pass_context
def report(ctx: click.Context, output: Path, names: tuple[str, ...], title: str) -> None:
    """Write an HTML report: one row per learner, then each learner's charts."""
    settings = settings_of(ctx)
    now = datetime.now(timezone.utc)
    with open_store(settings) as store:
        learners = ([chosen_learners(store, name, False)[0] for name in dict.fromkeys(names)]
                    if names else store.learners())
        figures = [store.progress(learner, now) for learner in learners]
    write_atomically(output, render_report(figures, now.astimezone(), title))
    click.echo(f"Wrote {output} ({len(figures)} learner{'s' if len(figures) != 1 else ''})")


def write_atomically(path: Path, text: str) -> None:
    """Write beside the target, then rename over it: a reader never sees half a report.

    Any failure (missing folder, no permission, disk full, a directory in the way)
    becomes a one-line error naming the file, and leaves no temporary file behind.
    """
    if path.is_dir():
        raise TrainerError(f"{path}: cannot write report: is a directory")
    folder = path.parent
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise TrainerError(f"{path}: cannot write report: {error.strerror or error}") from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise TrainerError(f"{path}: cannot write report: {error.strerror or error}") from error
