-- Tenant-local schemas: ALTER TABLE s.t DROP COLUMN of a column other schemas' foreign keys
-- reference: 2BP01 naming them, CASCADE drops those keys (of the right tables) with
-- PostgreSQL's NOTICE.
CREATE SCHEMA app;
CREATE SCHEMA b;
CREATE TABLE app.users (id int PRIMARY KEY, k int UNIQUE);
CREATE TABLE b.orders (id int PRIMARY KEY, uk int REFERENCES app.users (k));
CREATE TABLE orders (id int PRIMARY KEY, uk int REFERENCES app.users (k));
INSERT INTO app.users VALUES (1, 5);
INSERT INTO b.orders VALUES (1, 5);
-- fields
INSERT INTO b.orders VALUES (2, 6);
-- fields
ALTER TABLE app.users DROP COLUMN k;
-- notices
ALTER TABLE app.users DROP COLUMN k CASCADE;
INSERT INTO b.orders VALUES (2, 6);
INSERT INTO orders VALUES (1, 7);
SELECT conname, conrelid::regclass FROM pg_constraint WHERE contype = 'f' ORDER BY 1;
SELECT * FROM b.orders ORDER BY id;
DROP TABLE b.orders;
DROP TABLE orders;
DROP SCHEMA app CASCADE;
