"""CSV export: UTF-8, header, one line per note, round-trips through the csv module."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trainer.errors import TrainerError
from trainer.export.csv_export import FORMULA_STARTS, csv_columns, export_csv, neutralised
from trainer.models import Example, NoteDraft, Translation
from trainer.store import Store


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_round_trip_all_languages(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    result = export_csv(filled, out)
    rows = read(out)
    notes = filled.notes()
    assert result.notes == len(rows) == len(notes) == 6
    assert list(rows[0]) == csv_columns(("fr", "en", "vi"))
    assert len(out.read_text(encoding="utf-8").splitlines()) == 7  # header + one line per note
    for row, note in zip(rows, notes):
        assert (row["deck"], row["term"], row["pinyin"], row["pinyin_numbers"]) == (
            note.deck, note.term, note.pinyin, note.pinyin_numbers)
        for lang in ("fr", "en", "vi"):
            found = note.translations.get(lang)
            assert row[f"translation_{lang}"] == (found.text if found else "")
        assert row["example_zh"] == note.examples[0].zh
        assert row["sources"] == "; ".join(note.sources)
        assert row["rank"] == str(note.rank)
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_one_language_and_awkward_text(tmp_path: Path) -> None:
    tricky = 'il a dit "non", puis;\nplus tard\r\n<b>oui</b>'
    with Store.open(tmp_path / "c.db") as store:
        store.import_notes("D", [
            NoteDraft("扶贫", "fú pín", "fu2 pin2", {"fr": Translation(tricky, ("a, b", "c"))},
                      (Example("扶贫\n很重要", {"fr": tricky}),), ("x.txt",)),
            NoteDraft("脱贫", "tuō pín", "tuo1 pin2", {"en": Translation("lift")}),
        ])
        out = tmp_path / "fr.csv"
        result = export_csv(store, out, decks=["D"], lang="fr")
    assert result.notes == 1
    (row,) = read(out)
    assert set(row) == {"deck", "term", "pinyin", "pinyin_numbers", "translation_fr", "alternatives_fr",
                        "example_zh", "example_fr", "sources", "rank"}
    flat = 'il a dit "non", puis; plus tard <b>oui</b>'
    assert row["translation_fr"] == flat and row["example_fr"] == flat
    assert row["alternatives_fr"] == "a, b; c" and row["example_zh"] == "扶贫 很重要"
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_unknown_deck_leaves_no_file(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(TrainerError, match="no deck named 'Nope'"):
        export_csv(filled, tmp_path / "x.csv", decks=["Nope"])
    assert list(tmp_path.glob("*.csv")) == [] and list(tmp_path.glob(".*")) == []


def test_cells_a_spreadsheet_would_run_are_neutralised(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        store.import_notes("=HYPERLINK(\"http://x\")", [
            NoteDraft("扶贫", "fú pín", "fu2 pin2", {"fr": Translation("+1+cmd|' /C calc'!A0", ("@SUM(A1)", "-2"))},
                      (), ("=evil.txt",)),
        ])
        out = tmp_path / "f.csv"
        export_csv(store, out, lang="fr")
    (row,) = read(out)
    assert row["deck"] == "'=HYPERLINK(\"http://x\")" and row["translation_fr"] == "'+1+cmd|' /C calc'!A0"
    assert row["alternatives_fr"] == "'@SUM(A1); -2" and row["sources"] == "'=evil.txt"
    assert row["term"] == "扶贫"  # ordinary cells are left alone


@given(st.text())
def test_no_cell_starts_like_a_formula(text: str) -> None:
    cell = neutralised(text)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell == text or cell == "'" + text
