-- silent4: INSERT ... ON CONFLICT (key) DO UPDATE whose target is a UNIQUE NULLS NOT DISTINCT
-- key: a row without a NULL in the key updates as ever; one whose key with a NULL is there is
-- refused (0A000 here, annotated: PostgreSQL updates that row), nothing written.
CREATE TABLE s4n (a int, b int, c text, UNIQUE NULLS NOT DISTINCT (a, b));
INSERT INTO s4n VALUES (1, NULL, 'x'), (2, 2, 'y');
INSERT INTO s4n VALUES (2, 2, 'y2') ON CONFLICT (a, b) DO UPDATE SET c = excluded.c RETURNING *;
INSERT INTO s4n VALUES (3, NULL, 'z') ON CONFLICT (a, b) DO UPDATE SET c = excluded.c RETURNING *;
INSERT INTO s4n VALUES (4, 4, 'w') ON CONFLICT ON CONSTRAINT s4n_a_b_key DO UPDATE SET c = 'no';
-- differs: ON CONFLICT (key) DO UPDATE of a row whose NULLS NOT DISTINCT key with a NULL is there is 0A000 here; PostgreSQL updates that row
INSERT INTO s4n VALUES (1, NULL, 'x2') ON CONFLICT (b, a) DO UPDATE SET c = excluded.c;
-- differs: ON CONFLICT ON CONSTRAINT DO UPDATE of a row whose NULLS NOT DISTINCT key with a NULL is there is 0A000 here; PostgreSQL updates that row
INSERT INTO s4n VALUES (1, NULL, 'x3') ON CONFLICT ON CONSTRAINT s4n_a_b_key DO UPDATE SET c = excluded.c;
SELECT a, b FROM s4n ORDER BY a, b;
INSERT INTO s4n VALUES (1, NULL, 'x4') ON CONFLICT (a, b) DO NOTHING;
-- the key is not the target: its conflict is 23505, as in PostgreSQL
CREATE UNIQUE INDEX s4n_c ON s4n (c);
INSERT INTO s4n VALUES (1, NULL, 'q') ON CONFLICT (c) DO UPDATE SET c = 'r';
SELECT a, b FROM s4n ORDER BY a, b;
DROP TABLE s4n;
