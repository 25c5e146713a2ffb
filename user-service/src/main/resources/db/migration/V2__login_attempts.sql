-- Logins tried per email since its last successful one, shared by every instance. Keyed by the SHA-256 of
-- the normalised email (whatever was typed there is never stored), whether or not an account has it, so
-- the answers reveal nothing about which accounts exist. Rows quiet for a day are deleted.
CREATE TABLE login_attempts (
    email_hash      TEXT        PRIMARY KEY,
    attempts        INTEGER     NOT NULL,
    last_attempt_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ
);
CREATE INDEX login_attempts_last_attempt ON login_attempts (last_attempt_at);
