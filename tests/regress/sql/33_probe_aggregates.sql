-- Issue #3, probing PostgreSQL's aggregates.sql: the float variance and standard deviation
-- follow float8_accum with infinite and NaN inputs (NaN, where var_pop of 1 and 'infinity' was
-- NULL and of 'infinity' and 1 Infinity, and a NaN input read as 0), and array_agg of arrays
-- with ORDER BY or DISTINCT is refused as array_agg of arrays is (it made a text[] of texts).
SELECT avg(x::float8), var_pop(x::float8), var_samp(x::float8), stddev_pop(x::float8), stddev_samp(x::float8) FROM (VALUES ('1'), ('infinity')) v(x);
SELECT avg(x::float8), var_pop(x::float8), var_samp(x::float8), stddev(x::float8), variance(x::float8) FROM (VALUES ('infinity'), ('1')) v(x);
SELECT avg(x::float8), var_pop(x::float8) FROM (VALUES ('infinity'), ('infinity')) v(x);
SELECT avg(x::float8), var_pop(x::float8) FROM (VALUES ('-infinity'), ('infinity')) v(x);
SELECT avg(x::float8), var_pop(x::float8), var_samp(x::float8) FROM (VALUES ('nan'), ('1')) v(x);
SELECT var_pop(x::float8), var_samp(x::float8) FROM (VALUES ('1')) v(x);
SELECT var_pop(x::float8), stddev_samp(x::float8) FROM (VALUES ('infinity')) v(x);
SELECT avg(x::float8), var_pop(x::float8) FROM (VALUES (100000003), (100000004), (100000006), (100000007)) v(x);
SELECT avg(x::float8), var_pop(x::float8) FROM (VALUES (7000000000005), (7000000000007)) v(x);
SELECT var_pop(x::float8) FROM (VALUES ('1e308'), ('-1e308')) v(x);
SELECT var_samp(x::float8), stddev_pop(x::float8) FROM (VALUES (1), (2), (4), (NULL)) v(x);
SELECT g % 2 AS k, var_pop(g::float8), stddev_samp(g::float8) FROM generate_series(1, 9) g GROUP BY 1 ORDER BY 1;
CREATE TABLE aggtest (a int2, b float4);
INSERT INTO aggtest VALUES (56, 7.8), (100, 99.097), (0, 0.09561), (42, 324.78);
SELECT stddev_pop(b::numeric), stddev_samp(b::numeric), var_pop(b::numeric), var_samp(b::numeric) FROM aggtest;
-- differs: array_agg of arrays (a multidimensional array) is not built (0A000, docs/sql-compat.md)
select array_agg(distinct ar order by ar desc) from (select array[i / 2] from generate_series(1,10) a(i)) b(ar);
-- differs: array_agg of arrays (a multidimensional array) is not built (0A000, docs/sql-compat.md)
select array_agg(a order by a) from (values (array[1]), (array[0])) v(a);
select array_agg(distinct x order by x desc), array_agg(x order by x) from (values (2), (1), (2)) v(x);
