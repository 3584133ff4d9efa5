"""Segmentation of many sentences in one jieba call equals cutting each alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.extract import segment
from trainer.extract.blocks import parse_article
from trainer.extract.bundle import article_paths
from trainer.extract.decode import decode_bytes
from trainer.extract.langid import identify

#: Han characters (words jieba knows and names it must guess), Latin, digits, the
#: characters jieba keeps inside its blocks (+#&._%-), punctuation and whitespace.
ALPHABET = list("中国人民政府发展经济驻村干部扶贫光山县的了是在和") + list("aZ09+#&._%-") + list(
    "，。！？；：“”（）《》、·—…,!?;:'\"()[]"
) + [" ", "\t", "\r", "\u3000", "\xa0", "\u2028", "\x0b", "\x0c", "é", "ễ", "가", "ｱ"]

#: Few characters, so that whitespace lands at sentence edges often.
EDGES = list("中国人a1.，。 \t\r\u3000")

sentences = st.lists(
    st.one_of(st.text(alphabet=ALPHABET, max_size=40), st.text(alphabet=EDGES, max_size=6)), max_size=8
)


def per_sentence(ss: list[str]) -> list[list[str]]:
    return [segment.cut(s) for s in ss]


@settings(max_examples=300, deadline=None)
@given(sentences)
def test_one_call_equals_one_call_per_sentence(ss: list[str]) -> None:
    assert segment.cut_sentences(ss) == per_sentence(ss)


@settings(max_examples=200, deadline=None)
@given(sentences)
def test_sentences_with_newlines_cut_the_same(ss: list[str]) -> None:
    ss = [s.replace("1", "\n") for s in ss]
    assert segment.cut_sentences(ss) == per_sentence(ss)


def test_bundled_articles_cut_the_same() -> None:
    for path in article_paths():
        article = parse_article(path.name, decode_bytes(path.name, path.read_bytes()), identify)
        assert segment.cut_sentences(article.zh) == per_sentence(list(article.zh))


def test_edge_cases() -> None:
    for ss in ([], [""], ["", ""], ["中国\r", "人民"], ["中国", "\r人民"], ["a\nb", "中国"], [" 中 国 ", "x"]):
        assert segment.cut_sentences(ss) == per_sentence(ss)
