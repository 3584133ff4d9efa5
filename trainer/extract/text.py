"""Small text facts shared by the extractor: scripts, Latin tokens, function words.

Kept free of heavy imports so that every pure stage can use it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]|[^\W_]+(?:[-'’][^\W_]+)*|\d+(?:[.,]\d+)*", re.I)

#: Function words: a translation span may not start or end with one.  They are the
#: closed-class words of each language, not a list tuned to any article.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        """le la les l' un une des du de d' et à a au aux en dans par pour sur avec sans sous entre
        vers chez ou où que qu' qui dont ce cet cette ces se s' sa son ses leur leurs notre nos votre
        vos mon ma mes il ils elle elles on nous vous je j' ne n' pas plus moins très aussi ainsi
        comme mais donc car si est sont été être a ont avait avaient fait faire y lors afin tout tous
        toute toutes autre autres même etc. d’ l’ qu’ s’ n’ c' c’ m' m’ t' t’ ceux celle celles celui
        plusieurs chaque certains certaines divers diverses tel telle tels telles étant ayant cela ceci ici là""".split()
    ),
    "en": frozenset(
        """the a an of and or to in on at for with by from as into about than then that which who whom
        whose this these those it its they them their there here is are was were be been being has
        have had do does did not no so such can could will would should may might must also very
        more most each every all any both other only just but if while where when how what up out
        over under through between among per via""".split()
    ),
    "vi": frozenset(
        """các những của và là có được đã sẽ đang với cho trong này đó kia thì mà để từ ra vào về
        một như cũng rất lại nên nếu khi theo trên dưới tại đến bị do vì bởi hay hoặc nhau
        sự việc cái chiếc điều rằng thì đều giữa hơn nhất mỗi rồi chỉ vẫn đây ấy hết""".split()
    ),
}


def is_cjk(char: str) -> bool:
    return bool(_CJK.match(char))


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def cjk_ratio(text: str) -> float:
    """Share of CJK characters among letters: how 'Chinese' a paragraph is."""
    # Counted with C-level loops (map, findall): this runs over every paragraph.
    cjk = sum(map(str.isalpha, _CJK.findall(text)))
    if not cjk:  # no letters at all, or no CJK ones
        return 0.0
    return cjk / sum(map(str.isalpha, text))


_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
# Basic Latin to Latin Extended-B, IPA aside, plus Latin Extended Additional
# (the Vietnamese letters with two diacritics).
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def kana_ratio(text: str) -> float:
    """Share of kana among letters: Chinese never uses kana, Japanese always does."""
    letters = sum(map(str.isalpha, text))
    return len(_KANA.findall(text)) / letters if letters else 0.0


def latin_ratio(text: str) -> float:
    """Share of Latin letters among the letters that are not hanzi: French,
    English and Vietnamese are written in Latin script (and may quote a Chinese
    name); Korean, Russian or Arabic text is not a translation we can use."""
    letters = sum(map(str.isalpha, text)) - len(_CJK.findall(text))
    return len(_LATIN_LETTER.findall(text)) / letters if letters else 0.0


def fold(text: str) -> str:
    """Lower case without diacritics (đ -> d): for comparing words across spellings."""
    t = unicodedata.normalize("NFD", text.lower().replace("’", "'").replace("œ", "oe"))
    return "".join(c for c in t if not unicodedata.combining(c)).replace("đ", "d")


_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "3", "\u0309": "4", "\u0323": "5"}


def vi_key(word: str) -> str:
    """A Vietnamese word keyed with its tone: vowel marks kept, the tone mark
    moved to a final digit, so that old and new spellings agree ("xoá" = "xóa")
    and "bần" (贫) stays apart from "bạn" (friend)."""
    t = unicodedata.normalize("NFD", word.lower())
    tone = "".join(_TONES[c] for c in t if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in t if c not in _TONES))
    return base + tone


def vi_toned(key: str) -> str:
    """A tone-keyed word with the level tone spelt out ("can" -> "can0"), so
    that a toned key never passes for a toneless one."""
    return key if key[-1:].isdigit() else key + "0"


def vi_base(key: str) -> str:
    """A tone-keyed Vietnamese word without its tone, vowel marks kept: how
    dictionary readings are matched (readings and usage differ in tone, 干 can /
    干部 cán bộ, far more rarely in vowels: 贫 bần is not bạn)."""
    return key.rstrip("0123456789")


@lru_cache(maxsize=100_000)
def vi_weak(key: str) -> str:
    """A tone-keyed Vietnamese word without any mark: weak evidence only."""
    return fold(key.rstrip("0123456789"))


@dataclass(frozen=True)
class Token:
    """A word of a Latin-script sentence with its character offsets (to cut spans)."""

    text: str
    start: int
    end: int


_POSSESSIVE = re.compile(r"['’]s$")


def without_possessive(word: str) -> str:
    """An English word without its possessive ending: "China's" counts and keys as China."""
    return _POSSESSIVE.sub("", word)


def latin_tokens(sentence: str) -> list[Token]:
    """Words of a French/English/Vietnamese sentence; elided articles are own tokens."""
    return [Token(m.group(0), m.start(), m.end()) for m in _LATIN_WORD.finditer(sentence)]


def latin_words(sentence: str) -> list[str]:
    """The texts of :func:`latin_tokens`, without building tokens (for keys only)."""
    return _LATIN_WORD.findall(sentence)


def is_function_word(word: str, lang: str) -> bool:
    w = word.lower().replace("’", "'")
    return w in FUNCTION_WORDS.get(lang, frozenset())
