-- ALTER VIEW v ALTER COLUMN c SET DEFAULT / DROP DEFAULT: an INSERT through the view that
-- leaves c out (or writes DEFAULT) gets the view's default before the base table's; each
-- view the write goes through adds its own.
CREATE TABLE vd_t (a int PRIMARY KEY, b text DEFAULT 'tdflt', c int DEFAULT 7, d timestamptz);
CREATE VIEW vd_v AS SELECT a, b, c FROM vd_t;
ALTER VIEW vd_v ALTER COLUMN b SET DEFAULT 'vdflt';
ALTER VIEW vd_v ALTER COLUMN c SET DEFAULT 40 + 2;
INSERT INTO vd_v (a) VALUES (1);
INSERT INTO vd_v VALUES (2, DEFAULT, DEFAULT);
INSERT INTO vd_v (a, b) VALUES (3, 'given'), (4, DEFAULT) RETURNING *;
INSERT INTO vd_v DEFAULT VALUES;
SELECT * FROM vd_t ORDER BY a;
UPDATE vd_v SET b = DEFAULT WHERE a = 3;
SELECT * FROM vd_t ORDER BY a;
-- the table's own defaults are untouched
INSERT INTO vd_t (a) VALUES (5);
SELECT * FROM vd_t WHERE a = 5;
-- a view over it: its own default first, then the lower view's
CREATE VIEW vd_w AS SELECT a, b FROM vd_v WHERE a > 0 WITH CHECK OPTION;
INSERT INTO vd_w (a) VALUES (6);
ALTER VIEW vd_w ALTER COLUMN b SET DEFAULT 'wdflt';
INSERT INTO vd_w (a) VALUES (7);
SELECT * FROM vd_t WHERE a IN (6, 7) ORDER BY a;
ALTER VIEW vd_v ALTER COLUMN b DROP DEFAULT;
INSERT INTO vd_v (a) VALUES (8);
SELECT * FROM vd_t WHERE a = 8;
-- errors
ALTER VIEW vd_v ALTER COLUMN nosuch SET DEFAULT 1;
ALTER VIEW vd_v ALTER COLUMN c SET DEFAULT a + 1;
ALTER VIEW vd_v ALTER COLUMN c SET DEFAULT (SELECT 1);
ALTER VIEW vd_nosuch ALTER COLUMN c SET DEFAULT 1;
ALTER VIEW vd_t ALTER COLUMN c SET DEFAULT 1;
-- the catalog
SELECT table_name, column_name, column_default FROM information_schema.columns
WHERE table_name IN ('vd_v', 'vd_w') ORDER BY 1, 2;
SELECT adrelid::regclass::text, adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef
WHERE adrelid IN ('vd_v'::regclass, 'vd_w'::regclass) ORDER BY 1, 2;
SELECT attname, atthasdef FROM pg_attribute WHERE attrelid = 'vd_v'::regclass AND attnum > 0 ORDER BY attnum;
ALTER VIEW vd_v ALTER COLUMN c DROP DEFAULT;
-- a volatile default, evaluated for each row, and checked by the view's CHECK OPTION
CREATE VIEW vd_dv AS SELECT a, d FROM vd_t WHERE a > 100;
ALTER VIEW vd_dv ALTER COLUMN d SET DEFAULT now();
ALTER VIEW vd_dv SET (check_option = local);
INSERT INTO vd_dv (a) VALUES (101), (102) RETURNING a, d IS NOT NULL;
-- detail
INSERT INTO vd_dv (a) VALUES (1);
CREATE TABLE vd_ck (a int, tag text);
CREATE VIEW vd_ckv AS SELECT a, tag FROM vd_ck WHERE tag = 'ok' WITH CHECK OPTION;
INSERT INTO vd_ckv (a) VALUES (1);
ALTER VIEW vd_ckv ALTER COLUMN tag SET DEFAULT 'ok';
INSERT INTO vd_ckv (a) VALUES (2);
SELECT * FROM vd_ck;
-- a view that is not updatable may have defaults too
CREATE VIEW vd_g AS SELECT a, count(*) AS n FROM vd_t GROUP BY a;
ALTER VIEW vd_g ALTER COLUMN n SET DEFAULT 5;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'vd_g'::regclass;
-- literals coerced to the column's type
CREATE TABLE vd_t2 (x text, y varchar(10), z numeric(5,2), w int);
CREATE VIEW vd_v2 AS SELECT x, y, z, w FROM vd_t2;
ALTER VIEW vd_v2 ALTER COLUMN x SET DEFAULT 'a';
ALTER VIEW vd_v2 ALTER COLUMN z SET DEFAULT 1.5;
ALTER VIEW vd_v2 ALTER COLUMN w SET DEFAULT '3';
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'vd_v2' AND column_name <> 'y' ORDER BY 1;
ALTER VIEW vd_v2 ALTER COLUMN y SET DEFAULT 'b';
-- differs: a varchar column's default reads back as written ('b'), PostgreSQL's is 'b'::character varying
SELECT column_default FROM information_schema.columns WHERE table_name = 'vd_v2' AND column_name = 'y';
INSERT INTO vd_v2 DEFAULT VALUES;
SELECT * FROM vd_t2;
-- ALTER TABLE on the view, as pg_dump writes it
ALTER TABLE ONLY vd_v2 ALTER COLUMN w SET DEFAULT 4;
INSERT INTO vd_v2 (x) VALUES ('t');
SELECT * FROM vd_t2 WHERE x = 't';
-- differs: INSERT ... SELECT through a view leaving out a column with a view default is refused (0A000)
INSERT INTO vd_v2 (y) SELECT 'sel';
-- a renamed view keeps its option and defaults (a one-letter name is no keyword)
CREATE TABLE vd_r (a int, b text);
CREATE VIEW j AS SELECT a, b FROM vd_r WHERE a > 0 WITH LOCAL CHECK OPTION;
ALTER VIEW j ALTER COLUMN b SET DEFAULT 'x';
ALTER VIEW j RENAME TO vd_rv;
SELECT relname, reloptions FROM pg_class WHERE relname = 'vd_rv';
INSERT INTO vd_rv (a) VALUES (1);
-- detail
INSERT INTO vd_rv (a) VALUES (-1);
ALTER TABLE vd_r ADD COLUMN c int;
-- detail
INSERT INTO vd_rv (a) VALUES (-3);
-- CREATE OR REPLACE VIEW keeps the columns' defaults and takes the new options
CREATE OR REPLACE VIEW vd_rv AS SELECT a, b, 1 AS one FROM vd_r WHERE a > 0;
INSERT INTO vd_rv (a) VALUES (-4);
SELECT * FROM vd_r ORDER BY a;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'vd_rv' ORDER BY 1;
SELECT relname, reloptions FROM pg_class WHERE relname = 'vd_rv';
-- ON CONFLICT DO UPDATE SET c = DEFAULT takes the view's default
CREATE TABLE vd_oc (a int PRIMARY KEY, b text DEFAULT 'tb');
CREATE VIEW vd_ocv AS SELECT a, b FROM vd_oc;
ALTER VIEW vd_ocv ALTER COLUMN b SET DEFAULT 'vb';
INSERT INTO vd_ocv VALUES (1, 'x');
INSERT INTO vd_ocv VALUES (1, 'y') ON CONFLICT (a) DO UPDATE SET b = DEFAULT RETURNING *;
