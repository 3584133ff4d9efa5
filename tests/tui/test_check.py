"""The check screen, driven with Pilot: every key, committed at once, undo, and the way in and out."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

import pytest
from textual.pilot import Pilot

from tests.tui.tui_helpers import NOW, drafts, make_store
from trainer.models import Translation
from trainer.store import Store
from trainer.tui.app import TrainerApp, make_app
from trainer.tui.screens.check import CheckScreen
from trainer.tui.screens.decks import DeckScreen

Snap = Callable[..., bool]
#: fr confidences of the fixture's six notes, in rank order (东西 is a dictionary gloss).
CONFIDENCE = [0.95, 0.5, 0.62, 0.8, 0.3, 0.9]
ALTERNATIVES = ("premier choix", "second choix", "troisième choix")


def check_store(path: Path) -> Store:
    """The TUI deck with unsure French renderings, alternatives, and a learner whose unsure notes wait."""
    store = make_store(path, study_unchecked=False)
    unsure = []
    for draft, confidence in zip(drafts(), CONFIDENCE):
        fr = draft.translations["fr"]
        unsure.append(replace(draft, translations={**draft.translations, "fr": replace(
            fr, confidence=confidence, alternatives=ALTERNATIVES)}))
    store.import_notes("Pauvreté", unsure)
    return store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return check_store(tmp_path / "check.db")


def checking(store: Store) -> TrainerApp:
    return make_app(store, "alice", clock=lambda: NOW, check="Pauvreté")


def screen(app: TrainerApp) -> CheckScreen:
    assert isinstance(app.screen, CheckScreen), app.screen
    return app.screen


def fr(store: Store, term: str) -> Translation:
    found = next(n for n in store.notes("Pauvreté") if n.term == term)
    translation = found.translation("fr")
    assert translation is not None
    return translation


def decisions(path: Path) -> list[tuple[str, str, str]]:
    """Read through a connection of its own: what is there is committed."""
    with Store.open(path) as other:
        return [(c.term, c.decision, c.new) for c in other.corrections("Pauvreté")]


async def test_least_confident_first_and_enter_accepts(store: Store) -> None:
    async with checking(store).run_test() as pilot:
        check = screen(pilot.app)
        assert [n.term for n in check.queue] == ["东西", "产业", "驻村工作队", "脱贫", "农民", "扶贫"]
        await pilot.press("enter")
        assert decisions(store.path) == [("东西", "accept", "chose")]
        assert check.note is not None and check.note.term == "产业"
    assert fr(store, "东西").method == "confirmed"


async def test_pick_type_and_reject(store: Store) -> None:
    async with checking(store).run_test() as pilot:
        await pilot.press("2")  # 东西: second alternative
        await pilot.press("e", "ctrl+u", *"secteur", "enter")  # 产业: typed
        await pilot.press("r")  # 驻村工作队: rejected
        assert decisions(store.path) == [("东西", "pick", "second choix"), ("产业", "edit", "secteur"),
                                         ("驻村工作队", "reject", "")]
        assert [n.term for n in screen(pilot.app).queue] == ["脱贫", "农民", "扶贫"]
    assert fr(store, "产业").text == "secteur" and fr(store, "产业").alternatives[0] == "industrie"
    suspended = store.conn.execute("SELECT min(c.suspended) FROM cards c JOIN notes n ON n.id = c.note_id "
                                   "WHERE n.term = '驻村工作队'").fetchone()[0]
    assert suspended == 1


async def test_the_arrows_make_the_span_the_translation(store: Store) -> None:
    async with checking(store).run_test() as pilot:
        # 东西: "chose" in "Acheter des choses." is not whole words: no span until the arrows start one.
        assert screen(pilot.app).span is None
        await pilot.press("right", "right")  # "Acheter des"
        await pilot.press("shift+right")  # narrowed from the left: "des"
        assert screen(pilot.app).pending() == "des"
        await pilot.press("right")  # "des choses"
        await pilot.press("enter")
    assert decisions(store.path) == [("东西", "edit", "des choses")]


async def test_skip_and_undo(store: Store) -> None:
    async with checking(store).run_test() as pilot:
        check = screen(pilot.app)
        await pilot.press("s")
        assert check.note is not None and check.note.term == "产业" and decisions(store.path) == []
        await pilot.press("enter", "r")
        await pilot.press("u")
        assert decisions(store.path) == [("产业", "accept", "industrie")]
        assert check.note is not None and check.note.term == "驻村工作队"
        await pilot.press("u", "u")
        assert decisions(store.path) == [] and len(check.queue) == 6
        assert "Nothing to undo" in str([n.message for n in pilot.app._notifications])
    assert fr(store, "产业").method == "aligned"


async def test_accept_every_note_above_a_confidence(store: Store) -> None:
    async with checking(store).run_test() as pilot:
        await pilot.press("a", "ctrl+u", *"0.7", "enter")
        assert sorted(t for t, _d, _n in decisions(store.path)) == ["农民", "扶贫"]
        assert [n.term for n in screen(pilot.app).queue] == ["东西", "产业", "驻村工作队", "脱贫"]
        await pilot.press("u")
        assert decisions(store.path) == []


async def test_escape_cancels_typing_then_leaves_to_the_refreshed_deck_list(store: Store) -> None:
    app = make_app(store, "alice", clock=lambda: NOW)
    async with app.run_test() as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        table = pilot.app.screen.query_one("#decks")
        assert str(table.get_cell("1", "check")) == "5"  # four notes below 0.9 and 东西 (dictionary)
        await pilot.press("c")
        await pilot.press("e", "escape")
        assert isinstance(pilot.app.screen, CheckScreen) and decisions(store.path) == []
        await pilot.press("enter", "enter", "escape")
        assert isinstance(pilot.app.screen, DeckScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert str(table.get_cell("1", "check")) == "3"


async def test_checked_notes_become_new_cards(store: Store) -> None:
    learner = store.learner("alice")
    waiting = "SELECT count(*) FROM cards WHERE waiting = 1 AND learner_id = ?"
    assert store.conn.execute(waiting, (learner.id,)).fetchone()[0] == 10  # 5 notes x 2 directions
    async with checking(store).run_test() as pilot:
        await pilot.press("enter", "1")
    assert store.conn.execute(waiting, (learner.id,)).fetchone()[0] == 6


async def test_the_mouse_selects_a_note_and_clicks_a_key(store: Store) -> None:
    async with checking(store).run_test(size=(80, 24)) as pilot:
        check = screen(pilot.app)
        assert await pilot.click("#check-list", offset=(2, 3))  # header, then rows 0, 1, 2
        await pilot.pause()
        assert check.note is not None and check.note.term == "驻村工作队"
        assert await pilot.click("FooterKey")  # the first key of the footer: Accept
        await pilot.pause()
        assert decisions(store.path) == [("驻村工作队", "accept", fr(store, "驻村工作队").text)]


async def test_nothing_left_to_check(store: Store) -> None:
    async with checking(store).run_test() as pilot:
        await pilot.press("a", "ctrl+u", "0", "enter")
        await pilot.press(*["enter"] * 1)
        assert "Nothing left to check" in str(pilot.app.screen.query_one("#check-note").render())


async def wait_for_glosses(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_check_screen_snapshot(snap_compare: Snap, store: Store, theme: str) -> None:
    app = checking(store)

    async def ready(pilot: Pilot[Any]) -> None:
        pilot.app.theme = theme
        await pilot.press("s", "left")  # 产业, its span widened one word to the left
        await wait_for_glosses(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
