"""Candidate translation spans inside a translated sentence.

A span is a run of words that starts and ends with a content word and does not
cross punctuation (a comma or a quote ends a phrase; parentheses may sit inside,
as in "đội (tổ) công tác").  Its *key* is the sequence of its content words,
lemmatised and folded, so that "villages démunis" and "village démuni" count as
one candidate across sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Callable

from trainer.extract.text import Token, fold, is_function_word, latin_tokens, vi_key, without_possessive

#: Longest candidate, in content words.
MAX_CONTENT = {"fr": 6, "en": 6, "vi": 8}
_BARRIER = re.compile(r"[^\s'’()\-]")
_EDGE = " \t«»“”\"'‘’()[]{}.,;:!?-–—"


@cache
def _lemmatizer() -> Callable[..., str]:
    """simplemma's lemmatizer, its dictionaries read from the user cache.

    simplemma decompresses a language's dictionary (lzma, then its own
    front coding) on first use, 0.3 s a run; decoded, it is a dict of bytes,
    which marshal stores and loads in a few milliseconds.  Any other simplemma
    layout falls back to its own loading."""
    import simplemma

    try:
        from simplemma.strategies import DefaultStrategy
        from simplemma.strategies.dictionaries.dictionary_factory import (
            DefaultDictionaryFactory, MappingStrToByteString, _load_dictionary_from_disk)
    except ImportError:
        return simplemma.lemmatize

    from trainer.extract.cache import cached

    class CachedFactory(DefaultDictionaryFactory):  # type: ignore[misc]
        __slots__ = ()

        def _get_dictionary_uncached(self, lang: str) -> Any:
            table = cached(f"simplemma-{lang}", ["simplemma"], lambda: dict(_load_dictionary_from_disk(lang)))
            return MappingStrToByteString(table)

    strategy = DefaultStrategy(dictionary_factory=CachedFactory())
    return simplemma.Lemmatizer(lemmatization_strategy=strategy).lemmatize  # type: ignore[no-any-return]


@lru_cache(maxsize=200_000)
def norm(word: str, lang: str) -> str:
    """Lemma, folded: the form candidates are counted under (Vietnamese keeps
    its tones: folding merges unrelated syllables such as bộ and bổ)."""
    if lang == "en":
        word = without_possessive(word)
    if lang in ("fr", "en") and word.isalpha():
        return fold(_lemmatizer()(word.lower(), lang=lang))
    if lang == "vi":
        return vi_key(word)
    return fold(word)


@dataclass(frozen=True)
class Sentence:
    """A translated text with its tokens, content keys and phrase barriers."""

    text: str
    tokens: tuple[Token, ...]
    norms: tuple[str | None, ...]
    barrier: tuple[bool, ...]


def analyse(text: str, lang: str) -> Sentence:
    tokens = tuple(latin_tokens(text))
    groups = _parenthesised(text, tokens)
    aside = [g is not None and groups.count(g) <= ASIDE_WORDS for g in groups]
    owned = [g is not None and not hidden for g, hidden in zip(groups, aside)]
    norms = tuple(
        None if is_function_word(t.text, lang) or hidden else norm(t.text, lang) for t, hidden in zip(tokens, aside)
    )
    barrier = tuple(
        k == 0
        or bool(_BARRIER.search(text[tokens[k - 1].end:tokens[k].start]))
        or (groups[k] != groups[k - 1] and (owned[k] or owned[k - 1]))
        for k in range(len(tokens))
    )
    return Sentence(text, tokens, norms, barrier)


#: Parentheses holding at most this many words are an aside ("đội (tổ) công tác");
#: longer ones hold text of their own, often the rendering of a Chinese
#: parenthesis ("các tỉnh (khu tự trị, thành phố trực thuộc Trung ương)").
ASIDE_WORDS = 2


def _parenthesised(text: str, tokens: tuple[Token, ...]) -> list[int | None]:
    """For each token, which top-level (...) group it sits in, None outside any."""
    depth, pos, group, out = 0, 0, -1, []
    for t in tokens:
        for char in text[pos:t.start]:
            if char == "(":
                group += depth == 0
                depth += 1
            elif char == ")":
                depth = max(0, depth - 1)
        out.append(group if depth > 0 else None)
        pos = t.end
    return out


def content_ngrams(s: Sentence, lang: str) -> set[tuple[str, ...]]:
    """All candidate keys of a sentence (content-word n-grams within phrases)."""
    out: set[tuple[str, ...]] = set()
    seg: list[str] = []
    limit = MAX_CONTENT[lang]
    for k, n in enumerate(s.norms):
        if s.barrier[k]:
            _grams(seg, limit, out)
            seg = []
        if n is not None:
            seg.append(n)
    _grams(seg, limit, out)
    return out


def _grams(seq: list[str], limit: int, out: set[tuple[str, ...]]) -> None:
    for i in range(len(seq)):
        for n in range(1, min(limit, len(seq) - i) + 1):
            out.add(tuple(seq[i:i + n]))


#: key, surface, left/right neighbour, index of its first word among the sentence's content words
Span = tuple[tuple[str, ...], str, str | None, str | None, int]


def _neighbour(s: Sentence, k: int, towards: int) -> str | None:
    """The content word right next to a span edge (no punctuation or function word between)."""
    n = k + towards
    if n < 0 or n >= len(s.tokens) or s.barrier[max(k, n)]:
        return None
    return s.norms[n]


def spans(s: Sentence, lang: str) -> list[Span]:
    """(key, surface text, left and right neighbours, first content word) of
    every candidate span of a sentence."""
    out = []
    limit = MAX_CONTENT[lang]
    toks = s.tokens
    start = -1
    for i in range(len(toks)):
        if s.norms[i] is None:
            continue
        start += 1
        key: list[str] = []
        for j in range(i, len(toks)):
            if j > i and s.barrier[j]:
                break
            if s.norms[j] is None:
                continue
            key.append(s.norms[j])
            if len(key) > limit:
                break
            out.append((tuple(key), s.text[toks[i].start:toks[j].end], _neighbour(s, i, -1), _neighbour(s, j, 1),
                        start))
    return out


def clean(text: str) -> str:
    """A span or whole sentence as a card shows it: no edge quotes or punctuation."""
    text = re.sub(r"\s+", " ", text.strip(_EDGE)).strip(_EDGE)
    # A quote opened or closed outside the span would be left dangling ("Le « dernier kilomètre").
    for opening, closing in ("«»", "“”", "()"):
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    return re.sub(r"\s+", " ", text).strip()
