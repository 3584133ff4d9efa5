"""Which words of the aligned translation render a term.

Every candidate span of the sentences aligned with the term's occurrences is
scored on independent evidence, then the best wins:

* association: Jaccard between the units (aligned sentence pairs, all articles
  of the language) holding the term and those holding the span;
* coverage: share of the term's occurrences whose translation shows the span
  (a translator renders a term consistently);
* lexicon: CC-CEDICT glosses (English words, French cognates) or
  Sino-Vietnamese readings that the span and the term share, and for a term
  met once, a span that is exactly one of its senses;
* shape: span length against the term's size, and a whole-title match (a term
  that is the whole Chinese title is rendered by the whole translated title);
* quotation: where the Chinese quotes the term, the translated quotation in
  the same place (:mod:`trainer.extract.quotes`).

A span that renders only part of the term yields to a consistent wider one
that renders more of it.

Pure: the caller hands in the corpus statistics and the lexical keys.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from trainer.extract.quotes import quoted_renderings
from trainer.extract.spans import Sentence, analyse, clean, spans
from trainer.extract.text import vi_base, vi_toned

if TYPE_CHECKING:
    from trainer.extract.spantable import SpanTable, TermCounts

W_ASSOC, W_COVER, W_LEX, W_TITLE, W_LEN, W_RIVAL, W_CUT = 1.0, 0.5, 0.8, 1.5, 0.35, 1.0, 0.3
#: Bonus of the translated quotation standing where the Chinese quotes the term.
W_QUOTE = 1.0
#: Bonus of a span that is exactly one dictionary sense of a term met once (see :func:`sense_bonus`).
W_SENSE = 0.5
#: Adjacent words this cohesive form one compound a span should not cut.
CUT = 0.75
#: How far English glosses speak for a language: directly for English, through
#: cognates only for French, Sino-Vietnamese readings are strong for Vietnamese.
SMOOTH = 1.0
#: Lead over the best unrelated runner-up that counts as clear.
MARGIN = 0.3
#: Scored spans kept for alternatives even when they cannot win.
MAX_KEPT = 4
LEX_TRUST = {"en": 2.0, "fr": 0.8, "vi": 2.0}
#: Credit of a dictionary part matched only loosely (Vietnamese without tones).
WEAK = 0.25
#: Credit of a term part rendered by a word no dictionary explains ("targeted").
FREE = 0.35
#: Times a word must occur before it can be judged never seen apart from its neighbour.
CLOSED_MIN = 3
#: Positional prior: cost per unit of relative distance beyond the slack.
W_POS, POS_SLACK, POS_MIN_CHARS = 0.6, 0.2, 40


@dataclass(frozen=True)
class Lexicon:
    """What dictionaries say about a term, as keys comparable with span words."""

    parts: tuple[frozenset[str], ...]  # keys per part of the term (word or syllable)
    expected_words: float  # how many content words a rendering usually has
    senses: tuple[frozenset[str], ...] = ()  # keys of each sense of the whole term
    pinyin: str = ""  # toneless, run together: names are transcribed ("xijinping")
    weak: tuple[frozenset[str], ...] = ()  # per part, keys that match only loosely (no tones)
    weak_key: Callable[[str], str] | None = None  # span word key -> its loose form

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset().union(*self.parts, *self.senses)


@dataclass(frozen=True)
class Unit:
    """One aligned bead: Chinese text, its translation, and the translation's keys."""

    zh: str
    sentence: Sentence
    grams: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    words: tuple[str, ...] = ()

    @cached_property
    def letters(self) -> str:
        """The Chinese text without punctuation or spaces (is it just a title?)."""
        return "".join(c for c in self.zh if c.isalnum())

    @cached_property
    def word_pairs(self) -> tuple[tuple[str, frozenset[str]], ...]:
        """Distinct words of two characters or more, with their character pairs."""
        words = dict.fromkeys(w for w in self.words if len(w) >= 2)
        return tuple((w, _pairs(w)) for w in words)

    @cached_property
    def toneless(self) -> frozenset[str]:
        """The translation's words without a final tone digit (Vietnamese keys)."""
        return frozenset(vi_base(n) for n in self.sentence.norms if n)


@dataclass(frozen=True)
class Scored:
    text: str
    key: tuple[str, ...]
    score: float
    evidence: tuple[str, ...]
    #: Sentences of the term showing the span (0: not known).
    n_tp: int = field(default=0, compare=False)
    #: Evidence beyond co-occurrence: a dictionary word or name, the whole
    #: title, or the quotation in the term's place.
    backed: bool = field(default=False, compare=False)


