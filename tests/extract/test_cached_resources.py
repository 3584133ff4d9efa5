"""The tables kept in the user cache give exactly what the libraries give.

Each resource is built on the first call (the test's cache directory starts
empty) and read back from the cache on the second; both must equal the
library's own answer."""

from __future__ import annotations

import sys

import pytest

from trainer.extract import langid, segment, spans
from trainer.extract.mapped import MappedTable

SAMPLES = {
    "fr": "Les coopératives rurales aident les paysans à augmenter leurs revenus dans les villages.",
    "en": "Rural cooperatives help farmers increase their incomes; the villages were running projects.",
}


def _fresh(*functions: object) -> None:
    for function in functions:
        function.cache_clear()  # type: ignore[attr-defined]


@pytest.mark.parametrize("round_", ["built", "from cache"])
def test_the_language_identifier_scores_as_py3langid(round_: str) -> None:
    from py3langid.langid import _load_identifier

    _fresh(langid._identifier)
    ours, theirs = langid._identifier(), _load_identifier(langs=list(langid.LANGS))
    for text in [*SAMPLES.values(), "Le village", "abc", "oui yes no"]:
        assert ours.classify(text) == theirs.classify(text)


@pytest.mark.parametrize("round_", ["built", "from cache"])
def test_the_lemmatizer_lemmatizes_as_simplemma(round_: str) -> None:
    import simplemma

    _fresh(spans._lemmatizer)
    lemmatize = spans._lemmatizer()
    for lang, text in SAMPLES.items():
        for word in text.lower().replace(";", "").replace(".", "").split():
            assert lemmatize(word, lang=lang) == simplemma.lemmatize(word, lang=lang)


@pytest.mark.parametrize("round_", ["built", "from cache"])
def test_the_word_tags_are_jiebas(round_: str) -> None:
    _fresh(segment._posseg)
    if "jieba.posseg" in sys.modules:  # imported by an earlier test: empty its table again
        sys.modules["jieba.posseg"].dt.word_tag_tab = {}
    tags = segment._tags()
    import jieba

    reference = {}
    with jieba.dt.get_dict_file() as handle:
        for line in handle:
            word, _freq, tag = line.strip().decode("utf-8").split(" ")
            reference[word] = tag
    assert isinstance(tags, MappedTable) and len(tags) == len(reference)
    assert all(tags[word] == tag for word, tag in reference.items())
    assert tags.get("不存在的词汇", "x") == "x"
    assert segment.tagged("驻村工作队来到了山区。")[0] == ("驻村", "n")


@pytest.mark.parametrize("round_", ["built", "from cache"])
def test_the_idf_table_is_jiebas(round_: str) -> None:
    import jieba.analyse

    _fresh(segment._idf)
    table, median = segment._idf()
    reference = jieba.analyse.default_tfidf
    assert median == reference.median_idf and len(table) == len(reference.idf_freq)
    assert all(table[word] == value for word, value in reference.idf_freq.items())
    assert segment.idf("不存在的词汇") == reference.median_idf


TEXTS = ["驻村工作队在贫困村开展精准扶贫，帮助农民发展产业。", "埃尔多安周六抵达柏林，与默克尔举行会谈。",
         "他说：“这是一个前所未有的机会！”2018年9月29日", "abc 中文 123"]


@pytest.fixture(scope="module")
def jiebas_own() -> object:
    import jieba

    own = jieba.Tokenizer()
    own.initialize()
    return own


@pytest.mark.parametrize("round_", ["built", "from cache"])
def test_jieba_cuts_the_same_with_the_cached_dictionary(round_: str, jiebas_own: object) -> None:
    from trainer.extract.cache import cache_path

    trie = cache_path("jieba-freq", ["jieba", "marisa-trie"], ".marisa")
    if round_ == "built":
        trie.unlink(missing_ok=True)
    _fresh(segment._jieba)
    jieba = segment._jieba()
    assert isinstance(jieba.dt.FREQ, MappedTable) and trie.is_file()
    assert jieba.dt.total == jiebas_own.total and len(jieba.dt.FREQ) == len(jiebas_own.FREQ)  # type: ignore[attr-defined]
    for text in TEXTS:
        assert segment.cut(text) == jiebas_own.lcut(text)  # type: ignore[attr-defined]
        assert list(segment.cut_term(text)) == jiebas_own.lcut(text, HMM=False)  # type: ignore[attr-defined]
    for word in ["扶贫", "工作队", "不存在的词汇", "扶"]:
        assert segment.known(word) == bool(jiebas_own.FREQ.get(word))  # type: ignore[attr-defined]
        assert (word in jieba.dt.FREQ) == (word in jiebas_own.FREQ)  # type: ignore[attr-defined]


def test_an_unwritable_cache_falls_back_on_jiebas_own_dictionary(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from trainer.extract import mapped

    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setattr(mapped, "cache_path", lambda *_a: blocker / "jieba-freq.marisa")
    _fresh(segment._jieba)
    try:
        jieba = segment._jieba()
        assert isinstance(jieba.dt.FREQ, dict)
        assert segment.cut(TEXTS[0])
    finally:
        monkeypatch.undo()
        _fresh(segment._jieba)
