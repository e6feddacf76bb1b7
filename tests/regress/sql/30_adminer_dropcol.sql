-- ALTER TABLE ... DROP COLUMN of a column a table constraint names (Adminer's alter form drops
-- a column of a UNIQUE (a, b)): PostgreSQL drops the constraint with the column; shardlite
-- refuses it with 0A000 and a HINT (it was XX000 with SQLite's own message).
CREATE TABLE adm_dc_u (id int PRIMARY KEY, a int, b int, CONSTRAINT adm_dc_u_ab UNIQUE (a, b));
-- differs: refused (0A000): DROP COLUMN of a column a UNIQUE over several columns uses
ALTER TABLE adm_dc_u DROP b;
CREATE TABLE adm_dc_c (id int PRIMARY KEY, a int, b int, CHECK (a > b));
-- differs: refused (0A000): DROP COLUMN of a column a table CHECK uses
ALTER TABLE adm_dc_c DROP COLUMN b;
CREATE TABLE adm_dc_p (x int, y int, UNIQUE (x, y));
CREATE TABLE adm_dc_f (id int PRIMARY KEY, a int, b int,
  FOREIGN KEY (a, b) REFERENCES adm_dc_p (x, y));
-- differs: refused (0A000): DROP COLUMN of a column a FOREIGN KEY over several columns uses
ALTER TABLE adm_dc_f DROP b;
DROP TABLE adm_dc_u, adm_dc_c, adm_dc_f, adm_dc_p;
-- the way that works on both: the constraint first, then the column
CREATE TABLE adm_dc_w (id int PRIMARY KEY, a int, b int, CONSTRAINT adm_dc_w_ab UNIQUE (a, b));
ALTER TABLE adm_dc_w DROP CONSTRAINT adm_dc_w_ab;
ALTER TABLE adm_dc_w DROP b;
SELECT column_name FROM information_schema.columns WHERE table_name = 'adm_dc_w'
 ORDER BY ordinal_position;
SELECT conname FROM pg_constraint WHERE conrelid = 'adm_dc_w'::regclass ORDER BY 1;
DROP TABLE adm_dc_w;
