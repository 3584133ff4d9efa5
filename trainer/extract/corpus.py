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

from trainer.extract.align import Bead
from trainer.extract.lexicon import word_key_fn
from trainer.extract.spans import analyse, content_ngrams
from trainer.extract.translate import Candidate, Unit, span_counts, unit_candidates


@dataclass
class LangCorpus:
    """All units of one translation language, with span counts and a term index."""

    lang: str
    units: list[Unit] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    counts: Counter[tuple[str, ...]] = field(default_factory=Counter)
    #: Token-level counts of words and of adjacent word pairs: compounds ("hỗ trợ").
    adjacency: Counter[tuple[str, ...]] = field(default_factory=Counter)
    by_term: dict[str, list[int]] = field(default_factory=dict)
    by_term_doc: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    terms_in: dict[int, list[str]] = field(default_factory=dict)
    _span_counts: dict[str, Counter[tuple[str, ...]]] = field(default_factory=dict)
    _candidates: dict[int, list[Candidate]] = field(default_factory=dict)

    def add(self, doc: str, zh: str, tr: str, words: tuple[str, ...] = ()) -> None:
        sentence = analyse(tr, self.lang)
        grams = frozenset(content_ngrams(sentence, self.lang))
        self.units.append(Unit(zh, sentence, grams, words))
        self.docs.append(doc)
        self.counts.update(grams)
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

    def candidates(self, unit: Unit) -> list[Candidate]:
        """A unit's candidate spans, cached while its document is being processed."""
        found = self._candidates.get(id(unit))
        if found is None:
            if len(self._candidates) > 4096:
                self._candidates.clear()
            found = self._candidates[id(unit)] = unit_candidates(unit, self.lang, word_key_fn(self.lang), self.adjacency)
        return found

    def span_counts(self, term: str) -> Counter[tuple[str, ...]]:
        """Span counts over a term's units, computed once per term."""
        if term not in self._span_counts:
            self._span_counts[term] = span_counts(self.units_of(term))
        return self._span_counts[term]

    def rivals(self, term: str, doc: str) -> list[tuple[int, Counter[tuple[str, ...]]]]:
        """Other terms sharing the term's sentences in ``doc`` (not nested in it or it in them)."""
        names: set[str] = set()
        for i in self.by_term_doc.get((term, doc), []):
            names.update(t for t in self.terms_in.get(i, []) if t not in term and term not in t)
        return [(len(self.by_term[t]), self.span_counts(t)) for t in sorted(names)]

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
