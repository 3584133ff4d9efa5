"""Writing the ``.apkg`` file: the collection database and the zip, deterministically.

genanki provides the collection schema, the ``col`` row, and the JSON of the
note type and decks (its ``Package.write_to_db`` with notes-less decks). Notes
and cards are inserted here with ``executemany``, in genanki's row layout, for
two reasons: genanki stamps each row with one export-wide timestamp while Anki
needs each note's own change time (it only updates notes that are newer), and
its one ``execute`` per row made it the slowest part of a large export.

Determinism: ids count up from a caller-given base, timestamps are given, the
zip entries carry a fixed date, permissions and creator system, and media go in
name order. The same input gives the same bytes with the same SQLite and zlib.
"""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import genanki

#: Zip entries get this date so that the archive does not depend on the clock.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
#: Deflate level: 1 is ~5x smaller than storing for a fraction of the time of 6+.
ZIP_LEVEL = 1


@dataclass
class PackageNote:
    """A note ready for the database: fields already HTML, tags already sanitised."""

    guid: str
    deck_id: int
    fields: list[str]
    tags: list[str]
    mtime: int
    due: int
    card_ords: list[int] = field(default_factory=list)


def write_collection(database: Path, model: genanki.Model, decks: Sequence[genanki.Deck],
                     notes: Sequence[PackageNote], model_mtime: int, id_base: int) -> int:
    """Create the Anki collection at ``database``; returns the number of cards written."""
    for deck in decks:
        deck.add_model(model)
    ids = itertools.count(id_base)
    note_rows, card_rows = [], []
    for note in notes:
        note_id = next(ids)
        note_rows.append((
            note_id, note.guid, model.model_id, note.mtime, -1,
            " " + " ".join(note.tags) + " ", "\x1f".join(note.fields), note.fields[model.sort_field_index],
            0, 0, "",
        ))
        for ord_ in note.card_ords:
            # id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data
            card_rows.append((next(ids), note_id, note.deck_id, ord_, note.mtime, -1, 0, 0, note.due,
                              0, 0, 0, 0, 0, 0, 0, 0, ""))
    conn = sqlite3.connect(database)
    try:
        # A scratch file we zip right away: no journal, no fsync (neither changes its bytes).
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        cursor = conn.cursor()
        genanki.Package(list(decks)).write_to_db(cursor, model_mtime, ids)
        cursor.executemany("INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?)", note_rows)
        cursor.executemany("INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", card_rows)
        conn.commit()
    finally:
        conn.close()
    return len(card_rows)


def _zip_add(archive: zipfile.ZipFile, name: str, source: Path | bytes) -> None:
    """Add an entry with a fixed date, permissions and creator system."""
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    # ZipFile(compresslevel=) is ignored for entries given as ZipInfo: set it on the entry
    # (``compress_level`` since Python 3.13, ``_compresslevel`` before).
    try:
        info.compress_level = ZIP_LEVEL  # type: ignore[attr-defined]
    except AttributeError:
        info._compresslevel = ZIP_LEVEL  # type: ignore[attr-defined]
    info.create_system = 3  # Unix, whatever the machine: it is part of the bytes
    info.external_attr = 0o644 << 16
    with archive.open(info, "w") as out:
        if isinstance(source, bytes):
            out.write(source)
        else:
            with source.open("rb") as data:
                shutil.copyfileobj(data, out, 1 << 20)


def write_apkg(target: Path, database: Path, media: Sequence[Path]) -> None:
    """Zip ``database`` and ``media`` (in name order, as Anki's legacy numbered entries)."""
    ordered = sorted(media, key=lambda p: p.name)
    with zipfile.ZipFile(target, "w") as archive:
        _zip_add(archive, "collection.anki2", database)
        names = {str(i): path.name for i, path in enumerate(ordered)}
        _zip_add(archive, "media", json.dumps(names, sort_keys=True).encode("utf-8"))
        for index, path in enumerate(ordered):
            _zip_add(archive, str(index), path)
