-- What the test consumer applied, in order: one row per effect.
CREATE TABLE test_effect (
    seq          BIGSERIAL PRIMARY KEY,
    event_id     UUID NOT NULL,
    aggregate_id TEXT NOT NULL,
    name         TEXT NOT NULL,
    trace_id     TEXT
);
