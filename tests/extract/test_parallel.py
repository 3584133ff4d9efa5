"""Translating terms on several cores gives the rows of one core, in the same
order; and a file's rows do not depend on where it stands among the inputs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trainer.extract import parallel
from trainer.extract.bundle import article_paths
from trainer.extract.decode import decode_bytes
from trainer.extract.langid import identify
from trainer.extract.documents import prepare
from trainer.extract.pipeline import extract_documents


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


def test_rows_do_not_depend_on_the_number_of_workers() -> None:
    # The bundled articles: three French ones (words learned in one serve the
    # next), and one Chinese original with three translations.
    docs = [prepare(p.name, decode_bytes(p.name, p.read_bytes()), identify) for p in article_paths()]
    one = extract_documents(docs, workers=1)
    assert one == extract_documents(docs, workers=3)
    assert [r.source for r in one] == sorted((r.source for r in one), key=[d.article.name for d in docs].index)


def test_rows_do_not_depend_on_the_order_of_the_files() -> None:
    # Words rendered in one French article teach longer terms in the others:
    # the most confident rendering teaches, whichever file comes first.
    docs = [prepare(p.name, decode_bytes(p.name, p.read_bytes()), identify) for p in article_paths()]
    forward = extract_documents(docs, workers=1)
    backward = extract_documents(docs[::-1], workers=1)
    assert sorted(forward, key=lambda r: (r.source, r.rank)) == sorted(backward, key=lambda r: (r.source, r.rank))


def test_the_most_confident_rendering_of_a_word_teaches_whatever_the_order() -> None:
    from trainer.extract.documents import Row
    from trainer.extract.pipeline import _record
    from trainer.extract.run_state import Shared as _Shared

    def row(confidence: float) -> Row:
        return Row("扶贫", "fúpín", "fu2 pin2", "fr", "x", (), confidence, "aligned", (), "a.txt", 0, ())

    sure, unsure = frozenset({"aide"}), frozenset({"pauvr"})
    for order in ((0.9, 0.6), (0.6, 0.9)):
        shared = _Shared([], [], {})
        for d, confidence in enumerate(order):
            _record(shared, d, 0, row(confidence), sure if confidence == 0.9 else unsure, None)
        assert shared.learned["fr"]["扶贫"] == (0.9, sure)
    shared = _Shared([], [], {})
    _record(shared, 0, 0, row(0.3), sure, None)  # not confident enough to teach
    assert "fr" not in shared.learned
