"""Comparable keys for Chinese and translated sentences.

Alignment and translation both need to ask "does this translated word echo
that Chinese word?" without a Chinese-French dictionary.  We answer with keys:
numbers, English gloss words (CC-CEDICT; also cognates of French words through
:func:`~trainer.extract.dictionary.key`), Sino-Vietnamese syllables for
Vietnamese, and toneless pinyin for names (光山 -> "guangshan").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from trainer.extract import dictionary
from trainer.extract.align import Ends
from trainer.extract.pinyin import plain_syllables
from trainer.extract.text import fold, is_function_word, latin_words

_NUMBER = re.compile(r"\d+")


def numbers(text: str) -> frozenset[str]:
    return frozenset("#" + n.lstrip("0") for n in _NUMBER.findall(text))


@lru_cache(maxsize=200_000)
def word_keys(word: str, lang: str) -> frozenset[str]:
    """Keys a translation of one Chinese word may show."""
    if lang == "vi":
        keys = set(dictionary.sino_vietnamese(word))
    else:
        keys = set(dictionary.gloss_keys(word))
        if len(word) >= 2 and not keys:
            # Unknown to the dictionary (驻村, names): its characters' core senses, and its
            # pinyin in case it is a name.
            keys.update(*(dictionary.gloss_keys(c, True) for c in word))
            keys.add(dictionary.key(plain_syllables(word)))
        elif len(word) >= 2 and dictionary.is_name(word):
            keys.add(dictionary.key(plain_syllables(word)))  # "Weixian" for 魏县 ("Wei county")
    return frozenset(keys)


def zh_keys(words: Sequence[str], text: str, lang: str) -> frozenset[str]:
    """Anchor keys of a segmented Chinese sentence."""
    return numbers(text).union(*[word_keys(w, lang) for w in words if len(w) >= 2 or w.isalpha()])


def tr_word_key(word: str, lang: str) -> str:
    return fold(word) if lang == "vi" else dictionary.key(word)


@lru_cache(maxsize=200_000)
def _content_word_key(word: str, lang: str) -> str | None:
    """A translated word's key, None for function words and very short words."""
    if not is_function_word(word, lang) and len(word) > (1 if lang == "vi" else 2):
        return tr_word_key(word, lang)
    return None


def tr_keys(sentence: str, lang: str) -> frozenset[str]:
    """Anchor keys of a translated sentence: its content words and numbers."""
    return numbers(sentence).union(
        {k for w in latin_words(sentence) if (k := _content_word_key(w, lang)) is not None}
    )


def zh_ends(words: Sequence[str], lang: str) -> Ends:
    """Anchor keys of the first and second half (by characters) of a segmented sentence."""
    total, seen, cut = sum(map(len, words)), 0, len(words)
    for k, word in enumerate(words):
        seen += len(word)
        if 2 * seen >= total:
            cut = k + 1
            break
    head, tail = words[:cut], words[cut:]
    return Ends(zh_keys(head, "".join(head), lang), zh_keys(tail, "".join(tail), lang))


def tr_ends(sentence: str, lang: str) -> Ends:
    """Anchor keys of the first and second half of a translated sentence.

    Cut at the space nearest the middle, so no word is split in two.
    """
    middle = len(sentence) // 2
    cut = sentence.rfind(" ", 0, middle + 1)
    cut = middle if cut <= 0 else cut
    return Ends(tr_keys(sentence[:cut], lang), tr_keys(sentence[cut:], lang))
