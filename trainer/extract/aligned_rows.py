"""The word aligner's stage: phrase choice for every row, and rows for the terms the ranked extractor missed.

The rule-based stages (terms.py, translate.py) propose terms that recur well
and a translation for each; names and compounds met once are what they miss.
Here every term, theirs and every candidate of :mod:`trainer.extract.chunks`,
gets its translation from :mod:`trainer.extract.choice`: the candidates are the
word aligner's phrases in the article (:mod:`trainer.extract.realign`) and the
ranked row's own, and the most probable one wins, its probability (fitted on
the dev sets by bench/fit_rank.py) the row's confidence.
"""

from __future__ import annotations

import math
from functools import lru_cache
from dataclasses import replace
from typing import Sequence

from trainer.extract import choice, chunks, dictionary, realign, segment
from trainer.extract.pinyin import term_pinyin
from trainer.extract.spans import analyse
from trainer.extract.terms import specificity
from trainer.extract.translate import clashes

MAX_EXAMPLES = 3
MAX_ALTERNATIVES = 3
#: Confidence of a ranked row with no candidate at all in the article (a
#: dictionary gloss the translation never shows): unsure.
UNSEEN = 0.2
#: Confidence from which a ranked row keeps its translated words from other terms.
CLAIM = 0.5


def candidates(zh_sentences: Sequence[str], pairs: Sequence[realign.AlignedPair]) -> tuple[set[str], set[str]]:
    """(all candidates, those that are names) of one article."""
    found: set[str] = set()
    names: set[str] = set()
    for sentence in zh_sentences:
        tagged = segment.tagged(sentence)
        names |= chunks.dotted_names(tagged)
        found |= chunks.pos_chunks(tagged) | chunks.word_pairs(tagged) | chunks.single_words(tagged)
        found |= chunks.dictionary_compounds(sentence, dictionary.in_dictionary, segment.lexicon_noun)
        names |= {w for w, t in tagged if t[:2] in ("nr", "ns", "nt") and len(w) >= 2}
    for pair in pairs:
        names |= chunks.transliterations(pair)
    # A name jieba cut into pieces (埃/尔多/安) recurs whole: its maximal repeat is the name.
    grown = {chunks.maximal(t, zh_sentences) for t in names}
    every, named = found | names | grown, names | grown
    # Pieces of a name (尔多 of 埃尔多安) are no terms; a dictionary word inside a name may be.
    pieces = chunks.pieces_of(every, named, zh_sentences, keep=dictionary.in_dictionary)
    return every - pieces, named - pieces


def _unclaimed(
    r: realign.Renderings, term: str, claimed: list[tuple[set[str], str]], lang: str,
) -> realign.Renderings:
    """The renderings without those another term already has (one Chinese term
    per translated phrase: a candidate that shares no character with a ranked
    term does not take that term's words, or part of them)."""
    chars = set(term)

    def taken(text: str) -> bool:
        t, words = text.casefold(), _norms(text, lang)
        return any(
            not (chars & other) and (t in given or given in t or clashes(words, _norms(given, lang)))
            for other, given in claimed if given
        )

    return replace(r, votes=tuple(v for v in r.votes if not taken(v[0])))


@lru_cache(maxsize=65536)
def _norms(text: str, lang: str) -> tuple[str, ...]:
    return tuple(w for w in analyse(text, lang).norms if w is not None)


def _evidence(r: realign.Renderings) -> str:
    return f"word aligner: {r.share:.0%} of {r.occurrences} sentence(s) x {r.runs} run(s)"


