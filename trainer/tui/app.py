"""The study app: holds the store, the current learner, the quiz mode and the clock.

Screens reach these through ``self.app``. The clock is injected so that tests and
snapshots freeze time; the store is synchronous and every call is quick, so the
UI calls it directly and only slow jobs (export) go to a worker.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from textual.app import App
from textual.binding import Binding

from trainer.errors import TrainerError
from trainer.models import Learner
from trainer.store import Store
from trainer.tui.session import MODES, Session


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class TrainerApp(App[None]):
    """Opens on the deck list; ``start`` (deck or "all") jumps straight into a session."""

    CSS_PATH = "app.tcss"
    TITLE = "trainer"
    BINDINGS = [
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+t", "toggle_theme", "Light/dark theme", show=False),
    ]

    def __init__(self, store: Store, learner: Learner, *, clock: Callable[[], datetime] = utc_now,
                 mode: str = "recognition", start: str | None = None, check: str | None = None) -> None:
        super().__init__()
        if mode not in MODES:
            raise TrainerError(f"unknown mode {mode!r}; choose from {', '.join(MODES)}")
        self.store = store
        self.learner = learner
        self.clock = clock
        self.mode = mode
        self.start = start
        self.check = check

    def on_mount(self) -> None:
        """The deck list, or straight to the cards when a deck was named (the list is built later)."""
        if self.start is not None:
            self.start_named(self.start)
        else:
            self.show_decks()
        if self.check is not None:
            from trainer.tui.screens.check import CheckScreen

            self.push_screen(CheckScreen(self.check))

    def show_decks(self) -> None:
        """Back to the deck list: pop to it, or build it if the app started on a session."""
        from trainer.tui.screens.decks import DeckScreen

        if any(isinstance(screen, DeckScreen) for screen in self.screen_stack):
            while not isinstance(self.screen, DeckScreen):
                self.pop_screen()
        elif len(self.screen_stack) > 1:
            self.switch_screen(DeckScreen())
        else:
            self.push_screen(DeckScreen())

    def start_named(self, deck: str) -> None:
        """Start on a deck given by name (``--deck``), "all" meaning every deck."""
        if deck == "all":
            self.start_session(None, "All decks")
            return
        found = self.store.deck(deck)
        self.start_session(found.id, found.name)

    def start_session(self, deck_id: int | None, deck_name: str) -> None:
        from trainer.tui.screens.review import ReviewScreen

        session = Session(self.store, self.learner, self.mode, deck_id, self.clock)
        self.push_screen(ReviewScreen(session, deck_name))

    def action_toggle_theme(self) -> None:
        """Light or dark: the app paints its own background, so pick what suits the room."""
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_help(self) -> None:
        """Show the keys of the current screen (what its footer shows, and the hidden ones)."""
        from trainer.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        keys: list[tuple[str, str]] = []
        for binding in type(self.screen).BINDINGS:
            if not isinstance(binding, Binding) or binding.action == "help":
                continue
            if binding.action.startswith("digit("):
                if binding.key == "0":
                    keys.append(("0-5", "grade (1-4 pick an option in multiple choice)"))
                continue
            keys.append((binding.key_display or self.get_key_display(binding), binding.description))
        self.push_screen(HelpScreen(keys))


def make_app(store: Store, learner_name: str | None = None, *,
             clock: Callable[[], datetime] = utc_now, mode: str = "recognition",
             deck: str | None = None, check: str | None = None) -> TrainerApp:
    """The one way to build the app, for the CLI and the tests alike.

    ``deck`` (a deck name, or "all") starts a session at once instead of waiting
    on the deck list.  A learner named here, or picked in the app, is the one
    it opens as next time.  ``check`` (a deck name) opens that deck's check screen.
    """
    for name in (deck, check):
        if name is not None and name != "all":
            store.deck(name)  # a clear error before the UI starts
    learner = store.learner(learner_name)
    if learner_name is not None:  # (with no name, it already is the last one used)
        store.use_learner(learner.id)
    return TrainerApp(store, learner, clock=clock, mode=mode, start=deck, check=check)
