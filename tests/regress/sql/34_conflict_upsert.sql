-- INSERT ... ON CONFLICT DO UPDATE whose proposed rows reach one row twice (the second would
-- update the row the first inserted or updated): 21000 with PostgreSQL's HINT, and nothing
-- changed; DO NOTHING, NULL keys, and a WHERE that leaves an existing row alone are not a
-- second change.
CREATE TABLE ic (k int PRIMARY KEY, v text);
INSERT INTO ic VALUES (1, 'a');
-- fields
INSERT INTO ic VALUES (1, 'x'), (1, 'y') ON CONFLICT (k) DO UPDATE SET v = excluded.v;
INSERT INTO ic VALUES (2, 'x'), (2, 'y') ON CONFLICT (k) DO UPDATE SET v = excluded.v;
INSERT INTO ic VALUES (3, 'x'), (3, 'y') ON CONFLICT (k) DO NOTHING;
INSERT INTO ic VALUES (1, 'p'), (4, 'q'), (1, 'r') ON CONFLICT (k) DO UPDATE SET v = excluded.v
	WHERE ic.v = 'zz';
-- fields
INSERT INTO ic SELECT 5, 'a' FROM generate_series(1, 2) ON CONFLICT (k) DO UPDATE SET v = 'b'
	RETURNING *;
INSERT INTO ic VALUES (1, 'n'), (6, 'm') ON CONFLICT (k) DO UPDATE SET v = excluded.v
	RETURNING *;
INSERT INTO ic (v, k) VALUES ('o', 1), ('o', 7) ON CONFLICT ON CONSTRAINT ic_pkey DO UPDATE SET v = excluded.v || '!'
	RETURNING k, v;
SELECT * FROM ic ORDER BY k;
CREATE TABLE ic2 (a int, b int, v text, UNIQUE (a, b));
INSERT INTO ic2 VALUES (1, 1, 'x'), (1, NULL, 'y'), (1, NULL, 'z')
	ON CONFLICT (a, b) DO UPDATE SET v = excluded.v;
INSERT INTO ic2 VALUES (1, 2, 'x'), (1, 1, 'y'), (1, 2, 'z')
	ON CONFLICT (a, b) DO UPDATE SET v = excluded.v;
INSERT INTO ic2 VALUES (1, 2, 'x'), (2, 1, 'y'), (1, 1.0, 'z')
	ON CONFLICT (b, a) DO UPDATE SET v = excluded.v;
SELECT * FROM ic2 ORDER BY a, b, v;
BEGIN;
INSERT INTO ic VALUES (7, 'a'), (7, 'b') ON CONFLICT (k) DO UPDATE SET v = excluded.v;
ROLLBACK;
SELECT * FROM ic ORDER BY k;
PREPARE up(int, int) AS INSERT INTO ic VALUES ($1, 'p'), ($2, 'q') ON CONFLICT (k) DO UPDATE SET v = excluded.v;
EXECUTE up(8, 9);
EXECUTE up(8, 9);
EXECUTE up(10, 10);
SELECT * FROM ic ORDER BY k;
-- a DO UPDATE with a WHERE of its own is not checked
-- differs: the second row updates the row the first inserted (docs/sql-compat.md)
INSERT INTO ic VALUES (11, 'x'), (11, 'y') ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE true;
