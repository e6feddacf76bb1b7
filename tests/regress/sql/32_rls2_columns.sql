-- Row-level security and a table's columns: DROP COLUMN / ALTER COLUMN TYPE of a column no
-- policy reads run as for any table (the policies keep checking new rows); of a column a
-- policy reads, PostgreSQL's dependency error (2BP01) and ALTER TYPE refusal (0A000).
CREATE TABLE acct (id int PRIMARY KEY, owner text, note text, amount int, closed bool DEFAULT false);
ALTER TABLE acct OWNER TO regress;
SET ROLE regress;
ALTER TABLE acct ENABLE ROW LEVEL SECURITY;
ALTER TABLE acct FORCE ROW LEVEL SECURITY;
CREATE POLICY own ON acct USING (owner = current_user) WITH CHECK (owner IS NOT NULL);
CREATE POLICY open ON acct AS RESTRICTIVE FOR SELECT USING (NOT acct.closed);
INSERT INTO acct VALUES (1, 'regress', 'a', 10), (2, 'regress', 'b', 20, true);
SELECT id, amount FROM acct ORDER BY id;
-- columns the policies read: refused as PostgreSQL refuses
ALTER TABLE acct DROP COLUMN owner;
ALTER TABLE acct DROP COLUMN closed;
ALTER TABLE acct ALTER COLUMN owner TYPE varchar(20);
-- columns no policy reads
ALTER TABLE acct DROP COLUMN note;
ALTER TABLE acct ALTER COLUMN amount TYPE bigint;
SELECT id, owner, amount FROM acct ORDER BY id;
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'acct' ORDER BY ordinal_position;
-- the policies still apply, to reads and to new rows
INSERT INTO acct VALUES (3, 'regress', 30);
INSERT INTO acct VALUES (4, NULL, 40);
INSERT INTO acct (id, owner, amount) VALUES (5, 'regress', 5000000000) RETURNING id, amount;
UPDATE acct SET owner = NULL WHERE id = 1;
SELECT id, amount FROM acct ORDER BY id;
SELECT policyname, with_check FROM pg_policies WHERE tablename = 'acct' ORDER BY 1;
-- once a policy is gone, its column can go
DROP POLICY open ON acct;
ALTER TABLE acct DROP COLUMN closed;
SELECT id, owner, amount FROM acct ORDER BY id;
DROP TABLE acct;
RESET ROLE;
