"""The .apkg imported into a real Anki collection: counts, fields, tags, GUIDs, media, updates."""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest

from .export_helpers import draft
from trainer.errors import TrainerError
from trainer.export import anki_model as am
from trainer.export.anki import NO_AUDIO_WARNING, export_apkg
from trainer.store import Store


def test_import_counts_fields_tags_and_guids(filled: Store, tmp_path: Path, anki, no_espeak) -> None:
    out = tmp_path / "all.apkg"
    result = export_apkg(filled, out)
    assert (result.notes, result.cards, result.media, result.audio) == (6, 12, 0, False)
    assert result.decks == ("Pauvreté", "Économie")
    assert result.warnings == (NO_AUDIO_WARNING,)

    col = anki()
    response = col.import_apkg(out)
    assert len(response.log.new) == 6
    assert col.col.note_count() == 6 and col.col.card_count() == 12
    assert {"trainer", "trainer::Pauvreté", "trainer::Économie"} <= col.deck_names()

    by_guid = col.note_by_guid()
    for store_note in filled.notes():
        note = by_guid[am.note_guid(store_note.deck, store_note.term)]
        assert note.note_type()["name"] == am.MODEL_NAME
        assert note["Hanzi"] == store_note.term
        assert note["Pinyin"] == store_note.pinyin
        assert store_note.translations["fr"].text in note["Translation"]
        assert f'<b class="term">{store_note.term}</b>' in note["Example"]
        assert note["Audio"] == ""
        assert "trainer" in note.tags and all(" " not in t for t in note.tags)
        assert "lang::fr" in note.tags
        cards = note.cards()
        assert sorted(c.ord for c in cards) == [0, 1]
        deck = col.col.decks.get(cards[0].did)["name"]
        assert deck == f"trainer::{store_note.deck}"

    fupin = by_guid[am.note_guid("Pauvreté", "扶贫")]
    assert fupin["PinyinColored"] == '<span class="tone2">fú</span> <span class="tone2">pín</span>'
    assert 'lang="vi"' in fupin["Translation"] and '<span class="alt">(alt lutte' in fupin["Translation"]
    assert set(fupin.tags) == {"trainer", "deck::Pauvreté", "article::001_article",
                               "lang::fr", "lang::en", "lang::vi"}
    ganbu = by_guid[am.note_guid("Pauvreté", "干部")]
    assert "article::002_other_article" in ganbu.tags
    # The same term in two decks is two notes (GUID namespaced by deck).
    assert am.note_guid("Économie", "扶贫") in by_guid


def test_cards_render_recognition_and_recall(filled: Store, tmp_path: Path, anki, no_espeak) -> None:
    out = tmp_path / "p.apkg"
    export_apkg(filled, out, decks=["Pauvreté"], lang="en")
    col = anki()
    col.import_apkg(out)
    note = col.note_by_guid()[am.note_guid("Pauvreté", "扶贫")]
    recognition, recall = sorted(note.cards(), key=lambda c: c.ord)
    assert '<div class="hanzi">扶贫</div>' in recognition.question()
    assert "poverty alleviation" not in recognition.question()
    assert "poverty alleviation" in recognition.answer()
    assert "poverty alleviation" in recall.question() and "扶贫" not in recall.question()
    assert '<div class="hanzi">扶贫</div>' in recall.answer()
    css = note.note_type()["css"]
    assert ".nightMode .tone1" in css and ".night_mode .tone1" in css and "font-size: 64px" in css


def test_lang_filter_leaves_out_untranslated_notes(filled: Store, tmp_path: Path, anki, no_espeak) -> None:
    out = tmp_path / "vi.apkg"
    result = export_apkg(filled, out, decks=["Pauvreté"], lang="vi")
    assert result.notes == 2  # 扶贫 and 干部 have Vietnamese; 脱贫 and 的 do not
    col = anki()
    col.import_apkg(out)
    hanzi = sorted(n["Hanzi"] for n in col.notes())
    assert hanzi == sorted(n.term for n in filled.notes("Pauvreté") if "vi" in n.translations)
    for note in col.notes():
        assert 'lang="vi"' in note["Translation"] and 'lang="fr"' not in note["Translation"]
        assert '<span class="lang">' not in note["Translation"]  # no badge for a single language
        assert [t for t in note.tags if t.startswith("lang::")] == ["lang::vi"]


