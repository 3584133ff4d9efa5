"""Language of a translation: French, English or Vietnamese.

py3langid's model is loaded once, on first use, and restricted to the three
languages we can study in, so a short or odd text cannot come out as Latin or
Catalan.  Vietnamese is recognised first by its diacritics (cheap and certain).

py3langid walks its byte automaton in a Python loop, one step per byte; we take
the same steps with numpy (see :func:`_walk`) and hand the feature counts to
py3langid's own scoring, so the answer is py3langid's, bit for bit.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from trainer.errors import InputError

LANGS = ("fr", "en", "vi")
#: Bytes of context the automaton's state depends on (its deepest state is 6
#: bytes long); only speed depends on it, as every walk is checked.
WINDOW = 8
_VI_ONLY = set("ăắằẳẵặâấầẩẫậđêếềểễệôốồổỗộơớờởỡợưứừửữựảạẻẽẹỉịỏọủụỷỹỵ")
_VI_CHARS = re.compile("[" + "".join(sorted(_VI_ONLY)) + "]")


@cache
def _identifier() -> Any:
    """py3langid's identifier for our three languages.  Its model file is a
    compressed stream that takes 0.5 s to decode each run; the decoded tables
    (restricted to our languages) are kept in the user cache and rebuilt into
    the same identifier in a few milliseconds."""
    from py3langid.langid import _load_identifier

    try:
        return _cached_identifier()
    except Exception:  # another py3langid layout: its own loader, slower
        return _load_identifier(langs=list(LANGS))


def _cached_identifier() -> Any:
    import array

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier, _load_model_file

    from trainer.extract.cache import cached

    def build() -> tuple[Any, ...]:
        ptc, pc, classes, nextmove, row, output = _load_model_file(MODEL_DIR / MODEL_FILE)
        keep = [i for i, c in enumerate(classes) if c in LANGS]
        ptc = np.ascontiguousarray(np.asarray(ptc)[:, keep])
        pc = np.ascontiguousarray(np.asarray(pc)[keep])
        return (ptc.tobytes(), str(ptc.dtype), ptc.shape, pc.tobytes(), str(pc.dtype), [classes[i] for i in keep],
                nextmove.typecode, nextmove.tobytes(), row.typecode, row.tobytes(), list(output))

    (ptc, ptc_type, shape, pc, pc_type, classes, move_type, moves, row_type, rows, output) = cached(
        "langid-model", ["py3langid"], build)
    nextmove, row = array.array(move_type), array.array(row_type)
    nextmove.frombytes(moves)
    row.frombytes(rows)
    return LanguageIdentifier(np.frombuffer(ptc, dtype=ptc_type).reshape(shape), np.frombuffer(pc, dtype=pc_type),
                              classes, nextmove, output, tk_row=row)


def vi_ratio(text: str) -> float:
    """Share of letters only Vietnamese writes (all of _VI_ONLY are lower-case letters)."""
    lower = text.lower()
    letters = sum(map(str.isalpha, lower))
    return len(_VI_CHARS.findall(lower)) / letters if letters else 0.0


def identify(text: str) -> str:
    """"fr", "en" or "vi" for a Latin-script text."""
    if vi_ratio(text) > 0.05:
        return "vi"
    lang = _classify(text[:5000])
    if lang not in LANGS:
        raise InputError(f"unsupported translation language {lang!r}")
    return str(lang)


#: What :func:`_classify` uses of py3langid's identifier (private, hence checked).
_NEEDED = ("_norm_probs", "_alias_pairs", "min_confidence", "tk_nextmove", "_rowbase", "tk_output",
           "_encode", "_sparse_score", "nb_ptc", "nb_classes")


@cache
def _tables() -> tuple[Any, Any, Any] | None:
    """The automaton as numpy arrays (transitions, row offsets, feature per state),
    None when this py3langid is not laid out or does not score as the one we know."""
    import numpy as np

    ident = _identifier()
    if not all(hasattr(ident, a) for a in _NEEDED) or not hasattr(ident.tk_nextmove, "typecode"):
        return None
    if ident._norm_probs or ident._alias_pairs or ident.min_confidence is not None:
        return None
    nextmove = np.frombuffer(ident.tk_nextmove, dtype=ident.tk_nextmove.typecode)
    return nextmove, np.asarray(ident._rowbase, dtype=np.int64), np.asarray(ident.tk_output, dtype=np.int64)


def _walk(data: bytes, tables: tuple[Any, Any, Any]) -> Any | None:
    """The automaton's state after each byte, None if WINDOW bytes do not fix it.

    The state after a byte depends only on the last few bytes read, so every
    position can start from the initial state WINDOW bytes back, all positions at
    once.  The result is checked to be the sequential walk (each state is the
    transition from the one before), so a deeper automaton only costs a fallback.
    """
    import numpy as np

    nextmove, rowbase, _ = tables
    text = np.frombuffer(data, dtype=np.uint8).astype(np.int64)
    n = len(text)
    states = np.zeros(n, dtype=np.int64)
    for back in range(min(WINDOW, n) - 1, -1, -1):
        states[back:] = nextmove[rowbase[states[back:]] + text[: n - back]]
    before = np.concatenate((np.zeros(1, dtype=np.int64), states[:-1]))
    if not np.array_equal(nextmove[rowbase[before] + text], states):
        return None
    return states


def _classify(text: str) -> str:
    """py3langid's ``classify(text)[0]``, with the byte walk vectorised."""
    ident = _identifier()
    tables = _tables()
    if tables is None:
        return str(ident.classify(text)[0])
    data = ident._encode(text)
    states = _walk(data, tables)
    if states is None:
        return str(ident.classify(text)[0])
    features = tables[2][states]
    visits = Counter(features[features >= 0].tolist())  # in order of first visit, as py3langid counts
    if not visits:
        return str(ident.classify(text)[0])
    return str(ident.nb_classes[int(ident._sparse_score(visits, ident.nb_ptc).argmax())])
