"""Study-app benchmark: launch to first card, keypress to next card, peak memory.

Launch is measured in fresh processes (interpreter start, imports, opening the
database, first frame), as a ratio to a minimal Textual app started the same way
(``App.run(headless=True)``; first frame = the first repaint once the card, or for
the minimal app its one Static, is on the screen). Two databases: the bundled deck, and 100,000 cards
(50,000 notes x 2 directions, 90 % studied). Latency is measured in-process with
Textual's Pilot: from a grade key to the next card rendered.

    python bench/bench_tui.py [--runs 7] [--samples 300] [--out bench/RESULTS_tui.md]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trainer.models import Example, NoteDraft, Translation  # noqa: E402
from trainer.store import Store  # noqa: E402
from trainer.studyday import to_ms  # noqa: E402

DAY_MS = 86_400_000

#: Child process: print wall time when the first frame is painted, then exit.
MINIMAL = r"""
import sys, time
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("hello")

async def probe(pilot):
    import asyncio
    painted = asyncio.get_running_loop().create_future()
    pilot.app.screen.refresh()
    pilot.app.screen.call_after_refresh(lambda: painted.set_result(time.time()))
    print(await painted)
    pilot.app.exit()

Minimal().run(headless=True, auto_pilot=probe)
"""

TRAINER = r"""
import sys, time, asyncio
from pathlib import Path
from trainer.opening import Settings, open_store
from trainer.tui.app import make_app

deck = None if sys.argv[2] == "list" else "all"

async def probe(pilot):
    app = pilot.app
    while True:  # the first card: the review card, or the deck list's next-card preview
        screen = app.screen
        if deck and getattr(screen, "card", None) is not None:
            break
        if not deck and "Next up" in str(getattr(screen, "query_one")("#preview").render()):
            break
        await asyncio.sleep(0.001)
    painted = asyncio.get_running_loop().create_future()
    app.screen.refresh()
    app.screen.call_after_refresh(lambda: painted.set_result(time.time()))
    print(await painted)
    app.exit()

with open_store(Settings(Path(sys.argv[1]), None)) as store:
    make_app(store, None, deck=deck).run(headless=True, auto_pilot=probe)
"""

def build_bundled(path: Path) -> None:
    from trainer.bundled import load_bundled

    with Store.open(path) as store:
        store.add_learner("bench", "en", reviews_per_day=9999, new_per_day=9999)
        load_bundled(store)


def build_large(path: Path, cards: int, rng: random.Random) -> None:
    """``cards`` cards for one learner: realistic notes (examples, three languages), 90 % studied."""
    with Store.open(path) as store:
        learner = store.add_learner("bench", "en", reviews_per_day=9999, new_per_day=9999)
        drafts = [NoteDraft(
            term=chr(0x4E00 + i % 20000) + chr(0x4E00 + i // 20000 + 7) + ("们" if i % 3 else ""),
            pinyin="zhù cūn", pinyin_numbers="zhu4 cun1",
            translations={lang: Translation(f"{lang} meaning {i} " + "x" * (i % 17), confidence=0.8)
                          for lang in ("fr", "en", "vi")},
            examples=(Example("这是一个很长的例句，用来测试。" * 2, {"en": "A long example sentence. " * 3}),),
            rank=i) for i in range(cards // 2)]
        store.import_notes("Large", drafts)
        now = to_ms(datetime.now(timezone.utc))
        studied = int(cards * 0.9)
        with store.conn:
            store.conn.execute("BEGIN")
            store.conn.executemany(
                "UPDATE cards SET repetitions = ?, interval = ?, easiness = ?, due_ms = ?, "
                "last_review_ms = ? WHERE id = ?",
                ((rng.randint(1, 12), rng.randint(1, 300), round(rng.uniform(1.3, 2.9), 2),
                  now + rng.randint(-30, 300) * DAY_MS, now - rng.randint(1, 30) * DAY_MS, cid)
                 for cid in rng.sample(range(1, cards + 1), studied)))
        assert learner.id


def copy_db(source: Path, target: Path) -> None:
    """A consistent copy (WAL included) through SQLite's backup API."""
    import sqlite3

    target.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def launch(script: str, *args: str) -> tuple[float, float]:
    """Seconds from spawning the process to its first frame, and its peak RSS in MB."""
    start = time.time()
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                          cwd=ROOT, check=True, timeout=120)
    painted = float(done.stdout.strip().splitlines()[-1])
    return painted - start, peak_rss_mb(done)


def peak_rss_mb(done: subprocess.CompletedProcess[str]) -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def launches(script: str, runs: int, *args: str) -> tuple[float, float]:
    """Median launch time over ``runs`` and the peak memory of one extra run (measured alone)."""
    times = [launch(script, *args)[0] for _ in range(runs)]
    return statistics.median(times), rss_alone(script, *args)


def rss_alone(script: str, *args: str) -> float:
    """Peak RSS of one run, in a wrapper so RUSAGE_CHILDREN holds that run only."""
    wrapper = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
               "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-c", script, *args],
                         capture_output=True, text=True, cwd=ROOT, check=True, timeout=120)
    return int(out.stdout.strip()) / 1024


