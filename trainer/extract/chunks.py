"""More term candidates, met once or more: names and noun chunks.

The ranked terms of :mod:`trainer.extract.terms` must recur; a news article
names most of its people, places and organisations once.  Four general
sources add them, none keyed to a word:

* names joined by the middle dot (莎伦·戴维斯);
* part-of-speech chunks from jieba.posseg: runs of nouns (and words jieba does
  not know, mostly names), optionally led by an adjective with or without 的
  (ADJ+N, N+N, N+V+N), ending on a noun;
* dictionary compounds: CC-CEDICT entries and pairs of noun entries, found in
  the text whatever jieba's cut;
* transliterations: a run of hanzi that the word aligner links, all of it, to
  capitalised words of the translation (埃尔多安 -> Erdogan), whatever jieba
  made of it.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Sequence

from trainer.extract.realign import AlignedPair
from trainer.extract.terms import ZH_FUNCTION, is_content

_DOTS = "·・•‧"
#: Tags of a one-character piece that may end a transliterated name.
_NAME_TAIL = "mnx"
_HANZI = re.compile(r"^[\u3400-\u9fff]+$")
MAX_CHARS = 10
#: A translated line with more than half of its words capitalised is in title case.
TITLE_CASE = 0.5
MAX_WORDS = 4


def _is_noun(word: str, tag: str) -> bool:
    return bool(_HANZI.match(word)) and word not in ZH_FUNCTION and (
        tag[:1] == "n" or tag in ("vn", "an", "nz", "x", "eng") or tag == "" or tag == "i" and len(word) > 2
    )


def dotted_names(tagged: Sequence[tuple[str, str]]) -> set[str]:
    """Names joined by a middle dot: the word before each dot and the word after
    it (with a trailing one-character piece jieba split off: 弗雷 + 克)."""
    out: set[str] = set()
    k = 0
    while k < len(tagged):
        if tagged[k][0] in _DOTS and k and _HANZI.match(tagged[k - 1][0]):
            first = k - 1
            end = k
            while end + 1 < len(tagged) and _HANZI.match(tagged[end + 1][0]) and (
                tagged[end][0] in _DOTS or len(tagged[end + 1][0]) == 1 and tagged[end + 1][1][:1] in _NAME_TAIL
            ):
                end += 1
                if end + 1 < len(tagged) and tagged[end + 1][0] in _DOTS:
                    end += 1
            name = "".join(w for w, _t in tagged[first:end + 1])
            if name[-1] not in _DOTS and len(name) <= MAX_CHARS + 4:
                # jieba may glue a conjunction to the given name (和凯莉): the name starts after it.
                if len(tagged[first][0]) > 2 and name[0] in ZH_FUNCTION:
                    name = name[1:]
                out.add(name)
            k = end + 1
        else:
            k += 1
    return out


def pos_chunks(tagged: Sequence[tuple[str, str]]) -> set[str]:
    """Noun chunks of one tagged sentence: every run of 2..MAX_WORDS words that
    ends on a noun and starts on a noun or an adjective (ADJ 的 N included)."""
    out: set[str] = set()
    words = [w for w, _t in tagged]
    for start in range(len(tagged)):
        w0, t0 = tagged[start]
        if not (_is_noun(w0, t0) or t0[:1] == "a" and _HANZI.match(w0)):
            continue
        for end in range(start + 1, min(len(tagged), start + MAX_WORDS)):
            w, t = tagged[end]
            inner_ok = _is_noun(w, t) or (t[:1] == "v" and end < len(tagged) - 1) or (w == "的" and end == start + 1)
            if not inner_ok or not _HANZI.match(w):
                break
            text = "".join(words[start:end + 1])
            if len(text) > MAX_CHARS:
                break
            if _is_noun(w, t) and is_content(text):
                out.add(text)
    return out


def word_pairs(tagged: Sequence[tuple[str, str]]) -> set[str]:
    """Two adjacent content words of two characters or more (环境保护, 眼神接触):
    the compounds met once that a learner studies as one."""
    out = set()
    for (a, ta), (b, tb) in zip(tagged, tagged[1:]):
        if len(a) >= 2 and len(b) >= 2 and is_content(a) and is_content(b) and ta[:1] not in "dpcru":
            out.add(a + b)
    return out


def dictionary_compounds(sentence: str, is_entry: Callable[[str], bool], is_noun_word: Callable[[str], bool]) -> set[str]:
    """Dictionary entries of three characters or more met in the sentence, and two
    adjacent noun entries of two characters or more (喜剧 + 作家), whatever jieba's
    cut: jieba may join a character to the wrong neighbour (喜/剧作家) and so hide a
    compound from the chunks above.  ``is_entry`` is the dictionary's membership
    test, ``is_noun_word`` says whether jieba's lexicon tags a word as a noun."""
    out: set[str] = set()
    entries: dict[int, list[str]] = {}
    for i in range(len(sentence)):
        for n in range(2, min(MAX_CHARS, len(sentence) - i) + 1):
            word = sentence[i:i + n]
            if not _HANZI.match(word):
                break
            if is_entry(word) and is_content(word):
                entries.setdefault(i, []).append(word)
                if n >= 3:
                    out.add(word)
    for i, words in entries.items():
        for a in words:
            if not is_noun_word(a):
                continue
            for b in entries.get(i + len(a), ()):
                if is_noun_word(b) and len(a + b) <= MAX_CHARS:
                    out.add(a + b)
    return out


