"""Which translated words each Chinese character stands for, learned from the corpus.

CC-CEDICT speaks English, so French and Vietnamese renderings it cannot see
(村 "village" / "làng", 党 "parti", 户 "famille" / "hộ") would have nothing but
co-occurrence to go on, and co-occurrence cannot tell the words of one
sentence apart: every word of it co-occurs with every term in it.  IBM Model 1
(Brown et al. 1993) can: by expectation-maximisation each translated word is
shared out among the characters of its Chinese sentence, so a word that 村
explains in twenty sentences is not also credited to 帮 next to it.  The
characters' learned words then serve as dictionary keys (lexicon.py), only
where the model is sure (MIN_PROB): on five articles it also credits 会 with
"sociale" (from 社会) and 政 with "concret".

Characters, not jieba words: a word like 驻村帮扶 is seen too rarely, its
characters recur across many words (村 in 贫困村, 村庄, 驻村工作队).

Pure and deterministic: numpy over integer ids, a fixed number of iterations,
every Nth unit of a large corpus (the estimates settle long before).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

ITERATIONS = 8
#: Units the model learns from, at most (evenly spread over the corpus).
MAX_UNITS = 3000
#: Share of a character's translation mass a word needs to count as its rendering.
MIN_PROB = 0.6
#: Units a character must occur in before what it learned is trusted.
MIN_UNITS = 2



def char_words(units: Sequence[tuple[str, Sequence[str]]]) -> dict[str, frozenset[str]]:
    """Per Chinese character, the translated word keys it most likely renders.

    ``units``: (Chinese text, the word keys of its translation) per aligned bead.
    """
    step = max(1, -(-len(units) // MAX_UNITS))
    sample = [(_chars(zh), sorted(set(words))) for zh, words in units[::step]]
    sample = [(cs, ws) for cs, ws in sample if cs and ws]
    if not sample:
        return {}
    char_ids: dict[str, int] = {"": 0}  # 0: the empty source (words nothing renders)
    word_ids: dict[str, int] = {}
    src, tgt, slot = [], [], []  # one entry per (character, word) pair of a unit
    slots = 0
    char_units: dict[int, int] = {}
    for cs, ws in sample:
        cids = [0] + [char_ids.setdefault(c, len(char_ids)) for c in cs]
        for c in cids[1:]:
            char_units[c] = char_units.get(c, 0) + 1
        for w in ws:
            wid = word_ids.setdefault(w, len(word_ids))
            src.extend(cids)
            tgt.extend([wid] * len(cids))
            slot.extend([slots] * len(cids))
            slots += 1
    s, t_, sl = (np.array(a, dtype=np.int64) for a in (src, tgt, slot))
    pair_type, inverse = np.unique(s * len(word_ids) + t_, return_inverse=True)
    type_src = pair_type // len(word_ids)
    prob = np.ones(len(pair_type))
    for _ in range(ITERATIONS):
        p = prob[inverse]
        post = p / np.bincount(sl, weights=p, minlength=slots)[sl]
        counts = np.bincount(inverse, weights=post, minlength=len(pair_type))
        totals = np.bincount(type_src, weights=counts, minlength=len(char_ids))
        prob = counts / totals[type_src]
    chars = {i: c for c, i in char_ids.items()}
    words = {i: w for w, i in word_ids.items()}
    out: dict[str, set[str]] = {}
    for k in np.flatnonzero(prob >= MIN_PROB).tolist():
        c = int(type_src[k])
        if c and char_units.get(c, 0) >= MIN_UNITS:
            out.setdefault(chars[c], set()).add(words[int(pair_type[k] % len(word_ids))])
    return {c: frozenset(ws) for c, ws in out.items()}


def _chars(zh: str) -> list[str]:
    """The distinct Chinese characters of a text, in order."""
    return list(dict.fromkeys(c for c in zh if "\u3400" <= c <= "\u9fff"))

