"""Quoted terms paired with quoted renderings (invented sentences)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trainer.extract.corpus import LangCorpus
from trainer.extract.quotes import quoted, quoted_renderings
from trainer.extract.lexical import Lexicon
from trainer.extract.translate import score_candidates


def test_quotations_pair_by_order() -> None:
    zh = "各县探索了“互助储蓄”“订单农业”等模式。"
    fr = "Les districts ont exploré des modèles comme l’« épargne mutuelle » et l’« agriculture sous contrat »."
    assert quoted_renderings(zh, fr, "订单农业") == ["agriculture sous contrat"]
    assert quoted_renderings(zh, fr, "互助储蓄") == ["épargne mutuelle"]
    assert quoted_renderings(zh, fr, "模式") == []  # not quoted


def test_unequal_quotations_pair_nothing() -> None:
    zh = "推广“项目扶持、资金支持”和“六大工程”。"
    assert quoted_renderings(zh, "Promouvoir le soutien aux projets et les « six projets ».", "六大工程") == []


def test_every_kind_of_quotation_mark() -> None:
    assert quoted("《意见》和「口号」、『标语』与\"名称\"") == ["意见", "口号", "标语", "名称"]
    assert quoted_renderings("“最后一公里”", 'the "last mile"', "最后一公里") == ["last mile"]
    assert quoted_renderings("“最后一公里”", "“dặm cuối cùng”", "最后一公里") == ["dặm cuối cùng"]


words = st.text(alphabet="abcdefghij ", min_size=1, max_size=12).map(str.strip).filter(bool)


@given(st.lists(st.tuples(st.text(alphabet="农业合作社技术", min_size=2, max_size=4), words), min_size=1, max_size=5))
def test_the_nth_quotation_renders_the_nth(pairs: list[tuple[str, str]]) -> None:
    zh = "、".join(f"“{term}”" for term, _ in pairs) + "。"
    fr = ", ".join(f"« {text} »" for _, text in pairs) + "."
    for term, _ in pairs:
        assert quoted_renderings(zh, fr, term) == [text for t, text in pairs if t == term]


def _renderings(fr: str) -> dict[str, str]:
    corpus = LangCorpus("fr")
    corpus.add("d", "各县探索了“互助储蓄”“订单农业”等模式。", fr)
    corpus.add("d", "农民种地。", "Les paysans cultivent la terre.")
    terms = ["互助储蓄", "订单农业"]
    corpus.index_terms(terms)
    out = {}
    for term in terms:
        units = corpus.units_of(term)
        scored = score_candidates(term, units, len(units), corpus.span_counts(term), corpus.table,
                                  Lexicon((), 2.0), "fr")
        out[term] = scored[0].text
    return out


def test_two_once_only_terms_of_one_sentence_take_their_own_quotation() -> None:
    # Nothing else tells them apart: same sentence, no dictionary.  Swapping
    # the translated quotations swaps the renderings.
    fr = "Les districts ont exploré des modèles comme l’« épargne mutuelle » et l’« agriculture sous contrat »."
    assert _renderings(fr) == {"互助储蓄": "épargne mutuelle", "订单农业": "agriculture sous contrat"}
    swapped = "Les districts ont exploré des modèles comme l’« agriculture sous contrat » et l’« épargne mutuelle »."
    assert _renderings(swapped) == {"互助储蓄": "agriculture sous contrat", "订单农业": "épargne mutuelle"}
