"""Phrase choice: which of a term's candidate translations to keep, and how sure to be.

A term's candidates are the phrases the word aligner gives it in the article's
sentences (:func:`realign.renderings`) and what the ranked extractor proposed
(its translation and alternatives).  Each is described by the evidence a
phrase table would hold (how often the aligner votes for it, how strongly it
co-occurs with the term across the article's sentence pairs, what the shipped
translation table and the dictionary say of its words, its length).  One
logistic model, fitted on both dev sets by bench/fit_rank.py
(data/choice_model.json), turns that into the probability that the candidate
is right: the most probable candidate is the translation, its probability the
row's confidence.  The model is the mean of two fitted on the same rows, an
L2 logistic regression and gradient-boosted trees (:mod:`boosted`): on held-out
articles the mean ranks as well as either and is better calibrated, with fewer
wrong rows among the sure ones (bench/RESULTS_extract.md, session 33).
"""

from __future__ import annotations

import json
import math
from difflib import SequenceMatcher
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Sequence

from trainer.extract import anchors, priors, realign, tokens
from trainer.extract.boosted import Trees
from trainer.extract.pinyin import plain_syllables
from trainer.extract.text import fold, is_function_word

MODEL = Path(__file__).with_name("data") / "choice_model.json"

FEATURES = ("bias", "share", "top_vote", "from_row", "row_confidence", "row_gloss", "dice",
            "dictionary_share", "table_support", "char_cover", "length_gap", "inner_punctuation",
            "log_occurrences", "term_linked", "phrase_linked", "phrase_elsewhere", "derived", "cross_support", "name",
            "capitals", "sound_like", "outside_linked")


@dataclass(frozen=True)
class Candidate:
    text: str
    features: dict[str, float]


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]  # the logistic regression's
    trees: Trees

    @classmethod
    def from_json(cls, data: dict) -> "Model":
        return cls({k: float(v) for k, v in data["logistic"].items()}, Trees.from_json(data["trees"]))

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        logistic = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return 0.5 * (logistic + self.trees.probability(features))


