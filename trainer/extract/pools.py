"""The cheap first pass of span scoring, over all candidate spans at once.

Association, coverage, position and shape are array operations over the
term's units (see :mod:`trainer.extract.spantable`); only the spans that could
still overtake the best get the full dictionary scoring in
:mod:`trainer.extract.translate`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from trainer.extract.lexical import LEX_MAX, Lexicon
from trainer.extract.units import Candidate, Unit, is_title

if TYPE_CHECKING:
    from trainer.extract.spantable import SpanTable, TermCounts

W_ASSOC, W_COVER, W_LEX, W_TITLE, W_LEN, W_RIVAL, W_CUT = 1.0, 0.5, 0.8, 1.5, 0.35, 1.0, 0.3


SMOOTH = 1.0


#: Positional prior: cost per unit of relative distance beyond the slack.
W_POS, POS_SLACK, POS_MIN_CHARS = 0.6, 0.2, 40


#: A wider span replaces a partial rendering when the term is there in at
#: least this share of the sentences showing it (and two of them at least).
COMPLETE_FIT, COMPLETE_MIN = 0.8, 2


#: A rendering seen once yields to a span inside it seen in half the term's
#: sentences, for a term met this often at least.
NARROW_MIN = 3


def term_positions(zh: str, term: str) -> np.ndarray:
    """Where each occurrence of the term sits in the Chinese text, 0..1 (its middle)."""
    size, out, at = max(1, len(zh)), [], zh.find(term)
    while at >= 0:
        out.append((at + len(term) / 2) / size)
        at = zh.find(term, at + 1)
    return np.array(out or [0.5])


def distortion(zh_pos: float, tr_pos: float, zh_len: int) -> float:
    """Cost of a span far from where the term sits: translations keep the
    clause order of long sentences, so in a bead of several clauses a span at
    the other end of it is unlikely to render the term.  Short sentences
    reorder freely (no cost below POS_MIN_CHARS Chinese characters)."""
    if zh_len < POS_MIN_CHARS:
        return 0.0
    return W_POS * max(0.0, abs(zh_pos - tr_pos) - POS_SLACK)


def cheap_score(n_tp: int, n_p: int, n_term: int) -> float:
    """Association and coverage: a smoothed Jaccard (a span seen once next to a
    term seen once proves little) plus the share of occurrences showing the span."""
    n_p = max(n_p, n_tp)
    return W_ASSOC * n_tp / (n_term + n_p - n_tp + SMOOTH) + W_COVER * min(1.0, n_tp / n_term)


@dataclass(frozen=True)
class Pool:
    """Distinct candidate spans of a term's sentences, ranked by cheap score."""

    cheap: list[float]
    ids: list[int]
    n_tp: list[int]
    n_p: list[int]
    supported: list[bool]  # some word has a dictionary key of the term, or is in its pinyin
    lex_bound: list[float]  # the most lexical_score can give the span
    #: Position of the first supported span at or after each position: once the
    #: best score is out of cheap reach, unsupported spans cannot win.
    next_supported: list[int]
    where: list[tuple[int, int]]  # (unit, candidate index in it; -1: the whole title)
    #: Rows seen in COMPLETE_MIN of the term's sentences or more, nearly never
    #: without it (what may complete a partial rendering), and rows seen in
    #: half the term's sentences (what may narrow a rendering seen once).
    consistent: list[int] = field(default_factory=list)
    common: list[int] = field(default_factory=list)


def cheap_pool(
    term: str, doc_units: Sequence[Unit], n_term: int, covered: TermCounts, table: SpanTable, lex: Lexicon,
    skip: Callable[[tuple[str, ...]], bool] | None,
) -> Pool:
    """Association, coverage, length, cut and position of every span, as arrays.

    A span met in several sentences is ranked where it first occurs; a term
    met once next to a frequent term's spans drops those it shares only one
    sentence with and no dictionary key (noise).
    """
    max_words = int(2 * lex.expected_words + 2)  # longer spans lose on length anyway
    length_cost = np.array([W_LEN * abs(math.log((n + 1) / (lex.expected_words + 1))) for n in range(max_words + 1)])
    for unit in doc_units:  # number their words first: the term's keys are looked up among them
        table.unit_spans(unit)
    term_keys = table.word_ids(lex.keys)
    named = table.words_in(doc_units, lex.pinyin) if lex.pinyin else np.zeros(0, dtype=np.int64)
    # Only a term met once here has nothing better than position to go on.
    zh_len = len(doc_units[0].zh) if len(doc_units) == 1 else 0
    zh_pos = term_positions(doc_units[0].zh, term) if zh_len >= POS_MIN_CHARS else None
    blocks = [_unit_block(term, u, unit, table, lex, n_term, covered, max_words, term_keys, named, skip, zh_pos)
              for u, unit in enumerate(doc_units)]
    ids, n_tp, n_p, keep, supported, bound, size, cut, gap, whole_cheap, unit_of, index = (
        np.concatenate(parts) if len(blocks) > 1 else parts[0] for parts in zip(*blocks))
    chosen = np.flatnonzero(keep)
    if len(blocks) > 1 or (len(index) and index[0] < 0):  # a unit's own spans are already distinct
        _, first = np.unique(ids[chosen], return_index=True)
        chosen = chosen[np.sort(first)]
    a, p = n_tp[chosen], n_p[chosen]
    # cheap_score, term for term (same float operations, so the same ranking as a loop).
    cheap = W_ASSOC * a / (n_term + p - a + SMOOTH) + W_COVER * np.where(a < n_term, a / n_term, 1.0)
    sizes = np.minimum(size[chosen], max_words)
    cheap = cheap - (length_cost[sizes] + W_CUT * cut[chosen])
    if zh_pos is not None:
        cheap = cheap - W_POS * np.maximum(0.0, gap[chosen] - POS_SLACK)
    whole = index[chosen] < 0
    cheap = np.where(whole, whole_cheap[chosen], cheap)
    order = np.argsort(-cheap, kind="stable")  # ties keep first-occurrence order
    ranked, cheap = chosen[order], cheap[order]
    good = supported[ranked]
    at = np.where(good, np.arange(len(ranked)), len(ranked))
    following = np.minimum.accumulate(at[::-1])[::-1]
    a, p, i = n_tp[ranked], n_p[ranked], index[ranked]
    consistent = np.flatnonzero((a >= COMPLETE_MIN) & (a >= COMPLETE_FIT * p) & (i >= 0))
    common = np.flatnonzero((2 * a >= n_term) & (i >= 0)) if n_term >= NARROW_MIN else np.zeros(0, dtype=np.int64)
    return Pool(cheap.tolist(), ids[ranked].tolist(), a.tolist(), p.tolist(),
                 good.tolist(), bound[ranked].tolist(), following.tolist(),
                 list(zip(unit_of[ranked].tolist(), i.tolist())), consistent.tolist(), common.tolist())


