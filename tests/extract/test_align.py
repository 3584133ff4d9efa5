"""Sentence alignment over beads."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trainer.extract.align import Bead, align

NONE: frozenset[str] = frozenset()


def covers_in_order(beads: list[Bead], n: int, m: int) -> bool:
    zh = [i for b in beads for i in b.zh]
    tr = [j for b in beads for j in b.tr]
    return zh == list(range(n)) and tr == list(range(m))


def test_proportional_lengths_align_one_to_one() -> None:
    zl = [10, 30, 5, 20]
    beads = align(zl, [3 * x for x in zl], [NONE] * 4, [NONE] * 4)
    assert [(b.zh, b.tr) for b in beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]


def test_split_translation_gives_one_to_two() -> None:
    beads = align([20, 40, 20], [60, 60, 60, 60], [NONE] * 3, [NONE] * 4)
    assert any(b.zh == (1,) and b.tr == (1, 2) for b in beads)


def test_anchors_decide_where_lengths_cannot() -> None:
    zk = [frozenset({"a"}), frozenset({"b"}), frozenset({"c"})]
    # Lengths fit 2-1 then 1-1 as well as 1-1 then 1-2: shared anchors choose.
    first = align([20, 20, 20], [90, 90], zk, [frozenset({"a", "b"}), frozenset({"c"})])
    second = align([20, 20, 20], [90, 90], zk, [frozenset({"a"}), frozenset({"b", "c"})])
    assert [(b.zh, b.tr) for b in first] == [((0, 1), (0,)), ((2,), (1,))]
    assert [(b.zh, b.tr) for b in second] == [((0,), (0,)), ((1, 2), (1,))]


@given(st.lists(st.integers(1, 80), max_size=12), st.lists(st.integers(1, 240), max_size=12))
def test_beads_cover_both_sides_in_order(zl: list[int], tl: list[int]) -> None:
    beads = align(zl, tl, [NONE] * len(zl), [NONE] * len(tl))
    assert covers_in_order(beads, len(zl), len(tl))
