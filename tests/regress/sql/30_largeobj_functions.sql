-- Large objects through the server-side SQL functions that take an OID: lo_create, lo_creat,
-- lo_from_bytea, lo_get (whole and a fragment), lo_put (within, across pages, past the end
-- leaving a hole of zeros), lo_unlink; PostgreSQL's errors; pg_largeobject_metadata and
-- pg_largeobject; a rolled-back transaction takes its large objects with it.
SELECT lo_create(424201);
SELECT lo_get(424201), length(lo_get(424201));
SELECT lo_create(424201);
SELECT lo_from_bytea(424202, '\x00010203'::bytea);
SELECT lo_get(424202);
SELECT lo_from_bytea(424203, 'hello, large object');
SELECT lo_get(424203), lo_get(424203, 7, 5), lo_get(424203, 7, 100), lo_get(424203, 100, 5);
SELECT lo_get(424203, 0, -1);
SELECT lo_put(424203, 0, 'HELLO');
SELECT lo_get(424203);
SELECT lo_put(424202, 6, '\xff'::bytea);
SELECT lo_get(424202), length(lo_get(424202));
-- 5000 bytes: three 2 KiB pages; a write across the first page boundary
SELECT lo_from_bytea(424204, decode(repeat('ab', 2500), 'hex'));
SELECT length(lo_get(424204)), md5(lo_get(424204));
SELECT lo_put(424204, 2040, decode(repeat('cd', 20), 'hex'));
SELECT md5(lo_get(424204)), lo_get(424204, 2038, 24);
SELECT loid, pageno, length(data) FROM pg_largeobject WHERE loid = 424204 ORDER BY pageno;
-- a hole: pages never written read as zeros
SELECT lo_create(424205);
SELECT lo_put(424205, 4100, '\x07'::bytea);
SELECT length(lo_get(424205)), lo_get(424205, 4095, 10);
SELECT pageno, length(data) FROM pg_largeobject WHERE loid = 424205 ORDER BY pageno;
SELECT oid, lomacl FROM pg_largeobject_metadata WHERE oid BETWEEN 424200 AND 424299 ORDER BY oid;
SELECT count(*) FROM pg_largeobject_metadata m JOIN pg_roles r ON r.oid = m.lomowner
 WHERE m.oid BETWEEN 424200 AND 424299 AND r.rolname = current_user;
-- errors
SELECT lo_get(424299);
SELECT lo_get(424299, 0, 1);
SELECT lo_put(424299, 0, '\x00'::bytea);
SELECT lo_unlink(424299);
-- detail
SELECT lo_from_bytea(424202, '\x00'::bytea);
-- NULL arguments: the functions are strict
SELECT lo_get(NULL), lo_put(424203, NULL, '\x00'::bytea), lo_create(NULL), lo_unlink(NULL);
-- OIDs the server picks
SELECT lo_creat(-1) > 0, lo_create(0) > 0;
SELECT lo_unlink(oid) FROM pg_largeobject_metadata WHERE oid NOT BETWEEN 424200 AND 424299;
-- through the extended protocol
-- extended
SELECT lo_from_bytea(424206, '\x0a0b'::bytea);
-- transactions: a rollback undoes creation, writes and unlinks
BEGIN;
SELECT lo_create(424207);
SELECT lo_put(424203, 0, 'xxxxx');
SELECT lo_unlink(424202);
ROLLBACK;
SELECT lo_get(424207);
SELECT lo_get(424203), lo_get(424202);
BEGIN;
SELECT lo_from_bytea(424208, 'kept');
COMMIT;
SELECT lo_get(424208);
SELECT lo_unlink(424201), lo_unlink(424202);
SELECT lo_get(424201);
SELECT oid FROM pg_largeobject_metadata WHERE oid BETWEEN 424200 AND 424299 ORDER BY oid;
SELECT DISTINCT loid FROM pg_largeobject WHERE loid BETWEEN 424200 AND 424299 ORDER BY loid;
-- in a table, as an application keeps them
CREATE TABLE lo_doc (id int PRIMARY KEY, body oid);
INSERT INTO lo_doc VALUES (1, lo_from_bytea(424209, 'body one'));
SELECT id, convert_from(lo_get(body), 'UTF8') FROM lo_doc;
SELECT lo_unlink(body) FROM lo_doc;
DROP TABLE lo_doc;
-- a view reads them; a READ ONLY transaction may read them
CREATE VIEW lo_view AS SELECT lo_get(424208) AS body;
SELECT * FROM lo_view;
DROP VIEW lo_view;
BEGIN READ ONLY;
SELECT lo_get(424208);
-- differs: writes to large objects are refused in a READ ONLY transaction (25006), as PostgreSQL 16 does
SELECT lo_create(424211);
ROLLBACK;
BEGIN READ ONLY;
-- differs: writes to large objects are refused in a READ ONLY transaction (25006), as PostgreSQL 16 does
SELECT lo_unlink(424208);
ROLLBACK;
-- COMMENT ON LARGE OBJECT, ALTER LARGE OBJECT ... OWNER TO; psql's \lo_list
SELECT lo_from_bytea(424210, 'commented');
COMMENT ON LARGE OBJECT 424210 IS 'a comment';
SELECT obj_description(424210, 'pg_largeobject'), obj_description(424203, 'pg_largeobject');
SELECT objoid, classoid::regclass, objsubid, description FROM pg_description
 WHERE classoid = 'pg_largeobject'::regclass ORDER BY objoid;
