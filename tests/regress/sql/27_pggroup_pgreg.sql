-- Grouping, reporting queries and utility functions probed with PostgreSQL's own regression
-- corpus (groupingsets, select_having, select_implicit, limit, functional_deps, collate,
-- dbsize, misc_functions, tablesample): the differences found and fixed, in statements of
-- our own.

-- pg_size_pretty of a negative size rounds as its magnitude does (truncating divisions).
SELECT s, pg_size_pretty(s), pg_size_pretty(-s)
  FROM (VALUES (10239::bigint), (10240::bigint), (10485247::bigint), (10485248::bigint),
               (999999999999::bigint), (5000000000000::bigint), (11258449312612351::bigint),
               (11258449312612352::bigint), (123456789012345678::bigint)) v(s);
SELECT pg_size_pretty(-1536::bigint), pg_size_pretty(-10751::bigint), pg_size_pretty(-10752::bigint);
SELECT pg_size_pretty(-9223372036854775807 - 1), pg_size_pretty(9223372036854775807);

-- pg_size_bytes: an unknown unit is 22023 with the unit in DETAIL; an exponent beyond what a
-- numeric holds overflows numeric (22003), one that fits overflows bigint.
SELECT pg_size_bytes('7 XB');
SELECT pg_size_bytes('2 kilobytes');
SELECT pg_size_bytes('3e999999999999 kB');
SELECT pg_size_bytes('3e200000');
SELECT pg_size_bytes('3e40');
SELECT pg_size_bytes('0e200000');
SELECT pg_size_bytes('4e-200000 MB');
SELECT pg_size_bytes('1.5e-16382'), pg_size_bytes('2e-16383 kB');
SELECT pg_size_bytes('1.55e-16382');

-- A set operation whose arms' columns have no common type is 42804: an integer column and a
-- VALUES literal (text by then), or a union of literals (text) and an integer.
SELECT 7 UNION VALUES ('8');
SELECT 'x' UNION SELECT 'y' UNION SELECT 2;
SELECT 'x' UNION ALL SELECT 'y' UNION ALL SELECT 2;
SELECT false UNION SELECT 0;
SELECT 1.5 INTERSECT SELECT 'z'::text;
SELECT 'z'::varchar EXCEPT SELECT 2::bigint;
CREATE TABLE pgg_u (i int, t text, b boolean, n numeric);
INSERT INTO pgg_u VALUES (1, '1', true, 1.5), (2, 'two', false, 2);
SELECT i FROM pgg_u UNION SELECT t FROM pgg_u;
SELECT t FROM pgg_u UNION ALL SELECT b FROM pgg_u;
SELECT i, t FROM pgg_u UNION SELECT n, t FROM pgg_u ORDER BY 1;
SELECT i FROM pgg_u UNION SELECT '3' ORDER BY 1;
SELECT 'x' UNION SELECT 'y' UNION SELECT 'z'::varchar ORDER BY 1;
SELECT t FROM pgg_u UNION VALUES ('v') ORDER BY 1;
SELECT i FROM pgg_u UNION VALUES (9) ORDER BY 1;
SELECT NULL UNION SELECT 4 ORDER BY 1;

