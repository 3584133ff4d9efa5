"""Opening the database safely: validate, back up, migrate, then tune.

Order matters. A file that is not SQLite, or whose schema is newer than this
program, must be left byte-for-byte unchanged, so it is inspected read-only before
anything (even switching to WAL, which rewrites the header) touches it. An existing
database is copied beside itself before a migration runs, so a failed or unwanted
upgrade never costs a learner their history.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Iterator

from trainer.errors import DatabaseError

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def migrations() -> list[tuple[int, str]]:
    """The numbered SQL files of ``db/migrations``, in order: (version, sql)."""
    folder = resources.files("trainer._db").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def latest_version() -> int:
    return migrations()[-1][0]


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises DatabaseError, naming the file, when it cannot be used.
    """
    existing = path.exists() and path.stat().st_size > 0
    version = _inspect(path) if existing else 0
    if version > latest_version():
        raise DatabaseError(
            f"{path}: database schema version {version} is newer than this trainer "
            f"supports ({latest_version()}); upgrade trainer"
        )
    if not existing:
        path.parent.mkdir(parents=True, exist_ok=True)
    if existing and version < latest_version():
        backup(path, version)
    connection = _open(path)
    try:
        _migrate(connection, version)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise DatabaseError(f"{path}: migration failed: {error}") from error
    return connection


def _inspect(path: Path) -> int:
    """Schema version of an existing file, read without writing to it."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise DatabaseError(f"{path}: cannot read: {error.strerror}") from error
    if header != SQLITE_MAGIC:
        raise DatabaseError(f"{path}: not a SQLite database")
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path}: corrupt or unreadable database ({error})") from error
    return int(version)


def _open(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (see transaction()).
    connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit is on disk before we show the next card, even on power loss.
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as error:
        connection.close()
        raise DatabaseError(f"{path}: cannot open database ({error})") from error
    return connection


def _migrate(connection: sqlite3.Connection, version: int) -> None:
    """Apply every migration above ``version``, each in its own transaction."""
    for number, sql in migrations():
        if number <= version:
            continue
        with transaction(connection):
            for statement in _statements(sql):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")


def _statements(sql: str) -> list[str]:
    """Split a migration file into statements (our files have no ';' inside strings)."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not buffer.strip().startswith("--"):
        statements.append(buffer.strip())
    return [s for s in statements if s]


def backup(path: Path, version: int) -> Path:
    """Copy the database beside itself (``trainer.db.v1-20261124T030000Z.bak``).

    Uses SQLite's online backup so a WAL file's contents are included.
    """
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error.

    IMMEDIATE takes the write lock up front, so two processes answering cards at
    once queue on the busy timeout instead of failing with "database is locked"
    when a read transaction tries to upgrade.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
