-- Large objects (found with PostgreSQL's largeobject script): the catalogs pg_dump and psql's
-- \lo_list read, the server-side functions (30_largeobj_functions.sql has more); GRANT ON
-- LARGE OBJECT is 0A000 naming it.
SELECT loid, pageno, data FROM pg_largeobject;
SELECT count(*) FROM pg_largeobject_metadata;
SELECT 'pg_largeobject'::regclass::oid, 'pg_largeobject_metadata'::regclass::oid;
SELECT lo_create(4242);
SELECT lo_creat(-1) > 0;
SELECT lo_from_bytea(4243, '\x01020304'::bytea);
SELECT lo_get(4242);
SELECT lo_put(4242, 0, '\xff'::bytea);
SELECT lo_unlink(4242);
SELECT lo_unlink(oid) FROM pg_largeobject_metadata;
SELECT lo_open(999999, 262144);
ALTER LARGE OBJECT 999999 OWNER TO CURRENT_USER;
COMMENT ON LARGE OBJECT 999999 IS 'none';
-- differs: GRANT ON LARGE OBJECT is not supported (0A000; PostgreSQL: 42704 no such large object)
GRANT SELECT ON LARGE OBJECT 999999 TO PUBLIC;
