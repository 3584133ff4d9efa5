"""A small known deck and a frozen clock for the TUI tests."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from trainer.models import Example, NoteDraft, Translation
from trainer.store import Store

#: The frozen "now" of every TUI test (noon UTC: far from the 04:00 day boundary).
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)

WORDS = [
    ("扶贫", "fú pín", "fu2 pin2", "aide aux pauvres", "poverty alleviation", "xóa đói giảm nghèo",
     "政府加强扶贫工作。", "Le gouvernement renforce l'aide aux pauvres.",
     "The government strengthens poverty alleviation."),
    ("驻村工作队", "zhù cūn gōng zuò duì", "zhu4 cun1 gong1 zuo4 dui4", "équipe de travail villageoise",
     "village-based work team", "đội công tác thôn", "驻村工作队来到了山区。",
     "L'équipe de travail villageoise est arrivée dans la montagne.",
     "The village-based work team arrived in the mountains."),
    ("脱贫", "tuō pín", "tuo1 pin2", "sortir de la pauvreté", "shake off poverty", "thoát nghèo",
     "全村已经脱贫。", "Tout le village est sorti de la pauvreté.",
     "The whole village has shaken off poverty."),
    ("农民", "nóng mín", "nong2 min2", "paysan", "farmer", "nông dân",
     "农民的收入提高了。", "Le revenu des paysans a augmenté.", "Farmers' income has risen."),
    ("产业", "chǎn yè", "chan3 ye4", "industrie", "industry", "ngành nghề",
     "发展特色产业。", "Développer des industries spécifiques.", "Develop distinctive industries."),
    ("东西", "dōng xi", "dong1 xi5", "chose", "thing", "đồ vật",
     "买东西。", "Acheter des choses.", "Buy things."),
]


def drafts() -> list[NoteDraft]:
    result = []
    for rank, (term, pinyin, numbers, fr, en, vi, zh, fr_s, en_s) in enumerate(WORDS):
        method = "dictionary" if term == "东西" else "aligned"
        result.append(NoteDraft(
            term=term, pinyin=pinyin, pinyin_numbers=numbers,
            translations={"fr": Translation(fr, method=method, confidence=0.9),
                          "en": Translation(en, method=method, confidence=0.9),
                          "vi": Translation(vi, confidence=0.9)},
            examples=(Example(zh, {"fr": fr_s, "en": en_s}),),
            sources=("001_test.txt",), rank=rank,
        ))
    return result


def make_store(path: Path, *, learner: str = "alice", lang: str = "fr",
               study_unchecked: bool = True) -> Store:
    """A database with the deck "Pauvreté" (six notes) and one learner.

    The learner studies unchecked notes by default, so that a session meets the
    dictionary-gloss note (东西); the check tests turn it off."""
    store = Store.open(path, clock=lambda: NOW)
    added = store.add_learner(learner, lang)
    store.update_learner(added.id, study_unchecked=study_unchecked)
    store.import_notes("Pauvreté", drafts(), description="test deck")
    return store
