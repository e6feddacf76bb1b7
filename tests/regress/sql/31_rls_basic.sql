-- Row-level security: policies recorded and shown, SELECT/UPDATE/DELETE filtered, INSERT and
-- UPDATE checked. Runs as role regress, which owns the table (run.sh makes the role on
-- PostgreSQL, whose superuser would bypass every policy): an owner is subject only under FORCE.
CREATE TABLE docs (id int PRIMARY KEY, owner text, body text, level int);
ALTER TABLE docs OWNER TO regress;
SET ROLE regress;
SELECT current_user;
INSERT INTO docs VALUES (1, 'regress', 'mine', 1), (2, 'alice', 'hers', 2),
  (3, 'regress', 'secret', 5), (4, 'bob', 'his', 0);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 'docs';
SELECT tablename, rowsecurity FROM pg_tables WHERE tablename = 'docs';
-- enabled, no policy: the owner still sees every row
SELECT id FROM docs ORDER BY id;
ALTER TABLE docs FORCE ROW LEVEL SECURITY;
SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 'docs';
-- forced, no policy: nothing (default deny)
SELECT id FROM docs ORDER BY id;
SELECT count(*) FROM docs;
CREATE POLICY own ON docs USING (owner = current_user);
CREATE POLICY low ON docs AS RESTRICTIVE FOR SELECT USING (level < 5);
CREATE POLICY ins ON docs FOR INSERT WITH CHECK (level > 0);
CREATE POLICY pub ON docs FOR SELECT USING (level = 0);
SELECT id, owner, body FROM docs ORDER BY id;
SELECT d.id, e.id FROM docs d JOIN docs e ON e.id = d.id ORDER BY 1;
SELECT d.id FROM docs d LEFT JOIN docs e ON e.id = d.id + 1 ORDER BY 1;
SELECT count(*) FROM docs WHERE id IN (SELECT id FROM docs WHERE level >= 0);
SELECT (SELECT max(id) FROM docs), (SELECT count(*) FROM docs x WHERE x.level < 10);
WITH w AS (SELECT * FROM docs) SELECT count(*) FROM w;
SELECT * FROM (SELECT id, body FROM docs) s ORDER BY id;
SELECT policyname, permissive, roles, cmd, with_check FROM pg_policies ORDER BY policyname;
SELECT polname, polcmd, polpermissive, polroles FROM pg_policy ORDER BY polname;
SELECT policyname, qual FROM pg_policies WHERE policyname IN ('low', 'pub') ORDER BY 1;
-- DELETE and UPDATE see the rows their policies (and SELECT's) let through
DELETE FROM docs WHERE id > 1;
UPDATE docs SET body = body || '!';
ALTER TABLE docs NO FORCE ROW LEVEL SECURITY;
SELECT id, owner, body, level FROM docs ORDER BY id;
ALTER TABLE docs FORCE ROW LEVEL SECURITY;
-- INSERT: the INSERT policy's WITH CHECK (level > 0); the ALL policy's USING (owner)
INSERT INTO docs VALUES (10, 'regress', 'ok', 1);
INSERT INTO docs VALUES (11, 'regress', 'zero', 0);
INSERT INTO docs VALUES (12, 'alice', 'other', 1);
INSERT INTO docs VALUES (13, NULL, 'null owner', 1);
INSERT INTO docs SELECT 14, 'regress', 'selected', 2;
INSERT INTO docs VALUES (15, 'regress', 'a', 1), (16, 'alice', 'b', 1);
-- UPDATE: the new row must pass the ALL policy's USING (no WITH CHECK)
UPDATE docs SET owner = 'alice' WHERE id = 10;
UPDATE docs SET level = level + 1 WHERE id = 10;
INSERT INTO docs VALUES (10, 'regress', 'dup', 1) ON CONFLICT (id) DO UPDATE SET body = 'upserted';
INSERT INTO docs VALUES (10, 'regress', 'dup', 1) ON CONFLICT (id) DO UPDATE SET owner = 'bob';
SELECT id, owner, body, level FROM docs ORDER BY id;
-- row_security = off: 42501 where a policy applies
SET row_security = off;
SELECT id FROM docs;
INSERT INTO docs VALUES (20, 'regress', 'x', 1);
ALTER TABLE docs NO FORCE ROW LEVEL SECURITY;
SELECT count(*) FROM docs;
RESET row_security;
ALTER TABLE docs FORCE ROW LEVEL SECURITY;
-- errors, as PostgreSQL's policy.c
CREATE POLICY own ON docs USING (true);
CREATE POLICY s ON docs FOR SELECT USING (true) WITH CHECK (true);
CREATE POLICY i ON docs FOR INSERT USING (true);
CREATE POLICY r ON docs TO rls_nosuch_role USING (true);
CREATE POLICY c ON docs USING (nosuch = 1);
CREATE POLICY n ON nosuch USING (true);
DROP POLICY nosuch ON docs;
DROP POLICY IF EXISTS nosuch ON docs;
ALTER POLICY nosuch ON docs USING (true);
ALTER POLICY ins ON docs USING (true);
ALTER POLICY low ON docs WITH CHECK (true);
ALTER POLICY own ON docs RENAME TO low;
-- ALTER and DROP
ALTER POLICY pub ON docs RENAME TO everyone;
ALTER POLICY everyone ON docs USING (level < 3);
SELECT id FROM docs ORDER BY id;
DROP POLICY everyone ON docs;
DROP POLICY IF EXISTS low ON docs;
SELECT id FROM docs ORDER BY id;
SELECT policyname FROM pg_policies ORDER BY 1;
ALTER POLICY own ON docs TO PUBLIC;
ALTER TABLE docs DISABLE ROW LEVEL SECURITY;
SELECT id FROM docs ORDER BY id;
INSERT INTO docs VALUES (30, 'nobody', 'free', -1);
SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 'docs';
-- differs: a table with policies refuses RENAME COLUMN (0A000): a policy keeps its text, not a tree
ALTER TABLE docs RENAME COLUMN body TO content;
-- differs: body was renamed above by PostgreSQL only (RENAME COLUMN is 0A000 here)
ALTER TABLE docs DROP COLUMN body;
DROP TABLE docs;
SELECT count(*) FROM pg_policies;
RESET ROLE;
