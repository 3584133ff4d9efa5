"""Export decks to an Anki package (``.apkg``): notes, two cards each, audio when possible.

The public entry point is :func:`export_apkg`, called by ``trainer export anki``
and by the study UI (in a worker thread, with a ``progress`` callback).

Why not ``genanki.Package.write_to_file``: genanki stamps notes, cards and ids
with the clock and zips with file dates, so two exports of the same database
would differ, and Anki would not take re-exported notes as updates. Here every
timestamp comes from the database (each note's last change, see
:func:`selection.note_mtimes`) or is a constant, ids count up from a value
derived from those, and zip entries carry a fixed date: the same database gives
a byte-identical file (on the same SQLite and zlib versions; the SQLite header
records its library version). Pieces: :mod:`.anki_model` (note type, ids),
:mod:`.anki_notes` (fields, tags), :mod:`.apkg` (database and zip),
:mod:`.audio` (recordings), :mod:`.atomic` (all-or-nothing file).
"""

from __future__ import annotations

import gc
import tempfile
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

import genanki

from trainer.errors import TrainerError
from trainer.export import anki_model as am
from trainer.export.anki_notes import card_ords, note_fields, note_tags
from trainer.export.apkg import PackageNote, write_apkg, write_collection
from trainer.export.atomic import atomic_path, check_writable
from trainer.export.audio import audio_cache, audio_name, espeak_path, synthesize
from trainer.export.progress import Ticker
from trainer.export.selection import export_langs, note_mtimes, select_notes
from trainer.models import Note
from trainer.store import Store

NO_AUDIO_WARNING = "espeak-ng is not installed: exported without audio (apt install espeak-ng)"


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote, for the CLI summary and the UI."""

    path: Path
    notes: int
    cards: int
    media: int
    audio: bool
    decks: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(path=str(self.path), decks=list(self.decks), warnings=list(self.warnings))
        return data


def _anki_decks(names: Sequence[str]) -> dict[str, genanki.Deck]:
    """trainer deck name -> genanki deck ``trainer::<name>``, plus the ``trainer`` parent."""
    decks = {"": genanki.Deck(am.deck_id(am.ROOT_DECK), am.ROOT_DECK)}
    for name in names:
        full = am.anki_deck_name(name)
        decks[name] = genanki.Deck(am.deck_id(full), full)
    seen: dict[int, str] = {}
    for deck in decks.values():
        if seen.setdefault(deck.deck_id, deck.name) != deck.name:
            # Two names hashing to one id would merge them in Anki (astronomically rare),
            # as would two trainer decks that only differ by "::" vs ":".
            raise TrainerError(f"decks {seen[deck.deck_id]!r} and {deck.name!r} map to the same Anki deck")
    return decks


def export_apkg(
    store: Store,
    output: Path,
    *,
    decks: Sequence[str] | None = None,
    lang: str = "all",
    progress: Callable[[int, int], None] | None = None,
    audio: bool = True,
) -> ExportResult:
    """Export ``decks`` (None: all) to the Anki package ``output``, atomically.

    ``lang`` is ``fr``, ``en``, ``vi`` or ``all``; notes without a translation in
    it are left out. ``progress(done, total)`` is called from the calling thread
    at most ~100 times, from ``(0, total)`` to ``(total, total)`` (steps: one per
    audio recording, one per note, one for writing the file). ``audio=False``
    skips recordings even when espeak-ng is installed; when it is missing the
    result says so in ``warnings``. Raises :class:`TrainerError` (one line) for
    an unknown or empty deck or an unwritable ``output``; no file is left then.
    ``progress`` may raise to cancel (e.g. the UI's cancel button): the exception
    propagates and, likewise, nothing is written.
    """
    with gc_paused():
        # Times first: a note edited between the two reads then carries an older time
        # than its content, so the next export still updates it in Anki (never the
        # reverse, which would freeze the stale content there).
        mtimes = note_mtimes(store)
        notes = select_notes(store, decks, lang)
    return export_notes(notes, output, lang=lang, mtimes=mtimes, progress=progress, audio=audio)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a bulk export.

    Why: an export allocates a dozen objects per note while holding every note
    (each a tree of dicts and dataclasses), and the collector rescans all of
    them over and over: a third of the time of a 10,000-note export. Nothing
    built here is cyclic, so reference counting frees it all anyway. The
    collector is process-wide (the study UI runs exports in a thread), so it is
    paused only around the bulk work, not while waiting for espeak-ng, and
    re-enabled on exit only if it was on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def export_notes(
    notes: Sequence[Note],
    output: Path,
    *,
    lang: str = "all",
    mtimes: Mapping[int, int] | None = None,
    progress: Callable[[int, int], None] | None = None,
    audio: bool = True,
) -> ExportResult:
    """Write ``notes`` (already selected, e.g. by :func:`select_notes`) to ``output``.

    :func:`export_apkg` minus the store: for callers that already hold the notes
    (the benchmark compares this with a bare genanki loop over the same list).
    ``mtimes`` maps note ids to their last change (seconds); missing ones get
    :data:`anki_model.MODEL_MTIME`.
    """
    return _export_notes(notes, Path(output), lang, mtimes or {}, progress, audio)


def _export_notes(notes: Sequence[Note], output: Path, lang: str, mtimes: Mapping[int, int],
                  progress: Callable[[int, int], None] | None, audio: bool) -> ExportResult:
    langs = export_langs(lang)
    if not notes:
        raise TrainerError("nothing to export: no notes")
    check_writable(output)
    binary = espeak_path() if audio else None
    warnings: tuple[str, ...] = (NO_AUDIO_WARNING,) if audio and binary is None else ()
    terms = sorted({n.term for n in notes}) if binary else []
    ticker = Ticker(progress, len(terms) + len(notes) + 1)
    model = am.build_model()
    req = model._req  # genanki's rendering of which fields each card's front needs
    deck_names = sorted({n.deck for n in notes})
    anki_decks = _anki_decks(deck_names)

    with tempfile.TemporaryDirectory(prefix="trainer-export-") as tmp:
        workdir = Path(tmp)
        sounds: dict[str, Path] = {}
        if binary:
            (workdir / "media").mkdir()
            sounds = synthesize(terms, workdir / "media", binary=binary, progress=ticker.tick,
                                cache=audio_cache(binary))
            if len(sounds) < len(terms):
                warnings += (f"espeak-ng failed on {len(terms) - len(sounds)} term(s): no audio for them",)
        with gc_paused():
            rows = []
            for position, note in enumerate(notes, start=1):
                fields = note_fields(note, langs, audio_name(note.term) if note.term in sounds else None)
                rows.append(PackageNote(
                    guid=am.note_guid(note.deck, note.term),
                    deck_id=anki_decks[note.deck].deck_id,
                    fields=fields,
                    tags=note_tags(note, langs),
                    mtime=mtimes.get(note.id, am.MODEL_MTIME),
                    due=position,
                    card_ords=card_ords(req, fields),
                ))
                ticker.tick()
            id_base = max(row.mtime for row in rows) * 1000
            database = workdir / "collection.anki2"
            cards = write_collection(database, model, list(anki_decks.values()), rows, am.MODEL_MTIME, id_base)
            media = sorted(sounds.values(), key=lambda p: p.name)
            with atomic_path(output) as temporary:
                write_apkg(temporary, database, media)
        ticker.tick()
    return ExportResult(path=output, notes=len(notes), cards=cards, media=len(media), audio=bool(media),
                        decks=tuple(deck_names), warnings=warnings)
