-- Identities beyond the French registers (issue 9, item 4) and the bank details a
-- convention prints, for the profile and for every partner. Additive: existing rows
-- get NULL, which reads as « France, none recorded ».
-- country: the French name of a country other than France (France is NULL).
-- designation, foreign_registration, local_register, bank: JSON objects
-- (allia_core::{Designation, ForeignRegistration, LocalRegister, BankDetails}).
ALTER TABLE profile ADD COLUMN designation TEXT;
ALTER TABLE profile ADD COLUMN country TEXT;
ALTER TABLE profile ADD COLUMN foreign_registration TEXT;
ALTER TABLE profile ADD COLUMN local_register TEXT;
ALTER TABLE profile ADD COLUMN bank TEXT;

ALTER TABLE partner ADD COLUMN designation TEXT;
ALTER TABLE partner ADD COLUMN country TEXT;
ALTER TABLE partner ADD COLUMN foreign_registration TEXT;
ALTER TABLE partner ADD COLUMN local_register TEXT;
ALTER TABLE partner ADD COLUMN bank TEXT;
