"""Article texts -> ranked, translated terms: the extractor end to end.

Stages (each its own module, each pure): blocks/sentences -> align
(documents.py) -> terms -> pinyin -> translate -> agreement across languages
-> the word aligner's stage (aligned_rows.py: phrase choice) -> examples.
Several files sharing one Chinese original (fr/en/vi versions) are grouped:
terms are extracted once per Chinese text and translated in each file's
language.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field, replace
from typing import Callable, Sequence

from trainer.extract import parallel, segment, wordnet_fr
from trainer.extract.corpus import LangCorpus
from trainer.extract.documents import DEFAULT_LIMIT, Document, Progress, Row, group_documents, group_terms
from trainer.extract.examples import examples_for
from trainer.extract.lexicon import Learned, fallback_gloss, lexicon_for, other_word_keys, word_key_fn
from trainer.extract.pinyin import term_pinyin
from trainer.extract.terms import TermCandidate
from trainer.extract.translate import clashes, confidence, score_candidates
from trainer.extract.units import Scored, Unit

MAX_ALTERNATIVES = 3


#: Rows per document for candidates only the word aligner translates (names and chunks met once).
ALIGNED_BUDGET = 150


#: Evidence note of a rendering that shares words with a sibling file's.
AGREES = "agrees with the"


#: Reported confidence factor of a rendering seen in one sentence pair on co-occurrence alone.
LONE_SPAN = 0.5


#: An alternative scores at least this share of the best rendering's score.
ALTERNATIVE_SHARE = 0.5


#: A word's rendering is reused as evidence for longer terms above this confidence.
LEARN_CONFIDENCE = 0.5


#: A rendering this sure speaks for the same term in a sibling file's language.
AGREE_CONFIDENCE = 0.8


#: Share of a row's remaining doubt that a fully agreeing sibling rendering removes.
AGREE_WEIGHT = 0.5


#: Languages whose terms also draw on what the corpus taught each character
#: (wordmodel.py): those CC-CEDICT's English glosses reach only through cognates
#: or not at all.  For English the dictionary says more, and on a small corpus
#: the model's mistakes (a character credited with its neighbour's word) cost more
#: than it adds; as evidence against a span (a word another character renders)
#: it changed more rows for the worse than for the better in every language.
CHAR_MODEL_LANGS = ("fr", "vi")


#: Languages whose renderings share cognates (English and French; not Vietnamese).
COGNATE_LANGS = ("en", "fr")


#: The language of CC-CEDICT's glosses: its rows may fall back on them.
GLOSS_LANG = "en"


def extract_documents(
    docs: Sequence[Document], limit: int = DEFAULT_LIMIT, progress: Progress | None = None, workers: int | None = None,
    aligned: bool = True,
) -> list[Row]:
    """Rows for every term of every document, in input order then rank.

    ``aligned=False`` leaves out the word aligner's stage (what bench/fit_rank.py
    compares it with).

    ``workers`` processes translate terms (default: one per core for a large
    input); the rows are the same whatever their number.  The cyclic garbage
    collector is paused meanwhile: the corpus indexes are millions of small
    acyclic objects that it would rescan again and again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract(docs, limit, progress, workers, aligned)
    finally:
        if enabled:
            gc.enable()


@dataclass
class _Shared:
    """One extraction's corpus, terms and results so far: what workers read."""

    docs: Sequence[Document]
    terms: list[list[TermCandidate]]  # per document, by rank
    corpora: dict[str, LangCorpus]
    #: Renderings of words, by language: term -> (confidence, keys) of its most confident one.
    learned: dict[str, dict[str, tuple[float, frozenset[str]]]] = field(default_factory=dict)
    found: dict[tuple[int, int], Row] = field(default_factory=dict)
    best: dict[tuple[int, int], Scored] = field(default_factory=dict)
    #: Group (Chinese text) of each document, by document index.
    group_of: list[int] = field(default_factory=list)
    #: Per (group, language), per term rank: the most confident rendering in that
    #: language's files of the group (what a sibling file agrees with).
    voices: dict[tuple[int, str], dict[int, tuple[Row, Scored]]] = field(default_factory=dict)


_Result = tuple[int, int, "Row | None", frozenset[str], "Scored | None"]  # doc, rank, row, keys, best span


