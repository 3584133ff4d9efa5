"""Sentence alignment: dynamic programming over beads (Gale & Church, plus anchors).

A bead pairs 0-2 Chinese sentences with 0-2 translated ones.  Its cost is a
length mismatch (log of the length ratio against the document's own ratio,
so terse and wordy translators both work), a prior per bead shape, minus a
bonus for shared lexical anchors (numbers, dictionary hits, names through
pinyin) supplied by the caller as key sets.  Pure and deterministic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

#: (zh sentences, translated sentences) -> prior cost of the bead shape.
SHAPES: dict[tuple[int, int], float] = {
    (1, 1): 0.0, (1, 2): 1.2, (2, 1): 1.2, (2, 2): 2.4, (1, 0): 2.5, (0, 1): 2.5,
}
ANCHOR_WEIGHT = 4.0
LENGTH_WEIGHT = 2.0
#: Away from the diagonal by more than this many sentences is never considered.
BAND = 30


@dataclass(frozen=True)
class Bead:
    """Indices of the Chinese and translated sentences that render each other."""

    zh: tuple[int, ...]
    tr: tuple[int, ...]


def _bitmasks(zh_keys: Sequence[frozenset[str]], tr_keys: Sequence[frozenset[str]]) -> tuple[list[int], list[int]]:
    """Key sets as int bit masks, one bit per key found on both sides.

    The DP asks for intersection sizes of the keys of 1-2 sentences at every
    cell; on ints that is one C operation instead of building sets.  Keys of one
    side only never meet, so they need no bit (set sizes are counted apart).
    """
    shared = frozenset().union(*zh_keys) & frozenset().union(*tr_keys)
    bits = {k: 1 << i for i, k in enumerate(shared)}
    return ([sum(bits[k] for k in keys & shared) for keys in zh_keys],
            [sum(bits[k] for k in keys & shared) for keys in tr_keys])


def _sizes(keys: Sequence[frozenset[str]]) -> tuple[list[int], list[int]]:
    """Sizes of each key set and of the union of each with the next (0-padded)."""
    return [len(k) for k in keys], [len(a | b) for a, b in zip(keys, keys[1:])] + [0]


def _pairs(values: Sequence[int], n: int) -> list[int]:
    """Sums of two neighbours (``sum(values[i:i + 2])``); one more than needed, 0-padded."""
    return [values[i] + values[i + 1] for i in range(n - 1)] + [0, 0]


def align(
    zh_lengths: Sequence[int],
    tr_lengths: Sequence[int],
    zh_keys: Sequence[frozenset[str]],
    tr_keys: Sequence[frozenset[str]],
) -> list[Bead]:
    """Best bead sequence covering both sides in order.

    Cells are relaxed in row order, each pushing to its successors in the order
    of SHAPES with a strict ``<``, so ties resolve as in the plain formulation
    (cost[i][j] + prior + bead cost).  The bead costs are computed inline from
    precomputed lengths and key bit masks: this loop is the extractor's hot spot.
    """
    n, m = len(zh_lengths), len(tr_lengths)
    ratio = (sum(tr_lengths) + 1) / (sum(zh_lengths) + 1)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)] + [[]]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)] + [[]]
    cost[0][0] = 0.0
    band = max(BAND, abs(n - m) + 5)
    log, sqrt, lw, aw = math.log, math.sqrt, LENGTH_WEIGHT, ANCHOR_WEIGHT
    p11, p12, p21, p22, p10, p01 = (SHAPES[s] for s in ((1, 1), (1, 2), (2, 1), (2, 2), (1, 0), (0, 1)))
    z1 = [a * ratio + 8.0 for a in zh_lengths]
    z2 = [a * ratio + 8.0 for a in _pairs(zh_lengths, n)]
    t1 = [b + 8.0 for b in tr_lengths]
    t2 = [b + 8.0 for b in _pairs(tr_lengths, m)]
    zm1, tm1 = _bitmasks(zh_keys, tr_keys)
    zm2, tm2 = [a | b for a, b in zip(zm1, zm1[1:])], [a | b for a, b in zip(tm1, tm1[1:])] + [0]
    (zc1, zc2), (tc1, tc2) = _sizes(zh_keys), _sizes(tr_keys)
    zero = 0 * ratio + 8.0
    half_z = [(lw * log((0 + 8.0) / z) ** 2) * 0.5 for z in z1]  # 1-0 beads
    half_t = [(lw * log(t / zero) ** 2) * 0.5 for t in t1]  # 0-1 beads
    for i in range(n + 1):
        centre = i * m / n if n else 0
        row, row1, row2 = cost[i], cost[i + 1], cost[i + 2] if i + 2 <= n else []
        back0, back1, back2 = back[i], back[i + 1], back[i + 2] if i + 2 <= n else []
        one, two = i < n, i + 1 < n
        if one:
            za, zm, zc = z1[i], zm1[i], zc1[i]
        if two:
            zb, zmb, zcb = z2[i], zm2[i], zc2[i]
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            c0 = row[j]
            if c0 == inf:
                continue
            if one:
                if j < m:  # 1-1
                    bead = lw * log(t1[j] / za) ** 2
                    common = (zm & tm1[j]).bit_count()
                    if common:
                        bead -= aw * (common / sqrt(zc * tc1[j]))
                    c = c0 + p11 + bead
                    if c < row1[j + 1]:
                        row1[j + 1] = c
                        back1[j + 1] = (1, 1)
                    if j + 1 < m:  # 1-2
                        bead = lw * log(t2[j] / za) ** 2
                        common = (zm & tm2[j]).bit_count()
                        if common:
                            bead -= aw * (common / sqrt(zc * tc2[j]))
                        c = c0 + p12 + bead
                        if c < row1[j + 2]:
                            row1[j + 2] = c
                            back1[j + 2] = (1, 2)
                    if two:  # 2-1
                        bead = lw * log(t1[j] / zb) ** 2
                        common = (zmb & tm1[j]).bit_count()
                        if common:
                            bead -= aw * (common / sqrt(zcb * tc1[j]))
                        c = c0 + p21 + bead
                        if c < row2[j + 1]:
                            row2[j + 1] = c
                            back2[j + 1] = (2, 1)
                        if j + 1 < m:  # 2-2
                            bead = lw * log(t2[j] / zb) ** 2
                            common = (zmb & tm2[j]).bit_count()
                            if common:
                                bead -= aw * (common / sqrt(zcb * tc2[j]))
                            c = c0 + p22 + bead
                            if c < row2[j + 2]:
                                row2[j + 2] = c
                                back2[j + 2] = (2, 2)
                c = c0 + p10 + half_z[i]  # 1-0
                if c < row1[j]:
                    row1[j] = c
                    back1[j] = (1, 0)
            if j < m:  # 0-1
                c = c0 + p01 + half_t[j]
                if c < row[j + 1]:
                    row[j + 1] = c
                    back0[j + 1] = (0, 1)
    return _trace(back, n, m)


def _trace(back: list[list[tuple[int, int] | None]], n: int, m: int) -> list[Bead]:
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        if step is None:  # unreachable cell (band too narrow): pair the rest
            beads.append(Bead(tuple(range(i)), tuple(range(j))))
            break
        di, dj = step
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]


@dataclass(frozen=True)
class Ends:
    """Anchor keys of a sentence's first and second half, for :func:`merge_crossings`."""

    head: frozenset[str]
    tail: frozenset[str]


