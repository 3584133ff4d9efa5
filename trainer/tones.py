"""Pinyin tones without dictionaries: marks <-> digits, tone of a syllable, colours.

Why not pypinyin here: importing it loads its phrase dictionaries (~150 ms, tens
of MB), and the study UI must show cards without loading any dictionary. These
conversions only need Unicode decomposition and the standard mark-placement rule.
"""

from __future__ import annotations

import unicodedata

#: Combining diacritic -> tone number.
_MARK_TONES = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_TONE_MARKS = {tone: mark for mark, tone in _MARK_TONES.items()}

#: The usual tone colours (Pleco/Hanping): red, orange, green, blue, grey for neutral.
TONE_COLORS: dict[int, str] = {1: "#e53935", 2: "#fb8c00", 3: "#43a047", 4: "#1e88e5", 5: "#8e8e8e"}



def syllable_tone(syllable: str) -> int:
    """Tone 1-4 of a syllable written with a mark or a digit; 5 for neutral."""
    if syllable and syllable[-1] in "12345":
        return int(syllable[-1])
    for char in unicodedata.normalize("NFD", syllable):
        if char in _MARK_TONES:
            return _MARK_TONES[char]
    return 5


def strip_tone(syllable: str) -> str:
    """``lǜ`` -> ``lü``, ``zhong4`` -> ``zhong``: the bare syllable, lower case."""
    syllable = syllable.lower().rstrip("12345")
    kept = [c for c in unicodedata.normalize("NFD", syllable) if c not in _MARK_TONES]
    return unicodedata.normalize("NFC", "".join(kept)).replace("v", "ü").replace("u:", "ü")


def to_numbers(syllable: str) -> str:
    """``zhòng`` -> ``zhong4``; neutral tone gets 5. ``ü`` is written ``v`` for typing."""
    return strip_tone(syllable).replace("ü", "v") + str(syllable_tone(syllable))


def to_marks(syllable: str) -> str:
    """``zhong4`` -> ``zhòng``, ``lv4`` -> ``lǜ``; no digit or 5 leaves it unmarked."""
    tone = syllable_tone(syllable)
    bare = strip_tone(syllable)
    if tone == 5:
        return bare
    index = _mark_position(bare)
    if index < 0:
        return bare
    marked = bare[: index + 1] + _TONE_MARKS[tone] + bare[index + 1 :]
    return unicodedata.normalize("NFC", marked)


def _mark_position(bare: str) -> int:
    """Standard rule: a or e takes the mark; in "ou" the o; otherwise the last vowel."""
    for vowel in "ae":
        if vowel in bare:
            return bare.index(vowel)
    if "ou" in bare:
        return bare.index("o")
    positions = [i for i, c in enumerate(bare) if c in "iouü"]
    return positions[-1] if positions else -1


def split_syllables(pinyin: str) -> list[str]:
    """Space-separated syllables of a stored pinyin string."""
    return [s for s in pinyin.replace("'", " ").split() if s]
