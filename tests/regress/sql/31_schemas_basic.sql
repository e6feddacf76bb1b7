-- Tenant-local schemas (CREATE SCHEMA inside a tenant): an object t of schema s is the
-- tenant file's "s.t". Create and drop, qualified names, foreign keys across schemas, the
-- catalog's rows, and PostgreSQL's errors.
CREATE SCHEMA app;
CREATE SCHEMA app;
CREATE SCHEMA IF NOT EXISTS app;
CREATE SCHEMA IF NOT EXISTS public;
CREATE SCHEMA public;
CREATE SCHEMA pg_mine;
CREATE SCHEMA "pg_x";
CREATE SCHEMA app2;
CREATE TABLE app.users (id serial PRIMARY KEY, email text UNIQUE NOT NULL);
CREATE TABLE app2.orders (id int PRIMARY KEY, user_id int REFERENCES app.users (id), note text);
CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES app.users (id));
CREATE INDEX orders_user ON app2.orders (user_id);
CREATE INDEX orders_user ON orders (user_id);
CREATE VIEW app.user_emails AS SELECT id, email FROM app.users;
INSERT INTO app.users (email) VALUES ('a@x'), ('b@x') RETURNING id, email;
INSERT INTO app.users (email) VALUES ('a@x');
INSERT INTO app2.orders VALUES (1, 1, 'first'), (2, 2, 'second');
INSERT INTO app2.orders VALUES (3, 9, 'nobody');
INSERT INTO orders VALUES (10, 2);
SELECT * FROM app.users ORDER BY id;
SELECT users.email, app.users.id FROM app.users ORDER BY 2;
SELECT u.email, o.note FROM app.users u JOIN app2.orders o ON o.user_id = u.id ORDER BY o.id;
SELECT app.users.email, orders.note FROM app.users, app2.orders WHERE orders.user_id = users.id ORDER BY 1;
SELECT * FROM app.user_emails ORDER BY id;
UPDATE app2.orders SET note = 'changed' WHERE id = 1 RETURNING *;
UPDATE app2.orders SET note = orders.note || '!' WHERE orders.id = 2 RETURNING note;
DELETE FROM app2.orders WHERE orders.id = 2 RETURNING id;
SELECT count(*) FROM orders;
SELECT * FROM app.nosuch;
SELECT * FROM app.orders;
CREATE TABLE nosuch.t (a int);
-- catalog
SELECT nspname FROM pg_namespace WHERE nspname IN ('app', 'app2', 'public') ORDER BY 1;
SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'app%' ORDER BY 1;
SELECT c.relname, n.nspname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname IN ('app', 'app2') ORDER BY 2, 1;
SELECT schemaname, tablename FROM pg_tables WHERE schemaname LIKE 'app%' ORDER BY 1, 2;
SELECT schemaname, viewname FROM pg_views WHERE schemaname = 'app';
SELECT schemaname, indexname FROM pg_indexes WHERE schemaname LIKE 'app%' ORDER BY 1, 2;
SELECT table_schema, table_name, table_type FROM information_schema.tables
 WHERE table_schema LIKE 'app%' ORDER BY 1, 2;
SELECT table_schema, table_name, column_name FROM information_schema.columns
 WHERE table_schema = 'app2' ORDER BY ordinal_position;
SELECT conname, connamespace::regnamespace AS nsp, contype FROM pg_constraint
 WHERE connamespace = 'app2'::regnamespace ORDER BY 1;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'orders_user_id_fkey' ORDER BY 1;
SELECT pg_get_indexdef('app2.orders_user'::regclass);
SELECT pg_get_viewdef('app.user_emails'::regclass);
SELECT pg_get_viewdef('app.user_emails'::regclass, true);
SELECT 'app.users'::regclass, 'app2.orders'::regclass, 'orders'::regclass;
SELECT 'app'::regnamespace;
SELECT pg_get_serial_sequence('app.users', 'id');
COMMENT ON SCHEMA app IS 'the application';
SELECT obj_description('app'::regnamespace, 'pg_namespace');
ALTER SCHEMA app OWNER TO CURRENT_USER;
-- drop
DROP SCHEMA app;
DROP SCHEMA app2, app;
DROP SCHEMA nosuch;
DROP SCHEMA IF EXISTS nosuch;
DROP TABLE app2.orders;
DROP SCHEMA app2;
DROP SCHEMA app2;
DROP TABLE orders;
DROP VIEW app.user_emails;
DROP TABLE app.users;
DROP SCHEMA IF EXISTS app RESTRICT;
SELECT nspname FROM pg_namespace WHERE nspname LIKE 'app%';
CREATE SCHEMA app;
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app';
DROP SCHEMA app CASCADE;
