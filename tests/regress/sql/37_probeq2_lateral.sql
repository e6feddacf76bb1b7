-- A RIGHT or FULL JOIN's LATERAL right side may not read the join's left side: PostgreSQL's
-- 42P10 (it ran, and generate_series(0, a.f1) over large values did not end). From
-- PostgreSQL's join.sql.
CREATE TABLE lj4 (f1 int);
INSERT INTO lj4 VALUES (0), (2);
-- detail
SELECT f1, g FROM lj4 a FULL JOIN LATERAL generate_series(0, a.f1) g ON true;
-- detail
SELECT f1, g FROM lj4 a RIGHT JOIN LATERAL (SELECT a.f1 AS g) g ON true;
-- detail
SELECT f1, g FROM lj4 a FULL JOIN LATERAL generate_series(0, f1) g ON true;
-- detail
SELECT f1, g FROM lj4 a RIGHT JOIN generate_series(0, f1) g ON true;
-- detail
SELECT * FROM lj4 a FULL JOIN LATERAL (SELECT b.f1 FROM lj4 b WHERE b.f1 = a.f1) s ON true;
SELECT f1, g FROM lj4 a LEFT JOIN LATERAL generate_series(0, f1) g ON true ORDER BY 1, 2;
SELECT f1, g FROM lj4 a FULL JOIN generate_series(0, 2) g ON f1 = g ORDER BY 1, 2;
SELECT * FROM lj4 a FULL JOIN (lj4 b CROSS JOIN LATERAL generate_series(0, b.f1) g) ON a.f1 = g ORDER BY 1, 2, 3;
-- an outer query's aggregate in a LATERAL subquery of its own FROM: PostgreSQL's 42803
-- (SQLite's "misuse of aggregate" was XX000)
SELECT 1 FROM lj4 a, LATERAL (SELECT max(a.f1) FROM lj4 b) ss;
