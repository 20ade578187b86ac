-- Contract documents of an alliance and their versions.
CREATE TABLE document (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX document_by_alliance ON document (alliance_id, created_at);

-- settings: DocumentSettings (JSON). snapshot: the AllianceFile (JSON) a version was
-- frozen with, so a frozen version renders identically later.
CREATE TABLE document_version (
    document_id TEXT NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    status TEXT NOT NULL,
    settings TEXT NOT NULL,
    snapshot TEXT,
    signatures TEXT NOT NULL DEFAULT '[]',
    frozen_at TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (document_id, number)
);
