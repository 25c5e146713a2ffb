-- Shipments (docs/adr/0011). One per order; address and customer are copied from order.confirmed.
CREATE TABLE shipment (
    id              UUID        PRIMARY KEY,
    order_id        UUID        NOT NULL,
    customer_id     UUID        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('ARRANGED', 'DISPATCHED', 'DELIVERED', 'CANCELLED')),
    recipient_name  TEXT        NOT NULL,
    address_line1   TEXT        NOT NULL,
    city            TEXT        NOT NULL,
    postal_code     TEXT        NOT NULL,
    country         TEXT        NOT NULL,
    carrier         TEXT,
    tracking_number TEXT,
    arranged_at     TIMESTAMPTZ NOT NULL,
    dispatched_at   TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    cancelled_at    TIMESTAMPTZ,
    CONSTRAINT shipment_one_per_order UNIQUE (order_id),
    CONSTRAINT shipment_dispatched_has_tracking CHECK (
        (status IN ('DISPATCHED', 'DELIVERED')) = (carrier IS NOT NULL AND tracking_number IS NOT NULL AND dispatched_at IS NOT NULL))
);
-- Administrators list by status, newest first; the auto-advance sweeps the oldest ARRANGED and DISPATCHED.
CREATE INDEX shipment_by_status ON shipment (status, arranged_at);
CREATE INDEX shipment_dispatched_since ON shipment (dispatched_at) WHERE status = 'DISPATCHED';

-- Orders cancelled after confirmation before their shipment was arranged (order.confirmed delayed behind
-- order.cancelled, e.g. replayed from the dead-letter queue): such an order never gets a shipment.
CREATE TABLE cancelled_order (
    order_id     UUID        PRIMARY KEY,
    cancelled_at TIMESTAMPTZ NOT NULL
);
