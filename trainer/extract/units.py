"""Aligned sentence pairs as units, and the candidate spans of each.

A unit is one aligned bead (Chinese text, its translation analysed into words);
its candidate spans are the runs of words a rendering can be, with the cost of
cutting a compound that the corpus always writes together ("hỗ trợ").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from trainer.extract.spans import Sentence, spans
from trainer.extract.text import vi_base

#: Adjacent words this cohesive form one compound a span should not cut.
CUT = 0.75


#: Times a word must occur before it can be judged never seen apart from its neighbour.
CLOSED_MIN = 3


@dataclass(frozen=True)
class Unit:
    """One aligned bead: Chinese text, its translation, and the translation's keys."""

    zh: str
    sentence: Sentence
    grams: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    words: tuple[str, ...] = ()

    @cached_property
    def letters(self) -> str:
        """The Chinese text without punctuation or spaces (is it just a title?)."""
        return "".join(c for c in self.zh if c.isalnum())

    @cached_property
    def word_pairs(self) -> tuple[tuple[str, frozenset[str]], ...]:
        """Distinct words of two characters or more, with their character pairs."""
        words = dict.fromkeys(w for w in self.words if len(w) >= 2)
        return tuple((w, char_pairs(w)) for w in words)

    @cached_property
    def toneless(self) -> frozenset[str]:
        """The translation's words without a final tone digit (Vietnamese keys)."""
        return frozenset(vi_base(n) for n in self.sentence.norms if n)


@dataclass(frozen=True)
class Scored:
    text: str
    key: tuple[str, ...]
    score: float
    evidence: tuple[str, ...]
    #: Sentences of the term showing the span (0: not known).
    n_tp: int = field(default=0, compare=False)
    #: Evidence beyond co-occurrence: a dictionary word or name, the whole
    #: title, or the quotation in the term's place.
    backed: bool = field(default=False, compare=False)


def char_pairs(word: str) -> frozenset[str]:
    """A word's runs of two characters."""
    return frozenset(word[i:i + 2] for i in range(len(word) - 1))


def is_title(unit: Unit, term: str) -> bool:
    return unit.letters == term


#: key, raw surface, lexical keys, cut cost, index of its first word among the content words,
#: whether an edge word is always next to the same word outside it (a piece of a fixed phrase)
Candidate = tuple[tuple[str, ...], str, tuple[str, ...], float, int, bool]


def cohesion(a: str | None, b: str | None, counts: Counter[tuple[str, ...]]) -> float:
    """How often two adjacent words go together (Dice): near 1 inside a compound ("hỗ trợ")."""
    if a is None or b is None:
        return 0.0
    pair = counts.get((a, b), 0)
    if pair < 2:
        return 0.0
    return 2 * pair / (counts.get((a,), pair) + counts.get((b,), pair))


def unit_candidates(
    unit: Unit, lang: str, word_key: Callable[[str], str], counts: Counter[tuple[str, ...]] | None = None
) -> list[Candidate]:
    """Distinct candidate spans of a unit, first occurrence first, with the cost of
    cutting through a compound at either edge ("trợ" out of "hỗ trợ").  Surfaces
    are raw text: only the few spans that get fully scored are cleaned."""
    seen: dict[tuple[str, ...], tuple[str, float, int, bool]] = {}
    pair: dict[tuple[str | None, str | None], float] = {}  # cohesion, once per word pair

    def coh(a: str | None, b: str | None) -> float:
        found = pair.get((a, b))
        if found is None:
            found = pair[(a, b)] = cohesion(a, b, counts) if counts is not None else 0.0
        return found

    for key, surface, left, right, start in spans(unit.sentence, lang):
        if key not in seen:
            cut = 0.0
            if counts is not None:
                # An edge cuts a compound when the outside pair is cohesive and
                # at least as tight as the pair just inside ("cử cán bộ xuống" recurs as a
                # phrase, yet "cán bộ" is the compound in it).
                long = len(key) > 1
                outer = coh(left, key[0])
                if outer >= CUT and outer >= (coh(key[0], key[1]) if long else 0.0):
                    cut += outer
                outer = coh(key[-1], right)
                if outer >= CUT and outer >= (coh(key[-2], key[-1]) if long else 0.0):
                    cut += outer
            piece = counts is not None and (_always_next(key[-1], right, counts, False)
                                            or _always_next(key[0], left, counts, True))
            seen[key] = (surface, cut, start, piece)
    keys = [word_key(w) for w in unit.sentence.norms if w is not None]  # per content word
    return [(key, surface, tuple(keys[start:start + len(key)]), cut, start, piece)
            for key, (surface, cut, start, piece) in seen.items()]


def _always_next(edge: str, outside: str | None, counts: Counter[tuple[str, ...]], before: bool) -> bool:
    """Whether every occurrence of the edge word in the corpus (CLOSED_MIN at
    least) has the outside word right next to it on that side: "đói" always
    followed by "giảm" makes "xoá đói" a piece of "xoá đói giảm nghèo", no
    rendering of its own (C-value says the same of nested terms on the
    Chinese side)."""
    if outside is None:
        return False
    alone = counts.get((edge,), 0)
    return alone >= CLOSED_MIN and counts.get((outside, edge) if before else (edge, outside), 0) == alone
