"""Files -> prepared documents: the I/O edge, with per-file warnings.

One unusable file among several is a warning and the others go on; when no
file is usable the first reason becomes the error (and a non-zero exit).

Many files are read, parsed, segmented and aligned in worker processes
(:mod:`trainer.extract.parallel`): each file is independent, and a prepared
document is small to send back (pickling is a twentieth of preparing it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from trainer.errors import InputError
from trainer.extract import parallel, segment
from trainer.extract.decode import read_article
from trainer.extract.langid import identify
from trainer.extract.documents import Document, prepare

#: Files below which worker processes are not worth their start-up.
MIN_PARALLEL_FILES = 40


def load_documents(
    paths: Sequence[Path], warn: Callable[[str], None] = lambda _m: None,
    progress: Callable[[int], None] = lambda _done: None, workers: int | None = None,
) -> list[Document]:
    """Read, parse, segment and align every file, in input order.

    ``progress`` hears how many files are done; ``workers`` processes share
    the work (default: one per core for many files)."""
    if workers is None:
        workers = parallel.default_workers() if len(paths) >= MIN_PARALLEL_FILES else 1
    if workers > 1:
        _warm_up()  # once here, not once per forked worker
    # One file per piece in this process (progress file by file), a few pieces per worker.
    pieces = parallel.chunks([1] * len(paths), 4 * workers if workers > 1 else len(paths))
    results: list[Document | InputError] = []
    for piece in parallel.run(_load_piece, [[paths[i] for i in piece] for piece in pieces], None, workers):
        results.extend(piece)
        progress(len(results))
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, InputError)]
    if not docs:
        if len(errors) == 1:
            raise errors[0]
        raise InputError("nothing could be extracted: " + "; ".join(map(str, errors)) if errors else "no input files")
    for error in errors:
        warn(str(error))
    return docs


def _load_piece(_shared: None, paths: list[Path]) -> list[Document | InputError]:
    """Some files prepared, or the reason each one cannot be (module level: run by workers)."""
    out: list[Document | InputError] = []
    for path in paths:
        try:
            out.append(prepare(path.name, read_article(path), _identify_for(path.name)))
        except InputError as error:
            out.append(error)
    return out


def _warm_up() -> None:
    """Load jieba's dictionary and the language model before workers fork."""
    segment.cut("中文")
    try:
        identify("Le village et les paysans.")
    except InputError:
        pass


def _identify_for(name: str) -> Callable[[str], str]:
    def run(text: str) -> str:
        try:
            return identify(text)
        except InputError as error:
            raise InputError(f"{name}: {error}") from None

    return run
