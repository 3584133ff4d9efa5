"""jieba behind a lazy, load-once door: segmentation, its lexicon and its IDF table.

jieba's dictionary is a dict of 500,000 words and prefixes that takes 0.6-1 s
to rebuild in every process (from jieba's own marshal cache), most of a
one-article ``trainer extract``.  It is kept instead in the user cache as a
marisa trie (word -> id) with an array of frequencies, memory-mapped in under
a millisecond; jieba is handed that as its ``FREQ``, so its cut, HMM and
tagger run unchanged on the same data (tests compare the cuts).  The study UI
and most commands never need any of it, so nothing here runs at import time.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Any


class TrieFreq:
    """Read-only stand-in for jieba's ``FREQ`` dict: what jieba asks of it
    (``in``, ``[]``, ``get``) answered from a marisa trie and an array."""

    __slots__ = ("trie", "freqs")

    def __init__(self, trie: Any, freqs: Any) -> None:
        self.trie, self.freqs = trie, freqs

    def __contains__(self, word: object) -> bool:
        return word in self.trie

    def __getitem__(self, word: str) -> int:
        found = self.trie.get(word)
        if found is None:
            raise KeyError(word)
        return int(self.freqs[found])

    def get(self, word: str, default: Any = None) -> Any:
        found = self.trie.get(word)
        return default if found is None else int(self.freqs[found])

    def __len__(self) -> int:
        return len(self.trie)


@cache
def _jieba() -> Any:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    frequencies = _trie_freq(jieba)
    if frequencies is None:
        if not isinstance(jieba.dt.FREQ, dict):  # a trie handed over earlier in this process
            jieba.dt.initialized = False
        jieba.initialize()
    else:
        jieba.dt.FREQ, jieba.dt.total = frequencies
        jieba.dt.initialized = True
    return jieba


def _trie_freq(jieba: Any) -> tuple[TrieFreq, int] | None:
    """jieba's dictionary from the user cache, built there on first use (None
    where the cache cannot be written or read: jieba then loads its own)."""
    import array
    import os
    import tempfile

    import marisa_trie

    from trainer.extract.cache import cache_path

    trie_path = cache_path("jieba-freq", ["jieba", "marisa-trie"], ".marisa")
    freq_path = trie_path.with_suffix(".freq")
    try:
        if not (trie_path.is_file() and freq_path.is_file()):
            own = jieba.Tokenizer()
            own.initialize()
            trie = marisa_trie.Trie(list(own.FREQ))
            freqs = array.array("q", bytes(8 * len(trie)))
            for word, n in own.FREQ.items():
                freqs[trie[word]] = n
            freqs.append(own.total)
            trie_path.parent.mkdir(parents=True, exist_ok=True)
            # Frequencies first, trie last: the trie's presence says both are whole.
            for path, data in ((freq_path, freqs.tobytes()), (trie_path, trie.tobytes())):
                fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
                try:
                    with os.fdopen(fd, "wb") as out:
                        out.write(data)
                    os.replace(tmp, path)
                except BaseException:
                    os.unlink(tmp)
                    raise
        trie = marisa_trie.Trie()
        trie.mmap(str(trie_path))
        freqs = array.array("q")
        freqs.frombytes(freq_path.read_bytes())
        if len(freqs) != len(trie) + 1:
            return None
        return TrieFreq(trie, freqs), int(freqs[-1])
    except (OSError, ValueError, RuntimeError):
        return None


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
