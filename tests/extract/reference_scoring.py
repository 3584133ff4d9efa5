"""The span scorer as it was before it was vectorised: one Python loop per span.

Kept as the oracle for ``translate.score_candidates``: both must rank the same
spans with the same scores (tests/extract/test_scoring_equivalence.py).
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Callable, Sequence

from trainer.extract.spans import clean
from trainer.extract.lexical import LEX_MAX, LEX_TRUST, W_SENSE, Lexicon, lexical_score, other_keys, sense_bonus
from trainer.extract.pools import (
    POS_MIN_CHARS, SMOOTH, W_ASSOC, W_COVER, W_CUT, W_LEN, W_LEX, W_RIVAL, W_TITLE, cheap_score, distortion,
)
from trainer.extract.translate import MAX_KEPT, best_first
from trainer.extract.units import Candidate, Scored, Unit, unit_candidates


def reference_score_candidates(
    term: str,
    doc_units: Sequence[Unit],
    n_term: int,
    covered: Counter[tuple[str, ...]],
    counts: Counter[tuple[str, ...]],
    lex: Lexicon,
    word_key: Callable[[str], str],
    lang: str,
    rivals: Sequence[tuple[int, Counter[tuple[str, ...]]]] = (),
    keys_of: Callable[[str], frozenset[str]] = lambda _w: frozenset(),
    candidates_of: Callable[[Unit], list[Candidate]] | None = None,
    skip: Callable[[tuple[str, ...]], bool] | None = None,
) -> list[Scored]:
    """The candidates for ``term`` in one document that can win, best first.

    ``n_term`` and ``covered`` count the term's units in the whole corpus and
    the spans in them; ``rivals`` are the other terms of the same sentences, as (occurrence count,
    span counts over their units): a span that goes better with a rival (the
    "villages" of 贫困村 next to 驻村工作队) is explained away.  Cheap
    statistics rank the spans first; dictionary work is done only for spans
    that could still overtake the best one.
    """
    w_lex = W_LEX * LEX_TRUST.get(lang, 1.0)
    pool: dict[tuple[str, ...], tuple[float, str, bool, int, tuple[str, ...]]] = {}
    max_words = int(2 * lex.expected_words + 2)  # longer spans lose on length anyway
    length_cost = [W_LEN * abs(math.log((n + 1) / (lex.expected_words + 1))) for n in range(max_words + 1)]
    covered_get, counts_get = covered.get, counts.get
    allkeys = lex.keys
    frequent = n_term >= 3
    for u, unit in enumerate(doc_units):
        title = "".join(c for c in unit.zh if c.isalnum()) == term
        # Only a term met once here has nothing better than position to go on.
        zh_len = len(unit.zh) if len(doc_units) == 1 else 0
        cands = candidates_of(unit) if candidates_of else unit_candidates(unit, lang, word_key)
        if title:
            whole_key = tuple(n for n in unit.sentence.norms if n)
            whole_cost = W_LEN * abs(math.log((len(whole_key) + 1) / (lex.expected_words + 1)))
            pool.setdefault(whole_key, (cheap_score(covered_get(whole_key, 1), counts_get(whole_key, 1), n_term)
                                        - whole_cost + W_TITLE, clean(unit.sentence.text), True, u,
                                        tuple(map(word_key, whole_key))))
        positional = zh_len >= POS_MIN_CHARS
        # The hot loop (every span of every sentence of the term): cheap_score and
        # distortion inlined, same arithmetic.
        text = unit.sentence.text
        for key, surface, wkeys, cut, _start, piece in cands:
            size = len(key)
            if size > max_words or key in pool or (skip is not None and skip(key)):
                continue
            if piece and size < max_words:
                continue  # a piece of a fixed phrase: the phrase competes instead
            n_tp = covered_get(key, 0)
            if n_tp == 1 and frequent and allkeys.isdisjoint(wkeys):
                continue  # seen once next to a frequent term, no dictionary support: noise
            n_p = counts_get(key, 1)
            if n_p < n_tp:
                n_p = n_tp
            cheap = W_ASSOC * n_tp / (n_term + n_p - n_tp + SMOOTH) + W_COVER * (n_tp / n_term if n_tp < n_term else 1.0)
            cheap -= length_cost[size] + W_CUT * cut
            if positional:  # the nearest occurrences of term and span, 0..1
                cheap -= min(distortion(z, t, zh_len) for z in _middles(unit.zh, term)
                             for t in _middles(text.lower(), surface.lower()))
            pool[key] = (cheap, surface, False, u, wkeys)
    ranked = sorted(pool.items(), key=lambda item: -item[1][0])
    scored: list[Scored] = []
    best = -math.inf
    others_cache: dict[int, frozenset[str]] = {}
    pinyin = lex.pinyin
    for key, (cheap, surface, whole, u, wkeys) in ranked:
        full = len(scored) <= MAX_KEPT  # still collecting alternatives: score everything
        if not full and cheap + w_lex * LEX_MAX + W_SENSE < best:
            break
        # Without a dictionary hit the lexical score is at most 0.
        if not full and cheap < best and allkeys.isdisjoint(wkeys) and not (pinyin and any(map(pinyin.__contains__, key))):
            continue
        # Words explained by another Chinese word in any sentence showing the span.
        others: frozenset[str] = frozenset()
        for v, unit in enumerate(doc_units):
            if v == u or key in unit.grams:
                if v not in others_cache:
                    others_cache[v] = other_keys(unit, term, keys_of) - allkeys
                others |= others_cache[v]
        lexs, hits = lexical_score(key, wkeys, lex, others)
        bonus = sense_bonus(key, wkeys, lex, n_term)
        if not full and cheap + w_lex * lexs + bonus < best:
            continue
        n_tp = covered.get(key, 1 if whole else 0)
        n_p = max(counts.get(key, 1), n_tp)
        assoc = n_tp / (n_term + n_p - n_tp + SMOOTH)
        rival = 0.0
        for n_r, r in rivals:
            c = r.get(key)
            if c:
                rival = max(rival, c / (n_r + n_p - c + SMOOTH))
        # A span the dictionary ties to the whole term is explained away far less.
        score = cheap + w_lex * lexs + bonus - W_RIVAL * max(0.0, rival - assoc) * (0.3 if lexs >= 0.6 else 1.0)
        best = max(best, score)
        evidence = [f"co-occurs in {n_tp}/{n_term} aligned sentences ({n_p} with the span)"]
        if hits:
            evidence.append(f"dictionary: {hits}")
        if whole:
            evidence.append("whole title")
        scored.append(Scored(surface if whole else clean(surface), key, score, tuple(evidence)))
    return best_first(scored)


def _middles(text: str, piece: str) -> list[float]:
    """Where each occurrence of ``piece`` sits in ``text`` (its middle, 0..1); 0.5 if none."""
    found = [(at + len(piece) / 2) / max(1, len(text)) for at in range(len(text)) if text.startswith(piece, at)]
    return found or [0.5]