-- LIMIT and OFFSET expressions are cast to bigint (a numeric rounds, text is read as bigint);
-- NULL is no LIMIT / OFFSET 0; a negative value is 2201W / 2201X when the query runs.
CREATE TABLE pgg_l (k int, v text);
INSERT INTO pgg_l VALUES (1, 'a'), (2, 'b'), (2, 'c'), (3, 'd'), (4, 'e');
SELECT k FROM pgg_l ORDER BY k, v LIMIT 1.5;
SELECT k FROM pgg_l ORDER BY k, v LIMIT 2.4 OFFSET 0.5;
SELECT k FROM pgg_l ORDER BY k, v OFFSET 3.5;
SELECT k FROM pgg_l ORDER BY k, v LIMIT '2';
SELECT k FROM pgg_l ORDER BY k, v LIMIT 'two';
SELECT k FROM pgg_l ORDER BY k, v OFFSET NULL;
SELECT k FROM pgg_l ORDER BY k, v LIMIT NULL OFFSET NULL;
SELECT k FROM pgg_l ORDER BY k, v LIMIT (SELECT max(k) - 2 FROM pgg_l);
SELECT k FROM pgg_l ORDER BY k, v LIMIT (SELECT NULL::int) OFFSET (SELECT 3);
SELECT k FROM pgg_l ORDER BY k, v OFFSET (SELECT min(k) FROM pgg_l WHERE k > 9);
SELECT k FROM pgg_l ORDER BY k, v LIMIT (SELECT -1);
SELECT k FROM pgg_l ORDER BY k, v OFFSET (SELECT 1 - 3);
SELECT k FROM pgg_l ORDER BY k, v LIMIT 1.5::real OFFSET '1';
SELECT k FROM pgg_l ORDER BY k, v FETCH FIRST 2.5 ROWS ONLY;
SELECT k FROM pgg_l ORDER BY k FETCH FIRST (NULL + 1) ROWS WITH TIES;
SELECT k FROM pgg_l ORDER BY k OFFSET 1 ROWS FETCH FIRST (SELECT 1) ROWS WITH TIES;
SELECT k FROM pgg_l ORDER BY k OFFSET (SELECT NULL::int) FETCH FIRST 2 ROWS WITH TIES;
SELECT k FROM pgg_l ORDER BY k FETCH FIRST (SELECT -1) ROWS WITH TIES;
SELECT * FROM pgg_l ORDER BY k FETCH FIRST (SELECT 1) ROWS WITH TIES;

-- A GROUP BY position that names no result column is 42P10 (it was 42803: the grouping check
-- met the ungrouped column first).
SELECT v, count(*) FROM pgg_l GROUP BY 3;
SELECT v, count(*) FROM pgg_l GROUP BY 0;
SELECT v, count(*) FROM pgg_l GROUP BY -1;
SELECT k, v FROM pgg_l GROUP BY 1, 2, 3;
SELECT v, count(*) FROM pgg_l GROUP BY 1 ORDER BY 1;
SELECT * FROM pgg_l GROUP BY 1, 2 ORDER BY 1, 2;

-- COLLATE on a column of a type without collations is 42804 (it was accepted); "ucs_basic"
-- (code point order) compares as "C" does, in expressions, columns and indexes.
CREATE TABLE pgg_c1 (a int COLLATE "C");
CREATE TABLE pgg_c1 (a serial COLLATE "POSIX");
CREATE TABLE pgg_c1 (a bytea COLLATE "C");
CREATE DOMAIN pgg_dom AS numeric;
CREATE TABLE pgg_c1 (a pgg_dom COLLATE "C");
CREATE TABLE pgg_c1 (a text[] COLLATE "POSIX", b varchar(3) COLLATE ucs_basic, c name COLLATE "C", d char(2) COLLATE "C");
INSERT INTO pgg_c1 VALUES ('{b,A}', 'b', 'x', 'y'), ('{a}', 'B', 'X', 'Y'), ('{}', 'a', 'é', 'z');
SELECT b, c, d FROM pgg_c1 ORDER BY b;
SELECT b FROM pgg_c1 ORDER BY b COLLATE ucs_basic DESC;
SELECT 'a' COLLATE ucs_basic < 'B', 'é' COLLATE "ucs_basic" > 'z', 'B' < 'a' COLLATE ucs_basic;
CREATE INDEX pgg_c1_b ON pgg_c1 (b COLLATE ucs_basic);
SELECT b FROM pgg_c1 WHERE b COLLATE ucs_basic >= 'a' ORDER BY 1;