def single_words(tagged: Sequence[tuple[str, str]]) -> set[str]:
    """Content words of two characters or more, met once or more."""
    return {w for w, t in tagged if len(w) >= 2 and is_content(w) and (t[:1] in "nvaizlq" or t in ("", "eng"))}


def maximal(term: str, sentences: Sequence[str]) -> str:
    """The term grown while every occurrence has the same hanzi beside it.

    A string met twice or more that is always preceded (or followed) by the same
    character is part of a longer unit, not a unit itself: jieba's 埃/尔多/安
    recurs only as 埃尔多安.  The maximal repeat is the candidate."""
    while True:
        places = [(s, i) for s in sentences for i in _starts(s, term)]
        if len(places) < 2 or len(term) >= MAX_CHARS:
            return term
        left = {s[i - 1] if i > 0 else "" for s, i in places}
        right = {s[i + len(term)] if i + len(term) < len(s) else "" for s, i in places}
        if len(left) == 1 and (c := left.pop()) and _HANZI.match(c):
            term = c + term
        elif len(right) == 1 and (c := right.pop()) and _HANZI.match(c):
            term = term + c
        else:
            return term


def pieces_of(
    terms: Iterable[str], names: Iterable[str], sentences: Sequence[str], keep: Callable[[str], bool],
) -> set[str]:
    """The terms met only inside longer names, every time (unless ``keep`` says
    the term is a unit of its own, e.g. a dictionary word)."""
    names = sorted(set(names), key=len, reverse=True)
    out = set()
    for term in terms:
        longer = [n for n in names if len(n) > len(term) and term in n]
        if not longer or keep(term):
            continue
        inside = True
        for s in sentences:
            covered = set()
            for n in longer:
                for at in _starts(s, n):
                    covered.update(range(at, at + len(n)))
            if any(not set(range(at, at + len(term))) <= covered for at in _starts(s, term)):
                inside = False
                break
        if inside:
            out.add(term)
    return out


def _starts(sentence: str, term: str) -> list[int]:
    out, at = [], sentence.find(term)
    while at >= 0:
        out.append(at)
        at = sentence.find(term, at + 1)
    return out


def transliterations(pair: AlignedPair) -> set[str]:
    """Hanzi runs linked only to a run of capitalised translation words."""
    out: set[str] = set()
    tr, zh = pair.tr, pair.zh
    capital = [f[:1].isalpha() and tr.text[tr.starts[j]].isupper() for j, f in enumerate(tr.forms)]
    words = sum(1 for f in tr.forms if f[:1].isalpha())
    if words and sum(capital) > TITLE_CASE * words:
        return out  # a headline in title case: capitals say nothing of names
    by_source: dict[int, set[int]] = {}
    for i, j in pair.links:
        by_source.setdefault(i, set()).add(j)
    i = 0
    while i < len(zh.forms):
        targets = by_source.get(i, set())
        if targets and all(capital[j] for j in targets) and _HANZI.match(zh.forms[i]):
            k = i
            while k + 1 < len(zh.forms) and (
                (by_source.get(k + 1) and all(capital[j] for j in by_source[k + 1]) and _HANZI.match(zh.forms[k + 1]))
                or zh.forms[k + 1] in "·・•" and k + 2 < len(zh.forms) and by_source.get(k + 2)
            ):
                k += 1
            run = "".join(zh.forms[i:k + 1])
            if 2 <= len(run) <= MAX_CHARS:
                out.add(run)
            i = k + 1
        else:
            i += 1
    return out
