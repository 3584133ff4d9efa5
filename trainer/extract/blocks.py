"""An article file -> its Chinese text and its translation, as paragraphs.

A file holds one article twice, in Chinese and in one Latin-script language,
in either order, with title, date and source lines.  We classify each
paragraph by script, drop metadata lines, and identify the translation's
language over all its Latin text at once (short titles alone are unreliable).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from trainer.errors import InputError
from trainer.extract.sentences import split_latin, split_zh
from trainer.extract.text import cjk_ratio, kana_ratio, latin_ratio

#: Paragraphs with at least this share of CJK letters are Chinese...
ZH_RATIO = 0.5
#: ... unless this share of their letters is kana (Japanese: kanji with kana).
KANA_RATIO = 0.05
#: Other paragraphs are a translation when at least this share of letters is Latin.
LATIN_RATIO = 0.8

_DATE = re.compile(r"\b(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\b")
_SENTENCE_END = set(".!?。！？…»\"”")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|org|net|cn|gov|edu|info|vn|fr)\b", re.I)


@dataclass(frozen=True)
class Article:
    """One input file split into its Chinese and translated sentences."""

    name: str
    lang: str
    zh: tuple[str, ...]
    translation: tuple[str, ...]


def is_field_line(paragraph: str) -> bool:
    """A line of fields separated by " | " ("Source: an archive | id.123"), none of them
    a sentence: a page's byline or source line, present in both languages, which would
    otherwise be glued onto the first sentence of the translation."""
    fields = [f.strip() for f in paragraph.split(" | ")]
    return len(fields) >= 2 and all(fields) and not any(f[-1] in _SENTENCE_END for f in fields)


def is_metadata(paragraph: str) -> bool:
    """Date/source lines ("Mise à jour:2021-01-07 | french.china.org.cn")."""
    if len(paragraph) > 120:
        return False
    return bool(_DATE.search(paragraph)) or bool(_DOMAIN.search(paragraph) and "|" in paragraph) or is_field_line(
        paragraph
    )


def is_aside(paragraph: str) -> bool:
    """A paragraph wholly in parentheses ("(Thoát nghèo chuẩn xác)"): a subtitle
    or editor's note that one side has and the other usually lacks, so keeping
    it would pull the sentence alignment off."""
    inner = paragraph[1:-1]
    return len(paragraph) > 2 and (paragraph[0], paragraph[-1]) in (("(", ")"), ("（", "）")) and not re.search(
        r"[()（）]", inner
    )


def paragraphs(text: str) -> list[str]:
    """Non-blank lines: articles put one paragraph per line."""
    return [line.strip() for line in text.lstrip("\ufeff").split("\n") if line.strip()]


def _unique(sentences: list[str]) -> tuple[str, ...]:
    """Drop repeated sentences: some pages paste the Chinese original twice."""
    seen: set[str] = set()
    out = []
    for s in sentences:
        key = re.sub(r"\s+", "", s)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return tuple(out)


def parse_article(name: str, text: str, identify: Callable[[str], str]) -> Article:
    """Split a decoded file; ``identify`` maps Latin text to "fr", "en" or "vi"."""
    zh: list[str] = []
    latin: list[str] = []
    other_script = False
    for para in paragraphs(text):
        if is_metadata(para) or is_aside(para):
            continue
        if kana_ratio(para) >= KANA_RATIO:
            other_script = True  # Japanese
        elif cjk_ratio(para) >= ZH_RATIO:
            zh.extend(split_zh(para))
        elif latin_ratio(para) >= LATIN_RATIO:
            latin.extend(split_latin(para))
        elif any(c.isalpha() for c in para):
            other_script = True  # Korean, Cyrillic, Arabic...
    if not zh:
        raise InputError(f"{name}: no Chinese text found")
    if not latin and other_script:
        raise InputError(f"{name}: no French, English or Vietnamese text found (the other text is in another script)")
    if not latin:
        raise InputError(f"{name}: only one language (no translation next to the Chinese)")
    lang = identify(" ".join(latin))
    return Article(name=name, lang=lang, zh=_unique(zh), translation=tuple(latin))
