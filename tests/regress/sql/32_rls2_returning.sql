-- Row-level security and RETURNING: INSERT/UPDATE ... RETURNING check the written row against
-- the SELECT policies too (42501, not a filter); an UPDATE that reads no column is filtered by
-- its UPDATE policies alone. Runs as role regress, the tables' owner, under FORCE.
CREATE TABLE notes (id serial PRIMARY KEY, owner text, body text, hidden bool DEFAULT false);
ALTER TABLE notes OWNER TO regress;
CREATE TABLE tags (id int PRIMARY KEY, note int, tag text);
ALTER TABLE tags OWNER TO regress;
SET ROLE regress;
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE notes FORCE ROW LEVEL SECURITY;
CREATE POLICY ins ON notes FOR INSERT WITH CHECK (owner IS NOT NULL);
CREATE POLICY sel ON notes FOR SELECT USING (NOT hidden);
CREATE POLICY upd ON notes FOR UPDATE USING (true) WITH CHECK (owner IS NOT NULL);
CREATE POLICY del ON notes FOR DELETE USING (true);
-- as an ORM inserts: RETURNING the key, or the whole row
INSERT INTO notes (owner, body) VALUES ('regress', 'first') RETURNING id;
INSERT INTO notes (owner, body) VALUES ('alice', 'second') RETURNING *;
INSERT INTO notes (owner, body) VALUES ('bob', 'x'), ('carol', 'y') RETURNING id, upper(owner) AS o, body;
INSERT INTO notes AS n (owner, body) VALUES ('dave', 'aliased') RETURNING n.id, n.owner;
INSERT INTO notes (owner, body) SELECT 'erin', 'from select' RETURNING id, body;
-- the new row fails the INSERT policy: 42501 whether or not RETURNING
INSERT INTO notes (id, owner, body) VALUES (7, NULL, 'no owner') RETURNING id;
-- the new row passes INSERT's WITH CHECK but not the SELECT policy: 42501 with RETURNING only
INSERT INTO notes (id, owner, body, hidden) VALUES (7, 'regress', 'hidden', true) RETURNING id;
INSERT INTO notes (id, owner, body, hidden) VALUES (7, 'regress', 'ok', false), (8, 'regress', 'bad', true) RETURNING id;
INSERT INTO notes (id, owner, body, hidden) VALUES (100, 'regress', 'hidden, not returned', true);
-- nothing of the failed statements was written
SELECT id, owner, body FROM notes ORDER BY id;
-- ON CONFLICT DO UPDATE ... RETURNING
INSERT INTO notes (id, owner, body) VALUES (1, 'regress', 'again') ON CONFLICT (id) DO UPDATE SET body = 'upserted' RETURNING id, body;
-- a prepared INSERT ... RETURNING
PREPARE ins_note(int, text, text, bool) AS INSERT INTO notes (id, owner, body, hidden) VALUES ($1, $2, $3, $4) RETURNING id, body;
EXECUTE ins_note(7, 'regress', 'prepared', false);
EXECUTE ins_note(8, 'regress', 'prepared hidden', true);
DEALLOCATE ins_note;
-- UPDATE ... RETURNING: the new row must pass the SELECT policy too
UPDATE notes SET body = body || '!' WHERE id = 2 RETURNING id, body;
UPDATE notes SET hidden = true WHERE id = 2 RETURNING id;
-- an UPDATE that reads a column (WHERE) checks the new row against the SELECT policy too
UPDATE notes SET hidden = true WHERE id = 3;
-- an UPDATE that reads no column: its UPDATE policies alone, the hidden row 100 too
UPDATE notes SET body = 'all';
UPDATE notes SET owner = NULL;
SELECT id, body FROM notes ORDER BY id;
-- DELETE ... RETURNING sees the rows the SELECT policy shows
DELETE FROM notes WHERE id = 3 RETURNING id, body;
WITH d AS (DELETE FROM notes RETURNING id) SELECT id FROM d ORDER BY id;
ALTER TABLE notes NO FORCE ROW LEVEL SECURITY;
SELECT id, body, hidden FROM notes ORDER BY id;
ALTER TABLE notes FORCE ROW LEVEL SECURITY;
-- a data-modifying WITH query's RETURNING
WITH i AS (INSERT INTO notes (id, owner, body) VALUES (50, 'regress', 'cte') RETURNING id, body) SELECT * FROM i;
WITH i AS (INSERT INTO notes (id, owner, body, hidden) VALUES (51, 'regress', 'cte hidden', true) RETURNING id) SELECT * FROM i;
WITH u AS (UPDATE notes SET hidden = true WHERE id = 50 RETURNING id) SELECT count(*) FROM u;
WITH u AS (UPDATE notes SET hidden = true WHERE id = 50) SELECT 1;
WITH u AS (UPDATE notes SET body = 'cte!' WHERE id = 50) SELECT 1;
SELECT id, body, hidden FROM notes WHERE id >= 50 ORDER BY id;
-- differs: two writes checked against the SELECT policies in one statement are refused (0A000)
WITH a AS (INSERT INTO notes (id, owner, body) VALUES (52, 'regress', 'a') RETURNING id), b AS (INSERT INTO notes (id, owner, body) VALUES (53, 'regress', 'b') RETURNING id) SELECT (SELECT id FROM a), (SELECT id FROM b);
-- RETURNING with a policy that reads another table
ALTER TABLE tags ENABLE ROW LEVEL SECURITY;
INSERT INTO tags VALUES (1, 1, 'red');
DROP POLICY sel ON notes;
CREATE POLICY sel ON notes FOR SELECT USING (EXISTS (SELECT 1 FROM tags WHERE tags.note = notes.id));
INSERT INTO notes (id, owner, body) VALUES (1, 'regress', 'tagged') RETURNING id, body;
INSERT INTO notes (id, owner, body) VALUES (2, 'regress', 'untagged') RETURNING id, body;
INSERT INTO notes (id, owner, body) VALUES (2, 'regress', 'untagged, not returned');
SELECT id, body FROM notes ORDER BY id;
-- a restrictive SELECT policy
DROP POLICY sel ON notes;
CREATE POLICY sel ON notes FOR SELECT USING (true);
CREATE POLICY short ON notes AS RESTRICTIVE FOR SELECT USING (length(body) < 10);
INSERT INTO notes (id, owner, body) VALUES (3, 'regress', 'short') RETURNING id;
INSERT INTO notes (id, owner, body) VALUES (4, 'regress', 'much too long') RETURNING id;
-- row_security = off: 42501 as before
SET row_security = off;
INSERT INTO notes (id, owner, body) VALUES (5, 'regress', 'off') RETURNING id;
RESET row_security;
DROP TABLE notes;
DROP TABLE tags;
RESET ROLE;
