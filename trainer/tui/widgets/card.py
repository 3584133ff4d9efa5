"""The face of a card: question and answer for every quiz mode.

The review screen decides *what* state a card is in; this widget only decides
what each state looks like, so the flow and the layout can change separately.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.markup import escape
from textual.widgets import Input, Static

from trainer.models import Note
from trainer.quiz import QUALITY_MEANINGS, Grade, best_example
from trainer.tui.widgets.gradebar import GRADE_COLOURS
from trainer.tui.widgets.hanzi import Hanzi, spaced
from trainer.tui.widgets.pinyin import pinyin_text

PROMPTS = {
    "recognition": "What does it mean?  (p: pinyin, space: show answer)",
    "recall": "Type the pinyin (zhu4cun1, zhùcūn) or the hanzi, then Enter",
    "cloze": "Fill in the blank: type the pinyin or the hanzi, then Enter",
    "choice": "Which meaning?  (1-4 or click; p: pinyin)",
}


def meaning_text(note: Note, lang: str) -> Text:
    """The learner's translation; a dictionary fallback or a doubtful rendering
    is marked as such (check it against the example, fix it with e), alternatives follow."""
    translation = note.translation(lang)
    if translation is None:
        return Text(f"(no {lang} translation)", style="italic")
    text = Text(translation.text, style="bold", justify="center")
    if translation.method == "dictionary":
        text.append("  [dictionary gloss]", style="italic dim")
    elif translation.unsure:
        text.append("  [unsure: check the example]", style="italic dim")
    if translation.alternatives:
        text.append("\nalso: " + "; ".join(translation.alternatives), style="dim")
    return text


def example_text(zh: str, term: str, translation: str) -> Text:
    """An example pair with the term picked out in the Chinese sentence."""
    text = Text(justify="center")
    for index, part in enumerate(zh.split(term) if term else [zh]):
        if index:
            text.append(term, style="bold reverse")
        text.append(part)
    if translation:
        text.append("\n" + translation, style="italic")
    return text


class CardFace(Vertical):
    """Prompt, cue, hanzi, pinyin, meaning, example, answer box, feedback and options."""

    def compose(self) -> ComposeResult:
        yield Static(id="prompt")
        yield Static(id="cue")
        yield Hanzi(id="hanzi")
        yield Static(id="pinyin")
        yield Static(id="meaning")
        yield Static(id="example")
        yield Input(id="answer", placeholder="pinyin or hanzi")
        yield Static(id="feedback")
        yield Static(id="options")

    def _set(self, widget_id: str, content: Text | Content | str | None) -> None:
        """Show ``content`` in a part of the face, or hide the part when None.

        Display is only touched when it changes: every toggle restyles and re-lays out,
        and that, not the database, is what a card change costs.
        """
        widget = self.query_one(f"#{widget_id}", Static)
        shown = content is not None
        if widget.display != shown:
            widget.display = shown
        if content is not None:
            widget.update(content)

    def _clear(self) -> None:
        for part in ("cue", "hanzi", "pinyin", "meaning", "example", "feedback", "options"):
            self._set(part, None)
        box = self.query_one("#answer", Input)
        if box.has_focus:
            self.screen.set_focus(None)
        if box.display:
            box.display = False

    def question(self, note: Note, lang: str, mode: str, *, cloze: tuple[str, str] | None,
                 options: list[str] | None, show_pinyin: bool) -> None:
        """The question side. ``cloze`` is (blanked sentence, translation) when there is one."""
        self._clear()
        self._set("prompt", PROMPTS[mode] if mode != "cloze" or cloze else PROMPTS["recall"])
        if mode in ("recognition", "choice"):
            self._set("hanzi", Text(spaced(note.term)))
            if show_pinyin:
                self._set("pinyin", pinyin_text(note.pinyin))
        elif mode == "cloze" and cloze:
            self._set("cue", example_text(cloze[0], "", cloze[1]))
        else:
            self._set("cue", meaning_text(note, lang))
        if mode in ("recall", "cloze"):
            box = self.query_one("#answer", Input)
            box.display = True
            box.disabled = False
            box.value = ""
            box.focus()
        if mode == "choice" and options:
            self._show_options(options)

    def answer(self, note: Note, lang: str, mode: str, *, typed: str | None, grade: Grade | None,
               options: list[str] | None, right: int | None, picked: int | None) -> None:
        """The answer side: everything about the note, plus how the learner's answer was graded."""
        self._clear()
        self._set("prompt", "Grade yourself: 0-5" + (", Enter accepts the suggestion" if grade else ""))
        self._set("hanzi", Text(spaced(note.term)))
        self._set("pinyin", pinyin_text(note.pinyin))
        self._set("meaning", meaning_text(note, lang))
        example = best_example(note, lang)
        if example is not None:
            self._set("example", example_text(example.zh, note.term, example.translations.get(lang, "")))
        if grade is not None:
            said = f"you answered: {typed}" if typed else "no answer"
            if mode == "choice" and right is not None and picked != right and options:
                said += f" ✗ (right: {options[right]})"
            style = GRADE_COLOURS[grade.quality]
            self._set("feedback", Text.assemble(
                (said + " — ", ""), (f"{grade.reason} → {grade.quality} "
                                     f"{QUALITY_MEANINGS[grade.quality]}", f"bold {style}"),
                justify="center"))
        self.query_one("#answer", Input).disabled = True

    def _show_options(self, options: list[str]) -> None:
        """The four choices as clickable lines (a click is the same as its digit key).

        Lines are padded to one width so the centred block reads left-aligned.
        """
        width = max(cell_len(option) for option in options)
        lines = [f"[@click=screen.digit({i + 1})] [b]{i + 1}[/b]  {escape(option)}"
                 f"{' ' * (width - cell_len(option))} [/]" for i, option in enumerate(options)]
        self._set("options", Content.from_markup("\n".join(lines)))

    def toggle_pinyin(self, note: Note) -> None:
        widget = self.query_one("#pinyin", Static)
        self._set("pinyin", None if widget.display else pinyin_text(note.pinyin))
