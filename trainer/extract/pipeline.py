"""Article texts -> ranked, translated terms: the extractor end to end.

Stages (each its own module, each pure): blocks/sentences -> align
(documents.py) -> terms -> each term's row (term_rows.py: translate, pinyin,
examples) -> agreement across languages (agreement.py) -> the word aligner's
stage (aligned_rows.py: phrase choice).  run_state.py holds what the stages
share.
Several files sharing one Chinese original (fr/en/vi versions) are grouped:
terms are extracted once per Chinese text and translated in each file's
language.
"""

from __future__ import annotations

import gc
from typing import Sequence

from trainer.extract import parallel, wordnet_fr
from trainer.extract.agreement import agree, voices
from trainer.extract.corpus import LangCorpus
from trainer.extract.documents import DEFAULT_LIMIT, Document, Progress, Row, group_documents, group_terms
from trainer.extract.run_state import Shared, learned_keys
from trainer.extract.term_rows import gloss_instead, one_to_one, reported, term_row
from trainer.extract.units import Scored

#: Rows per document for candidates only the word aligner translates (names and chunks met once).
ALIGNED_BUDGET = 150


#: A word's rendering is reused as evidence for longer terms above this confidence.
LEARN_CONFIDENCE = 0.5


#: Languages whose terms also draw on what the corpus taught each character
#: (wordmodel.py): those CC-CEDICT's English glosses reach only through cognates
#: or not at all.  For English the dictionary says more, and on a small corpus
#: the model's mistakes (a character credited with its neighbour's word) cost more
#: than it adds; as evidence against a span (a word another character renders)
#: it changed more rows for the worse than for the better in every language.
CHAR_MODEL_LANGS = ("fr", "vi")


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
    shared = Shared(docs, [term_of_doc[id(doc)] for doc in docs], corpora,
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
    shared.voices = voices(shared)
    agreed = [change for part in parallel.run(agree, pieces, shared, workers) for change in part]
    for key, row, top in agreed:
        shared.found[key], shared.best[key] = row, top
    rows = [reported(gloss_instead(shared.found[k], shared.best.get(k)), shared.best.get(k))
            for k in sorted(shared.found)]
    if not aligned:
        return rows
    from trainer.extract.aligned_rows import aligned_stage

    rows = aligned_stage(docs, rows, Row, max(limit, ALIGNED_BUDGET))
    order = {doc.article.name: d for d, doc in enumerate(docs)}
    return sorted(rows, key=lambda r: (order[r.source], r.rank))  # type: ignore[attr-defined]


def _record(shared: Shared, d: int, rank: int, row: Row | None, keys: frozenset[str], top: Scored | None) -> None:
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


def _translate_words(shared: Shared, docs: range) -> list[_Result]:
    """Rows of the words of some documents (a word of two characters has no
    shorter term to learn from, so they need nothing learned)."""
    out: list[_Result] = []
    for d in docs:
        doc = shared.docs[d]
        corpus = shared.corpora[doc.article.lang]
        for rank, cand in enumerate(shared.terms[d]):
            if len(cand.term) <= 2:
                out.append((d, rank, *term_row(doc, rank, cand, corpus, {})))
    return out


def _translate_longer(shared: Shared, docs: range) -> list[tuple[tuple[int, int], Row, Scored | None]]:
    """Rows of the longer terms of some documents, then the one-to-one pass over
    all their terms: every row of these documents that is new or changed."""
    out: list[tuple[tuple[int, int], Row, Scored | None]] = []
    learned = learned_keys(shared)
    for d in docs:
        doc = shared.docs[d]
        lang = doc.article.lang
        corpus = shared.corpora[lang]
        found = {(d, r): row for r in range(len(shared.terms[d])) if (row := shared.found.get((d, r))) is not None}
        best = {k: b for k in found if (b := shared.best.get(k)) is not None}
        for rank, cand in enumerate(shared.terms[d]):
            if len(cand.term) > 2:
                row, _keys, top = term_row(doc, rank, cand, corpus, learned.get(lang, {}))
                if row is not None:
                    found[(d, rank)] = row
                    if top is not None:
                        best[(d, rank)] = top
        one_to_one([k for k in sorted(found) if k in best], doc, shared.terms[d], corpus, learned.get(lang, {}),
                    found, best)
        out.extend((k, row, best.get(k)) for k, row in found.items() if row is not shared.found.get(k))
    return out


