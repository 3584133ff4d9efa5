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
from dataclasses import replace
from typing import TYPE_CHECKING, Callable, Sequence

from trainer.extract.lexical import LEX_MAX, LEX_TRUST, W_SENSE, Lexicon, lexical_score, other_keys, rendered_parts, sense_bonus
from trainer.extract.pools import NARROW_MIN, SMOOTH, W_LEX, W_RIVAL, Pool, cheap_pool, pool_candidate, sub_pool
from trainer.extract.quotes import quoted_renderings
from trainer.extract.spans import analyse, clean
from trainer.extract.units import Candidate, Scored, Unit

if TYPE_CHECKING:
    from trainer.extract.spantable import SpanTable, TermCounts


#: Bonus of the translated quotation standing where the Chinese quotes the term.
W_QUOTE = 1.0


#: Lead over the best unrelated runner-up that counts as clear.
MARGIN = 0.3


#: Scored spans kept for alternatives even when they cannot win.
MAX_KEPT = 4


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
    pool = cheap_pool(term, doc_units, n_term, covered, table, lex, skip)
    others: dict[int, frozenset[str]] = {}  # per unit: keys explained by its other Chinese words

    def full(some: Pool) -> list[Scored]:
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


def _completions(
    best: Scored, pool: Pool, cands: Sequence[Sequence[Candidate]], table: SpanTable, lex: Lexicon,
) -> Pool | None:
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
    wider = [r for r in pool.consistent if words < set(pool_candidate(pool, cands, r)[0])][:MAX_KEPT]
    return sub_pool(pool, [r for r in wider if rendered_parts(lex.parts, pool_candidate(pool, cands, r)[2]) > have])


def _narrowings(best: Scored, pool: Pool, cands: Sequence[Sequence[Candidate]], n_term: int) -> Pool | None:
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
    picked = [r for r in pool.common if set(pool_candidate(pool, cands, r)[0]) < words]
    return sub_pool(pool, picked[:MAX_KEPT])


def _quoted(
    term: str, doc_units: Sequence[Unit], pool: Pool, cands: Sequence[Sequence[Candidate]], lang: str,
) -> Pool | None:
    """The spans that are the translated quotation standing where the Chinese
    quotes the term (see :mod:`trainer.extract.quotes`), to score fully and put
    first; None when the term is never quoted that way."""
    keys = {tuple(n for n in analyse(text, lang).norms if n)
            for unit in doc_units for text in quoted_renderings(unit.zh, unit.sentence.text, term)}
    if not keys:
        return None
    picked = [r for r, (u, i) in enumerate(pool.where) if i >= 0 and cands[u][i][0] in keys]
    return sub_pool(pool, picked[:MAX_KEPT])


def _promoted(scored: list[Scored], top: Scored, why: str) -> list[Scored]:
    """``top`` first, in the place and with at least the score of the best
    it replaces (named in its evidence), then the others."""
    top = replace(top, score=max(top.score, scored[0].score), evidence=top.evidence + (f"{why}: {scored[0].text}",))
    return [top] + [s for s in scored if s.key != top.key]


def _full_scores(
    term: str, doc_units: Sequence[Unit], n_term: int, pool: Pool, table: SpanTable, lex: Lexicon, lang: str,
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
