"""Check a database, and copy what is readable of a damaged one into a new file.

Why: a damaged page (disk fault, a copy taken mid-write) makes SQLite refuse
whole queries, and every review after it would seem lost.  ``repair`` reads the
damaged file read-only, row range by row range, and keeps every row it can
read; the original is never written, so nothing is lost by trying.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from trainer.errors import DatabaseError
from trainer.store.connection import connect, latest_version

#: Parents before children, so that the copy's foreign keys find their rows.
TABLE_ORDER = ("learners", "decks", "notes", "cards", "reviews")
CHUNK = 500


@dataclass(frozen=True)
class TableCopy:
    table: str
    copied: int
    #: Ranges of CHUNK rowids in which some rows could not be read.
    unreadable_ranges: int


def integrity_problems(path: Path) -> list[str]:
    """SQLite's integrity_check of the file, read-only; empty when it is sound."""
    try:
        raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            found = [row[0] for row in raw.execute("PRAGMA integrity_check")]
        finally:
            raw.close()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return [] if found == ["ok"] else [line for row in found for line in row.splitlines()]


def repair(source: Path, target: Path, progress: Callable[[str], None] | None = None) -> list[TableCopy]:
    """Copy every readable row of ``source`` into a new database at ``target``."""
    if target.exists():
        raise DatabaseError(f"{target}: already exists; repair writes a new file")
    try:
        damaged = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        version = damaged.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{source}: cannot be read at all ({error})") from error
    if version > latest_version():
        raise DatabaseError(f"{source}: schema version {version} is newer than this trainer; upgrade trainer")
    fresh = connect(target)
    try:
        fresh.execute("PRAGMA foreign_keys = OFF")
        copies = []
        for table in TABLE_ORDER:
            if progress:
                progress(table)
            copies.append(_copy_table(damaged, fresh, table))
        _drop_orphans(fresh)
    finally:
        fresh.close()
        damaged.close()
    return copies


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    except sqlite3.DatabaseError:
        return []


def _copy_table(damaged: sqlite3.Connection, fresh: sqlite3.Connection, table: str) -> TableCopy:
    columns = [c for c in _columns(damaged, table) if c in set(_columns(fresh, table))]
    if not columns:
        return TableCopy(table, 0, 0)
    names = ", ".join(f'"{c}"' for c in columns)
    insert = f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
    select = f"SELECT {names} FROM {table} WHERE rowid BETWEEN ? AND ?"
    copied = lost = 0
    fresh.execute("BEGIN")
    for low in range(0, _max_rowid(damaged, table) + 1, CHUNK):
        rows = _read(damaged, select, low, low + CHUNK - 1)
        if rows is None:  # a damaged page in this range: row by row
            rows = []
            for rowid in range(low, low + CHUNK):
                rows.extend(_read(damaged, select, rowid, rowid) or [])
            lost += 1
        fresh.executemany(insert, rows)
        copied += len(rows)
    fresh.execute("COMMIT")
    return TableCopy(table, copied, lost)


def _read(conn: sqlite3.Connection, sql: str, low: int, high: int) -> list[tuple[object, ...]] | None:
    try:
        return conn.execute(sql, (low, high)).fetchall()
    except sqlite3.DatabaseError:
        return None


def _max_rowid(conn: sqlite3.Connection, table: str) -> int:
    """The largest rowid, or a bound from the file size when the index is damaged."""
    try:
        found = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
        return int(found or 0)
    except sqlite3.DatabaseError:
        pages, size = (conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_count", "page_size"))
        return int(pages * size // 16)  # a row takes at least ~16 bytes


def _drop_orphans(fresh: sqlite3.Connection) -> None:
    """Rows whose parent was on a lost page cannot be studied: drop them."""
    fresh.execute("BEGIN")
    while True:
        orphans = fresh.execute("PRAGMA foreign_key_check").fetchall()
        if not orphans:
            break
        for table, rowid, _parent, _fk in orphans:
            fresh.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))
    fresh.execute("COMMIT")
