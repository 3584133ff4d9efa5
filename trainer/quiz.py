"""Quiz logic with no UI: grading typed answers, cloze blanking, multiple-choice options.

Kept apart from the Textual app so it can be tested alone (and property-tested):
the screens only ask "what quality does this answer deserve?" and "which options
do I show?". Pinyin is handled with :mod:`trainer.tones` only, so nothing here
loads a dictionary.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from trainer.models import Example, Note
from trainer.tones import split_syllables, strip_tone, syllable_tone

#: SM-2 quality for an exact answer, right syllables with wrong tones, and a wrong answer.
EXACT, TONES_WRONG, WRONG = 5, 3, 1
#: Quality given for picking the right option in multiple choice (recognising is easier).
CHOICE_RIGHT = 4

#: What each SM-2 quality means, shown next to the digit keys.
QUALITY_MEANINGS: dict[int, str] = {
    0: "blackout",
    1: "wrong",
    2: "almost",
    3: "hard",
    4: "good",
    5: "easy",
}

_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_IGNORED = set(" \t'’-·.,")
#: The blank in a cloze sentence: a full-width low line, one per hidden hanzi.
BLANK = "＿"


@dataclass(frozen=True)
class Grade:
    """An automatic grade: the quality and a short reason to show the learner."""

    quality: int
    reason: str


def is_hanzi(char: str) -> bool:
    """True for CJK ideographs (the learner typed characters, not pinyin)."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\U00020000" <= char <= "\U0002ffff"


def grade_typed(answer: str, note: Note) -> Grade:
    """Grade a recall/cloze answer typed as hanzi or as pinyin (digits or marks, spaces optional)."""
    answer = unicodedata.normalize("NFC", answer.strip())
    if not answer:
        return Grade(WRONG, "no answer")
    if any(is_hanzi(c) for c in answer):
        typed = "".join(c for c in answer if c not in _IGNORED)
        if typed == note.term:
            return Grade(EXACT, "exact")
        return Grade(WRONG, "wrong characters")
    return grade_pinyin(answer, note.pinyin_numbers or note.pinyin)


def grade_pinyin(answer: str, expected: str) -> Grade:
    """Exact syllables and tones = 5, exact syllables with wrong/missing tones = 3, else 1."""
    syllables = split_syllables(expected)
    if not syllables:
        return Grade(WRONG, "no pinyin to compare with")
    bare, tones_at = parse_pinyin(answer)
    expected_bare = [strip_tone(s) for s in syllables]
    if _loose(bare) != _loose("".join(expected_bare)):
        return Grade(WRONG, "wrong syllables")
    typed = _tones_per_syllable(tones_at, [len(s) for s in expected_bare])
    wanted = [syllable_tone(s) for s in syllables]
    if all(_tone_ok(t, w) for t, w in zip(typed, wanted)):
        return Grade(EXACT, "exact")
    return Grade(TONES_WRONG, "right syllables, wrong tones")


def parse_pinyin(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Split typed pinyin into its bare letters and (letter index, tone) indicators.

    A tone mark belongs to the letter it sits on; a digit to the letter before it.
    ``v`` and ``u:`` are read as ``ü``; spaces and apostrophes are ignored.
    """
    text = text.lower().replace("u:", "ü").replace("v", "ü")
    bare: list[str] = []
    tones: list[tuple[int, int]] = []
    for char in unicodedata.normalize("NFD", text):
        if char in _MARKS:
            tones.append((len(bare) - 1, _MARKS[char]))
        elif char == "\u0308":  # diaeresis of a decomposed ü
            if bare and bare[-1] == "u":
                bare[-1] = "ü"
        elif char in "012345":
            tones.append((len(bare) - 1, 5 if char == "0" else int(char)))
        elif char not in _IGNORED:
            bare.append(char)
    return "".join(bare), tones


def _tones_per_syllable(tones_at: list[tuple[int, int]], lengths: list[int]) -> list[int | None]:
    """Assign each typed tone to the expected syllable its letter falls in."""
    ends, total = [], 0
    for length in lengths:
        total += length
        ends.append(total)
    found: list[int | None] = [None] * len(lengths)
    for index, tone in tones_at:
        for number, end in enumerate(ends):
            if index < end:
                found[number] = tone
                break
    return found


def _tone_ok(typed: int | None, wanted: int) -> bool:
    """A neutral syllable may be typed with 5, 0 or no digit; others need their tone."""
    return typed == wanted or (wanted == 5 and typed is None)


def _loose(bare: str) -> str:
    """Letters compared without the ü/u distinction (hard to type, rarely the point)."""
    return bare.replace("ü", "u")


def cloze(sentence: str, term: str) -> str | None:
    """``sentence`` with every occurrence of ``term`` blanked, or None if it is absent."""
    if not term or term not in sentence:
        return None
    return sentence.replace(term, BLANK * len(term))


#: Fewest characters a sentence needs around the term to give any context.
MIN_CONTEXT = 2


def best_example(note: Note, lang: str) -> Example | None:
    """The example to show: containing the term with some context, translated, and short.

    Article sentences can run to several lines; the shortest one that still has
    context fits an 80x24 screen and is the quickest to read. Sentences without the
    term, or that are nothing but the term (headings), only serve as a last resort.
    """
    def score(example: Example) -> tuple[bool, bool, bool, int]:
        has_term = note.term in example.zh
        context = len(example.zh) - len(note.term) >= MIN_CONTEXT
        return (not has_term, not context, not example.translations.get(lang), len(example.zh))

    return min(note.examples, key=score, default=None)


def cloze_example(note: Note, lang: str) -> tuple[str, str] | None:
    """(blanked Chinese, its translation) for the best example, or None if none gives context."""
    example = best_example(note, lang)
    if example is None or len(example.zh) - len(note.term) < MIN_CONTEXT:
        return None
    blanked = cloze(example.zh, note.term)
    if blanked is None:
        return None
    return blanked, example.translations.get(lang, "")


def meaning(note: Note, lang: str) -> str:
    """The text to show for a note's meaning in ``lang`` ("" when it has none)."""
    translation = note.translation(lang)
    return translation.text if translation else ""


def choose_distractors(
    note: Note, pool: Sequence[Note], lang: str, rng: random.Random, count: int = 3
) -> list[Note]:
    """Wrong options for ``note``: other notes whose meaning is of similar length.

    Candidates must have a different term and a different meaning; the closest in
    meaning length (then term length) form a shortlist of ``3 * count`` from which
    ``count`` are drawn, so the options vary without giving themselves away by size.
    """
    target = meaning(note, lang)
    seen = {target.casefold()}
    candidates: list[Note] = []
    for other in pool:
        text = meaning(other, lang)
        if other.term == note.term or not text or text.casefold() in seen:
            continue
        seen.add(text.casefold())
        candidates.append(other)
    candidates.sort(key=lambda o: (abs(len(meaning(o, lang)) - len(target)),
                                   abs(len(o.term) - len(note.term)), o.id))
    shortlist = candidates[: 3 * count]
    return rng.sample(shortlist, min(count, len(shortlist)))


def choice_options(
    note: Note, pool: Sequence[Note], lang: str, rng: random.Random, count: int = 4
) -> tuple[list[str], int]:
    """Shuffled option texts and the index of the right one."""
    others = [meaning(o, lang) for o in choose_distractors(note, pool, lang, rng, count - 1)]
    options = [meaning(note, lang), *others]
    rng.shuffle(options)
    return options, options.index(meaning(note, lang))
