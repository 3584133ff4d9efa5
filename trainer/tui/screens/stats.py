"""The stats screen: a learner's progress at a glance, with charts.

The figures come from :meth:`trainer.store.Store.progress` (SQL aggregates), so
the screen opens instantly even with a long history. The forecast and the
retention line are textual-plotext ``PlotextPlot`` widgets. Plotext has no
calendar heatmap, so :class:`Heatmap` draws one as a grid of coloured cells
built from Rich styles - one ``■`` per study day, one column per week, Monday on
top, as many weeks as the width allows - which is also what reads best in a
terminal.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Header, Static
from textual_plotext import PlotextPlot

from trainer.models import Learner
from trainer.progress import DayActivity, LearnerProgress, format_duration, format_percent
from trainer.store import Store
from trainer.svg_charts import heat_level

#: Cell colours from "no reviews" to "busiest day" (GitHub's dark-mode greens).
HEAT_COLOURS = ("#3a3a3a", "#0e4429", "#006d32", "#26a641", "#39d353")
WEEKDAY_LABELS = ("Mon", "", "Wed", "", "Fri", "", "")


class Heatmap(Widget):
    """Reviews per study day as a calendar of coloured cells (see the module docstring)."""

    DEFAULT_CSS = "Heatmap { height: 8; width: 1fr; }"

    def __init__(self, days: Sequence[DayActivity], today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.days = {d.day: d.reviews for d in days}
        self.today = today

    def weeks_shown(self) -> int:
        """Columns that fit: four for the weekday labels, then two per week."""
        return max(1, (self.size.width - 4) // 2)

    def render(self) -> Text:
        weeks = self.weeks_shown()
        first = self.today - timedelta(days=self.today.weekday() + 7 * (weeks - 1))
        busiest = max((n for day, n in self.days.items() if day >= first), default=0)
        text = Text(no_wrap=True)
        text.append(self._month_row(first, weeks) + "\n", style="dim")
        for row, label in enumerate(WEEKDAY_LABELS):
            text.append(f"{label:<4}", style="dim")
            for week in range(weeks):
                day = first + timedelta(days=7 * week + row)
                if day > self.today:
                    break
                level = heat_level(self.days.get(day, 0), busiest)
                text.append("■ ", style=HEAT_COLOURS[level])
            text.append("\n")
        return text

    @staticmethod
    def _month_row(first: date, weeks: int) -> str:
        """Month names above the first week of each month, where they fit."""
        row = [" "] * (4 + 2 * weeks)
        free_from = 0
        for week in range(weeks):
            monday = first + timedelta(days=7 * week)
            column = 4 + 2 * week
            if monday.day <= 7 and column >= free_from:
                name = monday.strftime("%b")
                row[column:column + 3] = list(name)
                free_from = column + 4
        return "".join(row[: 4 + 2 * weeks]).rstrip()


def summary_text(p: LearnerProgress) -> str:
    """Three lines of figures above the charts (Rich markup; the learner's name is escaped)."""
    from rich.markup import escape

    c = p.cards
    return (
        f"[b]{escape(p.learner)}[/b]  {c.total} cards: {c.new} new · {c.learning} learning · "
        f"{c.young} young · {c.mature} mature · {c.suspended} suspended\n"
        f"Today [b]{p.reviews_today}[/b] reviews ({format_duration(p.time_today_ms)}) · all time "
        f"{p.reviews_total} ({format_duration(p.time_total_ms)}) · retention "
        f"[b]{format_percent(p.retention)}[/b]\n"
        f"Streak [b]{p.streaks.current}[/b] {_days(p.streaks.current)} (longest {p.streaks.longest}) · "
        f"due today {p.forecast[0].due if p.forecast else 0} · leeches {p.leeches}"
    )


def _days(count: int) -> str:
    return "day" if count == 1 else "days"


class StatsScreen(Screen[None]):
    """A learner's statistics: figures, review heatmap, 30-day forecast, weekly retention."""

    DEFAULT_CSS = """
    StatsScreen #stats-summary { height: auto; padding: 0 1; }
    StatsScreen #stats-heatmap { margin: 0 1; }
    StatsScreen #stats-charts { height: 11; }
    StatsScreen PlotextPlot { height: 11; }
    StatsScreen #stats-hardest { height: auto; margin: 1 1; }
    """

    BINDINGS = [
        Binding("q", "close", "Back"),
        Binding("escape", "close", "Back", show=False),
        Binding("h", "hardest", "Hardest cards"),
        Binding("r", "reload", "Refresh"),
    ]

    def __init__(self, store: Store, learner: Learner, *, now: datetime | None = None,
                 tz: tzinfo | None = None) -> None:
        super().__init__()
        self.store = store
        self.learner = learner
        self._now = now
        self._tz = tz
        self.progress: LearnerProgress | None = None

    def _load(self) -> LearnerProgress:
        """Figures as of ``now``: the one given, else the app's clock (frozen in tests), else the store's."""
        clock = getattr(self.app, "clock", self.store.clock)
        return self.store.progress(self.learner, self._now or clock(), tz=self._tz)

    def compose(self) -> ComposeResult:
        self.progress = self._load()
        yield Header()
        with VerticalScroll():
            yield Static(summary_text(self.progress), id="stats-summary")
            yield Heatmap(self.progress.days, self.progress.today, id="stats-heatmap")
            with Horizontal(id="stats-charts"):
                yield PlotextPlot(id="stats-forecast")
                yield PlotextPlot(id="stats-retention")
            yield DataTable(id="stats-hardest", show_cursor=False, zebra_stripes=True)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = f"Statistics · {self.learner.name}"
        self._draw()

    def _draw(self) -> None:
        assert self.progress is not None
        draw_forecast(self.query_one("#stats-forecast", PlotextPlot), self.progress)
        draw_retention(self.query_one("#stats-retention", PlotextPlot), self.progress)
        fill_hardest(self.query_one("#stats-hardest", DataTable), self.progress)

    def action_reload(self) -> None:
        self.progress = self._load()
        self.query_one("#stats-summary", Static).update(summary_text(self.progress))
        heatmap = self.query_one(Heatmap)
        heatmap.days = {d.day: d.reviews for d in self.progress.days}
        heatmap.today = self.progress.today
        heatmap.refresh()
        self._draw()

    def action_hardest(self) -> None:
        """The table sits below the charts; at 80x24 it is off screen, so say how to get there."""
        scroller = self.query_one(VerticalScroll)
        if scroller.scroll_y >= scroller.max_scroll_y and scroller.max_scroll_y > 0:
            scroller.scroll_home(animate=False)
        else:
            scroller.scroll_to_widget(self.query_one("#stats-hardest"), animate=False, top=True)

    def action_close(self) -> None:
        self.dismiss()


def draw_forecast(widget: PlotextPlot, p: LearnerProgress) -> None:
    plt = widget.plt
    plt.clear_figure()
    plt.title("Cards due, next 30 days")
    dues = [f.due for f in p.forecast]
    plt.bar(list(range(len(dues))), dues, marker="sd", width=0.6)
    plt.xticks([0, 7, 14, 21, 28], ["today", "+7", "+14", "+21", "+28"])
    peak = max([*dues, 1])
    step = -(-peak // 4)  # at most five whole-number ticks: cards are counted, not measured
    plt.yticks(list(range(0, peak + 1, step)))
    plt.ylim(0, peak)
    widget.refresh()


def draw_retention(widget: PlotextPlot, p: LearnerProgress) -> None:
    plt = widget.plt
    plt.clear_figure()
    plt.title("Retention by week (%)")
    points = [(w.week, w.retention * 100) for w in p.weeks if w.retention is not None]
    if points:
        xs = list(range(len(points)))
        plt.plot(xs, [v for _, v in points], marker="braille")
        ticks = sorted({0, len(points) - 1})
        plt.xticks(ticks, [points[i][0].strftime("%m-%d") for i in ticks])
    plt.yticks([0, 25, 50, 75, 100])
    plt.ylim(0, 100)
    widget.refresh()


def fill_hardest(table: DataTable, p: LearnerProgress) -> None:
    table.clear(columns=True)
    table.add_columns("Hardest cards", "Pinyin", "Direction", "Lapses", "Easiness", "")
    for h in p.hardest:
        table.add_row(h.term, h.pinyin, h.direction, str(h.lapses), f"{h.easiness:.2f}",
                      Text("LEECH", style="bold red") if h.leech else "")
    if not p.hardest:
        table.add_row("(none yet)", "", "", "", "", "")
