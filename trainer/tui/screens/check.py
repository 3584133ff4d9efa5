"""Check mined notes before studying them: one key per decision, each committed at once.

The queue is the deck's unconfirmed notes, least confident first.  Enter accepts
(the adjusted span, when the arrows moved it), 1-3 pick an alternative, e types
one, r rejects the term for this deck, s skips, u undoes, a accepts every note at
or above a confidence.  Each decision is one transaction (:meth:`Store.decide`),
so quitting or killing the app loses nothing decided.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from trainer.checking import Span, example_for, find_span, narrow, span_bounds, span_text, widen, words
from trainer.errors import TrainerError
from trainer.models import LANG_NAMES, UNSURE_BELOW, Note
from trainer.store.checks import Decision, Undo
from trainer.tui.widgets.checkpanel import panel_text

if TYPE_CHECKING:
    from trainer.tui.app import TrainerApp


class CheckList(DataTable[str | Text], can_focus=False):
    """The queue; clicked, never focused, so the arrow keys stay with the span."""


class CheckScreen(Screen[None]):
    """The notes of one deck still to confirm in the learner's language."""

    #: Nothing takes focus on open: the keys are the screen's (the input only while typing).
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("enter", "accept", "Accept"),
        Binding("1", "pick(1)", "Pick", key_display="1-3"),
        Binding("2", "pick(2)", "Pick 2", show=False),
        Binding("3", "pick(3)", "Pick 3", show=False),
        Binding("e", "type", "Type"),
        Binding("left", "widen('left')", "Span", key_display="←→"),
        Binding("right", "widen('right')", "Widen right", show=False),
        Binding("shift+right", "narrow('left')", "Narrow from the left", show=False),
        Binding("shift+left", "narrow('right')", "Narrow from the right", show=False),
        Binding("r", "reject", "Reject"),
        Binding("s", "skip", "Skip"),
        Binding("u", "undo", "Undo"),
        Binding("a", "accept_above", "All ≥"),
        Binding("up", "move(-1)", "Previous note", show=False),
        Binding("down", "move(1)", "Next note", show=False),
        Binding("escape", "leave", "Back"),
        Binding("question_mark", "help", "Help", key_display="?", show=False),
    ]

    def __init__(self, deck: str) -> None:
        super().__init__()
        self.deck = deck
        self.queue: list[Note] = []
        self.undos: list[list[Undo]] = []
        self.decided = 0
        self.span: Span | None = None
        self.span_moved = False
        self.example: tuple[str, str] = ("", "")
        self.glosses: dict[str, str] | None = None
        self.typing: str | None = None  # "translation" or "threshold" while the input is open

    @property
    def trainer(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    @property
    def lang(self) -> str:
        return self.trainer.learner.lang

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="check-status")
        yield Static(id="check-note")
        yield Input(id="check-input")
        yield CheckList(id="check-list", cursor_type="row", zebra_stripes=True)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = f"Check · {self.deck}"
        self.query_one("#check-input", Input).display = False
        table = self.query_one(CheckList)
        table.add_column("Conf", key="conf", width=5)
        table.add_column("Term", key="term")
        table.add_column(LANG_NAMES.get(self.lang, self.lang), key="text")
        self.reload()
        self.load_glosses()

    # --- the queue ---------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Read the queue from the store (on open and after undo) and select ``select``."""
        self.queue = self.trainer.store.notes_to_confirm(self.deck, self.lang)
        table = self.query_one(CheckList)
        table.clear()
        for note in self.queue:
            translation = note.translation(self.lang)
            conf = "dict" if translation is None or translation.method == "dictionary" else f"{translation.confidence:.2f}"
            table.add_row(conf, note.term, translation.text if translation else "", key=str(note.id))
        row = next((i for i, n in enumerate(self.queue) if n.id == select), 0)
        if self.queue:
            table.move_cursor(row=row)
        self.show_note()

    @property
    def note(self) -> Note | None:
        table = self.query_one(CheckList)
        if not self.queue or not 0 <= table.cursor_row < len(self.queue):
            return None
        return self.queue[table.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_note()

    def show_note(self) -> None:
        """The highlighted note's evidence, its span reset to the current translation."""
        note = self.note
        unsure = sum(1 for n in self.queue if (t := n.translation(self.lang)) is not None and t.unsure)
        self.query_one("#check-status", Static).update(
            f" [b]{len(self.queue)}[/b] to confirm ({unsure} unsure) · {self.decided} decided this time"
            f" · {LANG_NAMES.get(self.lang, self.lang)}")
        if note is None:
            self.query_one("#check-note", Static).update(
                " Nothing left to check in this deck. Escape: back to the decks.")
            return
        translation = note.translation(self.lang)
        self.example = example_for(note, self.lang)
        self.span = find_span(self.example[1], translation.text) if translation else None
        self.span_moved = False
        self.paint()

    def pending(self) -> str:
        note = self.note
        translation = note.translation(self.lang) if note else None
        if self.span_moved and self.span is not None:
            return span_text(self.example[1], self.span)
        return translation.text if translation else ""

    def paint(self) -> None:
        note = self.note
        if note is None:
            return
        gloss = None if self.glosses is None else (self.glosses.get(note.term) or "(no entry)")
        self.query_one("#check-note", Static).update(panel_text(
            note, self.lang, self.example, span_bounds(self.example[1], self.span), self.pending(), gloss))

    @work(thread=True, exclusive=True, group="glosses", exit_on_error=False)
    def load_glosses(self) -> None:
        """CC-CEDICT loads in a thread (a fraction of a second from the cache, longer the first time)."""
        from trainer.extract.dictionary import short_senses

        found = {note.term: "; ".join(short_senses(note.term)[:3]) for note in self.queue}
        self.app.call_from_thread(self._glosses_loaded, found)

    def _glosses_loaded(self, found: dict[str, str]) -> None:
        self.glosses = found
        self.paint()

    # --- decisions ---------------------------------------------------------

    def commit(self, decisions: list[Decision]) -> None:
        """Store the decisions (one transaction), then take their notes off the list."""
        if not decisions:
            return
        try:
            undo = self.trainer.store.decide(decisions, learner=self.trainer.learner.name)
        except TrainerError as error:
            self.notify(str(error), severity="error")
            return
        self.undos.append(undo)
        self.decided += len(decisions)
        done = {d.note_id for d in decisions}
        table = self.query_one(CheckList)
        row = table.cursor_row
        for note_id in done:
            table.remove_row(str(note_id))
        self.queue = [n for n in self.queue if n.id not in done]
        if self.queue:
            table.move_cursor(row=min(row, len(self.queue) - 1))
        self.show_note()

    def action_accept(self) -> None:
        note = self.note
        if note is None:
            return
        translation = note.translation(self.lang)
        text = self.pending()
        if translation is not None and text != translation.text:
            self.commit([Decision(note.id, self.lang, "edit", text)])
        else:
            self.commit([Decision(note.id, self.lang, "accept")])

    def action_pick(self, number: int) -> None:
        note = self.note
        translation = note.translation(self.lang) if note else None
        if note is None or translation is None or number > len(translation.alternatives):
            self.notify(f"No alternative {number} for this note.", severity="warning")
            return
        self.commit([Decision(note.id, self.lang, "pick", translation.alternatives[number - 1])])

    def action_reject(self) -> None:
        note = self.note
        if note is not None:
            self.commit([Decision(note.id, self.lang, "reject")])

    def action_skip(self) -> None:
        self.action_move(1)

    def action_move(self, step: int) -> None:
        table = self.query_one(CheckList)
        if self.queue:
            table.move_cursor(row=(table.cursor_row + step) % len(self.queue))

    def action_widen(self, side: str) -> None:
        self.span = widen(self.span, side, len(words(self.example[1])))
        self.span_moved = self.span is not None
        self.paint()

    def action_narrow(self, side: str) -> None:
        self.span = narrow(self.span, side)
        self.span_moved = self.span is not None
        self.paint()

    def action_undo(self) -> None:
        if not self.undos:
            self.notify("Nothing to undo.", severity="warning")
            return
        undo = self.undos.pop()
        self.trainer.store.undo_decisions(undo)
        self.decided -= len(undo)
        self.reload(select=undo[0].note_id)

    def action_type(self) -> None:
        self.open_input("translation", self.pending(), "Translation (Enter saves, Escape cancels)")

    def action_accept_above(self) -> None:
        self.open_input("threshold", f"{UNSURE_BELOW:.2f}",
                        "Accept every note at or above this confidence (Enter, Escape cancels)")

    def open_input(self, purpose: str, value: str, placeholder: str) -> None:
        if self.note is None:
            return
        field = self.query_one("#check-input", Input)
        field.value, field.placeholder, field.border_title = value, placeholder, placeholder
        field.display = True
        self.typing = purpose
        field.focus()

    def close_input(self) -> None:
        field = self.query_one("#check-input", Input)
        field.display = False
        self.typing = None
        self.set_focus(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        purpose, value = self.typing, event.value.strip()
        if purpose == "threshold":
            try:
                bar = float(value)
            except ValueError:
                self.notify(f"{value!r} is not a number from 0 to 1.", severity="error")
                return
            self.close_input()
            chosen = [n for n in self.queue if (t := n.translation(self.lang)) is not None
                      and t.method != "dictionary" and t.confidence >= bar]
            self.commit([Decision(n.id, self.lang, "accept") for n in chosen])
            self.notify(f"Accepted {len(chosen)} notes at or above {bar:.2f} (u undoes).")
            return
        note = self.note
        if not value:
            self.notify("A translation cannot be empty.", severity="error")
            return
        self.close_input()
        if note is not None:
            self.commit([Decision(note.id, self.lang, "edit", value)])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the input is open, only Escape (cancel) applies; the keys are the text's."""
        if self.typing is not None:
            return action == "leave"
        return True

    def action_leave(self) -> None:
        if self.typing is not None:
            self.close_input()
            return
        self.dismiss()

    def action_help(self) -> None:
        self.trainer.action_help()
