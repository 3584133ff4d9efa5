"""Dictionary evidence for a span: how much of a term its words explain.

CC-CEDICT glosses (English words, French cognates), Sino-Vietnamese readings and
the senses of the whole term, compared with a span's word keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable, Sequence

from trainer.extract.text import vi_base, vi_toned
from trainer.extract.units import Unit, char_pairs

#: Bonus of a span that is exactly one dictionary sense of a term met once (see :func:`sense_bonus`).
W_SENSE = 0.5


#: How far English glosses speak for a language: directly for English, through
#: cognates only for French, Sino-Vietnamese readings are strong for Vietnamese.
LEX_TRUST = {"en": 2.0, "fr": 0.8, "vi": 2.0}


#: Credit of a dictionary part matched only loosely (Vietnamese without tones).
WEAK = 0.25


#: Credit of a term part rendered by a word no dictionary explains ("targeted").
FREE = 0.35


#: Largest lexical score a span can get (recall 1 + name bonus, full precision).
LEX_MAX = 0.6 * 1.5 + 0.15


@dataclass(frozen=True)
class Lexicon:
    """What dictionaries say about a term, as keys comparable with span words."""

    parts: tuple[frozenset[str], ...]  # keys per part of the term (word or syllable)
    expected_words: float  # how many content words a rendering usually has
    senses: tuple[frozenset[str], ...] = ()  # keys of each sense of the whole term
    pinyin: str = ""  # toneless, run together: names are transcribed ("xijinping")
    weak: tuple[frozenset[str], ...] = ()  # per part, keys that match only loosely (no tones)
    weak_key: Callable[[str], str] | None = None  # span word key -> its loose form

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset().union(*self.parts, *self.senses)


def other_keys(unit: Unit, term: str, keys_of: Callable[[str], frozenset[str]]) -> frozenset[str]:
    """Keys of the sentence's other Chinese words (not inside the term, and not
    overlapping it: 水利工程 next to 农田水利): what they explain is not the
    term's.  A word holding the term still counts (基础设施 explains
    "infrastructures", not 设施)."""
    out: set[str] = set()
    # Two words sharing two characters in a row (水利工程 and 农田水利 share
    # 水利): what one explains, the other may render too.
    shared = char_pairs(term)
    for w, pairs in unit.word_pairs:
        if w not in term and (term in w or shared.isdisjoint(pairs)):
            keys = keys_of(w)
            out |= keys
            # Keys with tones (Vietnamese) explain a syllable in its own tone;
            # in any tone only when the whole word is there (干部 read "can bộ",
            # written "cán bộ"): 户 "hộ" of 贫困户 does not explain "hỗ trợ".
            bare = _toneless(keys)
            if bare and bare <= unit.toneless:
                out |= bare
    return frozenset(out)


@lru_cache(maxsize=1 << 16)
def _toneless(keys: frozenset[str]) -> frozenset[str]:
    """Keys without their tone digit, or nothing when none had one (French
    and English keys): asked for every word of every sentence of every term."""
    bare = frozenset(map(vi_base, keys))
    return frozenset() if bare <= keys else bare


def lexical_score(
    key: Sequence[str], word_keys: Sequence[str], lex: Lexicon, others: frozenset[str] = frozenset()
) -> tuple[float, str]:
    """Recall (term parts rendered), precision, and words explained by other Chinese words.

    A span word no dictionary explains may well be part of the rendering
    ("plenary" in "plenary meeting"); one that another word of the sentence
    explains (第二次 -> "second") is not, and numbers never are.
    """
    if not word_keys:
        return 0.0, ""
    allkeys = lex.keys
    hit = [k for k in word_keys if k in allkeys]
    foreign = sum(1 for w, k in zip(key, word_keys)
                  if k not in allkeys and (k in others or vi_toned(w) in others or w[:1].isdigit()))
    precision = len(hit) / len(word_keys)
    found = set(word_keys)
    matched: float = rendered_parts(lex.parts, word_keys)
    if lex.weak and lex.weak_key is not None:  # a toneless match is worth a quarter
        loose = {lex.weak_key(k) for k in word_keys if k not in allkeys}
        matched += WEAK * sum(1 for part, w in zip(lex.parts, lex.weak) if not part & found and w & loose)
    # A part no dictionary word matches may be rendered by a word nothing else
    # explains ("targeted" for 精准 in "targeted alleviation"): half credit.
    free = len(word_keys) - len(hit) - foreign
    matched += FREE * min(free, len(lex.parts) - matched)
    recall = matched / len(lex.parts) if lex.parts else 0.0
    for sense in lex.senses:  # "infrastructure" renders 基础设施 whole
        recall = max(recall, len(sense & found) / len(sense))
    named = [w for w in key if len(w) >= 2 and w.isalpha() and w in lex.pinyin]
    transcribed = sum(map(len, named)) / len(lex.pinyin) if named and lex.pinyin else 0.0
    if transcribed >= 0.8:  # a whole transcribed name: "Xi Jinping" for xijinping
        recall += 0.5
        hit = hit + [k for w, k in zip(key, word_keys) if w in named and k not in hit]
    score = 0.6 * recall + 0.15 * precision - 0.8 * foreign / len(word_keys)
    return score, ",".join(sorted(set(hit)))


def sense_bonus(key: Sequence[str], word_keys: Sequence[str], lex: Lexicon, n_term: int) -> float:
    """W_SENSE for a span whose words are exactly one dictionary sense of a term
    met once in the corpus, else 0.

    With one sentence pair, co-occurrence cannot tell the sentence's once-only
    words apart ("venus", "extérieur", "rapports" all tie for 村庄), and it
    favours them over the word the dictionary names ("village"), which other
    terms' renderings use too.  Terms met more often have their consistency to
    go on.  Not for a transcribed name: "Jinping" is one sense key of 习近平
    but only half the name (the transcription has its own evidence)."""
    if n_term != 1 or not lex.senses:
        return 0.0
    if lex.pinyin and any(len(w) >= 2 and w in lex.pinyin for w in key):
        return 0.0
    found = frozenset(word_keys)
    return W_SENSE if found in lex.senses else 0.0


def rendered_parts(parts: Sequence[frozenset[str]], word_keys: Sequence[str]) -> int:
    """How many parts of the term the span's words render, one word per part.

    A maximum matching, not a count of parts touched: the characters' senses
    overlap (社 and 团 both gloss "organization"), and one word "organes" must
    not pass for a rendering of both 社会 and 团体.  Augmenting paths over a
    handful of parts and words."""
    words_of = [[j for j, k in enumerate(word_keys) if k in part] for part in parts]
    touched = [j for w in words_of for j in w]
    if len(touched) == len(set(touched)):  # no word shared between parts: nothing to arbitrate
        return sum(1 for w in words_of if w)
    owner: dict[int, int] = {}  # word -> part it renders

    def claim(p: int, seen: set[int]) -> bool:
        for j in words_of[p]:
            if j not in seen:
                seen.add(j)
                if j not in owner or claim(owner[j], seen):
                    owner[j] = p
                    return True
        return False

    return sum(claim(p, set()) for p in range(len(parts)) if words_of[p])
