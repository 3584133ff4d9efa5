"""Background sentence pairs aligned beside a learner's articles.

A short input (one article: 30-60 sentence pairs) gives eflomal's sampler
little to learn from: a word met once is linked to whatever its neighbours
leave over.  The shipped translation table (a prior) summarises the
background corpus word by word; aligning some of the background's own
sentence pairs next to the article gives the sampler whole sentences in which
the article's rarer characters occur again.  Which ones: the usual data
selection of domain adaptation, here the pairs whose Chinese shares the most
informative characters with the input (characters weighted by their inverse
document frequency over the background, a pair's score divided by the square
root of its length so that long sentences do not win by size).  Their links
are only context: no row, vote or example comes from them.

On the dev sets (bench/RESULTS_extract.md, session 35, leave-one-article-out)
the phrase choice is right for 0.77 of terms without them and 0.80 with sixty
(three eflomal draws; 150 give the same); fewer or shorter pairs save the
aligner time but keep less of the gain (0.77-0.80), sixty random pairs none.
The price is the aligner's time on a short input: a one-article run aligns
several times more text.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Iterable, Sequence

DATA = Path(__file__).with_name("data")
#: Background pairs aligned beside an input, per language.
PAIRS = 60


def path(lang: str) -> Path:
    return DATA / f"background_{lang}.tsv"


@cache
def pairs(lang: str) -> tuple[tuple[str, str], ...]:
    """The shipped (Chinese, translation) sentence pairs of a language (none if missing)."""
    try:
        lines = path(lang).read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    return tuple((zh, tr) for zh, _tab, tr in (line.partition("\t") for line in lines) if zh and tr)


@cache
def _weights(lang: str) -> dict[str, float]:
    """Inverse document frequency of each character over the background's sentences."""
    found = pairs(lang)
    df = Counter(c for zh, _tr in found for c in set(zh))
    return {c: math.log(len(found) / n) for c, n in df.items()}


def select(lang: str, chinese: Iterable[str], k: int = PAIRS) -> list[tuple[str, str]]:
    """The ``k`` background pairs that best share the input's informative characters
    (ties: the shipped order; sentences of the input itself are left out)."""
    return choose(pairs(lang), _weights(lang), chinese, k)


def choose(
    candidates: Sequence[tuple[str, str]], weights: dict[str, float], chinese: Iterable[str], k: int,
) -> list[tuple[str, str]]:
    """:func:`select` on given pairs and character weights (pure: tested as is)."""
    sentences = set(chinese)
    mine = {c for s in sentences for c in s}
    if k <= 0 or not mine:
        return []
    scored = []
    for n, (zh, tr) in enumerate(candidates):
        if zh in sentences:
            continue
        score = sum(weights.get(c, 0.0) for c in set(zh) & mine) / math.sqrt(1 + len(zh))
        if score > 0:
            scored.append((-score, n))
    scored.sort()
    return [candidates[n] for _s, n in scored[:k]]