def _chosen(row: object, cands: Sequence[choice.Candidate]) -> object:
    """The ranked row with the phrase choice's pick: its own translation when
    that is the most probable candidate, the aligner's phrase otherwise; either
    way the confidence is the pick's probability and the runners-up are the
    alternatives (the row's own reading first when it lost)."""
    ranked = choice.ranked(cands)
    if not ranked:
        return replace(row, confidence=round(min(row.confidence, UNSEEN), 3))  # type: ignore[type-var,attr-defined]
    p, top = ranked[0]
    probability = {}
    for q, c in ranked:
        probability.setdefault(c.text, q)
    alts = tuple(c.text for _p, c in ranked[1:1 + MAX_ALTERNATIVES])
    if top.text == row.translation:  # type: ignore[attr-defined]
        return replace(row, confidence=round(p, 3), alternatives=alts,  # type: ignore[type-var]
                       alternative_confidences=tuple(round(probability[a], 3) for a in alts))
    # The ranked extractor's reading stays first among the alternatives: the other method's view.
    alts = (row.translation,) + tuple(a for a in alts if a != row.translation)[:MAX_ALTERNATIVES - 1]  # type: ignore[attr-defined]
    return replace(row, translation=top.text, alternatives=alts, confidence=round(p, 3),  # type: ignore[type-var]
                   alternative_confidences=tuple(round(probability.get(a, 0.0), 3) for a in alts),
                   method="word-aligned", evidence=(f"phrase choice: {p:.0%}",) + tuple(row.evidence))  # type: ignore[attr-defined]


def aligned_stage(docs: Sequence[object], rows: Sequence[object], row_type: type, budget: int) -> list[object]:
    """The ranked rows (revised where the aligner is more confident) and, after
    them, at most ``budget`` new rows per document, best first."""
    aligned = realign.align_documents(docs)
    by_source: dict[str, list[object]] = {}
    for row in rows:
        by_source.setdefault(row.source, []).append(row)  # type: ignore[attr-defined]
    out: list[object] = []
    for doc in docs:
        name, lang = doc.article.name, doc.article.lang  # type: ignore[attr-defined]
        pairs = aligned.get(name, [])
        found, names = candidates(doc.article.zh, pairs)  # type: ignore[attr-defined]
        ranked = by_source.get(name, [])
        pieces = chunks.pieces_of({r.term for r in ranked}, names, doc.article.zh,  # type: ignore[attr-defined]
                                  keep=dictionary.in_dictionary)
        ranked = [r for r in ranked if r.term not in pieces]  # type: ignore[attr-defined]
        seen = {r.term: realign.renderings(r.term, pairs, lang) for r in ranked}  # type: ignore[attr-defined]
        # A ranked row keeps clear of the words of every confident ranked row.  A new
        # row is left to the phrase choice: claims by the rows chosen here cost the
        # dev sets recall and accuracy (bench/RESULTS_extract.md, session 31).
        sure = [(set(r.term), r.translation.casefold()) for r in ranked if r.confidence >= CLAIM]  # type: ignore[attr-defined]
        own = [_chosen(r, choice.candidates(
            r.term, pairs, lang, r, _unclaimed(seen[r.term], r.term, sure, lang), r.term in names))  # type: ignore[attr-defined]
               for r in ranked]
        out.extend(own)
        have = {r.term for r in own}  # type: ignore[attr-defined]
        last = max((r.rank for r in own), default=0)  # type: ignore[attr-defined]
        scored = []
        for term in sorted(found - have):
            r = realign.renderings(term, pairs, lang)
            picks = choice.ranked(choice.candidates(term, pairs, lang, None, r, term in names))
            if not picks:
                continue
            conf = picks[0][0]
            weight = specificity(segment.cut_term(term.replace("·", "")) or (term,), segment.idf)
            scored.append((-(conf * weight * math.log2(1 + r.occurrences)), term, r, picks))
        scored.sort()
        for k, (_s, term, r, picks) in enumerate(scored[:budget]):
            conf, top = picks[0]
            marks, numbers = term_pinyin(tuple(segment.cut(term)))
            examples = tuple((p.zh.text, p.tr.text) for p in pairs if p.zh.find(term))[:MAX_EXAMPLES]
            alts = tuple(c.text for _p, c in picks[1:1 + MAX_ALTERNATIVES])
            out.append(row_type(term, marks, numbers, lang, top.text, alts, round(conf, 3), "word-aligned",
                                (_evidence(r),), name, last + 1 + k, examples,
                                tuple(round(q, 3) for q, _c in picks[1:1 + MAX_ALTERNATIVES])))
    return out
