"""Export decks to an Anki package (``.apkg``): notes, two cards each, audio when possible.

The public entry point is :func:`export_apkg`, called by ``trainer export anki``
and by the study UI (in a worker thread, with a ``progress`` callback).

Why we write the package ourselves instead of ``genanki.Package.write_to_file``:
genanki stamps notes, cards and ids with the clock and zips with file dates, so
two exports of the same database would differ. Here every timestamp comes from
the database (each note's last change, see :func:`selection.note_mtimes`) or is a
constant, ids count up from a value derived from those, and zip entries carry a
fixed date: the same database gives a byte-identical file (on the same SQLite and
zlib versions; the SQLite header records its library version).
"""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import genanki

from trainer.errors import TrainerError
from trainer.export import anki_model as am
from trainer.export.atomic import atomic_path, check_writable
from trainer.export.audio import audio_name, espeak_path, synthesize
from trainer.export.fields import escape, highlight, one_line, tag, tone_spans
from trainer.export.progress import Ticker
from trainer.export.selection import export_langs, note_mtimes, pick_example, select_notes
from trainer.models import Note
from trainer.store import Store

NO_AUDIO_WARNING = "espeak-ng is not installed: exported without audio (apt install espeak-ng)"
#: Zip entries get this date so that the archive does not depend on the clock.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


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
        data["path"] = str(self.path)
        data["decks"] = list(self.decks)
        data["warnings"] = list(self.warnings)
        return data


class TimedNote(genanki.Note):
    """A genanki note stamped with its own modification time instead of the export's.

    Anki's importer updates an existing note only when the incoming one is newer,
    so the time must be the note's last change in the trainer database.
    """

    def __init__(self, *args: Any, mtime: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mtime = mtime

    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, deck_id: int, id_gen: Any) -> None:
        super().write_to_db(cursor, self.mtime, deck_id, id_gen)


def _lang_block(css_class: str, texts: Sequence[tuple[str, str]], badge: bool) -> str:
    """One ``<div lang=..>`` per language; the language badge only when several are shown."""
    parts = []
    for lang, inner in texts:
        label = f'<span class="lang">{lang.upper()}</span>' if badge else ""
        parts.append(f'<div class="{css_class}" lang="{lang}">{label}{inner}</div>')
    return "".join(parts)


def translation_html(note: Note, langs: Sequence[str]) -> str:
    """The Translation field: each language's text, with its alternatives muted."""
    texts = []
    for lang in langs:
        found = note.translations.get(lang)
        if not found or not found.text.strip():
            continue
        inner = escape(one_line(found.text))
        others = [escape(one_line(a)) for a in found.alternatives if a.strip() and a != found.text]
        if others:
            inner += f' <span class="alt">({", ".join(others)})</span>'
        texts.append((lang, inner))
    return _lang_block("tr", texts, badge=len(langs) > 1)


def note_fields(note: Note, langs: Sequence[str], sound: str | None) -> list[str]:
    """The field values, in :data:`anki_model.FIELDS` order, every text HTML-escaped."""
    example = pick_example(note, langs)
    example_zh = highlight(one_line(example.zh), note.term) if example else ""
    example_tr = ""
    if example:
        texts = [
            (lang, escape(one_line(example.translations[lang])))
            for lang in langs
            if example.translations.get(lang, "").strip()
        ]
        example_tr = _lang_block("ex", texts, badge=len(langs) > 1)
    return [
        escape(one_line(note.term)),
        escape(one_line(note.pinyin)),
        tone_spans(note.pinyin),
        translation_html(note, langs),
        example_zh,
        example_tr,
        ", ".join(escape(one_line(s)) for s in note.sources),
        f"[sound:{sound}]" if sound else "",
    ]


def note_tags(note: Note, langs: Sequence[str]) -> list[str]:
    """``trainer``, ``deck::<deck>``, ``article::<source stem>``, ``lang::<lang>``; no spaces."""
    tags = {"trainer", tag("deck", note.deck)}
    tags.update(tag("article", Path(source).stem) for source in note.sources if source.strip())
    tags.update(tag("lang", lang) for lang in langs if note.translations.get(lang))
    return sorted(tags)


