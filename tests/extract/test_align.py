"""Sentence alignment over beads."""

from __future__ import annotations

from typing import Callable

from hypothesis import given
from hypothesis import strategies as st

from trainer.extract.align import Bead, Ends, align, crossing_weight, merge_crossings

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


def ends(*halves: tuple[set[str], set[str]]) -> Callable[[int], Ends]:
    table = [Ends(frozenset(h), frozenset(t)) for h, t in halves]
    return lambda i: table[i]


ONE_TO_ONE = [Bead((0,), (0,)), Bead((1,), (1,))]


def test_anchors_carried_across_a_boundary_merge_the_beads() -> None:
    # The end of Chinese 0 ({a, b, #7}) reappears only at the start of translation 1.
    zk = [frozenset({"x", "a", "b", "#7"}), frozenset({"y"})]
    tk = [frozenset({"x"}), frozenset({"a", "b", "#7", "y"})]
    merged = merge_crossings(ONE_TO_ONE, zk, tk, ends(({"x"}, {"a", "b", "#7"}), ({"y"}, set())),
                             ends(({"x"}, set()), ({"a", "b", "#7"}, {"y"})))
    assert merged == [Bead((0, 1), (0, 1))]


def test_mirror_crossing_merges_too() -> None:
    # The start of Chinese 1 is rendered at the end of translation 0.
    zk = [frozenset({"x"}), frozenset({"a", "b", "c", "y"})]
    tk = [frozenset({"x", "a", "b", "c"}), frozenset({"y"})]
    merged = merge_crossings(ONE_TO_ONE, zk, tk, ends(({"x"}, set()), ({"a", "b", "c"}, {"y"})),
                             ends(({"x"}, {"a", "b", "c"}), ({"y"}, set())))
    assert merged == [Bead((0, 1), (0, 1))]


def test_keys_explained_by_their_own_partner_or_away_from_the_boundary_do_not_merge() -> None:
    zk = [frozenset({"a", "b", "c"}), frozenset({"y"})]
    explained = merge_crossings(ONE_TO_ONE, zk, [frozenset({"a", "b", "c"}), frozenset({"a", "b", "c", "y"})],
                                ends((set(), {"a", "b", "c"}), ({"y"}, set())),
                                ends((set(), set()), ({"a", "b", "c"}, {"y"})))
    far = merge_crossings(ONE_TO_ONE, zk, [frozenset(), frozenset({"a", "b", "c", "y"})],
                          ends(({"a", "b", "c"}, set()), ({"y"}, set())),  # at the start of Chinese 0
                          ends((set(), set()), ({"y"}, {"a", "b", "c"})))  # at the end of translation 1
    assert explained == ONE_TO_ONE and far == ONE_TO_ONE


def test_two_weak_keys_are_not_enough() -> None:
    zk = [frozenset({"a", "b"}), frozenset({"y"})]
    tk = [frozenset(), frozenset({"a", "b", "y"})]
    merged = merge_crossings(ONE_TO_ONE, zk, tk, ends((set(), {"a", "b"}), ({"y"}, set())),
                             ends((set(), set()), ({"a", "b"}, {"y"})))
    assert merged == ONE_TO_ONE and crossing_weight(frozenset({"#2007", "2007", "a"})) == 3


@given(st.lists(st.integers(1, 80), min_size=1, max_size=10), st.lists(st.integers(1, 240), min_size=1, max_size=10),
       st.data())
def test_merging_keeps_both_sides_covered_in_order(zl: list[int], tl: list[int], data: st.DataObject) -> None:
    keys = st.frozensets(st.sampled_from(["a", "b", "c", "#1", "1"]), max_size=4)
    zk = data.draw(st.lists(keys, min_size=len(zl), max_size=len(zl)))
    tk = data.draw(st.lists(keys, min_size=len(tl), max_size=len(tl)))
    merged = merge_crossings(align(zl, tl, zk, tk), zk, tk, lambda i: Ends(zk[i], zk[i]), lambda j: Ends(tk[j], tk[j]))
    assert covers_in_order(merged, len(zl), len(tl))
