-- What a frozen version printed (issue 9, « a signed version never changes »): the exact
-- bytes of its PDF (with the files attached to its annexes, as they were) and of its
-- DOCX, taken when the version was frozen (or at its first export, for a version frozen
-- before this table existed). An export of a frozen version returns these bytes, so an
-- update of the app or a file attached later cannot change what was signed.
--
-- One row per version and format ('pdf' or 'docx'), written once and never replaced.
-- `sha256`: lower-case hex of `bytes`. `app_version`: the Allia version that printed it.
-- `origin`: 'printed' when this vault typeset it, 'received' when it came in an alliance
-- file (`printedPdf`, not authenticated: the screens and `allia render` say so and show
-- its fingerprint for the people to compare with the sender's).
-- The rows go with their version (composite foreign key) and so with their document;
-- a version taken back to « Brouillon » loses them (allia-store/src/version_print.rs).
-- Additive: no existing table changes.
CREATE TABLE document_version_print (
    document_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('pdf', 'docx')),
    bytes BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    app_version TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'printed' CHECK (origin IN ('printed', 'received')),
    created_at TEXT NOT NULL,
    PRIMARY KEY (document_id, number, format),
    FOREIGN KEY (document_id, number) REFERENCES document_version (document_id, number)
        ON DELETE CASCADE
);
