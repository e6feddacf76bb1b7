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
