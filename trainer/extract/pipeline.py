"""Article texts -> ranked, translated terms: the extractor end to end.

Stages (each its own module, each pure): blocks/sentences -> align -> terms ->
pinyin -> translate -> examples.  Several files sharing one Chinese original
(fr/en/vi versions) are grouped: terms are extracted once per Chinese text and
translated in each file's language.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, Callable, Sequence

from trainer.extract import anchors, segment
from trainer.extract.align import Bead, align
from trainer.extract.blocks import Article, parse_article
from trainer.extract.corpus import LangCorpus, Pair, bead_texts
from trainer.extract.examples import examples_for
from trainer.extract.lexicon import Learned, fallback_gloss, lexicon_for, other_word_keys, word_key_fn
from trainer.extract.pinyin import term_pinyin
from trainer.extract.terms import TermCandidate, drop_compositional, extract_terms, ngram_occurrences, rank_extra
from trainer.extract.translate import Scored, clashes, confidence, score_candidates

#: A long article keeps at least one term per this many Chinese characters.
CHARS_PER_TERM = 12
#: Share of its sentences a file must share with a group to join it.
GROUP_OVERLAP = 0.8
#: Score bonus per further article (Chinese original) using a term.
SPREAD_BOOST = 0.5
MAX_ALTERNATIVES = 3

Progress = Callable[[int, int], None]
#: A word's rendering is reused as evidence for longer terms above this confidence.
LEARN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Row:
    """One term in one translation language for one source file."""

    term: str
    pinyin: str
    pinyin_numbers: str
    lang: str
    translation: str
    alternatives: tuple[str, ...]
    confidence: float
    method: str
    evidence: tuple[str, ...]
    source: str
    rank: int
    examples: tuple[tuple[str, str], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "term": self.term, "pinyin": self.pinyin, "pinyin_numbers": self.pinyin_numbers,
            "lang": self.lang, "translation": self.translation, "alternatives": list(self.alternatives),
            "confidence": self.confidence, "method": self.method, "evidence": list(self.evidence),
            "source": self.source, "rank": self.rank,
            "examples": [{"zh": zh, "translation": tr} for zh, tr in self.examples],
        }


@dataclass(frozen=True)
class Document:
    """A parsed, segmented and sentence-aligned input file."""

    article: Article
    words: tuple[tuple[str, ...], ...]
    pairs: tuple[Pair, ...]


def prepare(name: str, text: str, identify: Callable[[str], str]) -> Document:
    """Parse, segment and sentence-align one decoded file (``identify`` names the language)."""
    article = parse_article(name, text, identify)
    words = tuple(tuple(segment.cut(s)) for s in article.zh)
    lang = article.lang
    zk = [anchors.zh_keys(w, s, lang) for w, s in zip(words, article.zh)]
    tk = [anchors.tr_keys(s, lang) for s in article.translation]
    beads: list[Bead] = align([_zh_len(s) for s in article.zh], [len(s) for s in article.translation], zk, tk)
    return Document(article, words, tuple(bead_texts(beads, article.zh, article.translation, words)))


def _zh_len(sentence: str) -> int:
    return len(re.sub(r"\s", "", sentence))


def group_documents(docs: Sequence[Document]) -> list[list[Document]]:
    """Files whose Chinese texts (nearly) agree are translations of one original.

    Pages copied from different sites differ in punctuation, spacing or a stray
    sentence, so a file joins the group sharing at least GROUP_OVERLAP of its
    sentences (looked up by sentence, linear in the corpus).
    """
    groups: list[list[Document]] = []
    owner: dict[str, int] = {}
    for doc in docs:
        keys = [re.sub(r"\W", "", s) for s in doc.article.zh]
        votes = Counter(owner[k] for k in set(keys) if k in owner)
        best = votes.most_common(1)
        size = min(len(set(keys)), len(groups[best[0][0]][0].article.zh)) if best else 0
        if best and best[0][1] >= GROUP_OVERLAP * size:
            groups[best[0][0]].append(doc)
            continue
        for k in keys:
            owner.setdefault(k, len(groups))
        groups.append([doc])
    return groups


def group_terms(groups: Sequence[Sequence[Document]], limit: int) -> list[list[TermCandidate]]:
    """Terms per group, completed with terms found in other groups' texts.

    ``limit`` is a floor: a long article keeps one term per CHARS_PER_TERM
    characters of Chinese, so its tail of key words is not cut.

    A term several articles use is a key term of the collection (农民, 基础设施
    recur in most of them): its score grows with the number of articles showing it.
    """
    corpus: Counter[tuple[str, ...]] = Counter()
    for g in groups:
        corpus.update({gram: len(o) for gram, o in ngram_occurrences(g[0].words).items() if len(gram) > 1})
    limits = [max(limit, sum(map(len, g[0].article.zh)) // CHARS_PER_TERM) for g in groups]
    ranked = [extract_terms(g[0].words, g[0].article.zh, segment.idf, segment.known, 2 * n, segment.pos, corpus)
              for g, n in zip(groups, limits)]
    every = {t.term: t.words for terms in ranked for t in terms}
    texts = ["\n".join(g[0].article.zh) for g in groups]
    spread = {term: sum(1 for text in texts if term in text) for term in every}
    out = []
    for text, terms, n in zip(texts, ranked, limits):
        merged = rank_extra(terms, every, text, segment.idf, 2 * n, segment.pos)
        boosted = [replace(t, score=t.score * (1 + SPREAD_BOOST * (spread.get(t.term, 1) - 1))) for t in merged]
        out.append(drop_compositional(sorted(boosted, key=lambda t: (-t.score, t.term)), segment.idf)[:n])
    return out


def extract_documents(docs: Sequence[Document], limit: int = 60, progress: Progress | None = None) -> list[Row]:
    """Rows for every term of every document, in input order then rank.

    The cyclic garbage collector is paused meanwhile: the corpus indexes are
    millions of small acyclic objects that it would rescan again and again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract(docs, limit, progress)
    finally:
        if enabled:
            gc.enable()


