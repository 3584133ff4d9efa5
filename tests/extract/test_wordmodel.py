"""The character word model (IBM Model 1 over characters), on invented data."""

from __future__ import annotations

from trainer.extract import wordmodel
from trainer.extract.lexicon import lexicon_for

# Each character renders one word; 的 renders nothing; sentences mix them.
UNITS = [
    ("村民", ["village", "habitant"]),
    ("村路", ["village", "route"]),
    ("路灯", ["route", "lampe"]),
    ("村的灯", ["village", "lampe"]),
    ("民的路", ["habitant", "route"]),
    ("灯的民", ["lampe", "habitant"]),
    ("村", ["village"]),
]


def test_each_character_learns_its_word() -> None:
    learned = wordmodel.char_words(UNITS)
    assert learned["村"] == {"village"}
    assert learned["路"] == {"route"}
    assert learned["灯"] == {"lampe"}
    assert learned["民"] == {"habitant"}


def test_a_character_met_with_every_word_learns_none() -> None:
    # 的 co-occurs with three different words: each is explained by another character.
    assert "的" not in wordmodel.char_words(UNITS)


def test_a_character_seen_once_is_not_trusted() -> None:
    learned = wordmodel.char_words(UNITS + [("桥", ["pont"])])
    assert "桥" not in learned


def test_the_model_is_reproducible() -> None:
    assert wordmodel.char_words(UNITS) == wordmodel.char_words(list(UNITS))


def test_no_units_teach_nothing() -> None:
    assert wordmodel.char_words([]) == {} and wordmodel.char_words([("", ["mot"]), ("字", [])]) == {}


def test_learned_words_are_keys_of_the_term_parts() -> None:
    # A key no CC-CEDICT gloss of 村民 gives ("habitant" has no English cognate).
    plain = lexicon_for("村民", ("村民",), "fr")
    taught = lexicon_for("村民", ("村民",), "fr", chars={"民": frozenset({"habit"})})
    assert "habit" not in plain.keys and "habit" in taught.keys
    vi = lexicon_for("村民", ("村民",), "vi", chars={"村": frozenset({"lang2"})})
    assert "lang2" in vi.parts[0]
