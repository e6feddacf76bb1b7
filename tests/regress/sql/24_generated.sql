-- Stored generated columns: only DEFAULT may be written to them (428C9 with PostgreSQL's
-- messages on INSERT, UPDATE, ON CONFLICT DO UPDATE), SET g = DEFAULT is no change, and
-- ALTER TABLE ... ADD COLUMN ... GENERATED ALWAYS AS (...) STORED computes every row.
CREATE TABLE gen1 (id int PRIMARY KEY, qty int, price numeric(10,2), total numeric(12,2) GENERATED ALWAYS AS (qty * price) STORED);
INSERT INTO gen1 (id, qty, price) VALUES (1, 2, 3) RETURNING *;
INSERT INTO gen1 VALUES (2, 1, 1.5, DEFAULT) RETURNING *;
INSERT INTO gen1 VALUES (3, 1, 1, DEFAULT), (4, 2, 2, DEFAULT) RETURNING total;
INSERT INTO gen1 VALUES (5, 1, 1, 5);
INSERT INTO gen1 (id, total) VALUES (5, 1);
INSERT INTO gen1 VALUES (5, 1, 1, DEFAULT), (6, 2, 2, 3);
INSERT INTO gen1 (id, qty, price, total) OVERRIDING SYSTEM VALUE VALUES (5, 1, 1, 2);
INSERT INTO gen1 SELECT 5, 1, 1, 1;
INSERT INTO gen1 SELECT 5, 1, 1 RETURNING total;
UPDATE gen1 SET total = 1;
UPDATE gen1 SET (qty, total) = (1, 2);
UPDATE gen1 SET total = DEFAULT WHERE id = 1 RETURNING *;
UPDATE gen1 SET total = DEFAULT, qty = 5 WHERE id = 1 RETURNING *;
UPDATE gen1 SET qty = 6, total = DEFAULT WHERE id = 1 RETURNING *;
INSERT INTO gen1 (id, qty) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET total = DEFAULT RETURNING *;
INSERT INTO gen1 (id, qty) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET total = 5;
INSERT INTO gen1 (id, qty) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET qty = excluded.qty + 1 RETURNING *;
SELECT * FROM gen1 ORDER BY id;
CREATE TABLE gen2 (id int PRIMARY KEY, qty int, price numeric(10,2));
INSERT INTO gen2 VALUES (1, 2, 3.50), (2, NULL, 1);
ALTER TABLE gen2 ADD COLUMN total numeric(12,2) GENERATED ALWAYS AS (qty * price) STORED;
SELECT * FROM gen2 ORDER BY id;
INSERT INTO gen2 (id, qty, price) VALUES (3, 4, 2) RETURNING total;
UPDATE gen2 SET qty = 10 WHERE id = 1 RETURNING total;
UPDATE gen2 SET total = 1;
SELECT column_name, is_generated FROM information_schema.columns WHERE table_name = 'gen2' ORDER BY ordinal_position;
SELECT attname, attgenerated FROM pg_attribute WHERE attrelid = 'gen2'::regclass AND attnum > 0 ORDER BY attnum;
ALTER TABLE gen2 ADD COLUMN bad int GENERATED ALWAYS AS (random()) STORED;
ALTER TABLE gen2 ADD COLUMN IF NOT EXISTS total int GENERATED ALWAYS AS (1) STORED;
ALTER TABLE gen2 ADD COLUMN dbl int GENERATED ALWAYS AS (qty * 2) STORED, ADD COLUMN note text;
SELECT * FROM gen2 ORDER BY id;
CREATE TABLE gen3 (a int, b int GENERATED ALWAYS AS (a + 1) STORED);
ALTER TABLE gen3 ADD COLUMN c int GENERATED ALWAYS AS (a * 10) STORED;
INSERT INTO gen3 (a) VALUES (1), (NULL) RETURNING *;
-- the expression as PostgreSQL shows it (pg_attrdef, information_schema, \d, pg_dump), also
-- after the columns it reads are renamed
CREATE TABLE gen4 (id int, name text, up text GENERATED ALWAYS AS (upper(name)) STORED, nxt int GENERATED ALWAYS AS (id + 1) STORED, same int GENERATED ALWAYS AS (id) STORED);
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'gen4'::regclass ORDER BY adnum;
SELECT column_name, column_default, is_generated, generation_expression FROM information_schema.columns WHERE table_name = 'gen4' ORDER BY ordinal_position;
SELECT attname, atthasdef, attgenerated FROM pg_attribute WHERE attrelid = 'gen4'::regclass AND attnum > 0 ORDER BY attnum;
ALTER TABLE gen4 ADD COLUMN twice int GENERATED ALWAYS AS (id * 2) STORED;
ALTER TABLE gen4 RENAME COLUMN name TO "Full Name";
ALTER TABLE gen4 RENAME COLUMN id TO ident;
ALTER TABLE gen4 ALTER COLUMN ident SET NOT NULL;
ALTER TABLE gen4 ADD CONSTRAINT gen4_pos CHECK (ident > 0);
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'gen4'::regclass ORDER BY adnum;
INSERT INTO gen4 (ident, "Full Name") VALUES (3, 'ab') RETURNING *;
-- LIKE ... INCLUDING GENERATED copies the expression (without it, a plain column), and
-- ALTER COLUMN TYPE of a column an expression reads is PostgreSQL's 0A000
CREATE TABLE gen5 (a int, b int GENERATED ALWAYS AS (a * 2) STORED, c text);
CREATE TABLE gen6 (LIKE gen5 INCLUDING GENERATED);
CREATE TABLE gen7 (LIKE gen5);
CREATE TABLE gen8 (LIKE gen5 INCLUDING ALL);
INSERT INTO gen6 (a) VALUES (5) RETURNING *;
INSERT INTO gen7 (a) VALUES (5) RETURNING *;
INSERT INTO gen8 (a) VALUES (6) RETURNING *;
SELECT table_name, column_name, is_generated, generation_expression FROM information_schema.columns WHERE table_name IN ('gen6', 'gen7', 'gen8') ORDER BY 1, ordinal_position;
ALTER TABLE gen5 ALTER COLUMN a TYPE bigint;
ALTER TABLE gen5 ALTER COLUMN c TYPE varchar(10);
ALTER TABLE gen5 ALTER COLUMN b TYPE bigint;
ALTER TABLE gen5 DROP COLUMN c;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'gen5'::regclass;
