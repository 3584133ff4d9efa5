"""Renderings that are phrases: fixed phrases kept whole, and words whose every
sense is a phrase (invented article, real CC-CEDICT)."""

from __future__ import annotations

from collections import Counter

from tests.extract.samples import article
from tests.extract.test_translate import rows_for
from trainer.extract.dictionary import key, main_senses
from trainer.extract.lexicon import _filled_by_senses, lexicon_for
from trainer.extract.spans import analyse
from trainer.extract.lexical import lexical_score
from trainer.extract.units import Unit, unit_candidates

# 打工 (to work away from home) is always "làm thuê xa nhà", a native phrase with
# no Sino-Vietnamese reading of its characters; "xa" (far) also stands alone,
# so no compound cohesion ties "thuê" to it, but "thuê" is never without it.
ZH_MIGRANTS = """打工与农村

很多农民外出打工。打工让农民的收入提高了。
政府支持农民打工。打工的农民寄钱回家。回家的路很远。
"""

VI_MIGRANTS = """Làm thuê xa nhà và nông thôn

Nhiều nông dân ra ngoài làm thuê xa nhà. Làm thuê xa nhà giúp thu nhập của nông dân tăng lên.
Chính phủ hỗ trợ nông dân làm thuê xa nhà. Nông dân làm thuê xa nhà gửi tiền về quê. Đường về quê rất xa.
"""


def test_a_fixed_phrase_is_rendered_whole() -> None:
    rows = rows_for(("migrants.txt", article(VI_MIGRANTS, ZH_MIGRANTS), "vi"))
    assert rows[("打工", "vi", "migrants.txt")] == "Làm thuê xa nhà"  # was "Làm thuê"


def _pieces(text: str, counts: Counter[tuple[str, ...]]) -> dict[str, bool]:
    sentence = analyse(text, "vi")
    cands = unit_candidates(Unit("", sentence), "vi", lambda w: w, counts)
    return {surface: piece for _key, surface, _w, _c, _i, piece in cands}


def _counted(*sentences: str) -> Counter[tuple[str, ...]]:
    counts: Counter[tuple[str, ...]] = Counter()
    for text in sentences:
        words = [n for n in analyse(text, "vi").norms if n]
        counts.update([(w,) for w in words] + list(zip(words, words[1:])))
    return counts


def test_a_span_whose_edge_word_never_goes_without_its_neighbour_is_a_piece() -> None:
    counts = _counted(*["xoá đói giảm nghèo"] * 3, "giảm thuế")
    pieces = _pieces("xoá đói giảm nghèo", counts)
    assert pieces["xoá đói"]  # "đói" is always followed by "giảm"
    assert not pieces["xoá đói giảm"]  # "giảm" also goes without "nghèo" ("giảm thuế")
    assert pieces["đói giảm nghèo"] and pieces["nghèo"]  # "xoá" always before "đói", "giảm" before "nghèo"
    assert not pieces["giảm nghèo"]  # "giảm" also stands without "đói" ("giảm thuế")
    assert not pieces["xoá đói giảm nghèo"]


def test_a_neighbour_seen_apart_even_once_makes_no_piece() -> None:
    counts = _counted(*["xoá đói giảm nghèo"] * 3, "đói kém")
    assert not _pieces("xoá đói giảm nghèo", counts)["xoá đói"]


def test_too_few_occurrences_prove_nothing() -> None:
    counts = _counted(*["xoá đói giảm nghèo"] * 2)  # CLOSED_MIN is 3
    assert not any(_pieces("xoá đói giảm nghèo", counts).values())


def test_a_word_whose_every_sense_is_a_phrase_needs_the_phrase() -> None:
    # 科技: "science and technology", its only sense: "science" alone is half of it.
    lex = lexicon_for("科技", ("科技",), "en")
    assert len(lex.parts) == 2  # its characters, not one part any gloss word fills
    both = lexical_score(("science", "technology"), (key("science"), key("technology")), lex)
    one = lexical_score(("science",), (key("science"),), lex)
    assert both[0] > one[0]


def test_a_word_with_a_one_word_sense_is_rendered_by_that_word() -> None:
    # 医生: "doctor", one word renders it whole, as before.
    lex = lexicon_for("医生", ("医生",), "en")
    assert len(lex.parts) == 1
    assert lexical_score(("doctor",), ("docto",), lex)[0] >= 0.6 + 0.15


def test_a_sense_word_no_character_explains_fills_the_part_left_bare() -> None:
    # 扶贫 "assistance to the poor": "poor" is 贫's; 扶's own glosses ("to support
    # with the hand", "to help") miss "assistance", so the sense lends it to 扶.
    lex = lexicon_for("扶贫", ("扶贫",), "en")
    assert key("assistance") in lex.parts[0] and key("assistance") not in lex.parts[1]
    phrase = lexical_score(("assistance", "poor"), (key("assistance"), "poor"), lex)[0]
    half = lexical_score(("poor",), ("poor",), lex)[0]
    assert phrase > half


def test_filling_needs_one_loose_word_and_one_bare_part() -> None:
    parts = (frozenset({"help"}), frozenset({"poor"}))
    assert _filled_by_senses(parts, (frozenset({"assis", "poor"}),)) == (frozenset({"help", "assis"}), parts[1])
    # Two loose words for one bare part: which one renders it is unknown.
    assert _filled_by_senses(parts, (frozenset({"assis", "aid", "poor"}),)) == parts
    # No part explained: nothing ties a word to a part.
    assert _filled_by_senses(parts, (frozenset({"allev", "pover"}),)) == parts
    assert _filled_by_senses(parts[:1], (frozenset({"assis"}),)) == parts[:1]


def test_a_characters_core_senses_skip_cross_references() -> None:
    # CC-CEDICT lists 帮 first as an "old variant of 幫": its core is "to help", "to assist".
    assert main_senses("帮")[:2] == ("to help", "to assist")
    assert key("assist") in lexicon_for("帮助", ("帮", "助"), "en").keys
