-- Tenant-local schemas: CREATE SCHEMA s with schema elements (CREATE TABLE, VIEW, INDEX,
-- SEQUENCE, TRIGGER, GRANT) makes each object in s, in PostgreSQL's order (sequences,
-- tables, views, indexes, triggers, grants), an unqualified name an element makes meaning
-- s's; CREATE SCHEMA AUTHORIZATION r names the schema after the role.
CREATE TABLE pub (id int PRIMARY KEY);
CREATE TABLE t (a int);
CREATE SCHEMA s
  CREATE VIEW v AS SELECT a, b FROM t WHERE a > 0
  CREATE TABLE t (a int PRIMARY KEY, b text, p int REFERENCES pub (id))
  CREATE INDEX ti ON t (b)
  CREATE SEQUENCE sq
  GRANT SELECT ON t TO PUBLIC;
SELECT c.relname, n.nspname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 's' ORDER BY 1;
SELECT pg_get_viewdef('s.v'::regclass);
SELECT pg_get_indexdef('s.ti'::regclass);
SELECT privilege_type FROM aclexplode((SELECT relacl FROM pg_class WHERE oid = 's.t'::regclass)) WHERE grantee = 0;
INSERT INTO pub VALUES (1);
INSERT INTO s.t VALUES (1, 'one', 1), (-1, 'minus', NULL);
INSERT INTO s.t VALUES (2, 'two', 9);
SELECT * FROM s.v;
SELECT count(*) FROM t;
SELECT nextval('s.sq');
-- qualified with its own schema
CREATE SCHEMA s2 CREATE TABLE s2.t (a int) CREATE VIEW s2.v AS SELECT * FROM s2.t;
SELECT c.relname, n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 's2' ORDER BY 1;
-- errors: nothing is made
-- detail
CREATE SCHEMA s3 CREATE TABLE other.t (a int);
-- detail
CREATE SCHEMA s3 CREATE TABLE t (a int) CREATE INDEX i ON pub.x (a);
CREATE SCHEMA s4 CREATE TABLE t (a int) CREATE TABLE t (b int);
-- detail
CREATE SCHEMA s2 CREATE TABLE t9 (a int);
CREATE SCHEMA s7 CREATE TABLE t (a int)
  CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION nosuchfn();
SELECT nspname FROM pg_namespace WHERE nspname LIKE 's_' ORDER BY 1;
SELECT count(*) FROM pg_class WHERE relname = 't9';
-- a trigger element
CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.b := upper(NEW.b); RETURN NEW; END $$;
CREATE SCHEMA s8 CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION stamp()
  CREATE TABLE t (a int, b text);
INSERT INTO s8.t VALUES (1, 'low') RETURNING *;
SELECT tgname, tgrelid::regclass FROM pg_trigger WHERE tgname = 'tr';
-- AUTHORIZATION
CREATE SCHEMA AUTHORIZATION regress;
-- notices
CREATE SCHEMA IF NOT EXISTS regress AUTHORIZATION regress;
CREATE SCHEMA IF NOT EXISTS s5 AUTHORIZATION regress;
-- detail
CREATE SCHEMA AUTHORIZATION regress CREATE TABLE x (a int);
CREATE SCHEMA s6 AUTHORIZATION regress CREATE TABLE x (a int PRIMARY KEY) CREATE TABLE y (a int REFERENCES x (a));
SELECT nspname FROM pg_namespace WHERE nspname IN ('regress', 's5', 's6') ORDER BY 1;
SELECT c.relname, n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname IN ('s6', 'regress') ORDER BY 1;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 's6.y'::regclass;
DROP SCHEMA regress;
CREATE SCHEMA AUTHORIZATION regress CREATE TABLE x (a int) CREATE VIEW xv AS SELECT a FROM x;
SELECT c.relname, n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'regress' ORDER BY 1;