def other_keys(unit: Unit, term: str, keys_of: Callable[[str], frozenset[str]]) -> frozenset[str]:
    """Keys of the sentence's other Chinese words (not inside the term, and not
    overlapping it: 水利工程 next to 农田水利): what they explain is not the
    term's.  A word holding the term still counts (基础设施 explains
    "infrastructures", not 设施)."""
    out: set[str] = set()
    # Two words sharing two characters in a row (水利工程 and 农田水利 share
    # 水利): what one explains, the other may render too.
    shared = _pairs(term)
    for w, pairs in unit.word_pairs:
        if w not in term and (term in w or shared.isdisjoint(pairs)):
            keys = keys_of(w)
            out |= keys
            # Keys with tones (Vietnamese) explain a syllable in its own tone;
            # in any tone only when the whole word is there (干部 read "can bộ",
            # written "cán bộ"): 户 "hộ" of 贫困户 does not explain "hỗ trợ".
            bare = _toneless(keys)
            if bare and bare <= unit.toneless:
                out |= bare
    return frozenset(out)


@lru_cache(maxsize=1 << 16)
def _toneless(keys: frozenset[str]) -> frozenset[str]:
    """Keys without their tone digit, or nothing when none had one (French
    and English keys): asked for every word of every sentence of every term."""
    bare = frozenset(map(vi_base, keys))
    return frozenset() if bare <= keys else bare


def _pairs(word: str) -> frozenset[str]:
    """A word's runs of two characters."""
    return frozenset(word[i:i + 2] for i in range(len(word) - 1))


def lexical_score(
    key: Sequence[str], word_keys: Sequence[str], lex: Lexicon, others: frozenset[str] = frozenset()
) -> tuple[float, str]:
    """Recall (term parts rendered), precision, and words explained by other Chinese words.

    A span word no dictionary explains may well be part of the rendering
    ("plenary" in "plenary meeting"); one that another word of the sentence
    explains (第二次 -> "second") is not, and numbers never are.
    """
    if not word_keys:
        return 0.0, ""
    allkeys = lex.keys
    hit = [k for k in word_keys if k in allkeys]
    foreign = sum(1 for w, k in zip(key, word_keys)
                  if k not in allkeys and (k in others or vi_toned(w) in others or w[:1].isdigit()))
    precision = len(hit) / len(word_keys)
    found = set(word_keys)
    matched: float = rendered_parts(lex.parts, word_keys)
    if lex.weak and lex.weak_key is not None:  # a toneless match is worth a quarter
        loose = {lex.weak_key(k) for k in word_keys if k not in allkeys}
        matched += WEAK * sum(1 for part, w in zip(lex.parts, lex.weak) if not part & found and w & loose)
    # A part no dictionary word matches may be rendered by a word nothing else
    # explains ("targeted" for 精准 in "targeted alleviation"): half credit.
    free = len(word_keys) - len(hit) - foreign
    matched += FREE * min(free, len(lex.parts) - matched)
    recall = matched / len(lex.parts) if lex.parts else 0.0
    for sense in lex.senses:  # "infrastructure" renders 基础设施 whole
        recall = max(recall, len(sense & found) / len(sense))
    named = [w for w in key if len(w) >= 2 and w.isalpha() and w in lex.pinyin]
    transcribed = sum(map(len, named)) / len(lex.pinyin) if named and lex.pinyin else 0.0
    if transcribed >= 0.8:  # a whole transcribed name: "Xi Jinping" for xijinping
        recall += 0.5
        hit = hit + [k for w, k in zip(key, word_keys) if w in named and k not in hit]
    score = 0.6 * recall + 0.15 * precision - 0.8 * foreign / len(word_keys)
    return score, ",".join(sorted(set(hit)))


def sense_bonus(key: Sequence[str], word_keys: Sequence[str], lex: Lexicon, n_term: int) -> float:
    """W_SENSE for a span whose words are exactly one dictionary sense of a term
    met once in the corpus, else 0.

    With one sentence pair, co-occurrence cannot tell the sentence's once-only
    words apart ("venus", "extérieur", "rapports" all tie for 村庄), and it
    favours them over the word the dictionary names ("village"), which other
    terms' renderings use too.  Terms met more often have their consistency to
    go on.  Not for a transcribed name: "Jinping" is one sense key of 习近平
    but only half the name (the transcription has its own evidence)."""
    if n_term != 1 or not lex.senses:
        return 0.0
    if lex.pinyin and any(len(w) >= 2 and w in lex.pinyin for w in key):
        return 0.0
    found = frozenset(word_keys)
    return W_SENSE if found in lex.senses else 0.0