async def key_latency(path: Path, mode: str, samples: int) -> tuple[list[float], list[float]]:
    """Milliseconds from a grade key to the next card painted: in the app, and as Pilot sees it.

    In-app: from the grade action starting to the first refresh after the next card is
    shown (``call_after_refresh``), i.e. answer committed, next card fetched, screen
    repainted. Pilot: ``await pilot.press("4")``, which adds Pilot's own waiting (an
    unbound key costs about as much) - an upper bound.
    """
    from trainer.tui.app import make_app
    from trainer.tui.screens.review import ReviewScreen

    in_app: list[float] = []
    started: list[float] = []
    original_digit, original_show = ReviewScreen.action_digit, ReviewScreen.show_card

    def digit(self: ReviewScreen, number: int) -> None:
        started.append(time.perf_counter())
        original_digit(self, number)

    def show_card(self: ReviewScreen, card: object) -> None:
        original_show(self, card)  # type: ignore[arg-type]
        if started:
            t0 = started.pop()
            self.call_after_refresh(lambda: in_app.append((time.perf_counter() - t0) * 1000))

    ReviewScreen.action_digit, ReviewScreen.show_card = digit, show_card  # type: ignore[method-assign]
    try:
        with Store.open(path) as store:
            app = make_app(store, "bench", mode=mode, deck="all")
            pilot_ms = []
            async with app.run_test(size=(80, 24)) as pilot:
                for _ in range(samples):
                    screen = app.screen
                    if getattr(screen, "card", None) is None:
                        break
                    if mode == "recall":
                        screen.query_one("#answer").value = "zhu4cun1"  # type: ignore[attr-defined]
                        await pilot.press("enter")
                    elif mode == "choice":
                        await pilot.press("1")
                    else:
                        await pilot.press("space")
                    start = time.perf_counter()
                    await pilot.press("4")
                    pilot_ms.append((time.perf_counter() - start) * 1000)
                await pilot.pause()
    finally:
        ReviewScreen.action_digit, ReviewScreen.show_card = original_digit, original_show  # type: ignore[method-assign]
    return in_app, pilot_ms


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS_tui.md")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        bundled, large = Path(tmp) / "bundled.db", Path(tmp) / "large.db"
        build_bundled(bundled)
        started = time.perf_counter()
        build_large(large, args.cards, rng)
        print(f"built {args.cards} cards in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        minimal, minimal_rss = launches(MINIMAL, args.runs)
        rows = []
        for label, db in (("bundled deck", bundled), (f"{args.cards:,} cards", large)):
            for start in ("list", "review"):
                seconds, rss = launches(TRAINER, args.runs, str(db), start)
                rows.append((label, start, seconds, rss))
        latency = {}
        for label, db in (("bundled deck", bundled), (f"{args.cards:,} cards", large)):
            for mode in ("recognition", "recall", "choice"):
                fresh = Path(tmp) / f"run-{mode}.db"
                copy_db(db, fresh)  # every mode starts from the same untouched database
                latency[(label, mode)] = asyncio.run(key_latency(fresh, mode, args.samples))
    report(args, minimal, minimal_rss, rows, latency)


def report(args: argparse.Namespace, minimal: float, minimal_rss: float,
           rows: list[tuple[str, str, float, float]],
           latency: dict[tuple[str, str], tuple[list[float], list[float]]]) -> None:
    lines = [
        "# Study app benchmark (`bench/bench_tui.py`)",
        "",
        f"Python {sys.version.split()[0]}, {args.runs} launches each (median), "
        f"{args.samples} answers per latency run. Regenerate: `python bench/bench_tui.py`.",
        "",
        "## Launch to first card on screen",
        "",
        f"Minimal Textual app (one Static), same start: **{minimal * 1000:.0f} ms**, "
        f"peak RSS {minimal_rss:.0f} MB.",
        "",
        "| database | opens on | launch to first card | ratio to minimal | peak RSS | RSS ratio |",
        "|---|---|---:|---:|---:|---:|",
    ]
    names = {"list": "deck list (next-card preview)", "review": "review (`--deck all`)"}
    for label, start, seconds, rss in rows:
        lines.append(f"| {label} | {names[start]} | {seconds * 1000:.0f} ms | {seconds / minimal:.2f}x "
                     f"| {rss:.0f} MB | {rss / minimal_rss:.2f}x |")
    lines += ["", "## Keypress to next card rendered (grade key, 80x24)", "",
              "| database | mode | answers | p50 | p99 | max | Pilot round trip p50 / p99 |",
              "|---|---|---:|---:|---:|---:|---:|"]
    for (label, mode), (values, pilot) in latency.items():
        if values:
            lines.append(f"| {label} | {mode} | {len(values)} | {p(values, 0.5):.1f} ms "
                         f"| {p(values, 0.99):.1f} ms | {max(values):.1f} ms "
                         f"| {p(pilot, 0.5):.0f} / {p(pilot, 0.99):.0f} ms |")
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.write_text(text + NOTES, encoding="utf-8")


NOTES = """
## How it is measured

- *Launch*: wall time from spawning `python -c …` to the first painted frame showing a
  card, in a fresh interpreter each time (imports, opening the database, first query,
  first render). The trainer child goes through `trainer.opening.open_store` and
  `trainer.tui.app.make_app`, as `trainer` does; "deck list" is the default start (the
  next card of the highlighted deck is previewed), "review" is `trainer study --deck all`.
  Both apps run headless with `auto_pilot`, so no terminal I/O is timed on either side.
- *Latency*: from the grade action to the first repaint after the next card is shown:
  the answer committed (`synchronous=FULL`), the next card and its note fetched, the
  card face updated and painted. The last column is what `await pilot.press("4")`
  takes, Pilot's own settling included (a key bound to nothing costs ~40 ms there).
- *Peak RSS*: `ru_maxrss` of one launch run alone.
- The deck list paints the decks and the next-card preview at once and fills the
  due/new/learned counts from a thread worker (its own connection), so a 100,000-card
  count never holds up the first frame or a keypress.
"""


if __name__ == "__main__":
    main()