#: Crossing evidence (see :func:`crossing_weight`) at which two beads are merged.
CROSSING_THRESHOLD = 3


def crossing_weight(keys: frozenset[str]) -> int:
    """Numbers count double (the strongest anchor); bare digit keys repeat them and count nothing."""
    return sum(2 if k.startswith("#") else 0 if k.isdigit() else 1 for k in keys)


def merge_crossings(
    beads: Sequence[Bead],
    zh_keys: Sequence[frozenset[str]],
    tr_keys: Sequence[frozenset[str]],
    zh_ends: Callable[[int], Ends],
    tr_ends: Callable[[int], Ends],
) -> list[Bead]:
    """Merge neighbouring beads whose boundary the translator drew elsewhere.

    Translators often end a sentence mid-way through the Chinese one and carry
    its last clause into the next sentence ("...(自治区、直辖市)...制度。" ->
    "...développement. Toutes les provinces (régions autonomes et
    municipalités...)"). Length and bead priors then prefer two 1-1 beads
    that each miss a piece. The tell is anchors that cross the boundary:
    keys of the end of one bead's Chinese found only at the start of the next
    bead's translation (and explained by neither of their own partners), or
    the mirror image. Merging the two beads keeps the rendering with its term;
    the cost is a longer sentence pair for the translation stage to search.
    Ends are asked for only where whole-sentence keys already cross, so most
    boundaries cost a few set operations.
    """
    out: list[Bead] = []
    for bead in beads:
        prev = out[-1] if out else None
        if prev is not None and _crosses(prev, bead, zh_keys, tr_keys, zh_ends, tr_ends):
            out[-1] = Bead(prev.zh + bead.zh, prev.tr + bead.tr)
        else:
            out.append(bead)
    return out


def _crosses(
    a: Bead,
    b: Bead,
    zh_keys: Sequence[frozenset[str]],
    tr_keys: Sequence[frozenset[str]],
    zh_ends: Callable[[int], Ends],
    tr_ends: Callable[[int], Ends],
) -> bool:
    if not (a.zh and a.tr and b.zh and b.tr):
        return False
    union = frozenset().union
    za, zb = union(*(zh_keys[i] for i in a.zh)), union(*(zh_keys[i] for i in b.zh))
    ta, tb = union(*(tr_keys[j] for j in a.tr)), union(*(tr_keys[j] for j in b.tr))
    forward, backward = (za & tb) - ta - zb, (zb & ta) - tb - za
    if crossing_weight(forward | backward) < CROSSING_THRESHOLD:
        return False
    forward &= zh_ends(a.zh[-1]).tail & tr_ends(b.tr[0]).head
    backward &= zh_ends(b.zh[0]).head & tr_ends(a.tr[-1]).tail
    return crossing_weight(forward | backward) >= CROSSING_THRESHOLD
