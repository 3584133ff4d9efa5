"""A second store opened in the same process (the deck list counts in a thread,
the export dialog exports on its own connection) must not cost the first one
its locks.

POSIX advisory locks belong to the process: closing *any* descriptor of the
database file drops all of them.  If opening a store read the file with an
ordinary open()/close(), another program closing its own connection would then
believe it was the last one, checkpoint and delete the -wal file under the
running app, and every later answer would go to a deleted file.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.conftest import T0, make_drafts
from trainer.store import Store


def test_an_answer_after_a_second_open_survives_another_program_closing(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store.open(db) as setup:
        learner = setup.add_learner("ana", "en")
        setup.import_notes("D", make_drafts(3))
    app = Store.open(db)
    card = app.next_card(learner, T0)
    assert card is not None
    Store.open(db).close()  # the deck list's counting thread, say
    # Another program opens and closes the database (sqlite3 CLI, a backup script).
    subprocess.run([sys.executable, "-c", f"import sqlite3; c = sqlite3.connect({str(db)!r}); "
                    "c.execute('SELECT count(*) FROM reviews').fetchone(); c.close()"], check=True, timeout=60)
    assert (tmp_path / "t.db-wal").exists(), "the running store's WAL was deleted under it"
    app.answer(card.id, 4, T0)
    count = subprocess.run([sys.executable, "-c", f"import sqlite3; print(sqlite3.connect({str(db)!r})"
                            ".execute('SELECT count(*) FROM reviews').fetchone()[0])"],
                           check=True, capture_output=True, text=True, timeout=60).stdout.strip()
    app.close()
    assert count == "1"
    assert sqlite3.connect(db).execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
