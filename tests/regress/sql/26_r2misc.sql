-- Small differences found by probing: lastval() after its sequence was dropped, PREPARE with an
-- untyped parameter number skipped, pg_prepared_statements, and intervals grouped and compared
-- as PostgreSQL's interval_cmp (a month as 30 days, a day as 24 hours).
-- lastval() of a dropped sequence is 55000, as PostgreSQL's
CREATE SEQUENCE r2m_s;
SELECT nextval('r2m_s');
SELECT lastval();
DROP SEQUENCE r2m_s;
SELECT lastval();
CREATE SEQUENCE r2m_s2;
SELECT nextval('r2m_s2'), lastval();
BEGIN;
DROP SEQUENCE r2m_s2;
SELECT lastval();
ROLLBACK;
SELECT lastval();
DROP SEQUENCE r2m_s2;
CREATE TABLE r2m_ser (id serial PRIMARY KEY, v int);
INSERT INTO r2m_ser (v) VALUES (1) RETURNING id;
SELECT lastval();
DROP TABLE r2m_ser;
SELECT lastval();
-- PREPARE of a statement that skips an untyped parameter number is 42P18, as PostgreSQL's
PREPARE r2m_p1 AS SELECT $2;
PREPARE r2m_p2 AS SELECT $3::int, $1::int;
PREPARE r2m_p3(int) AS SELECT $2;
PREPARE r2m_p4(int, text) AS SELECT $2;
EXECUTE r2m_p4(1, 'x');
PREPARE r2m_p5(int, int, int) AS SELECT $1;
EXECUTE r2m_p5(1, 2, 3);
PREPARE r2m_p6 AS SELECT $1, $2;
EXECUTE r2m_p6('a', 'b');
DEALLOCATE r2m_p4;
DEALLOCATE r2m_p5;
DEALLOCATE r2m_p6;
-- pg_prepared_statements: the session's named prepared statements (PREPARE: from_sql)
SELECT count(*) FROM pg_prepared_statements;
PREPARE r2m_q1(int, text) AS SELECT $1 AS a, $2 AS b;
PREPARE r2m_q2 AS SELECT 1;
PREPARE r2m_q3(varchar, numeric, date) AS SELECT $1, $2, $3;
SELECT name, statement, parameter_types, from_sql, prepare_time <= now() AS t FROM pg_prepared_statements ORDER BY name;
EXECUTE r2m_q2;
EXECUTE r2m_q2;
SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'r2m_q2';
SELECT pg_typeof(prepare_time), pg_typeof(generic_plans), pg_typeof(custom_plans), pg_typeof(from_sql) FROM pg_prepared_statements WHERE name = 'r2m_q2';
DEALLOCATE r2m_q1;
SELECT name FROM pg_prepared_statements ORDER BY name;
DEALLOCATE ALL;
SELECT count(*) FROM pg_prepared_statements;
-- intervals compare as interval_cmp: a month as 30 days, a day as 24 hours
CREATE TABLE r2m_iv (id int, v interval);
INSERT INTO r2m_iv VALUES (1, '1 mon'), (2, '30 days'), (3, '1 day'), (4, '24 hours'), (5, '2 days'), (6, NULL), (7, '720 hours'), (8, '1 day 1 hour');
SELECT '1 mon'::interval = '30 days'::interval, '1 day'::interval = '24 hours', interval '1 year' = interval '360 days';
SELECT id FROM r2m_iv WHERE v = '30 days' ORDER BY id;
SELECT a.id, b.id FROM r2m_iv a JOIN r2m_iv b ON a.v = b.v AND a.id < b.id ORDER BY 1, 2;
SELECT id FROM r2m_iv WHERE v IN ('1 day', '720 hours') ORDER BY id;
SELECT id FROM r2m_iv WHERE v NOT IN ('1 day', '720 hours') ORDER BY id;
SELECT id, v IN ('24 hours', NULL) FROM r2m_iv ORDER BY id;
SELECT '1 day'::interval IN ('24 hours', '2 days'), interval '1 mon' NOT IN ('30 days');
SELECT id FROM r2m_iv WHERE v IN (SELECT '24 hours'::interval) ORDER BY id;
SELECT id FROM r2m_iv WHERE v = ANY (ARRAY['1 day'::interval]) ORDER BY id;
SELECT count(*), min(id) FROM r2m_iv GROUP BY v ORDER BY min(id);
SELECT DISTINCT v FROM r2m_iv ORDER BY v;
SELECT count(DISTINCT v) FROM r2m_iv;
-- differs: UNION of equal intervals shows another of their spellings ('30 days' here, '1 mon' in PostgreSQL, whose plan picks one)
SELECT v FROM r2m_iv WHERE id IN (1, 2) UNION SELECT v FROM r2m_iv WHERE id IN (2, 7) ORDER BY 1;
SELECT '1 mon'::interval IS DISTINCT FROM '30 days'::interval, nullif('1 day'::interval, '24 hours');
