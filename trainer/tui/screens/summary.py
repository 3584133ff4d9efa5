"""The end of a session: how it went and what tomorrow holds."""

from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from trainer.tui.session import Summary


def duration(elapsed: timedelta) -> str:
    """``1 h 02 min``, ``4 min 05 s`` or ``12 s``: as precise as it is worth."""
    seconds = max(0, int(elapsed.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {seconds:02d} s"
    return f"{seconds} s"


def summary_lines(summary: Summary, done: bool) -> str:
    head = "All done for today!" if done else "Session ended."
    lines = [
        f"[b]{head}[/b]",
        "",
        f"Cards reviewed   [b]{summary.reviewed}[/b]",
        # No card graded: an accuracy of "0%" would read as a failed session.
        (f"Accuracy         [b]{summary.accuracy:.0%}[/b]  ({summary.correct} graded 3 or more)"
         if summary.reviewed else "Accuracy         [b]-[/b]  (no card graded)"),
        f"Time spent       [b]{duration(summary.elapsed)}[/b]",
        f"Due tomorrow     [b]{summary.due_tomorrow}[/b]",
    ]
    if summary.suspended:
        lines.append(f"Suspended        [b]{summary.suspended}[/b]")
    return "\n".join(lines)


class SummaryScreen(Screen[None]):
    """Shown when a session ends; any of Enter, q or Escape goes back to the deck list."""

    BINDINGS = [
        Binding("enter", "close", "Back to decks"),
        Binding("q", "close", "Back"),
        Binding("escape", "close", "Back", show=False),
    ]

    def __init__(self, summary: Summary, *, done: bool) -> None:
        super().__init__()
        self.summary = summary
        self.done = done

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="summary-box"):
            yield Static(summary_lines(self.summary, self.done), id="summary")
            button = Button("Back to decks", id="back", compact=True)
            button.can_focus = False
            yield button
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Session summary"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_close()

    def action_close(self) -> None:
        self.app.show_decks()  # type: ignore[attr-defined]
