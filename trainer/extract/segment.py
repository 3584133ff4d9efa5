"""jieba behind a lazy, load-once door: segmentation, its lexicon and its IDF table.

jieba's dictionary takes half a second to build; the study UI and most
commands never need it, so nothing here runs at import time.
"""

from __future__ import annotations

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
def _tags() -> dict[str, str]:
    import jieba.posseg

    _jieba()
    return dict(jieba.posseg.dt.word_tag_tab)


def pos(word: str) -> str:
    """jieba's part-of-speech tag from its lexicon ("" for words it does not know)."""
    return _tags().get(word, "")


def tagged(sentence: str) -> list[tuple[str, str]]:
    """(word, part-of-speech tag) in context, from jieba.posseg (HMM on, like cut)."""
    import jieba.posseg

    _jieba()
    return [(p.word, p.flag) for p in jieba.posseg.lcut(sentence)]


def lexicon_noun(word: str) -> bool:
    """Whether jieba's lexicon tags the word as a noun (n*, or vn: a verb used as one)."""
    import jieba.posseg

    _jieba()
    tag = jieba.posseg.dt.word_tag_tab.get(word, "")
    return tag[:1] == "n" or tag == "vn"