def _zip_add(archive: zipfile.ZipFile, name: str, source: Path | bytes) -> None:
    """Add an entry with a fixed date, permissions and creator system."""
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, whatever the machine: part of the bytes
    info.external_attr = 0o644 << 16
    with archive.open(info, "w") as out:
        if isinstance(source, bytes):
            out.write(source)
        else:
            with source.open("rb") as data:
                shutil.copyfileobj(data, out, 1 << 20)


def write_package(decks: Iterable[genanki.Deck], media: Sequence[Path], target: Path,
                  id_base: int, workdir: Path) -> None:
    """Write the collection and ``media`` (sorted by name) as an ``.apkg`` at ``target``."""
    database = workdir / "collection.anki2"
    conn = sqlite3.connect(database)
    try:
        genanki.Package(list(decks)).write_to_db(conn.cursor(), am.MODEL_MTIME, itertools.count(id_base))
        conn.commit()
    finally:
        conn.close()
    ordered = sorted(media, key=lambda p: p.name)
    with zipfile.ZipFile(target, "w", compresslevel=1) as archive:
        _zip_add(archive, "collection.anki2", database)
        names = {str(i): path.name for i, path in enumerate(ordered)}
        _zip_add(archive, "media", json.dumps(names, sort_keys=True).encode("utf-8"))
        for index, path in enumerate(ordered):
            _zip_add(archive, str(index), path)


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
    at most ~100 times, ending with ``done == total`` (steps: one per audio
    recording, one per note, one for writing the file). ``audio=False`` skips
    recordings even when espeak-ng is installed. Raises :class:`TrainerError`
    (one line) for an unknown or empty deck or an unwritable ``output``; no
    file is left behind then.
    """
    output = Path(output)
    langs = export_langs(lang)
    notes = select_notes(store, decks, lang)
    check_writable(output)
    binary = espeak_path() if audio else None
    warnings = (NO_AUDIO_WARNING,) if audio and binary is None else ()
    terms = sorted({n.term for n in notes}) if binary else []
    ticker = Ticker(progress, len(terms) + len(notes) + 1)
    mtimes = note_mtimes(store)
    model = am.build_model()

    with tempfile.TemporaryDirectory(prefix="trainer-export-") as tmp:
        workdir = Path(tmp)
        sounds: dict[str, Path] = {}
        if binary:
            media_dir = workdir / "media"
            media_dir.mkdir()
            sounds = synthesize(terms, media_dir, binary=binary, progress=ticker.tick)
            if len(sounds) < len(terms):
                warnings += (f"espeak-ng failed on {len(terms) - len(sounds)} term(s): no audio for them",)
        anki_decks: dict[str, genanki.Deck] = {}
        root = am.ROOT_DECK
        anki_decks[root] = genanki.Deck(am.deck_id(root), root)
        cards = 0
        for position, note in enumerate(notes, start=1):
            full_name = am.anki_deck_name(note.deck)
            deck = anki_decks.get(full_name)
            if deck is None:
                deck = anki_decks[full_name] = genanki.Deck(am.deck_id(full_name), full_name)
            sound = audio_name(note.term) if note.term in sounds else None
            anki_note = TimedNote(
                model=model,
                fields=note_fields(note, langs, sound),
                tags=note_tags(note, langs),
                guid=am.note_guid(note.deck, note.term),
                due=position,
                mtime=mtimes.get(note.id, am.MODEL_MTIME),
            )
            deck.add_note(anki_note)
            cards += len(anki_note.cards)
            ticker.tick()
        _check_distinct_ids(anki_decks.values())
        media = sorted(sounds.values(), key=lambda p: p.name)
        id_base = max(mtimes.get(n.id, am.MODEL_MTIME) for n in notes) * 1000
        with atomic_path(output) as temporary:
            write_package(anki_decks.values(), media, temporary, id_base, workdir)
        ticker.tick()
    return ExportResult(
        path=output,
        notes=len(notes),
        cards=cards,
        media=len(media),
        audio=bool(media),
        decks=tuple(sorted({n.deck for n in notes})),
        warnings=warnings,
    )


def _check_distinct_ids(decks: Iterable[genanki.Deck]) -> None:
    """Two deck names hashing to one id would merge them in Anki: refuse (astronomically rare)."""
    seen: dict[int, str] = {}
    for deck in decks:
        if seen.setdefault(deck.deck_id, deck.name) != deck.name:
            raise TrainerError(f"decks {seen[deck.deck_id]!r} and {deck.name!r} map to the same Anki id")
