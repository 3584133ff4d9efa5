"""jieba behind a lazy, load-once door: segmentation, its lexicon and its IDF table.

jieba's dictionary (a dict of 500,000 words and prefixes, 0.6-1 s to rebuild
in every process), its word tags and its IDF table are kept memory-mapped in
the user cache (:mod:`mapped`) and handed to jieba in place of its dicts, so
its cut, HMM and tagger run unchanged on the same data (tests compare them
with jieba's own).  The study UI and most commands never need any of it, so
nothing here runs at import time.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Any


@cache
def _jieba() -> Any:
    import logging

    import jieba

    from trainer.extract.cache import cached
    from trainer.extract.mapped import mapped

    jieba.setLogLevel(logging.WARNING)

    @cache
    def own() -> Any:
        """jieba's own dictionary, loaded only to build the cached one."""
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        return tokenizer

    table = mapped("jieba-freq", ["jieba"], int, lambda: own().FREQ)
    if table is None:
        if not isinstance(jieba.dt.FREQ, dict):  # a table handed over earlier in this process
            jieba.dt.initialized = False
        jieba.initialize()
        return jieba
    # Not the sum of FREQ: a word listed twice in jieba's file counts twice.
    jieba.dt.FREQ, jieba.dt.total = table, cached("jieba-total", ["jieba"], lambda: int(own().total))
    jieba.dt.initialized = True
    return jieba


@cache
def _idf() -> tuple[Any, float]:
    """jieba's IDF table (a dict of 350,000 words: 0.4 s to parse) and its median, from the user cache."""
    from trainer.extract.cache import cached
    from trainer.extract.mapped import mapped

    def tfidf() -> Any:
        import jieba.analyse

        return jieba.analyse.default_tfidf

    table = mapped("jieba-idf", ["jieba"], float, lambda: tfidf().idf_freq)
    median = cached("jieba-idf-median", ["jieba"], lambda: float(tfidf().median_idf))
    return (table if table is not None else tfidf().idf_freq), float(median)


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

    from trainer.extract.mapped import mapped

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
        posseg.dt.word_tag_tab = mapped("jieba-word-tags", ["jieba"], str, build) or build()
    return posseg


def _tags() -> Any:
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