def test_reexport_after_edit_updates_instead_of_duplicating(filled: Store, clock, tmp_path: Path, anki,
                                                             no_espeak) -> None:
    first, second = tmp_path / "v1.apkg", tmp_path / "v2.apkg"
    export_apkg(filled, first)
    clock.advance(hours=1)
    target = next(n for n in filled.notes("Pauvreté") if n.term == "脱贫")
    filled.edit_translation(target.id, "fr", "<se> sortir de la misère")
    export_apkg(filled, second)

    col = anki()
    col.import_apkg(first)
    guid = am.note_guid("Pauvreté", "脱贫")
    before = col.note_by_guid()[guid]
    card_ids = sorted(c.id for c in before.cards())
    response = col.import_apkg(second)
    assert len(response.log.new) == 0
    assert len(response.log.updated) == 1  # only the edited note is newer
    assert col.col.note_count() == 6 and col.col.card_count() == 12
    after = col.note_by_guid()[guid]
    assert after.id == before.id and sorted(c.id for c in after.cards()) == card_ids
    assert "&lt;se&gt; sortir de la misère" in after["Translation"]
    assert "sortir de la pauvreté" in after["Translation"]  # the old text became an alternative
    # Importing the same file again changes nothing.
    again = col.import_apkg(second)
    assert len(again.log.new) == 0 and len(again.log.updated) == 0
    assert col.col.note_count() == 6


def test_same_database_gives_byte_identical_file(filled: Store, tmp_path: Path, clock, no_espeak) -> None:
    a, b = tmp_path / "a.apkg", tmp_path / "b.apkg"
    export_apkg(filled, a)
    clock.advance(days=3)  # the clock must not leak into the file
    export_apkg(filled, b)
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as archive:
        assert archive.namelist() == ["collection.anki2", "media"]
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


PAYLOADS = ['<script>alert("x")</script>', '<img src=x onerror=alert(1)>']


def test_html_payloads_arrive_as_text(tmp_path: Path, clock, anki, no_espeak) -> None:
    with Store.open(tmp_path / "evil.db", clock=clock) as store:
        store.import_notes("Evil <b>deck</b>", [
            draft(PAYLOADS[0], "zhōng <i>", PAYLOADS[1], PAYLOADS[0], example=f"他说{PAYLOADS[0]}和{PAYLOADS[1]}",
                  source='<img src=x onerror=alert(2)>.txt'),
        ])
        out = tmp_path / "evil.apkg"
        export_apkg(store, out)
    col = anki()
    col.import_apkg(out)
    (note,) = list(col.notes())
    for field in note.keys():
        assert "<script" not in note[field] and "<img" not in note[field], field
    assert note["Hanzi"] == '&lt;script&gt;alert("x")&lt;/script&gt;'
    assert "&lt;img src=x onerror=alert(1)&gt;" in note["Translation"]
    assert '<b class="term">&lt;script&gt;' in note["Example"]
    for card in note.cards():
        html = card.question() + card.answer()
        assert "<script" not in html and "<img" not in html
    assert all(" " not in t and "<" not in t for t in note.tags)


def test_sub_decks_and_deck_ids(tmp_path: Path, clock, anki, no_espeak) -> None:
    with Store.open(tmp_path / "d.db", clock=clock) as store:
        store.import_notes("A", [draft("一", "yī", "un")])
        store.import_notes("B::C  x", [draft("二", "èr", "deux")])
        out = tmp_path / "d.apkg"
        export_apkg(store, out)
    col = anki()
    col.import_apkg(out)
    assert {"trainer", "trainer::A", "trainer::B:C x"} <= col.deck_names()
    assert am.anki_deck_name("B::C  x") == "trainer::B:C x"
    # Ids are pure functions of names: pinned so that a refactor cannot change them.
    digest = hashlib.sha256("trainer-deck:trainer::A".encode()).digest()
    assert am.deck_id("trainer::A") == (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)
    assert (1 << 30) <= am.deck_id("trainer::A") < (1 << 31)
    assert am.deck_id("trainer") == 1793589611
    assert am.note_guid("A", "一") == "frs]f[}+kX"
    assert am.MODEL_ID == 1_546_327_109


