-- The model advisor's answers (issue 11, item 7; guide section 2 « Choisir le bon modèle
-- de partenariat »): one record per alliance, with its own id and dates. `data` is the
-- validated `AdvisorAnswers` as JSON text (every answer optional, amounts in cents).
-- The recommendation is computed from the answers, never stored. Additive: no existing
-- table changes.
CREATE TABLE model_advisor (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL UNIQUE REFERENCES alliance (id) ON DELETE CASCADE,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