-- HAVING without GROUP BY and without an aggregate in the select list: one group of all the
-- rows, present when the condition holds (it was 0A000); without an aggregate in HAVING
-- either, PostgreSQL reads no rows at all (no division by zero in WHERE).
CREATE TABLE pgg_h (a int, b text);
INSERT INTO pgg_h VALUES (0, 'x'), (1, 'y'), (2, 'y'), (3, 'z');
SELECT 1 AS one FROM pgg_h HAVING 1 > 2;
SELECT 1 AS one FROM pgg_h HAVING 1 < 2;
SELECT 'k' AS k, 2 + 3 FROM pgg_h WHERE a > 0 HAVING count(*) = 3;
SELECT 'k' FROM pgg_h WHERE a > 0 HAVING count(*) = 4;
SELECT 'k' FROM pgg_h WHERE a > 9 HAVING count(*) = 0;
SELECT 'k' FROM pgg_h WHERE a > 9 HAVING max(a) IS NULL;
SELECT 1 FROM pgg_h HAVING min(a) < max(a) ORDER BY 1;
SELECT 1 FROM pgg_h HAVING min(a) < max(a) LIMIT 0;
SELECT DISTINCT 1 FROM pgg_h HAVING count(*) > 1;
SELECT a FROM pgg_h HAVING count(*) > 1;
SELECT 1 FROM pgg_h HAVING a > 1;
SELECT 1 FROM pgg_h HAVING count(*) > 1 ORDER BY a;
SELECT x.c FROM (VALUES (true), (false)) x(c) WHERE EXISTS (SELECT 1 FROM pgg_h HAVING x.c);
SELECT * FROM (SELECT 5 AS five FROM pgg_h HAVING count(DISTINCT b) = 3) s;
WITH w AS (SELECT a FROM pgg_h WHERE a < 2) SELECT 'w' FROM w HAVING count(*) = 2;
SELECT 1 FROM pgg_h HAVING count(*) > 1 UNION ALL SELECT 2 FROM pgg_h HAVING sum(a) > 100;
SELECT 1 FROM pgg_h HAVING bool_and(a >= 0) AND string_agg(b, '' ORDER BY a) = 'xyyz';
SELECT 1 AS one FROM pgg_h WHERE 1 / a = 1 HAVING 1 < 2;
SELECT 1 AS one FROM pgg_h WHERE 1 / a = 1 HAVING count(*) > 0;
SELECT 1 FROM pgg_h WHERE nosuch > 0 HAVING true;

-- GROUPING SETS: two select list items of one expression, grouped by their names or
-- positions, are two grouping columns (one was NULL where the other is grouped); an item not
-- named by the GROUP BY reads NULL with the grouping column of its expression.
CREATE TABLE pgg_g (a int, b int);
INSERT INTO pgg_g VALUES (1, 10), (1, 20), (2, 30);
SELECT a AS x, a AS y, sum(b) FROM pgg_g GROUP BY x, ROLLUP (y) ORDER BY 1, 2, 3;
SELECT * FROM (SELECT a AS x, a AS y, sum(b) FROM pgg_g GROUP BY 2, ROLLUP (1)) s ORDER BY 1, 2, 3;
SELECT a AS x, a AS y, grouping(a), count(*) FROM pgg_g GROUP BY ROLLUP (y), x ORDER BY 1, 2;
SELECT a, a, count(*) FROM pgg_g GROUP BY ROLLUP (a) ORDER BY 1, 2;
SELECT a, a AS y, a + 1, count(*) FROM pgg_g GROUP BY ROLLUP (y) ORDER BY 1, 2;
SELECT a, a AS y, sum(b) FROM pgg_g GROUP BY a, ROLLUP (y) ORDER BY 1, 2;
SELECT a AS x, a + 0 AS y, count(*) FROM pgg_g GROUP BY ROLLUP (x, y) ORDER BY 1, 2;
SELECT * FROM (SELECT a AS x, a AS y, count(*) FROM pgg_g GROUP BY GROUPING SETS ((x), (y), ())) s
  ORDER BY 1, 2, 3;

-- ORDER BY ... USING < / > is ASC / DESC, NULL placement included (it was 0A000), also in
-- DISTINCT ON, windows and aggregates; another operator stays 0A000.
CREATE TABLE pgg_s (k text, n int);
INSERT INTO pgg_s VALUES ('a', 1), ('a', 3), ('b', NULL), ('b', 2), ('c', 5);
SELECT DISTINCT ON (k) k, n FROM pgg_s ORDER BY k USING <, n USING >;
SELECT DISTINCT ON (k) k, n FROM pgg_s ORDER BY k USING >, n USING < NULLS FIRST;
SELECT n FROM pgg_s ORDER BY n USING <;
SELECT n FROM pgg_s ORDER BY n USING >;
SELECT n FROM pgg_s ORDER BY n USING > NULLS LAST LIMIT 2;
SELECT k, n FROM pgg_s ORDER BY k USING OPERATOR(pg_catalog.>), n;
SELECT array_agg(n ORDER BY n USING >) FROM pgg_s;
SELECT n, row_number() OVER (ORDER BY n USING >) FROM pgg_s ORDER BY 2;
-- differs: another ordering operator than < or > (text_pattern_ops' ~<~) is 0A000 here; PostgreSQL 42883 for integer
SELECT n FROM pgg_s ORDER BY n USING ~<~;
