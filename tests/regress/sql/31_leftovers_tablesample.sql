-- TABLESAMPLE (docs/sql-compat.md, "TABLESAMPLE"): which rows a sample keeps differs from
-- PostgreSQL's, so only what is certain is compared here — 0 and 100 percent, the columns
-- and types a sampled table gives, and the errors; tests/unit/pgfn/test_tablesample.c checks
-- the proportions and REPEATABLE by statistics.
CREATE TABLE tsm_t (id int PRIMARY KEY, v text);
INSERT INTO tsm_t SELECT g, 'v' || g FROM generate_series(1, 300) g;
CREATE TABLE tsm_empty (id int);
SELECT count(*) FROM tsm_t TABLESAMPLE BERNOULLI (100);
SELECT count(*) FROM tsm_t TABLESAMPLE SYSTEM (100);
SELECT count(*) FROM tsm_t TABLESAMPLE BERNOULLI (0);
SELECT count(*) FROM tsm_t TABLESAMPLE SYSTEM (0) REPEATABLE (42);
SELECT count(*) FROM tsm_t TABLESAMPLE bernoulli (100) REPEATABLE (0.5);
SELECT count(*) FROM tsm_t AS s TABLESAMPLE system ('100');
SELECT * FROM tsm_t TABLESAMPLE BERNOULLI (100) REPEATABLE (7) WHERE id <= 3 ORDER BY id;
SELECT s.id, s.v FROM tsm_t s TABLESAMPLE SYSTEM (100) WHERE s.id = 5;
SELECT pg_catalog.count(*) FROM tsm_t TABLESAMPLE pg_catalog.bernoulli (100);
-- REPEATABLE: the same seed over the same rows is the same sample (which rows differs from
-- PostgreSQL's); a BERNOULLI sample's size is near p percent of the rows (300 of 1000 at 30%,
-- standard deviation 14.5)
CREATE TABLE tsm_k (id int);
INSERT INTO tsm_k SELECT g FROM generate_series(1, 1000) g;
SELECT (SELECT array_agg(id ORDER BY id) FROM tsm_k TABLESAMPLE BERNOULLI (30) REPEATABLE (5)) =
       (SELECT array_agg(id ORDER BY id) FROM tsm_k TABLESAMPLE BERNOULLI (30) REPEATABLE (5));
SELECT (SELECT array_agg(id ORDER BY id) FROM tsm_k TABLESAMPLE SYSTEM (50) REPEATABLE (0)) IS NOT DISTINCT FROM
       (SELECT array_agg(id ORDER BY id) FROM tsm_k TABLESAMPLE SYSTEM (50) REPEATABLE (-0.0));
SELECT count(*) BETWEEN 200 AND 400 FROM tsm_k TABLESAMPLE BERNOULLI (30) REPEATABLE (5);
SELECT count(*) BETWEEN 200 AND 400 FROM tsm_k TABLESAMPLE BERNOULLI (30) REPEATABLE (123.5);
SELECT count(*) BETWEEN 900 AND 1000 FROM tsm_k TABLESAMPLE BERNOULLI (95);
-- joins, subqueries, an outer join's inner side
SELECT count(*) FROM tsm_t a JOIN tsm_t b TABLESAMPLE BERNOULLI (100) ON a.id = b.id;
SELECT count(*) FROM tsm_t a LEFT JOIN tsm_t b TABLESAMPLE BERNOULLI (0) ON a.id = b.id
WHERE b.id IS NULL;
SELECT count(*) FROM (SELECT id FROM tsm_t TABLESAMPLE SYSTEM (100) REPEATABLE (1)) q;
SELECT count(*) FROM tsm_t WHERE id IN (SELECT id FROM tsm_t TABLESAMPLE BERNOULLI (0));
-- the argument as an expression
SELECT count(*) FROM tsm_t TABLESAMPLE BERNOULLI (50 * 2);
SELECT count(*) FROM tsm_t TABLESAMPLE BERNOULLI (100) REPEATABLE (1 + 1);
-- errors: the percentage, NULLs, the method, its arguments
SELECT count(*) FROM tsm_t TABLESAMPLE BERNOULLI (200);
SELECT count(*) FROM tsm_t TABLESAMPLE SYSTEM (-1);
SELECT count(*) FROM tsm_t TABLESAMPLE SYSTEM (100.5) REPEATABLE (3);
SELECT count(*) FROM tsm_t TABLESAMPLE BERNOULLI ('NaN');
SELECT count(*) FROM tsm_empty TABLESAMPLE BERNOULLI (101);
SELECT count(*) FROM tsm_t TABLESAMPLE BERNOULLI (NULL);
SELECT count(*) FROM tsm_t TABLESAMPLE BERNOULLI (5) REPEATABLE (NULL);
SELECT count(*) FROM tsm_t TABLESAMPLE BERNOULLI ('x');
SELECT count(*) FROM tsm_t TABLESAMPLE BERNOULLI (5) REPEATABLE ('y');
SELECT count(*) FROM tsm_t TABLESAMPLE BERNOULLI (1e300);
SELECT count(*) FROM tsm_t TABLESAMPLE foo (1);
SELECT count(*) FROM tsm_t TABLESAMPLE "BERNOULLI" (1);
SELECT count(*) FROM tsm_t TABLESAMPLE BERNOULLI (1, 2);
SELECT count(*) FROM tsm_t TABLESAMPLE SYSTEM ();
SELECT count(*) FROM tsm_t TABLESAMPLE BERNOULLI (id);
SELECT count(*) FROM tsm_t a, tsm_t b TABLESAMPLE BERNOULLI (a.id);
-- only tables are sampled
CREATE VIEW tsm_v AS SELECT * FROM tsm_t;
SELECT count(*) FROM tsm_v TABLESAMPLE BERNOULLI (100);
WITH w AS (SELECT 1 AS x) SELECT * FROM w TABLESAMPLE SYSTEM (100);
-- differs: refused (0A000): TABLESAMPLE in a view (its text is printed back from SQLite's)
CREATE VIEW tsm_sv AS SELECT id FROM tsm_t TABLESAMPLE SYSTEM (100);
-- differs: refused (0A000): TABLESAMPLE in a materialized view
CREATE MATERIALIZED VIEW tsm_mv AS SELECT id FROM tsm_t TABLESAMPLE SYSTEM (100);
-- differs: refused (0A000): a system column of a sampled table (read through a subquery)
SELECT ctid FROM tsm_t TABLESAMPLE SYSTEM (100) WHERE id = 1;
-- CREATE TABLE AS, INSERT ... SELECT
CREATE TABLE tsm_c AS SELECT * FROM tsm_t TABLESAMPLE BERNOULLI (100) WHERE id <= 10;
INSERT INTO tsm_c SELECT * FROM tsm_t TABLESAMPLE SYSTEM (0);
SELECT count(*) FROM tsm_c;
CREATE SEQUENCE tsm_seq;
SELECT * FROM tsm_seq TABLESAMPLE SYSTEM (100);
-- tsm_system_rows and tsm_system_time are extensions shardlite does not have
-- differs: refused (0A000): the extension tsm_system_rows
CREATE EXTENSION tsm_system_rows;
-- differs: refused (0A000): the extension tsm_system_time
CREATE EXTENSION tsm_system_time;
-- differs: 0A000 naming the extension's method (PostgreSQL without the extension: 42704 tablesample method system_rows does not exist)
SELECT count(*) FROM tsm_t TABLESAMPLE SYSTEM_ROWS (10);
DROP VIEW tsm_v;
DROP VIEW IF EXISTS tsm_sv;
DROP MATERIALIZED VIEW IF EXISTS tsm_mv;
DROP TABLE tsm_c;
DROP SEQUENCE tsm_seq;
DROP TABLE tsm_t, tsm_empty, tsm_k;
