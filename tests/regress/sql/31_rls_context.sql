-- Row-level security: policies over current_setting(), subqueries of other tables, TO lists,
-- restrictive policies, recursion, and the statements that read through them (prepared,
-- cursors, functions, CREATE TABLE AS). Runs as role regress, which owns the tables (run.sh).
CREATE TABLE members (org int, who text);
CREATE TABLE items (id int PRIMARY KEY, org int, title text, secret bool DEFAULT false);
CREATE TABLE copied (id int, title text);
ALTER TABLE members OWNER TO regress;
ALTER TABLE items OWNER TO regress;
ALTER TABLE copied OWNER TO regress;
-- a function is called as the caller: the policies apply to what it reads
CREATE FUNCTION visible() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM items';
SET ROLE regress;
INSERT INTO members VALUES (1, 'regress'), (2, 'alice');
INSERT INTO items VALUES (1, 1, 'one', false), (2, 2, 'two', false), (3, 1, 'three', true),
  (4, 3, 'four', false);
ALTER TABLE items ENABLE ROW LEVEL SECURITY;
ALTER TABLE items FORCE ROW LEVEL SECURITY;
-- a tenant id from the session's setting, the multi-tenant application's pattern
CREATE POLICY by_org ON items USING (org = current_setting('app.org', true)::int);
SELECT id, title FROM items ORDER BY id;
SET app.org = '1';
SELECT id, title FROM items ORDER BY id;
SET app.org = '3';
SELECT id, title FROM items ORDER BY id;
-- a subquery of another table; a TO list naming the current user; a restrictive one for all
CREATE POLICY by_member ON items FOR SELECT TO regress
  USING (org IN (SELECT org FROM members WHERE who = current_user));
CREATE POLICY no_secret ON items AS RESTRICTIVE TO PUBLIC USING (NOT secret);
SELECT id, title FROM items ORDER BY id;
RESET app.org;
SELECT id, title FROM items ORDER BY id;
SELECT policyname, roles, cmd FROM pg_policies ORDER BY policyname;
-- a policy for another role does not apply
CREATE POLICY for_owner ON items FOR SELECT TO pg_database_owner USING (org = 2);
SELECT id, title FROM items ORDER BY id;
DROP POLICY for_owner ON items;
-- the table read every way
SELECT i.title, m.who FROM items i JOIN members m USING (org) ORDER BY 1;
SELECT title FROM items WHERE EXISTS (SELECT 1 FROM items j WHERE j.id = items.id + 1);
SELECT (SELECT string_agg(title, ',' ORDER BY id) FROM items);
SET app.org = '1';
-- extended
SELECT count(*) FROM items WHERE id > 0;
PREPARE q(int) AS SELECT title FROM items WHERE id >= $1 ORDER BY id;
EXECUTE q(0);
DEALLOCATE q;
BEGIN;
DECLARE c CURSOR FOR SELECT id FROM items ORDER BY id;
FETCH ALL FROM c;
COMMIT;
INSERT INTO copied SELECT id, title FROM items;
SELECT id, title FROM copied ORDER BY id;
SELECT visible();
RESET app.org;
-- new rows: no INSERT or ALL policy's WITH CHECK passes (by_org's setting is not set)
INSERT INTO items VALUES (5, 1, 'five', false);
SET app.org = '1';
INSERT INTO items VALUES (5, 1, 'five', false);
INSERT INTO items VALUES (6, 1, 'six', true);
INSERT INTO items VALUES (7, 2, 'seven', false);
INSERT INTO items (id, org, title) VALUES (8, 1, 'eight');
UPDATE items SET secret = true WHERE id = 5;
UPDATE items SET title = upper(title);
DELETE FROM items WHERE title = 'ONE';
SELECT id, title FROM items ORDER BY id;
ALTER TABLE items NO FORCE ROW LEVEL SECURITY;
SELECT id, org, title, secret FROM items ORDER BY id;
ALTER TABLE items FORCE ROW LEVEL SECURITY;
-- a policy that reads its own table
CREATE POLICY loop ON members USING (org IN (SELECT org FROM members));
ALTER TABLE members ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
SELECT count(*) FROM members;
SELECT count(*) FROM items;
DROP POLICY loop ON members;
SELECT count(*) FROM members;
SELECT count(*) FROM items;
RESET ROLE;
