"""What the check screen shows for one note: the evidence a learner judges a row by.

The Chinese sentence with the term picked out, the translated sentence with the
chosen span picked out, pinyin, the dictionary entry and the numbered alternatives.
Rendering only: the screen decides which note and which span.
"""

from __future__ import annotations

from rich.text import Text

from trainer.models import LANG_NAMES, Note, Translation
from trainer.tui.widgets.pinyin import pinyin_text

#: Styles that read in the dark and the light theme alike (reverse uses the theme's own colours).
TERM_STYLE = "bold reverse"
SPAN_STYLE = "bold reverse"


def confidence_label(translation: Translation) -> Text:
    """"0.55 unsure" in the warning colour, "0.95" plain, "dictionary gloss" for a fallback."""
    if translation.method == "dictionary":
        return Text("dictionary gloss: the article did not show it", style="bold #e53935")
    label = Text(f"confidence {translation.confidence:.2f}")
    if translation.unsure:
        label.append("  unsure", style="bold #fb8c00")
    return label


#: Hanzi of the Chinese sentence shown around the term: one 80-column line.
ZH_WINDOW = 34


def window(zh: str, term: str, size: int = ZH_WINDOW) -> str:
    """The part of a long sentence around the term's first occurrence, cut ends marked "…"."""
    if len(zh) <= size:
        return zh
    at = max(0, zh.find(term))
    start = max(0, min(at - (size - len(term)) // 2, len(zh) - size))
    cut = zh[start:start + size]
    return ("…" if start else "") + cut + ("…" if start + size < len(zh) else "")


def sentence_with_term(zh: str, term: str) -> Text:
    text = Text()
    zh = window(zh, term)
    for index, part in enumerate(zh.split(term) if term else [zh]):
        if index:
            text.append(term, style=TERM_STYLE)
        text.append(part)
    return text


def sentence_with_span(sentence: str, bounds: tuple[int, int] | None) -> Text:
    if bounds is None:
        return Text(sentence or "(no translated sentence)", style="" if sentence else "dim italic")
    start, end = bounds
    text = Text(sentence[:start])
    text.append(sentence[start:end], style=SPAN_STYLE)
    text.append(sentence[end:])
    return text


def reference(note: Note, zh: str, lang: str) -> tuple[str, str] | None:
    """Another language's translation of the sentence, when the learner's is missing."""
    for example in note.examples:
        if example.zh == zh:
            for other, sentence in sorted(example.translations.items()):
                if other != lang and sentence:
                    return other, sentence
    return None


def panel_text(note: Note, lang: str, example: tuple[str, str], span_sentence_bounds: tuple[int, int] | None,
               pending: str, gloss: str | None) -> Text:
    """The whole panel; ``pending`` is what Enter would save (the span's text once moved)."""
    translation = note.translation(lang)
    text = Text()
    text.append(f" {note.term} ", style="bold")
    text.append_text(pinyin_text(note.pinyin))
    if translation is not None:
        text.append("   ")
        text.append_text(confidence_label(translation))
    text.append("\n CC-CEDICT ", style="dim")
    text.append(gloss if gloss is not None else "…", style="italic" if gloss else "dim")
    zh, translated = example
    text.append("\n 中 ", style="dim")
    text.append_text(sentence_with_term(zh, note.term))
    text.append(f"\n {lang} ", style="dim")
    text.append_text(sentence_with_span(translated, span_sentence_bounds))
    other = None if translated else reference(note, zh, lang)
    if other is not None:
        text.append(f"\n {other[0]} ", style="dim")
        text.append(other[1], style="dim italic")
    text.append(f"\n {LANG_NAMES.get(lang, lang)}: ", style="dim")
    text.append(pending, style="bold")
    if translation is not None and pending != translation.text:
        text.append(f"  (was: {translation.text})", style="dim")
    if translation is not None and translation.alternatives:
        text.append("\n ")
        for number, alternative in enumerate(translation.alternatives[:3], 1):
            text.append(f" {number} ", style="bold reverse")
            text.append(f" {alternative}  ")
    return text

