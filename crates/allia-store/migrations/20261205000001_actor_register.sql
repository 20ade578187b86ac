-- The actor register (issue 11, items 3–6; the guide's step 3): the `partner` table IS the
-- register. Every organisation the alliance might work with is one row; a partner is a row
-- whose relation reached « Engagé » (allia-core `partner::is_partner`). Every row written
-- before this migration was a partner: `pipeline_status` defaults to 'engaged', so
-- documents, commitments and alliance files see exactly the partners they saw.
--
-- partner.pipeline_status: allia-core's `ActorPipelineStatus` in snake_case;
-- dismissal_reason only with 'dismissed'. map_category (`MapCategory`, snake_case) NULL
-- while the actor is not described for the map, and then every map column is NULL too;
-- influence, nuisance, interest 1 to 5 or NULL (not assessed). `role` stays NOT NULL: it
-- means something once engaged (promotion asks for it).
ALTER TABLE partner ADD COLUMN pipeline_status TEXT NOT NULL DEFAULT 'engaged'
    CHECK (pipeline_status IN
        ('identified', 'contacted', 'in_discussion', 'retained', 'engaged', 'dismissed'));
ALTER TABLE partner ADD COLUMN dismissal_reason TEXT;
ALTER TABLE partner ADD COLUMN map_category TEXT;
ALTER TABLE partner ADD COLUMN influence INTEGER CHECK (influence BETWEEN 1 AND 5);
ALTER TABLE partner ADD COLUMN nuisance INTEGER CHECK (nuisance BETWEEN 1 AND 5);
ALTER TABLE partner ADD COLUMN interest INTEGER CHECK (interest BETWEEN 1 AND 5);
ALTER TABLE partner ADD COLUMN expectations TEXT;
ALTER TABLE partner ADD COLUMN scope TEXT;
ALTER TABLE partner ADD COLUMN synergies TEXT;

CREATE INDEX partner_by_pipeline ON partner (alliance_id, pipeline_status);

-- A typed, directed link « from <kind> to » (`InteractionKind`, snake_case), with a note.
-- One per (from, to, kind); a symmetric kind's reversed twin is refused by the store
-- (allia-core `InteractionDraft::is_same_link`). Goes with either actor.
CREATE TABLE actor_interaction (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    from_actor_id TEXT NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    to_actor_id TEXT NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (from_actor_id, to_actor_id, kind),
    CHECK (from_actor_id <> to_actor_id)
);

CREATE INDEX actor_interaction_by_alliance ON actor_interaction (alliance_id, created_at);
CREATE INDEX actor_interaction_by_to ON actor_interaction (to_actor_id);

-- One entry of an actor's proximity log: the day of the exchange (YYYY-MM-DD), its kind
-- (`ExchangeKind`, snake_case), notes, and the friction points (a JSON array of strings).
CREATE TABLE actor_exchange (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    notes TEXT,
    friction_points TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX actor_exchange_by_alliance ON actor_exchange (alliance_id);
CREATE INDEX actor_exchange_by_actor ON actor_exchange (actor_id, date);

-- The criteria of an alliance's scoring matrix, in `position` order (from 0, kept dense
-- by allia-store/src/actors/criteria.rs). An alliance without any row gets the five
-- defaults (allia-core `seeded_criteria`, name-based UUIDs, INSERT OR IGNORE) when it is
-- created and when its criteria are first read.
CREATE TABLE scoring_criterion (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    weight INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 100),
    position INTEGER NOT NULL CHECK (position >= 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX scoring_criterion_by_alliance ON scoring_criterion (alliance_id, position);

-- One actor's score on one criterion, 0 to 5. Goes with its actor or its criterion.
CREATE TABLE actor_score (
    id TEXT PRIMARY KEY,
    alliance_id TEXT NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    criterion_id TEXT NOT NULL REFERENCES scoring_criterion (id) ON DELETE CASCADE,
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (actor_id, criterion_id)
);

CREATE INDEX actor_score_by_alliance ON actor_score (alliance_id);
CREATE INDEX actor_score_by_criterion ON actor_score (criterion_id);
