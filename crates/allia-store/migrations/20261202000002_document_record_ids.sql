-- Stable ids for what an alliance file of format 2 carries inside a document (issue 10,
-- item 4): each version, each clause change and each signature gets a UUID that travels
-- with it, so a file imported back, or re-imported after a partner's change, names the
-- same records. Documents, partners, commitments and alliances already have ids.
--
-- `id`: the version's own id. `override_ids`: `{ "<clauseId>": "<uuid>" }`, one per clause
-- change of `settings.overrides` (one change per clause). `signature_ids`:
-- `{ "<party>": "<uuid>" }`, one per signature of `signatures` (one per party). The
-- settings and signatures themselves are unchanged: a signed version stays as signed.
ALTER TABLE document_version ADD COLUMN id TEXT;
ALTER TABLE document_version ADD COLUMN override_ids TEXT NOT NULL DEFAULT '{}';
ALTER TABLE document_version ADD COLUMN signature_ids TEXT NOT NULL DEFAULT '{}';

-- A random (version 4) UUID in lower case, as the vault writes its ids, drawn afresh for
-- every row and every element.
UPDATE document_version SET id =
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
    || '-' || lower(hex(randomblob(6)));

UPDATE document_version SET override_ids = (
    SELECT json_group_object(
        json_extract(o.value, '$.clauseId'),
        lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
        || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
        || '-' || lower(hex(randomblob(6))))
    FROM json_each(document_version.settings, '$.overrides') AS o
    WHERE json_extract(o.value, '$.clauseId') IS NOT NULL
);

UPDATE document_version SET signature_ids = (
    SELECT json_group_object(
        json_extract(s.value, '$.party'),
        lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
        || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
        || '-' || lower(hex(randomblob(6))))
    FROM json_each(document_version.signatures) AS s
    WHERE json_extract(s.value, '$.party') IS NOT NULL
);

CREATE UNIQUE INDEX document_version_id ON document_version (id);
