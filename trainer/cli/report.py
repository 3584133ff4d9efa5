"""``trainer report -o FILE.html``: a self-contained progress report for a teacher."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import click

from trainer.cli.common import open_store, settings_of
from trainer.cli.stats import chosen_learners
from trainer.export.atomic import atomic_path
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
    """Write beside the target, then rename over it: a reader never sees half a
    report, and only a regular file is ever replaced (see :mod:`trainer.export.atomic`)."""
    with atomic_path(path) as temporary:
        temporary.write_text(text, encoding="utf-8")
