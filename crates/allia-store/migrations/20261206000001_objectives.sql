-- « Formaliser et mesurer l’action » (guide section 4), the objectives: the alliance's
-- frame (shared vision, horizon year, the criteria its strategic objectives are
-- prioritised on), its strategic objectives with their expected impacts and priority
-- scores, the strategic gaps between partners, and the operational objectives with the
-- partners they concern.
--
-- JSON columns hold allia-core's types as serde writes them: `priority_criteria` a list
-- of `Criterion`, `expected_impacts` a list of strings, `priority_scores` an object
-- criterion id → 0..5. `dimension` is allia-core's `CooperationDimension` in snake_case.
-- Dates are `YYYY-MM-DD`. `position` counts from 0 with no gaps: strategic objectives in
-- the alliance, operational objectives under their strategic objective.
-- Everything goes with its alliance; operational objectives and gaps with their strategic
-- objective; a gap with its partner; an objective's link to a partner with either; the
-- responsible partner, when deleted, leaves the objective without one. Additive: no
-- existing table changes.
CREATE TABLE objectives_frame (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL UNIQUE REFERENCES alliance (id) ON DELETE CASCADE,
    vision TEXT,
    horizon_year INTEGER,
    priority_criteria TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE strategic_objective (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT,
    expected_impacts TEXT NOT NULL DEFAULT '[]',
    priority_scores TEXT NOT NULL DEFAULT '{}',
    position INTEGER NOT NULL CHECK (position >= 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX strategic_objective_by_alliance ON strategic_objective (alliance_id, position);

CREATE TABLE strategic_gap (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    strategic_objective_id TEXT NOT NULL REFERENCES strategic_objective (id) ON DELETE CASCADE,
    partner_id TEXT NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX strategic_gap_by_alliance ON strategic_gap (alliance_id);
CREATE INDEX strategic_gap_by_objective ON strategic_gap (strategic_objective_id);
CREATE INDEX strategic_gap_by_partner ON strategic_gap (partner_id);

CREATE TABLE operational_objective (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    strategic_objective_id TEXT NOT NULL REFERENCES strategic_objective (id) ON DELETE CASCADE,
    wording TEXT NOT NULL,
    dimension TEXT NOT NULL
        CHECK (dimension IN ('pooling', 'joint_activity', 'funding', 'communication', 'other')),
    custom_dimension TEXT,
    baseline_value REAL,
    target_value REAL,
    unit TEXT,
    scope TEXT,
    owner_partner_id TEXT REFERENCES partner (id) ON DELETE SET NULL,
    owner_person TEXT,
    start_date TEXT,
    due_date TEXT,
    position INTEGER NOT NULL CHECK (position >= 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX operational_objective_by_alliance ON operational_objective (alliance_id);
CREATE INDEX operational_objective_by_strategic
    ON operational_objective (strategic_objective_id, position);
CREATE INDEX operational_objective_by_owner ON operational_objective (owner_partner_id);

-- The partners an operational objective concerns, in the order chosen.
CREATE TABLE operational_objective_partner (
    operational_objective_id TEXT NOT NULL
        REFERENCES operational_objective (id) ON DELETE CASCADE,
    partner_id TEXT NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (operational_objective_id, partner_id)
);

CREATE INDEX operational_objective_partner_by_partner ON operational_objective_partner (partner_id);
