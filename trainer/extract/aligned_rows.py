"""Rows for the terms the ranked extractor does not propose, translated by the word aligner.

The rule-based stages (terms.py, translate.py) translate the terms that recur
well; names met once and compounds met once are what they miss.  Here every
candidate of :mod:`trainer.extract.chunks` that has no row yet gets one, its
translation read off the word alignment (:mod:`trainer.extract.realign`), its
confidence a logistic model of the alignment's agreement, fitted on the dev
sets by bench/fit_extract.py (data/aligned_confidence.json).
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Sequence

from trainer.extract import anchors, chunks, dictionary, priors, realign, segment, tokens
from trainer.extract.pinyin import term_pinyin
from trainer.extract.spans import analyse
from trainer.extract.terms import specificity
from trainer.extract.translate import clashes

MODEL = Path(__file__).with_name("data") / "aligned_confidence.json"
MAX_EXAMPLES = 3
#: Confidence from which a ranked row keeps its translated words from other terms.
CLAIM = 0.5
#: Confidence of a ranked row the word aligner contradicts: under models.UNSURE_BELOW.
DOUBTED = 0.3


@cache
def _weights() -> dict[str, float]:
    try:
        return json.loads(MODEL.read_text(encoding="utf-8"))["weights"]
    except (OSError, ValueError, KeyError):
        return {"bias": 0.0}


def features(r: realign.Renderings, term: str, is_name: bool, lang: str = "") -> dict[str, float]:
    """What the confidence model sees of a term's aligned renderings."""
    words = len((r.best or "").split())
    known = bool(lang) and lang != "vi" and bool(dictionary.gloss_keys(term))
    return {
        "dictionary_known": 1.0 if known else 0.0,
        "dictionary_match": 1.0 if lang and _matches_dictionary(term, r.best or "", lang) else 0.0,
        "bias": 1.0,
        "share": r.share,
        "log_occurrences": math.log(r.occurrences) if r.occurrences else 0.0,
        "coverage": r.coverage,
        "name": 1.0 if is_name else 0.0,
        "length_gap": abs(words - max(1.0, len(term) / 2.0)),
        "rivals": float(len(r.votes) - 1),
    }


def _matches_dictionary(term: str, phrase: str, lang: str) -> bool:
    """Whether a word of the phrase is one the dictionary gives for the term."""
    keys = priors.keys_of(term, lang)
    return any(anchors.tr_word_key(w, lang) in keys for w in tokens.latin(phrase).forms if tokens.is_word(w))


def confidence(values: dict[str, float]) -> float:
    w = _weights()
    z = sum(w.get(k, 0.0) * v for k, v in values.items())
    return 1.0 / (1.0 + math.exp(-z))


def candidates(zh_sentences: Sequence[str], pairs: Sequence[realign.AlignedPair]) -> tuple[set[str], set[str]]:
    """(all candidates, those that are names) of one article."""
    found: set[str] = set()
    names: set[str] = set()
    for sentence in zh_sentences:
        tagged = segment.tagged(sentence)
        names |= chunks.dotted_names(tagged)
        found |= chunks.pos_chunks(tagged) | chunks.word_pairs(tagged) | chunks.single_words(tagged)
        names |= {w for w, t in tagged if t[:2] in ("nr", "ns", "nt") and len(w) >= 2}
    for pair in pairs:
        names |= chunks.transliterations(pair)
    # A name jieba cut into pieces (埃/尔多/安) recurs whole: its maximal repeat is the name.
    grown = {chunks.maximal(t, zh_sentences) for t in names}
    return found | names | grown, names | grown


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


def _norms(text: str, lang: str) -> tuple[str, ...]:
    return tuple(w for w in analyse(text, lang).norms if w is not None)


def _holds(row: object, r: realign.Renderings, lang: str) -> bool:
    """Whether a row keeps its translated words from other terms: it is confident,
    and the aligner, an independent method, does not contradict it (one of its
    phrases shares a word with the row's translation, or it has none)."""
    if row.confidence < CLAIM:  # type: ignore[attr-defined]
        return False
    if not r.votes:
        return True
    words = set(_norms(row.translation, lang))  # type: ignore[attr-defined]
    return any(words & set(_norms(text, lang)) for text, _n in r.votes)


