"""Hanzi large enough to read in a terminal: bold, spaced, centred.

A terminal cannot change font size; spacing the characters out (each is already
two cells wide) and setting them bold in their own padded box is what keeps
strokes legible, and it lays out correctly at any width because Rich measures
CJK characters as double width.
"""

from __future__ import annotations

from textual.widgets import Static


def spaced(term: str) -> str:
    """``扶贫`` -> ``扶 贫``: CJK characters with a space between them; other text untouched."""
    return " ".join(term) if all(_wide(c) for c in term) else term


def _wide(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000"


class Hanzi(Static):
    """The term being studied, shown big."""

    DEFAULT_CSS = """
    Hanzi {
        width: 100%;
        height: auto;
        content-align: center middle;
        text-align: center;
        text-style: bold;
        padding: 1 2;
    }
    """
