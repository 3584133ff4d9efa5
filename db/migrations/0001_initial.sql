-- trainer schema, version 1.
-- Times are UTC milliseconds since the epoch (INTEGER). JSON columns hold the
-- to_dict() forms of trainer.models types.

CREATE TABLE learners (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE,
    lang            TEXT    NOT NULL DEFAULT 'en' CHECK (lang IN ('fr', 'en', 'vi')),
    new_per_day     INTEGER NOT NULL DEFAULT 20  CHECK (new_per_day >= 0),
    reviews_per_day INTEGER NOT NULL DEFAULT 200 CHECK (reviews_per_day >= 0),
    day_start_hour  INTEGER NOT NULL DEFAULT 4   CHECK (day_start_hour BETWEEN 0 AND 23),
    created_ms      INTEGER NOT NULL
);

CREATE TABLE decks (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    description TEXT    NOT NULL DEFAULT '',
    created_ms  INTEGER NOT NULL
);

CREATE TABLE notes (
    id             INTEGER PRIMARY KEY,
    deck_id        INTEGER NOT NULL REFERENCES decks (id) ON DELETE CASCADE,
    term           TEXT    NOT NULL,
    pinyin         TEXT    NOT NULL DEFAULT '',
    pinyin_numbers TEXT    NOT NULL DEFAULT '',
    translations   TEXT    NOT NULL DEFAULT '{}',  -- {lang: Translation}
    examples       TEXT    NOT NULL DEFAULT '[]',  -- [Example]
    sources        TEXT    NOT NULL DEFAULT '[]',  -- [article file name]
    rank           INTEGER NOT NULL DEFAULT 0,     -- termhood order, 0 = most important
    created_ms     INTEGER NOT NULL,
    updated_ms     INTEGER NOT NULL,
    UNIQUE (deck_id, term)
);

-- One card per note x learner x direction. last_review_ms IS NULL means "new".
CREATE TABLE cards (
    id                 INTEGER PRIMARY KEY,
    note_id            INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    learner_id         INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    deck_id            INTEGER NOT NULL REFERENCES decks (id) ON DELETE CASCADE,
    direction          TEXT    NOT NULL CHECK (direction IN ('recognition', 'recall')),
    repetitions        INTEGER NOT NULL DEFAULT 0,
    interval           INTEGER NOT NULL DEFAULT 0,
    easiness           REAL    NOT NULL DEFAULT 2.5,
    due_ms             INTEGER NOT NULL,
    needs_extra_review INTEGER NOT NULL DEFAULT 0,
    lapses             INTEGER NOT NULL DEFAULT 0,
    suspended          INTEGER NOT NULL DEFAULT 0,
    last_review_ms     INTEGER,
    position           INTEGER NOT NULL DEFAULT 0,  -- order in which new cards are introduced
    created_ms         INTEGER NOT NULL,
    UNIQUE (note_id, learner_id, direction)
);

-- "Next due card for this learner (in this deck)" and "next new card" are index
-- lookups: partial indexes hold only the cards each query can return.
CREATE INDEX cards_due      ON cards (learner_id, direction, due_ms)
    WHERE last_review_ms IS NOT NULL AND suspended = 0;
CREATE INDEX cards_deck_due ON cards (learner_id, deck_id, direction, due_ms)
    WHERE last_review_ms IS NOT NULL AND suspended = 0;
CREATE INDEX cards_new      ON cards (learner_id, direction, position)
    WHERE last_review_ms IS NULL AND suspended = 0;
CREATE INDEX cards_deck_new ON cards (learner_id, deck_id, direction, position)
    WHERE last_review_ms IS NULL AND suspended = 0;
CREATE INDEX cards_note     ON cards (note_id);

-- Append-only review log, the record of truth: a card's state is the fold of its
-- reviews (trainer.scheduler.replay). kind: 0 = first review of a new card,
-- 1 = scheduled review, 2 = same-day repeat of a card scored below 4.
CREATE TABLE reviews (
    id            INTEGER PRIMARY KEY,
    card_id       INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    learner_id    INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
    reviewed_ms   INTEGER NOT NULL,
    quality       INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 5),
    duration_ms   INTEGER NOT NULL DEFAULT 0 CHECK (duration_ms >= 0),
    kind          INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
    rep_before    INTEGER NOT NULL,
    ivl_before    INTEGER NOT NULL,
    ef_before     REAL    NOT NULL,
    due_before_ms INTEGER NOT NULL,
    extra_before  INTEGER NOT NULL,
    rep_after     INTEGER NOT NULL,
    ivl_after     INTEGER NOT NULL,
    ef_after      REAL    NOT NULL,
    due_after_ms  INTEGER NOT NULL,
    extra_after   INTEGER NOT NULL
);
-- Covers "how many reviews of each kind today" (daily limits) without touching the table.
CREATE INDEX reviews_learner_time ON reviews (learner_id, reviewed_ms, kind);
CREATE INDEX reviews_card         ON reviews (card_id, reviewed_ms);
