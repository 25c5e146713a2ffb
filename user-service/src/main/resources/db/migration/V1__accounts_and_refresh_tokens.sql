CREATE TABLE account (
    id            UUID        PRIMARY KEY,
    email         TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    name          TEXT        NOT NULL,
    roles         TEXT[]      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
-- One account per address, whatever its letter case.
CREATE UNIQUE INDEX account_email_unique ON account (lower(email));

-- Opaque refresh tokens, stored only as SHA-256 hashes. A token is used once: using it issues the next
-- one of the same family; presenting a used token again revokes the whole family (theft detection).
CREATE TABLE refresh_token (
    id          UUID        PRIMARY KEY,
    account_id  UUID        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    family_id   UUID        NOT NULL,
    token_hash  TEXT        NOT NULL UNIQUE,
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_expiry ON refresh_token (expires_at);
