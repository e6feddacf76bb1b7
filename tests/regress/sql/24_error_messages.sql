-- Errors whose text names the relation as PostgreSQL's does (found probing common mistakes).
CREATE TABLE em_t (id int PRIMARY KEY, email text);
UPDATE em_t SET nope = 1;
INSERT INTO em_t (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET nope = 2;
ALTER TABLE em_t DROP COLUMN nope;
ALTER TABLE em_t DROP COLUMN IF EXISTS nope;
ALTER TABLE em_t RENAME COLUMN nope TO x;
ALTER TABLE em_nope DROP COLUMN nope;
UPDATE em_t SET email = 'x', nope = 1;
