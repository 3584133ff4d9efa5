"""Checking mined notes: the queue, the adjustable span, decisions, undo and waiting cards."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from tests.conftest import T0
from trainer.checking import (Span, check_queue, example_for, find_span, narrow, needs_check, span_bounds,
                              span_text, widen, words)
from trainer.models import Example, Note, NoteDraft, Translation
from trainer.store import Store
from trainer.store.checks import Decision


def _draft(term: str, text: str, confidence: float, rank: int, method: str = "word-aligned") -> NoteDraft:
    return NoteDraft(term=term, pinyin="", pinyin_numbers="", rank=rank,
                     translations={"en": Translation(text, ("other one", "third"), confidence, method)},
                     examples=(Example(f"{term}好。", {"en": f"The {text} is good."}),), sources=("a.txt",))


DRAFTS = [_draft("工作", "work", 0.95, 0), _draft("队伍", "team", 0.5, 1), _draft("东西", "thing", 0.2, 2, "dictionary"),
          _draft("农民", "farmers", 0.7, 3)]


def _store(tmp_path: Path, study_unchecked: bool = False) -> Store:
    store = Store.open(tmp_path / "c.db", clock=lambda: T0)
    learner = store.add_learner("ann", "en")
    store.update_learner(learner.id, study_unchecked=study_unchecked)
    store.import_notes("d", DRAFTS)
    return store


# --- pure parts -------------------------------------------------------------

def test_the_queue_puts_dictionary_glosses_then_the_least_confident_first() -> None:
    notes = [Note(**{**d.__dict__}, id=i + 1, deck="d") for i, d in enumerate(DRAFTS)]
    assert [n.term for n in check_queue(notes, "en")] == ["东西", "队伍", "农民", "工作"]
    assert [n.term for n in check_queue(notes, "en", rejected={"队伍"})] == ["东西", "农民", "工作"]
    confirmed = replace(notes[1], translations={"en": Translation("team", method="confirmed")})
    assert "队伍" not in [n.term for n in check_queue([confirmed], "en")]
    assert check_queue(notes, "fr") == []  # nothing to confirm in a language the notes lack


def test_what_needs_a_check() -> None:
    assert needs_check(Translation("x", confidence=0.5))
    assert not needs_check(Translation("x", confidence=0.95))
    assert needs_check(Translation("x", confidence=0.99, method="dictionary"))
    assert not needs_check(Translation("x", confidence=0.1, method="edited"))
    assert not needs_check(None)


def test_a_span_is_found_widened_and_narrowed_word_by_word() -> None:
    sentence = "The work teams, sent to villages, came."
    span = find_span(sentence, "Work Teams")
    assert span == Span(1, 3) and span_text(sentence, span) == "work teams"
    wider = widen(span, "right", len(words(sentence)))
    assert span_text(sentence, wider) == "work teams, sent"  # inner punctuation stays
    assert span_text(sentence, widen(span, "left", 7)) == "The work teams"
    assert narrow(wider, "left") == Span(2, 4) and narrow(Span(2, 3), "left") == Span(2, 3)
    assert find_span(sentence, "teamsters") is None
    assert widen(None, "right", 7) == Span(0, 1) and widen(None, "left", 7) == Span(6, 7)
    assert span_bounds(sentence, span) == (4, 14)


@given(st.text(alphabet=st.sampled_from("ab é-,. '"), max_size=30), st.data())
def test_span_moves_stay_inside_the_sentence(sentence: str, data: st.DataObject) -> None:
    count = len(words(sentence))
    span = None
    for move in data.draw(st.lists(st.sampled_from(["wl", "wr", "nl", "nr"]), max_size=12)):
        span = widen(span, "left" if move[1] == "l" else "right", count) if move[0] == "w" \
            else narrow(span, "left" if move[1] == "l" else "right")
        if span is not None:
            assert 0 <= span.start < span.end <= count
            text = span_text(sentence, span)
            assert text and text in sentence and find_span(sentence, text) is not None


def test_the_example_shown_is_one_that_contains_the_translation() -> None:
    note = Note(term="工作", pinyin="", pinyin_numbers="", id=1, deck="d",
                translations={"en": Translation("work")},
                examples=(Example("一。", {"en": "Nothing here."}), Example("工作。", {"en": "Work hard."})))
    assert example_for(note, "en") == ("工作。", "Work hard.")


# --- store ------------------------------------------------------------------

def _new_terms(store: Store) -> set[str]:
    rows = store.conn.execute("SELECT DISTINCT n.term FROM cards c JOIN notes n ON n.id = c.note_id "
                              "WHERE c.last_review_ms IS NULL AND c.waiting = 0 AND c.suspended = 0").fetchall()
    return {r[0] for r in rows}


def test_unsure_notes_wait_until_checked_unless_the_learner_says_otherwise(tmp_path: Path) -> None:
    store = _store(tmp_path)
    assert _new_terms(store) == {"工作"}
    assert store.to_check_counts("en") == {store.deck("d").id: 3}
    ann = store.learner("ann")
    assert store.update_learner(ann.id, study_unchecked=True).study_unchecked
    assert _new_terms(store) == {"工作", "队伍", "东西", "农民"}
    store.update_learner(ann.id, study_unchecked=False)
    assert _new_terms(store) == {"工作"}
    card = store.next_card(store.learner("ann"), T0)
    assert card is not None and store.note(card.note_id).term == "工作"


def test_each_decision_is_committed_and_undone_exactly(tmp_path: Path) -> None:
    store = _store(tmp_path)
    ids = {n.term: n.id for n in store.notes("d")}
    before = store.conn.execute("SELECT translations FROM notes ORDER BY id").fetchall()
    undo = store.decide([Decision(ids["队伍"], "en", "pick", "other one")], learner="ann")
    again = Store.open(store.path)  # another connection sees it at once: committed
    assert again.note(ids["队伍"]).translation("en").text == "other one"
    assert again.note(ids["队伍"]).translation("en").method == "edited"
    assert [c.decision for c in again.corrections("d")] == ["pick"]
    assert "队伍" in _new_terms(again)
    again.close()
    rejected = store.decide([Decision(ids["东西"], "en", "reject")])
    assert [n.term for n in store.notes_to_confirm("d", "en")] == ["农民", "工作"]
    store.undo_decisions(rejected)
    store.undo_decisions(undo)
    assert store.conn.execute("SELECT translations FROM notes ORDER BY id").fetchall() == before
    assert store.corrections("d") == [] and _new_terms(store) == {"工作"}
    assert store.conn.execute("SELECT count(*) FROM cards WHERE suspended = 1").fetchone()[0] == 0


DECISION = st.tuples(st.sampled_from([d.term for d in DRAFTS]), st.sampled_from(["accept", "pick", "edit", "reject"]),
                     st.sampled_from(["other one", "third", "typed words"]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(DECISION, max_size=8), st.booleans())
def test_reextracting_keeps_every_confirmed_translation_and_never_readds_a_rejected_term(
        tmp_path_factory: object, decisions: list[tuple[str, str, str]], undo_last: bool) -> None:
    path = Path(tmp_path_factory.mktemp("p"))  # type: ignore[attr-defined]
    store = _store(path)
    ids = {n.term: n.id for n in store.notes("d")}
    undos = []
    for term, decision, text in decisions:
        if term in {n.term for n in store.notes_to_confirm("d", "en")}:
            undos.append(store.decide([Decision(ids[term], "en", decision, text)]))
    if undo_last and undos:
        store.undo_decisions(undos.pop())
    decided = {n.term: n.translation("en") for n in store.notes("d")}
    rejected = {t for t in ids if store.conn.execute(
        "SELECT min(suspended) FROM cards WHERE note_id = ?", (ids[t],)).fetchone()[0] == 1}
    fresh = [replace(d, translations={"en": Translation("fresh text", confidence=0.99)}) for d in DRAFTS]
    store.import_notes("d", fresh)
    for note in store.notes("d"):
        kept = note.translation("en")
        if decided[note.term].method in ("confirmed", "edited"):
            assert kept == decided[note.term]
        elif note.term in rejected:
            assert kept == decided[note.term]  # not even updated: the term is out of the deck
        else:
            assert kept.text == "fresh text"
    assert not rejected & {n.term for n in store.notes_to_confirm("d", "en")}
    assert not rejected & _new_terms(store)
    store.close()


def test_imported_decisions_apply_to_the_notes_already_stored(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    teacher = _store(tmp_path / "t")
    ids = {n.term: n.id for n in teacher.notes("d")}
    teacher.decide([Decision(ids["队伍"], "en", "edit", "work team"), Decision(ids["东西"], "en", "reject"),
                    Decision(ids["农民"], "en", "accept")])
    shared = [c.to_dict() for c in teacher.corrections()]
    (tmp_path / "s").mkdir()
    student = _store(tmp_path / "s")
    assert student.import_corrections(shared) == 3
    assert student.import_corrections(shared) == 0
    by_term = {n.term: n for n in student.notes("d")}
    assert by_term["队伍"].translation("en").text == "work team"
    assert by_term["农民"].translation("en").method == "confirmed"
    assert [n.term for n in student.notes_to_confirm("d", "en")] == ["工作"]
    assert _new_terms(student) == {"工作", "队伍", "农民"}


def test_the_bundled_deck_ships_checked_where_it_was_checked(tmp_path: Path) -> None:
    from trainer.bundled import CHECKED_FILE, bundled_checks, bundled_drafts, load_bundled
    from trainer.extract.bundle import DECKS

    drafts = bundled_drafts()
    listed = [line for line in (DECKS / CHECKED_FILE).read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")]
    checks = bundled_checks(drafts)
    # Every decision still applies to the text it judged: regenerating the bundle means re-checking.
    assert len(checks) == len(listed) > 0
    # A rejection is of the term, for the whole deck: no language may confirm a rejected term.
    rejected = {c.term for c in checks if c.decision == "reject"}
    assert not rejected & {c.term for c in checks if c.decision != "reject"}
    with Store.open(tmp_path / "b.db", clock=lambda: T0) as store:
        load_bundled(store)
        learner = store.add_learner("zoe", "fr")
        notes = {n.term: n for n in store.notes()}
        for c in checks:
            if c.decision == "reject":
                assert c.term not in notes  # out of the deck: not listed, browsed or exported
                assert store.conn.execute("SELECT count(*) FROM cards c JOIN notes n ON n.id = c.note_id "
                                          "WHERE n.term = ? AND c.learner_id = ?", (c.term, learner.id)).fetchone() == (0,)
            else:
                translation = notes[c.term].translation(c.lang)
                assert translation is not None and translation.text == c.new
                assert translation.method in ("confirmed", "edited")
        assert not rejected & {n.term for n in store.notes_to_confirm(notes[c.term].deck, "fr")}
