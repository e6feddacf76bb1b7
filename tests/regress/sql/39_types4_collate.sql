-- COLLATE "C" on a column is kept: pg_attribute.attcollation, \d's Collation column,
-- information_schema, an index key's indcollation, and ON CONFLICT inference (which matches an
-- index only with the key's own collation). The order is bytewise either way (the database's
-- collation is C).
CREATE TABLE tcol (id int PRIMARY KEY, a text, b text COLLATE "C", c varchar(5) COLLATE "C" NOT NULL DEFAULT 'x', d text COLLATE "default", e name);
INSERT INTO tcol VALUES (1, 'b', 'b', 'b', 'b', 'b'), (2, 'B', 'B', 'B', 'B', 'B'), (3, 'a', 'a', 'a', 'a', 'a'), (4, 'é', 'é', 'é', 'é', 'é');
SELECT b, c FROM tcol ORDER BY b;
SELECT b FROM tcol WHERE b > 'a' ORDER BY c DESC;
SELECT attname, attcollation FROM pg_attribute WHERE attrelid = 'tcol'::regclass AND attnum > 0 ORDER BY attnum;
-- psql's \d tcol
SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation) AS attcollation FROM pg_catalog.pg_attribute a WHERE a.attrelid = 'tcol'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum;
SELECT column_name, collation_schema, collation_name FROM information_schema.columns WHERE table_name = 'tcol' ORDER BY ordinal_position;
CREATE UNIQUE INDEX tcol_b ON tcol (b);
CREATE UNIQUE INDEX tcol_a ON tcol (a);
SELECT indexrelid::regclass, indcollation::text FROM pg_index WHERE indrelid = 'tcol'::regclass ORDER BY 1;
INSERT INTO tcol (id, b) VALUES (5, 'b') ON CONFLICT (b COLLATE "C") DO UPDATE SET a = 'hit' RETURNING id, a, b;
INSERT INTO tcol (id, b) VALUES (6, 'b') ON CONFLICT (b) DO NOTHING;
INSERT INTO tcol (id, b) VALUES (6, 'b') ON CONFLICT (b COLLATE "default") DO NOTHING;
INSERT INTO tcol (id, a) VALUES (6, 'b') ON CONFLICT (a COLLATE "C") DO NOTHING;
INSERT INTO tcol (id, a) VALUES (6, 'b') ON CONFLICT (a COLLATE "default") DO NOTHING;
ALTER TABLE tcol ADD COLUMN f text COLLATE "C";
SELECT attname, attcollation FROM pg_attribute WHERE attrelid = 'tcol'::regclass AND attname IN ('e', 'f') ORDER BY attnum;
CREATE TABLE tcol2 (n int COLLATE "C");
CREATE TABLE tcol2 (n text[] COLLATE "C", m varchar(3)[]);
SELECT attname, attcollation FROM pg_attribute WHERE attrelid = 'tcol2'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TABLE tcol3 (LIKE tcol);
SELECT attname, attcollation FROM pg_attribute WHERE attrelid = 'tcol3'::regclass AND attnum > 0 ORDER BY attnum;
