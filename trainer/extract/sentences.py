"""Sentence splitting for Chinese and Latin-script paragraphs.

Chinese ends sentences with 。！？； (and their ASCII cousins when written
between hanzi); closing quotes stay with the sentence they close.  Latin
script needs care: "1." opening a list item, "M." or "etc." are not ends.
"""

from __future__ import annotations

import re

_ZH_END = re.compile(r"[^。！？；!?;]*(?:[。！？；!?;]+[”’」』）)]*|$)")
_ABBREVIATIONS = frozenset(
    """m mm mme mmes mlle dr st ste etc cf ex p pp no nos vol art mr mrs ms prof jr sr vs
    e.g i.e u.s u.k inc ltd co corp dept gen gov jan feb mar apr jun jul aug sep sept oct nov dec
    tp tr ông bà""".split()
)
_LATIN_END = re.compile(r"[.!?;]+[»”\"')\]]*\s+")


def split_zh(paragraph: str) -> list[str]:
    """Chinese sentences of a paragraph, punctuation kept, blanks dropped."""
    parts = (m.group(0).strip() for m in _ZH_END.finditer(paragraph))
    return [p for p in parts if p]


def _is_abbreviation(before: str) -> bool:
    """Whether the word just before a period makes it a non-final period."""
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.lstrip("(«\"“'").lower().rstrip(".")
    if not word:
        return True
    if word in _ABBREVIATIONS:
        return True
    # A lone initial ("J. Smith") or a list number opening the sentence ("1.", "IV.").
    if len(word) == 1 and word.isalpha():
        return True
    return word.isdigit() and before.strip() == before.strip().rsplit(None, 1)[-1]


def split_latin(paragraph: str) -> list[str]:
    """French/English/Vietnamese sentences of a paragraph."""
    sentences: list[str] = []
    start = 0
    for m in _LATIN_END.finditer(paragraph):
        end = m.end()
        chunk = paragraph[start:end].strip()
        nxt = paragraph[end:end + 1]
        if m.group(0).startswith(".") and _is_abbreviation(paragraph[start:m.start()]):
            continue
        if nxt and nxt.islower() and m.group(0)[0] in ".!?":
            continue
        if chunk:
            sentences.append(chunk)
        start = end
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences
