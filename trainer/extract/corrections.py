"""Learners' decisions as the extractor's strongest evidence.

A confirmed pair (accepted, picked or typed by a learner) is a dictionary entry
for every later article: the same term in another article takes the confirmed
rendering when that rendering occurs in one of the term's aligned sentences
(the learner confirmed a meaning, not a sentence, so it must be there to be
cut from this article).  A term rejected in a deck is not proposed for it again.
Pure: the caller reads the decisions from the store.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Sequence

from trainer.extract.documents import Row
from trainer.checking import rejected_terms
from trainer.models import Correction

#: A row taken from a learner's decision is as sure as the learner.
CONFIRMED = 1.0


def confirmed_pairs(corrections: Iterable[Correction]) -> dict[tuple[str, str], list[str]]:
    """(term, lang) -> confirmed renderings, the latest decision first."""
    out: dict[tuple[str, str], list[str]] = {}
    for c in sorted(corrections, key=lambda c: -c.decided_ms):
        if c.confirmed:
            texts = out.setdefault((c.term, c.lang), [])
            if c.new not in texts:
                texts.append(c.new)
    return out


def _occurs(text: str, sentence: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(text.casefold()) + r"(?!\w)", sentence.casefold()) is not None


def apply_corrections(rows: Sequence[Row], corrections: Sequence[Correction], deck: str = "") -> list[Row]:
    """Rows with confirmed renderings taken where the article shows them, and the
    deck's rejected terms left out."""
    pairs = confirmed_pairs(corrections)
    rejected = rejected_terms(corrections, deck) if deck else set()
    out = []
    for row in rows:
        if row.term in rejected:
            continue
        for text in pairs.get((row.term, row.lang), ()):
            if any(_occurs(text, tr) for _zh, tr in row.examples):
                others = tuple(a for a in (row.translation, *row.alternatives) if a != text)[:3]
                row = replace(row, translation=text, alternatives=others, confidence=CONFIRMED,
                              method="confirmed", evidence=("confirmed by a learner", *row.evidence))
                break
        out.append(row)
    return out
