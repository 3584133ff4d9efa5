"""What comes next in a session: due first (most overdue first), then new, within limits."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests.conftest import T0, make_drafts
from trainer.store import Store
from trainer.store.cards import KIND_NEW, KIND_REPEAT, KIND_REVIEW


def study(store: Store, learner_name: str = "q", count: int = 5, **limits: int):
    learner = store.add_learner(learner_name, "en", **limits)
    store.import_notes("D", make_drafts(count))
    return store.learner_by_id(learner.id)


def test_new_cards_come_in_termhood_order(store: Store) -> None:
    learner = study(store)
    seen = []
    for _ in range(3):
        card = store.next_card(learner, T0)
        assert card is not None and card.is_new
        seen.append(store.note(card.note_id).rank)
        store.answer(card.id, 5, T0)
    assert seen == [0, 1, 2]


def test_due_reviews_come_before_new_cards_most_overdue_first(store: Store) -> None:
    learner = study(store, count=4)
    first = store.next_card(learner, T0)
    store.answer(first.id, 5, T0)  # due T0 + 1 day
    second = store.next_card(learner, T0 + timedelta(minutes=1))
    store.answer(second.id, 5, T0 - timedelta(days=3))  # due two days ago: more overdue
    later = T0 + timedelta(days=2)
    order = []
    for _ in range(3):
        card = store.next_card(learner, later)
        order.append(card.id)
        store.answer(card.id, 5, later)
    assert order[:2] == [second.id, first.id]
    assert store.card(order[2]).note_id not in (first.note_id, second.note_id)


def test_new_card_limit_per_study_day(store: Store) -> None:
    learner = study(store, count=5, new_per_day=2)
    for _ in range(2):
        store.answer(store.next_card(learner, T0).id, 5, T0)
    assert store.next_card(learner, T0 + timedelta(hours=1)) is None
    tomorrow = T0 + timedelta(days=1)
    card = store.next_card(learner, tomorrow)
    assert card is not None and not card.is_new  # yesterday's cards are due first


def test_review_limit_stops_reviews_but_not_same_day_repeats(store: Store) -> None:
    learner = study(store, count=3, reviews_per_day=1)
    ids = []
    for _ in range(3):
        card = store.next_card(learner, T0)
        store.answer(card.id, 5, T0)
        ids.append(card.id)
    day2 = T0 + timedelta(days=1, hours=1)
    card = store.next_card(learner, day2)
    store.answer(card.id, 1, day2)  # a review (counts toward the limit), failed
    assert store.today_counts(learner, day2)[KIND_REVIEW] == 1
    repeat = store.next_card(learner, day2 + timedelta(minutes=1))
    assert repeat is not None and repeat.id == card.id  # the repeat still comes back
    store.answer(repeat.id, 5, day2 + timedelta(minutes=2))
    assert store.today_counts(learner, day2)[KIND_REPEAT] == 1
    assert store.next_card(learner, day2 + timedelta(minutes=3)) is None  # other reviews wait


def test_failed_card_comes_back_after_others_not_at_once(store: Store) -> None:
    learner = study(store, count=5)
    failed = store.next_card(learner, T0)
    store.answer(failed.id, 1, T0)
    recent = [failed.id]
    shown = []
    for step in range(1, 5):
        now = T0 + timedelta(minutes=step)
        card = store.next_card(learner, now, exclude=recent[-3:]) or store.next_card(learner, now)
        shown.append(card.id)
        store.answer(card.id, 5, now)
        recent.append(card.id)
    assert failed.id not in shown[:3]
    assert shown[3] == failed.id


def test_study_day_starts_at_four_local_time(store: Store) -> None:
    learner = study(store, count=3, new_per_day=1)
    late_evening = datetime(2026, 3, 2, 23, 30, tzinfo=timezone.utc)  # TZ=UTC in tests
    store.answer(store.next_card(learner, late_evening).id, 5, late_evening)
    assert store.next_card(learner, late_evening + timedelta(hours=4)) is None  # 03:30: same day
    morning = datetime(2026, 3, 3, 4, 0, tzinfo=timezone.utc)
    assert store.today_counts(learner, morning)[KIND_NEW] == 0
    due = store.next_card(learner, morning)  # interval 1: due today, even before 23:30
    assert due is not None and not due.is_new
    store.answer(due.id, 5, morning)
    card = store.next_card(learner, morning)
    assert card is not None and card.is_new  # a new day, a new allowance


def test_deck_filter_and_direction(store: Store) -> None:
    learner = store.add_learner("d", "en")
    store.import_notes("A", make_drafts(2))
    store.import_notes("B", make_drafts(3)[2:])
    deck_b = store.deck("B")
    card = store.next_card(learner, T0, deck_id=deck_b.id, direction="recall")
    assert card is not None and card.deck_id == deck_b.id and card.direction == "recall"
    counts = {c.deck: (c.due, c.new, c.learned, c.total) for c in store.deck_counts(learner, T0)}
    assert counts == {"A": (0, 4, 0, 4), "B": (0, 2, 0, 2)}


def test_next_card_sees_changes_made_by_another_process(store: Store) -> None:
    learner = study(store, count=3)
    first = store.next_card(learner, T0)
    other = Store.open(store.path)
    other.set_suspended(first.id)
    other.close()
    assert store.next_card(learner, T0).id != first.id


def test_next_card_sees_our_own_writes_besides_answers(store: Store) -> None:
    learner = study(store, count=3)
    first = store.next_card(learner, T0)
    store.set_suspended(first.id)
    second = store.next_card(learner, T0)
    assert second.id != first.id
    store.answer(second.id, 5, T0)
    third = store.next_card(learner, T0)
    assert third.id not in (first.id, second.id)
    store.undo_last(learner.id)
    assert store.next_card(learner, T0).id == second.id


def test_many_cards_beyond_one_prefetch_batch_come_in_order(store: Store) -> None:
    learner = study(store, count=80, new_per_day=200)
    ranks = []
    for step in range(80):
        card = store.next_card(learner, T0, exclude=[])
        ranks.append(store.note(card.note_id).rank)
        store.answer(card.id, 5, T0 + timedelta(seconds=step))
    assert ranks == list(range(80))
    assert store.next_card(learner, T0 + timedelta(minutes=5)) is None
