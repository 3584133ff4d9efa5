"""The Anki note type and the deck/note identities: fixed, documented, never random.

Why fixed ids: Anki recognises a note type by its id and a note by its GUID. If
either changed between exports, importing an updated deck would add duplicates
instead of updating the learner's notes (and losing their review history on
them). Everything here is a pure function of names, so any machine produces the
same ids.

* Note type id: :data:`MODEL_ID`, a constant picked once at random in genanki's
  recommended range ``[2**30, 2**31)``. Never change it.
* Deck id: first 8 bytes of ``sha256("trainer-deck:" + full Anki deck name)``,
  reduced into ``[2**30, 2**31)`` (:func:`deck_id`).
* Note GUID: genanki's ``guid_for("trainer-note", deck, term)``: the store
  identifies a note by (deck, term), so the same pair always maps to the same
  Anki note, and the namespace keeps it apart from other generators' GUIDs.
"""

from __future__ import annotations

import hashlib

import genanki

from trainer.export.fields import deck_component, tone_css

#: Note type id. Changing it makes Anki treat every exported note as new.
MODEL_ID = 1_546_327_109
MODEL_NAME = "trainer: Chinese vocabulary"
#: The note type's modification time (seconds). Anki only replaces a note type it
#: already has when the incoming one is newer: bump this when FIELDS, templates or
#: CSS change, and only then (it is part of the byte-identical output).
MODEL_MTIME = 1_764_000_000  # 2025-11-24
#: Every trainer deck is a sub-deck of this one in Anki: ``trainer::<deck>``.
ROOT_DECK = "trainer"
DECK_SALT = "trainer-deck:"
GUID_NAMESPACE = "trainer-note"

FIELDS: tuple[str, ...] = (
    "Hanzi",
    "Pinyin",
    "PinyinColored",
    "Translation",
    "Example",
    "ExampleTranslation",
    "Source",
    "Audio",
)

_BACK_DETAILS = """
{{#Example}}<div class="example">{{Example}}</div>{{/Example}}
{{#ExampleTranslation}}<div class="example-tr">{{ExampleTranslation}}</div>{{/ExampleTranslation}}
{{#Source}}<div class="source">{{Source}}</div>{{/Source}}"""

TEMPLATES: tuple[dict[str, str], ...] = (
    {
        "name": "Recognition (hanzi → meaning)",
        "qfmt": '<div class="hanzi">{{Hanzi}}</div>',
        "afmt": (
            '{{FrontSide}}\n<hr id="answer">\n'
            '<div class="pinyin">{{PinyinColored}}</div>\n{{Audio}}\n'
            '<div class="translation">{{Translation}}</div>' + _BACK_DETAILS
        ),
    },
    {
        "name": "Recall (meaning → hanzi)",
        "qfmt": '<div class="translation prompt">{{Translation}}</div>',
        "afmt": (
            '{{FrontSide}}\n<hr id="answer">\n'
            '<div class="hanzi">{{Hanzi}}</div>\n'
            '<div class="pinyin">{{PinyinColored}}</div>\n{{Audio}}' + _BACK_DETAILS
        ),
    },
)

CSS = (
    """.card {
  font-family: "Noto Sans", "Segoe UI", Arial, sans-serif;
  font-size: 20px; line-height: 1.5; text-align: center;
  color: #1f1f1f; background-color: #ffffff;
}
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card { color: #e8e8e8; background-color: #2b2b2d; }
.hanzi {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: 64px; line-height: 1.2; margin: 0.3em 0;
}
.pinyin { font-size: 28px; margin: 0.2em 0; }
.translation { font-size: 24px; margin: 0.4em 0; }
.translation.prompt { font-size: 30px; }
.tr .lang, .example-tr .lang {
  font-size: 12px; font-weight: bold; color: #757575; border: 1px solid #bdbdbd;
  border-radius: 3px; padding: 0 3px; margin-right: 6px; vertical-align: middle;
}
.alt { color: #757575; font-size: 18px; }
.example { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: 22px; margin-top: 1em; }
.example .term { color: #c62828; }
.example-tr { color: #424242; font-size: 18px; }
.source { color: #9e9e9e; font-size: 13px; margin-top: 1.2em; }
.nightMode .alt, .night_mode .alt, .nightMode .lang, .night_mode .lang { color: #b0b0b0; border-color: #777; }
.nightMode .example .term, .night_mode .example .term { color: #ff8a80; }
.nightMode .example-tr, .night_mode .example-tr { color: #cfcfcf; }
.nightMode .source, .night_mode .source { color: #9a9a9a; }
"""
    + tone_css()
    + "\n"
)


def build_model() -> genanki.Model:
    """The note type: two cards per note, recognition and recall."""
    return genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[dict(t) for t in TEMPLATES],
        css=CSS,
        sort_field_index=0,
    )


def anki_deck_name(deck: str) -> str:
    """``trainer::<deck>``, with ``::`` inside the trainer name neutralised."""
    return f"{ROOT_DECK}::{deck_component(deck)}"


def deck_id(full_name: str) -> int:
    """A deck id in ``[2**30, 2**31)`` from the full Anki deck name (see module doc)."""
    digest = hashlib.sha256((DECK_SALT + full_name).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def note_guid(deck: str, term: str) -> str:
    """The stable GUID of the note for ``term`` in ``deck``."""
    return str(genanki.guid_for(GUID_NAMESPACE, deck, term))
