"""Term candidates: multiword assembly, nesting, filters, ranking."""

from __future__ import annotations

from trainer.extract.segment import cut, idf, known
from trainer.extract.terms import extract_terms, is_content

TEXT = [
    "驻村工作队进入贫困村。",
    "每个驻村工作队都有队长,驻村工作队帮助贫困户。",
    "驻村工作队的作用是帮助农民,这是“最后一公里”问题。",
    "2019年,第一批驻村工作队完成了任务。",
]


def terms(text: list[str]) -> list[str]:
    return [t.term for t in extract_terms([cut(s) for s in text], text, idf, known)]


def test_recurring_multiword_term_comes_out_whole() -> None:
    found = terms(TEXT)
    assert "驻村工作队" in found
    assert found.index("驻村工作队") < 3


def test_nested_fragment_that_never_occurs_alone_is_dropped() -> None:
    assert "驻村" not in terms(TEXT)


def test_quoted_span_is_a_term_even_once() -> None:
    assert "最后一公里" in terms(TEXT)


def test_numbers_and_function_words_are_not_terms() -> None:
    found = terms(TEXT)
    for junk in ("2019", "第一批", "这是", "的", "每个"):
        assert junk not in found
    assert not is_content("2019年") and not is_content("第二") and not is_content("我们")


def test_ranking_is_deterministic() -> None:
    assert terms(TEXT) == terms(TEXT)


def test_limit() -> None:
    assert len(extract_terms([cut(s) for s in TEXT], TEXT, idf, known, limit=2)) == 2


def test_book_title_span_is_a_term() -> None:
    text = ["他们学习了《乡村振兴》。", "这是第一次。"]
    assert "乡村振兴" in terms(text)


def test_multiword_recurring_only_across_articles_is_kept() -> None:
    from trainer.extract.terms import ngram_occurrences

    here = ["每个贫困户都有帮扶责任人。"]
    other = ["他们要有帮扶责任人。"]
    alone = [t.term for t in extract_terms([cut(s) for s in here], here, idf, known)]
    corpus: dict[tuple[str, ...], int] = {}
    for text in (here, other):
        for gram, occ in ngram_occurrences([cut(s) for s in text]).items():
            corpus[gram] = corpus.get(gram, 0) + len(occ)
    together = [t.term for t in extract_terms([cut(s) for s in here], here, idf, known, corpus=corpus)]
    assert "帮扶责任人" not in alone
    assert "帮扶责任人" in together
