"""Tone-coloured pinyin, so the tone is seen as well as read."""

from __future__ import annotations

from rich.text import Text

from trainer.tones import TONE_COLORS, split_syllables, syllable_tone


def pinyin_text(pinyin: str, *, bold: bool = True) -> Text:
    """``zhù cūn`` as a Rich Text, each syllable in its tone's colour (grey for neutral)."""
    text = Text(justify="center")
    for index, syllable in enumerate(split_syllables(pinyin)):
        if index:
            text.append(" ")
        colour = TONE_COLORS[syllable_tone(syllable)]
        text.append(syllable, style=f"bold {colour}" if bold else colour)
    return text