_Block = tuple[np.ndarray, ...]


def _unit_block(
    term: str, u: int, unit: Unit, table: SpanTable, lex: Lexicon, n_term: int, covered: TermCounts,
    max_words: int, term_keys: np.ndarray, named: np.ndarray, skip: Callable[[tuple[str, ...]], bool] | None,
    zh_pos: np.ndarray | None,
) -> _Block:
    """One unit's spans as arrays: id, counts, kept or not, dictionary support,
    size, cut, distance from the term (``zh_pos``: where it sits, when position
    counts), a title's own cheap score, unit and candidate index.
    ``named`` are the span words found in the term's pinyin (a transcribed name)."""
    spans = table.unit_spans(unit)
    n = len(spans.ids)
    n_tp = covered.lookup(spans.ids)
    n_p = np.maximum(spans.units, n_tp)
    hits = spans.count(_member(spans.word_ids, term_keys))
    supported = hits > 0
    keep = spans.size <= max_words
    # A piece of a fixed phrase yields to the phrase, if that is not too long to be a candidate.
    keep &= ~(spans.piece & (spans.size < max_words))
    if n_term >= 3:  # seen once next to a frequent term, no dictionary support: noise
        keep &= ~((n_tp == 1) & ~supported)
    # lexical_score: 0.6 recall (at most 1) + 0.15 precision (dictionary hits per
    # word), + 0.6 * 0.5 for a transcribed name.
    bound = 0.6 + 0.15 * hits / np.maximum(spans.size, 1) + 1e-9  # (float rounding)
    if len(named):
        name = spans.count(_member(spans.norm_ids, named)) > 0
        supported |= name
        bound = np.where(name, LEX_MAX, bound)
    if skip is not None:
        cands = spans.cands
        keep &= ~np.array([bool(k) and skip(cands[i][0]) for i, k in enumerate(keep.tolist())], dtype=bool)
    gap = np.zeros(n)
    if zh_pos is not None and n:  # from the nearest occurrence of the term to the nearest one of the span
        gap = np.minimum.reduceat(np.abs(spans.pos[:, None] - zh_pos).min(axis=1), spans.pos_start)
    block = (spans.ids, n_tp, n_p, keep, supported, bound, spans.size, spans.cut, gap,
             np.zeros(n), np.full(n, u), np.arange(n))
    if not is_title(unit, term):
        return block
    # The whole translated title renders a term that is the whole Chinese title.
    key = tuple(w for w in unit.sentence.norms if w)
    at = table.span_id(key)
    tp = covered.get(at, 1)
    np_ = max(table.unit_count(table.find_span(key)), tp)
    cost = W_LEN * abs(math.log((len(key) + 1) / (lex.expected_words + 1)))
    cheap = cheap_score(tp, np_, n_term) - cost + W_TITLE
    backed = not lex.keys.isdisjoint(map(table.word_key, key)) or bool(lex.pinyin and _named(key, lex.pinyin))
    whole = (at, tp, np_, True, backed, LEX_MAX, 0, 0.0, 0.0, cheap, u, -1)
    return tuple(np.concatenate((np.array([w]), b)) for w, b in zip(whole, block))


def _member(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Which values are in a sorted array (np.isin is slow on small arrays)."""
    if not len(sorted_set):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return sorted_set[at] == values


def _named(key: Sequence[str], pinyin: str) -> bool:
    """Whether a span word is part of the term's pinyin (names: "Xi" in "xijinping")."""
    return any(map(pinyin.__contains__, key))


def sub_pool(pool: Pool, picked: list[int]) -> Pool | None:
    """Some rows of a pool (few enough to be scored in full), or None."""
    if not picked:
        return None
    supported = [pool.supported[r] for r in picked]
    following = [next((j for j in range(r, len(picked)) if supported[j]), len(picked)) for r in range(len(picked))]
    return Pool(cheap=[pool.cheap[r] for r in picked], ids=[pool.ids[r] for r in picked],
                 n_tp=[pool.n_tp[r] for r in picked], n_p=[pool.n_p[r] for r in picked],
                 supported=supported, lex_bound=[pool.lex_bound[r] for r in picked],
                 next_supported=following, where=[pool.where[r] for r in picked])


def pool_candidate(pool: Pool, cands: Sequence[Sequence[Candidate]], r: int) -> Candidate:
    """The candidate span of a pool row (not for a whole title's row)."""
    u, i = pool.where[r]
    return cands[u][i]
