"""Aligned sentence pairs of every article, indexed for translation statistics.

Statistics are gathered per translation language over *all* input files, so a
term met in three French articles gets three articles' worth of evidence.
Everything here is linear in the corpus size: term occurrences are found by
looking up each sentence's character n-grams, never by scanning all units per term.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np

from trainer.extract import wordmodel
from trainer.extract.align import Bead
from trainer.extract.lexicon import word_key_fn
from trainer.extract.spans import analyse, content_ngrams
from trainer.extract.spantable import SpanTable, TermCounts, term_counts
from trainer.extract.units import Unit


@dataclass
class LangCorpus:
    """All units of one translation language, with span counts and a term index."""

    lang: str
    units: list[Unit] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    #: Token-level counts of words and of adjacent word pairs: compounds ("hỗ trợ").
    adjacency: Counter[tuple[str, ...]] = field(default_factory=Counter)
    by_term: dict[str, list[int]] = field(default_factory=dict)
    by_term_doc: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    terms_in: dict[int, list[str]] = field(default_factory=dict)
    #: Span ids, per-unit span arrays and corpus-wide span counts.
    table: SpanTable = field(init=False)
    _gram_ids: list[np.ndarray] = field(default_factory=list)
    _term_counts: dict[str, TermCounts] = field(default_factory=dict)
    #: What each Chinese character renders, learned from all units (see learn_chars).
    chars: dict[str, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.table = SpanTable(self.lang, word_key_fn(self.lang), self.adjacency)

    def add(self, doc: str, zh: str, tr: str, words: tuple[str, ...] = ()) -> None:
        sentence = analyse(tr, self.lang)
        grams = frozenset(content_ngrams(sentence, self.lang))
        self.units.append(Unit(zh, sentence, grams, words))
        self.docs.append(doc)
        self._gram_ids.append(self.table.add_grams(grams))
        norms, barrier = sentence.norms, sentence.barrier
        for k, n in enumerate(norms):
            if n is not None:
                self.adjacency[(n,)] += 1
                if k and not barrier[k] and norms[k - 1] is not None:
                    self.adjacency[(norms[k - 1], n)] += 1

    def index_terms(self, terms: Iterable[str]) -> None:
        """Record which units hold each term (by substring, via n-gram lookup)."""
        termset = set(terms)
        lengths = sorted({len(t) for t in termset})
        self.by_term = {}
        self.by_term_doc = {}
        for idx, unit in enumerate(self.units):
            text = unit.zh
            seen: set[str] = set()
            for i in range(len(text)):
                for n in lengths:
                    piece = text[i:i + n]
                    if len(piece) < n:
                        break
                    if piece in termset and piece not in seen:
                        seen.add(piece)
                        self.by_term.setdefault(piece, []).append(idx)
                        self.by_term_doc.setdefault((piece, self.docs[idx]), []).append(idx)
                        self.terms_in.setdefault(idx, []).append(piece)

    def learn_chars(self) -> None:
        """Fit the character word model (wordmodel.py) on every unit, once all are added."""
        key = self.table.word_key
        self.chars = wordmodel.char_words([(u.zh, [key(n) for n in u.sentence.norms if n]) for u in self.units])

    def span_counts(self, term: str) -> TermCounts:
        """Span counts over a term's units, computed once per term."""
        found = self._term_counts.get(term)
        if found is None:
            ids = self.by_term.get(term, [])
            found = self._term_counts[term] = term_counts([self._gram_ids[i] for i in ids], self.table.spans)
        return found

    def rivals(self, term: str, doc: str) -> list[tuple[int, dict[int, int]]]:
        """Other terms sharing the term's sentences in ``doc`` (not nested in it or it in them)."""
        names: set[str] = set()
        for i in self.by_term_doc.get((term, doc), []):
            names.update(t for t in self.terms_in.get(i, []) if t not in term and term not in t)
        return [(len(self.by_term[t]), self.span_counts(t).by_id) for t in sorted(names)]

    def count(self, term: str) -> int:
        """Units of the whole corpus holding the term."""
        return len(self.by_term.get(term, ()))

    def units_of(self, term: str, doc: str | None = None) -> list[Unit]:
        ids = self.by_term.get(term, []) if doc is None else self.by_term_doc.get((term, doc), [])
        return [self.units[i] for i in ids]


Pair = tuple[str, str, tuple[str, ...]]  # Chinese, translation, Chinese words


def bead_texts(
    beads: Sequence[Bead], zh: Sequence[str], tr: Sequence[str], words: Sequence[Sequence[str]]
) -> list[Pair]:
    """(Chinese, translation, Chinese words) of each bead that has both sides."""
    out = []
    for bead in beads:
        if bead.zh and bead.tr:
            ws = tuple(w for i in bead.zh for w in words[i])
            out.append(("".join(zh[i] for i in bead.zh), " ".join(tr[j] for j in bead.tr), ws))
    return out
