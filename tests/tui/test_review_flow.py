"""End-to-end sessions through the real app (Pilot), checked against the database."""

from __future__ import annotations

from textual.pilot import Pilot

from tests.tui.tui_helpers import NOW, WORDS

from trainer.store import Store
from trainer.tui.app import TrainerApp, make_app
from trainer.tui.screens.review import ReviewScreen
from trainer.tui.screens.summary import SummaryScreen

PINYIN = {term: numbers for term, _, numbers, *_ in WORDS}


def reviews(store: Store) -> list[tuple[str, str, int]]:
    """(term, direction, quality) of every logged review, in order."""
    rows = store.conn.execute(
        "SELECT n.term, c.direction, r.quality FROM reviews r JOIN cards c ON c.id = r.card_id "
        "JOIN notes n ON n.id = c.note_id ORDER BY r.id").fetchall()
    return [tuple(r) for r in rows]


def review_screen(app: TrainerApp) -> ReviewScreen:
    assert isinstance(app.screen, ReviewScreen), app.screen
    return app.screen


async def grade_cards(app: TrainerApp, pilot: Pilot[None], count: int, grade: str) -> list[str]:
    """Show and grade ``count`` cards in a row; the terms met, in order."""
    terms = []
    for _ in range(count):
        screen = review_screen(app)
        assert screen.note is not None
        terms.append(screen.note.term)
        await pilot.press("space", grade)
    await pilot.pause()
    return terms


async def test_recognition_session_to_summary(app: TrainerApp, tui_store: Store) -> None:
    async with app.run_test() as pilot:
        await pilot.press("enter")
        seen = await grade_cards(app, pilot, len(WORDS), "5")
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.summary.reviewed == len(WORDS)
        assert app.screen.summary.accuracy == 1.0
        await pilot.press("enter")
        assert app.screen.__class__.__name__ == "DeckScreen"
    assert seen == [w[0] for w in WORDS]  # new cards in rank order
    assert reviews(tui_store) == [(t, "recognition", 5) for t in seen]


async def test_failed_card_comes_back_later(app: TrainerApp, tui_store: Store) -> None:
    async with app.run_test() as pilot:
        await pilot.press("enter", "space", "1")  # fail 扶贫
        order = await grade_cards(app, pilot, len(WORDS), "4")
        assert isinstance(app.screen, SummaryScreen)
    # 扶贫 returns after three other cards, then the rest of the new cards follow.
    assert order[:4] == ["驻村工作队", "脱贫", "农民", "扶贫"]
    assert [q for *_, q in reviews(tui_store)].count(1) == 1


async def test_lone_failed_card_still_returns(tui_store: Store) -> None:
    tui_store.update_learner(tui_store.learner("alice").id, new_per_day=1)
    app = make_app(tui_store, "alice", clock=lambda: NOW)
    async with app.run_test() as pilot:
        await pilot.press("enter", "space", "2")
        assert review_screen(app).note.term == "扶贫"  # type: ignore[union-attr]
        await pilot.press("space", "5")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    assert [q for *_, q in reviews(tui_store)] == [2, 5]


