"""Fix a note's translation without leaving the review."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from trainer.models import LANG_NAMES, Note


class EditScreen(ModalScreen[str | None]):
    """Returns the new translation text, or None when cancelled (Escape)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, note: Note, lang: str) -> None:
        super().__init__()
        self.note = note
        self.lang = lang

    def compose(self) -> ComposeResult:
        current = self.note.translation(self.lang)
        with Vertical(classes="dialog"):
            yield Label(f"[b]{self.note.term}[/b]  {self.note.pinyin}")
            yield Label(f"{LANG_NAMES.get(self.lang, self.lang)} translation "
                        "(Enter saves, Escape cancels):")
            yield Input(current.text if current else "", id="translation")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.notify("A translation cannot be empty.", severity="error")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
