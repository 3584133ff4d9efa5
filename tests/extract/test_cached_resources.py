"""The tables kept in the user cache give exactly what the libraries give.

Each resource is built on the first call (the test's cache directory starts
empty) and read back from the cache on the second; both must equal the
library's own answer."""

from __future__ import annotations

import sys

import pytest

from trainer.extract import langid, segment, spans

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
    assert tags == reference
    assert segment.tagged("驻村工作队来到了山区。")[0] == ("驻村", "n")


@pytest.mark.parametrize("round_", ["built", "from cache"])
def test_the_idf_table_is_jiebas(round_: str) -> None:
    import jieba.analyse

    _fresh(segment._idf)
    table, median = segment._idf()
    assert table == jieba.analyse.default_tfidf.idf_freq and median == jieba.analyse.default_tfidf.median_idf
