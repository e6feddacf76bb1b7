-- ALTER TABLE ... DROP COLUMN of a column the table's own constraints use: PostgreSQL drops
-- them with the column ("Indexes and table constraints involving the column will be
-- automatically dropped as well"); other tables' foreign keys that reference the column need
-- CASCADE (2BP01 without), which drops them too.
CREATE TABLE dc_u (id int PRIMARY KEY, a int, b int, CONSTRAINT dc_u_ab UNIQUE (a, b));
INSERT INTO dc_u VALUES (1, 1, 1), (2, 1, 2);
COMMENT ON CONSTRAINT dc_u_ab ON dc_u IS 'pair';
ALTER TABLE dc_u DROP COLUMN b;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'dc_u'::regclass ORDER BY 1;
SELECT relname FROM pg_class WHERE relname LIKE 'dc_u%' ORDER BY 1;
SELECT count(*) FROM pg_description WHERE classoid = 'pg_constraint'::regclass
  AND objoid NOT IN (SELECT oid FROM pg_constraint);
SELECT * FROM dc_u ORDER BY id;
-- the unique key went with the column: a repeated a is allowed now
INSERT INTO dc_u VALUES (3, 1);
-- a table CHECK over two columns, a column CHECK naming another column, and an index
CREATE TABLE dc_c (id int PRIMARY KEY, a int, b int CHECK (b > a), c int,
  CONSTRAINT dc_c_ac CHECK (a < c));
CREATE INDEX dc_c_ab ON dc_c (a, b);
INSERT INTO dc_c VALUES (1, 1, 2, 3);
ALTER TABLE dc_c DROP a;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'dc_c'::regclass ORDER BY 1;
SELECT indexname FROM pg_indexes WHERE tablename = 'dc_c' ORDER BY 1;
INSERT INTO dc_c VALUES (2, 0, 0);
SELECT * FROM dc_c ORDER BY id;
-- a primary key over two columns: the key goes, its other column stays NOT NULL
CREATE TABLE dc_k (a int, b int, v text, PRIMARY KEY (a, b));
INSERT INTO dc_k VALUES (1, 1, 'x'), (1, 2, 'y');
ALTER TABLE dc_k DROP COLUMN a;
SELECT conname FROM pg_constraint WHERE conrelid = 'dc_k'::regclass ORDER BY 1;
SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = 'dc_k'
  ORDER BY ordinal_position;
INSERT INTO dc_k VALUES (1, 'z');
-- a foreign key over two columns, on the referencing side
CREATE TABLE dc_p (x int, y int, UNIQUE (x, y));
CREATE TABLE dc_f (id int PRIMARY KEY, a int, b int, FOREIGN KEY (a, b) REFERENCES dc_p (x, y));
INSERT INTO dc_p VALUES (1, 1);
INSERT INTO dc_f VALUES (1, 1, 1);
ALTER TABLE dc_f DROP b;
SELECT conname FROM pg_constraint WHERE conrelid = 'dc_f'::regclass ORDER BY 1;
INSERT INTO dc_f VALUES (2, 99);
-- a UNIQUE column of one column
CREATE TABLE dc_s (id int PRIMARY KEY, code text UNIQUE, n int);
ALTER TABLE dc_s DROP code;
SELECT conname FROM pg_constraint WHERE conrelid = 'dc_s'::regclass ORDER BY 1;
-- a column another table's foreign key references: 2BP01 without CASCADE, nothing changed
CREATE TABLE dc_q (x int UNIQUE, z int);
CREATE TABLE dc_g (id int, xq int REFERENCES dc_q (x));
-- detail
ALTER TABLE dc_q DROP x;
ALTER TABLE dc_q ADD UNIQUE (z, x);
CREATE TABLE dc_h (id int, xq int, zq int, FOREIGN KEY (zq, xq) REFERENCES dc_q (z, x));
-- detail
ALTER TABLE dc_q DROP COLUMN x RESTRICT;
DROP TABLE dc_h;
ALTER TABLE dc_q DROP CONSTRAINT dc_q_z_x_key;
SELECT conname FROM pg_constraint WHERE conrelid IN ('dc_q'::regclass, 'dc_g'::regclass)
  ORDER BY 1;
-- with CASCADE the other table's key goes too, its rows kept
INSERT INTO dc_q VALUES (5, 6);
INSERT INTO dc_g VALUES (1, 5);
ALTER TABLE dc_q DROP x CASCADE;
SELECT conname FROM pg_constraint WHERE conrelid IN ('dc_q'::regclass, 'dc_g'::regclass)
  ORDER BY 1;
INSERT INTO dc_g VALUES (2, 77);
SELECT * FROM dc_g ORDER BY id;
SELECT * FROM dc_q;
-- a two-column key other tables reference, dropped with CASCADE
CREATE TABLE dc_k2 (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE dc_kr (a int, b int, FOREIGN KEY (a, b) REFERENCES dc_k2);
ALTER TABLE dc_k2 DROP a CASCADE;
SELECT conname FROM pg_constraint WHERE conrelid IN ('dc_k2'::regclass, 'dc_kr'::regclass)
  ORDER BY 1;
-- a self-reference over the column goes with it
CREATE TABLE dc_t (id int PRIMARY KEY, parent int REFERENCES dc_t (id), x int);
ALTER TABLE dc_t DROP parent;
SELECT conname FROM pg_constraint WHERE conrelid = 'dc_t'::regclass ORDER BY 1;
-- in a transaction block, and rolled back
BEGIN;
CREATE TABLE dc_x (id int PRIMARY KEY, a int, b int, CHECK (a <> b), UNIQUE (a, b));
ALTER TABLE dc_x DROP a;
SELECT conname FROM pg_constraint WHERE conrelid = 'dc_x'::regclass ORDER BY 1;
ROLLBACK;
-- with another action in the same statement
CREATE TABLE dc_m (id int PRIMARY KEY, a int, b int, UNIQUE (a, b));
ALTER TABLE dc_m DROP b, ADD c int;
SELECT conname FROM pg_constraint WHERE conrelid = 'dc_m'::regclass ORDER BY 1;
SELECT column_name FROM information_schema.columns WHERE table_name = 'dc_m'
  ORDER BY ordinal_position;
-- a column both another table's foreign key and a view use: both named, both dropped
CREATE TABLE dc_b1 (x int UNIQUE, y int);
CREATE TABLE dc_b2 (x int REFERENCES dc_b1 (x));
CREATE VIEW dc_bv AS SELECT x FROM dc_b1;
-- detail
ALTER TABLE dc_b1 DROP x;
ALTER TABLE dc_b1 DROP x CASCADE;
SELECT count(*) FROM pg_views WHERE viewname = 'dc_bv';
SELECT conname FROM pg_constraint WHERE conrelid IN ('dc_b1'::regclass, 'dc_b2'::regclass);
-- a temporary table
CREATE TEMP TABLE dc_tt (id int PRIMARY KEY, a int, b int, UNIQUE (a, b), CHECK (a < b));
ALTER TABLE dc_tt DROP b;
SELECT conname FROM pg_constraint WHERE conrelid = 'dc_tt'::regclass ORDER BY 1;
-- an EXCLUDE constraint over the column
CREATE TABLE dc_e (id int, a int, b int, EXCLUDE USING btree (a WITH =, b WITH =));
ALTER TABLE dc_e DROP a;
SELECT conname FROM pg_constraint WHERE conrelid = 'dc_e'::regclass ORDER BY 1;
INSERT INTO dc_e VALUES (1, 1), (2, 1);
-- a serial primary key column
CREATE TABLE dc_sk (id serial PRIMARY KEY, v text);
ALTER TABLE dc_sk DROP id;
SELECT conname FROM pg_constraint WHERE conrelid = 'dc_sk'::regclass ORDER BY 1;
-- through the extended protocol, and from PL/pgSQL
CREATE TABLE dc_x2 (id int PRIMARY KEY, a int, b int, UNIQUE (a, b), CHECK (a <> b));
-- extended
ALTER TABLE dc_x2 DROP COLUMN b;
DO $$ BEGIN EXECUTE 'ALTER TABLE dc_x2 DROP COLUMN a'; END $$;
SELECT conname FROM pg_constraint WHERE conrelid = 'dc_x2'::regclass ORDER BY 1;
DROP TABLE dc_x2;
-- indexes over an expression of the column or with a WHERE naming it go with it
CREATE TABLE dc_ix (id int, a int, b int);
CREATE INDEX dc_ix_e ON dc_ix ((a + b));
CREATE INDEX dc_ix_w ON dc_ix (id) WHERE a > 0;
CREATE INDEX dc_ix_b ON dc_ix (b) WHERE b > 0;
ALTER TABLE dc_ix DROP a;
SELECT indexname FROM pg_indexes WHERE tablename = 'dc_ix' ORDER BY 1;
DROP TABLE dc_ix;
-- a column a generated column reads
CREATE TABLE dc_gen (id int, a int, b int GENERATED ALWAYS AS (a + 1) STORED);
-- differs: refused (0A000) where PostgreSQL answers 2BP01 naming the generated column
ALTER TABLE dc_gen DROP a;
DROP TABLE dc_gen;
-- a key of a table others reference, in a transaction block
BEGIN;
CREATE TABLE dc_bt (id int PRIMARY KEY, a int, b int, UNIQUE (a, b));
CREATE TABLE dc_bc (id int REFERENCES dc_bt);
-- differs: refused (0A000): a key dropped by a rebuild of a table other tables reference, inside a transaction block
ALTER TABLE dc_bt DROP b;
ROLLBACK;
DROP TABLE dc_u, dc_c, dc_k, dc_f, dc_p, dc_s, dc_g, dc_q, dc_kr, dc_k2, dc_t, dc_m, dc_b1, dc_b2,
  dc_e, dc_sk;
