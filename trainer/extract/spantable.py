"""Candidate spans as integer ids and numpy arrays.

Finding a term's rendering looks at every candidate span of every sentence
holding the term: about a million (span, term) pairs per hundred articles.  As
Python dictionary work per pair that was nine tenths of extraction time, so the
corpus numbers each distinct span key and word key once, keeps per sentence
the arrays of its spans (id, size, cut cost, position, word keys), and per term
the sorted ids and counts of the spans of its sentences.  Scoring a term's
spans is then a handful of array operations (``translate.score_candidates``).

Pure: numbers in, numbers out; no I/O.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from trainer.extract.units import Candidate, Unit, unit_candidates

Key = tuple[str, ...]


@dataclass(frozen=True)
class UnitSpans:
    """A unit's distinct candidate spans, as parallel arrays (first occurrence first)."""

    cands: list[Candidate]  # key, raw surface, word keys, cut cost, first word: for the spans scored in full
    ids: np.ndarray  # span id of each candidate
    units: np.ndarray  # how many units of the corpus hold it
    size: np.ndarray  # content words in it
    cut: np.ndarray  # cost of cutting a compound at its edges
    pos: np.ndarray  # where each occurrence's middle sits in the sentence, 0..1, all spans' in a row
    pos_start: np.ndarray  # where each span's occurrences start in ``pos``
    first: np.ndarray  # index of its first word among the sentence's content words
    word_ids: np.ndarray  # word-key id of each content word of the sentence
    norm_ids: np.ndarray  # id of each content word itself
    piece: np.ndarray  # a piece of a fixed phrase (see units.unit_candidates)

    def count(self, per_word: np.ndarray) -> np.ndarray:
        """How many of the flagged content words each candidate holds."""
        before = np.concatenate(([0], np.cumsum(per_word)))
        return before[self.first + self.size] - before[self.first]


@dataclass
class TermCounts:
    """In how many of a term's units each span occurs (sorted span ids, counts)."""

    ids: np.ndarray
    counts: np.ndarray
    _by_id: dict[int, int] | None = field(default=None, repr=False)

    def lookup(self, ids: np.ndarray) -> np.ndarray:
        """Counts for many span ids at once (0 for spans never seen with the term)."""
        if not len(self.ids):
            return np.zeros(len(ids), dtype=np.int64)
        at = np.minimum(np.searchsorted(self.ids, ids), len(self.ids) - 1)
        return np.where(self.ids[at] == ids, self.counts[at], 0)

    @property
    def by_id(self) -> dict[int, int]:
        """The counts as a dictionary, built on first use (one span at a time is
        faster looked up there than in the arrays)."""
        if self._by_id is None:
            self._by_id = dict(zip(self.ids.tolist(), self.counts.tolist()))
        return self._by_id

    def get(self, span_id: int, default: int = 0) -> int:
        return self.by_id.get(span_id, default)


