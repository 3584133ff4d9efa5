"""Mandarin recordings of terms with espeak-ng, when it is installed.

Why espeak-ng: it is offline, packaged everywhere (``apt install espeak-ng``) and
its output is deterministic (same text, same bytes), which keeps exports
byte-identical. It is optional: without it the export simply has no audio, and
the caller tells the user once.

Recordings are cached per engine version in the user cache directory
(``audio/<version hash>/`` under ``TRAINER_CACHE`` or ``~/.cache/trainer/`` on Linux), so exporting a deck again
only records the new terms: at ~10 ms per term, a 10,000-note deck would
otherwise spend a minute and a half in espeak-ng on every export.

The text goes through stdin (``--stdin``), never the command line, so a term
that starts with ``-`` cannot be read as an option. File names are derived from
a hash of the term: unique, safe on every file system, stable across runs.
"""

from __future__ import annotations

import array
import hashlib
import os
import shutil
import subprocess
import sys
import threading
import wave
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterable

from trainer.paths import cache_dir

#: The engine binary and the voice: ``cmn`` is Mandarin in espeak-ng.
ESPEAK = "espeak-ng"
VOICE = "cmn"
#: Seconds before one synthesis is given up (a term is a few syllables).
TIMEOUT = 20.0


def espeak_path() -> str | None:
    """Path of the espeak-ng binary, or None when it is not installed."""
    return shutil.which(ESPEAK)


def audio_name(term: str) -> str:
    """``trainer-<16 hex of sha1(term)>.wav``: unique per term, safe, deterministic."""
    digest = hashlib.sha1(term.encode("utf-8")).hexdigest()[:16]
    return f"trainer-{digest}.wav"


def audio_cache(binary: str) -> Path | None:
    """The cache directory for this espeak-ng version, or None when it cannot be used."""
    try:
        version = subprocess.run([binary, "--version"], capture_output=True, stdin=subprocess.DEVNULL,
                                 timeout=TIMEOUT, check=False).stdout.decode("utf-8", "replace").strip()
        key = hashlib.sha1(f"{version}|{VOICE}|{PROCESSING}".encode("utf-8")).hexdigest()[:12]
        directory = cache_dir() / "audio" / key
        directory.mkdir(parents=True, exist_ok=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return directory if os.access(directory, os.W_OK) else None


def _usable(path: Path) -> bool:
    """A recording is usable when it is more than a bare 44-byte WAV header."""
    try:
        return path.stat().st_size > 44
    except OSError:
        return False


#: Samples quieter than this (of 32767) count as silence when trimming.
SILENCE = 200
#: Silence kept before the first and after the last sound, in seconds (an abrupt
#: start or end sounds clipped).
HEAD = 0.01
TAIL = 0.08
#: Part of the cache key: bump when the processing of recordings changes.
PROCESSING = "trim-1"


def trim_silence(path: Path) -> None:
    """Cut the silence espeak-ng leaves before and after the word (~30% of the file).

    Only 16-bit mono PCM (what espeak-ng writes) is touched; anything else, or a
    file that cannot be parsed, is left as it is. Deterministic, like the engine.
    """
    try:
        with wave.open(str(path), "rb") as source:
            params = source.getparams()
            if params.nchannels != 1 or params.sampwidth != 2 or params.comptype != "NONE":
                return
            samples = array.array("h", source.readframes(params.nframes))
    except (OSError, EOFError, wave.Error):
        return
    if sys.byteorder == "big":
        samples.byteswap()  # WAV is little-endian
    first = next((i for i, v in enumerate(samples) if abs(v) > SILENCE), None)
    if first is None:
        return  # all silence: leave it
    last = len(samples) - next(i for i, v in enumerate(reversed(samples)) if abs(v) > SILENCE)
    start = max(0, first - int(HEAD * params.framerate))
    end = min(len(samples), last + int(TAIL * params.framerate))
    if (start, end) == (0, len(samples)):
        return
    kept = samples[start:end]
    if sys.byteorder == "big":
        kept.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setparams(params)
        out.writeframes(kept.tobytes())


def synthesize_one(binary: str, term: str, target: Path) -> bool:
    """Record ``term`` into ``target`` (WAV), atomically; False when espeak-ng fails.

    espeak-ng writes to a temporary name first, so an interrupted recording never
    leaves a truncated file under the cached name.
    """
    partial = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        completed = subprocess.run(
            [binary, "-v", VOICE, "-b", "1", "--stdin", "-w", str(partial)],
            input=term.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT,
            check=False,
        )
        if completed.returncode == 0 and _usable(partial):
            trim_silence(partial)
            os.replace(partial, target)
            return True
        return False
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        partial.unlink(missing_ok=True)


def synthesize(
    terms: Iterable[str],
    directory: Path,
    *,
    binary: str,
    progress: Callable[[], None] | None = None,
    workers: int | None = None,
    cache: Path | None = None,
) -> dict[str, Path]:
    """Record every distinct term; returns term -> file for the successes.

    Recordings found in ``cache`` are used as they are; new ones are written to
    ``cache`` when given, else to ``directory``.

    Runs several espeak-ng processes at once (each takes ~10 ms, mostly process
    start-up), which is what makes audio affordable for thousands of terms.
    ``progress`` is called once per term, from the calling thread; if it raises
    (a cancelled export), recordings not started yet are dropped and the
    exception propagates once the running ones have finished.
    """
    unique = sorted(set(terms))
    target_dir = cache or directory
    jobs = {term: target_dir / audio_name(term) for term in unique}
    workers = workers or min(8, (os.cpu_count() or 1) * 2)
    done: dict[str, Path] = {}
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
        futures = [
            (term, path, None if _usable(path) else pool.submit(synthesize_one, binary, term, path))
            for term, path in jobs.items()
        ]
        for term, path, future in futures:
            if future is None or future.result():
                done[term] = path
            if progress is not None:
                progress()  # may raise to cancel: pending recordings are dropped below
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return done
