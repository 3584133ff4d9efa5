"""Example sentences for cloze cards: where a term occurs, with its translation.

A title ("驻村帮扶" alone) makes a poor cloze: the whole sentence would be the
blank.  Sentences that say more than the term come first, in text order.
"""

from __future__ import annotations

from typing import Sequence

from trainer.extract.units import Unit

MAX_EXAMPLES = 3


def examples_for(term: str, units: Sequence[Unit], limit: int = MAX_EXAMPLES) -> tuple[tuple[str, str], ...]:
    """(Chinese, aligned translation) pairs holding ``term``, best first."""
    holding = [u for u in units if term in u.zh]
    ordered = sorted(holding, key=lambda u: len(u.letters) <= len(term) + 1)  # stable: text order kept
    return tuple((u.zh, u.sentence.text) for u in ordered[:limit])
