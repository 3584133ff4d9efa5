"""jieba behind a lazy, load-once door: segmentation, its lexicon and its IDF table.

jieba's dictionary takes half a second to build; the study UI and most
commands never need it, so nothing here runs at import time.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Any


@cache
def _jieba() -> Any:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@cache
def _idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table, parsed once into the user cache (0.4 s -> 0.08 s a run)."""
    from trainer.extract.cache import cached

    def build() -> tuple[dict[str, float], float]:
        import jieba.analyse

        table = jieba.analyse.default_tfidf
        return dict(table.idf_freq), float(table.median_idf)

    table, median = cached("jieba-idf", ["jieba"], build)
    return table, float(median)


def cut(sentence: str) -> list[str]:
    """jieba's default (HMM on) cut: it finds recurring new words such as 驻村."""
    return list(_jieba().lcut(sentence))


def cut_term(term: str) -> tuple[str, ...]:
    """A term's words without HMM guesses, for glossing and pinyin lookup."""
    return tuple(_jieba().lcut(term, HMM=False))


def known(word: str) -> bool:
    """Whether jieba's lexicon has the word (HMM-made words are not known)."""
    return bool(_jieba().dt.FREQ.get(word))


def idf(word: str) -> float:
    """Inverse document frequency of a word in jieba's background corpus."""
    table, median = _idf()
    return float(table.get(word, median))


@cache
def _posseg() -> Any:
    """jieba.posseg with its word-tag table from the user cache.

    Importing jieba.posseg parses jieba's whole dictionary file again for the
    tags (0.45 s a run); the table is plain strings, so it is parsed once and
    kept like the IDF table.  The import is given an empty file to parse.
    """
    import io

    from trainer.extract.cache import cached

    jieba = _jieba()
    if "jieba.posseg" not in sys.modules:
        jieba.dt.get_dict_file = lambda: io.BytesIO(b"")
        try:
            import jieba.posseg
        finally:
            del jieba.dt.get_dict_file
    posseg = sys.modules["jieba.posseg"]

    def build() -> dict[str, str]:
        table: dict[str, str] = {}
        with jieba.dt.get_dict_file() as handle:
            for line in handle:
                parts = line.strip().decode("utf-8").split(" ")
                if len(parts) == 3:
                    table[parts[0]] = parts[2]
        return table

    if not posseg.dt.word_tag_tab:
        posseg.dt.word_tag_tab = cached("jieba-word-tags", ["jieba"], build)
    return posseg


def _tags() -> dict[str, str]:
    return _posseg().dt.word_tag_tab  # type: ignore[no-any-return]


def pos(word: str) -> str:
    """jieba's part-of-speech tag from its lexicon ("" for words it does not know)."""
    return _tags().get(word, "")


def tagged(sentence: str) -> list[tuple[str, str]]:
    """(word, part-of-speech tag) in context, from jieba.posseg (HMM on, like cut)."""
    return [(p.word, p.flag) for p in _posseg().lcut(sentence)]


def lexicon_noun(word: str) -> bool:
    """Whether jieba's lexicon tags the word as a noun (n*, or vn: a verb used as one)."""
    tag = _tags().get(word, "")
    return tag[:1] == "n" or tag == "vn"
