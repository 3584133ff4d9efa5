"""Lexical priors for the aligner: what the dictionary says, in context.

For each sentence pair, a Chinese word whose dictionary keys (English gloss
words, their French wordnet words and cognates, Sino-Vietnamese readings,
toneless pinyin for names) match a word of the translation gives each of its
characters a pseudo-count towards that word.  Only pairs that co-occur in a
sentence pair count, so the priors stay small and never propose a word the
translator did not write.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

from trainer.extract import anchors, dictionary
from trainer.extract.tokens import Tokens, is_word

#: Pseudo-count per dictionary match (a set value, not yet fitted by a bench script: see bench/RESULTS_extract.md, session 31).
DICTIONARY_ALPHA = 2.0


def dictionary_priors(
    pairs: Iterable[tuple[Tokens, Tokens, Sequence[str]]], lang: str, alpha: float = DICTIONARY_ALPHA,
) -> Counter[tuple[str, str]]:
    """(character, target form) pseudo-counts from the dictionary, summed over pairs.

    ``pairs`` are (Chinese tokens, translation tokens, jieba words of the Chinese)."""
    out: Counter[tuple[str, str]] = Counter()
    for zh, tr, words in pairs:
        by_key: dict[str, set[str]] = {}
        for form in tr.forms:
            if is_word(form):
                by_key.setdefault(anchors.tr_word_key(form, lang), set()).add(form)
        for word in words:
            if len(word) < 2 and not word.isalpha():
                continue
            hits = {f for k in keys_of(word, lang) for f in by_key.get(k, ())}
            for form in hits:
                for char in word:
                    out[(char.lower(), form)] += alpha
    return out


def dictionary_links(zh: Tokens, tr: Tokens, words: Sequence[str], lang: str) -> frozenset[tuple[int, int]]:
    """(character index, word index) pairs of one sentence pair that the dictionary
    supports: the same matches as :func:`dictionary_priors`, kept as positions so
    that phrase choice can prefer the span the dictionary agrees with."""
    by_key: dict[str, list[int]] = {}
    for j, form in enumerate(tr.forms):
        if is_word(form):
            by_key.setdefault(anchors.tr_word_key(form, lang), []).append(j)
    at: dict[str, list[int]] = {}
    for i, form in enumerate(zh.forms):
        at.setdefault(form, []).append(i)
    out: set[tuple[int, int]] = set()
    for word in words:
        if len(word) < 2 and not word.isalpha():
            continue
        targets = [j for k in keys_of(word, lang) for j in by_key.get(k, ())]
        if targets:
            for char in word:
                out.update((i, j) for i in at.get(char.lower(), ()) for j in targets)
    return frozenset(out)


def keys_of(word: str, lang: str) -> frozenset[str]:
    """Keys a translation of the word may show (the dictionary's, in the translation's language)."""
    keys = anchors.word_keys(word, lang)
    return keys | dictionary.french_keys(word) if lang == "fr" else keys
