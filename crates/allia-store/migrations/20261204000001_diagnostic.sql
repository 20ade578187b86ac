-- The association's internal diagnostic (issue 11, item 1; the guide's step 1): its needs
-- and expectations of the alliance, and the items of its MOFF / SWOT matrix.
--
-- `diagnostic_needs`: one row per alliance (UNIQUE alliance_id), each text NULL when not
-- written. `swot_item`: `quadrant` is allia-core's `SwotQuadrant` in snake_case,
-- `importance` 1 to 3, `position` counts from 0 within its quadrant with no gaps (kept
-- dense by allia-store/src/diagnostic.rs, in one transaction per change).
-- Both go with their alliance. Additive: no existing table changes.
CREATE TABLE diagnostic_needs (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL UNIQUE REFERENCES alliance (id) ON DELETE CASCADE,
    strategic_priorities TEXT,
    alliance_expectations TEXT,
    participation_mode TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE swot_item (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    quadrant TEXT NOT NULL
        CHECK (quadrant IN ('strengths', 'weaknesses', 'opportunities', 'threats')),
    text TEXT NOT NULL,
    importance INTEGER NOT NULL CHECK (importance BETWEEN 1 AND 3),
    position INTEGER NOT NULL CHECK (position >= 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX swot_item_alliance ON swot_item (alliance_id, quadrant, position);
