"""One trainer note as Anki field values and tags (pure, no genanki, no I/O).

Every text that reaches a field goes through :func:`fields.escape` (or
:func:`fields.highlight`), so the only markup in a field is the markup built here:
``<div class="tr">``, ``<span class="lang|alt|toneN">``, ``<b class="term">`` and
``[sound:...]``. That invariant is why the package writer can skip genanki's
per-field HTML check.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Sequence

from trainer.export.fields import escape, highlight, one_line, tag, tone_spans
from trainer.export.selection import pick_example
from trainer.models import Note


def text(value: str) -> str:
    """Field text: one line, HTML-escaped (:func:`fields.one_line` inlined: hot path)."""
    return escape(" ".join(value.split()))


@lru_cache(maxsize=64)
def _opening(css_class: str, lang: str, badge: bool) -> str:
    label = f'<span class="lang">{lang.upper()}</span>' if badge else ""
    return f'<div class="{css_class}" lang="{lang}">{label}'


def _lang_block(css_class: str, texts: Sequence[tuple[str, str]], badge: bool) -> str:
    """One ``<div lang=..>`` per language; the language badge only when several are shown."""
    return "".join([f"{_opening(css_class, lang, badge)}{inner}</div>" for lang, inner in texts])


def translation_html(note: Note, langs: Sequence[str]) -> str:
    """The Translation field: each language's text, with its alternatives muted."""
    texts = []
    for lang in langs:
        found = note.translations.get(lang)
        if not found or not found.text.strip():
            continue
        inner = text(found.text)
        others = [text(a) for a in found.alternatives if a.strip() and a != found.text]
        if others:
            inner += f' <span class="alt">({", ".join(others)})</span>'
        texts.append((lang, inner))
    return _lang_block("tr", texts, badge=len(langs) > 1)


def note_fields(note: Note, langs: Sequence[str], sound: str | None) -> list[str]:
    """The field values, in :data:`anki_model.FIELDS` order, every text HTML-escaped."""
    example = pick_example(note, langs)
    example_zh = example_tr = ""
    if example:
        example_zh = highlight(one_line(example.zh), note.term)
        texts = [
            (lang, text(example.translations[lang]))
            for lang in langs
            if example.translations.get(lang, "").strip()
        ]
        example_tr = _lang_block("ex", texts, badge=len(langs) > 1)
    return [
        text(note.term),
        text(note.pinyin),
        tone_spans(note.pinyin),
        translation_html(note, langs),
        example_zh,
        example_tr,
        ", ".join([_source_text(s) for s in note.sources]),
        f"[sound:{sound}]" if sound else "",
    ]


@lru_cache(maxsize=4096)
def _source_text(source: str) -> str:
    return text(source)


@lru_cache(maxsize=4096)
def _source_tag(source: str) -> str:
    return tag("article", os.path.splitext(os.path.basename(source))[0])


@lru_cache(maxsize=1024)
def _deck_tag(deck: str) -> str:
    return tag("deck", deck)


def note_tags(note: Note, langs: Sequence[str]) -> list[str]:
    """``trainer``, ``deck::<deck>``, ``article::<source stem>``, ``lang::<lang>``,
    and ``unsure::<lang>`` for a translation worth checking (a dictionary gloss or
    a rendering with little evidence: find them in Anki's browser); no spaces.

    Sources and decks repeat across thousands of notes, hence the caches.
    """
    tags = {"trainer", _deck_tag(note.deck)}
    tags.update(_source_tag(source) for source in note.sources if source.strip())
    tags.update(f"lang::{lang}" for lang in langs if note.translations.get(lang))
    tags.update(f"unsure::{lang}" for lang in langs if (found := note.translations.get(lang)) and found.unsure)
    return sorted(tags)


#: genanki's ``req`` rule for one template: ``[ord, "all"|"any", [field ords]]``.
Requirement = tuple[int, str, Sequence[int]]


def card_ords(req: Sequence[Requirement], fields: Sequence[str]) -> list[int]:
    """Which templates give a card for these fields, by the note type's ``req`` rules.

    ``req`` is genanki's list of :data:`Requirement` (Anki's rule: a card exists
    when its front would not be empty).
    """
    ords = []
    for ord_, kind, needed in req:
        present = [bool(fields[i].strip()) for i in needed]
        if all(present) if kind == "all" else any(present):
            ords.append(int(ord_))
    return ords
