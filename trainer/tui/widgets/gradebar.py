"""The row of grade buttons (0-5 with their meaning): the digit keys, clickable."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button

from trainer.quiz import QUALITY_MEANINGS


class GradeBar(Horizontal):
    """Six compact buttons; the suggested grade (auto-graded modes) is highlighted."""

    DEFAULT_CSS = """
    GradeBar { height: 1; width: 100%; align: center middle; }
    GradeBar Button { margin: 0 1; min-width: 10; }
    """

    @dataclass
    class Chosen(Message):
        """A grade was clicked."""

        quality: int

    def compose(self) -> ComposeResult:
        for quality, meaning in QUALITY_MEANINGS.items():
            button = Button(f"{quality} {meaning}", id=f"grade-{quality}", compact=True,
                            variant="error" if quality < 3 else "success" if quality > 3 else "warning")
            button.can_focus = False
            yield button

    def suggest(self, quality: int | None) -> None:
        """Mark the automatic grade, the one Enter accepts."""
        for button in self.query(Button):
            button.set_class(button.id == f"grade-{quality}", "suggested")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id:
            self.post_message(self.Chosen(int(event.button.id.rsplit("-", 1)[1])))
