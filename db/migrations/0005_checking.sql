-- trainer schema, version 5: checking mined notes before they are studied (issue 26).
-- learners.study_unchecked: 1 = introduce notes whose translation still needs a check;
-- 0 (default) = such notes wait until the learner accepts or fixes them.
-- cards.waiting: 1 for a new card held back for that reason. It is kept current by
-- the store (trainer/store/checks.py) whenever a translation or the option changes.
ALTER TABLE learners ADD COLUMN study_unchecked INTEGER NOT NULL DEFAULT 0 CHECK (study_unchecked IN (0, 1));
ALTER TABLE cards ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;
-- notes.rejected: 1 once a learner rejected the term for its deck; such a note gets no
-- new cards (a learner added later never meets it) and its existing cards are suspended.
ALTER TABLE notes ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0;

-- The next-new-card indexes hold only the cards a session may introduce.
DROP INDEX cards_new;
DROP INDEX cards_deck_new;
CREATE INDEX cards_new      ON cards (learner_id, direction, position)
    WHERE last_review_ms IS NULL AND suspended = 0 AND waiting = 0;
CREATE INDEX cards_deck_new ON cards (learner_id, deck_id, direction, position)
    WHERE last_review_ms IS NULL AND suspended = 0 AND waiting = 0;

-- Existing new cards whose translation is unsure (version 5's bar, 0.9) start waiting.
UPDATE cards SET waiting = 1
WHERE last_review_ms IS NULL AND id IN (
    SELECT c.id FROM cards c JOIN notes n ON n.id = c.note_id JOIN learners l ON l.id = c.learner_id
    WHERE json_extract(n.translations, '$.' || l.lang || '.method') = 'dictionary'
       OR (json_extract(n.translations, '$.' || l.lang || '.method') IN ('aligned', 'word-aligned')
           AND json_extract(n.translations, '$.' || l.lang || '.confidence') < 0.9));
