"""The TUI stats screen: pushed inside a minimal app, it shows the figures and the charts."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Any, Callable

import pytest
from textual.app import App
from textual.widgets import DataTable, Static
from textual_plotext import PlotextPlot

from tests.stats.stats_helpers import Lab, simulate
from trainer.models import Learner
from trainer.store import Store
from trainer.tui.screens.stats import Heatmap, StatsScreen

#: Frozen "now" for the screen: Saturday 2026-04-04, 12:00 UTC.
NOW = datetime(2026, 4, 4, 12, 0, tzinfo=timezone.utc)


class Host(App[None]):
    """The smallest app that can show the screen, as the deck list does (push on a key)."""

    def __init__(self, store: Store, learner: Learner) -> None:
        super().__init__()
        self.store, self.learner = store, learner
        self.clock = lambda: NOW

    def on_mount(self) -> None:
        self.push_screen(StatsScreen(self.store, self.learner, tz=timezone.utc))


@pytest.fixture
def studied(make_lab: Callable[..., Lab]) -> tuple[Store, Learner]:
    lab = make_lab(notes=12)
    learner = lab.learner("ana")
    simulate(lab, learner, NOW, days=90, seed=7)
    lab.set_card(lab.cards(learner)[0], lapses=8)
    return lab.store, learner


def run(app: App[Any], body: Callable[[Any], Any]) -> None:
    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await body(pilot)

    asyncio.run(main())


def test_screen_renders_figures_and_charts(studied: tuple[Store, Learner]) -> None:
    store, learner = studied
    expected = store.progress(learner, NOW, tz=timezone.utc)
    app = Host(store, learner)

    async def body(pilot: Any) -> None:
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        summary = str(screen.query_one("#stats-summary", Static).render())
        assert f"{expected.cards.total} cards" in summary
        assert f"all time {expected.reviews_total}" in summary
        assert expected.reviews_total > 100
        heat = screen.query_one(Heatmap).render().plain
        assert heat.count("■") > 7 * 30 and "Mon" in heat
        for plot_id in ("#stats-forecast", "#stats-retention"):
            plot = screen.query_one(plot_id, PlotextPlot)
            assert plot.size.height >= 8 and plot.region.bottom <= 23  # fully on screen at 80x24
            drawn = plot.render().plain
            assert drawn.strip() and any(ch in drawn for ch in "█▄⠁⠂⠄⡀⢀⠈⠐⠠•")
        table = screen.query_one("#stats-hardest", DataTable)
        assert table.row_count == len(expected.hardest) and "LEECH" in str(table.get_row_at(0)[-1])
        scroller = screen.query_one("VerticalScroll")
        await pilot.press("h")  # jump to the hardest cards, then back to the top
        await pilot.pause()
        assert scroller.scroll_y > 0 and table.region.y < 23
        await pilot.press("h")
        await pilot.pause()
        assert scroller.scroll_y == 0
        await pilot.press("r")  # refresh keeps working
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, StatsScreen)

    run(app, body)


def test_escape_goes_back_and_footer_shows_bindings(studied: tuple[Store, Learner]) -> None:
    app = Host(*studied)

    async def body(pilot: Any) -> None:
        shown = {b.key: b.description for _, b, enabled, _ in app.screen.active_bindings.values()
                 if b.show}
        assert shown.get("q") == "Back"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StatsScreen)

    run(app, body)


def test_a_learner_without_history(make_lab: Callable[..., Lab]) -> None:
    lab = make_lab()
    app = Host(lab.store, lab.learner("new"))

    async def body(pilot: Any) -> None:
        summary = str(app.screen.query_one("#stats-summary", Static).render())
        assert "12 cards: 12 new" in summary and "retention –" in summary

    run(app, body)


def test_snapshot_80x24(snap_compare: Any, studied: tuple[Store, Learner]) -> None:
    """Summary, heatmap, forecast bars and retention line at 80x24, time frozen at NOW."""
    assert snap_compare(Host(*studied), terminal_size=(80, 24))
