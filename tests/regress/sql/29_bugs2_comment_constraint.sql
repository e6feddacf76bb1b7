-- COMMENT ON CONSTRAINT: kept by name with the other comments, shown as pg_constraint's
-- (pg_description.classoid 2606, obj_description(oid, 'pg_constraint')), following a renamed
-- constraint or table and gone with the constraint or table.
CREATE TABLE b2_par (id int PRIMARY KEY, code text CONSTRAINT b2_par_code_uq UNIQUE);
CREATE TABLE b2_kid (id int, pid int CONSTRAINT b2_kid_fk REFERENCES b2_par (id),
                     n int CONSTRAINT b2_kid_pos CHECK (n > 0));
COMMENT ON CONSTRAINT b2_par_pkey ON b2_par IS 'the key';
COMMENT ON CONSTRAINT b2_par_code_uq ON public.b2_par IS 'codes are unique';
COMMENT ON CONSTRAINT b2_kid_fk ON b2_kid IS 'kid of a parent';
COMMENT ON CONSTRAINT b2_kid_pos ON b2_kid IS 'positive';
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint
 WHERE conrelid IN ('b2_par'::regclass, 'b2_kid'::regclass) ORDER BY conname;
SELECT c.conname, d.description, d.objsubid FROM pg_description d
  JOIN pg_constraint c ON c.oid = d.objoid AND d.classoid = 'pg_constraint'::regclass
 WHERE c.conrelid IN ('b2_par'::regclass, 'b2_kid'::regclass) ORDER BY 1;
SELECT count(*) FROM pg_description WHERE classoid = 2606 AND description = 'positive';
SELECT obj_description('b2_par'::regclass, 'pg_class') AS table_comment;
-- errors: no such constraint, no such table, an index is not a table
COMMENT ON CONSTRAINT nope ON b2_par IS 'x';
COMMENT ON CONSTRAINT b2_par_pkey ON b2_nope IS 'x';
COMMENT ON CONSTRAINT b2_kid_pos ON b2_par IS 'x';
-- replaced, removed (IS NULL and IS '')
COMMENT ON CONSTRAINT b2_kid_pos ON b2_kid IS 'strictly positive';
COMMENT ON CONSTRAINT b2_par_code_uq ON b2_par IS NULL;
COMMENT ON CONSTRAINT b2_par_pkey ON b2_par IS '';
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint
 WHERE conrelid IN ('b2_par'::regclass, 'b2_kid'::regclass) ORDER BY conname;
-- renames: the comment follows the constraint and its table
ALTER TABLE b2_kid RENAME CONSTRAINT b2_kid_pos TO b2_kid_n_pos;
ALTER TABLE b2_kid RENAME TO b2_child;
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint
 WHERE conrelid = 'b2_child'::regclass ORDER BY conname;
-- a dropped constraint's comment goes with it: one made again has none
ALTER TABLE b2_child DROP CONSTRAINT b2_kid_n_pos;
ALTER TABLE b2_child ADD CONSTRAINT b2_kid_n_pos CHECK (n > 1);
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint
 WHERE conrelid = 'b2_child'::regclass ORDER BY conname;
DROP TABLE b2_child;
CREATE TABLE b2_kid (id int, pid int CONSTRAINT b2_kid_fk REFERENCES b2_par (id));
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint
 WHERE conrelid = 'b2_kid'::regclass ORDER BY conname;
DROP TABLE b2_kid;
DROP TABLE b2_par;
-- a domain's constraint
CREATE DOMAIN b2_pos AS int CONSTRAINT b2_pos_check CHECK (VALUE > 0);
COMMENT ON CONSTRAINT b2_pos_check ON DOMAIN b2_pos IS 'above zero';
COMMENT ON CONSTRAINT nope ON DOMAIN b2_pos IS 'x';
COMMENT ON CONSTRAINT b2_pos_check ON DOMAIN b2_nope IS 'x';
COMMENT ON CONSTRAINT b2_pos_check ON DOMAIN int4 IS 'x';
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint
 WHERE contypid = 'b2_pos'::regtype;
ALTER DOMAIN b2_pos RENAME CONSTRAINT b2_pos_check TO b2_pos_above;
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint
 WHERE contypid = 'b2_pos'::regtype;
ALTER DOMAIN b2_pos DROP CONSTRAINT b2_pos_above;
ALTER DOMAIN b2_pos ADD CONSTRAINT b2_pos_above CHECK (VALUE > 1);
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint
 WHERE contypid = 'b2_pos'::regtype;
DROP DOMAIN b2_pos;
-- a temporary table's constraint: its comment in the temp schema's sidecar
CREATE TEMP TABLE b2_tmp (id int CONSTRAINT b2_tmp_pk PRIMARY KEY);
COMMENT ON CONSTRAINT b2_tmp_pk ON b2_tmp IS 'temp key';
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint
 WHERE conrelid = 'b2_tmp'::regclass;
DROP TABLE b2_tmp;
