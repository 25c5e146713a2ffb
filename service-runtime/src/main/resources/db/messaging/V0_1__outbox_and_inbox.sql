-- Messaging tables every PostgreSQL service owns in its own database (see docs/adr/0006).
-- Versions 0.x belong to shared-events; each service numbers its own migrations from 1.

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,              -- publish order within the service
    event_id     UUID        NOT NULL UNIQUE,
    event_type   TEXT        NOT NULL,
    exchange     TEXT        NOT NULL,
    routing_key  TEXT        NOT NULL,
    aggregate_id TEXT        NOT NULL,
    body         TEXT        NOT NULL,               -- the JSON envelope, byte for byte as published
    headers      TEXT        NOT NULL DEFAULT '{}',  -- JSON object of AMQP headers (traceparent, ...)
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    attempts     INT         NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;

-- Idempotent inbox: one row per (consumer, event) applied, written with the consumer's effects.
CREATE TABLE inbox_event (
    consumer    TEXT        NOT NULL,
    event_id    UUID        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
