-- Payments of orders (see docs/adr/0010). One row per order: the unique order_id is what makes charging
-- idempotent per order, also when two requests race.
CREATE TABLE payment (
    id                  UUID        PRIMARY KEY,
    order_id            UUID        NOT NULL UNIQUE,
    customer_id         UUID        NOT NULL,
    amount              NUMERIC     NOT NULL CHECK (amount > 0),   -- exact, scale kept as given (2560 JPY, 12.50 EUR)
    currency            CHAR(3)     NOT NULL,
    payment_method      TEXT        NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('PENDING', 'COMPLETED', 'FAILED', 'REFUNDING', 'REFUNDED')),
    failure_reason      TEXT        CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL)),
    provider_reference  TEXT,                                       -- the provider's id of the capture
    refund_amount       NUMERIC     CHECK (refund_amount > 0 AND refund_amount <= amount),
    refund_reference    TEXT,                                       -- the provider's id of the refund
    attempt_expires_at  TIMESTAMPTZ,                                -- a provider attempt has the payment until then
    created_at          TIMESTAMPTZ NOT NULL,
    settled_at          TIMESTAMPTZ,                                -- captured or failed
    refund_requested_at TIMESTAMPTZ,
    refunded_at         TIMESTAMPTZ,
    CHECK (status NOT IN ('COMPLETED', 'REFUNDING', 'REFUNDED') OR provider_reference IS NOT NULL),
    CHECK (status NOT IN ('REFUNDING', 'REFUNDED') OR refund_amount IS NOT NULL),
    CHECK (status <> 'REFUNDED' OR refund_reference IS NOT NULL)
);

-- What the recovery sweep looks for: payments still waiting for the provider.
CREATE INDEX payment_awaiting_provider ON payment (created_at) WHERE status IN ('PENDING', 'REFUNDING');
