"""What every sub-command needs: the store, the learner, JSON output."""

from __future__ import annotations

import json
from typing import Any

import click

from trainer.opening import open_store

__all__ = ["echo_json", "open_store", "settings_of"]


def settings_of(ctx: click.Context) -> Any:
    """The global options (``--db``, ``--learner``), whichever sub-command asks."""
    return ctx.find_root().obj


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True))
