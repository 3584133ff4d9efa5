"""Corrections: recorded by edits, exported and imported as JSON Lines, used by extraction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from tests.conftest import make_drafts
from tests.test_cli import run
from trainer.extract.corrections import apply_corrections, confirmed_pairs, rejected_terms
from trainer.extract.documents import Row
from trainer.models import Correction
from trainer.store import Store


def _row(term: str, translation: str, sentence: str, lang: str = "en") -> Row:
    return Row(term=term, pinyin="", pinyin_numbers="", lang=lang, translation=translation, alternatives=("x",),
               confidence=0.6, method="word-aligned", evidence=(), source="a.txt", rank=0,
               examples=(("中文。", sentence),))


def _c(term: str, decision: str, new: str = "", deck: str = "d", at: int = 1, lang: str = "en") -> Correction:
    return Correction(term=term, lang=lang, decision=decision, new=new, deck=deck, decided_ms=at)


def test_a_confirmed_translation_is_taken_where_the_sentence_shows_it() -> None:
    rows = [_row("工作队", "teams", "The work teams came."), _row("工作队", "teams", "They came.")]
    out = apply_corrections(rows, [_c("工作队", "edit", "work teams")])
    assert out[0].translation == "work teams" and out[0].method == "confirmed" and out[0].confidence == 1.0
    assert out[0].alternatives[0] == "teams"
    assert out[1].translation == "teams"  # not in this sentence: the article's own rendering stays


def test_a_confirmed_translation_must_be_whole_words() -> None:
    out = apply_corrections([_row("队", "team", "The teamsters came.")], [_c("队", "edit", "team")])
    assert out[0].method == "word-aligned"


def test_a_rejected_term_is_left_out_of_its_deck_only() -> None:
    rows = [_row("工作", "work", "Work.")]
    assert apply_corrections(rows, [_c("工作", "reject")], deck="d") == []
    assert apply_corrections(rows, [_c("工作", "reject")], deck="other") == rows


def test_the_latest_decision_wins() -> None:
    history = [_c("工作", "reject", at=1), _c("工作", "accept", "work", at=2)]
    assert rejected_terms(history, "d") == set()
    assert rejected_terms(list(reversed(history)), "d") == set()
    assert confirmed_pairs([_c("工作", "edit", "job", at=1), _c("工作", "edit", "work", at=5)])[("工作", "en")] == ["work", "job"]


@pytest.mark.parametrize("bad", [{"term": "x", "lang": "de", "decision": "edit", "new": "y"},
                                 {"term": "x", "lang": "en", "decision": "maybe", "new": "y"},
                                 {"term": " ", "lang": "en", "decision": "reject"},
                                 {"term": "x", "lang": "en", "decision": "edit", "new": ""},
                                 {"lang": "en", "decision": "edit"}, ["not", "an", "object"]])
def test_malformed_corrections_are_refused(bad: object) -> None:
    with pytest.raises((ValueError, KeyError, TypeError)):
        Correction.from_dict(bad)  # type: ignore[arg-type]


decisions = st.lists(st.tuples(st.sampled_from(["工作", "村级", "扶贫"]),
                               st.sampled_from(["accept", "pick", "edit", "reject"]),
                               st.sampled_from(["work", "village", "poverty relief"])), max_size=12)


@given(decisions)
def test_after_any_decisions_confirmed_stay_and_rejected_never_come_back(seq: list[tuple[str, str, str]]) -> None:
    history = [_c(term, d, "" if d == "reject" else new, at=k) for k, (term, d, new) in enumerate(seq)]
    sentence = "The village work on poverty relief."
    rows = [_row(t, "mined", sentence) for t in ("工作", "村级", "扶贫")]
    out = {r.term: r for r in apply_corrections(rows, history, deck="d")}
    latest = {}
    for c in history:
        latest[c.term] = c
    for term, c in latest.items():
        if c.decision == "reject":
            assert term not in out
        else:
            assert out[term].translation == c.new and out[term].method == "confirmed"


def test_an_edit_is_stored_as_a_correction(store: Store) -> None:
    store.import_notes("d", make_drafts(1))
    note = store.notes("d")[0]
    store.edit_translation(note.id, "en", "a better word", learner="maria")
    store.edit_translation(note.id, "en", "a better word", learner="maria")  # no change: no new decision
    (c,) = store.corrections()
    assert (c.term, c.lang, c.old, c.new, c.decision, c.learner, c.deck) == (
        note.term, "en", "en word 0", "a better word", "edit", "maria", "d")


def test_export_then_import_into_a_fresh_database(tmp_path: Path) -> None:
    first = tmp_path / "first.db"
    with Store.open(first) as s:
        s.import_notes("d", make_drafts(2))
        for k, note in enumerate(s.notes("d")):
            s.edit_translation(note.id, "fr", f"mot {k}", learner="teacher")
        s.import_corrections([_c("扶贫", "reject").to_dict()])
        expected = s.corrections()
    out = tmp_path / "class.jsonl"
    assert run("corrections", "export", "-o", str(out), db=first).returncode == 0
    fresh = tmp_path / "fresh.db"
    done = run("corrections", "import", str(out), db=fresh)
    assert done.returncode == 0 and "3 corrections added" in done.stdout
    again = run("corrections", "import", str(out), db=fresh)
    assert "0 corrections added, 3 already stored" in again.stdout
    with Store.open(fresh) as s:
        assert s.corrections() == expected
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Correction.from_dict(d) for d in lines] == expected


@pytest.mark.parametrize("content", [b"not json\n", b"", b"\xff\xfe\x00garbage", b'{"term": "x"}\n'])
def test_a_bad_corrections_file_changes_nothing(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "t.db"
    with Store.open(db) as s:
        s.import_corrections([_c("工作", "edit", "work").to_dict()])
    bad = tmp_path / "bad.jsonl"
    good = '{"term": "村级", "lang": "en", "decision": "edit", "new": "village"}\n'.encode()
    bad.write_bytes(good + content if content else b"")
    done = run("corrections", "import", str(bad), db=db)
    assert done.returncode == 2 and done.stderr.startswith("trainer: error: ") and str(bad) in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    with Store.open(db) as s:
        assert [c.term for c in s.corrections()] == ["工作"]  # all or nothing: the good line is not kept


def test_a_corrections_directory_is_refused(tmp_path: Path) -> None:
    done = run("corrections", "import", str(tmp_path), db=tmp_path / "t.db")
    assert done.returncode == 2 and "not a regular file" in done.stderr


def test_extract_reuses_confirmed_translations_and_leaves_out_rejected_terms(tmp_path: Path) -> None:
    from tests.extract.samples import EN_COOP, article

    text = tmp_path / "coop.txt"
    text.write_text(article(EN_COOP), encoding="utf-8")
    db = tmp_path / "t.db"
    first = [json.loads(line) for line in run("extract", "--json", str(text), db=db).stdout.splitlines()]
    # Confirm, for one term, another phrase of its own example sentence; reject another term.
    def last_words(r: dict) -> str:
        return " ".join(r["examples"][0]["translation"].rstrip(".").split()[-2:])

    row = next(r for r in first if len(r["examples"][0]["translation"].split()) > 3 and last_words(r) != r["translation"])
    other = last_words(row)
    dropped = next(r["term"] for r in first if r["term"] != row["term"])
    with Store.open(db) as s:
        s.import_corrections([_c(row["term"], "pick", other, lang=row["lang"]).to_dict(),
                              _c(dropped, "reject", deck="d").to_dict()])
    again = {r["term"]: r for r in map(json.loads, run("extract", "--json", str(text), db=db).stdout.splitlines())}
    assert again[row["term"]]["translation"] == other and again[row["term"]]["method"] == "confirmed"
    assert dropped in again  # rejected in deck "d" only
    assert run("extract", "--deck", "d", str(text), db=db).returncode == 0
    with Store.open(db) as s:
        terms = {n.term: n for n in s.notes("d")}
    assert dropped not in terms and terms[row["term"]].translations[row["lang"]].text == other
    ignored = {r["term"]: r for r in map(json.loads, run("extract", "--json", "--no-corrections", str(text),
                                                          db=db).stdout.splitlines())}
    assert ignored[row["term"]]["translation"] == row["translation"]
