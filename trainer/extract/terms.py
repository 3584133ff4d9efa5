"""Term candidates from segmented Chinese sentences, ranked by termhood.

A term is either a jieba word or a run of adjacent words that recurs (驻村 +
工作队), or a short quoted span (“最后一公里”).  Ranking combines C-value
(frequency corrected for nesting: 驻村 never occurs outside longer terms, so it
scores nothing of its own) with IDF against jieba's background corpus, so that
everyday words (工作, 要求) sink.  Pure: segmentation and IDF are passed in.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

#: Closed-class Chinese words that are never terms.
ZH_FUNCTION = frozenset(
    """的 了 和 与 及 或 在 是 有 为 以 对 把 被 将 从 由 向 于 并 而 且 也 都 就 又 还 再 更 最 很 不 没 没有
    这 那 其 此 该 之 所 等 中 上 下 内 外 前 后 里 我们 他们 她们 它们 你们 自己 这种 那种 这些 那些 这个 那个
    这是 就是 也是 还是 但是 因此 所以 因为 如果 虽然 但 可以 能够 进行 通过 根据 按照 关于 对于 以及 而且
    从而 以后 以来 之后 之前 之外 之一 一种 一个 一些 每个 各个 各地 其中 例如 诸如 包括 即 既 已 已经 正在
    起来 主要 比较 非常 进一步 相应 具有 实现 提出 要求 体现 作为 成为 形成 达到 利用 采取 开展 做到 一系列""".split()
)
_NUMERIC = re.compile(r"^[第]?[\d.%０-９一二三四五六七八九十百千万亿两几多余]+[项个批次段件年月日号位名人户倍种大]?$")
_QUOTED = re.compile(r"[“\"「『《]([^”\"」』》]{2,10})[”\"」』》]")
_CJK_ONLY = re.compile(r"^[\u3400-\u9fff]+$")
MAX_NGRAM = 4
MAX_CHARS = 8


@dataclass(frozen=True)
class TermCandidate:
    """A ranked term: its words, frequency in the text and termhood score."""

    term: str
    words: tuple[str, ...]
    freq: int
    score: float


def is_content(word: str) -> bool:
    """A word that may be (part of) a term: hanzi only, not a function word or number."""
    return bool(_CJK_ONLY.match(word)) and word not in ZH_FUNCTION and not _NUMERIC.match(word)


def _runs(tokens: Sequence[str]) -> list[list[str]]:
    """Maximal runs of content words (single characters allowed inside)."""
    runs: list[list[str]] = [[]]
    for tok in tokens:
        if is_content(tok) or (len(tok) == 1 and _CJK_ONLY.match(tok) and tok not in ZH_FUNCTION):
            runs[-1].append(tok)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


Occurrence = tuple[int, int, int]  # sentence, first word, word count


def ngram_occurrences(sentences: Sequence[Sequence[str]]) -> dict[tuple[str, ...], list[Occurrence]]:
    """Where every word n-gram that could be a term occurs."""
    found: dict[tuple[str, ...], list[Occurrence]] = {}
    for s, tokens in enumerate(sentences):
        offset = 0
        for run in _runs(tokens):
            for i in range(len(run)):
                for n in range(1, MAX_NGRAM + 1):
                    gram = tuple(run[i:i + n])
                    if len(gram) < n or len("".join(gram)) > MAX_CHARS:
                        break
                    if len(gram[0]) >= 2 and len(gram[-1]) >= 2:
                        found.setdefault(gram, []).append((s, offset + i, n))
            offset += len(run) + 1
    return found


def free_counts(occurrences: dict[tuple[str, ...], list[Occurrence]]) -> dict[tuple[str, ...], int]:
    """Occurrences of each gram not inside an occurrence of a longer gram of the set.

    A gram with no free occurrence is a nested duplicate (驻村 only ever inside
    驻村帮扶 or 驻村工作队) and is no term of its own.
    """
    spans: dict[int, list[tuple[int, int]]] = {}
    for occs in occurrences.values():
        for s, i, n in occs:
            spans.setdefault(s, []).append((i, i + n))
    free = {}
    for gram, occs in occurrences.items():
        free[gram] = sum(
            1 for s, i, n in occs
            if not any(a <= i and i + n <= b and b - a > n for a, b in spans[s])
        )
    return free


def quoted_spans(sentences: Sequence[str]) -> Counter[str]:
    """Short hanzi spans in quotes: authors quote the set phrases they introduce."""
    found: Counter[str] = Counter()
    for s in sentences:
        for m in _QUOTED.finditer(s):
            if _CJK_ONLY.match(m.group(1)):
                found[m.group(1)] += 1
    return found


def c_values(counts: dict[tuple[str, ...], int]) -> dict[tuple[str, ...], float]:
    """C-value (Frantzi et al.): frequency minus the mean frequency of longer terms holding it."""
    nested: dict[tuple[str, ...], list[int]] = {}
    for long in counts:
        for n in range(1, len(long)):
            for i in range(len(long) - n + 1):
                if long[i:i + n] in counts:
                    nested.setdefault(long[i:i + n], []).append(counts[long])
    out = {}
    for g, f in counts.items():
        held = nested.get(g)
        out[g] = math.log2(len("".join(g)) / 1.5 + 1) * (f - (sum(held) / len(held) if held else 0.0))
    return out


def specificity(words: Sequence[str], idf: Callable[[str], float]) -> float:
    """Squared mean IDF: everyday words (工作, 发展) sink well below domain words."""
    mean = sum(idf(w) for w in words) / len(words)
    return mean * mean / 10.0


def pos_weight(tag: str) -> float:
    """How term-like a part of speech is: nouns most, verbs and adjectives less,
    adverbs, pronouns, locatives, distinguishing words hardly (jieba tag set)."""
    if not tag or tag[0] in "njz" or tag in ("vn", "an", "eng"):
        return 1.0
    if tag[0] in "vali":  # verbs, adjectives, set phrases and idioms (相互配合)
        return 0.7
    return 0.3


def extract_terms(
    sentences: Sequence[Sequence[str]],
    raw: Sequence[str],
    idf: Callable[[str], float],
    known: Callable[[str], bool],
    limit: int = 60,
    pos: Callable[[str], str] = lambda _w: "",
    corpus: Mapping[tuple[str, ...], int] | None = None,
) -> list[TermCandidate]:
    """The ``limit`` best terms of a text given as segmented and raw sentences.

    ``corpus`` counts the grams over every article: a multiword that occurs
    once here but again in another article (帮扶责任人) recurs all the same.
    """
    occurrences = ngram_occurrences(sentences)
    quoted = quoted_spans(raw)
    kept = {
        g: o for g, o in occurrences.items()
        if _keep(g, max(len(o), corpus.get(g, 0) if corpus else 0), "".join(g) in quoted, known)
    }
    free = free_counts(kept)
    counts = {g: len(o) for g, o in kept.items() if free[g] > 0}
    for span, n in quoted.items():
        if not any("".join(g) == span for g in counts):
            counts[(span,)] = n
    cval = c_values(counts)
    ranked: list[TermCandidate] = []
    for gram, f in counts.items():
        term = "".join(gram)
        if cval[gram] <= 0:
            continue
        weight = specificity(gram, idf) * (1.0 if term in quoted else pos_weight(pos(gram[-1])))
        bonus = 1.5 if term in quoted else 1.0
        ranked.append(TermCandidate(term, gram, f, cval[gram] * weight * bonus))
    ranked.sort(key=lambda t: (-t.score, t.term))
    return ranked[:limit]


def _keep(gram: tuple[str, ...], freq: int, quoted: bool, known: Callable[[str], bool]) -> bool:
    """Filter fragments: a multiword or unknown word must recur or be quoted."""
    if quoted:
        return True
    if len(gram) == 1:
        word = gram[0]
        return len(word) >= 2 and is_content(word) and (known(word) or freq >= 2)
    return freq >= 2 and all(is_content(w) or len(w) == 1 for w in gram)


def rank_extra(
    terms: list[TermCandidate],
    known_terms: dict[str, tuple[str, ...]],
    text: str,
    idf: Callable[[str], float],
    limit: int,
    pos: Callable[[str], str] = lambda _w: "",
) -> list[TermCandidate]:
    """Add terms established elsewhere in the corpus that this text also uses.

    jieba may cut a term differently in another context (派驻村工作队 -> 派驻 /
    村 / 工作队); a term recognised in one article is still found in the next.
    """
    have = {t.term for t in terms}
    extra = []
    for term, words in known_terms.items():
        if term in have:
            continue
        # Occurrences inside a longer term of this text are not the term's own (企事业 in 企事业单位).
        f = text.count(term) - sum(text.count(t) for t in have if term in t)
        if f > 0:
            weight = specificity(words, idf) * pos_weight(pos(words[-1]))
            extra.append(TermCandidate(term, words, f, math.log2(len(term) / 1.5 + 1) * f * weight))
    merged = sorted(terms + extra, key=lambda t: (-t.score, t.term))
    return merged[:limit]


#: Head words this common (IDF below) add nothing to the term they follow.
GENERIC_IDF = 4.5


def drop_compositional(terms: list[TermCandidate], idf: Callable[[str], float]) -> list[TermCandidate]:
    """Drop "term + everyday word" (扶贫开发 + 工作) when the term itself is listed.

    The learner studies 扶贫开发; 扶贫开发工作 ("poverty alleviation work")
    is only the sum of its parts.
    """
    listed = {t.term for t in terms}
    return [
        t for t in terms
        if not (len(t.words) >= 2 and idf(t.words[-1]) < GENERIC_IDF and "".join(t.words[:-1]) in listed)
    ]