def _extract(
    docs: Sequence[Document], limit: int, progress: Progress | None, workers: int | None, aligned: bool,
) -> list[Row]:
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
        if corpus.lang in CHAR_MODEL_LANGS:
            corpus.learn_chars()
        if corpus.lang == "fr":
            wordnet_fr.load()  # here, not once per worker process
    term_of_doc = {id(d): terms for g, terms in zip(groups, terms_by_group) for d in g}
    group_index = {id(d): g for g, members in enumerate(groups) for d in members}
    shared = _Shared(docs, [term_of_doc[id(doc)] for doc in docs], corpora,
                     group_of=[group_index[id(doc)] for doc in docs])
    total = sum(map(len, shared.terms))
    if workers is None:
        workers = parallel.default_workers() if total >= parallel.MIN_PARALLEL_JOBS else 1
    pieces = parallel.chunks([len(t) for t in shared.terms], 4 * workers if workers > 1 else 1)
    done = 0
    # Words first (two characters at most) in every document, so that longer terms
    # can inherit their renderings (精准扶贫 <- 扶贫) wherever they occur.
    for results in parallel.run(_translate_words, pieces, shared, workers):
        for d, rank, row, keys, top in results:
            _record(shared, d, rank, row, keys, top)
        done += len(results)
        if progress:
            progress(done, total)
    for piece, part in zip(pieces, parallel.run(_translate_longer, pieces, shared, workers)):
        for key, row, top in part:
            shared.found[key] = row
            if top is not None:
                shared.best[key] = top
        done += sum(len(t.term) > 2 for d in piece for t in shared.terms[d])
        if progress:
            progress(done, total)
    # Only then compare languages: every file's own renderings are known.
    shared.voices = _voices(shared)
    agreed = [change for part in parallel.run(_agree, pieces, shared, workers) for change in part]
    for key, row, top in agreed:
        shared.found[key], shared.best[key] = row, top
    rows = [_reported(_gloss_instead(shared.found[k], shared.best.get(k)), shared.best.get(k))
            for k in sorted(shared.found)]
    if not aligned:
        return rows
    from trainer.extract.aligned_rows import aligned_stage

    rows = aligned_stage(docs, rows, Row, max(limit, ALIGNED_BUDGET))
    order = {doc.article.name: d for d, doc in enumerate(docs)}
    return sorted(rows, key=lambda r: (order[r.source], r.rank))  # type: ignore[attr-defined]


def _voices(shared: _Shared) -> dict[tuple[int, str], dict[int, tuple[Row, Scored]]]:
    """The most confident English and French rendering of each term of each group.

    One per language, so a group of many files (one text republished) costs no
    more per row than a group of two; ties go to the rendering first in sorted
    order, so that the choice does not depend on the order of the files."""
    out: dict[tuple[int, str], dict[int, tuple[Row, Scored]]] = {}
    for (d, rank), row in shared.found.items():
        top = shared.best.get((d, rank))
        if top is None or row.lang not in COGNATE_LANGS or row.confidence < AGREE_CONFIDENCE:
            continue
        held = out.setdefault((shared.group_of[d], row.lang), {})
        if rank not in held or (row.confidence, row.translation) > (held[rank][0].confidence, held[rank][0].translation):
            held[rank] = (row, top)
    return out


def _agree(shared: _Shared, docs: range) -> list[tuple[tuple[int, int], Row, Scored]]:
    """Agreement across languages, for the rows of some documents: every row
    compared with the confident renderings of the same term in its sibling files
    (the English of a French file, or the reverse).  Returns the changed rows."""
    learned = _learned_keys(shared)
    out = []
    for d in docs:
        if shared.docs[d].article.lang not in COGNATE_LANGS:
            continue
        for rank in range(len(shared.terms[d])):
            change = _agree_row(shared, d, rank, learned)
            if change is not None:
                out.append(((d, rank), *change))
    return out


def _agree_row(
    shared: _Shared, d: int, rank: int, learned: dict[str, Learned],
) -> tuple[Row, Scored] | None:
    """One row checked against its siblings' renderings; None when it stays as is.

    Cognates carry agreement ("Leading Group" / "Groupe dirigeant"), so only
    English and French speak for each other.  A rendering that shares words
    with the sibling's gains confidence (two translators agree); one that
    shares none may be scored again (see :func:`_rescored`).
    """
    row, top = shared.found.get((d, rank)), shared.best.get((d, rank))
    if row is None or top is None:
        return None
    lang = shared.docs[d].article.lang
    key_fn = word_key_fn(lang)
    mine = frozenset(map(key_fn, top.key))
    for other_lang in COGNATE_LANGS:
        voice = shared.voices.get((shared.group_of[d], other_lang), {}).get(rank) if other_lang != lang else None
        if voice is None:
            continue
        other, other_top = voice
        sense = frozenset(map(key_fn, other_top.key))
        note = f"{AGREES} {other.lang} rendering: {other.translation}"
        if sense and not sense <= mine and row.confidence < AGREE_CONFIDENCE:
            rescored = _rescored(shared, d, rank, sense, len(sense & mine), learned)
            if rescored is not None:
                return replace(rescored[0], evidence=rescored[0].evidence + (note,)), rescored[1]
        if sense & mine:
            sure = 1 - (1 - row.confidence) * (1 - AGREE_WEIGHT * len(sense & mine) / len(sense))
            return replace(row, confidence=round(sure, 3), evidence=row.evidence + (note,)), top
    return None


