-- Errors whose text names the relation as PostgreSQL's does (found probing common mistakes).
CREATE TABLE em_t (id int PRIMARY KEY, email text);
UPDATE em_t SET nope = 1;
INSERT INTO em_t (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET nope = 2;
ALTER TABLE em_t DROP COLUMN nope;
ALTER TABLE em_t DROP COLUMN IF EXISTS nope;
ALTER TABLE em_t RENAME COLUMN nope TO x;
ALTER TABLE em_nope DROP COLUMN nope;
UPDATE em_t SET email = 'x', nope = 1;
-- substring's length may not be negative (22011; SQLite's substr counts leftward)
SELECT substring('abcdef' from -1 for -1);
SELECT substring('abcdef', 2, -1);
SELECT substr('abcdef', 2, -1);
SELECT substring('abcdef', 2, 0), substring('abcdef', 2, 3), substring('abcdef', -1, 3), substring('abcdef', 0, 2);
SELECT substring('abcdef', 2, NULL::int);
-- a unique expression index's violation names the index (it read "__key")
CREATE TABLE em_u (id int PRIMARY KEY, email text);
CREATE UNIQUE INDEX em_u_email_lower ON em_u (lower(email));
INSERT INTO em_u VALUES (1, 'A@x');
INSERT INTO em_u VALUES (2, 'a@x');
DO $$ BEGIN INSERT INTO em_u VALUES (3, 'a@X'); EXCEPTION WHEN unique_violation THEN RAISE NOTICE 'dup %', SQLERRM; END $$;
-- a Query binds no parameters
SELECT $1;
SELECT $1 + 1 AS x;
PREPARE em_p (int) AS SELECT $1 + 10;
EXECUTE em_p (5);
