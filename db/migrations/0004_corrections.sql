-- trainer schema, version 4: every learner decision on a mined translation, kept as
-- data (issue 26). decision: accept (the mined text is right), pick (an alternative
-- chosen), edit (typed by the learner), reject (the term is not worth studying in
-- this deck). Exported and imported as JSON Lines; extraction reads them back.
CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    deck        TEXT    NOT NULL DEFAULT '',
    term        TEXT    NOT NULL,
    lang        TEXT    NOT NULL CHECK (lang IN ('fr', 'en', 'vi')),
    old         TEXT    NOT NULL DEFAULT '',
    new         TEXT    NOT NULL DEFAULT '',
    decision    TEXT    NOT NULL CHECK (decision IN ('accept', 'pick', 'edit', 'reject')),
    learner     TEXT    NOT NULL DEFAULT '',
    decided_ms  INTEGER NOT NULL,
    source      TEXT    NOT NULL DEFAULT '',
    UNIQUE (deck, term, lang, old, new, decision, learner, decided_ms)
);
CREATE INDEX corrections_term ON corrections (term, lang);
