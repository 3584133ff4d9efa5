"""Translating terms on several cores gives the rows of one core, in the same order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trainer.extract import parallel
from trainer.extract.bundle import article_paths
from trainer.extract.decode import decode_bytes
from trainer.extract.langid import identify
from trainer.extract.pipeline import _LearnedSoFar, extract_documents, prepare


@given(st.lists(st.integers(0, 80), max_size=40), st.integers(1, 12))
def test_chunks_cover_every_index_once_in_order(weights: list[int], pieces: int) -> None:
    found = parallel.chunks(weights, pieces)
    assert [i for r in found for i in r] == list(range(len(weights)))
    assert all(len(r) for r in found) and len(found) <= max(1, pieces)


def _square(offset: int, task: int) -> int:
    return offset + task * task


def test_run_keeps_task_order_with_and_without_workers(monkeypatch) -> None:
    tasks = list(range(30))
    expected = [7 + t * t for t in tasks]
    assert list(parallel.run(_square, tasks, 7, workers=3)) == expected
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    assert list(parallel.run(_square, tasks, 7, workers=3)) == expected


def test_words_learned_in_later_documents_are_not_seen_earlier() -> None:
    so_far = _LearnedSoFar({"fr": {"扶贫": (2, frozenset({"aide"})), "干部": (0, frozenset({"cadre"}))}})
    assert so_far.up_to("fr", 1) == {"干部": frozenset({"cadre"})}
    assert so_far.up_to("fr", 2) == {"干部": frozenset({"cadre"}), "扶贫": frozenset({"aide"})}
    assert so_far.up_to("en", 2) == {}


def test_rows_do_not_depend_on_the_number_of_workers() -> None:
    # The bundled articles: three French ones (words learned in one serve the
    # next), and one Chinese original with three translations.
    docs = [prepare(p.name, decode_bytes(p.name, p.read_bytes()), identify) for p in article_paths()]
    one = extract_documents(docs, workers=1)
    assert one == extract_documents(docs, workers=3)
    assert [r.source for r in one] == sorted((r.source for r in one), key=[d.article.name for d in docs].index)
