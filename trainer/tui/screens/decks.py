"""The deck list, where the app opens: today's counts per deck, and every way out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import get_current_worker

from trainer.models import LANG_NAMES, Learner, Note
from trainer.store.cards import KIND_NEW, DeckCounts
from trainer.tui.session import DIRECTION_OF, MODE_NAMES, MODES
from trainer.tui.widgets.hanzi import spaced

if TYPE_CHECKING:
    from trainer.tui.app import TrainerApp

ALL = "all"


class DeckScreen(Screen[None]):
    """Decks with due / new / learned counts; Enter studies the highlighted one."""

    BINDINGS = [
        Binding("enter", "study", "Study"),
        Binding("m", "mode", "Mode"),
        Binding("l", "learners", "Learner"),
        Binding("c", "check", "Check"),
        Binding("b", "browse", "Browse"),
        Binding("t", "stats", "Stats"),
        Binding("x", "export", "Export"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, tuple[int | None, str]] = {}

    @property
    def trainer(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="who")
        table: DataTable[str | int | Text] = DataTable(id="decks", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(id="preview")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Deck", key="deck")
        for name in ("Due", "New", "Learned", "Total"):
            table.add_column(name, key=name.lower())
        table.add_column("To check", key="check")
        table.focus()

    def on_screen_resume(self) -> None:
        """On first show and on every return (after a session, a dialog): fresh counts."""
        self.refresh_decks()

    def refresh_decks(self) -> None:
        """List the decks and preview the next card at once; the counts follow the first paint.

        Counting is one aggregate over all the learner's cards (tens of ms at 100,000
        cards), so the screen is painted - with a real card in the preview - before it runs.
        """
        app = self.trainer
        learner = app.learner
        self.sub_title = f"{learner.name} · {LANG_NAMES.get(learner.lang, learner.lang)}"
        self.query_one("#who", Static).update(
            f" Learner [b]{learner.name}[/b] ({learner.lang}) · mode [b]{MODE_NAMES[app.mode]}[/b]"
            "  [dim](m: change mode, l: change learner)[/dim]")
        decks = app.store.decks()
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self.rows = {}
        if len(decks) > 1:
            self._add_row(table, ALL, None, "All decks", None)
        for deck in decks:
            self._add_row(table, str(deck.id), deck.id, deck.name, None)
        if decks:
            table.move_cursor(row=min(row, table.row_count - 1))
            self.update_preview()
            self.count_decks(learner, DIRECTION_OF[app.mode])
        else:
            self.query_one("#preview", Static).update(
                " No decks yet. Add one with: trainer extract ARTICLE.txt --deck NAME")

    @work(thread=True, exclusive=True, group="deck-counts", exit_on_error=False)
    def count_decks(self, learner: Learner, direction: str) -> None:
        """Count in a thread, on a connection of its own (SQLite connections stay in their thread).

        One aggregate over all the learner's cards takes tens of ms at 100,000 cards;
        off the event loop, the list and its preview stay responsive meanwhile.
        """
        from trainer.store import Store

        now = self.trainer.clock()
        with Store.open(self.trainer.store.path) as store:
            counts = store.deck_counts(learner, now, direction)
            new_done = store.today_counts(learner, now)[KIND_NEW]
            to_check = store.to_check_counts(learner.lang)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.fill_counts, learner, counts, new_done, to_check)

    def fill_counts(self, learner: Learner, counts: list[DeckCounts], new_done: int,
                    to_check: dict[int, int] | None = None) -> None:
        """Due, new, learned and total per deck (and for all decks) in the current mode's direction,
        and the notes that wait for a check (c opens them)."""
        to_check = to_check or {}
        if learner.id != self.trainer.learner.id:
            return  # the learner changed while counting; a newer count is on its way
        table = self.query_one(DataTable)
        numbers = {str(c.deck_id): (c.due, c.new, c.learned, c.total) for c in counts}
        if ALL in self.rows:
            new_left = max(0, learner.new_per_day - new_done)
            numbers[ALL] = (sum(c.due for c in counts), min(new_left, sum(c.new for c in counts)),
                            sum(c.learned for c in counts), sum(c.total for c in counts))
        for key, values in numbers.items():
            if key in self.rows:
                for column, cell in zip(("due", "new", "learned", "total"), self._cells(values)):
                    table.update_cell(key, column, cell)
                waiting = sum(to_check.values()) if key == ALL else to_check.get(int(key), 0)
                table.update_cell(key, "check", Text(str(waiting), style="bold #fb8c00") if waiting
                                  else Text("0", style="dim"))

    def _add_row(self, table: DataTable[str | int | Text], key: str, deck_id: int | None, name: str,
                 numbers: tuple[int, int, int, int] | None) -> None:
        self.rows[key] = (deck_id, name)
        table.add_row(Text(name, style="bold" if deck_id is None else ""), *self._cells(numbers),
                      Text("…", style="dim"), key=key)

    @staticmethod
    def _cells(numbers: tuple[int, int, int, int] | None) -> list[Text | int]:
        """Due in blue and new in green when there are any; "…" while still counting."""
        if numbers is None:
            return [Text("…", style="dim")] * 4
        due, new, learned, total = numbers
        return [Text(str(due), style="bold #1e88e5" if due else "dim"),
                Text(str(new), style="bold #43a047" if new else "dim"), learned, total]

    def selected(self) -> tuple[int | None, str] | None:
        table = self.query_one(DataTable)
        if not self.rows or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.rows.get(str(key))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.update_preview()

    def update_preview(self) -> None:
        """The next card of the highlighted deck: a real card on screen from the first second."""
        chosen = self.selected()
        preview = self.query_one("#preview", Static)
        if chosen is None:
            return
        app = self.trainer
        card = app.store.next_card(app.learner, app.clock(), direction=DIRECTION_OF[app.mode],
                                   deck_id=chosen[0])
        if card is None:
            preview.update(" Nothing left to study here today.")
            return
        preview.update(self.preview_text(app.store.note(card.note_id), card.direction))

    def preview_text(self, note: Note, direction: str) -> Text:
        """What the card will ask, never its answer: the hanzi for recognition, the
        translation for recall (showing hanzi and pinyin there would give it away)."""
        text = Text(" Next up:  ")
        translation = note.translation(self.trainer.learner.lang)
        if direction == "recall" and translation is not None:
            text.append(translation.text, style="bold")
        else:
            text.append(spaced(note.term), style="bold")
        text.append("   (Enter to study)", style="dim")
        return text

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_study()

    def action_study(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.trainer.start_session(*chosen)

    def action_mode(self) -> None:
        app = self.trainer
        app.mode = MODES[(MODES.index(app.mode) + 1) % len(MODES)]
        self.refresh_decks()

    def action_learners(self) -> None:
        from trainer.tui.screens.learners import LearnerScreen

        self.app.push_screen(LearnerScreen(self.trainer.store, self.trainer.learner), self._switched)

    def _switched(self, learner: Learner | None) -> None:
        if learner is not None:
            self.trainer.learner = learner
            self.trainer.store.use_learner(learner.id)
        self.refresh_decks()

    def action_check(self) -> None:
        """Confirm or fix the highlighted deck's mined notes (those that wait first)."""
        from trainer.tui.screens.check import CheckScreen

        chosen = self.selected()
        if chosen is None or chosen[0] is None:
            self.notify("Pick one deck to check.", severity="warning")
            return
        self.app.push_screen(CheckScreen(chosen[1]))

    def action_browse(self) -> None:
        from trainer.tui.screens.browse import BrowseScreen

        self.app.push_screen(BrowseScreen())

    def action_stats(self) -> None:
        try:
            from trainer.tui.screens.stats import StatsScreen
        except ImportError:
            self.notify("stats not available", severity="warning")
            return
        self.app.push_screen(StatsScreen(self.trainer.store, self.trainer.learner))

    def action_export(self) -> None:
        from trainer.tui.screens.export import ExportScreen

        chosen = self.selected()
        if chosen is None:
            self.notify("No deck to export.", severity="warning")
            return
        deck_id, name = chosen
        self.app.push_screen(ExportScreen(self.trainer.store.path, None if deck_id is None else name,
                                          self.trainer.learner.lang))

    def action_help(self) -> None:
        self.trainer.action_help()

    def action_quit(self) -> None:
        self.app.exit()
