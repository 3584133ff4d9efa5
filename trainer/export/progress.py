"""Throttled progress reporting for long exports.

Why throttle: the study UI forwards each call to its event loop from a worker
thread; ten thousand calls would cost more than the export itself. At most about
a hundred calls are made, always starting at 0 and ending with ``done == total``.
"""

from __future__ import annotations

from typing import Callable

#: Roughly how many updates a whole export reports.
STEPS = 100


class Ticker:
    """Counts steps and calls ``callback(done, total)`` every ~1% and at the end."""

    def __init__(self, callback: Callable[[int, int], None] | None, total: int) -> None:
        self.callback = callback
        self.total = max(total, 1)
        self.done = 0
        self.step = -(-self.total // STEPS)  # ceil: at most STEPS calls, plus the first and last
        self.last = 0
        if callback is not None:
            callback(0, self.total)

    def tick(self, count: int = 1) -> None:
        self.done = min(self.total, self.done + count)
        if self.callback is None:
            return
        if self.done == self.total or self.done - self.last >= self.step:
            self.last = self.done
            self.callback(self.done, self.total)
