-- Tenant-local schemas: errors and notices name an object t of schema s as PostgreSQL does —
-- t in the message, DETAIL and HINT, schema s and table t in the error's fields (psycopg's
-- e.diag, pgx's PgError) — though the tenant's file stores it as "s.t".
CREATE SCHEMA app;
CREATE TABLE app.users (id int PRIMARY KEY, email text UNIQUE NOT NULL, n int CHECK (n > 0));
CREATE TABLE app.orders (id int PRIMARY KEY, user_id int REFERENCES app.users (id));
CREATE TABLE plain (id int PRIMARY KEY, user_id int REFERENCES app.users (id));
INSERT INTO app.users VALUES (1, 'a', 1);
-- fields
INSERT INTO app.users VALUES (1, 'b', 1);
-- fields
INSERT INTO app.users VALUES (2, 'a', 1);
-- fields
INSERT INTO app.users VALUES (3, NULL, 1);
-- fields
UPDATE app.users SET n = 0;
-- fields
INSERT INTO app.orders VALUES (1, 9);
-- fields
INSERT INTO plain VALUES (1, 9);
INSERT INTO app.orders VALUES (2, 1);
-- fields
DELETE FROM app.users;
-- fields
TRUNCATE app.users;
-- notices
TRUNCATE app.users, plain CASCADE;
SELECT count(*) FROM app.orders;
-- fields
SELECT * FROM app.nosuch;
-- fields
DROP TABLE app.nosuch;
-- notices
DROP TABLE IF EXISTS app.nosuch;
-- fields
CREATE TABLE app.users (a int);
-- fields
ALTER TABLE app.users ADD COLUMN email text;
-- fields
DROP TABLE app.users;
CREATE UNIQUE INDEX users_lower ON app.users ((lower(email)));
INSERT INTO app.users VALUES (5, 'B', 1);
INSERT INTO app.users VALUES (6, 'B', 1);
-- differs: an expression index's violation has no DETAIL (its key's values are not known)
-- fields
INSERT INTO app.users VALUES (7, 'b', 1);
-- differs: the foreign key of another schema's table comes in a NOTICE of its own
-- notices
DROP SCHEMA app CASCADE;
