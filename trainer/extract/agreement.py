"""Agreement across languages: a file's rows checked against the renderings of
the same Chinese text in its sibling files (the English of a French file, or
the reverse).  Cognates carry agreement, so only English and French speak for
each other; two translators agreeing raise a row's confidence, and a doubtful
term met once may be scored again with the sibling's words as one more sense."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Sequence

from trainer.extract.documents import Row
from trainer.extract.lexicon import Learned, word_key_fn
from trainer.extract.run_state import Shared, learned_keys
from trainer.extract.term_rows import AGREES, term_row
from trainer.extract.translate import clashes
from trainer.extract.units import Scored, Unit


#: A rendering this sure speaks for the same term in a sibling file's language.
AGREE_CONFIDENCE = 0.8


#: Share of a row's remaining doubt that a fully agreeing sibling rendering removes.
AGREE_WEIGHT = 0.5


#: Languages whose renderings share cognates (English and French; not Vietnamese).
COGNATE_LANGS = ("en", "fr")


def voices(shared: Shared) -> dict[tuple[int, str], dict[int, tuple[Row, Scored]]]:
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


def agree(shared: Shared, docs: range) -> list[tuple[tuple[int, int], Row, Scored]]:
    """Agreement across languages, for the rows of some documents: every row
    compared with the confident renderings of the same term in its sibling files
    (the English of a French file, or the reverse).  Returns the changed rows."""
    learned = learned_keys(shared)
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
    shared: Shared, d: int, rank: int, learned: dict[str, Learned],
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
    shared: Shared, d: int, rank: int, sense: frozenset[str], agreeing: int, learned: dict[str, Learned],
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
    row, _keys, new = term_row(doc, rank, cand, corpus, learned.get(lang, {}), skip, sense=sense)
    if row is None or new is None or len(sense & frozenset(map(key_fn, new.key))) < max(1, agreeing):
        return None
    return row, new


def _claimed(shared: Shared, d: int, rank: int) -> list[tuple[str, ...]]:
    """Renderings held by the other terms of the same sentences that share no
    character with this one: a rescored term must not take one of them (the
    one-to-one rule of :func:`trainer.extract.term_rows.one_to_one`)."""
    name, term = shared.docs[d].article.name, shared.terms[d][rank].term
    corpus = shared.corpora[shared.docs[d].article.lang]
    units = set(corpus.by_term_doc.get((term, name), ()))
    return [top.key for r, other in enumerate(shared.terms[d])
            if r != rank and (top := shared.best.get((d, r))) is not None and not set(other.term) & set(term)
            and not units.isdisjoint(corpus.by_term_doc.get((other.term, name), ()))]


def _shows(units: Sequence[Unit], keys: frozenset[str], key_fn: Callable[[str], str]) -> bool:
    """Whether some translated word of these units has one of the keys."""
    return any(key_fn(w) in keys for unit in units for w in unit.sentence.norms if w is not None)

