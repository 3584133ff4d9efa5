"""The SQLite store: schema, migrations, bad files, import, answers, undo, replay."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import T0, make_drafts
from trainer.errors import DatabaseError, TrainerError
from trainer.models import Example, NoteDraft, Translation
from trainer.store import Store
from trainer.store import connection
from trainer.store.connection import APPLICATION_ID, _statements, latest_version, migrations


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_wal_with_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        assert store.created
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"learners", "decks", "notes", "cards", "reviews"} <= tables
    with Store.open(tmp_path / "a.db") as again:
        assert not again.created


@pytest.mark.parametrize("content", [b"hello, not a database at all\n" * 10, bytes(range(256)) * 8])
def test_a_file_that_is_not_sqlite_is_refused_and_left_unchanged(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseError, match="notes.db: not a SQLite database"):
        Store.open(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_newer_schema_is_refused_and_left_byte_for_byte_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE x (y)")
    raw.execute(f"PRAGMA user_version = {latest_version() + 1}")
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.commit()
    raw.close()
    before = digest(path)
    with pytest.raises(DatabaseError, match="newer than this trainer supports"):
        Store.open(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.db"]


def test_a_truncated_database_gets_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    Store.open(path).close()
    data = path.read_bytes()
    path.write_bytes(data[:100])
    with pytest.raises(DatabaseError) as caught:
        Store.open(path)
    assert "\n" not in str(caught.value) and "t.db" in str(caught.value)


def old_trainer_database(path: Path) -> None:
    """A trainer database as version 1 of the schema left it, with one learner."""
    raw = sqlite3.connect(path)
    version, sql = migrations()[0]
    for statement in _statements(sql):
        raw.execute(statement)
    raw.execute(f"PRAGMA user_version = {version}")
    raw.execute("INSERT INTO learners (name, lang, created_ms) VALUES ('汉字', 'fr', 0)")
    raw.commit()
    raw.close()


def test_migrating_an_older_database_backs_it_up_first(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old_trainer_database(path)
    Store.open(path).close()
    backups = list(tmp_path.glob("old.db.v1-*.bak"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT name FROM learners").fetchall() == [("汉字",)]
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    copy.close()


@pytest.mark.parametrize("wal", [False, True])
def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path, wal: bool) -> None:
    path = tmp_path / "photos.db"
    raw = sqlite3.connect(path)
    if wal:
        raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("CREATE TABLE photos (id, path)")
    raw.execute("INSERT INTO photos VALUES (1, 'a.jpg')")
    raw.commit()
    raw.close()
    before = digest(path)
    with pytest.raises(DatabaseError, match="photos.db: not a trainer database"):
        Store.open(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photos.db"]  # no -wal/-shm left behind


def test_a_new_database_carries_the_trainer_application_id(tmp_path: Path) -> None:
    Store.open(tmp_path / "n.db").close()
    raw = sqlite3.connect(tmp_path / "n.db")
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    raw.close()


def test_a_failed_backup_leaves_no_file_and_the_database_unchanged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    old_trainer_database(path)
    before = digest(path)

    class FullDisk(sqlite3.Connection):
        def backup(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
            raise sqlite3.OperationalError("database or disk is full")

    real_connect = sqlite3.connect
    monkeypatch.setattr(connection.sqlite3, "connect",
                        lambda *a, **k: real_connect(*a, **{**k, "factory": FullDisk}))
    with pytest.raises(DatabaseError, match="cannot back up before upgrading .*the backup was removed"):
        Store.open(path)
    monkeypatch.undo()
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db"]


def test_import_is_idempotent_and_keeps_review_history(store: Store) -> None:
    learner = store.add_learner("ana", "fr")
    first = store.import_notes("Deck", make_drafts(3))
    assert (first.added, first.updated, first.cards_created) == (3, 0, 6)
    card = store.next_card(learner, T0)
    assert card is not None
    store.answer(card.id, 5, T0)
    changed = [make_drafts(3)[0].__class__(**{**make_drafts(3)[0].__dict__, "pinyin": "yí dīng"})]
    again = store.import_notes("Deck", make_drafts(3)[1:] + changed)
    assert (again.added, again.updated, again.unchanged, again.cards_created) == (0, 1, 2, 0)
    assert len(store.reviews_of_card(card.id)) == 1
    assert store.conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 3


def test_cards_exist_only_in_languages_the_note_has(store: Store) -> None:
    store.import_notes("D", make_drafts(2, langs=("fr",)))
    vi = store.add_learner("vy", "vi")
    fr = store.add_learner("fred", "fr")
    assert store.next_card(vi, T0) is None
    assert store.next_card(fr, T0) is not None
    store.update_learner(vi.id, lang="fr")
    assert store.next_card(store.learner_by_id(vi.id), T0) is not None


def test_edited_translation_survives_reimport(store: Store) -> None:
    store.import_notes("D", make_drafts(1))
    note = store.notes("D")[0]
    store.edit_translation(note.id, "fr", "mot corrigé")
    store.import_notes("D", make_drafts(1))
    kept = store.note(note.id).translation("fr")
    assert kept is not None and kept.text == "mot corrigé" and kept.method == "edited"
    assert "fr word 0" in kept.alternatives


def test_import_is_all_or_nothing(store: Store) -> None:
    bad = NoteDraft(term="坏", pinyin="huài", pinyin_numbers="huai4", rank=0)
    object.__setattr__(bad, "term", None)  # violates NOT NULL: the INSERT fails mid-import
    with pytest.raises(sqlite3.Error):
        store.import_notes("D", [*make_drafts(2), bad])
    assert store.conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 0
    assert store.decks() == []


chinese = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=12)
anything = st.text(min_size=1, max_size=40).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(term=chinese, sentence=st.text(max_size=80), gloss=anything)
def test_text_round_trips_through_the_store_unchanged(store: Store, term: str, sentence: str, gloss: str) -> None:
    draft = NoteDraft(term=term, pinyin="x", pinyin_numbers="x1",
                      translations={"vi": Translation(gloss, ("alt 《》",), 0.5)},
                      examples=(Example(sentence, {"vi": gloss}),), sources=("a.txt",))
    store.import_notes("RoundTrip", [draft])
    stored = next(n for n in store.notes("RoundTrip") if n.term == term)
    assert (stored.term, stored.translations, stored.examples) == (term, draft.translations, draft.examples)


def test_undo_restores_the_card_exactly_and_removes_the_review(store: Store) -> None:
    learner = store.add_learner("u", "en")
    store.import_notes("D", make_drafts(1))
    card = store.next_card(learner, T0)
    assert card is not None
    after_first = store.answer(card.id, 5, T0)
    store.answer(card.id, 1, T0 + timedelta(days=1))
    restored = store.undo_last(learner.id)
    assert restored == after_first
    assert len(store.reviews_of_card(card.id)) == 1
    assert store.undo_last(learner.id) == card
    assert store.undo_last(learner.id) is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 60 * 24 * 20)), min_size=1, max_size=25))
def test_card_state_is_the_replay_of_its_reviews(store: Store, history: list[tuple[int, int]]) -> None:
    learner = store.learner("replay")
    deck = f"R{len(store.decks())}"  # a fresh card for every example
    store.import_notes(deck, make_drafts(1))
    card = store.cards_of_note(store.notes(deck)[0].id, learner.id)[0]
    when = T0
    for quality, minutes in history:
        when = when + timedelta(minutes=minutes)
        stored = store.answer(card.id, quality, when)
    assert store.replayed_state(card.id) == stored.state
    lapses = sum(r.quality < 3 and r.before.repetitions > 0 and not r.before.needs_extra_review
                 for r in store.reviews_of_card(card.id))
    assert stored.lapses == lapses


def test_suspended_cards_are_not_shown(store: Store) -> None:
    learner = store.add_learner("s", "en")
    store.import_notes("D", make_drafts(1))
    card = store.next_card(learner, T0)
    assert card is not None
    store.set_suspended(card.id)
    assert store.next_card(learner, T0) is None


def test_learner_errors_are_one_line(store: Store) -> None:
    store.add_learner("dup", "en")
    with pytest.raises(TrainerError, match="already exists"):
        store.add_learner("dup", "en")
    with pytest.raises(TrainerError, match="language"):
        store.add_learner("x", "de")
    with pytest.raises(TrainerError):
        store.add_learner("  ", "en")


def test_search_finds_hanzi_pinyin_with_or_without_tones_and_translations(store: Store) -> None:
    store.import_notes("D", [NoteDraft("农民", "nóng mín", "nong2 min2", {"fr": Translation("paysans")})])
    for query in ("农", "nongmin", "nong2 min2", "nóngmín", "PAYSAN"):
        assert [n.term for n in store.search_notes(query)] == ["农民"], query
    assert store.search_notes("100%") == []


def test_migrated_schema_has_the_expected_columns_and_indexes(store: Store) -> None:
    columns = store.db["reviews"].columns_dict
    assert {"card_id", "learner_id", "reviewed_ms", "quality", "duration_ms", "kind",
            "rep_before", "ivl_before", "ef_before", "due_before_ms", "extra_before",
            "rep_after", "ivl_after", "ef_after", "due_after_ms", "extra_after"} <= set(columns)
    assert columns["quality"] is int and columns["ef_after"] is float
    card_indexes = {index.name for index in store.db["cards"].indexes}
    assert {"cards_due", "cards_deck_due", "cards_new", "cards_deck_new"} <= card_indexes
    assert set(store.db.table_names()) >= {"learners", "decks", "notes", "cards", "reviews"}


def test_next_card_is_an_index_lookup_not_a_scan(store: Store) -> None:
    plans = []
    for where in ("last_review_ms IS NOT NULL AND due_ms < 0 ORDER BY due_ms",
                  "last_review_ms IS NULL AND waiting = 0 ORDER BY position, id"):
        rows = store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM cards WHERE learner_id = 1 AND direction = 'recall' "
            f"AND suspended = 0 AND {where} LIMIT 8").fetchall()
        plans.append(" ".join(r[-1] for r in rows))
    assert "USING INDEX cards_due" in plans[0] and "USING INDEX cards_new" in plans[1]
    assert not any("SCAN cards" in p or "TEMP B-TREE" in p for p in plans), plans


def test_sample_notes_draws_from_one_deck_only(store: Store) -> None:
    store.import_notes("A", make_drafts(30))
    store.import_notes("B", make_drafts(40)[30:])
    sample = store.sample_notes("A", 10)
    assert len(sample) == 10 and {n.deck for n in sample} == {"A"}
    assert [n.id for n in sample] == sorted(n.id for n in sample)
    assert len(store.sample_notes("B", 100)) == 10
    assert store.sample_notes("nope", 5) == []


def test_note_counts_per_deck(store: Store) -> None:
    store.import_notes("A", make_drafts(3))
    store.import_notes("B", make_drafts(5)[3:])
    store.import_notes("Empty", [])
    assert store.note_counts() == {"A": 3, "B": 2, "Empty": 0}


def test_with_no_name_the_learner_used_last_is_the_default(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        ann = store.learner("ann")
        ben = store.learner("ben")
        assert store.learner(None) == ann  # nobody chosen yet: the first one
        store.use_learner(ben.id)
        assert store.learner(None) == ben
    with Store.open(tmp_path / "a.db") as store:  # kept in the file
        assert store.learner(None) == ben


def test_a_version_2_database_gains_the_last_used_column_after_a_backup(tmp_path: Path) -> None:
    from trainer.store.connection import migrations

    path = tmp_path / "old.db"
    raw = sqlite3.connect(path)
    for number, sql in migrations():
        if number <= 2:
            raw.executescript(sql)
    raw.execute("INSERT INTO learners (name, created_ms) VALUES ('ann', 0), ('ben', 0)")
    raw.execute("PRAGMA user_version = 2")
    raw.commit()
    raw.close()
    with Store.open(path) as store:
        assert [l.name for l in store.learners()] == ["ann", "ben"]
        assert store.learner(None).name == "ann"
    assert [p.name.split("-")[0] for p in tmp_path.glob("old.db.v2-*.bak")] == ["old.db.v2"]
