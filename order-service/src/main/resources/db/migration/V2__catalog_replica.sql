-- What order-service knows of catalog-service's products, to price orders and check carts without asking catalog
-- on every one (ADR 0037): kept from catalog's product events and, for a product no event has brought yet, from
-- catalog's batch lookup. version is the catalog's: details apply only over older ones, and a discontinued product
-- stays discontinued (catalog never changes it again). A product whose discontinuation arrived before anything
-- else about it is a row without details (name, price and currency all NULL), not orderable.
CREATE TABLE catalog_product (
    product_id UUID    PRIMARY KEY,
    name       TEXT,
    price      NUMERIC,
    currency   CHAR(3),
    orderable  BOOLEAN NOT NULL,
    version    BIGINT  NOT NULL,
    CONSTRAINT catalog_product_details_whole CHECK ((name IS NULL) = (price IS NULL) AND (price IS NULL) = (currency IS NULL)),
    CONSTRAINT catalog_product_bare_only_discontinued CHECK (name IS NOT NULL OR NOT orderable)
);
