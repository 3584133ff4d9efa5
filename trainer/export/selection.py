"""Which notes an export contains: deck resolution, language filter, one-line errors.

Shared by the Anki and CSV exporters so that ``--deck``/``--all``/``--lang`` mean
the same thing for both, and so that every bad request (unknown deck, empty deck,
unknown language) fails *before* any file is opened.
"""

from __future__ import annotations

from typing import Sequence

from trainer.errors import TrainerError
from trainer.models import LANG_NAMES, LANGS, Example, Note
from trainer.store import Store

#: ``--lang`` values: one study language, or every language a note has.
LANG_CHOICES: tuple[str, ...] = (*LANGS, "all")


def export_langs(lang: str) -> tuple[str, ...]:
    """The languages an export shows, in display order; a one-line error for others."""
    if lang == "all":
        return LANGS
    if lang not in LANGS:
        raise TrainerError(f"unknown language {lang!r} (choose from {', '.join(LANG_CHOICES)})")
    return (lang,)


def has_translation(note: Note, langs: Sequence[str]) -> bool:
    """A note can be studied when it has a (non-empty) translation in one of ``langs``."""
    return any(note.translations.get(lang) and note.translations[lang].text.strip() for lang in langs)


def pick_example(note: Note, langs: Sequence[str]) -> Example | None:
    """The first example translated into one of ``langs``, else the first example."""
    for example in note.examples:
        if any(example.translations.get(lang) for lang in langs):
            return example
    return note.examples[0] if note.examples else None


def select_notes(store: Store, decks: Sequence[str] | None, lang: str) -> list[Note]:
    """The notes to export, ordered by deck name then rank (so the output is deterministic).

    ``decks=None`` means every deck; decks that are empty are then skipped. A deck
    named explicitly must exist and have notes in ``lang``. Notes without a
    translation in ``lang`` are left out: their recall card would have no prompt.
    """
    langs = export_langs(lang)
    if decks is None:
        notes = [n for n in store.notes() if has_translation(n, langs)]
        if not notes:
            raise TrainerError(f"nothing to export: no deck has notes{_in(lang)}")
        return notes
    names = sorted(set(decks))
    if not names:
        raise TrainerError("no deck given")
    selected: list[Note] = []
    for name in names:
        store.deck(name)  # one-line error for an unknown deck
        deck_notes = store.notes(name)
        if not deck_notes:
            raise TrainerError(f"deck {name!r} is empty: nothing to export")
        kept = [n for n in deck_notes if has_translation(n, langs)]
        if not kept:
            raise TrainerError(f"deck {name!r} has no notes{_in(lang)}")
        selected.extend(kept)
    return selected


def _in(lang: str) -> str:
    return "" if lang == "all" else f" with a {LANG_NAMES[lang]} translation"


def note_mtimes(store: Store) -> dict[int, int]:
    """Note id -> last change, in seconds since the epoch.

    Why: Anki only updates an already-imported note when the incoming one is
    *newer* (its default import setting), so each note carries its own change
    time rather than the export's clock, which also keeps the output a pure
    function of the database.
    """
    return {note_id: updated_ms // 1000 for note_id, updated_ms in store.note_update_times().items()}
