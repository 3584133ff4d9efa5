"""A damaged, read-only, full or foreign database: one line, exit 3, nothing changed.

Root ignores file permissions, so "read-only" is simulated where SQLite itself
decides it: the store's writability test is patched and SQLite then opens the
file with ``mode=ro``, exactly as for a user without write access.  A full disk
is SQLite's own limit (``max_page_count``), which fails writes with SQLITE_FULL.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import T0, make_drafts
from trainer.cli import main
from trainer.store import Store, connection
from trainer.store.repair import integrity_problems, repair


def digest(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def studied(path: Path, answers: int = 300) -> Path:
    """A database with one learner, a deck and many reviews (the last pages)."""
    with Store.open(path) as store:
        learner = store.add_learner("ana", "en")
        store.import_notes("D", make_drafts(30))
        now = T0
        for _ in range(answers):
            card = store.next_card(learner, now) or store.next_card(learner, now + timedelta(days=400))
            assert card is not None
            store.answer(card.id, 3, now)
            now += timedelta(minutes=1)
    return path


def damage_page(path: Path, page: int) -> None:
    size = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as handle:
        handle.seek(size * (page - 1))
        handle.write(b"\xa5" * size)


@pytest.mark.parametrize("command", [["due", "--json"], ["stats"], ["export", "csv", "-o", "x.csv"], ["report", "-o", "r.html"]])
def test_a_damaged_page_is_exit_3_with_recovery_advice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    db = studied(tmp_path / "t.db")
    pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    for page in range(3, pages + 1, 2):
        damage_page(db, page)
    before = digest(db)
    monkeypatch.chdir(tmp_path)
    code, _out, err = run(capsys, db, *command)
    assert code == 3 and err.count("\n") == 1, err
    assert "database is damaged" in err and "trainer db repair" in err
    assert digest(db) == before


def test_repair_copies_what_is_readable_and_never_touches_the_original(tmp_path: Path) -> None:
    db = studied(tmp_path / "t.db")
    total = sqlite3.connect(db).execute("SELECT count(*) FROM reviews").fetchone()[0]
    pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    damage_page(db, pages - 2)  # a page of the last reviews
    before = digest(db)
    assert integrity_problems(db)
    copies = {c.table: c for c in repair(db, tmp_path / "new.db")}
    assert digest(db) == before
    assert not integrity_problems(tmp_path / "new.db")
    assert copies["learners"].copied == 1 and copies["notes"].copied == 30
    assert 0 < copies["reviews"].copied <= total
    with Store.open(tmp_path / "new.db") as store:
        assert store.find_learner("ana") is not None


def test_repair_refuses_an_existing_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = studied(tmp_path / "t.db", answers=1)
    (tmp_path / "new.db").write_text("keep", encoding="utf-8")
    code, _out, err = run(capsys, db, "db", "repair", "-o", str(tmp_path / "new.db"))
    assert code == 3 and "already exists" in err
    assert (tmp_path / "new.db").read_text(encoding="utf-8") == "keep"


def test_db_check_says_ok_on_a_sound_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = studied(tmp_path / "t.db", answers=1)
    code, out, _err = run(capsys, db, "db", "check")
    assert code == 0 and out.strip().endswith(": ok")


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection, "is_writable", lambda _path: False)


@pytest.mark.parametrize("command", [["due"], ["stats"], ["decks", "list"], ["learners", "list"]])
def test_read_commands_work_on_a_read_only_database(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], read_only: None, command: list[str]) -> None:
    db = studied(tmp_path / "t.db", answers=5)
    before = digest(db)
    code, out, err = run(capsys, db, *command)
    assert code == 0 and out and not err
    assert digest(db) == before


@pytest.mark.parametrize("command", [["learners", "add", "bob"], ["--learner", "newbie", "due"]])
def test_writes_on_a_read_only_database_are_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], read_only: None, command: list[str]) -> None:
    db = studied(tmp_path / "t.db", answers=5)
    before = digest(db)
    code, _out, err = run(capsys, db, *command)
    assert code in (1, 3) and err.count("\n") == 1 and "Traceback" not in err
    assert "read-only" in err or "no learner named 'newbie'" in err
    assert digest(db) == before


def test_a_full_disk_is_one_line_and_saves_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db = studied(tmp_path / "t.db", answers=5)
    real_open = connection._open

    def full(path: Path) -> sqlite3.Connection:
        conn = real_open(path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(connection, "_open", full)
    before = sqlite3.connect(db).execute("SELECT count(*) FROM notes").fetchone()[0]
    code, _out, err = run(capsys, db, "learners", "add", "x" * 200_000)
    assert code == 3 and "disk is full" in err and err.count("\n") == 1
    assert sqlite3.connect(db).execute("SELECT count(*) FROM notes").fetchone()[0] == before


def test_a_folder_that_is_a_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _out, err = run(capsys, tmp_path / "file" / "t.db", "due")
    assert code == 3 and "is a file, not a folder" in err


@pytest.mark.parametrize("field", ["translations", "examples", "sources"])
@pytest.mark.parametrize("command", [["export", "csv", "-o", "x.csv"], ["export", "anki", "-o", "x.apkg", "--no-audio"]])
def test_a_damaged_json_field_is_one_line_naming_the_note(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        field: str, command: list[str]) -> None:
    db = studied(tmp_path / "t.db", answers=1)
    raw = sqlite3.connect(db)
    raw.execute(f"UPDATE notes SET {field} = '{{not json' WHERE id = (SELECT min(id) FROM notes)")
    raw.commit()
    raw.close()
    monkeypatch.chdir(tmp_path)
    code, _out, err = run(capsys, db, *command, "--deck", "D")
    assert code == 3 and err.count("\n") == 1 and "has a damaged stored field" in err, err
    assert not (tmp_path / command[3]).exists()
