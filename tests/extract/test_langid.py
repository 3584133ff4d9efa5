"""Language identification: the vectorised automaton walk answers as py3langid does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.extract import langid
from trainer.extract.blocks import paragraphs
from trainer.extract.bundle import article_paths
from trainer.extract.decode import decode_bytes
from trainer.extract.text import cjk_ratio


def library(text: str) -> str:
    return str(langid._identifier().classify(text)[0])


def latin_texts() -> list[str]:
    out = []
    for path in article_paths():
        paras = paragraphs(decode_bytes(path.name, path.read_bytes()))
        out.append(" ".join(p for p in paras if cjk_ratio(p) < 0.5))
    return out


def test_walk_is_the_sequential_walk() -> None:
    tables = langid._tables()
    assert tables is not None  # the py3langid we depend on takes the fast path
    nextmove, rowbase, _ = tables
    for text in latin_texts():
        data = langid._identifier()._encode(text[:5000])
        states = langid._walk(data, tables)
        assert states is not None
        state, expected = 0, []
        for byte in data:
            state = int(nextmove[rowbase[state] + byte])
            expected.append(state)
        assert states.tolist() == expected


@pytest.mark.parametrize("cut", [1, 7, 40, 300, 5000])
def test_bundled_translations_classify_as_py3langid(cut: int) -> None:
    for text in latin_texts():
        assert langid._classify(text[:cut]) == library(text[:cut])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("abcdefghijklmnopqrstuvwxyzéèàçđăơư'’ .,ABCÉ中") + ["the ", "les ", "của ", "und "]),
                max_size=80).map("".join))
def test_random_text_classifies_as_py3langid(text: str) -> None:
    assert langid._classify(text) == library(text)


def test_a_too_narrow_window_falls_back_to_py3langid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(langid, "WINDOW", 1)
    text = latin_texts()[0][:2000]
    assert langid._walk(langid._identifier()._encode(text), langid._tables()) is None
    assert langid._classify(text) == library(text)
