"""Value objects: when a translation counts as worth checking."""

from __future__ import annotations

import pytest

from trainer.models import UNSURE_BELOW, Translation


@pytest.mark.parametrize(("translation", "unsure"), [
    (Translation("paysans", confidence=0.9), False),
    (Translation("venus", confidence=UNSURE_BELOW / 2), True),
    (Translation("village", confidence=0.2, method="dictionary"), True),
    (Translation("hameau", confidence=0.9, method="dictionary"), True),
    (Translation("hameau", confidence=0.1, method="edited"), False),  # the learner vouched for it
])
def test_unsure(translation: Translation, unsure: bool) -> None:
    assert translation.unsure is unsure


@pytest.mark.parametrize(("translation", "mark"), [
    (Translation("paysans", confidence=0.9), None),
    (Translation("venus", confidence=0.1), "[unsure: check the example]"),
    (Translation("village", confidence=0.2, method="dictionary"), "[dictionary gloss]"),
])
def test_the_card_tells_the_learner_what_to_check(translation: Translation, mark: str | None) -> None:
    from trainer.models import Note
    from trainer.tui.widgets.card import meaning_text

    note = Note(term="村庄", pinyin="cūn zhuāng", pinyin_numbers="cun1 zhuang1", translations={"fr": translation})
    shown = meaning_text(note, "fr").plain
    assert shown.startswith(translation.text)
    if mark is None:
        assert "[" not in shown
    else:
        assert shown.count("[") == 1 and mark in shown
