"""Proper names and term parts as lexical evidence (invented articles, real CC-CEDICT)."""

from __future__ import annotations

from itertools import permutations

from hypothesis import given
from hypothesis import strategies as st

from tests.extract.samples import article
from tests.extract.test_translate import rows_for
from trainer.extract import anchors, dictionary
from trainer.extract.lexicon import lexicon_for
from trainer.extract.lexical import lexical_score, Lexicon, rendered_parts

# Three counties CC-CEDICT glosses as "Ci county", "She county", "Yi county":
# the English text transcribes them instead.  攻关 is not rendered at all.
ZH_IRRIGATION = """节水灌溉

水利部在磁县、涉县、易县组织攻关,推广节水灌溉。节水灌溉让农民减少了用水。
磁县的农民组成了用水协会。水利部修建了新的水渠。
"""

EN_IRRIGATION = """Water-saving irrigation

The water ministry promoted water-saving irrigation in Cixian, Shexian and Yixian. Water-saving irrigation helped farmers use less water.
Farmers in Cixian formed water user associations. The water ministry built new canals.
"""


def test_names_are_those_cedict_capitalises_and_nothing_else() -> None:
    assert dictionary.is_name("磁县") and dictionary.is_name("井冈山")
    assert not dictionary.is_name("攻关")  # a common word
    assert not dictionary.is_name("东北")  # a name ("Northeast China") but also "northeast"


def test_a_name_is_keyed_by_its_transcription() -> None:
    assert dictionary.key("Cixian") in anchors.word_keys("磁县", "en")
    assert dictionary.key("Cixian") in anchors.word_keys("磁县", "fr")
    # A common word's pinyin is no key: it would match unrelated words.
    assert dictionary.key("gongguan") not in anchors.word_keys("攻关", "en")


def test_a_names_characters_are_no_evidence() -> None:
    # 涉 alone means "to wade"; in 涉县 it only spells the name.
    wade = dictionary.gloss_keys("涉", True)
    assert wade and not wade & lexicon_for("涉县", ("涉县",), "en").keys
    assert wade <= lexicon_for("涉及", ("涉及",), "en").keys  # a common word keeps them


def test_a_county_gets_its_transcription_not_a_word_its_characters_suggest() -> None:
    rows = rows_for(("irrigation.txt", article(EN_IRRIGATION, ZH_IRRIGATION), "en"))
    found = {term: text for (term, _lang, _src), text in rows.items()}
    assert found["涉县"] == "Shexian"  # was "water" (涉 "to wade")
    assert found["磁县"] == "Cixian"


def test_one_word_renders_one_part() -> None:
    # Both parts gloss "organization" (社会团体: 社会 + 团体); one word "organes"
    # must not count as rendering both.
    lex = Lexicon(parts=(frozenset({"organ", "socie"}), frozenset({"organ", "group"})), expected_words=2)
    alone, _ = lexical_score(("organe",), ["organ"], lex)
    both, _ = lexical_score(("organisation", "sociale"), ["organ", "socia"], lex)
    assert both > alone
    assert rendered_parts(lex.parts, ["organ"]) == 1
    # The second word frees the first for the other part (an augmenting path).
    assert rendered_parts(lex.parts, ["organ", "socie"]) == 2
    assert rendered_parts(lex.parts, ["socie", "organ"]) == 2


def _best_matching(parts: list[frozenset[str]], words: list[str]) -> int:
    """Brute force: the most parts an injective choice of words can render."""
    best = 0
    slots = list(range(len(words))) + [-1] * len(parts)
    for pick in set(permutations(slots, len(parts))):
        best = max(best, sum(1 for p, j in zip(parts, pick) if j >= 0 and words[j] in p))
    return best


KEYS = st.sampled_from("abcde")


@given(st.lists(st.frozensets(KEYS, max_size=3), max_size=4), st.lists(KEYS, max_size=4))
def test_rendered_parts_is_a_maximum_matching(parts: list[frozenset[str]], words: list[str]) -> None:
    assert rendered_parts(parts, words) == _best_matching(parts, words)


def test_cognates_meet_across_doubled_letters_and_greek_spellings() -> None:
    """French doubles consonants English writes once ("ressources"), writes
    "c" where English keeps the Greek "ch" ("mécanisme") and ends in "-re"
    where English has "-er" ("membres"), "-eur" for "-or" ("secteur"), "ou"
    for "o" ("gouvernement"), "i" where English ends in "y" ("Parti") and a
    mute final "e" ("groupe"): the keys still meet, while unrelated
    words keep their own."""
    for french, english in [("ressources", "resources"), ("mécanisme", "mechanism"),
                            ("appartement", "apartment"), ("développement", "development"),
                            ("membres", "members"), ("centre", "center"), ("ordre", "order"),
                            ("Parti", "party"), ("gouvernement", "government"), ("secteur", "sector"),
                            ("groupe", "group"), ("forme", "form")]:
        assert dictionary.key(french) == dictionary.key(english), (french, english)
    assert dictionary.key("ressources") != dictionary.key("responsable")
    assert dictionary.key("machine") != dictionary.key("mécanisme")
    assert dictionary.key("structure") == "struc"  # "-ure" is not "-er"
    assert dictionary.key("envoyer") != dictionary.key("envoi")  # only a final "y" is an "i"