def test_progress_is_throttled_monotonic_and_complete(tmp_path: Path, clock) -> None:
    calls: list[tuple[int, int]] = []
    with Store.open(tmp_path / "p.db", clock=clock) as store:
        store.import_notes("Big", [draft(f"词{i}", "cí", f"mot {i}", rank=i) for i in range(1000)])
        export_apkg(store, tmp_path / "p.apkg", audio=False, progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 1001) and calls[-1] == (1001, 1001)
    assert len(calls) <= 105
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


@pytest.mark.parametrize("case", ["unknown", "empty", "no-lang", "missing-dir", "is-dir"])
def test_bad_requests_fail_in_one_line_and_leave_no_file(filled: Store, tmp_path: Path, case: str) -> None:
    filled.import_notes("Vide", [])
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    output, decks, lang = out_dir / "x.apkg", ["Pauvreté"], "all"
    if case == "unknown":
        decks = ["Nope"]
    elif case == "empty":
        decks = ["Vide"]
    elif case == "no-lang":
        decks, lang = ["Économie"], "vi"
    elif case == "missing-dir":
        output = out_dir / "missing" / "x.apkg"
    else:
        output = out_dir
    with pytest.raises(TrainerError) as error:
        export_apkg(filled, output, decks=decks, lang=lang)
    assert "\n" not in str(error.value)
    assert list(out_dir.iterdir()) == []


def test_failure_while_writing_leaves_no_partial_file(filled: Store, tmp_path: Path, monkeypatch) -> None:
    from trainer.export import anki as module

    def explode(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module, "write_apkg", explode)
    previous = tmp_path / "keep.apkg"
    previous.write_bytes(b"previous export")
    with pytest.raises(TrainerError, match="No space left"):
        export_apkg(filled, previous, audio=False)
    assert previous.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_note_type_changes_come_with_a_new_mtime() -> None:
    """Anki keeps its copy of the note type unless ours is newer: any change to fields,
    templates or CSS must bump MODEL_MTIME. When this fails, bump it and update both pins."""
    import json

    definition = json.dumps([am.FIELDS, am.TEMPLATES, am.CSS, am.MODEL_NAME], ensure_ascii=False)
    assert (hashlib.sha256(definition.encode()).hexdigest()[:16], am.MODEL_MTIME) == (
        "6c8148320ed7c6f0", 1_764_000_000)


class Cancelled(Exception):
    pass


def _cancel_after(calls: int):
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if len(seen) > calls:
            raise Cancelled

    return progress


def test_progress_can_cancel_and_nothing_is_written(filled: Store, tmp_path: Path, no_espeak) -> None:
    out = tmp_path / "c.apkg"
    with pytest.raises(Cancelled):
        export_apkg(filled, out, progress=_cancel_after(2))
    assert list(tmp_path.glob("*.apkg")) == [] and list(tmp_path.glob(".*")) == []


def test_gc_is_restored_after_export(filled: Store, tmp_path: Path, no_espeak) -> None:
    import gc

    assert gc.isenabled()
    export_apkg(filled, tmp_path / "a.apkg")
    assert gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(TrainerError):
            export_apkg(filled, tmp_path / "b.apkg", decks=["Nope"])
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_directory_is_refused(filled: Store, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(TrainerError, match="not writable"):
            export_apkg(filled, locked / "x.apkg", audio=False)
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def test_translations_worth_checking_are_tagged_in_anki(tmp_path: Path, clock, anki, no_espeak) -> None:
    from dataclasses import replace

    from trainer.models import Translation

    doubtful = draft("村庄", "cūn zhuāng", "venus", "village")
    doubtful = replace(doubtful, translations={**doubtful.translations,
                                               "fr": Translation("venus", confidence=0.18),
                                               "en": Translation("village", confidence=0.2, method="dictionary")})
    with Store.open(tmp_path / "t.db", clock=clock) as store:
        store.import_notes("Doubt", [doubtful, draft("农民", "nóng mín", "paysans", "farmers")])
        out = tmp_path / "t.apkg"
        export_apkg(store, out)
    col = anki()
    col.import_apkg(out)
    tags = {note["Hanzi"]: set(note.tags) for note in col.notes()}
    assert {"unsure::fr", "unsure::en"} <= tags["村庄"]
    assert not any(t.startswith("unsure::") for t in tags["农民"])
