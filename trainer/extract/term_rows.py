"""One term's row in one document: scored spans -> translation, alternatives,
confidence, pinyin and examples; and the passes that adjust a row once its
neighbours are known (one rendering per term of a sentence, the confidence a
learner is told, the dictionary gloss in place of an unsupported span)."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Sequence

from trainer.extract import segment
from trainer.extract.corpus import LangCorpus
from trainer.extract.documents import Document, Row
from trainer.extract.examples import examples_for
from trainer.extract.lexicon import Learned, fallback_gloss, lexicon_for, other_word_keys, word_key_fn
from trainer.extract.pinyin import term_pinyin
from trainer.extract.terms import TermCandidate
from trainer.extract.translate import clashes, confidence, score_candidates
from trainer.extract.units import Scored

MAX_ALTERNATIVES = 3


#: Evidence note of a rendering that shares words with a sibling file's.
AGREES = "agrees with the"


#: Reported confidence factor of a rendering seen in one sentence pair on co-occurrence alone.
LONE_SPAN = 0.5


#: An alternative scores at least this share of the best rendering's score.
ALTERNATIVE_SHARE = 0.5


#: The language of CC-CEDICT's glosses: its rows may fall back on them.
GLOSS_LANG = "en"


def one_to_one(
    keys: list[tuple[int, int]], doc: Document, terms: Sequence[TermCandidate], corpus: LangCorpus, learned: Learned,
    found: dict[tuple[int, int], Row], best: dict[tuple[int, int], Scored],
) -> None:
    """Give two terms of one sentence pair two different renderings.

    Terms met once in a long sentence next to other once-only terms tie on
    co-occurrence and often land on the same span (认真总结, 全体会议 and 领导小组
    all on "réunion plénière").  Greedily, most confident first, each term keeps
    its rendering unless it is met once and clashes with one already given to another term of
    the same sentences (sharing no character with it); then it is rescored without the
    clashing spans.
    """
    name = doc.article.name
    order = sorted(keys, key=lambda k: (-found[k].confidence, -best[k].score, k[1]))
    given: list[tuple[str, set[int], tuple[str, ...]]] = []
    for k in order:
        cand = terms[k[1]]
        units = set(corpus.by_term_doc.get((cand.term, name), ()))
        # Terms sharing a character may share words ("villages démunis" and
        # "familles démunies" both render 贫困).
        claimed = [key for term, us, key in given if us & units and not set(term) & set(cand.term)]
        # A term seen in several sentences has coverage to go on; one seen once
        # has only what sets it apart from its neighbours.
        if len(units) == 1 and any(clashes(best[k].key, key) for key in claimed):
            words = frozenset().union(*claimed)
            row, _keys, top = term_row(doc, k[1], cand, corpus, learned,
                                        lambda key: not words.isdisjoint(key) and any(clashes(key, c) for c in claimed))
            if row is not None and top is not None:
                found[k], best[k] = row, top
        given.append((cand.term, units, best[k].key))


def term_row(
    doc: Document, rank: int, cand: TermCandidate, corpus: LangCorpus, learned: Learned,
    skip: Callable[[tuple[str, ...]], bool] | None = None, sense: frozenset[str] = frozenset(),
) -> tuple[Row | None, frozenset[str], Scored | None]:
    """The row of one term in one document, the keys of its rendering and its best span.

    ``sense``: keys of one more way to render the term (another language's rendering)."""
    lang, name = doc.article.lang, doc.article.name
    key_fn = word_key_fn(lang)
    doc_units = corpus.units_of(cand.term, name)
    lex = lexicon_for(cand.term, cand.words, lang, learned, corpus.chars)
    if sense:
        lex = replace(lex, senses=lex.senses + (sense,))
    scored = score_candidates(cand.term, doc_units, corpus.count(cand.term), corpus.span_counts(cand.term),
                              corpus.table, lex, lang, corpus.rivals(cand.term, name),
                              lambda w: other_word_keys(w, lang), skip)
    marks, numbers = term_pinyin(tuple(segment.cut(cand.term)))
    examples = examples_for(cand.term, doc_units)
    if scored:
        best = scored[0]
        alts = _alternatives(best, scored[1:], lambda w: corpus.table.word_key(w) in lex.keys)
        row = Row(cand.term, marks, numbers, lang, best.text, alts, confidence(scored), "aligned",
                  best.evidence, name, rank, examples)
        return row, frozenset(key_fn(w) for w in best.key), best
    gloss = fallback_gloss(cand.term)
    if not gloss:
        return None, frozenset(), None
    row = Row(cand.term, marks, numbers, lang, gloss, (), 0.2, "dictionary",
              ("CC-CEDICT (English) gloss: no aligned rendering found",), name, rank, examples)
    return row, frozenset(), None


def reported(row: Row, best: Scored | None) -> Row:
    """The confidence a learner is told, halved when one sentence pair is all
    there is: a span met once, with no dictionary word, name, title or
    quotation behind it, is as often a neighbour's words as the term's
    ("deuxième tranche" for 领导小组).  Only at the end: the passes that order
    terms by confidence were tuned on the undiscounted figure."""
    if row.method != "aligned" or best is None or best.backed or best.n_tp != 1:
        return row
    if any(e.startswith(AGREES) for e in row.evidence):  # a second translator's word for it
        return row
    return replace(row, confidence=round(row.confidence * LONE_SPAN, 3),
                   evidence=row.evidence + ("seen in one sentence pair only, with no dictionary support",))


def gloss_instead(row: Row, best: Scored | None) -> Row:
    """The dictionary gloss in place of an English rendering that only
    co-occurs with the term, the dictionary's own words nowhere near: a
    translator's paraphrase or omission (直辖市 "adopted across").  The span
    is named in the evidence, not offered as an alternative (it renders
    nothing).  Only once every pass is done: agreement with a sibling file may
    still have backed the rendering."""
    if row.lang != GLOSS_LANG or row.method != "aligned" or best is None or best.backed:
        return row
    gloss = fallback_gloss(row.term)
    if not gloss:
        return row
    return replace(row, translation=gloss, alternatives=(), confidence=0.2, method="dictionary",
                   evidence=(f"CC-CEDICT (English) gloss: no aligned span shows it (best span: {row.translation!r})",))


def _alternatives(
    best: Scored, others: Sequence[Scored], explained: Callable[[str], bool] = lambda _w: True
) -> tuple[str, ...]:
    """Other renderings worth a learner's glance: backed by more than
    co-occurrence, close to the best in score, not a piece of it, at most one
    word longer, and each word it adds to the best one ``explained`` by the
    term's dictionary senses ("resident work teams" next to "work teams").
    Fragments ("village" under "village démuni"), the neighbours' words that
    merely share the sentences ("équipes de travail" for 贫困村) and windows
    around a dictionary word ("meeting in March", "villages have adopted
    relevant tactics") would teach nothing or something wrong."""
    seen, words = {best.text.lower()}, set(best.key)
    out: list[str] = []
    for other in others:
        if len(out) == MAX_ALTERNATIVES:
            break
        if (other.score < ALTERNATIVE_SHARE * best.score or not other.backed or set(other.key) <= words
                or len(other.key) > len(best.key) + 1 or not all(map(explained, set(other.key) - words))):
            continue
        if other.text.lower() not in seen:
            seen.add(other.text.lower())
            out.append(other.text)
    return tuple(out)
