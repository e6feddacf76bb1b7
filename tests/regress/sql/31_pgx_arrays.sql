-- Array casts with more than one pair of brackets (pgx's tests and Go code write int[][]):
-- PostgreSQL ignores the bounds, int[][] and int[3] are int[].
SELECT '{}'::int4[][], '{{1,2},{3,4}}'::int[][], '{1,2}'::int[3], '{{a}}'::text[][];
SELECT pg_typeof('{{1}}'::int[][]), pg_typeof('{1}'::bigint[2][2]);
SELECT '{{1.5,2}}'::float8[][], '{{t,f}}'::bool[][];
-- detail
SELECT '{1'::int[][];
-- detail
SELECT '{{1},{2,3}}'::int[][];
CREATE TABLE ma (m int[][]);
INSERT INTO ma VALUES ('{{1,2},{3,4}}'::int[][]), ('{}'::int[][]);
SELECT m, m[2][1], array_dims(m), cardinality(m) FROM ma ORDER BY cardinality(m);
-- numeric elements written with an exponent (pgx's text form of a numeric[]) read as
-- numeric_in reads them: 110e-2 is 1.10
CREATE TABLE nae (a numeric[]);
INSERT INTO nae VALUES ('{110e-2,-1e-3,1.5E+3,1.25e1,5e-0,-0e-2,NaN,1.0E-20,00012.5e-1,.5e1,5.e-1}');
SELECT a, array_length(a, 1), a::text FROM nae;
