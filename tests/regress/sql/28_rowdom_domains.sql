-- Domains against PostgreSQL's own regression probes (docs/sql-compat.md "Domains"): a column
-- of a domain added to a table with rows takes its default cast to the domain, checked there
CREATE DOMAIN rd_code AS text CHECK (VALUE <> 'none') DEFAULT 'none';
CREATE DOMAIN rd_req AS text NOT NULL;
CREATE DOMAIN rd_short AS rd_code CHECK (length(VALUE) < 4);
CREATE TABLE rd_items (id int PRIMARY KEY, qty int);
ALTER TABLE rd_items ADD COLUMN early rd_code;
INSERT INTO rd_items (id, qty) VALUES (1, 5);
INSERT INTO rd_items (id, qty, early) VALUES (1, 5, 'abc');
ALTER TABLE rd_items ADD COLUMN code rd_code;
ALTER TABLE rd_items ADD COLUMN req rd_req;
ALTER TABLE rd_items ADD COLUMN req rd_req DEFAULT 'r';
ALTER TABLE rd_items ADD COLUMN code rd_code DEFAULT 'kept';
ALTER TABLE rd_items ADD COLUMN sh rd_short DEFAULT 'long';
ALTER TABLE rd_items ADD COLUMN sh rd_short DEFAULT 'none';
ALTER TABLE rd_items ADD COLUMN sh rd_short;
ALTER TABLE rd_items ADD COLUMN sh rd_short DEFAULT 'ok';
SELECT * FROM rd_items ORDER BY id;
-- a table's own CHECK its default fails on the rows there is a check violation
ALTER TABLE rd_items ADD COLUMN plain text CHECK (plain <> 'x') DEFAULT 'x';
DROP TABLE rd_items;
DROP DOMAIN rd_short;
DROP DOMAIN rd_req;
-- ALTER TYPE ... RENAME TO of a domain renames it, as ALTER DOMAIN does (tag ALTER TYPE)
CREATE DOMAIN rd_qty AS int CONSTRAINT rd_qty_pos CHECK (VALUE > 0);
ALTER TYPE rd_qty RENAME TO rd_amount;
SELECT 3::rd_amount;
SELECT 0::rd_amount;
SELECT 3::rd_qty;
ALTER DOMAIN rd_amount RENAME CONSTRAINT rd_qty_pos TO rd_amount_pos;
SELECT 0::rd_amount;
-- information_schema.check_constraints lists a domain's CHECKs (as domain_constraints names them)
SELECT count(*) FROM information_schema.check_constraints c
  JOIN information_schema.domain_constraints d USING (constraint_schema, constraint_name)
  WHERE d.domain_name = 'rd_amount';
SELECT constraint_name FROM information_schema.check_constraints
  WHERE constraint_name LIKE 'rd_amount%' ORDER BY 1;
DROP DOMAIN rd_amount;
-- a view keeps its casts to a domain as translated when it was made: a change of the domain's
-- constraints is refused while a view casts to it (PostgreSQL checks the new ones when the view
-- is read); each in a transaction block rolled back, so both sides go on alike
CREATE DOMAIN rd_pos AS int;
CREATE DOMAIN rd_odd AS rd_pos CHECK (VALUE % 2 = 1);
CREATE TABLE rd_src (v int);
INSERT INTO rd_src VALUES (NULL), (5);
CREATE VIEW rd_view AS SELECT v::rd_pos AS p FROM rd_src;
SELECT * FROM rd_view ORDER BY p;
ALTER DOMAIN rd_pos SET DEFAULT 1;
BEGIN;
-- differs: refused (0A000) while a view casts to the domain; PostgreSQL changes it (the view then fails when read)
ALTER DOMAIN rd_pos SET NOT NULL;
ROLLBACK;
BEGIN;
-- differs: refused (0A000) while a view casts to the domain; PostgreSQL changes it
ALTER DOMAIN rd_pos ADD CONSTRAINT rd_pos_big CHECK (VALUE > 6);
ROLLBACK;
SELECT * FROM rd_view ORDER BY p;
DROP VIEW rd_view;
CREATE VIEW rd_view2 AS SELECT v::rd_odd AS o FROM rd_src;
BEGIN;
-- differs: refused (0A000) while a view casts to a domain over it; PostgreSQL changes it
ALTER DOMAIN rd_pos ADD CONSTRAINT rd_pos_big CHECK (VALUE > 6);
ROLLBACK;
DROP VIEW rd_view2;
ALTER DOMAIN rd_pos ADD CONSTRAINT rd_pos_big CHECK (VALUE > 6);
SELECT 7::rd_odd;
SELECT 5::rd_odd;
DROP TABLE rd_src;
DROP DOMAIN rd_odd;
DROP DOMAIN rd_pos;
-- pg_typeof of a cast to a domain over an array names the domain, as of a scalar domain
CREATE DOMAIN rd_ints AS int[];
SELECT pg_typeof('{1,2,3}'::rd_ints), pg_typeof('{1,2,3}'::rd_ints || 4), array_dims('{1,2,3}'::rd_ints);
DROP DOMAIN rd_ints;
-- a pseudo-type is no base type for a domain
CREATE DOMAIN rd_fail AS anyelement;
CREATE DOMAIN rd_fail AS pg_catalog.record;
CREATE DOMAIN rd_fail AS void;
BEGIN;
-- differs: an attribute of a domain type in a composite type is refused (0A000): record_in would read it as the base type, unchecked
CREATE TYPE rd_pair AS (n rd_code, t text);
ROLLBACK;
DROP DOMAIN rd_code;
