"""Rows (term x language x file) -> one NoteDraft per term, for a deck.

Several files may carry the same term (three translations of one original, or
two articles using 脱贫攻坚): the note keeps, per language, the most confident
translation; examples are merged by Chinese sentence so one example can show
its French, English and Vietnamese renderings together.

A note no English file renders gets an English CC-CEDICT gloss (method
"dictionary"), so an English-speaking learner can study every note.  That is a
property of the deck only: ``--json`` rows stay one per term, language and file.
"""

from __future__ import annotations

from typing import Sequence

from trainer.extract.lexicon import english_gloss
from trainer.extract.documents import Row
from trainer.models import STUDY_FROM, Example, NoteDraft, Translation


def _better(new: Row, old: Row | None) -> bool:
    if old is None:
        return True
    rank_new = (new.method in ("aligned", "word-aligned"), new.confidence, -new.rank)
    rank_old = (old.method in ("aligned", "word-aligned"), old.confidence, -old.rank)
    return rank_new > rank_old


def studyable(row: Row) -> bool:
    """Whether a row may become a note: a mined rendering more likely wrong than
    right stays out of decks (``--json`` still lists it, marked unsure), so such a
    guess never enters a learner's schedule; a dictionary gloss comes in, unsure."""
    return row.method == "dictionary" or row.confidence >= STUDY_FROM


def to_drafts(rows: Sequence[Row]) -> list[NoteDraft]:
    """Merge rows by term; notes come out ordered by importance (rank 0 first)."""
    rows = [r for r in rows if studyable(r)]
    best: dict[str, dict[str, Row]] = {}
    examples: dict[str, dict[str, dict[str, str]]] = {}
    sources: dict[str, set[str]] = {}
    order: dict[str, tuple[int, int]] = {}
    for i, row in enumerate(rows):
        per_lang = best.setdefault(row.term, {})
        if _better(row, per_lang.get(row.lang)):
            per_lang[row.lang] = row
        sources.setdefault(row.term, set()).add(row.source)
        order[row.term] = min(order.get(row.term, (row.rank, i)), (row.rank, i))
        by_zh = examples.setdefault(row.term, {})
        for zh, tr in row.examples:
            by_zh.setdefault(zh, {}).setdefault(row.lang, tr)
    terms = sorted(best, key=lambda t: (order[t], t))
    drafts = []
    for rank, term in enumerate(terms):
        first = next(iter(best[term].values()))
        translations = {
            lang: Translation(r.translation, r.alternatives, r.confidence, r.method, r.evidence)
            for lang, r in sorted(best[term].items())
        }
        if "en" not in translations:
            gloss = dictionary_translation(term)
            if gloss is not None:
                translations = dict(sorted({**translations, "en": gloss}.items()))
        exs = tuple(Example(zh, dict(sorted(tr.items()))) for zh, tr in list(examples[term].items())[:3])
        drafts.append(NoteDraft(term, first.pinyin, first.pinyin_numbers, translations, exs,
                                tuple(sorted(sources[term])), rank))
    return drafts


def dictionary_translation(term: str) -> Translation | None:
    """An English Translation from CC-CEDICT, or None when it has neither the term nor its words."""
    from trainer.extract import segment

    gloss = english_gloss(term, segment.cut_term(term))
    if not gloss:
        return None
    return Translation(gloss, (), 0.2, "dictionary", ("CC-CEDICT (English) first sense: no English source",))
