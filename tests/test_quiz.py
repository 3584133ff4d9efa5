"""trainer.quiz: typed-answer grading, cloze blanking, multiple-choice options."""

from __future__ import annotations

import random

from hypothesis import given, strategies as st

from trainer import quiz
from trainer.models import Example, Note, Translation
from trainer.tones import to_marks, to_numbers

SYLLABLES = ["zhong", "guo", "fu", "pin", "cun", "lü", "nü", "xi", "er", "yuan", "shuang", "a"]


def note(term: str = "驻村工作队", numbers: str = "zhu4 cun1 gong1 zuo4 dui4", **kw: object) -> Note:
    marks = " ".join(to_marks(s) for s in numbers.split())
    return Note(term=term, pinyin=marks, pinyin_numbers=numbers, id=int(kw.get("id", 1)),  # type: ignore[arg-type]
                translations={"fr": Translation(str(kw.get("fr", "équipe de travail villageoise")))})


def test_exact_pinyin_with_digits_marks_and_spacing() -> None:
    n = note()
    for typed in ["zhu4cun1gong1zuo4dui4", "zhu4 cun1 gong1 zuo4 dui4", "zhùcūngōngzuòduì",
                  "Zhù cūn gōng zuò duì", "  zhu4cun1 gong1zuo4dui4 "]:
        assert quiz.grade_typed(typed, n) == quiz.Grade(5, "exact"), typed


def test_wrong_or_missing_tones_give_3() -> None:
    n = note()
    assert quiz.grade_typed("zhu4cun1gong1zuo4dui1", n).quality == 3
    assert quiz.grade_typed("zhucungongzuodui", n).quality == 3
    assert quiz.grade_typed("zhu4cungongzuodui", n).quality == 3


def test_wrong_syllables_and_empty_give_1() -> None:
    n = note()
    assert quiz.grade_typed("zhu4cun1gong1zuo4", n).quality == 1
    assert quiz.grade_typed("", n).quality == 1
    assert quiz.grade_typed("hello", n).quality == 1


def test_hanzi_answers() -> None:
    n = note()
    assert quiz.grade_typed("驻村工作队", n).quality == 5
    assert quiz.grade_typed("驻村 工作队", n).quality == 5
    assert quiz.grade_typed("驻村工作", n).quality == 1


def test_neutral_tone_and_u_umlaut() -> None:
    assert quiz.grade_typed("dong1xi", note("东西", "dong1 xi5")).quality == 5
    assert quiz.grade_typed("dong1xi5", note("东西", "dong1 xi5")).quality == 5
    assert quiz.grade_typed("dong1xi1", note("东西", "dong1 xi5")).quality == 3
    assert quiz.grade_typed("lv4", note("绿", "lv4")).quality == 5
    assert quiz.grade_typed("lǜ", note("绿", "lv4")).quality == 5
    assert quiz.grade_typed("lu:4", note("绿", "lv4")).quality == 5
    assert quiz.grade_typed("lu4", note("绿", "lv4")).quality == 5  # ü typed as u is accepted


syllable = st.tuples(st.sampled_from(SYLLABLES), st.integers(1, 5))


@given(st.lists(syllable, min_size=1, max_size=5), st.booleans(), st.booleans())
def test_any_correct_rendering_is_exact(parts: list[tuple[str, int]], marks: bool, spaces: bool) -> None:
    numbers = " ".join(to_numbers(f"{s}{t}") for s, t in parts)
    typed_parts = [to_marks(f"{s}{t}") if marks else to_numbers(f"{s}{t}") for s, t in parts]
    typed = (" " if spaces else "").join(typed_parts)
    assert quiz.grade_typed(typed, note("字" * len(parts), numbers)).quality == 5


@given(st.lists(syllable, min_size=1, max_size=5), st.data())
def test_changing_one_tone_gives_3(parts: list[tuple[str, int]], data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(parts) - 1))
    wrong = data.draw(st.integers(1, 4).filter(lambda t: t != parts[index][1]))
    numbers = " ".join(f"{s}{t}" for s, t in parts)
    typed = "".join(f"{s}{wrong if i == index else t}" for i, (s, t) in enumerate(parts))
    assert quiz.grade_typed(typed, note("字" * len(parts), numbers)).quality == 3


@given(st.text(max_size=30))
def test_grading_never_fails_and_stays_in_range(typed: str) -> None:
    assert quiz.grade_typed(typed, note()).quality in (1, 3, 5)


def test_cloze_blanks_every_occurrence() -> None:
    assert quiz.cloze("扶贫要扶志，扶贫要扶智。", "扶贫") == "＿＿要扶志，＿＿要扶智。"
    assert quiz.cloze("没有这个词。", "扶贫") is None


@given(st.text(alphabet="扶贫村工作队。，的了", min_size=1, max_size=20),
       st.text(alphabet="扶贫村工作队", min_size=1, max_size=3))
def test_cloze_hides_the_term_and_keeps_the_width(sentence: str, term: str) -> None:
    blanked = quiz.cloze(sentence, term)
    if term in sentence:
        assert blanked is not None and term not in blanked and len(blanked) == len(sentence)
    else:
        assert blanked is None


def test_cloze_example_picks_a_sentence_with_the_term() -> None:
    n = Note(term="扶贫", pinyin="fú pín", pinyin_numbers="fu2 pin2", id=1,
             examples=(Example("别的句子。", {"fr": "autre"}), Example("加强扶贫。", {"fr": "renforcer"})))
    assert quiz.cloze_example(n, "fr") == ("加强＿＿。", "renforcer")
    assert quiz.cloze_example(n, "en") == ("加强＿＿。", "")


def test_best_example_prefers_short_sentences_with_context() -> None:
    n = Note(term="扶贫", pinyin="fú pín", pinyin_numbers="fu2 pin2", id=1,
             examples=(Example("扶贫", {"fr": "titre"}), Example("很长很长的句子里也有扶贫。", {"fr": "long"}),
                       Example("加强扶贫。", {"fr": "court"}), Example("无关。", {"fr": "x"})))
    assert quiz.best_example(n, "fr") == n.examples[2]
    heading_only = Note(term="扶贫", pinyin="fú pín", pinyin_numbers="fu2 pin2", id=2,
                        examples=(Example("扶贫", {"fr": "titre"}),))
    assert quiz.cloze_example(heading_only, "fr") is None
    assert quiz.best_example(heading_only, "fr") == heading_only.examples[0]


def pool(size: int) -> list[Note]:
    return [note(f"词{i}", "ci2", id=i, fr="m" * (1 + i % 15)) for i in range(size)]


def test_choice_options_contain_the_answer_once() -> None:
    target = note("目标", "mu4 biao1", id=999, fr="mmmmm")
    options, right = quiz.choice_options(target, pool(30), "fr", random.Random(1))
    assert len(options) == 4 and options[right] == "mmmmm" and options.count("mmmmm") == 1


@given(st.integers(0, 40), st.integers(0, 2**32))
def test_distractors_are_distinct_and_similar_in_length(size: int, seed: int) -> None:
    target = note("目标", "mu4 biao1", id=999, fr="mmmmmmm")
    chosen = quiz.choose_distractors(target, pool(size), "fr", random.Random(seed))
    texts = [quiz.meaning(n, "fr") for n in chosen]
    assert len(chosen) == min(3, len({t for t in (quiz.meaning(n, "fr") for n in pool(size))} - {"mmmmmmm"}))
    assert len(set(texts)) == len(texts) and "mmmmmmm" not in texts
    if size >= 30:  # enough candidates: all within a few characters of the answer
        assert all(abs(len(t) - 7) <= 5 for t in texts)