def rendered_parts(parts: Sequence[frozenset[str]], word_keys: Sequence[str]) -> int:
    """How many parts of the term the span's words render, one word per part.

    A maximum matching, not a count of parts touched: the characters' senses
    overlap (社 and 团 both gloss "organization"), and one word "organes" must
    not pass for a rendering of both 社会 and 团体.  Augmenting paths over a
    handful of parts and words."""
    words_of = [[j for j, k in enumerate(word_keys) if k in part] for part in parts]
    touched = [j for w in words_of for j in w]
    if len(touched) == len(set(touched)):  # no word shared between parts: nothing to arbitrate
        return sum(1 for w in words_of if w)
    owner: dict[int, int] = {}  # word -> part it renders

    def claim(p: int, seen: set[int]) -> bool:
        for j in words_of[p]:
            if j not in seen:
                seen.add(j)
                if j not in owner or claim(owner[j], seen):
                    owner[j] = p
                    return True
        return False

    return sum(claim(p, set()) for p in range(len(parts)) if words_of[p])


def _is_title(unit: Unit, term: str) -> bool:
    return unit.letters == term


#: key, raw surface, lexical keys, cut cost, index of its first word among the content words,
#: whether an edge word is always next to the same word outside it (a piece of a fixed phrase)
Candidate = tuple[tuple[str, ...], str, tuple[str, ...], float, int, bool]
#: Largest lexical score a span can get (recall 1 + name bonus, full precision).
LEX_MAX = 0.6 * 1.5 + 0.15


def cohesion(a: str | None, b: str | None, counts: Counter[tuple[str, ...]]) -> float:
    """How often two adjacent words go together (Dice): near 1 inside a compound ("hỗ trợ")."""
    if a is None or b is None:
        return 0.0
    pair = counts.get((a, b), 0)
    if pair < 2:
        return 0.0
    return 2 * pair / (counts.get((a,), pair) + counts.get((b,), pair))


def unit_candidates(
    unit: Unit, lang: str, word_key: Callable[[str], str], counts: Counter[tuple[str, ...]] | None = None
) -> list[Candidate]:
    """Distinct candidate spans of a unit, first occurrence first, with the cost of
    cutting through a compound at either edge ("trợ" out of "hỗ trợ").  Surfaces
    are raw text: only the few spans that get fully scored are cleaned."""
    seen: dict[tuple[str, ...], tuple[str, float, int, bool]] = {}
    pair: dict[tuple[str | None, str | None], float] = {}  # cohesion, once per word pair

    def coh(a: str | None, b: str | None) -> float:
        found = pair.get((a, b))
        if found is None:
            found = pair[(a, b)] = cohesion(a, b, counts) if counts is not None else 0.0
        return found

    for key, surface, left, right, start in spans(unit.sentence, lang):
        if key not in seen:
            cut = 0.0
            if counts is not None:
                # An edge cuts a compound when the outside pair is cohesive and
                # at least as tight as the pair just inside ("cử cán bộ xuống" recurs as a
                # phrase, yet "cán bộ" is the compound in it).
                long = len(key) > 1
                outer = coh(left, key[0])
                if outer >= CUT and outer >= (coh(key[0], key[1]) if long else 0.0):
                    cut += outer
                outer = coh(key[-1], right)
                if outer >= CUT and outer >= (coh(key[-2], key[-1]) if long else 0.0):
                    cut += outer
            piece = counts is not None and (_always_next(key[-1], right, counts, False)
                                            or _always_next(key[0], left, counts, True))
            seen[key] = (surface, cut, start, piece)
    keys = [word_key(w) for w in unit.sentence.norms if w is not None]  # per content word
    return [(key, surface, tuple(keys[start:start + len(key)]), cut, start, piece)
            for key, (surface, cut, start, piece) in seen.items()]


def _always_next(edge: str, outside: str | None, counts: Counter[tuple[str, ...]], before: bool) -> bool:
    """Whether every occurrence of the edge word in the corpus (CLOSED_MIN at
    least) has the outside word right next to it on that side: "đói" always
    followed by "giảm" makes "xoá đói" a piece of "xoá đói giảm nghèo", no
    rendering of its own (C-value says the same of nested terms on the
    Chinese side)."""
    if outside is None:
        return False
    alone = counts.get((edge,), 0)
    return alone >= CLOSED_MIN and counts.get((outside, edge) if before else (edge, outside), 0) == alone


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


