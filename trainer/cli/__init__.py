"""The ``trainer`` command: a thin layer over the library.

Sub-commands are loaded lazily (one module each under ``trainer/cli/``) so that
``trainer`` with no arguments opens the study UI without importing the extractor
(jieba, dictionaries) or the exporters.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from trainer.errors import TrainerError
from trainer.opening import Settings

#: sub-command name -> "module:attribute" of its click command.
SUBCOMMANDS: dict[str, str] = {
    "study": "trainer.cli.study:study",
    "learners": "trainer.cli.learners:learners",
    "decks": "trainer.cli.decks:decks",
    "due": "trainer.cli.due:due",
    "stats": "trainer.cli.stats:stats",
    "report": "trainer.cli.report:report",
    "extract": "trainer.cli.extract:extract",
    "export": "trainer.cli.export:export",
    "db": "trainer.cli.db:db",
    "corrections": "trainer.cli.corrections:corrections",
    "check": "trainer.cli.check:check",
}


class LazyGroup(click.Group):
    """A click group whose sub-commands are imported only when used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = SUBCOMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)


@click.group(cls=LazyGroup, invoke_without_command=True)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="TRAINER_DB",
    help="Database file. Default: trainer.db in your user data directory.",
)
@click.option(
    "--learner",
    envvar="TRAINER_LEARNER",
    help="Learner to act as (created when first studying; read commands such as due and stats never create one). Default: the learner who studied last.",
)
@click.version_option(package_name="trainer")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, learner: str | None) -> None:
    """Learn the key Chinese terms of real bilingual news articles.

    With no command, opens the study app on the bundled deck.
    """
    ctx.obj = Settings(db, learner)
    if ctx.invoked_subcommand is None:
        from trainer.opening import run_study

        run_study(ctx.obj)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: user errors become one line and an exit code."""
    try:
        # Outside standalone mode click returns the exit code of --help/--version.
        code = cli.main(args=argv, prog_name="trainer", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except TrainerError as error:
        click.echo(f"trainer: error: {error}", err=True)
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        click.echo("trainer: aborted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Exit as error:
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        click.echo("trainer: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
