"""The bundled deck file is what the extractor makes of the bundled articles now."""

from __future__ import annotations

from trainer.extract.bundle import DECKS, render
from trainer.models import NoteDraft


def test_bundled_deck_is_up_to_date() -> None:
    on_disk = (DECKS / "bundled.jsonl").read_text(encoding="utf-8")
    assert on_disk == render(), "run: python -m trainer.extract.bundle"


def test_bundled_deck_parses_into_drafts() -> None:
    import json

    lines = (DECKS / "bundled.jsonl").read_text(encoding="utf-8").splitlines()
    drafts = [NoteDraft.from_dict(json.loads(line)) for line in lines]
    assert len({d.term for d in drafts}) == len(drafts) > 50
    assert all(d.translations for d in drafts)