def _cheap(n_tp: int, n_p: int, n_term: int) -> float:
    """Association and coverage: a smoothed Jaccard (a span seen once next to a
    term seen once proves little) plus the share of occurrences showing the span."""
    n_p = max(n_p, n_tp)
    return W_ASSOC * n_tp / (n_term + n_p - n_tp + SMOOTH) + W_COVER * min(1.0, n_tp / n_term)


def score_candidates(
    term: str,
    doc_units: Sequence[Unit],
    n_term: int,
    covered: TermCounts,
    table: SpanTable,
    lex: Lexicon,
    lang: str,
    rivals: Sequence[tuple[int, dict[int, int]]] = (),
    keys_of: Callable[[str], frozenset[str]] = lambda _w: frozenset(),
    skip: Callable[[tuple[str, ...]], bool] | None = None,
    refine: bool = True,
) -> list[Scored]:
    """The candidates for ``term`` in one document that can win, best first.

    ``n_term`` and ``covered`` count the term's units in the whole corpus and
    the spans in them; ``table`` numbers spans and holds each unit's span arrays
    and the corpus-wide span counts; ``rivals`` are the other terms of the same
    sentences, as (occurrence count, span counts over their units): a span that
    goes better with a rival (the "villages" of 贫困村 next to 驻村工作队) is
    explained away.  Cheap statistics rank all spans at once (array
    operations); dictionary work is done only for spans that could still
    overtake the best one.  ``refine``: then let a wider span that renders
    more of the term, or a consistent span inside a rendering seen once, take
    the lead (:func:`_completions`, :func:`_narrowings`), and add the evidence
    of quotation marks (:func:`_quoted`).
    """
    if not doc_units:
        return []
    pool = _cheap_pool(term, doc_units, n_term, covered, table, lex, skip)
    others: dict[int, frozenset[str]] = {}  # per unit: keys explained by its other Chinese words

    def full(some: _Pool) -> list[Scored]:
        return _full_scores(term, doc_units, n_term, some, table, lex, lang, rivals, keys_of, others)

    scored = best_first(full(pool))
    if not scored or not refine:
        return scored
    cands = [table.unit_spans(u).cands for u in doc_units]
    wider = _completions(scored[0], pool, cands, table, lex)
    if wider is not None:
        # The partial rendering's evidence (co-occurrence) holds for the wider one too.
        scored = _promoted(scored, best_first(full(wider))[0], "renders more of the term than")
    narrower = _narrowings(scored[0], pool, cands, n_term)
    if narrower is not None:
        inner = best_first(full(narrower))
        backed = [s for s in inner if rendered_parts(lex.parts, [table.word_key(w) for w in s.key])]
        if backed:
            scored = _promoted(scored, backed[0], "seen more often than")
    marked = _quoted(term, doc_units, pool, cands, lang)
    if marked is not None:
        note = ("quoted where the Chinese quotes the term",)
        found = [replace(s, score=s.score + W_QUOTE, evidence=s.evidence + note, backed=True) for s in full(marked)]
        keys = {s.key for s in found}
        scored = best_first(found + [s for s in scored if s.key not in keys])
    return scored


@dataclass(frozen=True)
class _Pool:
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


