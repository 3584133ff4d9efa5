"""The store: the one place that owns SQL. Everything else talks to :class:`Store`.

SQLite through sqlite-utils, in WAL mode with a busy timeout; the schema lives in
``db/migrations`` and is applied on open (see :mod:`trainer.store.connection`).
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Callable, Iterator

from trainer.store.candidates import CandidateCache
from trainer.store.cards import CardQueries, DeckCounts
from trainer.store.checks import CheckQueries
from trainer.store.connection import BUSY_TIMEOUT_MS, connect
from trainer.store.corrections import CorrectionQueries
from trainer.store.learners import LearnerQueries
from trainer.store.notes import ImportResult, NoteQueries
from trainer.store.stats import StatsQueries
from trainer.studyday import to_ms

if TYPE_CHECKING:
    import sqlite_utils

__all__ = ["Store", "DeckCounts", "ImportResult"]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Store(LearnerQueries, NoteQueries, CardQueries, StatsQueries, CorrectionQueries, CheckQueries):
    """A trainer database. Use :meth:`open`; close it (or use ``with``) when done.

    ``clock`` is only used to stamp rows (created/updated times); study-time
    operations take ``now`` explicitly so tests and replays control time.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path, created: bool,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.conn = connection
        self.path = path
        #: True when this open created the database (first run).
        self.created = created
        self.clock = clock
        self._counts_cache: dict[tuple[int, int], dict[int, int]] = {}
        self._counts_version: int | None = None
        self._bounds_cache: dict[int, tuple[datetime, datetime]] = {}
        self._candidates = CandidateCache()
        #: Log row id of the latest answer recorded through this store (see answer()).
        self.last_answer_id: int | None = None

    @classmethod
    def open(cls, path: Path | str, clock: Callable[[], datetime] = utc_now) -> Store:
        """Open or create the database at ``path``, migrating it if it is older."""
        path = Path(path)
        created = not path.exists() or path.stat().st_size == 0
        return cls(connect(path), path, created, clock)

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils' view of the same connection, for schema introspection and bulk
        tooling. Imported on first use: sqlite-utils pulls in numpy and plugin
        discovery (~150 ms), which the study app must not pay at launch."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def now_ms(self) -> int:
        return to_ms(self.clock())

    @contextmanager
    def busy_timeout(self, ms: int) -> Iterator[None]:
        """Wait at most ``ms`` for another process's write lock meanwhile."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(ms)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
