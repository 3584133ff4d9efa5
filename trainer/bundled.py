"""The bundled deck: notes mined from the five articles in ``decks/``.

They ship as a generated file (``decks/bundled.jsonl``, one NoteDraft per line,
written by ``python -m trainer.extract.bundle``) so that a first run loads real
cards at once, without running the extractor or loading its dictionaries.
"""

from __future__ import annotations

import json
from importlib import resources

from trainer.models import NoteDraft
from trainer.store import ImportResult, Store

BUNDLED_DECK = "Poverty alleviation (china.org.cn)"
BUNDLED_DESCRIPTION = (
    "Key terms of five bilingual articles on China's poverty alleviation "
    "(china.org.cn, January 2021), in French, English and Vietnamese."
)
BUNDLED_FILE = "bundled.jsonl"


def bundled_drafts() -> list[NoteDraft]:
    """The notes of the bundled deck, or [] if the generated file is missing."""
    source = resources.files("trainer._decks").joinpath(BUNDLED_FILE)
    if not source.is_file():
        return []
    lines = source.read_text(encoding="utf-8").splitlines()
    return [NoteDraft.from_dict(json.loads(line)) for line in lines if line.strip()]


def load_bundled(store: Store) -> ImportResult | None:
    """Import the bundled deck into ``store``; None when there is nothing to load."""
    drafts = bundled_drafts()
    if not drafts:
        return None
    return store.import_notes(BUNDLED_DECK, drafts, description=BUNDLED_DESCRIPTION)
