"""The review screen: one card at a time, in the session's quiz mode.

Flow per card: question -> (typed answer / picked option / Space) -> answer side
-> grade (digit, click, or Enter for the suggested grade) -> the answer is
committed by the store -> the next card is fetched. Undo, edit and suspend work
on either side.
"""

from __future__ import annotations

import random
import time
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Static

from trainer import quiz
from trainer.errors import TrainerError
from trainer.models import Card, Note
from trainer.quiz import Grade
from trainer.tui.session import MODE_NAMES, Session
from trainer.tui.widgets.card import CardFace
from trainer.tui.widgets.gradebar import GradeBar
from trainer.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from trainer.tui.app import TrainerApp


#: Seconds between two tries of an answer the database could not take.
RETRY_EVERY_S = 1.0
#: Notes drawn per deck for multiple-choice distractors: plenty to find four of similar length.
DISTRACTOR_POOL = 150

HINTS = {
    "recognition": "space: show answer · p: pinyin",
    "recall": "Enter: check · Escape: end session",
    "cloze": "Enter: check · Escape: end session",
    "choice": "1-4: choose · p: pinyin",
}


class ReviewScreen(Screen[None]):
    """Study the cards of a session until none is left or the learner quits."""

    AUTO_FOCUS = ""  # focus is set per card: the answer box in typing modes, nothing otherwise
    BINDINGS = [
        Binding("space", "reveal", "Show"),
        # Not in the footer: it does nothing on a revealed recognition card; the card says
        # "Enter accepts the suggestion" when there is one to accept.
        Binding("enter", "enter", "Show, or accept the suggested grade", show=False),
        Binding("p", "pinyin", "Pinyin"),
        *[Binding(str(q), f"digit({q})", f"Grade {q}", show=False) for q in range(6)],
        Binding("u", "undo", "Undo"),
        Binding("e", "edit", "Edit"),
        Binding("s", "suspend", "Suspend"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "finish", "Quit", show=False),
        Binding("escape", "leave", "Quit"),
    ]

    def __init__(self, session: Session, deck_name: str) -> None:
        super().__init__()
        self.session = session
        self.deck_name = deck_name
        self.card: Card | None = None
        self.note: Note | None = None
        self.revealed = False
        self.grade: Grade | None = None
        self.typed: str | None = None
        self.options: list[str] | None = None
        self.right: int | None = None
        self.picked: int | None = None
        self.cloze: tuple[str, str] | None = None
        self.shown_at = 0.0
        self._retrying: Timer | None = None
        self._pools: dict[str, list[Note]] = {}

    @property
    def trainer(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    @property
    def lang(self) -> str:
        return self.session.learner.lang

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status")
        yield CardFace(id="face")
        yield GradeBar(id="grades")
        yield KeyBar([b for b in self.BINDINGS if isinstance(b, Binding)], id="keys")

    def on_mount(self) -> None:
        self.sub_title = f"{self.deck_name} · {MODE_NAMES[self.session.mode]}"
        self.show_next()

    # -- showing cards -------------------------------------------------------------------

    def show_next(self) -> None:
        """Fetch the next card (the previous answer is already committed) or end the session."""
        card = self.session.next_card()
        if card is None:
            self.finish(done=True)
            return
        self.show_card(card)

    def show_card(self, card: Card) -> None:
        self.card = card
        self.note = self.session.store.note(card.note_id)
        self.revealed = False
        self.grade = self.typed = self.picked = None
        self.options = self.right = None
        mode = self.session.mode
        self.cloze = quiz.cloze_example(self.note, self.lang) if mode == "cloze" else None
        if mode == "choice":
            rng = random.Random(card.id)
            self.options, self.right = quiz.choice_options(self.note, self._pool(self.note.deck),
                                                           self.lang, rng)
        self.query_one(CardFace).question(self.note, self.lang, mode, cloze=self.cloze,
                                          options=self.options, show_pinyin=False)
        self.query_one(GradeBar).show_hint(HINTS[mode])
        self._status()
        self.shown_at = time.monotonic()

    def _pool(self, deck: str) -> list[Note]:
        """A sample of the deck's notes, drawn once per session, for multiple-choice distractors."""
        if deck not in self._pools:
            self._pools[deck] = self.session.store.sample_notes(deck, DISTRACTOR_POOL)
        return self._pools[deck]

    def _status(self) -> None:
        answers = self.session.answers
        correct = sum(a.quality >= 3 for a in answers)
        kind = "new" if self.card and self.card.is_new else "review"
        text = f" {self.session.learner.name} ({self.lang}) · {kind} card · reviewed {len(answers)}"
        if answers:
            text += f" · {correct * 100 // len(answers)}% right"
        self.query_one("#status", Static).update(text)

    def reveal(self) -> None:
        if self.note is None:
            return
        self.revealed = True
        self.query_one(CardFace).answer(self.note, self.lang, self.session.mode, typed=self.typed,
                                        grade=self.grade, options=self.options, right=self.right,
                                        picked=self.picked)
        self.query_one(GradeBar).show_grades(self.grade.quality if self.grade else None)
        self.set_focus(None)

    # -- answering -----------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.note is None or self.revealed:
            return
        self.typed = event.value.strip()
        self.grade = quiz.grade_typed(self.typed, self.note)
        self.reveal()

    def pick(self, index: int) -> None:
        if self.options is None or self.revealed or index >= len(self.options):
            return
        self.picked = index
        right = index == self.right
        self.typed = self.options[index]
        self.grade = Grade(quiz.CHOICE_RIGHT if right else quiz.WRONG, "right" if right else "wrong")
        self.reveal()

    def commit(self, quality: int) -> None:
        """Record the grade, then move on: the store commits before the next card is read."""
        if self.card is None or not self.revealed:
            return
        if self.session.pending is not None:
            self.notify("Still saving your previous answer…", timeout=2)
            return
        duration = int((time.monotonic() - self.shown_at) * 1000)
        if self.session.try_answer(self.card, quality, duration) is None:
            self._saving_failed()
            return
        self.show_next()

    def _saving_failed(self) -> None:
        """The answer is kept in the session and retried every second until it is saved."""
        self.notify(f"Answer kept, not saved yet: {self._problem()}. Retrying every second…",
                    severity="warning", timeout=4)
        if self._retrying is None:
            self._retrying = self.set_interval(RETRY_EVERY_S, self._retry)

    def _problem(self) -> str:
        """Why the pending answer is not saved, in the learner's words."""
        error = self.session.pending_error
        kind = error.kind if error is not None else "other"
        return {"busy": "another program is writing to the database", "disk full": "the disk is full",
                "read-only": "the database is read-only", "damaged": "the database is damaged"}.get(kind, "database error")

    def _retry(self) -> None:
        if self.session.retry() is None:
            return
        if self._retrying is not None:
            self._retrying.stop()
            self._retrying = None
        self.notify("Saved.", timeout=2)
        self.show_next()

    # -- actions -------------------------------------------------------------------------

    def action_reveal(self) -> None:
        if not self.revealed and self.session.mode in ("recognition", "choice"):
            self.reveal()

    def action_enter(self) -> None:
        if not self.revealed:
            self.action_reveal()
        elif self.grade is not None:
            self.commit(self.grade.quality)

    def action_digit(self, number: int) -> None:
        if self.session.mode == "choice" and not self.revealed and 1 <= number <= 4:
            self.pick(number - 1)
        elif self.revealed:
            self.commit(number)
        else:
            self.notify("Show the answer first (space), then grade 0-5.", timeout=2)

    def action_pinyin(self) -> None:
        if self.note is not None and not self.revealed and self.session.mode in ("recognition", "choice"):
            self.query_one(CardFace).toggle_pinyin(self.note)

    def action_undo(self) -> None:
        if self.session.pending is not None:
            self.notify("Still saving your last answer; undo it once it is saved.", timeout=2)
            return
        try:
            card = self.session.undo()
        except TrainerError as refused:
            self.notify(str(refused).capitalize(), severity="warning", timeout=3)
            return
        if card is None:
            self.notify("Nothing to undo in this session.", timeout=2)
            return
        self.notify(f"Undone: {self.session.store.note(card.note_id).term}", timeout=2)
        self.show_card(card)

    def action_edit(self) -> None:
        if self.note is None:
            return
        from trainer.tui.screens.edit import EditScreen

        self.app.push_screen(EditScreen(self.note, self.lang), self._edited)

    def _edited(self, text: str | None) -> None:
        if text is None or self.note is None or self.card is None:
            return
        self.note = self.session.store.edit_translation(self.note.id, self.lang, text, self.session.learner.name)
        self.notify("Translation saved.", timeout=2)
        if self.revealed:
            self.reveal()
        else:
            self.show_card(self.card)

    def action_suspend(self) -> None:
        if self.card is None or self.note is None:
            return
        self.session.suspend(self.card)
        self.notify(f"Suspended: {self.note.term}", timeout=2)
        self.show_next()

    def action_help(self) -> None:
        self.trainer.action_help()

    def action_leave(self) -> None:
        self.finish(done=False)

    def action_finish(self) -> None:
        self.finish(done=False)

    def finish(self, *, done: bool) -> None:
        """Replace this screen by the session summary (never while an answer is unsaved)."""
        from trainer.tui.screens.summary import SummaryScreen

        if self.session.pending is not None and self.session.retry() is None:
            self.notify(f"Your last answer is not saved yet ({self._problem()}); still retrying. "
                        "The session ends once it is saved.", severity="error", timeout=5)
            return

        self.card = self.note = None
        self.app.switch_screen(SummaryScreen(self.session.summary(), done=done))
