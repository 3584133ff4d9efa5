"""Checking mined notes: which need a look, in what order, and the span a learner adjusts.

Pure logic for the check screen (:mod:`trainer.tui.screens.check`) and the store
(:mod:`trainer.store.checks`).  A translation is *checked* once a learner accepted,
picked or typed it (method ``confirmed`` or ``edited``); it *needs checking* when it
is unsure (:attr:`trainer.models.Translation.unsure`) and not checked.  The span is
the part of the example's translated sentence that the learner widens or narrows
word by word; its text becomes the translation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from trainer.models import Correction, Note, Translation

#: Methods that mean a learner has looked at the rendering and stands by it.
CHECKED_METHODS = frozenset({"confirmed", "edited"})

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def is_checked(translation: Translation | None) -> bool:
    return translation is not None and translation.method in CHECKED_METHODS


def needs_check(translation: Translation | None) -> bool:
    """Unsure and not yet checked: such a note waits before it is studied (by default)."""
    return translation is not None and translation.unsure and not is_checked(translation)


def rejected_terms(corrections: Iterable[Correction], deck: str) -> set[str]:
    """Terms whose latest decision in ``deck`` is a rejection (later decisions win)."""
    latest: dict[tuple[str, str], Correction] = {}
    for c in sorted(corrections, key=lambda c: c.decided_ms):
        if c.deck == deck:
            latest[(c.term, c.lang)] = c
    return {term for (term, _lang), c in latest.items() if c.decision == "reject"}


def check_queue(notes: Iterable[Note], lang: str, rejected: Iterable[str] = ()) -> list[Note]:
    """The notes still to confirm in ``lang``, least confident first (then by importance).

    Dictionary glosses come first whatever their number says: the article never
    showed them, so they are the least trustworthy of all.
    """
    skip = set(rejected)
    waiting = [n for n in notes
               if n.term not in skip and (t := n.translation(lang)) is not None and not is_checked(t)]
    return sorted(waiting, key=lambda n: (_order_confidence(n.translation(lang)), n.rank, n.id))


def _order_confidence(translation: Translation | None) -> float:
    if translation is None or translation.method == "dictionary":
        return -1.0
    return translation.confidence


@dataclass(frozen=True)
class Span:
    """Words ``start`` to ``end`` (exclusive) of a sentence's word list."""

    start: int
    end: int


def words(sentence: str) -> list[tuple[int, int]]:
    """Character ranges of the words of a translated sentence (punctuation is not a word)."""
    return [(m.start(), m.end()) for m in _WORD.finditer(sentence)]


def find_span(sentence: str, text: str) -> Span | None:
    """The words of ``sentence`` that spell ``text`` (case-insensitive), or None."""
    ranges = words(sentence)
    target = [w.casefold() for w in _WORD.findall(text)]
    if not target:
        return None
    folded = [sentence[a:b].casefold() for a, b in ranges]
    for start in range(len(folded) - len(target) + 1):
        if folded[start:start + len(target)] == target:
            return Span(start, start + len(target))
    return None


def widen(span: Span | None, side: str, count: int) -> Span | None:
    """One more word on ``side`` ("left" or "right"); a first word when there is no span."""
    if count == 0:
        return None
    if span is None:
        return Span(0, 1) if side == "right" else Span(count - 1, count)
    if side == "left":
        return Span(max(0, span.start - 1), span.end)
    return Span(span.start, min(count, span.end + 1))


def narrow(span: Span | None, side: str) -> Span | None:
    """One word less, taken from ``side`` ("left" or "right"); never below one word."""
    if span is None or span.end - span.start <= 1:
        return span
    if side == "left":
        return Span(span.start + 1, span.end)
    return Span(span.start, span.end - 1)


def span_text(sentence: str, span: Span) -> str:
    """The text a span covers, inner punctuation included ("Fox News'" stays whole)."""
    ranges = words(sentence)
    return sentence[ranges[span.start][0]:ranges[span.end - 1][1]]


def span_bounds(sentence: str, span: Span | None) -> tuple[int, int] | None:
    """Character range of a span in its sentence, for highlighting."""
    if span is None:
        return None
    ranges = words(sentence)
    if not ranges or span.end > len(ranges):
        return None
    return ranges[span.start][0], ranges[span.end - 1][1]


def example_for(note: Note, lang: str) -> tuple[str, str]:
    """The example pair a learner checks against: the first one whose translated
    sentence contains the current translation, else the first with a translation."""
    translation = note.translation(lang)
    pairs: Sequence[tuple[str, str]] = [(e.zh, e.translations.get(lang, "")) for e in note.examples]
    with_text = [p for p in pairs if p[1]]
    if translation is not None:
        for zh, tr in with_text:
            if find_span(tr, translation.text) is not None:
                return zh, tr
    if with_text:
        return with_text[0]
    return pairs[0] if pairs else ("", "")
