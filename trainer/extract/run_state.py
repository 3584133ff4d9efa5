"""The state of one extraction that its stages share: corpus, terms, rows so far.

Workers read it (parallel.run hands it to each process); only the pipeline writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from trainer.extract.corpus import LangCorpus
from trainer.extract.documents import Document, Row
from trainer.extract.lexicon import Learned
from trainer.extract.terms import TermCandidate
from trainer.extract.units import Scored


@dataclass
class Shared:
    """One extraction's corpus, terms and results so far: what workers read."""

    docs: Sequence[Document]
    terms: list[list[TermCandidate]]  # per document, by rank
    corpora: dict[str, LangCorpus]
    #: Renderings of words, by language: term -> (confidence, keys) of its most confident one.
    learned: dict[str, dict[str, tuple[float, frozenset[str]]]] = field(default_factory=dict)
    found: dict[tuple[int, int], Row] = field(default_factory=dict)
    best: dict[tuple[int, int], Scored] = field(default_factory=dict)
    #: Group (Chinese text) of each document, by document index.
    group_of: list[int] = field(default_factory=list)
    #: Per (group, language), per term rank: the most confident rendering in that
    #: language's files of the group (what a sibling file agrees with).
    voices: dict[tuple[int, str], dict[int, tuple[Row, Scored]]] = field(default_factory=dict)



def learned_keys(shared: Shared) -> dict[str, Learned]:
    """Per language, the keys of each word's most confident rendering (what longer terms inherit)."""
    return {lang: {t: keys for t, (_conf, keys) in words.items()} for lang, words in shared.learned.items()}

