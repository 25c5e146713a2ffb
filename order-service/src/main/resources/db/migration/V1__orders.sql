-- order-service (see docs/adr/0012): event store, read models with checkpoints, the place-order saga,
-- carts and idempotency keys. The outbox and inbox tables come from shared-events (V0_1).

-- Event store: every order is the sequence of its events. UNIQUE (aggregate_id, version) is the
-- optimistic concurrency check: two writers that loaded the same version cannot both append.
-- transaction_id lets projectors read in a gap-free order: rows are read only once every transaction
-- with a smaller id has ended (see OrderEvents#readAfter), so a slow transaction's rows are never skipped.
CREATE TABLE order_event (
    global_position BIGSERIAL   PRIMARY KEY,
    transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
    aggregate_id    UUID        NOT NULL,
    version         INT         NOT NULL CHECK (version >= 1),
    event_type      TEXT        NOT NULL,
    schema_version  SMALLINT    NOT NULL DEFAULT 1,
    payload         TEXT        NOT NULL,            -- JSON, the stored schema of the event (eventstore.StoredEvents)
    occurred_at     TIMESTAMPTZ NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT order_event_stream_version UNIQUE (aggregate_id, version)
);
CREATE INDEX order_event_feed ON order_event (transaction_id, global_position);

-- Where each projection has got to in the event feed; updated in the transaction that updates its read model.
CREATE TABLE projection_checkpoint (
    name            TEXT        PRIMARY KEY,
    transaction_id  xid8        NOT NULL DEFAULT '0',
    global_position BIGINT      NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO projection_checkpoint (name) VALUES ('order_summary'), ('order_details');

-- Read model: a shopper's order list.
CREATE TABLE order_summary (
    order_id     UUID          PRIMARY KEY,
    customer_id  UUID          NOT NULL,
    status       TEXT          NOT NULL,
    total_amount NUMERIC       NOT NULL,
    currency     CHAR(3)       NOT NULL,
    item_count   INT           NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    version      INT           NOT NULL
);
CREATE INDEX order_summary_by_customer ON order_summary (customer_id, created_at DESC, order_id);

-- Read model: one order's details. lines and shipping_address are JSON documents.
CREATE TABLE order_details (
    order_id            UUID          PRIMARY KEY,
    customer_id         UUID          NOT NULL,
    status              TEXT          NOT NULL,
    lines               TEXT          NOT NULL,
    total_amount        NUMERIC       NOT NULL,
    currency            CHAR(3)       NOT NULL,
    shipping_address    TEXT          NOT NULL,
    payment_method      TEXT          NOT NULL,
    cancellation_reason TEXT,
    shipment_id         UUID,
    carrier             TEXT,
    tracking_number     TEXT,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    version             INT           NOT NULL
);

-- The place-order saga of each order: its step, attempts of the step's command, and when the step gives up.
CREATE TABLE place_order_saga (
    order_id       UUID        PRIMARY KEY,
    customer_id    UUID        NOT NULL,
    state          TEXT        NOT NULL,
    attempts       INT         NOT NULL,
    deadline_at    TIMESTAMPTZ,                      -- NULL once COMPLETED or CANCELLED
    payment_method TEXT        NOT NULL,
    data           TEXT        NOT NULL,             -- JSON: lines, amount, payment id, cancellation reason
    started_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    version        INT         NOT NULL,
    CHECK ((deadline_at IS NULL) = (state IN ('COMPLETED', 'CANCELLED')))
);
CREATE INDEX place_order_saga_deadline ON place_order_saga (deadline_at) WHERE deadline_at IS NOT NULL;
CREATE INDEX place_order_saga_state ON place_order_saga (state, started_at);

-- Every transition of every saga, with the commands it sent: the saga's audit log.
CREATE TABLE place_order_saga_transition (
    id            BIGSERIAL   PRIMARY KEY,
    order_id      UUID        NOT NULL REFERENCES place_order_saga (order_id),
    from_state    TEXT,
    to_state      TEXT        NOT NULL,
    trigger       TEXT        NOT NULL,
    commands      TEXT        NOT NULL,              -- comma-separated command names sent
    order_command TEXT,
    attempts      INT         NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX place_order_saga_transition_by_order ON place_order_saga_transition (order_id, id);

-- One cart per shopper.
CREATE TABLE cart_item (
    customer_id UUID        NOT NULL,
    product_id  UUID        NOT NULL,
    quantity    INT         NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, product_id)
);

-- Idempotency-Key of POST /api/orders, per shopper, stored in the transaction that placed the order.
CREATE TABLE idempotency_key (
    customer_id  UUID        NOT NULL,
    key          TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    order_id     UUID        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (customer_id, key)
);
