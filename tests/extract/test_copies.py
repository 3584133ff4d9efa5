"""Any set of articles, including copies of one another, extracts without an exception.

A learner who extracts an article together with an edited copy of it (a
sentence added, lines shuffled, the end cut off) must get rows for both files,
not a traceback: every stage has to cope with terms that occur only in
unpaired sentences and with rows that exist in one copy but not the other.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.errors import InputError
from trainer.extract.documents import prepare
from trainer.extract.pipeline import extract_documents
from tests.extract.samples import EN_COOP, FR_COOP, article

BASES = {"en": article(EN_COOP), "fr": article(FR_COOP)}
EXTRA = "这是新加的一句话，合作社没有翻译。"


def edited(text: str, edit: str, seed: int) -> str:
    lines = text.split("\n")
    if edit == "append":
        return text + "\n" + EXTRA + "\n"
    if edit == "shuffle":
        random.Random(seed).shuffle(lines)
        return "\n".join(lines)
    if edit == "truncate":
        return "\n".join(lines[: max(1, len(lines) * (seed % 4 + 1) // 5)])
    return text  # "copy"


EDITS = st.sampled_from(["copy", "append", "shuffle", "truncate"])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(sorted(BASES)), EDITS, st.integers(0, 99)), min_size=1, max_size=4))
def test_copies_and_near_copies_extract(files: list[tuple[str, str, int]]) -> None:
    docs = []
    for i, (lang, edit, seed) in enumerate(files):
        text = edited(BASES[lang], edit, seed)
        try:
            docs.append(prepare(f"{i}_{lang}.txt", text, lambda _t, lang=lang: lang))
        except InputError:
            continue  # a cut that left one language: the CLI reports it and goes on
    rows = extract_documents(docs)
    assert {row.source for row in rows} <= {doc.article.name for doc in docs}
    for row in rows:
        assert row.term and 0.0 <= row.confidence <= 1.0


def test_an_article_with_a_sentence_added_extracts_beside_the_original() -> None:
    text = BASES["en"]
    docs = [prepare("copy.txt", text + "\n" + EXTRA + "\n", lambda _t: "en"), prepare("orig.txt", text, lambda _t: "en")]
    rows = extract_documents(docs)
    assert {row.source for row in rows} == {"copy.txt", "orig.txt"}
