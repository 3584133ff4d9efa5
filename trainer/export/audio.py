"""Mandarin recordings of terms with espeak-ng, when it is installed.

Why espeak-ng: it is offline, packaged everywhere (``apt install espeak-ng``) and
its output is deterministic (same text, same bytes), which keeps exports
byte-identical. It is optional: without it the export simply has no audio, and
the caller tells the user once.

The text goes through stdin (``--stdin``), never the command line, so a term
that starts with ``-`` cannot be read as an option. File names are derived from
a hash of the term: unique, safe on every file system, stable across runs.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterable

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


def synthesize_one(binary: str, term: str, target: Path) -> bool:
    """Record ``term`` into ``target`` (WAV); False when espeak-ng fails."""
    try:
        completed = subprocess.run(
            [binary, "-v", VOICE, "-b", "1", "--stdin", "-w", str(target)],
            input=term.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return completed.returncode == 0 and target.is_file() and target.stat().st_size > 44


def synthesize(
    terms: Iterable[str],
    directory: Path,
    *,
    binary: str,
    progress: Callable[[], None] | None = None,
    workers: int | None = None,
) -> dict[str, Path]:
    """Record every distinct term into ``directory``; returns term -> file for the successes.

    Runs several espeak-ng processes at once (each takes ~10 ms, mostly process
    start-up), which is what makes audio affordable for thousands of terms.
    ``progress`` is called once per term, from the calling thread; if it raises
    (a cancelled export), recordings not started yet are dropped and the
    exception propagates once the running ones have finished.
    """
    unique = sorted(set(terms))
    jobs = {term: directory / audio_name(term) for term in unique}
    workers = workers or min(8, (os.cpu_count() or 1) * 2)
    done: dict[str, Path] = {}
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
        futures = [(term, path, pool.submit(synthesize_one, binary, term, path)) for term, path in jobs.items()]
        for term, path, future in futures:
            if future.result():
                done[term] = path
            if progress is not None:
                progress()  # may raise to cancel: pending recordings are dropped below
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return done
