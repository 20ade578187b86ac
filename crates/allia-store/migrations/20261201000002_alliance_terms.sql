-- The terms every convention of an alliance shares (issue 9, item 2): duration, tacit
-- renewal, notice, place and date of signature, number of originals, competent court.
-- One JSON object (allia_core::AgreementTerms, camelCase keys, every key optional);
-- alliances stored before this migration get '{}', i.e. no terms set.
-- Additive: existing columns are unchanged.
ALTER TABLE alliance ADD COLUMN terms TEXT NOT NULL DEFAULT '{}';
