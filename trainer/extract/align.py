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
from typing import Sequence

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


def _length_cost(a: float, b: float, ratio: float) -> float:
    return LENGTH_WEIGHT * math.log((b + 8.0) / (a * ratio + 8.0)) ** 2


def _anchor_score(zh_keys: frozenset[str], tr_keys: frozenset[str]) -> float:
    """Share of anchors in common, 0..1 (cosine over key sets)."""
    if not zh_keys or not tr_keys:
        return 0.0
    return len(zh_keys & tr_keys) / math.sqrt(len(zh_keys) * len(tr_keys))


def align(
    zh_lengths: Sequence[int],
    tr_lengths: Sequence[int],
    zh_keys: Sequence[frozenset[str]],
    tr_keys: Sequence[frozenset[str]],
) -> list[Bead]:
    """Best bead sequence covering both sides in order."""
    n, m = len(zh_lengths), len(tr_lengths)
    ratio = (sum(tr_lengths) + 1) / (sum(zh_lengths) + 1)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    band = max(BAND, abs(n - m) + 5)
    for i in range(n + 1):
        centre = i * m / n if n else 0
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            if cost[i][j] == inf:
                continue
            for (di, dj), prior in SHAPES.items():
                ii, jj = i + di, j + dj
                if ii > n or jj > m:
                    continue
                c = cost[i][j] + prior + _bead_cost(i, ii, j, jj, zh_lengths, tr_lengths, zh_keys, tr_keys, ratio)
                if c < cost[ii][jj]:
                    cost[ii][jj] = c
                    back[ii][jj] = (di, dj)
    return _trace(back, n, m)


def _bead_cost(i: int, ii: int, j: int, jj: int, zl: Sequence[int], tl: Sequence[int],
               zk: Sequence[frozenset[str]], tk: Sequence[frozenset[str]], ratio: float) -> float:
    a, b = sum(zl[i:ii]), sum(tl[j:jj])
    if ii == i or jj == j:
        return _length_cost(a, b, ratio) * 0.5
    zkeys = frozenset().union(*zk[i:ii])
    tkeys = frozenset().union(*tk[j:jj])
    return _length_cost(a, b, ratio) - ANCHOR_WEIGHT * _anchor_score(zkeys, tkeys)


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
