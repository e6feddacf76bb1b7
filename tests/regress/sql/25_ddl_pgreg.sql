-- DDL and DML found different probing with PostgreSQL's own regression files (create_table,
-- alter_table, create_index, insert, update, ...): LOCK TABLE outside a transaction block, an
-- index key's NULLS FIRST/LAST in pg_index.indoption and pg_get_indexdef.
CREATE TABLE pr_lock (a int);
LOCK TABLE pr_lock;
LOCK TABLE pr_lock IN SHARE MODE;
LOCK pr_nosuch;
BEGIN;
LOCK TABLE pr_nosuch;
ROLLBACK;
BEGIN;
LOCK TABLE pr_lock IN ROW EXCLUSIVE MODE;
INSERT INTO pr_lock VALUES (1);
COMMIT;
SELECT a FROM pr_lock;
CREATE TABLE pr_ni (a int, b text, c int);
CREATE INDEX pr_ni_a ON pr_ni (a DESC NULLS LAST, b NULLS FIRST) INCLUDE (c);
CREATE UNIQUE INDEX pr_ni_b ON pr_ni (b NULLS LAST, a ASC NULLS FIRST, c DESC NULLS FIRST);
CREATE INDEX pr_ni_e ON pr_ni ((a + c) DESC NULLS LAST, (lower(b)) NULLS FIRST);
CREATE INDEX pr_ni_p ON pr_ni (c DESC);
CREATE INDEX pr_ni_h ON pr_ni USING hash (b NULLS FIRST);
CREATE INDEX pr_ni_g ON pr_ni USING gist (b DESC);
SELECT indexrelid::regclass::text AS idx, indoption, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'pr_ni'::regclass ORDER BY 1;
SELECT pg_get_indexdef('pr_ni_a'::regclass, 1, true) AS k1, pg_get_indexdef('pr_ni_a'::regclass, 2, true) AS k2, pg_get_indexdef('pr_ni_a'::regclass, 3, true) AS inc;
SELECT k, o FROM pg_index i, unnest(i.indkey, i.indoption) WITH ORDINALITY AS u(k, o, n) WHERE indexrelid = 'pr_ni_b'::regclass ORDER BY n;
-- the order survives a table rebuild and LIKE ... INCLUDING INDEXES
ALTER TABLE pr_ni ALTER COLUMN c TYPE bigint;
SELECT indexrelid::regclass::text AS idx, indoption, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'pr_ni'::regclass ORDER BY 1;
CREATE TABLE pr_ni2 (LIKE pr_ni INCLUDING INDEXES);
SELECT indoption, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'pr_ni2'::regclass ORDER BY 2;
INSERT INTO pr_ni VALUES (NULL, 'x', 1), (1, NULL, 2), (2, 'y', NULL);
SELECT a, b FROM pr_ni ORDER BY a DESC NULLS LAST;
SELECT a, b FROM pr_ni ORDER BY b NULLS FIRST;
-- DROP TRIGGER IF EXISTS on a table that is not there is PostgreSQL's NOTICE and success
CREATE TABLE pr_trg (a int);
DROP TRIGGER IF EXISTS pr_nosuch ON pr_trg;
DROP TRIGGER IF EXISTS pr_nosuch ON pr_no_table;
DROP TRIGGER IF EXISTS pr_nosuch ON public.pr_no_table;
DROP TRIGGER pr_nosuch ON pr_no_table;
DROP TRIGGER pr_nosuch ON pr_trg;