def _rescored(
    shared: _Shared, d: int, rank: int, sense: frozenset[str], agreeing: int, learned: dict[str, Learned],
) -> tuple[Row, Scored] | None:
    """A doubtful term met once, scored again with a sibling rendering's words as
    one more sense of it; kept only if its new rendering shares a word with the
    sibling's, and at least as many as the old one (agreement is the reason for
    the change, or nothing changes).

    Only terms met once: one met in several sentences has coverage to go on,
    one met once in a long sentence has little else (无可替代 beside other
    once-only words)."""
    doc, cand = shared.docs[d], shared.terms[d][rank]
    lang = doc.article.lang
    corpus, key_fn = shared.corpora[lang], word_key_fn(lang)
    units = corpus.units_of(cand.term, doc.article.name)
    if len(units) != 1 or not _shows(units, sense, key_fn):
        return None
    claimed = _claimed(shared, d, rank)
    skip = (lambda key: any(clashes(key, c) for c in claimed)) if claimed else None
    row, _keys, new = _term_row(doc, rank, cand, corpus, learned.get(lang, {}), skip, sense=sense)
    if row is None or new is None or len(sense & frozenset(map(key_fn, new.key))) < max(1, agreeing):
        return None
    return row, new


def _claimed(shared: _Shared, d: int, rank: int) -> list[tuple[str, ...]]:
    """Renderings held by the other terms of the same sentences that share no
    character with this one: a rescored term must not take one of them (the
    one-to-one rule of :func:`_one_to_one`)."""
    name, term = shared.docs[d].article.name, shared.terms[d][rank].term
    corpus = shared.corpora[shared.docs[d].article.lang]
    units = set(corpus.by_term_doc.get((term, name), ()))
    return [top.key for r, other in enumerate(shared.terms[d])
            if r != rank and (top := shared.best.get((d, r))) is not None and not set(other.term) & set(term)
            and not units.isdisjoint(corpus.by_term_doc.get((other.term, name), ()))]


def _shows(units: Sequence[Unit], keys: frozenset[str], key_fn: Callable[[str], str]) -> bool:
    """Whether some translated word of these units has one of the keys."""
    return any(key_fn(w) in keys for unit in units for w in unit.sentence.norms if w is not None)


def _learned_keys(shared: _Shared) -> dict[str, Learned]:
    """Per language, the keys of each word's most confident rendering (what longer terms inherit)."""
    return {lang: {t: keys for t, (_conf, keys) in words.items()} for lang, words in shared.learned.items()}


def _record(shared: _Shared, d: int, rank: int, row: Row | None, keys: frozenset[str], top: Scored | None) -> None:
    """Keep a word's row; a confidently rendered word teaches longer terms.

    Of a word's renderings in several documents the most confident teaches
    (equal ones: the first in sorted order), so that no document's rows depend
    on the order of the input files."""
    if row is None:
        return
    shared.found[(d, rank)] = row
    if top is not None:
        shared.best[(d, rank)] = top
    if row.method == "aligned" and row.confidence >= LEARN_CONFIDENCE:
        known = shared.learned.setdefault(row.lang, {})
        held = known.get(row.term)
        if held is None or (row.confidence, sorted(held[1])) > (held[0], sorted(keys)):
            known[row.term] = (row.confidence, keys)


def _translate_words(shared: _Shared, docs: range) -> list[_Result]:
    """Rows of the words of some documents (a word of two characters has no
    shorter term to learn from, so they need nothing learned)."""
    out: list[_Result] = []
    for d in docs:
        doc = shared.docs[d]
        corpus = shared.corpora[doc.article.lang]
        for rank, cand in enumerate(shared.terms[d]):
            if len(cand.term) <= 2:
                out.append((d, rank, *_term_row(doc, rank, cand, corpus, {})))
    return out


def _translate_longer(shared: _Shared, docs: range) -> list[tuple[tuple[int, int], Row, Scored | None]]:
    """Rows of the longer terms of some documents, then the one-to-one pass over
    all their terms: every row of these documents that is new or changed."""
    out: list[tuple[tuple[int, int], Row, Scored | None]] = []
    learned = _learned_keys(shared)
    for d in docs:
        doc = shared.docs[d]
        lang = doc.article.lang
        corpus = shared.corpora[lang]
        found = {(d, r): row for r in range(len(shared.terms[d])) if (row := shared.found.get((d, r))) is not None}
        best = {k: b for k in found if (b := shared.best.get(k)) is not None}
        for rank, cand in enumerate(shared.terms[d]):
            if len(cand.term) > 2:
                row, _keys, top = _term_row(doc, rank, cand, corpus, learned.get(lang, {}))
                if row is not None:
                    found[(d, rank)] = row
                    if top is not None:
                        best[(d, rank)] = top
        _one_to_one([k for k in sorted(found) if k in best], doc, shared.terms[d], corpus, learned.get(lang, {}),
                    found, best)
        out.extend((k, row, best.get(k)) for k, row in found.items() if row is not shared.found.get(k))
    return out


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


def _reported(row: Row, best: Scored | None) -> Row:
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


def _gloss_instead(row: Row, best: Scored | None) -> Row:
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
