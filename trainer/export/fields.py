"""Pure text helpers for export fields: HTML escaping, coloured pinyin, highlighting.

Why a module of its own: every string that reaches an Anki field is rendered as
HTML by Anki's webview, so escaping must happen in exactly one place and be
tested on its own. Notes come from scraped articles; a sentence containing
``<script>`` or ``<img onerror=...>`` must show as text, never run. Nothing here
does I/O or imports genanki, so the CSV exporter and tests can use it cheaply.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from trainer.tones import TONE_COLORS, split_syllables, syllable_tone


_SPECIAL = re.compile(r"[&<>]")


def escape(text: str) -> str:
    """HTML-escape ``&``, ``<`` and ``>`` in ``text``.

    Quotes are left alone on purpose: our texts only ever go into element content,
    never into attributes, and French is full of apostrophes that should stay
    searchable in Anki (``d'exemple``, not ``d&#x27;exemple``). Most texts have
    nothing to escape; checking first halves the cost of a large export.
    """
    if _SPECIAL.search(text) is None:
        return text
    return html.escape(text, quote=False)


def tone_spans(pinyin: str) -> str:
    """``zhù cūn`` -> ``<span class="tone4">zhù</span> <span class="tone1">cūn</span>``.

    Classes rather than inline colours so that the note type's CSS can give night
    mode its own, lighter palette (see :func:`tone_css`).
    """
    return " ".join([_syllable_span(s) for s in split_syllables(pinyin)])


@lru_cache(maxsize=8192)
def _syllable_span(syllable: str) -> str:
    """One coloured syllable; cached, as a few hundred syllables make up every deck."""
    return f'<span class="tone{syllable_tone(syllable)}">{escape(syllable)}</span>'


def highlight(sentence: str, term: str) -> str:
    """Escape ``sentence`` and wrap each occurrence of ``term`` in ``<b class="term">``.

    The raw sentence is split on the raw term and each piece escaped separately,
    so the markup we add can never be confused with escaped entities.
    """
    if not term or term not in sentence:
        return escape(sentence)
    marked = f'<b class="term">{escape(term)}</b>'
    return marked.join(escape(piece) for piece in sentence.split(term))


def one_line(text: str) -> str:
    """Collapse newlines and runs of whitespace: fields and CSV cells stay on one line."""
    return " ".join(text.split())


_TAG_UNSAFE = re.compile(r"[^\w.\-]+")


def tag(*parts: str) -> str:
    """An Anki tag from ``parts`` joined by ``::`` (Anki's tag hierarchy).

    Anki splits tags on whitespace, so every run of characters other than
    letters, digits, ``.``, ``-`` and ``_`` (in any script) becomes ``_``.
    """
    cleaned = []
    for part in parts:
        piece = _TAG_UNSAFE.sub("_", unicodedata.normalize("NFC", part)).strip("_")
        cleaned.append(piece or "_")
    return "::".join(cleaned)


def deck_component(name: str) -> str:
    """A trainer deck name as one Anki deck-path component.

    ``::`` separates sub-decks in Anki, so it cannot appear inside one name; it
    becomes a single ``:``. Whitespace is collapsed (Anki trims components).
    """
    name = re.sub(r":{2,}", ":", one_line(name))
    return name.strip(": ") or "_"


_FILE_UNSAFE = re.compile(r"[^\w.\-]+")


def file_stem(name: str, limit: int = 80) -> str:
    """A safe file name stem from a deck name: no separators, no leading dot, bounded."""
    stem = _FILE_UNSAFE.sub("-", unicodedata.normalize("NFC", name)).strip("-.")
    return stem[:limit].strip("-.") or "deck"


def _mix(color: str, other: str, share: float) -> str:
    """``color`` moved ``share`` of the way towards ``other`` (both ``#rrggbb``)."""
    a = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b))


def tone_css(colors: dict[int, str] = TONE_COLORS) -> str:
    """CSS rules for ``.toneN``: the app's palette, and a lighter one for night mode.

    Anki adds ``.nightMode`` (desktop, AnkiMobile) or ``.night_mode`` (older
    desktop, AnkiDroid) to the card; the day colours are too dark on black.
    """
    lines: list[str] = []
    for tone, color in sorted(colors.items()):
        lines.append(f".tone{tone} {{ color: {color}; }}")
    for tone, color in sorted(colors.items()):
        light = _mix(color, "#ffffff", 0.35)
        lines.append(f".nightMode .tone{tone}, .night_mode .tone{tone} {{ color: {light}; }}")
    return "\n".join(lines)
