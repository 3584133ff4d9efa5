"""Browse: search notes by hanzi, pinyin or translation; see a note's cards and review history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Static

from trainer.models import Note
from trainer.quiz import best_example, meaning
from trainer.tui.widgets.card import example_text, meaning_text
from trainer.tui.widgets.pinyin import pinyin_text

if TYPE_CHECKING:
    from trainer.tui.app import TrainerApp


class BrowseScreen(Screen[None]):
    """Type to search; the highlighted note's details and history show below."""

    BINDINGS = [
        Binding("escape", "leave", "Back"),
        Binding("q", "leave", "Back"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("e", "edit", "Edit"),
        Binding("s", "suspend", "Suspend/unsuspend"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.notes: dict[str, Note] = {}
        self._timer: Timer | None = None

    @property
    def trainer(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="search hanzi, pinyin (zhucun, zhu4) or translation", id="search")
        table: DataTable[str | Text] = DataTable(id="results", cursor_type="row")
        yield table
        with VerticalScroll(id="details-box"):
            yield Static(id="details")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Browse"
        table = self.query_one(DataTable)
        table.add_columns("Hanzi", "Pinyin", "Meaning", "Deck")
        self.search("")
        self.query_one("#search", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search as the learner types, once they pause (keystrokes never wait for SQL)."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(0.15, lambda: self.search(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.search(event.value)
        self.query_one(DataTable).focus()

    def search(self, query: str) -> None:
        lang = self.trainer.learner.lang
        found = self.trainer.store.search_notes(query, limit=200)
        table = self.query_one(DataTable)
        table.clear()
        self.notes = {str(n.id): n for n in found}
        for note in found:
            table.add_row(note.term, pinyin_text(note.pinyin, bold=False),
                          meaning(note, lang)[:30], note.deck[:18], key=str(note.id))
        self.show_details()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_details()

    def current(self) -> Note | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.notes.get(str(key))

    def show_details(self) -> None:
        note = self.current()
        details = self.query_one("#details", Static)
        if note is None:
            details.update("No note matches.")
            return
        details.update(self.details_text(note))

    def details_text(self, note: Note) -> Text:
        store, learner = self.trainer.store, self.trainer.learner
        text = Text()
        text.append(note.term, style="bold")
        text.append("  ")
        text.append_text(pinyin_text(note.pinyin))
        text.append("  ")
        text.append_text(meaning_text(note, learner.lang))
        example = best_example(note, learner.lang)
        if example is not None:
            text.append("\n")
            text.append_text(example_text(example.zh, note.term, example.translations.get(learner.lang, "")))
        for card in store.cards_of_note(note.id, learner.id):
            state = "suspended" if card.suspended else "new" if card.is_new else (
                f"due {card.state.due.astimezone():%Y-%m-%d}, every {card.state.interval} d")
            text.append(f"\n{card.direction}: {state}, lapses {card.lapses}", style="bold")
            for review in store.reviews_of_card(card.id)[-5:]:
                text.append(f"\n  {review.reviewed.astimezone():%Y-%m-%d %H:%M}  graded {review.quality}")
        return text

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_edit(self) -> None:
        note = self.current()
        if note is None:
            return
        from trainer.tui.screens.edit import EditScreen

        def saved(text: str | None) -> None:
            if text:
                edited = self.trainer.store.edit_translation(note.id, self.trainer.learner.lang, text, self.trainer.learner.name)
                self.notes[str(note.id)] = edited
                self.show_details()

        self.app.push_screen(EditScreen(note, self.trainer.learner.lang), saved)

    def action_suspend(self) -> None:
        """Suspend the note's cards, or bring them back if they are all suspended."""
        note = self.current()
        if note is None:
            return
        cards = self.trainer.store.cards_of_note(note.id, self.trainer.learner.id)
        suspend = not all(c.suspended for c in cards)
        for card in cards:
            self.trainer.store.set_suspended(card.id, suspend)
        self.notify(f"{note.term}: {'suspended' if suspend else 'back in study'}", timeout=2)
        self.show_details()

    def action_help(self) -> None:
        self.trainer.action_help()

    def action_leave(self) -> None:
        self.dismiss()