def _extract(docs: Sequence[Document], limit: int, progress: Progress | None) -> list[Row]:
    groups = group_documents(docs)
    terms_by_group = group_terms(groups, limit)
    corpora: dict[str, LangCorpus] = {}
    for doc in docs:
        corpus = corpora.setdefault(doc.article.lang, LangCorpus(doc.article.lang))
        for zh, tr, words in doc.pairs:
            corpus.add(doc.article.name, zh, tr, words)
    all_terms = {t.term for terms in terms_by_group for t in terms}
    for corpus in corpora.values():
        corpus.index_terms(all_terms)
    term_of_doc = {id(d): terms for g, terms in zip(groups, terms_by_group) for d in g}
    jobs = [(d, rank, cand) for d, doc in enumerate(docs) for rank, cand in enumerate(term_of_doc[id(doc)])]
    # Per document, words first, so that longer terms can inherit their renderings
    # (精准扶贫 <- 扶贫); a document's sentences stay hot in the candidate cache.
    jobs.sort(key=lambda job: (job[0], len(job[2].term) > 2))
    learned: dict[str, dict[str, frozenset[str]]] = {lang: {} for lang in corpora}
    found: dict[tuple[int, int], Row] = {}
    best: dict[tuple[int, int], Scored] = {}
    for done, (d, rank, cand) in enumerate(jobs):
        doc = docs[d]
        lang = doc.article.lang
        row, keys, top = _term_row(doc, rank, cand, corpora[lang], learned[lang])
        if row is not None:
            found[(d, rank)] = row
            if top is not None:
                best[(d, rank)] = top
            if len(cand.term) <= 2 and row.method == "aligned" and row.confidence >= LEARN_CONFIDENCE:
                learned[lang].setdefault(cand.term, keys)
        if progress:
            progress(done + 1, len(jobs))
    by_doc: dict[int, list[tuple[int, int]]] = {}
    for k in best:
        by_doc.setdefault(k[0], []).append(k)
    for d, doc in enumerate(docs):
        _one_to_one(by_doc.get(d, []), doc, term_of_doc[id(doc)], corpora[doc.article.lang],
                    learned[doc.article.lang], found, best)
    return [found[k] for k in sorted(found)]


def _one_to_one(
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
            row, _keys, top = _term_row(doc, k[1], cand, corpus, learned,
                                        lambda key: not words.isdisjoint(key) and any(clashes(key, c) for c in claimed))
            if row is not None and top is not None:
                found[k], best[k] = row, top
        given.append((cand.term, units, best[k].key))


def _term_row(
    doc: Document, rank: int, cand: TermCandidate, corpus: LangCorpus, learned: Learned,
    skip: Callable[[tuple[str, ...]], bool] | None = None,
) -> tuple[Row | None, frozenset[str], Scored | None]:
    """The row of one term in one document, the keys of its rendering and its best span."""
    lang, name = doc.article.lang, doc.article.name
    key_fn = word_key_fn(lang)
    doc_units = corpus.units_of(cand.term, name)
    lex = lexicon_for(cand.term, cand.words, lang, learned)
    scored = score_candidates(cand.term, doc_units, corpus.count(cand.term), corpus.span_counts(cand.term),
                              corpus.counts, lex, key_fn, lang, corpus.rivals(cand.term, name),
                              lambda w: other_word_keys(w, lang), corpus.candidates, skip)
    marks, numbers = term_pinyin(tuple(segment.cut(cand.term)))
    examples = examples_for(cand.term, doc_units)
    if scored:
        best = scored[0]
        alts = _alternatives(best.text, [s.text for s in scored[1:]])
        row = Row(cand.term, marks, numbers, lang, best.text, alts, confidence(scored), "aligned",
                  best.evidence, name, rank, examples)
        return row, frozenset(key_fn(w) for w in best.key), best
    gloss = fallback_gloss(cand.term)
    if not gloss:
        return None, frozenset(), None
    row = Row(cand.term, marks, numbers, lang, gloss, (), 0.2, "dictionary",
              ("CC-CEDICT (English) gloss: no aligned rendering found",), name, rank, examples)
    return row, frozenset(), None


def _alternatives(best: str, others: Sequence[str]) -> tuple[str, ...]:
    seen = {best.lower()}
    out: list[str] = []
    for text in others:
        if text.lower() not in seen:
            seen.add(text.lower())
            out.append(text)
        if len(out) == MAX_ALTERNATIVES:
            break
    return tuple(out)
