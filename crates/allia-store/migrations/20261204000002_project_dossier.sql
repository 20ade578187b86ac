-- The dossier de présentation of an alliance's project (issue 11, item 2: « Formaliser
-- le projet »). `project_dossier`: one row per alliance, its texts (the validated
-- `DossierTexts`) as JSON text. `dossier_figure`: the key figures, each the validated
-- `FigureDraft` as JSON text (the value a canonical decimal string, never a float),
-- ordered by `position` from 0. Both go with their alliance. Additive: no existing
-- table changes.
CREATE TABLE project_dossier (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL UNIQUE REFERENCES alliance (id) ON DELETE CASCADE,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE dossier_figure (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX dossier_figure_alliance ON dossier_figure (alliance_id, position);
