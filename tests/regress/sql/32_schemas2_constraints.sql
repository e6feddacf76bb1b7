-- Tenant-local schemas: a key's index of a table s.t (stored "s.name", the constraint named
-- name) renamed by ALTER INDEX s.name RENAME TO, and DROP CONSTRAINT of a key other schemas'
-- foreign keys use (2BP01 naming them as PostgreSQL qualifies them).
CREATE SCHEMA app;
CREATE SCHEMA b;
CREATE TABLE app.users (id int PRIMARY KEY, k int CONSTRAINT users_k UNIQUE);
CREATE TABLE b.orders (id int PRIMARY KEY, uk int REFERENCES app.users (k));
CREATE TABLE orders (id int PRIMARY KEY, uk int REFERENCES app.users (k));
-- fields
ALTER TABLE app.users DROP CONSTRAINT users_k;
ALTER INDEX app.users_pkey RENAME TO users_pk;
ALTER TABLE app.users RENAME CONSTRAINT users_k TO users_k2;
-- fields
ALTER INDEX app.nosuch RENAME TO x;
SELECT conname, conrelid::regclass FROM pg_constraint
 WHERE contype IN ('p', 'u') AND connamespace <> 'pg_catalog'::regnamespace ORDER BY 1, 2::text;
SELECT indexname, schemaname, tablename FROM pg_indexes WHERE schemaname = 'app' ORDER BY 1;
INSERT INTO app.users VALUES (1, 1);
-- fields
INSERT INTO app.users VALUES (1, 2);
-- fields
INSERT INTO app.users VALUES (2, 1);
ALTER INDEX app.users_pk RENAME TO users_pkey;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'users_pkey';
DROP TABLE b.orders, orders;
ALTER TABLE app.users DROP CONSTRAINT users_k2;
INSERT INTO app.users VALUES (3, 1);
SELECT count(*) FROM app.users;
