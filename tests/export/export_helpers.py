"""Test data and a real Anki collection to import exported packages into."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

from anki.collection import Collection, ImportAnkiPackageRequest

from trainer.models import Example, NoteDraft, Translation

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)


class Clock:
    """A clock the test moves by hand (store rows get deterministic times)."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def draft(term: str, pinyin: str, fr: str, en: str | None = None, vi: str | None = None, *,
          example: str | None = None, source: str = "001_article.txt", rank: int = 0) -> NoteDraft:
    translations = {"fr": Translation(fr, alternatives=("alt " + fr,), confidence=0.9)}
    if en is not None:
        translations["en"] = Translation(en, confidence=0.95)
    if vi is not None:
        translations["vi"] = Translation(vi, confidence=0.92)
    sentence = example if example is not None else f"我们说{term}。"
    ex_tr = {lang: f"{lang} sentence with {t.text}" for lang, t in translations.items()}
    numbers = " ".join(f"x{i % 5 + 1}" for i, _ in enumerate(pinyin.split()))
    return NoteDraft(term=term, pinyin=pinyin, pinyin_numbers=numbers, translations=translations,
                     examples=(Example(sentence, ex_tr),), sources=(source,), rank=rank)


SAMPLE = [
    draft("扶贫", "fú pín", "lutte contre la pauvreté", "poverty alleviation", "xóa đói giảm nghèo", rank=0),
    draft("脱贫", "tuō pín", "sortir de la pauvreté", "lift out of poverty", rank=1),
    draft("干部", "gàn bù", "cadre", "cadre", "cán bộ", source="002 other article.txt", rank=2),
    draft("的", "de", "de (particule)", rank=3),
]


class AnkiCollection:
    """A throw-away Anki collection (the real engine) in a directory."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.col = Collection(str(directory / "collection.anki2"))

    def import_apkg(self, path: Path):  # -> ImportResponse
        """Import with Anki's default options (update notes only when the file is newer)."""
        options = self.col._backend.get_import_anki_package_presets()
        request = ImportAnkiPackageRequest(package_path=str(path), options=options)
        return self.col.import_anki_package(request)

    def notes(self) -> Iterator:
        for note_id in sorted(self.col.find_notes("")):
            yield self.col.get_note(note_id)

    def note_by_guid(self) -> dict:
        return {n.guid: n for n in self.notes()}

    def deck_names(self) -> set[str]:
        return {d.name for d in self.col.decks.all_names_and_ids()}

    def media_files(self) -> list[str]:
        return sorted(p.name for p in Path(self.col.media.dir()).iterdir())

    def close(self) -> None:
        self.col.close()
