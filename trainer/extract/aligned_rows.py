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

from trainer.extract import chunks, realign, segment
from trainer.extract.pinyin import term_pinyin
from trainer.extract.spans import analyse
from trainer.extract.terms import specificity
from trainer.extract.translate import clashes

MODEL = Path(__file__).with_name("data") / "aligned_confidence.json"
MAX_EXAMPLES = 3


@cache
def _weights() -> dict[str, float]:
    try:
        return json.loads(MODEL.read_text(encoding="utf-8"))["weights"]
    except (OSError, ValueError, KeyError):
        return {"bias": 0.0}


def features(r: realign.Renderings, term: str, is_name: bool) -> dict[str, float]:
    """What the confidence model sees of a term's aligned renderings."""
    words = len((r.best or "").split())
    return {
        "bias": 1.0,
        "share": r.share,
        "log_occurrences": math.log(r.occurrences) if r.occurrences else 0.0,
        "coverage": r.coverage,
        "name": 1.0 if is_name else 0.0,
        "length_gap": abs(words - max(1.0, len(term) / 2.0)),
        "rivals": float(len(r.votes) - 1),
    }


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
    return found | names, names


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


def more_rows(docs: Sequence[object], rows: Sequence[object], row_type: type, budget: int) -> list[object]:
    """The rows to add: at most ``budget`` per document, best first, after its ranked rows."""
    aligned = realign.align_documents(docs)
    by_source: dict[str, list[object]] = {}
    for row in rows:
        by_source.setdefault(row.source, []).append(row)  # type: ignore[attr-defined]
    out: list[object] = []
    for doc in docs:
        name, lang = doc.article.name, doc.article.lang  # type: ignore[attr-defined]
        own = by_source.get(name, [])
        have = {r.term for r in own}  # type: ignore[attr-defined]
        last = max((r.rank for r in own), default=0)  # type: ignore[attr-defined]
        pairs = aligned.get(name, [])
        found, names = candidates(doc.article.zh, pairs)  # type: ignore[attr-defined]
        claimed = [(set(r.term), r.translation.casefold()) for r in own]  # type: ignore[attr-defined]
        scored = []
        for term in sorted(found - have):
            r = _unclaimed(realign.renderings(term, pairs), term, claimed, lang)
            if not r.best:
                continue
            conf = confidence(features(r, term, term in names))
            weight = specificity(segment.cut_term(term.replace("·", "")) or (term,), segment.idf)
            scored.append((-(conf * weight * math.log2(1 + r.occurrences)), term, r, conf))
        scored.sort()
        for k, (_s, term, r, conf) in enumerate(scored[:budget]):
            marks, numbers = term_pinyin(tuple(segment.cut(term)))
            examples = tuple((p.zh.text, p.tr.text) for p in pairs if term in "".join(p.zh.forms))[:MAX_EXAMPLES]
            alts = tuple(text for text, _n in r.votes[1:4])
            evidence = (f"word aligner: {r.votes[0][1]} of {r.occurrences} sentence(s)",)
            out.append(row_type(term, marks, numbers, lang, r.best, alts, round(conf, 3), "word-aligned",
                                evidence, name, last + 1 + k, examples))
    return out