async def test_recall_session_auto_grades_and_override(tui_store: Store) -> None:
    app = make_app(tui_store, "alice", clock=lambda: NOW, mode="recall")
    first = {"扶贫": "fu2pin2", "驻村工作队": "zhu4 cun1 gong1 zuo4 dui1", "脱贫": "wrong",
             "农民": "农民", "产业": "chǎnyè", "东西": "dong1xi"}
    asked: list[str] = []
    async with app.run_test() as pilot:
        await pilot.press("enter")
        while isinstance(app.screen, ReviewScreen) and len(asked) < 20:
            screen = app.screen
            assert screen.note is not None
            term = screen.note.term
            typed = first[term] if term not in asked else PINYIN[term]
            asked.append(term)
            await pilot.press(*typed, "enter")
            assert screen.revealed and screen.grade is not None
            # Enter accepts the automatic grade; on 东西 the learner overrides it with 4.
            await pilot.press("4" if term == "东西" else "enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    graded = reviews(tui_store)
    assert all(d == "recall" for _, d, _ in graded)
    firsts: dict[str, int] = {}
    for term, _, quality in graded:
        firsts.setdefault(term, quality)
    assert firsts == {"扶贫": 5, "驻村工作队": 3, "脱贫": 1, "农民": 5, "产业": 5, "东西": 4}
    # The hard (3) and failed (1) cards came back (after others) and were answered exactly.
    assert len(graded) == 8 and asked[5] == "驻村工作队" and asked.count("脱贫") == 2


async def test_cloze_session(tui_store: Store) -> None:
    app = make_app(tui_store, "alice", clock=lambda: NOW, mode="cloze")
    async with app.run_test() as pilot:
        await pilot.press("enter")
        screen = review_screen(app)
        assert screen.cloze is not None
        assert "扶贫" not in screen.cloze[0] and "＿＿" in screen.cloze[0]
        assert screen.cloze[1] == "Le gouvernement renforce l'aide aux pauvres."
        await pilot.press(*"扶贫", "enter", "enter")
        for _ in range(len(WORDS) - 1):
            await pilot.press("enter", "5")  # empty answer (graded 1), overridden with 5
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    recorded = reviews(tui_store)
    assert recorded[0] == ("扶贫", "recall", 5)
    assert all(d == "recall" for _, d, _ in recorded)


async def test_choice_session(app: TrainerApp, tui_store: Store) -> None:
    app.mode = "choice"
    picked_wrong = False
    async with app.run_test() as pilot:
        await pilot.press("enter")
        screen = review_screen(app)
        assert screen.options is not None and len(screen.options) == 4
        assert screen.options[screen.right or 0] == "aide aux pauvres"
        while isinstance(app.screen, ReviewScreen):
            screen = app.screen
            assert screen.options is not None and screen.right is not None
            assert len(set(screen.options)) == 4
            if not picked_wrong:  # the first card is answered wrong once, then right
                choice, picked_wrong = next(i for i in range(4) if i != screen.right), True
            else:
                choice = screen.right
            await pilot.press(str(choice + 1))
            assert screen.grade is not None
            await pilot.press("enter")  # accept the automatic grade
        assert isinstance(app.screen, SummaryScreen)
    graded = reviews(tui_store)
    assert graded[0] == ("扶贫", "recognition", 1)
    assert [q for *_, q in graded[1:]] == [4] * len(WORDS)
    assert {t for t, *_ in graded} == {w[0] for w in WORDS}


async def test_undo_restores_card_and_log(app: TrainerApp, tui_store: Store) -> None:
    async with app.run_test() as pilot:
        await pilot.press("enter", "space", "5")
        assert review_screen(app).note.term == "驻村工作队"  # type: ignore[union-attr]
        await pilot.press("u")
        screen = review_screen(app)
        assert screen.note is not None and screen.note.term == "扶贫" and not screen.revealed
        await pilot.press("u")  # nothing left in this session: a notice, no change
        await pilot.press("space", "3")
    assert reviews(tui_store) == [("扶贫", "recognition", 3)]
    card = tui_store.cards_of_note(tui_store.notes()[0].id, tui_store.learner("alice").id)[1]
    assert card.direction == "recognition" and card.state.needs_extra_review


async def test_undo_after_suspend_takes_back_the_suspension(app: TrainerApp, tui_store: Store) -> None:
    async with app.run_test() as pilot:
        await pilot.press("enter", "space", "5")  # an answer first: undo must not take this one back
        suspended = review_screen(app).note
        assert suspended is not None and suspended.term == "驻村工作队"
        await pilot.press("s")
        await pilot.pause()
        assert review_screen(app).note.term != "驻村工作队"  # type: ignore[union-attr]
        await pilot.press("u")
        await pilot.pause()
        screen = review_screen(app)
        assert screen.note is not None and screen.note.term == "驻村工作队" and not screen.revealed
        assert screen.session.suspended == 0 and len(screen.session.answers) == 1
    assert reviews(tui_store) == [("扶贫", "recognition", 5)]  # the answer stands
    learner = tui_store.learner("alice").id
    assert not any(c.suspended for c in tui_store.cards_of_note(suspended.id, learner))


async def test_edit_translation_from_review(app: TrainerApp, tui_store: Store) -> None:
    async with app.run_test() as pilot:
        await pilot.press("enter", "space", "e")
        await pilot.pause()
        field = app.screen.query_one("#translation")
        field.value = ""  # type: ignore[attr-defined]
        await pilot.press(*"lutte contre la pauvreté", "enter")
        await pilot.pause()
        screen = review_screen(app)
        assert screen.note is not None
        assert screen.note.translation("fr").text == "lutte contre la pauvreté"  # type: ignore[union-attr]
        await pilot.press("e", "escape")  # cancelled edit changes nothing
    note = tui_store.search_notes("扶贫")[0]
    fixed = note.translation("fr")
    assert fixed is not None and fixed.text == "lutte contre la pauvreté" and fixed.method == "edited"
    assert "aide aux pauvres" in fixed.alternatives


async def test_suspend_skips_card(app: TrainerApp, tui_store: Store) -> None:
    async with app.run_test() as pilot:
        await pilot.press("enter", "s")
        assert review_screen(app).note.term == "驻村工作队"  # type: ignore[union-attr]
        await pilot.press("q")
        assert isinstance(app.screen, SummaryScreen) and app.screen.summary.suspended == 1
    learner = tui_store.learner("alice")
    cards = tui_store.cards_of_note(tui_store.search_notes("扶贫")[0].id, learner.id)
    assert [c.suspended for c in cards] == [False, True]  # recall, recognition
    assert reviews(tui_store) == []


async def test_learner_switch_create_and_language(app: TrainerApp, tui_store: Store) -> None:
    async with app.run_test() as pilot:
        await pilot.press("l")
        await pilot.press("n", *"bob", "enter")
        await pilot.press("l", "l")  # bob, highlighted once created: fr -> en -> vi
        await pilot.press("enter")
        await pilot.pause()
        assert app.learner.name == "bob" and app.learner.lang == "vi"
        await pilot.press("enter", "space", "5")
        screen = review_screen(app)
        assert screen.session.learner.name == "bob"
    bob = tui_store.learner("bob")
    assert bob.lang == "vi"
    rows = tui_store.conn.execute("SELECT learner_id FROM reviews").fetchall()
    assert rows == [(bob.id,)]


async def test_the_app_reopens_as_the_learner_picked_last(tui_store: Store) -> None:
    first = make_app(tui_store, "alice", clock=lambda: NOW)
    async with first.run_test() as pilot:
        await pilot.press("l", "n", *"bob", "enter", "enter")  # create bob, switch to him
        await pilot.pause()
        assert first.learner.name == "bob"
        await pilot.press("q")
    again = make_app(tui_store, None, clock=lambda: NOW)  # bare `trainer`
    assert again.learner.name == "bob"
    named = make_app(tui_store, "alice", clock=lambda: NOW)  # `trainer --learner alice` ...
    assert named.learner.name == "alice"
    assert make_app(tui_store, None, clock=lambda: NOW).learner.name == "alice"  # ... is remembered too


async def test_progress_is_kept_across_runs(tui_store: Store) -> None:
    first = make_app(tui_store, "alice", clock=lambda: NOW)
    async with first.run_test() as pilot:
        await pilot.press("enter", "space", "5", "space", "5", "q")
    again = make_app(tui_store, "alice", clock=lambda: NOW)
    async with again.run_test() as pilot:
        await pilot.press("enter")
        assert review_screen(again).note.term == "脱贫"  # type: ignore[union-attr]


async def test_nothing_to_study_goes_straight_to_summary(tui_store: Store) -> None:
    tui_store.update_learner(tui_store.learner("alice").id, new_per_day=0)
    app = make_app(tui_store, "alice", clock=lambda: NOW)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.done and app.screen.summary.reviewed == 0
        await pilot.press("enter")
        assert app.screen.__class__.__name__ == "DeckScreen"


async def test_mouse_clicks_on_option_and_grade(app: TrainerApp, tui_store: Store) -> None:
    """Clicking an option or a grade does what its digit key does."""
    app.mode = "choice"
    async with app.run_test() as pilot:
        await pilot.press("enter")
        screen = review_screen(app)
        options = screen.query_one("#options")
        right = screen.right or 0
        # Lines are centred and padded to one width: the middle column of line 1 + right.
        await pilot.click(options, offset=(options.size.width // 2, 1 + right))
        assert screen.revealed and screen.grade is not None and screen.grade.quality == 4
        grades = screen.query_one("#grades")
        text = str(grades.render())
        start = (grades.size.width - len(text)) // 2
        await pilot.click(grades, offset=(start + text.index("5 easy") + 2, 0))
        await pilot.pause()
    assert reviews(tui_store) == [("扶贫", "recognition", 5)]


async def test_key_bar_hints_are_clickable(app: TrainerApp) -> None:
    async with app.run_test() as pilot:
        await pilot.press("enter")
        bar = app.screen.query_one("#keys")
        text = str(bar.render())
        await pilot.click(bar, offset=(text.index("Show") + 1, 0))
        assert review_screen(app).revealed
        await pilot.click(bar, offset=(text.index("esc Quit") + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_a_locked_database_keeps_the_answer_retries_and_never_quits(
        app: TrainerApp, tui_store: Store) -> None:
    import sqlite3

    other = sqlite3.connect(tui_store.path, isolation_level=None)  # another trainer, writing
    async with app.run_test() as pilot:
        await pilot.press("enter", "space")
        other.execute("BEGIN IMMEDIATE")
        await pilot.press("5")
        screen = review_screen(app)
        assert screen.session.pending is not None and screen.note.term == "扶贫"  # type: ignore[union-attr]
        assert any("not saved yet: another program is writing" in n.message for n in app._notifications)
        await pilot.press("3")  # a second grade does not replace or lose the kept one
        await pilot.press("escape")  # and the session does not end on it
        assert review_screen(app) is screen
        other.execute("COMMIT")
        await pilot.pause(1.6)
        assert screen.session.pending is None
        assert screen.note is not None and screen.note.term == "驻村工作队"
    other.close()
    assert reviews(tui_store) == [("扶贫", "recognition", 5)]


async def test_undo_never_takes_back_an_answer_given_in_another_window(
        app: TrainerApp, tui_store: Store) -> None:
    async with app.run_test() as pilot:
        await pilot.press("enter", "space", "5")
        screen = review_screen(app)
        first = screen.session.answers[-1].card_id
        elsewhere = Store.open(tui_store.path)
        elsewhere.answer(first, 2, NOW)  # the same card, answered again in another terminal
        elsewhere.close()
        await pilot.press("u")
        assert any("answered again meanwhile" in n.message for n in app._notifications)
    assert reviews(tui_store) == [("扶贫", "recognition", 5), ("扶贫", "recognition", 2)]
