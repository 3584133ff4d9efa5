"""Opening the database safely: validate, back up, migrate, then tune.

Order matters. A file that is not SQLite, or whose schema is newer than this
program, must be left byte-for-byte unchanged, so it is inspected read-only before
anything (even switching to WAL, which rewrites the header) touches it. An existing
database is copied beside itself before a migration runs, so a failed or unwanted
upgrade never costs a learner their history.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Iterator

from trainer.errors import DatabaseError

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


#: ``PRAGMA application_id`` of a trainer database ("TRNR"): recognised positively.
APPLICATION_ID = 0x54524E52
#: Tables every trainer database has, for files made before the application id.
TRAINER_TABLES = frozenset({"learners", "decks", "notes", "cards", "reviews"})


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``.

    A file that cannot be written (read-only file or folder) is opened read-only:
    read commands work, writes fail with "read-only" (see :func:`database_error`).
    Raises DatabaseError, naming the file, when it cannot be used.
    """
    if path.exists() and not path.is_file():
        raise DatabaseError(f"{path}: not a regular file")
    existing = path.exists() and path.stat().st_size > 0
    version = _inspect(path) if existing else 0
    if version > latest_version():
        raise DatabaseError(
            f"{path}: database schema version {version} is newer than this trainer "
            f"supports ({latest_version()}); upgrade trainer"
        )
    if not existing:
        blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            raise DatabaseError(f"{path}: cannot create the database: {blocker} is a file, not a folder")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError(f"{path}: cannot create its folder ({(error.strerror or str(error)).lower()})") from error
    if existing and not is_writable(path):
        if version < latest_version():
            raise DatabaseError(f"{path}: database is read-only and needs an upgrade (schema {version} -> "
                                f"{latest_version()}); make it writable once")
        return _open_read_only(path)
    if existing and version < latest_version():
        backup(path, version)
    connection = _open(path)
    try:
        _migrate(connection, version)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise DatabaseError(f"{path}: migration failed: {error}") from error
    return connection


def is_writable(path: Path) -> bool:
    """SQLite writes the file and, in WAL mode, files beside it in its folder."""
    folder = path.parent
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


def _inspect(path: Path) -> int:
    """Schema version of an existing trainer file, read without writing to it.

    Anything else (not SQLite, another program's SQLite file, damaged) is refused
    and left as it was, including no -wal/-shm file left beside it.

    Only SQLite itself opens the file: an ordinary open()/close() of the database
    in a process that already has a connection to it (the app's deck list counts
    on a second one) would drop that connection's POSIX locks, and another
    program could then delete the -wal file under the running app.
    """
    if not os.access(path, os.R_OK):
        raise DatabaseError(f"{path}: cannot read: permission denied")
    beside = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    before = {p for p in beside if p.exists()}
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            app_id = probe.execute("PRAGMA application_id").fetchone()[0]
            tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        _remove_new(beside, before)
        if "not a database" in str(error):
            raise DatabaseError(f"{path}: not a SQLite database") from error
        raise DatabaseError(f"{path}: {damage_advice(path, error)}") from error
    if not _is_trainer(int(version), int(app_id), tables):
        _remove_new(beside, before)
        raise DatabaseError(f"{path}: not a trainer database (another program's SQLite file); left unchanged")
    return int(version)


def _is_trainer(version: int, app_id: int, tables: set[str]) -> bool:
    if app_id == APPLICATION_ID:
        return True
    if app_id != 0:
        return False
    if version == 0:
        return not tables  # an empty file that SQLite made: ours to fill
    return TRAINER_TABLES <= tables


def _remove_new(paths: list[Path], before: set[Path]) -> None:
    """Delete the -wal/-shm files that our read-only probe created (and only those)."""
    for extra in paths:
        if extra not in before:
            try:
                extra.unlink(missing_ok=True)
            except OSError:
                pass


def damage_advice(path: Path, error: BaseException) -> str:
    """One line for a damaged file: what is wrong and how to recover."""
    return (f"database is damaged ({error}); restore a backup, or run `trainer db repair` "
            f"to copy what is readable into a new file (the original is not touched)")


def database_error(path: Path, error: sqlite3.Error) -> DatabaseError:
    """The one place that turns SQLite's run-time errors into one-line messages."""
    kind = problem_of(error)
    advice = {
        "damaged": damage_advice(path, error),
        "read-only": "database is read-only; this command needs to write to it",
        "disk full": "disk is full; this command saved nothing (free some space and retry)",
        "busy": "database is busy (another trainer is writing); try again",
    }.get(kind, f"database error ({error})")
    return DatabaseError(f"{path}: {advice}", kind)


def problem_of(error: sqlite3.Error) -> str:
    """What went wrong, in a word: damaged, read-only, disk full, busy, or other."""
    text = str(error).lower()
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "damaged"
    if "readonly" in text or "read-only" in text:
        return "read-only"
    if "full" in text:
        return "disk full"
    if "locked" in text or "busy" in text:
        return "busy"
    return "other"


def _open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection; ``immutable`` when even the folder is read-only
    (SQLite could not create the -shm file a WAL reader needs)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        uri += "&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        connection.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path}: cannot open database read-only ({error})") from error
    return connection


def _open(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (see transaction()).
    try:
        connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path}: cannot open database ({error})") from error
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
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")


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
    except (sqlite3.Error, OSError) as error:
        target.unlink(missing_ok=True)  # never a 0-byte or half backup left behind
        raise DatabaseError(f"{path}: cannot back up before upgrading ({error}); the backup was removed "
                            f"and the database is unchanged (free some disk space)") from error
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
        connection.execute("COMMIT")
    except BaseException:
        # SQLite has already rolled back after some errors (SQLITE_FULL): a second
        # ROLLBACK would fail and hide the real error.
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
