"""``?``: the keys of the screen underneath, and what the grades mean."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from trainer.quiz import QUALITY_MEANINGS

GUIDE = """[b]Modes[/b] (m on the deck list)
  Recognition  hanzi shown, recall the meaning; space shows the answer
  Recall       meaning shown, type pinyin (zhu4cun1 or zhùcūn) or hanzi
  Context      the article sentence with the term blanked; type it
  Choice       hanzi shown, pick the meaning among four (1-4)
Typed answers are graded for you (exact 5, wrong tones 3, wrong 1);
press Enter to accept or a digit to override. Cards graded below 4
come back later in the session. Ctrl+T switches light/dark theme."""


def keys_text(keys: list[tuple[str, str]]) -> str:
    return "\n".join(f"  [b]{key:<8}[/b] {description}" for key, description in keys)


class HelpScreen(ModalScreen[None]):
    """Any key in the bindings below (Escape, q, ?) closes it."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("q", "close", "Close"),
        Binding("question_mark", "close", "Close"),
    ]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        grades = "  ".join(f"[b]{q}[/b] {m}" for q, m in QUALITY_MEANINGS.items())
        text = (f"[b]Keys[/b]\n{keys_text(self.keys)}\n\n[b]Grades[/b]\n  {grades}\n\n{GUIDE}"
                "\n\n[dim]Escape, q or ? closes this help.[/dim]")
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(text)

    def action_close(self) -> None:
        self.dismiss()
