-- Which instance of a service relays its outbox (OutboxRelay, ADR 0018): whoever holds the unexpired lease.
-- It replaces the advisory lock the relay held in a transaction for a whole batch, confirms included.
CREATE TABLE outbox_relay_lease (
    name         TEXT        PRIMARY KEY,
    owner        TEXT        NOT NULL,
    locked_until TIMESTAMPTZ NOT NULL
);