SELECT oid as "ID", pg_catalog.obj_description(oid, 'pg_largeobject') as "Description"
  FROM pg_catalog.pg_largeobject_metadata WHERE oid BETWEEN 424200 AND 424299 ORDER BY oid;
COMMENT ON LARGE OBJECT 424210 IS NULL;
SELECT obj_description(424210, 'pg_largeobject');
COMMENT ON LARGE OBJECT 424299 IS 'none';
ALTER LARGE OBJECT 424210 OWNER TO CURRENT_USER;
ALTER LARGE OBJECT 424299 OWNER TO CURRENT_USER;
BEGIN;
COMMENT ON LARGE OBJECT 424210 IS 'rolled back';
ROLLBACK;
SELECT obj_description(424210, 'pg_largeobject');
-- differs: refused (0A000): GRANT ON LARGE OBJECT (every object belongs to the session user)
GRANT SELECT ON LARGE OBJECT 424210 TO PUBLIC;
-- descriptors: valid until the transaction ends
BEGIN;
SELECT lo_open(424203, 262144);
SELECT loread(0, 5), lo_tell(0), loread(0, 100), lo_tell64(0), loread(0, 5);
SELECT lo_lseek(0, 2, 0), loread(0, 3), lo_lseek(0, -2, 1), lo_lseek64(0, -3, 2), loread(0, 10);
SELECT lowrite(0, 'nope');
ROLLBACK;
BEGIN;
SELECT lo_open(424203, 131072), lo_open(424203, 262144 | 131072);
SELECT lowrite(0, 'howdy'), lo_tell(0), lowrite(1, 'XY');
SELECT lo_get(424203);
SELECT lo_lseek(0, 25, 0), lowrite(0, '!'), lo_tell(0);
SELECT lo_get(424203), length(lo_get(424203));
SELECT lo_truncate(0, 10), lo_tell(0);
SELECT lo_get(424203);
SELECT lo_truncate64(1, 3000::bigint);
SELECT length(lo_get(424203)), lo_get(424203, 0, 12), lo_get(424203, 2995, 10);
SELECT lo_close(1), lo_close(0);
SELECT loread(0, 1);
ROLLBACK;
BEGIN;
SELECT lo_close(0);
ROLLBACK;
BEGIN;
SELECT lo_open(424299, 262144);
ROLLBACK;
BEGIN;
SELECT lo_open(424203, 0);
ROLLBACK;
BEGIN;
SELECT lo_open(424203, 262144);
SELECT lo_lseek(0, 0, 7);
ROLLBACK;
BEGIN;
SELECT lo_open(424203, 262144);
SELECT lo_lseek(0, -100, 1);
ROLLBACK;
BEGIN;
SELECT lo_open(424203, 262144), loread(0, -1), loread(NULL, 1);
COMMIT;
-- the descriptor went with the transaction
SELECT loread(0, 1);
-- one statement opens, writes and closes (its own transaction)
-- differs: a read sees a write of the same statement (PostgreSQL's statement snapshot does not)
SELECT lowrite(lo_open(424208, 131072), 'KE'), lo_get(424208);
SELECT lo_get(424208);
-- several statements in one message are one transaction
SELECT lo_open(424208, 262144); SELECT loread(0, 2);
SELECT lo_tell(0);
-- differs: refused (0A000): server-side lo_import/lo_export (files of the server's machine)
SELECT lo_import('/nonexistent/lo_regress');
SELECT lo_unlink(oid) FROM pg_largeobject_metadata WHERE oid BETWEEN 424200 AND 424299;
