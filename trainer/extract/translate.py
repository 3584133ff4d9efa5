"""Which words of the aligned translation render a term.

Every candidate span of the sentences aligned with the term's occurrences is
scored on independent evidence, then the best wins:

* association: Jaccard between the units (aligned sentence pairs, all articles
  of the language) holding the term and those holding the span;
* coverage: share of the term's occurrences whose translation shows the span
  (a translator renders a term consistently);
* lexicon: CC-CEDICT glosses (English words, French cognates) or
  Sino-Vietnamese readings that the span and the term share;
* shape: span length against the term's size, and a whole-title match (a term
  that is the whole Chinese title is rendered by the whole translated title).

Pure: the caller hands in the corpus statistics and the lexical keys.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Sequence

from trainer.extract.spans import Sentence, clean, spans

W_ASSOC, W_COVER, W_LEX, W_TITLE, W_LEN, W_RIVAL, W_CUT = 1.0, 0.5, 0.8, 1.5, 0.35, 1.0, 0.3
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

    @property
    def keys(self) -> frozenset[str]:
        return frozenset().union(*self.parts, *self.senses)


@dataclass(frozen=True)
class Unit:
    """One aligned bead: Chinese text, its translation, and the translation's keys."""

    zh: str
    sentence: Sentence
    grams: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scored:
    text: str
    key: tuple[str, ...]
    score: float
    evidence: tuple[str, ...]


def span_counts(units: Sequence[Unit]) -> Counter[tuple[str, ...]]:
    """In how many of these units each candidate key occurs."""
    counts: Counter[tuple[str, ...]] = Counter()
    for u in units:
        counts.update(u.grams)
    return counts


def other_keys(unit: Unit, term: str, keys_of: Callable[[str], frozenset[str]]) -> frozenset[str]:
    """Keys of the sentence's other Chinese words (not inside the term, and not
    overlapping it: 水利工程 next to 农田水利): what they explain is not the
    term's.  A word holding the term still counts (基础设施 explains
    "infrastructures", not 设施)."""
    out: set[str] = set()
    for w in unit.words:
        if len(w) >= 2 and w not in term and (term in w or not _shares_word(w, term)):
            out |= keys_of(w)
    return frozenset(out)


def _shares_word(w: str, term: str) -> bool:
    """Whether two Chinese words share two characters in a row (水利工程 and
    农田水利 share 水利: what one explains, the other may render too)."""
    return any(w[i:i + 2] in term for i in range(len(w) - 1))


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
    foreign = sum(1 for w, k in zip(key, word_keys) if k not in allkeys and (k in others or w[:1].isdigit()))
    precision = len(hit) / len(word_keys)
    found = set(word_keys)
    matched: float = sum(1 for part in lex.parts if part & found)
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


def _is_title(zh: str, term: str) -> bool:
    return "".join(c for c in zh if c.isalnum()) == term


Candidate = tuple[tuple[str, ...], str, tuple[str, ...], float]  # key, raw surface, lexical keys, cut cost
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
    seen: dict[tuple[str, ...], tuple[str, float]] = {}
    pair: dict[tuple[str | None, str | None], float] = {}  # cohesion, once per word pair

    def coh(a: str | None, b: str | None) -> float:
        found = pair.get((a, b))
        if found is None:
            found = pair[(a, b)] = cohesion(a, b, counts) if counts is not None else 0.0
        return found

    for key, surface, left, right in spans(unit.sentence, lang):
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
            seen[key] = (surface, cut)
    return [(key, surface, tuple(word_key(w) for w in key), cut) for key, (surface, cut) in seen.items()]


def term_position(zh: str, term: str) -> float:
    """Where the term sits in the Chinese text, 0..1 (its middle)."""
    at = zh.find(term)
    return (at + len(term) / 2) / max(1, len(zh)) if at >= 0 else 0.5


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
        title = _is_title(unit.zh, term)
        # Only a term met once here has nothing better than position to go on.
        zh_pos, zh_len = term_position(unit.zh, term), (len(unit.zh) if len(doc_units) == 1 else 0)
        cands = candidates_of(unit) if candidates_of else unit_candidates(unit, lang, word_key)
        if title:
            whole_key = tuple(n for n in unit.sentence.norms if n)
            whole_cost = W_LEN * abs(math.log((len(whole_key) + 1) / (lex.expected_words + 1)))
            pool.setdefault(whole_key, (_cheap(covered_get(whole_key, 1), counts_get(whole_key, 1), n_term)
                                        - whole_cost + W_TITLE, clean(unit.sentence.text), True, u,
                                        tuple(map(word_key, whole_key))))
        positional = zh_len >= POS_MIN_CHARS
        # The hot loop (every span of every sentence of the term): _cheap and
        # distortion inlined, same arithmetic.
        text, text_size = unit.sentence.text, max(1, len(unit.sentence.text))
        for key, surface, wkeys, cut in cands:
            size = len(key)
            if size > max_words or key in pool or (skip is not None and skip(key)):
                continue
            n_tp = covered_get(key, 0)
            if n_tp == 1 and frequent and allkeys.isdisjoint(wkeys):
                continue  # seen once next to a frequent term, no dictionary support: noise
            n_p = counts_get(key, 1)
            if n_p < n_tp:
                n_p = n_tp
            cheap = W_ASSOC * n_tp / (n_term + n_p - n_tp + SMOOTH) + W_COVER * (n_tp / n_term if n_tp < n_term else 1.0)
            cheap -= length_cost[size] + W_CUT * cut
            if positional:  # where the span sits (its first occurrence), 0..1
                cheap -= distortion(zh_pos, (text.find(surface) + len(surface) / 2) / text_size, zh_len)
            pool[key] = (cheap, surface, False, u, wkeys)
    ranked = sorted(pool.items(), key=lambda item: -item[1][0])
    scored: list[Scored] = []
    best = -math.inf
    others_cache: dict[int, frozenset[str]] = {}
    pinyin = lex.pinyin
    for key, (cheap, surface, whole, u, wkeys) in ranked:
        full = len(scored) <= MAX_KEPT  # still collecting alternatives: score everything
        if not full and cheap + w_lex * LEX_MAX < best:
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
        if not full and cheap + w_lex * lexs < best:
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
        score = cheap + w_lex * lexs - W_RIVAL * max(0.0, rival - assoc) * (0.3 if lexs >= 0.6 else 1.0)
        best = max(best, score)
        evidence = [f"co-occurs in {n_tp}/{n_term} aligned sentences ({n_p} with the span)"]
        if hits:
            evidence.append(f"dictionary: {hits}")
        if whole:
            evidence.append("whole title")
        scored.append(Scored(surface if whole else clean(surface), key, score, tuple(evidence)))
    return best_first(scored)


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
