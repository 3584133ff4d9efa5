"""Snapshots of every screen at 80x24, with a frozen clock and a known deck.

Regenerate with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and look
at the SVGs in ``__snapshots__`` before committing them.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest
from textual.pilot import Pilot

from trainer.store import Store
from trainer.tui.app import TrainerApp, make_app
from tests.tui.tui_helpers import NOW

Snap = Callable[..., bool]


async def counted(pilot: Pilot[Any]) -> None:
    """Wait for the deck counts, computed in a thread worker, before the screenshot."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def app_in(store: Store, mode: str = "recognition") -> TrainerApp:
    return make_app(store, "alice", clock=lambda: NOW, mode=mode)


def test_deck_list(snap_compare: Snap, tui_store: Store) -> None:
    tui_store.import_notes("Autre", [], description="empty deck")
    assert snap_compare(app_in(tui_store), terminal_size=(80, 24), run_before=counted)


def test_recognition_question_with_pinyin(snap_compare: Snap, tui_store: Store) -> None:
    assert snap_compare(app_in(tui_store), press=["enter", "down", "p"], terminal_size=(80, 24))


def test_recognition_answer(snap_compare: Snap, tui_store: Store) -> None:
    assert snap_compare(app_in(tui_store), press=["enter", "space"], terminal_size=(80, 24))


def test_dictionary_gloss_is_marked(snap_compare: Snap, tui_store: Store) -> None:
    learner = tui_store.learner("alice")
    for note in tui_store.notes()[:5]:
        for card in tui_store.cards_of_note(note.id, learner.id):
            tui_store.set_suspended(card.id, True)
    assert snap_compare(app_in(tui_store), press=["enter", "space"], terminal_size=(80, 24))


def test_recall_question(snap_compare: Snap, tui_store: Store) -> None:
    assert snap_compare(app_in(tui_store, "recall"), press=["enter", *"fu2pin"],
                        terminal_size=(80, 24))


def test_recall_answer_wrong_tones(snap_compare: Snap, tui_store: Store) -> None:
    assert snap_compare(app_in(tui_store, "recall"), press=["enter", *"fu2pin1", "enter"],
                        terminal_size=(80, 24))


def test_cloze_question(snap_compare: Snap, tui_store: Store) -> None:
    assert snap_compare(app_in(tui_store, "cloze"), press=["enter", "enter", "5"],
                        terminal_size=(80, 24))


def test_choice_answer(snap_compare: Snap, tui_store: Store) -> None:
    assert snap_compare(app_in(tui_store, "choice"), press=["enter", "1"], terminal_size=(80, 24))


def test_choice_question(snap_compare: Snap, tui_store: Store) -> None:
    assert snap_compare(app_in(tui_store, "choice"), press=["enter"], terminal_size=(80, 24))


def test_summary(snap_compare: Snap, tui_store: Store) -> None:
    press = ["enter", "space", "5", "space", "1", "space", "4", "q"]
    assert snap_compare(app_in(tui_store), press=press, terminal_size=(80, 24))


def test_browse_with_history(snap_compare: Snap, tui_store: Store) -> None:
    press = ["enter", "space", "5", "q", "enter", "b", *"pin", "enter"]
    assert snap_compare(app_in(tui_store), press=press, terminal_size=(80, 24))


def test_learner_picker(snap_compare: Snap, tui_store: Store) -> None:
    tui_store.add_learner("bob", "vi")
    assert snap_compare(app_in(tui_store), press=["l"], terminal_size=(80, 24), run_before=counted)


def test_help(snap_compare: Snap, tui_store: Store) -> None:
    assert snap_compare(app_in(tui_store), press=["enter", "question_mark"], terminal_size=(80, 24))


def test_edit_dialog(snap_compare: Snap, tui_store: Store) -> None:
    assert snap_compare(app_in(tui_store), press=["enter", "space", "e"], terminal_size=(80, 24))


def test_export_dialog(snap_compare: Snap, tui_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/learner")
    assert snap_compare(app_in(tui_store), press=["x"], terminal_size=(80, 24), run_before=counted)


def test_wide_terminal(snap_compare: Snap, tui_store: Store) -> None:
    assert snap_compare(app_in(tui_store), press=["enter", "space"], terminal_size=(120, 36))


