"""Large word tables kept memory-mapped in the user cache.

jieba's dictionary (500,000 words and prefixes), its part-of-speech tags and
its IDF table are plain ``dict[str, ...]`` that every process would rebuild
(0.1-1 s each, most of a one-article ``trainer extract``), though one article
looks up a few thousand words.  Stored instead as a marisa trie (word -> id)
and an array of values indexed by id, they open in a millisecond and answer
``in``, ``[]`` and ``get`` like the dict they replace.  Like :mod:`cache`,
anything wrong with the files (missing, truncated, unwritable directory)
means building the table again or, failing that, using the dict itself: the
cache saves time, never correctness.
"""

from __future__ import annotations

import array
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from trainer.extract.cache import cache_path, write_atomic

#: array typecodes of the kinds of value a table holds.
_TYPECODE = {int: "q", float: "d", str: "H"}


class MappedTable:
    """Read-only ``Mapping``-like view of a stored table."""

    __slots__ = ("trie", "values", "labels")

    def __init__(self, trie: Any, values: array.array, labels: Sequence[str] | None) -> None:
        self.trie, self.values, self.labels = trie, values, labels

    def _value(self, index: int) -> Any:
        value = self.values[index]
        return self.labels[value] if self.labels is not None else value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self.trie

    def __getitem__(self, key: str) -> Any:
        found = self.trie.get(key) if isinstance(key, str) else None
        if found is None:
            raise KeyError(key)
        return self._value(found)

    def get(self, key: str, default: Any = None) -> Any:
        found = self.trie.get(key) if isinstance(key, str) else None
        return default if found is None else self._value(found)

    def __len__(self) -> int:
        return len(self.trie)


def mapped(name: str, packages: Sequence[str], kind: type, build: Callable[[], Mapping[str, Any]]) -> MappedTable | None:
    """The stored table, built with ``build()`` on first use; None where the
    files can neither be read nor written (the caller then uses ``build()``)."""
    import marisa_trie

    trie_path = cache_path(name, [*packages, "marisa-trie"], ".marisa")
    value_path, label_path = trie_path.with_suffix(".values"), trie_path.with_suffix(".labels")
    try:
        if not (trie_path.is_file() and value_path.is_file()):
            _store(build(), kind, trie_path, value_path, label_path)
        trie = marisa_trie.Trie()
        trie.mmap(str(trie_path))
        values = array.array(_TYPECODE[kind])
        values.frombytes(value_path.read_bytes())
        labels = label_path.read_text(encoding="utf-8").split("\n") if kind is str else None
        if len(values) != len(trie):
            return None
        return MappedTable(trie, values, labels)
    except (OSError, ValueError, RuntimeError, UnicodeDecodeError):
        return None


def _store(table: Mapping[str, Any], kind: type, trie_path: Path, value_path: Path, label_path: Path) -> None:
    import marisa_trie

    trie = marisa_trie.Trie(list(table))
    values = array.array(_TYPECODE[kind], bytes(array.array(_TYPECODE[kind]).itemsize * len(trie)))
    labels: dict[str, int] = {}
    for key, value in table.items():
        values[trie[key]] = labels.setdefault(value, len(labels)) if kind is str else value
    # Trie last: its presence says the values beside it are whole.
    write_atomic(value_path, values.tobytes())
    if kind is str:
        write_atomic(label_path, "\n".join(labels).encode("utf-8"))
    write_atomic(trie_path, trie.tobytes())
