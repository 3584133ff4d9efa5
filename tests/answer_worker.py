"""A process that answers cards as fast as it can, printing "ack N" after each commit.

Used by test_reliability.py: the parent kills it at random moments, or runs two at
once, then checks that every acknowledged answer is in the database.
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta, timezone

from trainer.store import Store


def main(db: str, learner_name: str, count: int, seed: int) -> None:
    rng = random.Random(seed)
    now = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)
    with Store.open(db) as store:
        learner = store.learner(learner_name)
        for n in range(1, count + 1):
            now += timedelta(seconds=rng.randint(1, 600))
            card = store.next_card(learner, now) or store.next_card(learner, now + timedelta(days=400))
            if card is None and now.year < 2100:  # every card is due years ahead: jump there
                now += timedelta(days=3650)
                card = store.next_card(learner, now)
            if card is None:  # a fresh learner (new cards) keeps a long run going
                learner = store.add_learner(f"{learner_name}+{n}", learner.lang)
                now = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)
                card = store.next_card(learner, now)
            if card is None:
                break
            store.answer(card.id, rng.randint(0, 5), max(now, card.state.due), rng.randint(100, 9000))
            print(f"ack {n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
