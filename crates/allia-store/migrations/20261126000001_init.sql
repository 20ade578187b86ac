-- The association's own profile: a single row.
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    acronym TEXT,
    legal_form TEXT,
    rna TEXT,
    siret TEXT,
    street TEXT,
    postal_code TEXT,
    city TEXT,
    representative_name TEXT,
    representative_role TEXT,
    email TEXT,
    phone TEXT,
    updated_at TEXT NOT NULL
);

CREATE TABLE alliance (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    purpose TEXT,
    territory TEXT,
    start_date TEXT,
    status TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE partner (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    acronym TEXT,
    legal_form TEXT,
    rna TEXT,
    siret TEXT,
    street TEXT,
    postal_code TEXT,
    city TEXT,
    representative_name TEXT,
    representative_role TEXT,
    email TEXT,
    phone TEXT,
    actor_type TEXT NOT NULL,
    role TEXT NOT NULL,
    resources TEXT,
    resource_tags TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX partner_by_alliance ON partner (alliance_id, created_at);
