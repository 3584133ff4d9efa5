"""Language of a translation: French, English or Vietnamese.

py3langid's model is loaded once, on first use, and restricted to the three
languages we can study in, so a short or odd text cannot come out as Latin or
Catalan.  Vietnamese is recognised first by its diacritics (cheap and certain).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from trainer.errors import InputError

LANGS = ("fr", "en", "vi")
_VI_ONLY = set("ăắằẳẵặâấầẩẫậđêếềểễệôốồổỗộơớờởỡợưứừửữựảạẻẽẹỉịỏọủụỷỹỵ")


@cache
def _identifier() -> Any:
    from py3langid.langid import _load_identifier

    return _load_identifier(langs=list(LANGS))


def vi_ratio(text: str) -> float:
    """Share of letters only Vietnamese writes (all of _VI_ONLY are lower-case letters)."""
    lower = text.lower()
    letters = sum(map(str.isalpha, lower))
    return sum(map(lower.count, _VI_ONLY)) / letters if letters else 0.0


def identify(text: str) -> str:
    """"fr", "en" or "vi" for a Latin-script text."""
    if vi_ratio(text) > 0.05:
        return "vi"
    lang, _ = _identifier().classify(text[:5000])
    if lang not in LANGS:
        raise InputError(f"unsupported translation language {lang!r}")
    return str(lang)
