"""Dictionary evidence for one term in one language, as a lexical.Lexicon."""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Mapping

from trainer.extract import dictionary
from trainer.extract.pinyin import plain_syllables
from trainer.extract.text import vi_base, vi_toned, vi_weak
from trainer.extract.lexical import Lexicon


Learned = Mapping[str, frozenset[str]]


def lexicon_for(
    term: str, words: tuple[str, ...], lang: str, learned: Learned | None = None, chars: Learned | None = None,
) -> Lexicon:
    """Keys per part of the term: Sino-Vietnamese per character, glosses per word.

    ``learned`` maps shorter terms to the keys of the renderings already found
    for them in this corpus: 精准扶贫 inherits "xoá đói giảm nghèo" from 扶贫.
    ``chars`` maps characters to the words the corpus's word model learned for
    them (wordmodel.py: 村 "village"), for languages CC-CEDICT does not speak.
    """
    learned = learned or {}
    chars = chars or {}
    if lang == "vi":
        parts = []
        for w in words:
            if w in learned and w != term:
                parts.append(learned[w] | frozenset().union(*(_readings(c) | chars.get(c, frozenset()) for c in w)))
            else:
                parts.extend(_readings(c) | chars.get(c, frozenset()) for c in w)
        parts = [p for p in parts if p]
        # Readings that match only without tones are weak evidence (bần ~ bạn).
        weak = tuple(frozenset(map(vi_weak, p)) for p in parts)
        return Lexicon(tuple(parts), float(len(term)), weak=weak, weak_key=vi_weak)
    parts_list = []
    for w in split_parts(words):
        # Characters' core senses too: glosses often use another word family
        # ("poverty" for 贫困, "poor" for 贫); not for a name, whose characters
        # mean nothing in it (涉县 is Shexian, not "to wade").
        keys = dictionary.keys_for(w, lang)
        if not dictionary.is_name(w):
            keys = keys.union(*(_core_keys(c, chars, lang) for c in w))
        if w in learned and w != term:
            keys |= learned[w]
        if keys:
            parts_list.append(keys)
    if len(parts_list) == 1 and _takes_phrase(term):
        parts_list = _character_parts(term, chars, lang) or parts_list
    senses = dictionary.sense_keys(term)
    short = dictionary.short_sense_keys(term)
    return Lexicon(
        _filled_by_senses(tuple(p for p in parts_list if p), senses),
        _expected_words(term, short), senses + tuple(k for k in short if k not in senses), plain_syllables(term),
    )


def _filled_by_senses(parts: tuple[frozenset[str], ...], senses: tuple[frozenset[str], ...]) -> tuple[frozenset[str], ...]:
    """Give a part the one word of a whole sense that the other parts do not
    explain.  扶贫 "assistance to the poor": "poor" is 贫's, so "assistance"
    renders 扶, whose own glosses ("to support with the hand", "to help")
    miss it; "assistance aux démunis" then renders both parts, not one."""
    if len(parts) < 2:
        return parts
    filled = list(parts)
    for sense in senses:
        loose = [k for k in sense if not any(k in p for p in parts)]
        bare = [i for i, p in enumerate(parts) if p.isdisjoint(sense)]
        if len(loose) == 1 and len(bare) == 1 and len(sense) == len(parts):
            filled[bare[0]] = filled[bare[0]] | {loose[0]}
    return tuple(filled)


def _takes_phrase(word: str) -> bool:
    """A dictionary word of two characters none of whose senses is one word
    (扶贫 "poverty alleviation", "assistance to the poor"; 科技 "science and
    technology"): as one part, any word matching any of its glosses would
    render it whole, and "alleviation" would pass for 扶贫."""
    senses = dictionary.sense_keys(word)
    return len(word) == 2 and bool(senses) and all(len(s) >= 2 for s in senses) and not dictionary.is_name(word)


def _character_parts(word: str, chars: Learned, lang: str) -> list[frozenset[str]]:
    """The parts of a word that takes a phrase: its characters' core senses.
    Its whole senses (Lexicon.senses) still give full recall to a span
    covering one of them ("poverty alleviation")."""
    parts = [_core_keys(c, chars, lang) for c in word]
    return parts if all(parts) else []


