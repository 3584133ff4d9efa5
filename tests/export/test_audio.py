"""Audio: real espeak-ng when installed, a fake engine otherwise, the cache, cancellation."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from trainer.export.anki import export_apkg
from trainer.export.audio import audio_name
from trainer.store import Store

from .conftest import needs_espeak
from .test_anki import Cancelled, _cancel_after


@needs_espeak
def test_audio_is_embedded_when_espeak_is_installed(filled: Store, tmp_path: Path, anki) -> None:
    out, again = tmp_path / "audio.apkg", tmp_path / "audio2.apkg"
    result = export_apkg(filled, out)
    terms = {n.term for n in filled.notes()}
    assert result.audio and result.media == len(terms) == 5 and result.warnings == ()
    export_apkg(filled, again)
    assert out.read_bytes() == again.read_bytes()  # espeak-ng output is deterministic too

    col = anki()
    col.import_apkg(out)
    assert col.media_files() == sorted(audio_name(t) for t in terms)
    for note in col.notes():
        assert note["Audio"] == f"[sound:{audio_name(note['Hanzi'])}]"
        recognition = next(c for c in note.cards() if c.ord == 0)
        assert "[anki:play:a:0]" in recognition.answer()
    wav = Path(col.col.media.dir()) / audio_name("扶贫")
    assert wav.read_bytes()[:4] == b"RIFF" and wav.stat().st_size > 1000


def test_audio_names_are_safe_and_stable() -> None:
    name = audio_name("扶贫")
    assert name == "trainer-" + hashlib.sha1("扶贫".encode()).hexdigest()[:16] + ".wav"
    assert audio_name("../../etc/passwd").startswith("trainer-") and "/" not in audio_name("a/b")


def test_no_audio_flag_skips_recordings(filled: Store, tmp_path: Path) -> None:
    result = export_apkg(filled, tmp_path / "x.apkg", audio=False)
    assert not result.audio and result.media == 0 and result.warnings == ()


FAKE_ESPEAK = """#!/bin/sh
# Test double for espeak-ng: fails on terms containing 的, else writes a tiny WAV.
[ "$1" = "--version" ] && { echo "fake espeak 0.1"; exit 0; }
[ -n "$FAKE_ESPEAK_BROKEN" ] && exit 1
text=$(cat)
case "$text" in *的*) exit 1;; esac
while [ "$1" != "-w" ]; do shift; done
printf 'RIFF....WAVEfmt %s' "$text" > "$2"
head -c 100 /dev/zero >> "$2"
"""


def use_fake_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put the fake espeak-ng where the exporter looks for it."""
    fake = tmp_path / "espeak-ng"
    fake.write_text(FAKE_ESPEAK)
    fake.chmod(0o755)
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: str(fake) if name == "espeak-ng" else None)
    return fake


def test_audio_with_a_fake_engine_and_partial_failures(filled: Store, tmp_path: Path, anki,
                                                        monkeypatch) -> None:
    """The audio path without depending on espeak-ng being installed."""
    use_fake_engine(tmp_path, monkeypatch)
    out = tmp_path / "fake.apkg"
    result = export_apkg(filled, out)
    assert result.audio and result.media == 4  # 5 distinct terms, 的 failed
    assert result.warnings == ("espeak-ng failed on 1 term(s): no audio for them",)
    col = anki()
    col.import_apkg(out)
    fields = {n["Hanzi"]: n["Audio"] for n in col.notes()}
    assert fields["的"] == "" and fields["扶贫"] == f"[sound:{audio_name('扶贫')}]"
    assert (Path(col.col.media.dir()) / audio_name("扶贫")).read_bytes().startswith("RIFF....WAVEfmt 扶贫".encode())


def test_cancel_during_audio_stops_early(filled: Store, tmp_path: Path, monkeypatch) -> None:
    use_fake_engine(tmp_path, monkeypatch)
    with pytest.raises(Cancelled):
        export_apkg(filled, tmp_path / "c.apkg", progress=_cancel_after(1))
    assert not (tmp_path / "c.apkg").exists()


def test_recordings_are_cached_between_exports(filled: Store, tmp_path: Path, monkeypatch,
                                               isolated_cache: Path) -> None:
    use_fake_engine(tmp_path, monkeypatch)
    first = export_apkg(filled, tmp_path / "1.apkg")
    cached = sorted(p.name for p in isolated_cache.rglob("trainer-*.wav"))
    assert cached == sorted(audio_name(t) for t in {"扶贫", "脱贫", "干部", "经济"})
    assert not list(isolated_cache.rglob("*.tmp"))
    assert not list((tmp_path / "xdg-cache").rglob("*.wav"))  # TRAINER_CACHE wins over the platform's
    monkeypatch.setenv("FAKE_ESPEAK_BROKEN", "1")  # the engine now fails: the cache answers
    second = export_apkg(filled, tmp_path / "2.apkg")
    assert second.media == first.media == 4
    assert (tmp_path / "1.apkg").read_bytes() == (tmp_path / "2.apkg").read_bytes()


def _wav(path: Path, samples: list[int], width: int = 2) -> None:
    import array
    import wave

    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(width)
        out.setframerate(1000)
        out.writeframes(array.array("h", samples).tobytes() if width == 2 else bytes(samples))


def test_trim_silence_keeps_the_sound_and_a_short_margin(tmp_path: Path) -> None:
    import wave

    from trainer.export.audio import trim_silence

    sound = [1000, -1000] * 50
    path = tmp_path / "a.wav"
    _wav(path, [0] * 500 + sound + [3] * 700)
    trim_silence(path)
    with wave.open(str(path)) as trimmed:
        frames = trimmed.getnframes()
    assert frames == 10 + len(sound) + 80  # HEAD 10 ms and TAIL 80 ms at 1 kHz
    before = path.read_bytes()
    trim_silence(path)
    assert path.read_bytes() == before  # idempotent, so cached files are stable

    silent, eight_bit, junk = tmp_path / "s.wav", tmp_path / "e.wav", tmp_path / "j.wav"
    _wav(silent, [0] * 100)
    _wav(eight_bit, [128] * 100 + [250] * 10 + [128] * 100, width=1)
    junk.write_bytes(b"RIFF not really a wav")
    for untouched in (silent, eight_bit, junk):
        content = untouched.read_bytes()
        trim_silence(untouched)
        assert untouched.read_bytes() == content
