"""Deck list, browse, export, stats, help and the ``study`` command, through the app."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import DataTable, Static

from trainer.errors import TrainerError
from trainer.store import Store
from trainer.tui.app import TrainerApp, make_app
from trainer.tui.screens.browse import BrowseScreen
from trainer.tui.screens.decks import DeckScreen
from trainer.tui.screens.export import ExportScreen, default_export_path
from trainer.tui.screens.help import HelpScreen
from trainer.tui.screens.review import ReviewScreen
from tests.tui.tui_helpers import NOW


async def counted(app: TrainerApp, pilot: object) -> None:
    """Let the deck counts (a thread worker) land in the table."""
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


def cells(app: TrainerApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_deck_counts_follow_study_and_mode(app: TrainerApp) -> None:
    async with app.run_test() as pilot:
        await counted(app, pilot)
        # 东西 has only a dictionary gloss: one note to check (alice studies it anyway).
        assert cells(app) == [["Pauvreté", "0", "6", "0", "6", "1"]]
        await pilot.press("enter", "space", "5", "space", "1", "q", "enter")
        assert isinstance(app.screen, DeckScreen)
        await counted(app, pilot)
        # 1 failed card is due again today; 4 new left; 2 studied.
        assert cells(app) == [["Pauvreté", "1", "4", "2", "6", "1"]]
        await pilot.press("m")  # recall cards are untouched
        assert app.mode == "recall"
        await counted(app, pilot)
        assert cells(app) == [["Pauvreté", "0", "6", "0", "6", "1"]]
        preview = str(app.screen.query_one("#preview", Static).render())
        # Recall asks for the hanzi: the preview shows the prompt, never the answer.
        assert "aide aux pauvres" in preview
        assert "扶" not in preview and "fú" not in preview


async def test_all_decks_row_and_study_all(tui_store: Store) -> None:
    from tests.tui.tui_helpers import drafts

    tui_store.import_notes("Deux", [d.__class__(**{**d.__dict__, "term": d.term + "们"})
                                    for d in drafts()[:2]])
    app = make_app(tui_store, "alice", clock=lambda: NOW)
    async with app.run_test() as pilot:
        await counted(app, pilot)
        rows = cells(app)
        assert rows[0][:3] == ["All decks", "0", "8"] and len(rows) == 3
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen) and app.screen.session.deck_id is None


async def test_browse_search_history_suspend_edit(app: TrainerApp, tui_store: Store) -> None:
    async with app.run_test() as pilot:
        await pilot.press("enter", "space", "4", "q", "enter", "b")
        assert isinstance(app.screen, BrowseScreen)
        await pilot.press(*"tuopin", "enter")  # pinyin without tones finds 脱贫
        assert [r[0] for r in cells(app)] == ["脱贫"]
        app.screen.query_one("#search").value = ""  # type: ignore[attr-defined]
        await pilot.press("slash", *"paysan", "enter")  # by translation
        assert [r[0] for r in cells(app)] == ["农民"]
        app.screen.query_one("#search").value = ""  # type: ignore[attr-defined]
        await pilot.press("slash", *"扶贫", "enter")
        details = str(app.screen.query_one("#details", Static).render())
        assert "graded 4" in details and "recognition: due 2026-03-03" in details
        await pilot.press("s")
        await pilot.press("e")
        app.screen.query_one("#translation").value = ""  # type: ignore[attr-defined]
        await pilot.press(*"aide", "enter")
        await pilot.pause()
        assert "suspended" in str(app.screen.query_one("#details", Static).render())
        await pilot.press("escape")
        assert isinstance(app.screen, DeckScreen)
    note = tui_store.search_notes("扶贫")[0]
    assert note.translation("fr").text == "aide"  # type: ignore[union-attr]
    assert all(c.suspended for c in tui_store.cards_of_note(note.id, tui_store.learner("alice").id))


async def test_export_runs_in_a_worker(app: TrainerApp, tmp_path: Path) -> None:
    target = tmp_path / "out.apkg"
    async with app.run_test() as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#export-status", Static).render())
        assert "Written" in status, status
        await pilot.press("escape")
        assert isinstance(app.screen, DeckScreen)
    with zipfile.ZipFile(target) as package:
        assert any(name.startswith("collection.anki") for name in package.namelist())


def test_default_export_path_is_file_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/x")
    assert default_export_path("Poverty alleviation (china.org.cn)") == Path(
        "/home/x/trainer-Poverty-alleviation-china.org.cn.apkg")
    assert default_export_path(None) == Path("/home/x/trainer-all.apkg")


async def test_stats_key_opens_stats_or_says_unavailable(app: TrainerApp,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    async with app.run_test(notifications=True) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "StatsScreen"
        app.pop_screen()
        await pilot.pause()
        monkeypatch.setitem(sys.modules, "trainer.tui.screens.stats", None)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, DeckScreen)
        assert any("stats not available" in str(n.message) for n in app._notifications)


async def test_help_opens_and_closes(app: TrainerApp) -> None:
    async with app.run_test() as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one(Static).render())
        assert "Export" in text and "Browse" in text
        await pilot.press("question_mark")
        assert isinstance(app.screen, DeckScreen)
        await pilot.press("q")
    assert app.return_code == 0


async def test_mode_and_deck_from_the_command_line(tui_store: Store) -> None:
    app = make_app(tui_store, "alice", clock=lambda: NOW, mode="cloze", deck="Pauvreté")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen.session.mode == "cloze"
        await pilot.press("escape", "enter")  # summary, then the deck list (built on demand)
        assert isinstance(app.screen, DeckScreen)
        await pilot.press("enter", "escape", "enter")
        assert isinstance(app.screen, DeckScreen) and len(app.screen_stack) == 2
    with pytest.raises(TrainerError):
        make_app(tui_store, "alice", deck="Nope")
    with pytest.raises(TrainerError):
        make_app(tui_store, "alice", mode="nope")


def test_study_command_help() -> None:
    from trainer.cli import cli

    result = CliRunner().invoke(cli, ["study", "--help"])
    assert result.exit_code == 0
    assert "--mode" in result.output and "cloze" in result.output


def test_summary_of_a_session_without_answers_shows_no_accuracy() -> None:
    from datetime import timedelta

    from trainer.tui.screens.summary import summary_lines
    from trainer.tui.session import Summary

    empty = summary_lines(Summary(0, 0, timedelta(seconds=2), 1, 0), done=False)
    assert "0%" not in empty and "no card graded" in empty
    some = summary_lines(Summary(4, 3, timedelta(seconds=40), 1, 0), done=False)
    assert "75%" in some and "3 graded 3 or more" in some
