"""Splitting a file into its Chinese text and its translation."""

from __future__ import annotations

from typing import Callable

import pytest

from trainer.errors import InputError
from trainer.extract.blocks import is_aside, is_metadata, parse_article
from tests.extract.samples import EN_COOP, FR_COOP, ZH_COOP, article


def fixed(lang: str) -> Callable[[str], str]:
    return lambda _text: lang


@pytest.mark.parametrize("line", ["Mise à jour:2021-01-07 | french.china.org.cn", "11-01-2021 | China.org.cn",
                                  "Updated: 2020/3/12", "source | news.example.com",
                                  "Source: Example Wire (CC BY 4.0) | wire.12345", "来源：某某网 | 编辑：张三"])
def test_metadata_lines(line: str) -> None:
    assert is_metadata(line)


@pytest.mark.parametrize("line", ["Le « dernier kilomètre »", "In 2019, the county set up 120 cooperatives.",
                                  "Yes | No? The vote was close.", "It rained. | It stopped."])
def test_not_metadata(line: str) -> None:
    assert not is_metadata(line)


@pytest.mark.parametrize("line", ["(Thoát nghèo chuẩn xác)", "（精准扶贫）", "(Photo: Xinhua)"])
def test_parenthesised_lines_are_asides(line: str) -> None:
    assert is_aside(line)


@pytest.mark.parametrize("line", ["(1) The county (Fugu) set up cooperatives.", "The county (Fugu) grew.", "()"])
def test_lines_with_parentheses_inside_are_not_asides(line: str) -> None:
    assert not is_aside(line)


def test_a_parenthesised_subtitle_is_dropped() -> None:
    with_subtitle = EN_COOP.replace("\n", "\n(Rural News)\n", 1)
    art = parse_article("a.txt", article(with_subtitle), fixed("en"))
    assert not any("Rural News" in s for s in art.translation)
    assert art.translation == parse_article("a.txt", article(EN_COOP), fixed("en")).translation


def test_a_source_line_in_both_languages_is_dropped() -> None:
    line = "Source: Example Wire (CC BY 4.0) | wire.12345\n"
    with_source = article(EN_COOP.replace("\n", "\n" + line, 1), ZH_COOP.replace("\n", "\n" + line, 1))
    art = parse_article("a.txt", with_source, fixed("en"))
    assert not any("Example Wire" in s for s in art.translation + art.zh)
    assert art.translation == parse_article("a.txt", article(EN_COOP), fixed("en")).translation


@pytest.mark.parametrize("zh_first", [True, False])
def test_either_order(zh_first: bool) -> None:
    art = parse_article("a.txt", article(EN_COOP, zh_first=zh_first), fixed("en"))
    assert art.zh[0] == "合作社"
    assert art.translation[0] == "Cooperatives"
    assert not any("example.org" in s for s in art.translation)
    assert art.lang == "en"


def test_repeated_chinese_is_dropped() -> None:
    art = parse_article("a.txt", EN_COOP + ZH_COOP + ZH_COOP, fixed("en"))
    assert len(art.zh) == len(set(art.zh))


def test_no_chinese() -> None:
    with pytest.raises(InputError, match="^fr.txt: no Chinese"):
        parse_article("fr.txt", FR_COOP, fixed("fr"))


def test_only_chinese() -> None:
    with pytest.raises(InputError, match="^zh.txt: only one language"):
        parse_article("zh.txt", ZH_COOP, fixed("fr"))


KOREAN = "농촌 협동조합은 농민들의 소득 증대를 돕습니다. 모든 협동조합에는 기술자가 있습니다.\n"
JAPANESE = "農村の協同組合は農民の収入増加を助けています。どの協同組合にも技術者がいます。\n"
RUSSIAN = "Сельские кооперативы помогают фермерам увеличить доходы. В каждом кооперативе есть техник.\n"


@pytest.mark.parametrize("other", [KOREAN, JAPANESE, RUSSIAN], ids=["korean", "japanese", "russian"])
def test_a_translation_in_another_script_is_refused(other: str) -> None:
    with pytest.raises(InputError, match="^x.txt: no French, English or Vietnamese text found"):
        parse_article("x.txt", ZH_COOP + "\n" + other, fixed("en"))


def test_a_stray_line_in_another_script_is_dropped_not_taken_as_translation() -> None:
    art = parse_article("a.txt", article(EN_COOP) + "\n" + KOREAN, fixed("en"))
    assert not any("협동" in s for s in art.translation + art.zh)


def test_a_translation_quoting_hanzi_stays_a_translation() -> None:
    line = "Le terme 合作社 (hézuòshè) désigne une coopérative rurale de village."
    art = parse_article("a.txt", ZH_COOP + "\n" + line, fixed("fr"))
    assert art.translation == (line,)
