"""What every sub-command needs: the store, the learner, JSON output."""

from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Any, Iterator

import click

from trainer.models import Learner
from trainer.store import Store


def settings_of(ctx: click.Context) -> Any:
    """The global options (``--db``, ``--learner``), whichever sub-command asks."""
    return ctx.find_root().obj


@contextmanager
def open_store(settings: Any) -> Iterator[Store]:
    """Open the database; on first run, load the bundled deck so there is something to study."""
    from trainer.bundled import load_bundled

    store = Store.open(settings.db_path())
    try:
        if store.created:
            load_bundled(store)
        yield store
    finally:
        store.close()


def current_learner(store: Store, settings: Any) -> Learner:
    """``--learner``/``TRAINER_LEARNER`` (created on first use), else the first learner."""
    return store.learner(settings.learner)


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True))
