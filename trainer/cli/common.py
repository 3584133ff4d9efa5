"""What every sub-command needs: the store, the learner, JSON output."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from trainer.errors import TrainerError
from trainer.opening import open_store

if TYPE_CHECKING:
    from trainer.models import Learner
    from trainer.store import Store

__all__ = ["echo_json", "named_learner", "open_store", "settings_of"]


def settings_of(ctx: click.Context) -> Any:
    """The global options (``--db``, ``--learner``), whichever sub-command asks."""
    return ctx.find_root().obj


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True))


def named_learner(store: Store, name: str) -> Learner:
    """The learner called ``name``; a one-line error naming those there are if none is
    (commands that read or change a learner never create one)."""
    found = store.find_learner(name)
    if found is None:
        known = ", ".join(learner.name for learner in store.learners()) or "none yet"
        raise TrainerError(f"no learner named {name!r} (learners: {known})")
    return found
