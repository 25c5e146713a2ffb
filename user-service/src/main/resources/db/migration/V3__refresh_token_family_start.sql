-- When the login that started a token's family happened: no token of the family is accepted once
-- kaimono.security.jwt.refresh-family-lifetime has passed since, however often it was rotated. Families
-- from before are dated by their oldest token still stored.
ALTER TABLE refresh_token ADD COLUMN family_started_at TIMESTAMPTZ;
UPDATE refresh_token token SET family_started_at = family.started_at
FROM (SELECT family_id, min(issued_at) AS started_at FROM refresh_token GROUP BY family_id) family
WHERE token.family_id = family.family_id;
ALTER TABLE refresh_token ALTER COLUMN family_started_at SET NOT NULL;
