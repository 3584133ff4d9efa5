"""The learner picker: switch learner, create one, set a learner's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from trainer.errors import TrainerError
from trainer.models import LANG_NAMES, LANGS, Learner
from trainer.store import Store


def next_lang(lang: str) -> str:
    """fr -> en -> vi -> fr."""
    return LANGS[(LANGS.index(lang) + 1) % len(LANGS)] if lang in LANGS else LANGS[0]


class LearnerScreen(ModalScreen[Learner | None]):
    """Returns the learner to study as, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("l", "cycle_lang", "Language fr/en/vi"),
        Binding("n", "new", "New learner"),
    ]

    def __init__(self, store: Store, current: Learner) -> None:
        super().__init__()
        self.store = store
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("[b]Learners[/b]  Enter: switch · l: language · n: new · Escape: back")
            yield OptionList(id="learners")
            yield Input(placeholder="new learner name, Enter to create", id="new-name")

    def on_mount(self) -> None:
        self.refresh_list(self.current.id)
        self.query_one(OptionList).focus()

    def refresh_list(self, highlight: int) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        learners = self.store.learners()
        for learner in learners:
            mark = "● " if learner.id == self.current.id else "  "
            options.add_option(Option(f"{mark}{learner.name}  ({LANG_NAMES.get(learner.lang, learner.lang)})",
                                      id=str(learner.id)))
        ids = [learner.id for learner in learners]
        options.highlighted = ids.index(highlight) if highlight in ids else 0

    def _highlighted(self) -> Learner | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        option = options.get_option_at_index(options.highlighted)
        return self.store.learner_by_id(int(option.id or 0))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.store.learner_by_id(int(event.option.id or 0)))

    def action_cycle_lang(self) -> None:
        learner = self._highlighted()
        if learner is None:
            return
        updated = self.store.update_learner(learner.id, lang=next_lang(learner.lang))
        if updated.id == self.current.id:
            self.current = updated
        self.refresh_list(updated.id)

    def action_new(self) -> None:
        self.query_one("#new-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if not name:
            return
        try:
            learner = self.store.add_learner(name, self.current.lang)
        except TrainerError as error:
            self.notify(str(error), severity="error")
            return
        event.input.value = ""
        self.refresh_list(learner.id)
        self.query_one(OptionList).focus()
        self.notify(f"Learner {learner.name} created; Enter to switch.", timeout=3)

    def action_cancel(self) -> None:
        self.dismiss(self.current)
