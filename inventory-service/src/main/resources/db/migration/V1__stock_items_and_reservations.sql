-- Stock per product and reservations per order (see docs/adr/0009-inventory-reservations.md).

-- One row per product. Available = on_hand - reserved. The application locks rows (FOR UPDATE, in
-- product_id order) before it changes them; the checks are the last line of defence against overselling.
CREATE TABLE stock_item (
    product_id UUID        PRIMARY KEY,
    on_hand    INT         NOT NULL,
    reserved   INT         NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT stock_item_reserved_not_negative CHECK (reserved >= 0),
    CONSTRAINT stock_item_never_oversold CHECK (reserved <= on_hand)
);

-- One row per order that asked for stock (or was released before it did).
CREATE TABLE reservation (
    order_id   UUID        PRIMARY KEY,
    status     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ,
    updated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT reservation_status CHECK (status IN ('RESERVED', 'FAILED', 'RELEASED', 'DEDUCTED', 'EXPIRED', 'RESTOCKED')),
    CONSTRAINT reservation_held_expires CHECK (status <> 'RESERVED' OR expires_at IS NOT NULL)
);
-- The expiry sweep reads only held reservations, oldest deadline first.
CREATE INDEX reservation_due ON reservation (expires_at) WHERE status = 'RESERVED';

-- The lines of a reservation, in the order they were requested (position). A line that was short when
-- the order was refused keeps the availability it was refused with (available_when_refused), which a
-- repeated reserve-stock answers again.
CREATE TABLE reservation_line (
    order_id               UUID NOT NULL REFERENCES reservation (order_id),
    position               INT  NOT NULL,
    product_id             UUID NOT NULL,
    quantity               INT  NOT NULL CHECK (quantity > 0),
    available_when_refused INT  CHECK (available_when_refused >= 0 AND available_when_refused < quantity),
    PRIMARY KEY (order_id, product_id),
    UNIQUE (order_id, position)
);
CREATE INDEX reservation_line_product ON reservation_line (product_id);
