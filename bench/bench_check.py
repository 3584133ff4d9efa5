"""Check-screen benchmark: keys and milliseconds per checked note on the bundled deck.

The bundled deck is loaded into a fresh database; a French learner opens its check
screen and decides every note in the queue with one key each, alternately Enter
(accept) and 1 (pick the first alternative, or accept when there is none).
Measured in-process with Pilot, beside a bare Textual app (one Static repainted on
each key) driven the same way, in the same run:

- in-app: from the decision key's action starting to the first refresh after the
  next note is shown (decision committed with synchronous=FULL, list updated,
  panel repainted);
- Pilot: ``await pilot.press(key)`` as a whole, an upper bound that includes
  Pilot's own waiting, reported as a ratio to the bare app's key.

    python bench/bench_check.py [--lang fr] [--out bench/RESULTS_check.md]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trainer.bundled import load_bundled  # noqa: E402
from trainer.store import Store  # noqa: E402


async def bare_keys(samples: int) -> list[float]:
    """Pilot milliseconds per key in a minimal app that repaints one Static per key."""
    from textual.app import App
    from textual.binding import Binding
    from textual.widgets import Static

    class Bare(App[None]):
        BINDINGS = [Binding("enter", "next", "Next")]
        count = 0

        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("0", id="s")

        def action_next(self) -> None:
            self.count += 1
            self.query_one("#s", Static).update(str(self.count))

    times = []
    async with Bare().run_test(size=(80, 24)) as pilot:
        for _ in range(samples):
            start = time.perf_counter()
            await pilot.press("enter")
            times.append((time.perf_counter() - start) * 1000)
    return times


async def check_keys(path: Path, lang: str) -> tuple[int, int, list[float], list[float]]:
    """Decide the whole queue: (notes decided, keys pressed, in-app ms, Pilot ms)."""
    from trainer.tui.app import make_app
    from trainer.tui.screens.check import CheckScreen

    in_app: list[float] = []
    started: list[float] = []
    original_commit, original_show = CheckScreen.commit, CheckScreen.show_note

    def commit(self: CheckScreen, decisions: list) -> None:  # type: ignore[type-arg]
        started.append(time.perf_counter())
        original_commit(self, decisions)

    def show_note(self: CheckScreen) -> None:
        original_show(self)
        if started:
            t0 = started.pop()
            self.call_after_refresh(lambda: in_app.append((time.perf_counter() - t0) * 1000))

    CheckScreen.commit, CheckScreen.show_note = commit, show_note  # type: ignore[method-assign]
    try:
        with Store.open(path) as store:
            learner = store.learner("bench")
            store.update_learner(learner.id, lang=lang)
            deck = store.decks()[0].name
            app = make_app(store, "bench", check=deck)
            pilot_ms: list[float] = []
            keys = decided = 0
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, CheckScreen)
                while screen.queue:
                    note = screen.note
                    assert note is not None
                    has_alternative = bool(note.translations[lang].alternatives)
                    key = "1" if decided % 2 and has_alternative else "enter"
                    start = time.perf_counter()
                    await pilot.press(key)
                    pilot_ms.append((time.perf_counter() - start) * 1000)
                    keys += 1
                    decided += 1
                await pilot.pause()
            stored = len(store.corrections(deck))
            assert stored == decided, (stored, decided)
    finally:
        CheckScreen.commit, CheckScreen.show_note = original_commit, original_show  # type: ignore[method-assign]
    return decided, keys, in_app, pilot_ms


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="fr")
    ap.add_argument("--out", type=Path, help="append the table to this Markdown file")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "check.db"
        with Store.open(path) as store:
            load_bundled(store)
        decided, keys, in_app, pilot_ms = asyncio.run(check_keys(path, args.lang))
    bare = asyncio.run(bare_keys(len(pilot_ms)))
    lines = [
        f"Bundled deck, learner language {args.lang}: {decided} notes decided with {keys} keys "
        f"(**{keys / decided:.2f} keys per note**).",
        "",
        "| measure | p50 ms | p95 ms | max ms |",
        "|---|---|---|---|",
        f"| in-app: key to next note painted | {statistics.median(in_app):.1f} | {pct(in_app, 0.95):.1f} "
        f"| {max(in_app):.1f} |",
        f"| Pilot press, check screen | {statistics.median(pilot_ms):.1f} | {pct(pilot_ms, 0.95):.1f} "
        f"| {max(pilot_ms):.1f} |",
        f"| Pilot press, bare Textual app (baseline) | {statistics.median(bare):.1f} | {pct(bare, 0.95):.1f} "
        f"| {max(bare):.1f} |",
        "",
        f"Ratio to the bare app (Pilot p50): **{statistics.median(pilot_ms) / statistics.median(bare):.2f}x**.",
    ]
    print("\n".join(lines))
    if args.out:
        with args.out.open("a", encoding="utf-8") as out:
            out.write("\n" + "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
