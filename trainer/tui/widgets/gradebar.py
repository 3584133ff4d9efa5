"""The grade line (0-5 with their meaning): the digit keys, clickable.

One Static with clickable markup rather than six buttons: it changes on every card,
and a single widget costs a fraction of six to restyle and lay out.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from trainer.quiz import QUALITY_MEANINGS

#: Digit colours: failing grades red, "hard" orange, passing green (readable on dark and light).
GRADE_COLOURS = {0: "#e53935", 1: "#e53935", 2: "#e53935", 3: "#fb8c00", 4: "#43a047", 5: "#43a047"}


def grades_markup(suggested: int | None) -> str:
    """Markup of the six grades; the suggested one (Enter accepts it) is shown reversed."""
    parts = []
    for quality, meaning in QUALITY_MEANINGS.items():
        label = f"[b {GRADE_COLOURS[quality]}]{quality}[/] {meaning}"
        if quality == suggested:
            label = f"[reverse]{label}[/reverse]"
        parts.append(f"[@click=screen.digit({quality})] {label} [/]")
    return "  ".join(parts)


class GradeBar(Static):
    """Grades on the answer side, a hint on the question side."""

    DEFAULT_CSS = "GradeBar { height: 1; width: 100%; text-align: center; }"

    def show_grades(self, suggested: int | None) -> None:
        self.update(Content.from_markup(grades_markup(suggested)))

    def show_hint(self, hint: str) -> None:
        self.update(Content.styled(hint, "dim"))
