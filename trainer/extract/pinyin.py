"""Pinyin for whole terms: tone marks for display, tone numbers for typing.

pypinyin's phrase table resolves polyphones from the word they are in (干部
gànbù, 重点 zhòngdiǎn); we hand it the term already cut by jieba so that each
word is looked up as a phrase rather than character by character.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any


@cache
def _pinyin() -> tuple[Any, Any]:
    from pypinyin import Style, pinyin

    return pinyin, Style


@lru_cache(maxsize=50_000)
def term_pinyin(words: tuple[str, ...]) -> tuple[str, str]:
    """(tone marks, tone numbers) for a term given as its words."""
    pinyin, style = _pinyin()
    marks = pinyin(list(words), style=style.TONE, errors=lambda s: list(s))
    numbers = pinyin(list(words), style=style.TONE3, neutral_tone_with_five=True, errors=lambda s: list(s))
    return " ".join(p[0] for p in marks), " ".join(p[0] for p in numbers)


@lru_cache(maxsize=50_000)
def plain_syllables(word: str) -> str:
    """Toneless pinyin run together ("guangshan"): anchors names in translations."""
    pinyin, style = _pinyin()
    return "".join(p[0] for p in pinyin(word, style=style.NORMAL, errors=lambda s: list(s)))
