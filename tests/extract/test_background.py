"""Background pairs beside an input: which are chosen, and that they add no rows."""

from __future__ import annotations

from hypothesis import given, strategies as st

from trainer.extract import background, realign
from trainer.extract.sources import load_documents

PAIRS = [("今天天气很好。", "Il fait beau."), ("扶贫工作队来到村里。", "L'équipe arrive."),
         ("村里的工作队很忙。", "L'équipe est occupée."), ("很好很好很好很好很好很好。", "Très bien.")]
WEIGHTS = {"扶": 3.0, "贫": 3.0, "队": 2.0, "村": 2.0, "工": 1.0, "作": 1.0, "很": 0.1, "好": 0.1}


def test_pairs_sharing_rare_characters_come_first() -> None:
    chosen = background.choose(PAIRS, WEIGHTS, ["驻村扶贫工作队"], 2)
    assert chosen == [PAIRS[1], PAIRS[2]]


def test_nothing_shared_nothing_chosen_and_the_input_itself_is_left_out() -> None:
    assert background.choose(PAIRS, WEIGHTS, ["他们"], 5) == []
    assert PAIRS[1] not in background.choose(PAIRS, WEIGHTS, [PAIRS[1][0]], 5)
    assert background.choose(PAIRS, WEIGHTS, ["扶贫"], 0) == []


@given(st.lists(st.text(alphabet="扶贫村队工作很好天气", min_size=1, max_size=8), max_size=4), st.integers(0, 6))
def test_at_most_k_distinct_shipped_pairs(chinese: list[str], k: int) -> None:
    chosen = background.choose(PAIRS, WEIGHTS, chinese, k)
    assert len(chosen) <= k and len(set(chosen)) == len(chosen) and set(chosen) <= set(PAIRS)


def test_the_shipped_background_is_there_for_every_language() -> None:
    for lang in ("fr", "en", "vi"):
        assert len(background.pairs(lang)) > 300
        assert background.select(lang, ["贫困村的农民"], 5)


def test_background_pairs_give_links_but_no_pairs_of_their_own(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("村里的农民很忙。\n\nLes paysans du village sont occupés.\n", encoding="utf-8")
    docs = load_documents([article])
    aligned = realign.align_documents(docs)
    assert list(aligned) == ["a.txt"] and len(aligned["a.txt"]) == len(docs[0].pairs)

