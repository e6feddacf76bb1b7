-- Issue #3, probing PostgreSQL's window.sql: a numeric cast to numeric without a typmod keeps
-- its display scale (p::numeric of a numeric(10,2) 1.50 is 1.50; it printed 1.5, and
-- sum(x::numeric) OVER (...) of 1.0 printed 1).
CREATE TABLE pn (id int, p numeric(10,2), r numeric(12,4));
INSERT INTO pn VALUES (1, 1.50, 2.2500), (2, 3, 0.0001), (3, NULL, -7);
SELECT id, p::numeric, (p + 1)::numeric, r::numeric, p::decimal, CAST(r AS numeric) FROM pn ORDER BY id;
SELECT id, sum(p::numeric) OVER (ORDER BY id), p::numeric * 2, p::numeric::text FROM pn ORDER BY id;
SELECT sum(p::numeric), max(r::numeric) FROM pn;
SELECT ('1.50'::numeric)::numeric, (1.50::numeric(10,2))::numeric, round(2.500, 2)::numeric, (2.5::numeric(10,3))::numeric(10,1);
SELECT x, x::numeric, sum(x::numeric) OVER (ORDER BY x RANGE BETWEEN 1.5 PRECEDING AND 0.5 FOLLOWING) FROM (VALUES (1.0), (2.0), (2.5), (4.0)) v(x) ORDER BY 1;
SELECT x::numeric, sum(x::numeric) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), sum(x::numeric) OVER () FROM (VALUES (1.0), (2.0)) v(x) ORDER BY 1;
