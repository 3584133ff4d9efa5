"""A footer of key hints that never changes while a session runs.

Textual's Footer rebuilds its keys whenever the focus moves, and (Textual 8.2) the
keys it replaces are never freed: in the typing modes, where focus moves between
the answer box and the screen twice per card, that leaked ~18 widgets per card and
made garbage collection pauses grow past 100 ms within a session. This bar is one
Static built once from the screen's bindings; each hint is clickable.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.markup import escape
from textual.widgets import Static


def keybar_markup(bindings: list[Binding], key_display: dict[str, str]) -> str:
    """`` key description`` pairs for every shown binding, each running its action on click."""
    parts = []
    for binding in bindings:
        if not binding.show:
            continue
        key = binding.key_display or key_display.get(binding.key, binding.key)
        parts.append(f"[@click=screen.{binding.action}] [b $footer-key-foreground]{escape(key)}[/] "
                     f"{escape(binding.description)} [/]")
    return "".join(parts)


class KeyBar(Static):
    """Docked at the bottom like Footer, in the footer's theme colours."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 100%;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def __init__(self, bindings: list[Binding], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bindings = bindings

    def on_mount(self) -> None:
        display = {b.key: self.app.get_key_display(b) for b in self.bindings if b.show}
        self.update(Content.from_markup(keybar_markup(self.bindings, display)))
