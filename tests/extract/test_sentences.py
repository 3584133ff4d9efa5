"""Sentence splitting: Chinese punctuation, Latin list numbers and abbreviations."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from trainer.extract.sentences import split_latin, split_zh


def test_zh_splits_on_full_stops_and_keeps_closing_quotes() -> None:
    text = "他说:“扶贫很重要。”我们同意！下一步呢？第一；第二"
    assert split_zh(text) == ["他说:“扶贫很重要。”", "我们同意！", "下一步呢？", "第一；", "第二"]


@given(st.text(alphabet=st.sampled_from(list("农民干部。！？；“” ab")), max_size=80))
def test_zh_split_loses_nothing_but_spaces(text: str) -> None:
    assert "".join(split_zh(text)).replace(" ", "") == re.sub(r"\s", "", text)


def test_latin_list_numbers_and_abbreviations_do_not_end_sentences() -> None:
    text = "1. Le soutien des projets : voir M. Dupont, etc. pour les détails. Deuxième phrase ici."
    assert split_latin(text) == [
        "1. Le soutien des projets : voir M. Dupont, etc. pour les détails.",
        "Deuxième phrase ici.",
    ]


def test_latin_splits_on_question_marks_and_semicolons() -> None:
    assert split_latin("Why? Because; it works. And then") == ["Why?", "Because;", "it works.", "And then"]


def test_lower_case_after_period_is_not_a_new_sentence() -> None:
    assert split_latin("The U.S. economy grew by 3.5 per cent. It was good.") == [
        "The U.S. economy grew by 3.5 per cent.", "It was good."]


@given(st.lists(st.sampled_from(["Le village.", "1. Un point", "M. Li arrive.", "Why?", "ok;", "fin"]), max_size=8))
def test_latin_split_keeps_every_word(parts: list[str]) -> None:
    text = " ".join(parts)
    assert " ".join(split_latin(text)).split() == text.split()
