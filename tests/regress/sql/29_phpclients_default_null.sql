-- DEFAULT NULL as Doctrine DBAL writes it for every nullable column: PostgreSQL keeps no
-- default for a bare NULL of a type without typmod (atthasdef false, column_default NULL),
-- keeps NULL::type for one with a typmod (the length coercion around the NULL; not interval,
-- whose typmod goes into the constant), and SET DEFAULT NULL drops the default.
CREATE TABLE dn (a varchar(200) DEFAULT NULL, b int DEFAULT NULL, c numeric(10,2) DEFAULT NULL,
  d int DEFAULT NULL::int, f int DEFAULT (NULL), g text DEFAULT 'x', i timestamp(0) DEFAULT NULL,
  j bytea DEFAULT NULL, k char(3) DEFAULT NULL, l interval(2) DEFAULT NULL, m date DEFAULT null);
SELECT attname, atthasdef, pg_get_expr(adbin, adrelid)
  FROM pg_attribute LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
  WHERE attrelid = 'dn'::regclass AND attnum > 0 ORDER BY attnum;
ALTER TABLE dn ALTER g SET DEFAULT NULL;
ALTER TABLE dn ADD COLUMN n int DEFAULT NULL, ADD COLUMN o varchar(30) DEFAULT NULL;
SELECT column_name, column_default, is_nullable FROM information_schema.columns
  WHERE table_name = 'dn' ORDER BY ordinal_position;
-- SET NOT NULL of a column whose default is NULL (Doctrine's Comparator sends it): the
-- stored definition stays valid, the default stays
ALTER TABLE dn ALTER a SET NOT NULL;
ALTER TABLE dn ALTER b SET NOT NULL, ALTER c SET NOT NULL;
INSERT INTO dn (a, b, c) VALUES ('x', 1, 2);
INSERT INTO dn (b, c) VALUES (1, 2);
SELECT a, b, c, g FROM dn;
SELECT column_name, column_default, is_nullable FROM information_schema.columns
  WHERE table_name = 'dn' AND column_name IN ('a', 'b', 'c') ORDER BY ordinal_position;
ALTER TABLE dn ALTER a DROP NOT NULL;
INSERT INTO dn (b, c) VALUES (3, 4);
SELECT a, b FROM dn ORDER BY b;
SELECT attname, attnotnull, atthasdef FROM pg_attribute
  WHERE attrelid = 'dn'::regclass AND attname IN ('a', 'b') ORDER BY attnum;
-- a NULL cast to another type than the column's keeps that cast in PostgreSQL
CREATE TABLE dn2 (h int DEFAULT NULL::bigint, e varchar(20) DEFAULT NULL::text, p int DEFAULT NULL::int4);
-- differs: the cast of a NULL default is not kept (the SQLite schema holds NULL): h has no default here, e reads NULL::character varying
SELECT attname, atthasdef, pg_get_expr(adbin, adrelid)
  FROM pg_attribute LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
  WHERE attrelid = 'dn2'::regclass AND attnum > 0 ORDER BY attnum;
-- a column of a domain type keeps DEFAULT NULL (a CoerceToDomain over the base type's NULL,
-- printed as that NULL)
CREATE DOMAIN dn_pos AS int CHECK (VALUE > 0);
CREATE TABLE dn3 (q dn_pos DEFAULT NULL, r dn_pos);

SELECT attname, atthasdef, pg_get_expr(adbin, adrelid)
  FROM pg_attribute LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
  WHERE attrelid = 'dn3'::regclass AND attnum > 0 ORDER BY attnum;
INSERT INTO dn3 (r) VALUES (1);
SELECT q, r FROM dn3;