def _core_keys(char: str, chars: Learned, lang: str) -> frozenset[str]:
    """A character's core senses in CC-CEDICT and what the word model taught it."""
    return dictionary.keys_for(char, lang, True) | chars.get(char, frozenset())


def _readings(char: str) -> frozenset[str]:
    return frozenset(map(vi_base, dictionary.sino_vietnamese_toned(char)))


def split_parts(words: tuple[str, ...]) -> list[str]:
    """Cut long dictionary words into dictionary sub-words (贫困村 -> 贫困 + 村).

    Each part of a term should show in its rendering ("poor village", not
    "village"), so lexical recall is measured over these finer parts.
    """
    out: list[str] = []
    for w in words:
        if len(w) >= 3:
            for cut in range(len(w) - 1, 0, -1):
                left, right = w[:cut], w[cut:]
                if dictionary.in_dictionary(left) and dictionary.in_dictionary(right):
                    out.extend((left, right))
                    break
            else:
                out.extend(_max_match(w))
        else:
            out.append(w)
    return out


def _max_match(word: str) -> list[str]:
    """Longest dictionary words from the left (六大工程 -> 六 + 大 + 工程), when
    that finds a word of two characters or more; else the word whole."""
    pieces, i = [], 0
    while i < len(word):
        for j in range(len(word), i, -1):
            if j - i == 1 or (j - i < len(word) and dictionary.in_dictionary(word[i:j])):
                pieces.append(word[i:j])
                i = j
                break
    return pieces if any(len(p) >= 2 for p in pieces) else [word]


def word_key_fn(lang: str) -> Callable[[str], str]:
    """Normalised translation word -> key comparable with Lexicon keys."""
    if lang == "vi":
        return vi_base
    return dictionary.key


def fallback_gloss(term: str) -> str:
    """The first two CC-CEDICT senses, when the article shows no rendering."""
    return "; ".join(dictionary.short_senses(term)[:2])


#: Longest sense of one part that a composed gloss may use.
MAX_GLOSS_WORDS = 3


def english_gloss(term: str, words: tuple[str, ...]) -> str:
    """A short English gloss from CC-CEDICT: the term's first sense, else its
    parts' first senses in order (贫困 + 村 -> "impoverished village"); "" when
    a part is missing or only explained at length.  Composed glosses drop a
    leading "to " ("to help" reads as "help")."""
    whole = dictionary.short_gloss(term)
    if whole:
        return whole
    pieces = split_parts(words)
    if len(pieces) < 2 or sum(len(p) == 1 for p in pieces) > 1:
        return ""  # glossed character by character it would read "many make fact"
    parts = []
    for w in pieces:
        g = dictionary.short_gloss(w)
        g = g[3:] if g.startswith("to ") else g
        if not g or len(g.split()) > MAX_GLOSS_WORDS:
            return ""  # a word missing or explained at length: no short gloss
        parts.append(g)
    return " ".join(parts)


@lru_cache(maxsize=100_000)
def other_word_keys(word: str, lang: str) -> frozenset[str]:
    """Keys of another Chinese word of the sentence, comparable with span word keys."""
    if lang == "vi":
        return frozenset(map(vi_toned, dictionary.sino_vietnamese_toned(word)))
    from trainer.extract import anchors

    return anchors.word_keys(word, lang)


def _expected_words(term: str, short: tuple[frozenset[str], ...]) -> float:
    """How many content words a rendering of the term usually has.

    By its length in characters, unless the dictionary's first sense is
    shorter: 基础设施 is four characters but "infrastructure" one word, and
    the length cost must not favour "matière d'infrastructures".  Only the
    first sense, and never longer than the characters say: a short later
    sense ("manpower" for 劳动力) is not what translators usually write."""
    by_chars = 0.6 * len(term) - 0.2
    return min(by_chars, float(len(short[0]))) if short else by_chars
