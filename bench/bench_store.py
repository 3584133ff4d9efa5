"""Store benchmark: next card and record answer at 100,000 cards / 1,000,000 reviews.

Builds a trainer database and an Anki collection (the `anki` package, Anki's own Rust
engine) of the same size, then times in the same process, interleaved:
  - "next card": trainer Store.next_card vs Anki col.sched.get_queued_cards()
  - "answer": trainer Store.answer (durable commit, synchronous=FULL) vs Anki answer_card
and prints p50/p99 and our/Anki ratios, plus database size per million reviews.

    python bench/bench_store.py [--cards 100000] [--reviews 1000000] [--samples 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from trainer.store import Store  # noqa: E402
from trainer.studyday import to_ms  # noqa: E402

NOW = datetime.now(timezone.utc).replace(microsecond=0)
DAY_MS = 86_400_000
#: Daily limits high enough for every sample (Anki caps its limits at 9999).
LIMIT = 9999


def build_trainer(path: Path, cards: int, reviews: int, rng: random.Random) -> Store:
    store = Store.open(path)
    learner = store.add_learner("bench", "en", reviews_per_day=LIMIT, new_per_day=LIMIT)
    now = to_ms(NOW)
    conn = store.conn
    conn.execute("BEGIN")
    conn.execute("INSERT INTO decks (name, created_ms) VALUES ('bench', ?)", (now,))
    notes = cards // 2
    conn.executemany(
        "INSERT INTO notes (deck_id, term, pinyin, pinyin_numbers, translations, rank, created_ms, updated_ms)"
        " VALUES (1, ?, 'x', 'x1', ?, ?, ?, ?)",
        ((f"词{i}", json.dumps({"en": {"text": f"word {i}"}}), i, now, now) for i in range(notes)),
    )
    conn.execute(
        "INSERT INTO cards (note_id, learner_id, deck_id, direction, due_ms, position, created_ms) "
        "SELECT n.id, ?, 1, d.direction, ?, n.rank, ? FROM notes n "
        "CROSS JOIN (SELECT 'recognition' AS direction UNION ALL SELECT 'recall') d", (learner.id, now, now))
    # 90% of cards studied: spread due dates from 30 days ago to 300 days ahead.
    studied = int(cards * 0.9)
    conn.executemany(
        "UPDATE cards SET repetitions = ?, interval = ?, easiness = ?, due_ms = ?, last_review_ms = ? WHERE id = ?",
        ((rng.randint(1, 12), rng.randint(1, 300), round(rng.uniform(1.3, 2.9), 2),
          now + rng.randint(-30, 300) * DAY_MS, now - rng.randint(1, 30) * DAY_MS, cid)
         for cid in range(1, studied + 1)))
    rows = ((i % studied + 1, learner.id, now - (reviews - i) * 60_000, rng.randint(0, 5),
             rng.randint(500, 15000), 1, i // studied, 2 * (i // studied), 2.5, now, 0,
             i // studied + 1, 2 * (i // studied) + 1, 2.5, now, 0) for i in range(reviews))
    conn.executemany(
        "INSERT INTO reviews (card_id, learner_id, reviewed_ms, quality, duration_ms, kind, rep_before, "
        "ivl_before, ef_before, due_before_ms, extra_before, rep_after, ivl_after, ef_after, due_after_ms, "
        "extra_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store


def build_anki(path: Path, cards: int, reviews: int, rng: random.Random):
    """An Anki collection of the same shape, bulk-filled with sqlite3 while closed.

    (Filling it through Anki's own db proxy takes minutes for a million rows; the
    file format is plain SQLite, so the result is the same.)"""
    import sqlite3

    from anki.collection import Collection

    col = Collection(str(path))
    config = col.decks.config_dict_for_deck_id(1)
    config["new"]["perDay"] = LIMIT
    config["rev"]["perDay"] = LIMIT
    col.decks.update_config(config)
    model_id = col.models.by_name("Basic")["id"]  # type: ignore[index]
    today = col.sched.today
    col.close()
    raw = sqlite3.connect(path)
    raw.create_collation("unicase", lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))
    base_ms = to_ms(NOW)
    raw.executemany(
        "INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) "
        "VALUES (?, ?, ?, 0, -1, '', ?, ?, 0, 0, '')",
        ((base_ms + i, f"g{i}", model_id, f"词{i}\x1fword {i}", f"词{i}") for i in range(cards)))
    studied = int(cards * 0.9)
    raw.executemany(
        "INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, "
        "odue, odid, flags, data) VALUES (?, ?, 1, 0, 0, -1, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, '')",
        ((base_ms + i, base_ms + i, 2, 2, today + rng.randint(-30, 300), rng.randint(1, 300),
          rng.randint(1300, 2900)) if i < studied else (base_ms + i, base_ms + i, 0, 0, i, 0, 0)
         for i in range(cards)))
    raw.executemany(
        "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
        "VALUES (?, ?, -1, ?, ?, ?, 2500, ?, 1)",
        ((base_ms - (reviews - i) * 60_000, base_ms + i % studied, rng.randint(1, 4),
          2 * (i // studied) + 1, 2 * (i // studied), rng.randint(500, 15000)) for i in range(reviews)))
    raw.commit()
    raw.execute("ANALYZE")
    raw.close()
    return Collection(str(path))


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


def run_trainer(store: Store, samples: int, rng: random.Random) -> tuple[list[float], list[float]]:
    learner = store.learner("bench")
    next_ms, answer_ms = [], []
    for i in range(samples):
        now = NOW + timedelta(seconds=i)
        elapsed, card = timed(lambda: store.next_card(learner, now))
        next_ms.append(elapsed)
        elapsed, _ = timed(lambda: store.answer(card.id, rng.choice([3, 4, 5]), now, 3000))
        answer_ms.append(elapsed)
    return next_ms, answer_ms


def run_anki(col, samples: int, rng: random.Random) -> tuple[list[float], list[float]]:
    from anki.cards import Card
    from anki.scheduler.v3 import CardAnswer

    next_ms, answer_ms = [], []
    ratings = [CardAnswer.HARD, CardAnswer.GOOD, CardAnswer.EASY]
    for _ in range(samples):
        elapsed, queued = timed(lambda: col.sched.get_queued_cards(fetch_limit=1))
        next_ms.append(elapsed)
        top = queued.cards[0]
        card = Card(col)
        card._load_from_backend_card(top.card)
        card.start_timer()
        answer = col.sched.build_answer(card=card, states=top.states, rating=rng.choice(ratings))
        elapsed, _ = timed(lambda: col.sched.answer_card(answer))
        answer_ms.append(elapsed)
    return next_ms, answer_ms


def review_bytes(store: Store) -> int:
    return int(store.conn.execute(
        "SELECT sum(pgsize) FROM dbstat WHERE name IN ('reviews', 'reviews_learner_time', 'reviews_card')"
    ).fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        build_start = time.perf_counter()
        store = build_trainer(Path(tmp) / "trainer.db", args.cards, args.reviews, rng)
        (Path(tmp) / "anki").mkdir()
        col = build_anki(Path(tmp) / "anki" / "collection.anki2", args.cards, args.reviews, rng)
        print(f"built both collections in {time.perf_counter() - build_start:.1f} s", file=sys.stderr)
        ours_next, ours_answer, anki_next, anki_answer = [], [], [], []
        for _ in range(4):  # interleave so both see the same machine noise
            a, b = run_trainer(store, args.samples // 4, rng)
            ours_next += a
            ours_answer += b
            c, d = run_anki(col, args.samples // 4, rng)
            anki_next += c
            anki_answer += d
        reviews = store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
        size = review_bytes(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        total = os.path.getsize(store.path)
        store.close()
        col.close()
    report(ours_next, ours_answer, anki_next, anki_answer, reviews, size, total, args)


def report(ours_next, ours_answer, anki_next, anki_answer, reviews, size, total, args) -> None:
    lines = [f"cards={args.cards} reviews={reviews} samples={args.samples}",
             f"{'operation':<14}{'ours p50':>10}{'ours p99':>10}{'anki p50':>10}{'anki p99':>10}{'p99 ratio':>11}"]
    for name, ours, anki in (("next card", ours_next, anki_next), ("answer", ours_answer, anki_answer)):
        o50, o99, a50, a99 = (percentile(ours, .5), percentile(ours, .99), percentile(anki, .5), percentile(anki, .99))
        lines.append(f"{name:<14}{o50:>9.3f}m{o99:>9.3f}m{a50:>9.3f}m{a99:>9.3f}m{o99 / a99:>10.2f}x")
        lines.append(f"{'':<14}p50 ratio ours/anki = {o50 / a50:.2f}x")
    lines.append(f"review log size: {size / reviews * 1e6 / 2**20:.1f} MiB per million reviews "
                 f"(whole database {total / 2**20:.1f} MiB)")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
