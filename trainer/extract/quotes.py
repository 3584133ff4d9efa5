"""Quoted terms and their quoted renderings.

Chinese news quotes the names of policies and slogans (“对口帮扶”“结对助困”),
and translators quote their renderings in the same order (« soutien ciblé »
et l'« aide jumelée »).  When a sentence pair holds as many quotations on
each side, the n-th Chinese quotation is rendered by the n-th translated one:
an anchor that needs no dictionary, and the only one for a term met once
beside other once-only terms.

Pure: strings in, strings out.
"""

from __future__ import annotations

import re

_ZH_QUOTED = re.compile(r"“([^“”]+)”|「([^「」]+)」|『([^『』]+)』|《([^《》]+)》|\"([^\"]+)\"")
_TR_QUOTED = re.compile(r"«\s*([^«»]+?)\s*»|“([^“”]+)”|\"([^\"]+)\"")


def quoted(text: str, pattern: re.Pattern[str] = _ZH_QUOTED) -> list[str]:
    """The quotations of a text, in order, without their marks or edge spaces."""
    return [next(g for g in m.groups() if g is not None).strip() for m in pattern.finditer(text)]


def quoted_renderings(zh: str, translation: str, term: str) -> list[str]:
    """The translated quotations that stand where the term is quoted in the
    Chinese: none unless both sides hold the same number of quotations (a
    translator who drops or adds one breaks the pairing by order)."""
    source = quoted(zh)
    if term not in source:
        return []
    target = quoted(translation, _TR_QUOTED)
    if len(target) != len(source):
        return []
    return [rendered for original, rendered in zip(source, target) if original == term]
