-- A subquery in FROM (not LATERAL) sees the query levels above it, not the other items of
-- its own FROM: an unqualified column there is typed from the enclosing query's relations
-- (it was text, or a sibling's type). From PostgreSQL's join.sql.
CREATE TABLE fs8 (q1 int8, q2 int8);
INSERT INTO fs8 VALUES (123, 456), (4567890123456789, -4567890123456789);
SELECT *, (SELECT r FROM (SELECT q1 AS q2) x, (SELECT q2 AS r) y) FROM fs8 ORDER BY 1;
SELECT *, (SELECT r FROM (SELECT q1 AS q2) x, LATERAL (SELECT q2 AS r) y) FROM fs8 ORDER BY 1;
SELECT (SELECT r FROM (SELECT q2 AS r) y) AS r FROM fs8 ORDER BY 1;
SELECT (SELECT y.r FROM (SELECT q2 + 1 AS r) y) AS r FROM fs8 ORDER BY 1;
SELECT (SELECT r FROM (SELECT 'text'::text AS q2) x, (SELECT q2 AS r) y) AS r FROM fs8 ORDER BY 1;
SELECT (SELECT r FROM (SELECT 'text'::text AS q2) x, (SELECT q2 AS r) y(r)) AS r FROM fs8 ORDER BY 1;
SELECT pg_typeof(r), r FROM (SELECT (SELECT r FROM (SELECT q2 AS r) y) AS r FROM fs8) s ORDER BY 2;
