"""``trainer db check|repair``: is the database sound, and rescue a damaged one."""

from __future__ import annotations

from pathlib import Path

import click

from trainer.cli.common import echo_json, settings_of
from trainer.errors import DatabaseError


def _existing(ctx: click.Context) -> Path:
    """The database file these commands look at; it must exist (they never create one)."""
    path = settings_of(ctx).db_path()
    if not path.is_file():
        raise DatabaseError(f"{path}: no such database")
    return path


@click.group()
def db() -> None:
    """Check the database, or copy what is readable of a damaged one."""


@db.command("check")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_context
def check(ctx: click.Context, as_json: bool) -> None:
    """Run SQLite's integrity check, read-only. Exit 3 when the file is damaged."""
    from trainer.store.repair import integrity_problems

    path = _existing(ctx)
    problems = integrity_problems(path)
    if as_json:
        echo_json({"database": str(path), "ok": not problems, "problems": problems})
    elif not problems:
        click.echo(f"{path}: ok")
    else:
        for line in problems[:20]:
            click.echo(line)
    if problems:
        raise DatabaseError(f"{path}: database is damaged ({len(problems)} problem(s) found); "
                            f"run `trainer db repair -o NEW.db`")


@db.command("repair")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="New database file to write (must not exist).")
@click.pass_context
def repair(ctx: click.Context, output: Path) -> None:
    """Copy every readable row into a new database; the damaged file is not touched.

    Then use the new file with --db or TRAINER_DB (or move it into place).
    """
    from trainer.store.repair import repair as copy_readable

    path = _existing(ctx)
    copies = copy_readable(path, output, progress=lambda table: click.echo(f"copying {table}…", err=True))
    for copy in copies:
        lost = (f", some rows lost in {copy.unreadable_ranges} damaged range(s)" if copy.unreadable_ranges else "")
        click.echo(f"{copy.table}: {copy.copied} row(s){lost}")
    click.echo(f"Wrote {output}. Use it with: trainer --db {output}")
