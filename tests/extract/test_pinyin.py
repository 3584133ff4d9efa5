"""Pinyin for whole terms, polyphones resolved by the word."""

from __future__ import annotations

import pytest

from trainer.extract.pinyin import plain_syllables, term_pinyin
from trainer.extract.segment import cut


@pytest.mark.parametrize(("term", "marks", "numbers"), [
    ("干部", "gàn bù", "gan4 bu4"),
    ("重点", "zhòng diǎn", "zhong4 dian3"),
    ("驻村工作队", "zhù cūn gōng zuò duì", "zhu4 cun1 gong1 zuo4 dui4"),
    ("银行", "yín háng", "yin2 hang2"),
])
def test_term_pinyin(term: str, marks: str, numbers: str) -> None:
    assert term_pinyin(tuple(cut(term))) == (marks, numbers)


def test_one_syllable_per_character() -> None:
    marks, numbers = term_pinyin(("最后", "一", "公里"))
    assert len(marks.split()) == len(numbers.split()) == 5


def test_plain_syllables_for_names() -> None:
    assert plain_syllables("光山") == "guangshan"
