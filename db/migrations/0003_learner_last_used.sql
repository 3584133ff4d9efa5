-- trainer schema, version 3: remember which learner studied last, so that a bare
-- `trainer` reopens as them (0: never chosen).
ALTER TABLE learners ADD COLUMN last_used_ms INTEGER NOT NULL DEFAULT 0;