def term_counts(gram_ids: Sequence[np.ndarray], vocabulary: int) -> TermCounts:
    """Span counts over some units, from each unit's distinct span ids.

    A frequent term's units hold a good share of all span ids: counting them
    into an array over the whole vocabulary is linear, where sorting them
    (np.unique) would not be."""
    if not gram_ids:
        return TermCounts(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    every = np.concatenate(gram_ids)
    if 8 * len(every) < vocabulary:
        ids, counts = np.unique(every, return_counts=True)
        return TermCounts(ids, counts)
    counts = np.bincount(every, minlength=vocabulary)
    ids = np.flatnonzero(counts)
    return TermCounts(ids, counts[ids])


class SpanTable:
    """Ids for span keys and word keys of one language's corpus, and span counts."""

    #: Units whose span arrays are kept (a document's sentences stay hot).
    CACHE = 4096

    def __init__(self, lang: str, word_key: Callable[[str], str], adjacency: Counter[Key] | None = None) -> None:
        self.lang = lang
        self.word_key = word_key
        #: Word and adjacent-pair counts, to price spans that cut a compound.
        self.adjacency = adjacency
        self._span_ids: dict[Key, int] = {}
        self._word_ids: dict[str, int] = {}
        self._norm_ids: dict[str, int] = {}
        self._norms: list[str] = []
        self._unit_counts: list[int] = []  # units holding each span id
        self._counts: np.ndarray | None = None
        self._spans: dict[int, UnitSpans] = {}

    def span_id(self, key: Key) -> int:
        """The id of a span key, numbered on first sight."""
        found = _number(self._span_ids, key)
        if found == len(self._unit_counts):
            self._unit_counts.append(0)
        return found

    @property
    def spans(self) -> int:
        """How many span keys have an id."""
        return len(self._span_ids)

    def find_span(self, key: Key) -> int | None:
        return self._span_ids.get(key)

    def add_grams(self, grams: Iterable[Key]) -> np.ndarray:
        """Number a unit's distinct span keys and count the unit for each."""
        ids = sorted(self.span_id(g) for g in grams)
        counts = self._unit_counts
        for i in ids:
            counts[i] += 1
        self._counts = None
        self._spans.clear()  # their unit counts are out of date
        return np.array(ids, dtype=np.int64)

    def unit_count(self, span_id: int | None) -> int:
        """Units holding a span (1 for a key no unit holds: a whole title too long to be a span)."""
        if span_id is None or span_id >= len(self._unit_counts) or not self._unit_counts[span_id]:
            return 1
        return self._unit_counts[span_id]

    def unit_counts(self) -> np.ndarray:
        """Units holding each span id, as an array (built again after new units)."""
        if self._counts is None:
            self._counts = np.array(self._unit_counts, dtype=np.int64)
        return self._counts

    def word_ids(self, keys: Iterable[str]) -> np.ndarray:
        """Ids of the word keys already seen in some span (others match nothing)."""
        table = self._word_ids
        return np.array(sorted({table[k] for k in keys if k in table}), dtype=np.int64)

    def words_in(self, units: Sequence[Unit], text: str) -> np.ndarray:
        """Ids of the span words of these units that occur inside ``text``
        (a term's toneless pinyin: transcribed names)."""
        if not units:
            return np.zeros(0, dtype=np.int64)
        ids = np.unique(np.concatenate([self.unit_spans(u).norm_ids for u in units]))
        norms = self._norms
        return np.array([i for i in ids.tolist() if norms[i] in text], dtype=np.int64)

    def unit_spans(self, unit: Unit) -> UnitSpans:
        """A unit's candidate spans as arrays, cached while its document is being processed."""
        found = self._spans.get(id(unit))
        if found is None:
            if len(self._spans) > self.CACHE:
                self._spans.clear()
            found = self._spans[id(unit)] = self._arrays(unit)
        return found

    def _arrays(self, unit: Unit) -> UnitSpans:
        cands = unit_candidates(unit, self.lang, self.word_key, self.adjacency)
        text = unit.sentence.text
        words = [w for w in unit.sentence.norms if w is not None]
        return UnitSpans(
            cands,
            ids := np.array([self.span_id(c[0]) for c in cands], dtype=np.int64),
            self.unit_counts()[ids],
            np.array([len(c[0]) for c in cands], dtype=np.int64),
            np.array([c[3] for c in cands], dtype=np.float64),
            *_positions([c[1] for c in cands], text),
            np.array([c[4] for c in cands], dtype=np.int64),
            np.array([self._word_id(self.word_key(w)) for w in words], dtype=np.int64),
            np.array([self._norm_id(w) for w in words], dtype=np.int64),
            np.array([c[5] for c in cands], dtype=bool),
        )

    def _word_id(self, key: str) -> int:
        return _number(self._word_ids, key)

    def _norm_id(self, word: str) -> int:
        found = _number(self._norm_ids, word)
        if found == len(self._norms):
            self._norms.append(word)
        return found


def _number(ids: dict[Any, int], key: Any) -> int:
    """The id of ``key`` in ``ids``, the next free one on first sight."""
    return ids.setdefault(key, len(ids))


def _positions(surfaces: Sequence[str], text: str) -> tuple[np.ndarray, np.ndarray]:
    """Where every occurrence of each surface sits in the text (its middle,
    0..1, any case: "Farmers" opening a sentence is "farmers" too), flat,
    and where each surface's occurrences start in that array."""
    text = text.lower()
    size = max(1, len(text))
    flat: list[float] = []
    starts: list[int] = []
    for surface in map(str.lower, surfaces):
        starts.append(len(flat))
        at = text.find(surface)
        if at < 0:
            flat.append(0.5)
        while at >= 0:
            flat.append((at + len(surface) / 2) / size)
            at = text.find(surface, at + 1)
    return np.array(flat, dtype=np.float64), np.array(starts, dtype=np.int64)