@cache
def _model() -> Model | None:
    try:
        return Model.from_json(json.loads(MODEL.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def probability(c: Candidate) -> float:
    """The fitted probability that the candidate is a right translation (0.5, no
    preference, if the shipped model is missing)."""
    model = _model()
    return model.probability(c.features) if model is not None else 0.5


@cache
def _table_by_char(lang: str) -> dict[str, dict[str, float]]:
    """p(word | character) from the shipped background table."""
    out: dict[str, dict[str, float]] = {}
    for (c, w), n in realign.table(lang).items():
        out.setdefault(c, {})[w] = n
    for c, words in out.items():
        total = sum(words.values())
        out[c] = {w: n / total for w, n in words.items()}
    return out


@lru_cache(maxsize=65536)
def _is_content(form: str, lang: str) -> bool:
    return tokens.is_word(form) and not is_function_word(form, lang)


def _content(forms: Sequence[str], lang: str) -> list[str]:
    return [f for f in forms if _is_content(f, lang)]


#: A sentence pair holding the term, with the term's first token range in it.
Place = tuple[realign.AlignedPair, range]


def places_of(term: str, pairs: Sequence[realign.AlignedPair]) -> list[Place]:
    """The sentence pairs holding the term (searched once per term, not per candidate)."""
    return [(p, found[0]) for p in pairs if (found := p.zh.find(term))]


def features(
    term: str, text: str, pairs: Sequence[realign.AlignedPair], lang: str, r: realign.Renderings,
    row: object | None = None, is_name: bool = False, places: Sequence[Place] | None = None,
) -> dict[str, float]:
    """The evidence for one candidate translation ``text`` of ``term`` in an article
    (``places``: :func:`places_of` the term, when the caller has it)."""
    latin = tokens.latin(text)
    forms = latin.forms
    content = _content(forms, lang)
    capitals = [latin.surface(j, j) for j, f in enumerate(forms)
                if _is_content(f, lang) and text[latin.starts[j]].isupper()]
    votes = dict(r.votes)
    with_term = places_of(term, pairs) if places is None else places
    both = sum(1 for p, _at in with_term if p.tr.find_forms(forms))
    anywhere = sum(1 for p in pairs if p.tr.find_forms(forms))
    keys = priors.keys_of(term, lang)
    by_char = _table_by_char(lang)
    chars = [c for c in term.lower() if c in by_char or tokens.is_hanzi(c)]
    support = [max((by_char.get(c, {}).get(w, 0.0) for c in chars), default=0.0) for w in content]
    covered = [c for c in chars if any(by_char.get(c, {}).get(w, 0.0) > 0.05 for w in content)]
    linked = _link_shares(forms, with_term, lang)
    from_row = row is not None and text == row.translation  # type: ignore[attr-defined]
    return {
        "bias": 1.0,
        "share": votes.get(text, 0) / (r.occurrences * r.runs) if r.occurrences else 0.0,
        "top_vote": 1.0 if text == r.best else 0.0,
        "from_row": 1.0 if from_row else 0.0,
        "row_confidence": _logit(float(row.confidence)) if from_row else 0.0,  # type: ignore[attr-defined]
        "row_gloss": 1.0 if from_row and row.method == "dictionary" else 0.0,  # type: ignore[attr-defined]
        "dice": 2 * both / (len(with_term) + anywhere) if with_term or anywhere else 0.0,
        "dictionary_share": (sum(1 for w in content if anchors.tr_word_key(w, lang) in keys) / len(content)
                             if content else 0.0),
        "table_support": sum(support) / len(support) if support else 0.0,
        "char_cover": len(covered) / len(chars) if chars else 0.0,
        "length_gap": abs(len(content) - max(1.0, len(term) / 2.0)),
        "inner_punctuation": 1.0 if any(not tokens.is_word(f) for f in forms[1:-1]) else 0.0,
        "log_occurrences": math.log(len(with_term)) if with_term else 0.0,
        "term_linked": linked[0],
        "phrase_linked": linked[1],
        "phrase_elsewhere": linked[2],
        "outside_linked": linked[3],
        "derived": 0.0,
        "name": 1.0 if is_name else 0.0,
        "capitals": len(capitals) / len(content) if content else 0.0,
        "sound_like": _sound_like(term, capitals),
        "cross_support": _overlap(text, (r.best or "") if from_row else (row.translation if row is not None else ""), lang),  # type: ignore[attr-defined]
    }


@lru_cache(maxsize=16384)
def _sounds(term: str) -> str:
    return plain_syllables(term).lower()


def _sound_like(term: str, capitals: Sequence[str]) -> float:
    """How much the capitalised words sound like the term's pinyin ("Maybelline"
    and meibaolian): a transliterated name, in the letters' order."""
    spelled = fold("".join(capitals)).lower()
    if not spelled:
        return 0.0
    sounds = _sounds(term)
    return SequenceMatcher(None, sounds, spelled, autojunk=False).ratio()


def _logit(p: float) -> float:
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


def _overlap(a: str, b: str, lang: str) -> float:
    """Jaccard of two phrases' content words: how far the other method agrees."""
    x = set(_content(tokens.latin(a).forms, lang))
    y = set(_content(tokens.latin(b).forms, lang))
    return len(x & y) / len(x | y) if x and y else 0.0


def _link_shares(forms: Sequence[str], with_term: Sequence[Place], lang: str) -> tuple[float, float, float, float]:
    """Over the sentences and runs where both the term and the phrase occur: the
    mean share of the term's characters linked into the phrase, of the phrase's
    content words linked to the term, of them linked only elsewhere, and of the
    phrase's two outside neighbours linked to the term (a boundary cut inside
    the term's rendering: "cưỡng" without "hiếp")."""
    n = len(forms)
    sums, count = [0.0, 0.0, 0.0, 0.0], 0
    for pair, at in with_term:
        starts = pair.tr.find_forms(forms)
        if not starts:
            continue
        zh = set(at)
        target = [j for j in range(starts[0], starts[0] + n) if _is_content(pair.tr.forms[j], lang)]
        if not zh or not target:
            continue
        outside = {j for j in _next_content(pair.tr, starts[0], starts[0] + n - 1, lang) if j is not None}
        for links in pair.runs:
            inside = {(i, j) for i, j in links if i in zh and j in target}
            sums[0] += len({i for i, _j in inside}) / len(zh)
            sums[1] += len({j for _i, j in inside}) / len(target)
            elsewhere = {j for i, j in links if j in target and i not in zh} - {j for _i, j in inside}
            sums[2] += len(elsewhere) / len(target)
            sums[3] += len({j for i, j in links if i in zh and j in outside}) / 2
            count += 1
    return tuple(v / count for v in sums) if count else (0.0, 0.0, 0.0, 0.0)  # type: ignore[return-value]


def _next_content(tr: tokens.Tokens, first: int, last: int, lang: str) -> tuple[int | None, int | None]:
    """The nearest content word left and right of tokens first..last, across
    function words only (None: punctuation or the sentence's edge comes first)."""
    found: list[int | None] = []
    for j, step in ((first - 1, -1), (last + 1, 1)):
        while 0 <= j < len(tr.forms) and tokens.is_word(tr.forms[j]) and not _is_content(tr.forms[j], lang):
            j += step
        found.append(j if 0 <= j < len(tr.forms) and _is_content(tr.forms[j], lang) else None)
    return found[0], found[1]


def candidates(
    term: str, pairs: Sequence[realign.AlignedPair], lang: str, row: object | None = None,
    r: realign.Renderings | None = None, is_name: bool = False,
) -> list[Candidate]:
    """Every distinct candidate translation of the term, with its features."""
    if r is None:
        r = realign.renderings(term, pairs, lang)
    texts = [text for text, _n in r.votes]
    if row is not None:
        texts += [row.translation, *row.alternatives]  # type: ignore[attr-defined]
    seen = dict.fromkeys(text for text in texts if text and text.strip())
    places = places_of(term, pairs)
    derived = dict.fromkeys(d for text, _n in r.votes[:DERIVED_FROM] for d in _neighbours(text, places, lang)
                            if d not in seen)
    out = [Candidate(text, features(term, text, pairs, lang, r, row, is_name, places)) for text in seen]
    for text in derived:
        feats = features(term, text, pairs, lang, r, row, is_name, places)
        feats["derived"] = 1.0
        out.append(Candidate(text, feats))
    return out


#: Voted phrases whose neighbours (one content word more or less at an edge) are candidates too.
DERIVED_FROM = 3


def _neighbours(text: str, places: Sequence[Place], lang: str) -> list[str]:
    """The phrase grown by the next content word on either side (with the function
    words between), or shrunk by one content word at either edge, in the first
    sentence holding both the term and the phrase: phrase extraction's
    boundary choices, left for the model to judge."""
    forms = tokens.latin(text).forms
    n = len(forms)
    for pair, _at in places:
        tr = pair.tr
        starts = tr.find_forms(forms)
        if not starts:
            continue
        first, last = starts[0], starts[0] + n - 1
        out = []
        left, right = _next_content(tr, first, last, lang)
        if left is not None:
            out.append(tr.surface(left, last))
        if right is not None:
            out.append(tr.surface(first, right))
        words = [k for k in range(first, last + 1) if _is_content(tr.forms[k], lang)]
        if len(words) > 1:
            out.append(tr.surface(words[1], words[-1]))
            out.append(tr.surface(words[0], words[-2]))
        return out
    return []


def ranked(cands: Sequence[Candidate]) -> list[tuple[float, Candidate]]:
    """The candidates with their probabilities, most probable first (ties: first proposed)."""
    scored = sorted(((probability(c), k, c) for k, c in enumerate(cands)), key=lambda s: (-s[0], s[1]))
    return [(p, c) for p, _k, c in scored]
