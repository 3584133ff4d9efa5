"""Files -> prepared documents: the I/O edge, with per-file warnings.

One unusable file among several is a warning and the others go on; when no
file is usable the first reason becomes the error (and a non-zero exit).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from trainer.errors import InputError
from trainer.extract.decode import read_article
from trainer.extract.langid import identify
from trainer.extract.pipeline import Document, prepare


def load_documents(
    paths: Sequence[Path], warn: Callable[[str], None] = lambda _m: None,
    progress: Callable[[int], None] = lambda _done: None,
) -> list[Document]:
    """Read, parse, segment and align every file; ``progress`` hears how many are done."""
    docs: list[Document] = []
    errors: list[InputError] = []
    for done, path in enumerate(paths, 1):
        try:
            docs.append(prepare(path.name, read_article(path), _identify_for(path.name)))
        except InputError as error:
            errors.append(error)
        progress(done)
    if not docs:
        if len(errors) == 1:
            raise errors[0]
        raise InputError("nothing could be extracted: " + "; ".join(map(str, errors)) if errors else "no input files")
    for error in errors:
        warn(str(error))
    return docs


def _identify_for(name: str) -> Callable[[str], str]:
    def run(text: str) -> str:
        try:
            return identify(text)
        except InputError as error:
            raise InputError(f"{name}: {error}") from None

    return run
