-- System columns of the tenant's tables (docs/sql-compat.md): ctid is the row's rowid as
-- '(0,rowid)', tableoid the relation's OID, xmax 0 for a live row and, in the RETURNING of
-- INSERT ... ON CONFLICT DO UPDATE, non-zero for the rows it updated; xmin, cmin and cmax are 0A000.
CREATE TABLE sc_t (k int, v text);
INSERT INTO sc_t VALUES (1, 'a'), (2, 'b'), (3, 'c');
SELECT ctid, k FROM sc_t ORDER BY k;
SELECT t.ctid, t.v FROM sc_t t WHERE t.ctid = '(0,2)';
SELECT v FROM sc_t WHERE ctid = '(0,3)';
SELECT v FROM sc_t WHERE '(0,1)' = ctid;
SELECT count(*) FROM sc_t WHERE ctid <> '(0,1)';
SELECT count(*) FROM sc_t WHERE ctid <= '(0,2)';
SELECT count(*) FROM sc_t WHERE ctid < '(1,1)';
SELECT count(*) FROM sc_t WHERE ctid > '(5,1)';
SELECT count(*) FROM sc_t WHERE ctid = '(1,2)';
SELECT count(*) FROM sc_t a JOIN sc_t b ON a.ctid = b.ctid;
SELECT k FROM sc_t WHERE ctid = 'x';
SELECT k FROM sc_t WHERE ctid IN (SELECT ctid FROM sc_t WHERE k > 1) ORDER BY k;
-- how GUIs edit a table without a primary key
UPDATE sc_t SET v = 'B' WHERE ctid = '(0,2)';
SELECT k, v FROM sc_t ORDER BY k;
-- differs: a row's ctid stays its rowid across UPDATE (PostgreSQL's moves to the new row version)
SELECT ctid FROM sc_t WHERE k = 2;
DELETE FROM sc_t WHERE ctid = '(0,3)' RETURNING k, v;
SELECT k, v FROM sc_t ORDER BY k;
CREATE TABLE sc_r (a int);
INSERT INTO sc_r VALUES (10), (20) RETURNING ctid, a;
INSERT INTO sc_r AS r VALUES (30) RETURNING r.ctid, r.a;
UPDATE sc_r SET a = a + 1 WHERE ctid = '(0,1)' RETURNING a;
SELECT r.ctid FROM sc_r r LEFT JOIN sc_t t ON false WHERE r.a = 20;
SELECT r.a, t.ctid FROM sc_r r LEFT JOIN sc_t t ON false WHERE r.a = 20;
-- ordered as tids (block, offset), not as their text
CREATE TABLE sc_o (a int);
INSERT INTO sc_o SELECT g FROM generate_series(1, 12) g;
SELECT ctid, a FROM sc_o ORDER BY ctid DESC LIMIT 4;
SELECT a FROM sc_o WHERE ctid BETWEEN '(0,2)' AND '(0,10)' ORDER BY ctid;
SELECT max(ctid), min(ctid) FROM sc_o WHERE a > 1;
SELECT a FROM sc_o ORDER BY ctid DESC LIMIT 3;
SELECT a FROM sc_o o ORDER BY o.ctid LIMIT 2 OFFSET 9;
SELECT 13 - a AS ctid FROM sc_o ORDER BY ctid LIMIT 2;
DROP TABLE sc_o;
-- relations without system columns, ambiguity
SELECT ctid FROM (SELECT k FROM sc_t) s;
SELECT s.ctid FROM (SELECT k FROM sc_t) s;
WITH w AS (SELECT k FROM sc_t) SELECT ctid FROM w;
SELECT ctid FROM sc_t, sc_r;
SELECT count(*) FROM sc_t WHERE k IN (SELECT a FROM sc_r WHERE ctid = '(0,1)');
-- tableoid
SELECT tableoid::regclass, k FROM sc_t ORDER BY k;
SELECT DISTINCT tableoid = 'sc_t'::regclass FROM sc_t;
SELECT t.tableoid = r.tableoid FROM sc_t t, sc_r r LIMIT 1;
SELECT r.tableoid::regclass, t.tableoid FROM sc_r r LEFT JOIN sc_t t ON false WHERE r.a = 20;
-- xmax: 0 for a live row
SELECT k, xmax = 0 AS live FROM sc_t ORDER BY k;
UPDATE sc_t SET v = 'b' WHERE k = 2 RETURNING xmax = 0;
INSERT INTO sc_t VALUES (9, 'z') RETURNING xmax = 0;
-- the upsert idiom: was the row inserted or updated?
CREATE TABLE sc_u (k int PRIMARY KEY, n int);
INSERT INTO sc_u VALUES (1, 1), (2, 1);
INSERT INTO sc_u VALUES (1, 10), (3, 10), (2, 10), (4, 10) ON CONFLICT (k) DO UPDATE SET n = sc_u.n + excluded.n RETURNING k, n, (xmax = 0) AS inserted;
INSERT INTO sc_u VALUES (5, 0) ON CONFLICT (k) DO UPDATE SET n = 0 RETURNING (xmax = 0) AS inserted;
INSERT INTO sc_u VALUES (5, 0) ON CONFLICT (k) DO UPDATE SET n = 0 RETURNING (xmax = 0) AS inserted;
INSERT INTO sc_u AS u VALUES (5, 1), (6, 1) ON CONFLICT (k) DO UPDATE SET n = 9 WHERE u.n = 0 RETURNING k, n, u.xmax <> 0 AS updated;
INSERT INTO sc_u AS u VALUES (5, 1) ON CONFLICT (k) DO UPDATE SET n = 9 WHERE u.n = 0 RETURNING k, u.xmax <> 0 AS updated;
INSERT INTO sc_u VALUES (7, 1), (1, 1) ON CONFLICT (k) DO NOTHING RETURNING k, xmax = 0;
INSERT INTO sc_u SELECT * FROM (VALUES (8, 1), (7, 2), (9, 3)) v ON CONFLICT (k) DO UPDATE SET n = excluded.n RETURNING k, n, xmax = 0 AS inserted;
INSERT INTO sc_u VALUES (10, 1), (1, 1) ON CONFLICT (k) DO UPDATE SET n = excluded.n RETURNING k, CASE WHEN xmax = 0 THEN 'inserted' ELSE 'updated' END;
-- differs: xmax of a live row is 0 (PostgreSQL leaves the id of the transaction whose ON CONFLICT DO UPDATE, FOR UPDATE or foreign key check locked the row)
SELECT k, n, xmax = 0 FROM sc_u ORDER BY k;
CREATE TABLE sc_s (id serial PRIMARY KEY, name text UNIQUE);
INSERT INTO sc_s (name) VALUES ('a') ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id, xmax = 0 AS inserted;
INSERT INTO sc_s (name) VALUES ('a') ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id, xmax = 0 AS inserted;
INSERT INTO sc_s (name) VALUES ('b'), ('a') ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id, name, xmax = 0 AS inserted;
-- differs: currval after an upsert whose last row was updated is the last id an insert took (PostgreSQL: the one the updated row's DEFAULT took)
SELECT currval('sc_s_id_seq');
INSERT INTO sc_s (name) VALUES ('c') RETURNING id;
SELECT currval('sc_s_id_seq');
-- differs: xmax in DELETE ... RETURNING is 0A000 (PostgreSQL returns the deleting transaction's id)
DELETE FROM sc_u WHERE k = 10 RETURNING xmax <> 0;
-- differs: xmin is 0A000: SQLite rows carry no transaction ids (a fake one would break optimistic locking)
SELECT xmin FROM sc_t;
-- differs: cmin is 0A000: SQLite rows carry no command ids
SELECT cmin FROM sc_t;
-- differs: cmax is 0A000: SQLite rows carry no command ids
SELECT k FROM sc_t WHERE cmax = 0;
-- a user column may not take a system column's name; a view's may
CREATE TABLE sc_bad (ctid int);
CREATE TABLE sc_bad (a int, xmin int);
ALTER TABLE sc_t ADD COLUMN tableoid int;
CREATE TABLE sc_bad AS SELECT 1 AS cmin;
CREATE TABLE sc_bad (ctid) AS SELECT k FROM sc_t;
CREATE MATERIALIZED VIEW sc_bad AS SELECT k AS xmax FROM sc_t;
CREATE TABLE sc_ok (x) AS SELECT k AS xmin FROM sc_t;
DROP TABLE sc_ok;
CREATE VIEW sc_v AS SELECT k, k AS xmin FROM sc_t;
SELECT k, xmin FROM sc_v ORDER BY k;
-- differs: a view's ctid is NULL (PostgreSQL: 42703, a view has no system columns)
SELECT ctid FROM sc_v;
DROP VIEW sc_v;
DROP TABLE sc_t, sc_r, sc_u, sc_s;
SELECT tt.tableoid, tt.ctid FROM (SELECT 1 AS tableoid, 'x' AS ctid) AS tt;
