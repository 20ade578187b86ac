-- « Évaluation continue de l’impact » (guide section 4): the alliance's evaluation frame
-- (AVISE purposes, evaluative questions), its indicators, each measuring one objective
-- (strategic or operational: exactly one of the two columns is set), their dated
-- measurements, and the gap analyses of an objective.
--
-- Enums are allia-core's in snake_case: `level` `IndicatorLevel`, `direction`
-- `IndicatorDirection`, `aggregation` `IndicatorAggregation`, `frequency`
-- `CollectionFrequency`, `data_source` `DataSourceKind`, `method` `AnalysisMethod`,
-- `decision` `GapDecision`. JSON columns: `purposes` a list of `EvaluationPurpose`,
-- `questions`, `positive_factors`, `negative_factors` lists of strings. Dates
-- `YYYY-MM-DD`; figures REAL; `position` of indicators counts from 0 in the alliance.
--
-- An indicator never outlives its objective silently: its objective columns take the
-- default NO ACTION, so deleting an objective that still has indicators fails unless the
-- store first deletes them or moves them to another objective (the person chooses,
-- allia-store's `delete_objective`). Deleting the whole alliance removes everything in
-- the same statement. Measurements go with their indicator, gap analyses with their
-- objective. Additive: no existing table changes.
CREATE TABLE evaluation_frame (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL UNIQUE REFERENCES alliance (id) ON DELETE CASCADE,
    purposes TEXT NOT NULL DEFAULT '[]',
    questions TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE indicator (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    strategic_objective_id TEXT REFERENCES strategic_objective (id),
    operational_objective_id TEXT REFERENCES operational_objective (id),
    name TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('means', 'activities', 'results', 'impacts')),
    unit TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
    aggregation TEXT NOT NULL
        CHECK (aggregation IN ('cumulative', 'per_period', 'rate', 'average')),
    baseline_value REAL NOT NULL,
    baseline_date TEXT NOT NULL,
    target_value REAL NOT NULL,
    target_date TEXT NOT NULL,
    frequency TEXT NOT NULL
        CHECK (frequency IN ('monthly', 'quarterly', 'half_yearly', 'yearly', 'one_off')),
    owner_partner_id TEXT REFERENCES partner (id) ON DELETE SET NULL,
    owner_person TEXT,
    data_source TEXT NOT NULL CHECK (data_source IN (
        'member_systems', 'beneficiary_survey', 'qualitative_interview',
        'direct_observation', 'public_data')),
    source_reference TEXT,
    method TEXT NOT NULL CHECK (method IN ('qualitative', 'quantitative', 'mixed')),
    key_indicator INTEGER NOT NULL DEFAULT 0 CHECK (key_indicator IN (0, 1)),
    position INTEGER NOT NULL CHECK (position >= 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((strategic_objective_id IS NULL) <> (operational_objective_id IS NULL))
);

CREATE INDEX indicator_by_alliance ON indicator (alliance_id, position);
CREATE INDEX indicator_by_strategic ON indicator (strategic_objective_id);
CREATE INDEX indicator_by_operational ON indicator (operational_objective_id);
CREATE INDEX indicator_by_owner ON indicator (owner_partner_id);

CREATE TABLE measurement (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    indicator_id TEXT NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    value REAL NOT NULL,
    numerator REAL,
    denominator REAL,
    comment TEXT,
    source TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX measurement_by_indicator ON measurement (indicator_id, date);
CREATE INDEX measurement_by_alliance ON measurement (alliance_id);

CREATE TABLE gap_analysis (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    strategic_objective_id TEXT REFERENCES strategic_objective (id) ON DELETE CASCADE,
    operational_objective_id TEXT REFERENCES operational_objective (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    positive_factors TEXT NOT NULL DEFAULT '[]',
    negative_factors TEXT NOT NULL DEFAULT '[]',
    decision TEXT NOT NULL CHECK (decision IN ('adjust_action', 'revise_target', 'continue')),
    decision_note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((strategic_objective_id IS NULL) <> (operational_objective_id IS NULL))
);

CREATE INDEX gap_analysis_by_alliance ON gap_analysis (alliance_id);
CREATE INDEX gap_analysis_by_strategic ON gap_analysis (strategic_objective_id);
CREATE INDEX gap_analysis_by_operational ON gap_analysis (operational_objective_id);