def _cheap_pool(
    term: str, doc_units: Sequence[Unit], n_term: int, covered: TermCounts, table: SpanTable, lex: Lexicon,
    skip: Callable[[tuple[str, ...]], bool] | None,
) -> _Pool:
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
    # _cheap, term for term (same float operations, so the same ranking as a loop).
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
    return _Pool(cheap.tolist(), ids[ranked].tolist(), a.tolist(), p.tolist(),
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
    if not _is_title(unit, term):
        return block
    # The whole translated title renders a term that is the whole Chinese title.
    key = tuple(w for w in unit.sentence.norms if w)
    at = table.span_id(key)
    tp = covered.get(at, 1)
    np_ = max(table.unit_count(table.find_span(key)), tp)
    cost = W_LEN * abs(math.log((len(key) + 1) / (lex.expected_words + 1)))
    cheap = _cheap(tp, np_, n_term) - cost + W_TITLE
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


#: A wider span replaces a partial rendering when the term is there in at
#: least this share of the sentences showing it (and two of them at least).
COMPLETE_FIT, COMPLETE_MIN = 0.8, 2


def _completions(
    best: Scored, pool: _Pool, cands: Sequence[Sequence[Candidate]], table: SpanTable, lex: Lexicon,
) -> _Pool | None:
    """Spans of the pool that hold the best one's words and may render more of
    the term: a pool to score fully, or None when the best renders every part.

    Co-occurrence favours the word a term shares with its neighbours: 扶贫's
    sentences show "démunis" (贫, and 贫困村's "villages démunis") far more
    often than "assistance aux démunis", which renders both parts.  Only spans
    seen in two of the term's sentences or more, and nearly never without the
    term, are considered (a consistent rendering, not a chance neighbour)."""
    if not lex.parts or not pool.consistent:
        return None
    have = rendered_parts(lex.parts, [table.word_key(w) for w in best.key])
    if have == len(lex.parts):
        return None
    words = set(best.key)
    # The few best-ranked wider spans, of which those that render more parts
    # (the others could not take the lead: see _completed).
    wider = [r for r in pool.consistent if words < set(_candidate(pool, cands, r)[0])][:MAX_KEPT]
    return _sub_pool(pool, [r for r in wider if rendered_parts(lex.parts, _candidate(pool, cands, r)[2]) > have])


#: A rendering seen once yields to a span inside it seen in half the term's
#: sentences, for a term met this often at least.
NARROW_MIN = 3


def _narrowings(best: Scored, pool: _Pool, cands: Sequence[Sequence[Candidate]], n_term: int) -> _Pool | None:
    """Spans inside the best one that the term's sentences show consistently,
    when the best is seen only once: "work teams" (every sentence of 驻村工作队)
    inside "work teams and the village" (one sentence, where "village" belongs
    to "village management committees").  The converse of
    :func:`_completions`: one sentence does not outweigh the others."""
    if n_term < NARROW_MIN or best.n_tp != 1 or not pool.common:
        return None
    if not any(cands[u][i][0] == best.key for u, i in pool.where if i >= 0):
        return None  # the whole title, not a span: its own evidence
    words = set(best.key)
    picked = [r for r in pool.common if set(_candidate(pool, cands, r)[0]) < words]
    return _sub_pool(pool, picked[:MAX_KEPT])


def _quoted(
    term: str, doc_units: Sequence[Unit], pool: _Pool, cands: Sequence[Sequence[Candidate]], lang: str,
) -> _Pool | None:
    """The spans that are the translated quotation standing where the Chinese
    quotes the term (see :mod:`trainer.extract.quotes`), to score fully and put
    first; None when the term is never quoted that way."""
    keys = {tuple(n for n in analyse(text, lang).norms if n)
            for unit in doc_units for text in quoted_renderings(unit.zh, unit.sentence.text, term)}
    if not keys:
        return None
    picked = [r for r, (u, i) in enumerate(pool.where) if i >= 0 and cands[u][i][0] in keys]
    return _sub_pool(pool, picked[:MAX_KEPT])


def _sub_pool(pool: _Pool, picked: list[int]) -> _Pool | None:
    """Some rows of a pool (few enough to be scored in full), or None."""
    if not picked:
        return None
    supported = [pool.supported[r] for r in picked]
    following = [next((j for j in range(r, len(picked)) if supported[j]), len(picked)) for r in range(len(picked))]
    return _Pool(cheap=[pool.cheap[r] for r in picked], ids=[pool.ids[r] for r in picked],
                 n_tp=[pool.n_tp[r] for r in picked], n_p=[pool.n_p[r] for r in picked],
                 supported=supported, lex_bound=[pool.lex_bound[r] for r in picked],
                 next_supported=following, where=[pool.where[r] for r in picked])


def _candidate(pool: _Pool, cands: Sequence[Sequence[Candidate]], r: int) -> Candidate:
    """The candidate span of a pool row (not for a whole title's row)."""
    u, i = pool.where[r]
    return cands[u][i]


def _promoted(scored: list[Scored], top: Scored, why: str) -> list[Scored]:
    """``top`` first, in the place and with at least the score of the best
    it replaces (named in its evidence), then the others."""
    top = replace(top, score=max(top.score, scored[0].score), evidence=top.evidence + (f"{why}: {scored[0].text}",))
    return [top] + [s for s in scored if s.key != top.key]


def _full_scores(
    term: str, doc_units: Sequence[Unit], n_term: int, pool: _Pool, table: SpanTable, lex: Lexicon, lang: str,
    rivals: Sequence[tuple[int, dict[int, int]]], keys_of: Callable[[str], frozenset[str]],
    others_cache: dict[int, frozenset[str]] | None = None,
) -> list[Scored]:
    """Dictionary and rival evidence for the spans that can still win, best cheap score first."""
    w_lex = W_LEX * LEX_TRUST.get(lang, 1.0)
    # Only supported spans (a dictionary key of the term) can get the sense bonus.
    most_bonus = W_SENSE if n_term == 1 and lex.senses else 0.0
    scored: list[Scored] = []
    best = -math.inf
    if others_cache is None:
        others_cache = {}
    allkeys = lex.keys
    cands = [table.unit_spans(unit).cands for unit in doc_units]
    r, size = 0, len(pool.cheap)
    while r < size:
        cheap, span_id, n_tp, n_p, (u, i) = pool.cheap[r], pool.ids[r], pool.n_tp[r], pool.n_p[r], pool.where[r]
        full = len(scored) <= MAX_KEPT  # still collecting alternatives: score everything
        if not full and cheap + w_lex * LEX_MAX + most_bonus < best:
            break
        # Without a dictionary hit the lexical score is at most 0; the spans after
        # this one rank lower still, so skip to the next one with a hit.
        if not full and cheap < best and not pool.supported[r]:
            r = pool.next_supported[r]
            continue
        r += 1
        if not full and cheap + w_lex * pool.lex_bound[r - 1] + most_bonus * pool.supported[r - 1] < best:
            continue  # cannot catch up even with its best possible lexical score
        whole = i < 0
        unit = doc_units[u]
        if whole:
            key = tuple(w for w in unit.sentence.norms if w)
            surface, wkeys = clean(unit.sentence.text), tuple(map(table.word_key, key))
        else:
            key, surface, wkeys, _cut, _start, _piece = cands[u][i]
        # Words explained by another Chinese word in any sentence showing the span.
        others: frozenset[str] = frozenset()
        for v, other in enumerate(doc_units):
            if v == u or key in other.grams:
                if v not in others_cache:
                    others_cache[v] = other_keys(other, term, keys_of) - allkeys
                others |= others_cache[v]
        lexs, hits = lexical_score(key, wkeys, lex, others)
        bonus = sense_bonus(key, wkeys, lex, n_term)
        if not full and cheap + w_lex * lexs + bonus < best:
            continue
        assoc = n_tp / (n_term + n_p - n_tp + SMOOTH)
        rival = 0.0
        for n_r, rival_counts in rivals:
            c = rival_counts.get(span_id)
            if c:
                c = c / (n_r + n_p - c + SMOOTH)
                if c > rival:
                    rival = c
        # A span the dictionary ties to the whole term is explained away far less.
        score = cheap + w_lex * lexs + bonus - W_RIVAL * max(0.0, rival - assoc) * (0.3 if lexs >= 0.6 else 1.0)
        best = max(best, score)
        evidence = [f"co-occurs in {n_tp}/{n_term} aligned sentences ({n_p} with the span)"]
        if hits:
            evidence.append(f"dictionary: {hits}")
        if whole:
            evidence.append("whole title")
        scored.append(Scored(surface if whole else clean(surface), key, score, tuple(evidence), n_tp,
                             bool(hits) or whole))
    return scored


def best_first(scored: Sequence[Scored]) -> list[Scored]:
    """By score; on equal evidence the span with fewer function words inside
    ("targeted alleviation" over "dispatched to help": a noun phrase, not a
    verb phrase), then the cheaper-first order (the sort is stable)."""
    return sorted(scored, key=lambda s: (-round(s.score, 6), len(s.text.split()) - len(s.key)))


def clashes(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two renderings that cannot both be right for two terms of one sentence:
    the same span, or spans sharing words without one containing the other
    ("réunion plénière" / "plénière en mars").  Containment is allowed: a
    longer term's rendering holds a shorter one's ("villages démunis")."""
    sa, sb = set(a), set(b)
    if not sa & sb:
        return False
    return sa == sb or not (sa < sb or sb < sa)


def confidence(scored: Sequence[Scored]) -> float:
    """How sure the best rendering is, 0..1: its score squashed, discounted when
    an unrelated runner-up scores nearly as well (a coin toss is not confidence)."""
    best = scored[0]
    sure = 1 / (1 + math.exp(-3 * (best.score - 0.8)))
    rival = next((s for s in scored[1:] if not (set(s.key) & set(best.key))), None)
    if rival is not None:
        sure *= 0.5 + 0.5 * min(1.0, (best.score - rival.score) / MARGIN)
    return round(sure, 3)
