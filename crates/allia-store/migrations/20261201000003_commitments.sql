-- What each party of an alliance commits (issue 9, item 2): money with its nature and
-- payment schedule, contributions in kind. One row per party: `partner_id` names the
-- partner, NULL the vault's own association. `data` is the validated
-- `CommitmentsDraft` as JSON text (amounts in cents). A row goes with its alliance and
-- with its partner. Additive: no existing table changes.
CREATE TABLE commitment (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    partner_id TEXT REFERENCES partner (id) ON DELETE CASCADE,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- One row per party; NULL partners (the association) compare equal here, unlike in a
-- plain UNIQUE, so the association has one row per alliance too.
CREATE UNIQUE INDEX commitment_party ON commitment (alliance_id, COALESCE(partner_id, ''));
