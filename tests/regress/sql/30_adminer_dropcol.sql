-- ALTER TABLE ... DROP COLUMN of a column a table constraint names (Adminer's alter form drops
-- a column of a UNIQUE (a, b)): the constraint goes with the column, as in PostgreSQL
-- (shard_dropcol.c; more cases in 30_dropcol_constraints.sql).
CREATE TABLE adm_dc_u (id int PRIMARY KEY, a int, b int, CONSTRAINT adm_dc_u_ab UNIQUE (a, b));
ALTER TABLE adm_dc_u DROP b;
CREATE TABLE adm_dc_c (id int PRIMARY KEY, a int, b int, CHECK (a > b));
ALTER TABLE adm_dc_c DROP COLUMN b;
CREATE TABLE adm_dc_p (x int, y int, UNIQUE (x, y));
CREATE TABLE adm_dc_f (id int PRIMARY KEY, a int, b int,
  FOREIGN KEY (a, b) REFERENCES adm_dc_p (x, y));
ALTER TABLE adm_dc_f DROP b;
SELECT conname FROM pg_constraint WHERE conrelid IN ('adm_dc_u'::regclass, 'adm_dc_c'::regclass,
  'adm_dc_f'::regclass) ORDER BY 1;
DROP TABLE adm_dc_u, adm_dc_c, adm_dc_f, adm_dc_p;
-- the constraint first, then the column
CREATE TABLE adm_dc_w (id int PRIMARY KEY, a int, b int, CONSTRAINT adm_dc_w_ab UNIQUE (a, b));
ALTER TABLE adm_dc_w DROP CONSTRAINT adm_dc_w_ab;
ALTER TABLE adm_dc_w DROP b;
SELECT column_name FROM information_schema.columns WHERE table_name = 'adm_dc_w'
 ORDER BY ordinal_position;
SELECT conname FROM pg_constraint WHERE conrelid = 'adm_dc_w'::regclass ORDER BY 1;
DROP TABLE adm_dc_w;
