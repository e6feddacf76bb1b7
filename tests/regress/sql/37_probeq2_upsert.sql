-- ON CONFLICT's inference expressions and predicate are written as CREATE INDEX writes the
-- index's, so that the index is found (integer arithmetic, which a query checks for
-- overflow, and PostgreSQL's insert_conflict.sql cases).
CREATE TABLE ic (a int, b int);
CREATE UNIQUE INDEX ic_a ON ic (a) WHERE a + 1 > 0;
INSERT INTO ic VALUES (1, 2) ON CONFLICT (a) WHERE a + 1 > 0 DO NOTHING;
INSERT INTO ic VALUES (1, 3) ON CONFLICT (a) WHERE a + 1 > 0 DO NOTHING;
INSERT INTO ic VALUES (1, 4) ON CONFLICT (a) WHERE a + 1 > 0 DO UPDATE SET b = excluded.b + 10 RETURNING *;
CREATE UNIQUE INDEX ic_bexpr ON ic ((b * 2 + 1));
INSERT INTO ic VALUES (5, 14) ON CONFLICT ((b * 2 + 1)) DO UPDATE SET a = excluded.a RETURNING *;
INSERT INTO ic VALUES (6, 7) ON CONFLICT ((b * 2 + 1)) DO NOTHING;
SELECT * FROM ic ORDER BY a;
CREATE TABLE ic8 (a bigint, b bigint);
CREATE UNIQUE INDEX ic8_i1 ON ic8 (coalesce(a, 0));
CREATE UNIQUE INDEX ic8_i2 ON ic8 (b) WHERE coalesce(a, 1) > 0;
INSERT INTO ic8 VALUES (1, 2) ON CONFLICT (coalesce(a, 0)) DO NOTHING;
INSERT INTO ic8 VALUES (1, 2) ON CONFLICT (b) WHERE coalesce(a, 1) > 0 DO NOTHING;
INSERT INTO ic8 VALUES (3, 2) ON CONFLICT (b) WHERE coalesce(a, 1) > 0 DO UPDATE SET a = excluded.a + 100 RETURNING *;
CREATE UNIQUE INDEX ic8_i3 ON ic8 (a) WHERE a * 2 > 10;
INSERT INTO ic8 VALUES (103, 9) ON CONFLICT (a) WHERE a * 2 > 10 DO UPDATE SET b = ic8.b + excluded.b RETURNING *;
SELECT * FROM ic8 ORDER BY a;
-- the predicate must still name the index's: another one finds none (42P10)
INSERT INTO ic VALUES (1, 2) ON CONFLICT (a) WHERE a + 2 > 0 DO NOTHING;
-- differs: SET (a, b) = ROW(v.*) is 0A000 (PostgreSQL expands v.* to v's columns)
UPDATE ic SET (a, b) = ROW(v.*) FROM (VALUES (1, 100)) AS v(i, j) WHERE ic.a = v.i;
UPDATE ic SET (a, b) = ROW(v.i, v.j) FROM (VALUES (1, 100)) AS v(i, j) WHERE ic.a = v.i RETURNING *;
