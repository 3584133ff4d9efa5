"""Input files as documents, grouped by Chinese original, and each group's terms.

A document is one file's article with its aligned sentence pairs; files that
translate one Chinese text (its fr/en/vi versions) form a group whose terms are
ranked once.  ``Row`` is what the extractor reports for a term in a file.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, Callable, Sequence

from trainer.extract import anchors, segment
from trainer.extract.align import Bead, align, merge_crossings
from trainer.extract.blocks import Article, parse_article
from trainer.extract.corpus import Pair, bead_texts
from trainer.extract.terms import TermCandidate, drop_compositional, extract_terms, ngram_occurrences, rank_extra


#: Terms ranked per article at least (a long article keeps more, see CHARS_PER_TERM).
DEFAULT_LIMIT = 60


#: A long article keeps at least one term per this many Chinese characters.
CHARS_PER_TERM = 12


#: Share of its sentences a file must share with a group to join it.
GROUP_OVERLAP = 0.8


#: Score bonus per further article (Chinese original) using a term.
SPREAD_BOOST = 0.5


Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Row:
    """One term in one translation language for one source file."""

    term: str
    pinyin: str
    pinyin_numbers: str
    lang: str
    translation: str
    alternatives: tuple[str, ...]
    confidence: float
    method: str
    evidence: tuple[str, ...]
    source: str
    rank: int
    examples: tuple[tuple[str, str], ...]
    #: The phrase choice's probability of each alternative, in the same order
    #: (empty where the row did not go through the phrase choice).
    alternative_confidences: tuple[float, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "term": self.term, "pinyin": self.pinyin, "pinyin_numbers": self.pinyin_numbers,
            "lang": self.lang, "translation": self.translation, "alternatives": list(self.alternatives),
            "alternative_confidences": list(self.alternative_confidences), "confidence": self.confidence, "method": self.method, "evidence": list(self.evidence),
            "source": self.source, "rank": self.rank,
            "examples": [{"zh": zh, "translation": tr} for zh, tr in self.examples],
        }


@dataclass(frozen=True)
class Document:
    """A parsed, segmented and sentence-aligned input file."""

    article: Article
    words: tuple[tuple[str, ...], ...]
    pairs: tuple[Pair, ...]


def prepare(name: str, text: str, identify: Callable[[str], str]) -> Document:
    """Parse, segment and sentence-align one decoded file (``identify`` names the language)."""
    article = parse_article(name, text, identify)
    words = tuple(tuple(segment.cut(s)) for s in article.zh)
    lang = article.lang
    zk = [anchors.zh_keys(w, s, lang) for w, s in zip(words, article.zh)]
    tk = [anchors.tr_keys(s, lang) for s in article.translation]
    beads: list[Bead] = align([_zh_len(s) for s in article.zh], [len(s) for s in article.translation], zk, tk)
    beads = merge_crossings(
        beads, zk, tk,
        lambda i: anchors.zh_ends(words[i], lang),
        lambda j: anchors.tr_ends(article.translation[j], lang),
    )
    return Document(article, words, tuple(bead_texts(beads, article.zh, article.translation, words)))


def _zh_len(sentence: str) -> int:
    return len(re.sub(r"\s", "", sentence))


def group_documents(docs: Sequence[Document]) -> list[list[Document]]:
    """Files whose Chinese texts (nearly) agree are translations of one original.

    Pages copied from different sites differ in punctuation, spacing or a stray
    sentence, so a file joins the group sharing at least GROUP_OVERLAP of its
    sentences (looked up by sentence, linear in the corpus).
    """
    groups: list[list[Document]] = []
    owner: dict[str, int] = {}
    for doc in docs:
        keys = [re.sub(r"\W", "", s) for s in doc.article.zh]
        votes = Counter(owner[k] for k in set(keys) if k in owner)
        best = votes.most_common(1)
        size = min(len(set(keys)), len(groups[best[0][0]][0].article.zh)) if best else 0
        if best and best[0][1] >= GROUP_OVERLAP * size:
            groups[best[0][0]].append(doc)
            continue
        for k in keys:
            owner.setdefault(k, len(groups))
        groups.append([doc])
    return groups


def group_terms(groups: Sequence[Sequence[Document]], limit: int) -> list[list[TermCandidate]]:
    """Terms per group, completed with terms found in other groups' texts.

    ``limit`` is a floor: a long article keeps one term per CHARS_PER_TERM
    characters of Chinese, so its tail of key words is not cut.

    A term several articles use is a key term of the collection (农民, 基础设施
    recur in most of them): its score grows with the number of articles showing it.
    """
    corpus: Counter[tuple[str, ...]] = Counter()
    for g in groups:
        corpus.update({gram: len(o) for gram, o in ngram_occurrences(g[0].words).items() if len(gram) > 1})
    limits = [max(limit, sum(map(len, g[0].article.zh)) // CHARS_PER_TERM) for g in groups]
    ranked = [extract_terms(g[0].words, g[0].article.zh, segment.idf, segment.known, 2 * n, segment.pos, corpus)
              for g, n in zip(groups, limits)]
    every = {t.term: t.words for terms in ranked for t in terms}
    texts = ["\n".join(g[0].article.zh) for g in groups]
    spread = {term: sum(1 for text in texts if term in text) for term in every}
    out = []
    for text, terms, n in zip(texts, ranked, limits):
        merged = rank_extra(terms, every, text, segment.idf, 2 * n, segment.pos)
        # A single character is no key term (and words of two characters must not
        # learn from anything shorter: see _translate).
        boosted = [replace(t, score=t.score * (1 + SPREAD_BOOST * (spread.get(t.term, 1) - 1)))
                   for t in merged if len(t.term) >= 2]
        out.append(drop_compositional(sorted(boosted, key=lambda t: (-t.score, t.term)), segment.idf)[:n])
    return out


def best_terms(rows: Sequence[Row], limit: int) -> list[Row]:
    """At most ``limit`` terms per file, the best ranked first (``--limit``)."""
    kept: dict[str, set[str]] = {}
    out = []
    for row in sorted(rows, key=lambda r: r.rank):
        terms = kept.setdefault(row.source, set())
        if row.term in terms or len(terms) < limit:
            terms.add(row.term)
            out.append(row)
    order = {id(row): i for i, row in enumerate(rows)}
    return sorted(out, key=lambda r: order[id(r)])
