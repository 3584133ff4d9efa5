"""Export to Anki (.apkg) from the deck list, in a thread so the UI keeps responding."""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, ProgressBar
from textual.worker import Worker, WorkerState


def default_export_path(deck: str | None) -> Path:
    """``~/trainer-<deck>.apkg`` with the deck name made file-safe; ``all`` for every deck."""
    slug = re.sub(r"[^\w.-]+", "-", deck or "all", flags=re.UNICODE).strip("-.") or "deck"
    return Path.home() / f"trainer-{slug}.apkg"


class ExportScreen(ModalScreen[Path | None]):
    """Type or accept a path, Enter exports with a progress bar; returns the written path."""

    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, db_path: Path, deck: str | None, lang: str) -> None:
        super().__init__()
        self.db_path = db_path
        self.deck = deck
        self.lang = lang
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"[b]Export {self.deck or 'all decks'} to Anki[/b]  (Enter: export, Escape: close)")
            yield Input(str(default_export_path(self.deck)), id="path")
            yield ProgressBar(id="progress", show_eta=False)
            yield Label("", id="export-status")

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = Path(event.value.strip() or default_export_path(self.deck)).expanduser()
        event.input.disabled = True
        self.query_one(ProgressBar).display = True
        self.query_one("#export-status", Label).update(f"Exporting to {path} …")
        self.export(path)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def export(self, path: Path) -> str:
        """Runs in a thread with its own connection (SQLite connections stay in their thread).

        The exporter (genanki, audio) is imported here, so the study app never loads it
        unless the learner exports. Returns the line to show when done.
        """
        from trainer.export.anki import export_apkg
        from trainer.store import Store

        with Store.open(self.db_path) as store:
            result = export_apkg(
                store, path, decks=[self.deck] if self.deck else None, lang=self.lang,
                progress=lambda done, total: self.app.call_from_thread(self._progress, done, total))
        self.written = path
        line = f"Written {path}: {result.notes} notes, {result.cards} cards"
        return "\n".join([line, *result.warnings])

    def _progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        status = self.query_one("#export-status", Label)
        if event.state == WorkerState.SUCCESS:
            bar = self.query_one(ProgressBar)
            bar.update(total=bar.total or 1, progress=bar.total or 1)
            status.update(Text(f"{event.worker.result}\n(Escape to close)", style="green"))
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            message = ("export not available yet (trainer.export.anki is missing)"
                       if isinstance(error, ModuleNotFoundError) else f"export failed: {error}")
            status.update(Text(message, style="red"))
            self.query_one("#path", Input).disabled = False

    def action_close(self) -> None:
        self.dismiss(self.written)
