"""Word links -> the translation span of a term in one sentence pair.

Consistent phrase extraction, as phrase-based MT does it: the target words
linked to the term's characters, cut into contiguous groups, and the group
that the term explains best (most of its links, fewest words linked elsewhere).
A term with no link has no translation in this sentence (the null option).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection

from trainer.extract.text import is_function_word
from trainer.extract.tokens import Tokens, is_word
from trainer.extract.wordalign import Link

#: Unlinked content words a group may bridge ("pays [de] Galles" bridges no content
#: word: function words of ``lang`` are bridged whatever their number).
MAX_GAP = 1


@dataclass(frozen=True)
class Span:
    """Target tokens first..last (inclusive) rendering a term, and how well."""

    first: int
    last: int
    inside: int      # links from the term into the span
    outside: int     # span words linked only to other Chinese
    coverage: float  # share of the term's characters linked into the span


def term_span(
    zh_range: range, tr: Tokens, links: Collection[Link], hints: Collection[Link] = (), lang: str = "",
) -> Span | None:
    """The best consistent span of target tokens for zh tokens ``zh_range``.

    ``hints`` are links the dictionary supports: among groups the aligner
    explains equally well, the one the dictionary agrees with wins."""
    inner = sorted({j for i, j in links if i in zh_range and is_word(tr.forms[j])})
    if not inner:
        return None
    by_target: dict[int, set[int]] = {}
    for i, j in links:
        by_target.setdefault(j, set()).add(i)
    groups: list[list[int]] = [[inner[0]]]
    for j in inner[1:]:
        between = range(groups[-1][-1] + 1, j)
        content = sum(1 for k in between if not (lang and is_function_word(tr.forms[k], lang)))
        if content <= MAX_GAP:
            groups[-1].append(j)
        else:
            groups.append([j])
    best: Span | None = None
    best_key: tuple[float, ...] = ()
    for group in groups:
        first, last = group[0], group[-1]
        inside = sum(1 for i, j in links if i in zh_range and first <= j <= last)
        outside = sum(
            1 for j in range(first, last + 1)
            if by_target.get(j) and not (by_target[j] & set(zh_range))
        )
        covered = {i for i, j in links if i in zh_range and first <= j <= last}
        span = Span(first, last, inside, outside, len(covered) / len(zh_range))
        hinted = sum(1 for i, j in hints if i in zh_range and first <= j <= last)
        key = (inside - outside, span.coverage, hinted, -(last - first))
        if best is None or key > best_key:
            best, best_key = span, key
    return best


def trim(tr: Tokens, span: Span, lang: str = "") -> tuple[int, int] | None:
    """The span without punctuation or function words at either edge (None when
    nothing is left: a span of only "de" or "the" renders nothing)."""
    first, last = span.first, span.last

    def edge(form: str) -> bool:
        return not is_word(form) or bool(lang) and is_function_word(form, lang)

    while first <= last and edge(tr.forms[first]):
        first += 1
    while last >= first and edge(tr.forms[last]):
        last -= 1
    return (first, last) if first <= last else None