def _evidence(r: realign.Renderings) -> str:
    return f"word aligner: {r.share:.0%} of {r.occurrences} sentence(s) x {r.runs} run(s)"


def _revised(row: object, r: realign.Renderings, lang: str, is_name: bool) -> object:
    """The ranked row, or the aligner's phrase in its place when the row is
    unsure (below CLAIM) and the aligner is the more confident of the two; the
    old translation stays first among the alternatives."""
    if not r.best or r.best == row.translation:  # type: ignore[attr-defined]
        return row
    conf = confidence(features(r, row.term, is_name, lang))  # type: ignore[attr-defined]
    if conf <= row.confidence or row.confidence >= CLAIM:  # type: ignore[attr-defined]
        return _doubted(row, r, lang)
    if row.method == "dictionary" and not _matches_dictionary(row.term, r.best, lang):  # type: ignore[attr-defined]
        return row  # the translator paraphrased: the gloss, marked unsure, teaches less wrong than the neighbour
    alts = (row.translation,) + tuple(t for t, _n in r.votes[1:3] if t != row.translation)  # type: ignore[attr-defined]
    return replace(row, translation=r.best, alternatives=alts, confidence=round(conf, 3),  # type: ignore[type-var]
                   method="word-aligned", evidence=(_evidence(r),) + tuple(row.evidence))  # type: ignore[attr-defined]


def _doubted(row: object, r: realign.Renderings, lang: str) -> object:
    """A ranked row the aligner reads otherwise (another set of words) is marked
    unsure, with the aligner's phrase among its alternatives: on the dev sets
    the rows both methods agree on are 0.95 right, the others 0.76
    (bench/RESULTS_extract.md), and a doubtful row is checked before it is studied."""
    if row.method != "aligned" or set(_norms(r.best or "", lang)) == set(_norms(row.translation, lang)):  # type: ignore[attr-defined]
        return row
    alts = tuple(dict.fromkeys(row.alternatives + (r.best,)))[:3]  # type: ignore[attr-defined,operator]
    return replace(row, confidence=min(row.confidence, DOUBTED), alternatives=alts,  # type: ignore[type-var]
                   evidence=tuple(row.evidence) + (f"the word aligner reads: {r.best}",))  # type: ignore[attr-defined]


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
        seen = {r.term: realign.renderings(r.term, pairs, lang) for r in ranked}  # type: ignore[attr-defined]
        # A revision keeps clear of every confident row; a new row only of those the aligner does not contradict.
        sure = [(set(r.term), r.translation.casefold()) for r in ranked if r.confidence >= CLAIM]  # type: ignore[attr-defined]
        own = [_revised(r, _unclaimed(seen[r.term], r.term, sure, lang), lang, r.term in names)  # type: ignore[attr-defined]
               for r in ranked]
        out.extend(own)
        have = {r.term for r in own}  # type: ignore[attr-defined]
        last = max((r.rank for r in own), default=0)  # type: ignore[attr-defined]
        claimed = [(set(r.term), r.translation.casefold()) for r in own  # type: ignore[attr-defined]
                   if _holds(r, seen[r.term], lang)]  # type: ignore[attr-defined]
        scored = []
        for term in sorted(found - have):
            r = _unclaimed(realign.renderings(term, pairs, lang), term, claimed, lang)
            if not r.best:
                continue
            conf = confidence(features(r, term, term in names, lang))
            weight = specificity(segment.cut_term(term.replace("·", "")) or (term,), segment.idf)
            scored.append((-(conf * weight * math.log2(1 + r.occurrences)), term, r, conf))
        scored.sort()
        for k, (_s, term, r, conf) in enumerate(scored[:budget]):
            marks, numbers = term_pinyin(tuple(segment.cut(term)))
            examples = tuple((p.zh.text, p.tr.text) for p in pairs if p.zh.find(term))[:MAX_EXAMPLES]
            alts = tuple(text for text, _n in r.votes[1:4])
            out.append(row_type(term, marks, numbers, lang, r.best, alts, round(conf, 3), "word-aligned",
                                (_evidence(r),), name, last + 1 + k, examples))
    return out
