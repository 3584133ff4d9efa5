"""Cloze examples: sentences saying more than the term come first."""

from __future__ import annotations

from trainer.extract.examples import examples_for
from trainer.extract.spans import analyse
from trainer.extract.units import Unit


def unit(zh: str, tr: str) -> Unit:
    return Unit(zh, analyse(tr, "en"))


def test_titles_come_last_and_limit_applies() -> None:
    units = [unit("合作社", "Cooperatives"), unit("合作社帮助农民。", "Cooperatives help farmers."),
             unit("每个合作社有技术员。", "Every cooperative has a technician."), unit("农民种地。", "Farmers farm.")]
    found = examples_for("合作社", units, limit=2)
    assert found == (("合作社帮助农民。", "Cooperatives help farmers."),
                     ("每个合作社有技术员。", "Every cooperative has a technician."))


def test_only_sentences_holding_the_term() -> None:
    assert examples_for("合作社", [unit("农民种地。", "Farmers farm.")]) == ()
