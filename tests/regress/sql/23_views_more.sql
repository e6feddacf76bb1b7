-- Views keep the columns * stood for when they were made (PostgreSQL expands * at CREATE VIEW);
-- ALTER COLUMN TYPE / DROP COLUMN of a column a view reads; ON CONFLICT ON CONSTRAINT of a
-- constraint without an index; INSERT ... SELECT * into a table whose integer key is the rowid;
-- subqueries in RETURNING that read the table being written.
CREATE TABLE vm_t (id int PRIMARY KEY, a int, price numeric(10,2));
INSERT INTO vm_t VALUES (1, 10, 2.50), (2, 20, 3.00);
CREATE TABLE vm_u (id int PRIMARY KEY, note text);
INSERT INTO vm_u VALUES (1, 'one');
CREATE VIEW vm_star AS SELECT * FROM vm_t;
CREATE VIEW vm_qstar AS SELECT t.*, 1 AS one FROM vm_t t;
CREATE VIEW vm_sub AS SELECT * FROM (SELECT * FROM vm_t WHERE a > 0) s;
CREATE VIEW vm_union AS SELECT * FROM vm_t UNION ALL SELECT * FROM vm_t WHERE id > 1;
CREATE VIEW vm_join AS SELECT t.*, u.note FROM vm_t t JOIN vm_u u ON u.id = t.id;
CREATE VIEW vm_dup AS SELECT * FROM vm_t t JOIN vm_u u ON u.id = t.id;
CREATE VIEW vm_dup AS SELECT 1 AS x, 2 AS x;
CREATE VIEW vm_cte AS WITH w AS (SELECT * FROM vm_t) SELECT * FROM w;
CREATE VIEW vm_twice AS SELECT u.*, t.a, t.price FROM vm_u u, vm_t t WHERE u.id = t.id;
CREATE MATERIALIZED VIEW vm_mv AS SELECT * FROM vm_t;
ALTER TABLE vm_t ADD COLUMN extra int DEFAULT 7;
ALTER TABLE vm_u ADD COLUMN more text;
SELECT * FROM vm_star ORDER BY id;
SELECT * FROM vm_qstar ORDER BY id;
SELECT * FROM vm_sub ORDER BY id;
SELECT * FROM vm_union ORDER BY id;
SELECT * FROM vm_join ORDER BY 1;
SELECT * FROM vm_cte ORDER BY id;
SELECT * FROM vm_twice ORDER BY 1;
REFRESH MATERIALIZED VIEW vm_mv;
SELECT * FROM vm_mv ORDER BY id;
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname IN ('vm_star', 'vm_join', 'vm_mv') AND a.attnum > 0 ORDER BY c.relname, a.attnum;
SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ('vm_qstar', 'vm_sub') ORDER BY table_name, ordinal_position;
SELECT regexp_replace(pg_get_viewdef('vm_star'::regclass), '\s+', ' ', 'g');
SELECT regexp_replace(pg_get_viewdef('vm_qstar'::regclass), '\s+', ' ', 'g');
SELECT regexp_replace(view_definition, '\s+', ' ', 'g') FROM information_schema.views WHERE table_name = 'vm_star';
-- a renamed column keeps the view's column name
ALTER TABLE vm_t RENAME COLUMN a TO a_renamed;
SELECT * FROM vm_star ORDER BY id;
SELECT regexp_replace(pg_get_viewdef('vm_star'::regclass), '\s+', ' ', 'g');
ALTER TABLE vm_t RENAME COLUMN a_renamed TO a;
-- a view made after the column came sees it
CREATE VIEW vm_later AS SELECT * FROM vm_t;
SELECT * FROM vm_later ORDER BY id;
-- ALTER COLUMN TYPE of a column a view reads: 0A000; of one no view reads: runs
CREATE TABLE vm_ty (id int PRIMARY KEY, a int, b int, c int, d int);
CREATE VIEW vm_ty_v AS SELECT id, a + 1 AS a1 FROM vm_ty;
CREATE VIEW vm_ty_w AS SELECT id FROM vm_ty WHERE b > 0;
CREATE VIEW vm_ty_s AS SELECT id, (SELECT max(c) FROM vm_ty) AS mc FROM vm_ty;
CREATE VIEW vm_ty_over AS SELECT * FROM vm_ty_v;
ALTER TABLE vm_ty ALTER COLUMN a TYPE bigint;
ALTER TABLE vm_ty ALTER COLUMN b TYPE bigint;
ALTER TABLE vm_ty ALTER COLUMN c TYPE bigint;
ALTER TABLE vm_ty ALTER COLUMN a TYPE integer;
ALTER TABLE vm_ty ALTER COLUMN d TYPE bigint;
ALTER TABLE vm_ty ALTER COLUMN id TYPE bigint;
ALTER TABLE vm_t ALTER COLUMN extra TYPE bigint;
BEGIN;
ALTER TABLE vm_ty ALTER COLUMN a TYPE text;
ROLLBACK;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'vm_ty'::regclass AND attname = 'd';
-- DROP COLUMN of a column a view reads: 2BP01 (also through *, and in a subquery)
ALTER TABLE vm_ty DROP COLUMN a;
ALTER TABLE vm_ty DROP COLUMN c;
ALTER TABLE vm_t DROP COLUMN extra;
ALTER TABLE vm_ty DROP COLUMN d;
SELECT * FROM vm_ty_over;
-- ON CONFLICT ON CONSTRAINT of a foreign key or a CHECK: 42809; of none: 42704
CREATE TABLE vm_oc (id int PRIMARY KEY, t_id int CONSTRAINT vm_oc_fk REFERENCES vm_t, n int CONSTRAINT vm_oc_ck CHECK (n > 0), CONSTRAINT vm_oc_n UNIQUE (n));
INSERT INTO vm_oc VALUES (1, 1, 1) ON CONFLICT ON CONSTRAINT vm_oc_fk DO NOTHING;
INSERT INTO vm_oc VALUES (1, 1, 1) ON CONFLICT ON CONSTRAINT vm_oc_ck DO NOTHING;
INSERT INTO vm_oc VALUES (1, 1, 1) ON CONFLICT ON CONSTRAINT vm_oc_nope DO NOTHING;
INSERT INTO vm_oc VALUES (1, 1, 1) ON CONFLICT ON CONSTRAINT vm_oc_n DO NOTHING RETURNING id;
-- INSERT ... SELECT * without a column list into a table whose integer key is the rowid
CREATE TABLE vm_k (id int PRIMARY KEY, v text);
CREATE TABLE vm_src (a int, b text);
INSERT INTO vm_src VALUES (NULL, 'x');
INSERT INTO vm_k SELECT * FROM vm_src;
INSERT INTO vm_k SELECT * FROM vm_src UNION ALL SELECT 5, 'y';
INSERT INTO vm_k SELECT s.* FROM vm_src s;
CREATE TABLE vm_narrow (a int);
INSERT INTO vm_narrow VALUES (NULL);
INSERT INTO vm_k SELECT * FROM vm_narrow;
INSERT INTO vm_narrow VALUES (8);
INSERT INTO vm_k SELECT * FROM vm_narrow WHERE a IS NOT NULL RETURNING *;
INSERT INTO vm_src VALUES (3, 'z');
INSERT INTO vm_k SELECT * FROM vm_src WHERE a IS NOT NULL RETURNING *;
INSERT INTO vm_k SELECT * FROM vm_src WHERE a IS NOT NULL ON CONFLICT (id) DO UPDATE SET v = 'again' RETURNING *;
SELECT * FROM vm_k ORDER BY id;
-- RETURNING with a subquery that reads the table being written: 0A000 (PostgreSQL's sees the
-- rows before the statement); one that reads another table runs
CREATE TABLE vm_r (id int PRIMARY KEY, v int);
INSERT INTO vm_r VALUES (1, 10);
INSERT INTO vm_r VALUES (2, 20);
BEGIN;
-- differs: refused (0A000): a subquery in RETURNING that reads the table being modified
INSERT INTO vm_r VALUES (4, 40) RETURNING id, (SELECT count(*) FROM vm_r) AS n;
ROLLBACK;
BEGIN;
-- differs: refused (0A000): a subquery in RETURNING that reads the table being modified
UPDATE vm_r SET v = v + 1 RETURNING id, (SELECT sum(v) FROM vm_r) AS s;
ROLLBACK;
BEGIN;
-- differs: refused (0A000): a subquery in RETURNING that reads the table being modified
DELETE FROM vm_r WHERE id = 1 RETURNING (SELECT count(*) FROM vm_r);
ROLLBACK;
INSERT INTO vm_r VALUES (3, 1) RETURNING id, (SELECT note FROM vm_u WHERE vm_u.id = vm_r.v) AS note;
UPDATE vm_r SET v = 2 WHERE id = 3 RETURNING id, EXISTS (SELECT 1 FROM vm_u WHERE vm_u.id = 2) AS found;
SELECT * FROM vm_r ORDER BY id;
-- numeric expression columns of a view show the display scale PostgreSQL's values carry
CREATE TABLE vm_n (id int PRIMARY KEY, price numeric(10,2), qty int);
INSERT INTO vm_n VALUES (1, 2.50, 3), (2, 10.00, 1);
CREATE VIEW vm_nv AS SELECT id, price * 2 AS p2, -price AS neg, abs(price) AS ab, price * qty AS total, price::numeric(6,1) AS p61, round(price, 1) AS r1, sum(price) OVER () AS su, avg(price) OVER () AS av FROM vm_n;
SELECT * FROM vm_nv ORDER BY id;
SELECT p2, total FROM vm_nv WHERE id = 1;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vm_nv'::regclass AND a.attnum > 0 ORDER BY a.attnum;
CREATE VIEW vm_nsub AS SELECT * FROM (SELECT id, price * 3 AS x FROM vm_n) s;
SELECT * FROM vm_nsub ORDER BY id;
CREATE VIEW vm_nover AS SELECT id, p2 FROM vm_nv;
SELECT * FROM vm_nover ORDER BY id;
-- the type of an integer key stored as the rowid, of a table other tables reference, changes
-- inside a transaction block too (in place: the sidecar row takes the new type)
CREATE TABLE vm_p (id int PRIMARY KEY, v text);
CREATE TABLE vm_c (id int PRIMARY KEY, p_id int REFERENCES vm_p);
INSERT INTO vm_p VALUES (1, 'a'), (40000, 'b');
INSERT INTO vm_c VALUES (1, 1);
BEGIN;
ALTER TABLE vm_p ALTER COLUMN id TYPE bigint;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'vm_p'::regclass AND attname = 'id';
INSERT INTO vm_p VALUES (3000000000, 'big');
SELECT * FROM vm_p ORDER BY id;
INSERT INTO vm_c VALUES (2, 3000000000);
ROLLBACK;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'vm_p'::regclass AND attname = 'id';
BEGIN;
ALTER TABLE vm_p ALTER COLUMN id TYPE smallint;
ROLLBACK;
BEGIN;
DELETE FROM vm_p WHERE id = 40000;
ALTER TABLE vm_p ALTER COLUMN id TYPE smallint;
INSERT INTO vm_p VALUES (40000, 'x');
SELECT pg_typeof(id), id FROM vm_p;
COMMIT;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'vm_p'::regclass AND attname = 'id';
BEGIN;
-- differs: refused (0A000): a change that takes a rebuild of a table other tables reference, inside a transaction block
ALTER TABLE vm_p ALTER COLUMN id TYPE numeric;
ROLLBACK;
BEGIN;
-- differs: refused (0A000): a DEFAULT on a key stored as the rowid takes a rebuild, of a table other tables reference, inside a transaction block
ALTER TABLE vm_p ALTER COLUMN id SET DEFAULT 5;
ROLLBACK;
ALTER TABLE vm_p ALTER COLUMN id TYPE integer;
SELECT * FROM vm_p ORDER BY id;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'vm_p'::regclass AND attname = 'id';
-- ALTER COLUMN TYPE to a narrower integer type checks each converted value's range (22003)
CREATE TABLE vm_q (id int PRIMARY KEY, n int, b bigint, t text);
INSERT INTO vm_q VALUES (40000, 40000, 3000000000, '70000'), (1, 1, 1, '1');
ALTER TABLE vm_q ALTER COLUMN n TYPE smallint;
ALTER TABLE vm_q ALTER COLUMN id TYPE smallint;
ALTER TABLE vm_q ALTER COLUMN b TYPE integer;
ALTER TABLE vm_q ALTER COLUMN t TYPE smallint USING t::int;
ALTER TABLE vm_q ALTER COLUMN n TYPE smallint USING n / 2;
ALTER TABLE vm_q ALTER COLUMN b TYPE integer USING b / 1000;
DELETE FROM vm_q WHERE id = 40000;
ALTER TABLE vm_q ALTER COLUMN n TYPE smallint, ALTER COLUMN b TYPE int;
SELECT * FROM vm_q;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'vm_q'::regclass AND attnum > 0 ORDER BY attnum;
-- DROP COLUMN ... CASCADE drops the views that read the column and the views over those
CREATE TABLE vm_dc (id int PRIMARY KEY, a int, b int);
INSERT INTO vm_dc VALUES (1, 2, 3);
CREATE VIEW vm_dc_a AS SELECT id, a FROM vm_dc;
CREATE VIEW vm_dc_over AS SELECT * FROM vm_dc_a;
CREATE VIEW vm_dc_b AS SELECT id, b FROM vm_dc;
CREATE VIEW vm_dc_all AS SELECT * FROM vm_dc;
COMMENT ON VIEW vm_dc_a IS 'reads a';
ALTER TABLE vm_dc DROP COLUMN a CASCADE;
SELECT relname FROM pg_class WHERE relkind = 'v' AND relname LIKE 'vm_dc%' ORDER BY 1;
SELECT * FROM vm_dc_b;
SELECT count(*) FROM pg_description WHERE description = 'reads a';
ALTER TABLE vm_dc DROP COLUMN b;
ALTER TABLE vm_dc DROP COLUMN b CASCADE;
SELECT relname FROM pg_class WHERE relkind = 'v' AND relname LIKE 'vm_dc%' ORDER BY 1;
SELECT * FROM vm_dc;
-- INSERT ... SELECT * without a column list fills the leading columns, the rest their defaults
CREATE TABLE vm_wide (id int PRIMARY KEY, v text, extra int DEFAULT 9);
CREATE TABLE vm_two (a int, b text);
INSERT INTO vm_two VALUES (1, 'one');
INSERT INTO vm_wide SELECT * FROM vm_two;
INSERT INTO vm_wide SELECT * FROM vm_t WHERE id = 2 RETURNING *;
INSERT INTO vm_wide SELECT s.* FROM vm_two s, vm_two u;
WITH d AS (DELETE FROM vm_u WHERE id = 1 RETURNING *) INSERT INTO vm_wide SELECT d.id + 1, d.note FROM d RETURNING *;
INSERT INTO vm_wide SELECT * FROM (SELECT id + 10, v FROM vm_wide) s RETURNING *;
SELECT * FROM vm_wide ORDER BY id;
