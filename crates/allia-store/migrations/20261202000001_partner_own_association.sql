-- The explicit link « this partner is our own association » (issue 10, item 3): the
-- contracts name that partner once, as the profile, first party. Until now the documents
-- found it by comparing the profile with each partner; from here on only this column says
-- it, and homonyms stay two parties.
ALTER TABLE partner ADD COLUMN own_association INTEGER NOT NULL DEFAULT 0;

-- Backfill, so that existing alliances print the same parties as before: in each
-- alliance, the partner whose SIREN (first 9 digits of its SIREN or SIRET) or RNA number
-- equals the profile's; else, when neither identifier differs from the profile's (absent
-- on one side or equal), the partner whose name is exactly the profile's name (what the
-- vaults relied on). One per alliance: an identifier match first, then the oldest.
UPDATE partner SET own_association = 1
WHERE id IN (
    SELECT (
        SELECT p.id
        FROM partner p, profile f
        WHERE f.id = 1
          AND p.alliance_id = a.id
          AND (
              (p.siret IS NOT NULL AND f.siret IS NOT NULL
                  AND length(p.siret) >= 9 AND length(f.siret) >= 9
                  AND substr(p.siret, 1, 9) = substr(f.siret, 1, 9))
              OR (p.rna IS NOT NULL AND f.rna IS NOT NULL AND upper(p.rna) = upper(f.rna))
              OR (p.name = f.name
                  AND NOT (p.siret IS NOT NULL AND f.siret IS NOT NULL
                      AND substr(p.siret, 1, 9) <> substr(f.siret, 1, 9))
                  AND NOT (p.rna IS NOT NULL AND f.rna IS NOT NULL
                      AND upper(p.rna) <> upper(f.rna)))
          )
        ORDER BY
            CASE
                WHEN p.siret IS NOT NULL AND f.siret IS NOT NULL
                    AND length(p.siret) >= 9 AND length(f.siret) >= 9
                    AND substr(p.siret, 1, 9) = substr(f.siret, 1, 9) THEN 0
                WHEN p.rna IS NOT NULL AND f.rna IS NOT NULL
                    AND upper(p.rna) = upper(f.rna) THEN 0
                ELSE 1
            END,
            p.created_at,
            p.rowid
        LIMIT 1
    )
    FROM alliance a
);

-- At most one own association per alliance, whatever writes the table.
CREATE UNIQUE INDEX partner_one_own_association ON partner (alliance_id)
    WHERE own_association = 1;
