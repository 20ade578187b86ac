-- A form's unsaved input, kept so that an auto-lock loses nothing (issue 8, item 6):
-- one draft per alliance, area and form. `alliance_id` is NULL for an area of the whole
-- app; the draft goes with its alliance. `content` is the form's fields as JSON text.
-- Additive: no existing table changes.
CREATE TABLE form_draft (
    alliance_id TEXT REFERENCES alliance (id) ON DELETE CASCADE,
    area TEXT NOT NULL,
    form TEXT NOT NULL,
    content TEXT NOT NULL,
    saved_at TEXT NOT NULL
);

-- One draft per place; NULL alliances compare equal here, unlike in a plain UNIQUE.
CREATE UNIQUE INDEX form_draft_place ON form_draft (COALESCE(alliance_id, ''), area, form);
