"""Sentences -> alignment tokens with their character offsets.

The aligner works on Chinese *characters* (a term is any run of them, whatever
jieba's segmentation says, so a term and its parts all get spans) and on the
translation's words, lower-cased.  Each token keeps its offsets so that an
aligned span is cut from the original text, not rebuilt from tokens.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Sequence

from trainer.extract.text import is_cjk

#: A Latin word (with inner hyphens or apostrophes: "re-election", "aujourd'hui"),
#: an elided article ("l'", "d'") or one other visible character.
_LATIN = re.compile(r"[^\W\d_]+['’](?=[^\W\d_])|\w+(?:[-‐'’]\w+)*|[^\w\s]")
#: In a Chinese sentence: one hanzi, a run of Latin letters or digits, or a symbol.
_ZH = re.compile(r"[A-Za-z0-9]+(?:[.,][0-9]+)*|\S")


@dataclass(frozen=True)
class Tokens:
    """A sentence's tokens: ``forms`` go to the aligner, ``starts``/``ends`` index the text."""

    text: str
    forms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def surface(self, i: int, j: int) -> str:
        """The original text of tokens i..j (inclusive)."""
        return self.text[self.starts[i]:self.ends[j]]

    def find(self, term: str) -> list[range]:
        """Token ranges whose text is ``term`` exactly (token boundaries at both ends).

        Searched in the text, not in the joined forms: a Latin word or a number
        is one token of several characters, so character and token positions differ."""
        first, last = self._bounds
        out = []
        at = self.text.find(term) if term else -1
        while at >= 0:
            i, k = first.get(at), last.get(at + len(term))
            if i is not None and k is not None and k >= i:
                out.append(range(i, k + 1))
            at = self.text.find(term, at + 1)
        return out


    def find_forms(self, phrase: Sequence[str]) -> list[int]:
        """Start positions of the token forms ``phrase`` in this sentence's forms."""
        n, phrase = len(phrase), tuple(phrase)
        if not n:
            return []
        forms = self.forms
        return [i for i in self._positions.get(phrase[0], ()) if forms[i:i + n] == phrase]

    # Indexes built on first use (the phrase choice searches each sentence thousands of times).
    @cached_property
    def _bounds(self) -> tuple[dict[int, int], dict[int, int]]:
        return {s: i for i, s in enumerate(self.starts)}, {e: i for i, e in enumerate(self.ends)}

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, form in enumerate(self.forms):
            out.setdefault(form, []).append(i)
        return out


def _form(token: str) -> str:
    return unicodedata.normalize("NFC", token.lower().replace("’", "'"))


@lru_cache(maxsize=65536)
def latin(text: str) -> Tokens:
    """Word tokens of a French, English or Vietnamese sentence (Vietnamese: syllables)."""
    found = list(_LATIN.finditer(text))
    return Tokens(text, tuple(_form(m.group()) for m in found),
                  tuple(m.start() for m in found), tuple(m.end() for m in found))


def chinese(text: str) -> Tokens:
    """Character tokens of a Chinese sentence (Latin runs and numbers stay whole)."""
    found = [m for m in _ZH.finditer(text) if not m.group().isspace()]
    return Tokens(text, tuple(_form(m.group()) for m in found),
                  tuple(m.start() for m in found), tuple(m.end() for m in found))


@lru_cache(maxsize=65536)
def is_word(form: str) -> bool:
    """A token that can be part of a translation (not punctuation)."""
    return any(c.isalnum() for c in form)


def is_hanzi(form: str) -> bool:
    return len(form) == 1 and is_cjk(form)
