-- Indexes for the progress statistics (trainer/store/stats.py), version 2.
-- Measured on 1,000,000 reviews (bench/bench_stats.py, bench/RESULTS_stats.md).

-- Time spent per study day: sum(duration_ms) over a reviewed_ms range read from
-- the index alone instead of one table lookup per review (about 110 -> 80 ms).
CREATE INDEX reviews_learner_time_duration ON reviews (learner_id, reviewed_ms, duration_ms);

-- True retention per week: only reviews of cards on an interval (the WHERE),
-- keyed by young/mature and passed/failed, so each of the four weekly figures is
-- a count over one index range with no per-row evaluation (about 290 -> 70 ms).
-- The expressions must stay word for word those of the queries in stats.py.
CREATE INDEX reviews_retention ON reviews (learner_id, ivl_before >= 21, quality >= 3, reviewed_ms)
    WHERE ivl_before >= 1 AND extra_before = 0;
