"""Run independent pieces of one extraction on several CPU cores.

Translating terms is pure Python and CPU-bound, and documents are independent
once the corpus statistics are built, so the pieces run in forked worker
processes: they inherit the (large, read-only) corpus from the parent instead
of having it pickled to them, and only small results travel back.  Results come
back in task order, so the output does not depend on the number of workers.

Where ``fork`` is not available (Windows) or only one worker is asked for, the
same functions run in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any, Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

#: Worker processes are not worth their start-up below this many terms to
#: translate (about 30 articles: measured break-even on 2 cores near 20 articles).
MIN_PARALLEL_JOBS = 2000
#: At most this many workers by default (memory grows with each).
MAX_DEFAULT_WORKERS = 8

_shared: Any = None  # what the forked workers read: set just before forking


def default_workers() -> int:
    """One worker per available core, up to MAX_DEFAULT_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run(fn: Callable[[S, T], R], tasks: Sequence[T], shared: S, workers: int) -> Iterator[R]:
    """``fn(shared, task)`` for every task, results in task order.

    ``fn`` must be a module-level function (it is named to the workers, not
    pickled); ``shared`` reaches them by fork, never by pickling.
    """
    global _shared
    if workers <= 1 or len(tasks) <= 1 or not can_fork():
        for task in tasks:
            yield fn(shared, task)
        return
    _shared = shared
    try:
        with multiprocessing.get_context("fork").Pool(min(workers, len(tasks))) as pool:
            yield from pool.imap(_call, [(fn, task) for task in tasks])
    finally:
        _shared = None


def _call(arg: tuple[Callable[[Any, Any], Any], Any]) -> Any:
    fn, task = arg
    return fn(_shared, task)


def chunks(weights: Sequence[int], pieces: int) -> list[range]:
    """Split indices 0..n-1 into at most ``pieces`` contiguous ranges of similar total weight."""
    total = sum(weights)
    if not weights:
        return []
    if not total:
        return [range(len(weights))]
    out: list[range] = []
    start, acc = 0, 0
    for i, w in enumerate(weights):
        acc += w
        if len(out) + 1 < pieces and acc * pieces >= total * (len(out) + 1) and i + 1 < len(weights):
            out.append(range(start, i + 1))
            start = i + 1
    out.append(range(start, len(weights)))
    return out
