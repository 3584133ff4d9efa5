"""Script and language counts (computed with C-level loops) against plain definitions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.extract.anchors import numbers, tr_keys, tr_word_key, word_keys, zh_keys
from trainer.extract.langid import _VI_ONLY, vi_ratio
from trainer.extract.text import cjk_ratio, is_cjk, is_function_word, latin_tokens, latin_words

#: Han (and two unassigned code points inside the CJK ranges: not letters), kana, Latin
#: with and without diacritics, letters whose lower case is longer ("İ"), digits, marks.
ALPHABET = list("中国人民㐀豈\ufa6e\ufadaかカ") + list("abcXYZéÉđĐăẮễỆưƯİß") + list("0123 .,'’-_²①\u0301\t")
texts = st.text(alphabet=ALPHABET, max_size=60)


def plain_cjk_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if is_cjk(c)) / len(letters)


def plain_vi_ratio(text: str) -> float:
    letters = [c for c in text.lower() if c.isalpha()]
    return sum(1 for c in letters if c in _VI_ONLY) / len(letters) if letters else 0.0


def plain_tr_keys(sentence: str, lang: str) -> frozenset[str]:
    out: set[str] = set(numbers(sentence))
    for tok in latin_tokens(sentence):
        if not is_function_word(tok.text, lang) and len(tok.text) > (1 if lang == "vi" else 2):
            out.add(tr_word_key(tok.text, lang))
    return frozenset(out)


@settings(max_examples=300)
@given(texts)
def test_cjk_ratio_counts_cjk_letters_among_letters(text: str) -> None:
    assert cjk_ratio(text) == plain_cjk_ratio(text)


@settings(max_examples=300)
@given(texts)
def test_vi_ratio_counts_vietnamese_letters_among_letters(text: str) -> None:
    assert vi_ratio(text) == plain_vi_ratio(text)


@settings(max_examples=300)
@given(texts)
def test_latin_words_are_the_token_texts(text: str) -> None:
    assert latin_words(text) == [t.text for t in latin_tokens(text)]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["le", "la", "l'", "the", "của", "và", "développement", "Đổi", "mới", "ab", "abc",
                                   "x", "2021", "07", " ", ", ", ". ", "-", "’"]), max_size=20).map("".join),
       st.sampled_from(["fr", "en", "vi"]))
def test_tr_keys_as_defined(sentence: str, lang: str) -> None:
    assert tr_keys(sentence, lang) == plain_tr_keys(sentence, lang)


def plain_zh_keys(words: list[str], text: str, lang: str) -> frozenset[str]:
    out: set[str] = set(numbers(text))
    for w in words:
        if len(w) >= 2 or w.isalpha():
            out |= word_keys(w, lang)
    return frozenset(out)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["中国", "发展", "驻村", "光山", "的", "了", "，", "2021", "年", "a", "GDP", " "]), max_size=12),
       st.sampled_from(["fr", "en", "vi"]))
def test_zh_keys_as_defined(words: list[str], lang: str) -> None:
    text = "".join(words)
    assert zh_keys(words, text, lang) == plain_zh_keys(words, text, lang)
