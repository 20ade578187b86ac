-- The PDF files a person attaches to the annexes they add to a document (issue 9,
-- item 3): kept apart from the settings (which only name the file), one per document
-- and annex; they go with their document. `annex_id` is the `UserAnnex.id` of the
-- document's settings. `size` is the byte count of `bytes`, `pages` its page count,
-- both read when the file was attached. Additive: no existing table changes.
CREATE TABLE document_annex_file (
    document_id TEXT NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    annex_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    bytes BLOB NOT NULL,
    size INTEGER NOT NULL,
    pages INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (document_id, annex_id)
);
