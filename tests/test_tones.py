"""Tone conversions used by the UI and the exports."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trainer.tones import split_syllables, strip_tone, syllable_tone, to_marks, to_numbers


@pytest.mark.parametrize("marked, numbered", [
    ("zhòng", "zhong4"), ("lǜ", "lv4"), ("nǚ", "nv3"), ("gōng", "gong1"), ("guó", "guo2"),
    ("liù", "liu4"), ("duì", "dui4"), ("xiǎo", "xiao3"), ("ér", "er2"), ("de", "de5"), ("zhōu", "zhou1"),
])
def test_marks_and_numbers(marked: str, numbered: str) -> None:
    assert to_numbers(marked) == numbered
    assert to_marks(numbered) == marked
    assert syllable_tone(marked) == syllable_tone(numbered)


def test_strip_and_split() -> None:
    assert strip_tone("LǙ") == "lü"
    assert split_syllables("zhù cūn  gōng'zuò") == ["zhù", "cūn", "gōng", "zuò"]


finals = st.sampled_from(["a", "ai", "ao", "an", "ang", "e", "ei", "en", "eng", "i", "ia", "iao", "ian",
                          "in", "ing", "iong", "iu", "o", "ong", "ou", "u", "ua", "uai", "uan", "ui",
                          "un", "uo", "v", "ve"])
initials = st.sampled_from(["", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
                            "zh", "ch", "sh", "r", "z", "c", "s"])


@given(initials, finals, st.integers(1, 4))
def test_numbers_to_marks_round_trip(initial: str, final: str, tone: int) -> None:
    syllable = f"{initial}{final}{tone}"
    assert to_numbers(to_marks(syllable)) == syllable
