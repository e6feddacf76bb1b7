-- DDL: tables with PostgreSQL types and constraints, indexes, ALTER, views, DROP.
CREATE TABLE customers (
    id serial PRIMARY KEY,
    email varchar(120) NOT NULL UNIQUE,
    name text NOT NULL,
    vip boolean DEFAULT false,
    credit numeric(12,2) DEFAULT 0,
    created_on date
);
CREATE TABLE products (
    sku char(8) PRIMARY KEY,
    title text NOT NULL,
    price numeric(10,2) NOT NULL CHECK (price >= 0),
    weight real,
    rating double precision,
    stock smallint DEFAULT 0,
    big bigint
);
CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    sku char(8) REFERENCES products (sku) ON UPDATE CASCADE,
    qty integer NOT NULL DEFAULT 1 CHECK (qty > 0),
    note text
);
CREATE TABLE IF NOT EXISTS customers (id int);
CREATE TABLE customers (id int);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE UNIQUE INDEX products_title_idx ON products (title);
CREATE INDEX products_lower_title_idx ON products (lower(title));
CREATE INDEX orders_big_qty_idx ON orders (qty) WHERE qty > 10;
CREATE INDEX orders_btree_idx ON orders USING btree (sku, qty);
-- REINDEX (reindexdb sends these): SQLite's REINDEX of the index, the table's indexes, the file
REINDEX INDEX orders_btree_idx;
REINDEX TABLE orders;
REINDEX (VERBOSE) TABLE CONCURRENTLY products;
REINDEX TABLE no_such_table;
REINDEX SCHEMA public;
-- differs: REINDEX TABLE of an index's name is 42P01 here (the translator knows tables, not indexes), 42809 in PostgreSQL
REINDEX TABLE orders_btree_idx;
CREATE INDEX IF NOT EXISTS orders_customer_idx ON orders (customer_id);
CREATE INDEX orders_customer_idx ON orders (customer_id);
INSERT INTO customers (email, name, vip, credit, created_on) VALUES ('ann@example.com', 'Ann', true, 10.5, '2024-01-15');
INSERT INTO customers (email, name) VALUES ('bob@example.com', 'Bob');
INSERT INTO customers (email, name, credit) VALUES ('cy@example.com', 'Cy', 99.999);
INSERT INTO products VALUES ('A1', 'Anvil', 99.90, 50.5, 4.5, 3, 9000000000);
INSERT INTO products VALUES ('B2', 'Bucket', 5.00, 0.4, 3.25, 100, NULL);
INSERT INTO products (sku, title, price) VALUES ('C3', 'Chain', 12.5);
INSERT INTO orders (customer_id, sku, qty) VALUES (1, 'A1', 2), (1, 'B2', 12), (2, 'B2', 1);
SELECT id, email, name, vip, credit, created_on FROM customers ORDER BY id;
SELECT sku, title, price, weight, rating, stock, big FROM products ORDER BY sku;
SELECT id, customer_id, sku, qty, note FROM orders ORDER BY id;
INSERT INTO products (sku, title, price) VALUES ('D4', 'Drill', -1);
INSERT INTO orders (customer_id, qty) VALUES (99, 1);
INSERT INTO customers (email, name) VALUES ('ann@example.com', 'Ann again');
INSERT INTO customers (email) VALUES ('nobody@example.com');
INSERT INTO orders (customer_id, qty) VALUES (1, 0);
ALTER TABLE customers ADD COLUMN phone varchar(20);
ALTER TABLE customers ADD COLUMN tier integer NOT NULL DEFAULT 1;
SELECT id, phone, tier FROM customers ORDER BY id;
ALTER TABLE customers RENAME COLUMN phone TO mobile;
SELECT mobile FROM customers WHERE id = 1;
ALTER TABLE customers ALTER COLUMN tier SET DEFAULT 2;
INSERT INTO customers (email, name) VALUES ('dee@example.com', 'Dee');
SELECT name, tier FROM customers WHERE email = 'dee@example.com';
ALTER TABLE customers ALTER COLUMN tier DROP DEFAULT;
ALTER TABLE customers DROP COLUMN mobile;
SELECT * FROM customers WHERE id = 2;
ALTER TABLE products RENAME TO goods;
SELECT count(*) FROM goods;
SELECT count(*) FROM products;
ALTER TABLE goods RENAME TO products;
CREATE VIEW big_orders AS SELECT o.id, c.name, o.qty FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.qty > 1;
SELECT * FROM big_orders ORDER BY id;
CREATE OR REPLACE VIEW big_orders AS SELECT o.id, c.name, o.qty, o.sku FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.qty > 1;
SELECT * FROM big_orders ORDER BY id;
CREATE OR REPLACE VIEW big_orders AS SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id;
CREATE OR REPLACE VIEW big_orders AS SELECT o.id, o.qty AS name, o.qty, o.sku FROM orders o;
CREATE OR REPLACE VIEW big_orders AS SELECT o.id, c.name, o.sku AS quantity, o.qty FROM orders o JOIN customers c ON c.id = o.customer_id;
CREATE OR REPLACE VIEW products AS SELECT 1 AS one;
DROP VIEW big_orders;
DROP VIEW big_orders;
DROP VIEW IF EXISTS big_orders;
DROP INDEX orders_big_qty_idx;
DROP INDEX IF EXISTS orders_big_qty_idx;
DELETE FROM customers WHERE id = 1;
SELECT count(*) FROM orders;
CREATE TABLE t_types (a smallint, b integer, c bigint, d real, e double precision, f numeric, g numeric(5,1), h text, i varchar(5), j char(3), k boolean, l bytea, m date, n time, o timestamp, p timestamptz, q interval, r uuid, s json, t jsonb);
INSERT INTO t_types VALUES (1, 2, 3, 1.5, 2.25, 3.125, 4.25, 'txt', 'var', 'ch', true, '\x0102', '2024-02-29', '13:45:00', '2024-02-29 13:45:00', '2024-02-29 13:45:00+00', '1 day', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1}', '{"b": [1, 2]}');
SELECT a, b, c, d, e, f, g, h, i, j, k FROM t_types;
SELECT l, m, n, o, p, q, r, s, t FROM t_types;
INSERT INTO t_types (i) VALUES ('toolong');
INSERT INTO t_types (g) VALUES (12345.67);
TRUNCATE t_types;
SELECT count(*) FROM t_types;
-- TRUNCATE of a table another table's foreign key references: refused unless that table is
-- emptied too (RESTRICT, whatever the key's ON DELETE action), or emptied with it (CASCADE)
CREATE TABLE tr_parent (id int PRIMARY KEY);
CREATE TABLE tr_child (id serial PRIMARY KEY, p int REFERENCES tr_parent ON DELETE CASCADE);
CREATE TABLE tr_grand (id int PRIMARY KEY, c int REFERENCES tr_child ON DELETE RESTRICT);
INSERT INTO tr_parent VALUES (1), (2);
INSERT INTO tr_child (p) VALUES (1), (2);
INSERT INTO tr_grand VALUES (1, 1);
TRUNCATE tr_parent;
TRUNCATE tr_parent, tr_child;
SELECT (SELECT count(*) FROM tr_parent) AS p, (SELECT count(*) FROM tr_child) AS c;
TRUNCATE tr_parent, tr_child, tr_grand RESTRICT;
SELECT count(*) FROM tr_grand;
INSERT INTO tr_parent VALUES (1);
INSERT INTO tr_child (p) VALUES (1);
INSERT INTO tr_grand VALUES (1, 3);
TRUNCATE tr_parent RESTART IDENTITY CASCADE;
SELECT (SELECT count(*) FROM tr_child) AS c, (SELECT count(*) FROM tr_grand) AS g;
INSERT INTO tr_parent VALUES (1);
INSERT INTO tr_child (p) VALUES (1) RETURNING id;
TRUNCATE tr_child CASCADE;
SELECT count(*) FROM tr_parent;
DROP TABLE tr_grand, tr_child, tr_parent;
DROP TABLE t_types;
DROP TABLE t_types;
DROP TABLE IF EXISTS t_types;
CREATE TABLE kv (k text PRIMARY KEY, v text);
ALTER TABLE kv ADD CONSTRAINT kv_v_check CHECK (v <> '');
INSERT INTO kv VALUES ('a', '');
ALTER TABLE kv DROP CONSTRAINT kv_v_check;
INSERT INTO kv VALUES ('a', '');
ALTER TABLE kv DROP CONSTRAINT kv_v_check;
ALTER TABLE kv DROP CONSTRAINT IF EXISTS kv_v_check;
ALTER TABLE kv ADD COLUMN n integer DEFAULT 5;
ALTER TABLE kv ADD CONSTRAINT kv_n_check CHECK (n < 100);
ALTER TABLE kv ALTER COLUMN n TYPE bigint;
INSERT INTO kv (k) VALUES ('b');
SELECT k, n FROM kv ORDER BY k;
ALTER TABLE kv ALTER COLUMN n SET DATA TYPE integer USING n + 1;
ALTER TABLE kv ALTER COLUMN v TYPE integer USING length(v);
SELECT k, v, n FROM kv ORDER BY k;
ALTER TABLE kv ALTER COLUMN n SET DEFAULT 'x';
ALTER TABLE kv ALTER COLUMN v SET DEFAULT 'x';
ALTER TABLE kv ALTER COLUMN nope TYPE text;
ALTER TABLE kv DROP CONSTRAINT kv_n_check;
INSERT INTO kv VALUES ('c', 1, 500);
ALTER TABLE kv DROP CONSTRAINT kv_pkey;
INSERT INTO kv VALUES ('c', 2, 1);
SELECT k, v, n FROM kv ORDER BY k, v;
ALTER TABLE nope DROP CONSTRAINT x;
ALTER TABLE kv ALTER COLUMN n SET NOT NULL;
UPDATE kv SET n = 0 WHERE n IS NULL;
ALTER TABLE kv ALTER COLUMN n SET NOT NULL;
INSERT INTO kv VALUES ('d', 1, NULL);
ALTER TABLE kv ALTER COLUMN n DROP NOT NULL;
INSERT INTO kv VALUES ('d', 1, NULL);
ALTER TABLE kv ALTER COLUMN n DROP NOT NULL;
ALTER TABLE kv ALTER COLUMN nope SET NOT NULL;
SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'kv'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TABLE kv_parent (id int PRIMARY KEY, name varchar(100) NOT NULL);
CREATE TABLE kv_child (id int PRIMARY KEY, p int REFERENCES kv_parent (id) DEFERRABLE INITIALLY DEFERRED);
INSERT INTO kv_parent VALUES (1, 'one');
INSERT INTO kv_child VALUES (1, 1);
BEGIN;
ALTER TABLE kv_parent ALTER COLUMN name DROP NOT NULL;
ALTER TABLE kv_parent ALTER COLUMN name TYPE varchar(255);
INSERT INTO kv_parent VALUES (2, NULL);
COMMIT;
ALTER TABLE kv_parent ALTER COLUMN id DROP NOT NULL;
SELECT id, name FROM kv_parent ORDER BY id;
SELECT column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns WHERE table_name = 'kv_parent' ORDER BY ordinal_position;
DROP TABLE kv_child;
DROP TABLE kv_parent;
CREATE TABLE vw (s varchar(10), c char(4));
INSERT INTO vw VALUES ('abcdef', 'ab'), ('ab  ', 'x');
ALTER TABLE vw ALTER COLUMN s TYPE varchar(3);
ALTER TABLE vw ALTER COLUMN s TYPE varchar(6);
ALTER TABLE vw ALTER COLUMN c TYPE char(6);
ALTER TABLE vw ALTER COLUMN c TYPE char(1);
ALTER TABLE vw ALTER COLUMN s TYPE varchar(2) USING left(s, 2);
SELECT s, c || '|', length(s) FROM vw ORDER BY 1, 2;
DROP TABLE vw;
CREATE TABLE dp (id int PRIMARY KEY, x int);
CREATE TABLE dc (id int PRIMARY KEY, p int REFERENCES dp (id));
ALTER TABLE dp DROP COLUMN x CASCADE;
DROP TABLE dc CASCADE;
DROP TABLE IF EXISTS dc CASCADE;
CREATE TABLE dc (id int PRIMARY KEY, p int REFERENCES dp (id));
DROP TABLE dp, dc CASCADE;
SELECT count(*) FROM pg_class WHERE relname IN ('dp', 'dc');
CREATE TABLE dp (id int PRIMARY KEY);
CREATE VIEW dv AS SELECT id FROM dp WHERE id > 0;
CREATE VIEW dv2 AS SELECT count(*) AS n FROM dv;
CREATE VIEW dv3 AS SELECT 1 AS one;
COMMENT ON VIEW dv IS 'gone with dp';
BEGIN;
DROP TABLE dp CASCADE;
SELECT relname FROM pg_class WHERE relname IN ('dp', 'dv', 'dv2', 'dv3') ORDER BY 1;
ROLLBACK;
SELECT relname FROM pg_class WHERE relname IN ('dp', 'dv', 'dv2', 'dv3') ORDER BY 1;
DROP TABLE dp CASCADE;
SELECT relname FROM pg_class WHERE relname IN ('dp', 'dv', 'dv2', 'dv3') ORDER BY 1;
SELECT count(*) FROM pg_description WHERE description = 'gone with dp';
DROP VIEW dv3;
CREATE TABLE IF NOT EXISTS dp (id int PRIMARY KEY);
CREATE TABLE dc (id int PRIMARY KEY, p int REFERENCES dp (id), q int REFERENCES dc (id));
INSERT INTO dp VALUES (1);
INSERT INTO dc VALUES (1, 1, NULL), (2, 1, 1);
BEGIN;
DROP TABLE dp CASCADE;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'dc'::regclass ORDER BY 1;
ROLLBACK;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'dc'::regclass ORDER BY 1;
DROP TABLE dp CASCADE;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'dc'::regclass ORDER BY 1;
INSERT INTO dc VALUES (3, 99, 2);
SELECT id, p, q FROM dc ORDER BY 1;
DROP TABLE dc CASCADE;
CREATE TABLE vt (a int);
CREATE VIEW va AS SELECT a FROM vt;
CREATE VIEW vb AS SELECT a FROM va WHERE a > 0;
CREATE VIEW vc AS SELECT count(*) AS n FROM vb;
CREATE VIEW vd AS SELECT a FROM vt;
BEGIN;
DROP VIEW vb CASCADE;
SELECT relname FROM pg_class WHERE relname IN ('va', 'vb', 'vc', 'vd', 'vt') ORDER BY 1;
ROLLBACK;
DROP VIEW va, vd CASCADE;
SELECT relname FROM pg_class WHERE relname IN ('va', 'vb', 'vc', 'vd', 'vt') ORDER BY 1;
DROP VIEW IF EXISTS nosuch CASCADE;
DROP TABLE vt;
COMMENT ON TABLE kv IS 'key value pairs';
COMMENT ON COLUMN kv.v IS 'the value';
DROP TABLE kv;
-- IF [NOT] EXISTS of what is missing or already there (PostgreSQL sends a NOTICE)
CREATE TABLE ifx (a int);
CREATE TABLE IF NOT EXISTS ifx (a int);
CREATE INDEX IF NOT EXISTS ifx_a_idx ON ifx (a);
CREATE INDEX IF NOT EXISTS ifx_a_idx ON ifx (a);
DROP TABLE IF EXISTS ifx, ifx_nosuch;
DROP INDEX IF EXISTS ifx_nosuch_idx;
-- what a pg_dump restore sends: OWNER TO the session user, identity added to a column, and
-- foreign keys added last, also to tables other tables reference already
CREATE TABLE rs_parent (id integer NOT NULL, name text);
ALTER TABLE rs_parent OWNER TO CURRENT_USER;
ALTER TABLE rs_parent OWNER TO SESSION_USER;
ALTER TABLE rs_nosuch OWNER TO CURRENT_USER;
-- a role that does not exist is 42704 (another user of the users file is 0A000: every object of a tenant belongs to the session user)
ALTER TABLE rs_parent OWNER TO rs_nosuch_role;
ALTER TABLE rs_parent ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.rs_parent_id_seq
    START WITH 10
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
ALTER TABLE rs_parent ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
ALTER TABLE rs_parent ALTER COLUMN name ADD GENERATED BY DEFAULT AS IDENTITY;
INSERT INTO rs_parent (name) VALUES ('a'), ('b') RETURNING id, name;
ALTER TABLE ONLY rs_parent ADD CONSTRAINT rs_parent_pkey PRIMARY KEY (id);
CREATE TABLE rs_mid (id integer NOT NULL PRIMARY KEY, parent_id integer);
CREATE TABLE rs_child (mid_id integer REFERENCES rs_mid (id));
INSERT INTO rs_mid VALUES (1, 10), (2, 11);
INSERT INTO rs_child VALUES (1), (2);
ALTER TABLE ONLY rs_mid ADD CONSTRAINT rs_mid_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES rs_parent(id);
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'rs_mid_parent_id_fkey';
INSERT INTO rs_mid VALUES (3, 99);
SELECT count(*) FROM rs_child;
-- the same inside a transaction block (pg_restore --single-transaction)
ALTER TABLE rs_mid DROP CONSTRAINT rs_mid_parent_id_fkey;
BEGIN;
ALTER TABLE ONLY rs_mid ADD CONSTRAINT rs_mid_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES rs_parent(id);
INSERT INTO rs_mid VALUES (4, 98);
ROLLBACK;
INSERT INTO rs_mid VALUES (5, 97);
BEGIN;
ALTER TABLE ONLY rs_mid ADD CONSTRAINT rs_mid_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES rs_parent(id);
ROLLBACK;
BEGIN;
ALTER TABLE rs_mid ADD FOREIGN KEY (parent_id) REFERENCES rs_parent(name);
ROLLBACK;
DELETE FROM rs_mid WHERE id = 5;
BEGIN;
ALTER TABLE ONLY rs_mid ADD CONSTRAINT rs_mid_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES rs_parent(id);
COMMIT;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'rs_mid_parent_id_fkey';
-- a key added to a table others reference (pg_restore -j may add it after their foreign keys)
ALTER TABLE rs_mid ADD CONSTRAINT rs_mid_parent_key UNIQUE (parent_id);
INSERT INTO rs_mid VALUES (6, 10);
-- what pg_dump writes back: DESC keys, deferrable foreign keys
CREATE INDEX rs_mid_desc ON rs_mid (id DESC, parent_id);
SELECT pg_get_indexdef('rs_mid_desc'::regclass);
CREATE TABLE rs_def (a int REFERENCES rs_mid(id) DEFERRABLE INITIALLY DEFERRED, b int, c int);
ALTER TABLE rs_def ADD CONSTRAINT rs_def_e FOREIGN KEY (b) REFERENCES rs_mid(id) DEFERRABLE;
ALTER TABLE rs_def ADD CONSTRAINT rs_def_f FOREIGN KEY (c) REFERENCES rs_mid(id) NOT DEFERRABLE;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conname LIKE 'rs_def_%' ORDER BY 1;
DROP TABLE rs_def, rs_child, rs_mid, rs_parent;
-- a DEFAULT of the current time reads back as it was written (pg_get_expr, column_default)
CREATE TABLE dt_def (a timestamptz DEFAULT CURRENT_TIMESTAMP, b timestamp DEFAULT CURRENT_TIMESTAMP,
    c timestamp DEFAULT LOCALTIMESTAMP, d date DEFAULT CURRENT_DATE, e date DEFAULT now(),
    f timestamptz DEFAULT now(), g time DEFAULT CURRENT_TIME, h time DEFAULT LOCALTIME,
    i timestamptz DEFAULT LOCALTIMESTAMP, k date DEFAULT CURRENT_TIMESTAMP);
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'dt_def' ORDER BY ordinal_position;
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'dt_def'::regclass ORDER BY a.attnum;
INSERT INTO dt_def DEFAULT VALUES;
SELECT a = f, b = c, d = e, k = d FROM dt_def;
DROP TABLE dt_def;

-- One Query holding DDL and the statements that use it (as migration tools send a script):
-- each statement is analyzed just before it runs, so later ones see the new schema.
CREATE TABLE mq_t (id serial PRIMARY KEY, n numeric(8,2), at timestamptz DEFAULT now()); INSERT INTO mq_t (n) VALUES (1.5), (2); SELECT id, n, pg_typeof(at), pg_typeof(n) FROM mq_t ORDER BY id;
ALTER TABLE mq_t ADD COLUMN note varchar(3); UPDATE mq_t SET note = 'abc' WHERE id = 1; SELECT id, note, pg_typeof(note) FROM mq_t ORDER BY id;
ALTER TABLE mq_t ADD COLUMN w int; UPDATE mq_t SET note = 'abcd' WHERE id = 2;
SELECT count(*) FROM information_schema.columns WHERE table_name = 'mq_t';
CREATE TABLE mq_u (a int); SELECT nosuch FROM mq_u;
SELECT count(*) FROM pg_class WHERE relname = 'mq_u';
CREATE TABLE mq_v (a int); BEGIN; INSERT INTO mq_v VALUES (7); COMMIT; SELECT a, pg_typeof(a) FROM mq_v;
DROP TABLE mq_t, mq_v;
-- several actions in one ALTER TABLE (Prisma, ActiveRecord, Django, Sequelize), all or nothing
CREATE TABLE am (id int PRIMARY KEY, n int);
INSERT INTO am VALUES (1, NULL), (2, 5);
ALTER TABLE "am" ADD COLUMN "a" INTEGER, ADD COLUMN "b" TEXT NOT NULL DEFAULT 'y';
SELECT id, n, a, b FROM am ORDER BY id;
ALTER TABLE "am" ALTER COLUMN "a" SET DATA TYPE BIGINT, ALTER COLUMN "a" SET DEFAULT 0, ALTER COLUMN "a" SET NOT NULL;
SELECT column_name, data_type, column_default, is_nullable FROM information_schema.columns WHERE table_name = 'am' ORDER BY ordinal_position;
UPDATE am SET a = 1;
ALTER TABLE "am" ALTER COLUMN "a" SET DATA TYPE BIGINT, ALTER COLUMN "a" SET DEFAULT 0, ALTER COLUMN "a" SET NOT NULL;
INSERT INTO am (id) VALUES (3);
SELECT id, n, a, b FROM am ORDER BY id;
ALTER TABLE "am" ALTER COLUMN "n" TYPE integer, ALTER COLUMN "n" SET DEFAULT 1, ALTER COLUMN "n" SET NOT NULL;
ALTER TABLE am ALTER COLUMN n TYPE bigint USING coalesce(n, 7), ALTER COLUMN n SET DEFAULT 1, ALTER COLUMN n SET NOT NULL;
SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = 'am'::regclass AND a.attnum > 0 ORDER BY a.attnum;
ALTER TABLE am ADD UNIQUE (c), ADD COLUMN c int;
ALTER TABLE am ALTER COLUMN b SET DEFAULT 'a,b', ALTER COLUMN c SET DEFAULT (1 + 2) * 3;
INSERT INTO am (id) VALUES (4);
SELECT id, n, a, b, c FROM am ORDER BY id;
ALTER TABLE am ALTER COLUMN a TYPE int, ALTER COLUMN a TYPE bigint;
ALTER TABLE am ADD COLUMN d int, ADD COLUMN e int, ADD CONSTRAINT am_d_check CHECK (d > 0), ALTER COLUMN a SET DEFAULT 'x';
ALTER TABLE am ADD COLUMN d int, ALTER COLUMN nope SET NOT NULL;
ALTER TABLE am ADD COLUMN d int, ADD COLUMN d text;
SELECT count(*) FROM information_schema.columns WHERE table_name = 'am';
ALTER TABLE am ADD COLUMN f int, ADD CONSTRAINT am_f_pos CHECK (f > 0), DROP CONSTRAINT am_c_key;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'am'::regclass ORDER BY conname;
BEGIN;
ALTER TABLE am ALTER COLUMN f SET DEFAULT 2, ALTER COLUMN f SET NOT NULL;
ALTER TABLE am ALTER COLUMN b DROP DEFAULT, ALTER COLUMN b DROP NOT NULL;
INSERT INTO am (id, b) VALUES (5, NULL);
SELECT id, b, f FROM am WHERE id = 5;
ROLLBACK;
SELECT count(*) FROM am;
-- a table others reference: its keys stay, inside a transaction block or not
CREATE TABLE am_child (id int PRIMARY KEY, p int REFERENCES am (id));
INSERT INTO am_child VALUES (1, 1);
ALTER TABLE am ALTER COLUMN c TYPE bigint, ALTER COLUMN c SET DEFAULT 5, ALTER COLUMN b SET DEFAULT 'z';
ALTER TABLE am ALTER COLUMN c DROP DEFAULT, ALTER COLUMN b DROP NOT NULL;
INSERT INTO am_child VALUES (2, 9);
SELECT p FROM am_child ORDER BY id;
ALTER TABLE am_child ALTER COLUMN id DROP NOT NULL, ALTER COLUMN p TYPE bigint;
ALTER TABLE am_child ALTER COLUMN p SET NOT NULL, ALTER COLUMN p TYPE bigint, ALTER COLUMN p SET DEFAULT 1;
DROP TABLE am_child, am;
-- DROP COLUMN drops the indexes on the column (also several-column ones, and after a rename; peewee's drop_column)
CREATE TABLE dci (a int, b int, c int UNIQUE);
CREATE INDEX dci_b ON dci (b);
CREATE INDEX dci_ab ON dci (a, b);
CREATE INDEX dci_a ON dci (a);
INSERT INTO dci VALUES (1, 2, 3);
ALTER TABLE dci RENAME COLUMN b TO bb;
ALTER TABLE dci DROP COLUMN bb;
SELECT indexname FROM pg_indexes WHERE tablename = 'dci' ORDER BY 1;
BEGIN;
ALTER TABLE dci ADD COLUMN d int;
CREATE INDEX dci_d ON dci (d);
ALTER TABLE dci DROP COLUMN d, ADD COLUMN e int;
COMMIT;
SELECT * FROM dci;
SELECT indexname FROM pg_indexes WHERE tablename = 'dci' ORDER BY 1;
DROP TABLE dci;
-- SET NOT NULL before other column changes in one statement (Sequel's alter_table): all made
CREATE TABLE am_nn (id int PRIMARY KEY, t text, s int);
ALTER TABLE am_nn ALTER COLUMN t SET NOT NULL, ALTER COLUMN t SET DEFAULT 'u', ALTER COLUMN s SET DEFAULT 3;
SELECT column_name, column_default, is_nullable FROM information_schema.columns WHERE table_name = 'am_nn' ORDER BY ordinal_position;
INSERT INTO am_nn (id) VALUES (1) RETURNING *;
DROP TABLE am_nn;
-- names PostgreSQL chooses for unnamed indexes and constraints: a digit when taken, cut to 63 bytes
CREATE TABLE nm (id int PRIMARY KEY, email text, n int);
ALTER TABLE nm ADD UNIQUE (email);
ALTER TABLE nm ADD UNIQUE (email);
ALTER TABLE nm ADD UNIQUE (email), ADD CHECK (n > 0), ADD CHECK (n < 100);
CREATE INDEX ON nm (email);
CREATE INDEX ON nm (email);
CREATE INDEX ON nm (lower(email));
CREATE INDEX ON nm (lower(email));
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'nm'::regclass AND contype <> 'c' ORDER BY conname;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'nm'::regclass AND contype = 'c' ORDER BY conname;
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'nm' ORDER BY indexname;
SELECT c2.relname, i.indisprimary, i.indisunique, pg_get_constraintdef(con.oid, true) FROM pg_class c, pg_class c2, pg_index i LEFT JOIN pg_constraint con ON con.conrelid = i.indrelid AND con.conindid = i.indexrelid AND con.contype IN ('p', 'u') WHERE c.oid = 'nm'::regclass AND c.oid = i.indrelid AND i.indexrelid = c2.oid ORDER BY i.indisprimary DESC, c2.relname;
INSERT INTO nm VALUES (1, 'a', 1);
INSERT INTO nm VALUES (2, 'a', 2);
ALTER TABLE nm DROP CONSTRAINT nm_email_key1;
ALTER TABLE nm DROP CONSTRAINT nm_email_key;
ALTER TABLE nm ADD UNIQUE (email);
SELECT conname FROM pg_constraint WHERE conrelid = 'nm'::regclass AND contype = 'u' ORDER BY conname;
DROP TABLE nm;
CREATE TABLE nm_abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz_abcd (column_abcdefghijklmnopqrstuvwxyz_0123456789 int, b int);
CREATE INDEX ON nm_abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz_abcd (column_abcdefghijklmnopqrstuvwxyz_0123456789, b);
CREATE INDEX ON nm_abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz_abcd (column_abcdefghijklmnopqrstuvwxyz_0123456789, b);
ALTER TABLE nm_abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz_abcd ADD UNIQUE (column_abcdefghijklmnopqrstuvwxyz_0123456789), ADD CHECK (b > 0), ADD PRIMARY KEY (b);
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'nm_abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz_abcd'::regclass ORDER BY conname;
SELECT indexname FROM pg_indexes WHERE tablename = 'nm_abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz_abcd' ORDER BY indexname;
DROP TABLE nm_abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz_abcd;
-- IF [NOT] EXISTS forms migration tools send (Hibernate: alter table if exists ...), ONLY, USING
CREATE TABLE ie_p (id int PRIMARY KEY);
CREATE TABLE ie_c (a int);
ALTER TABLE ie_c ADD FOREIGN KEY (a) REFERENCES ie_p;
ALTER TABLE ie_c ADD FOREIGN KEY (a) REFERENCES ie_p;
SELECT conname FROM pg_constraint WHERE conrelid = 'ie_c'::regclass ORDER BY 1;
ALTER TABLE ie_c ADD COLUMN IF NOT EXISTS a int;
ALTER TABLE ie_c ADD COLUMN IF NOT EXISTS b int;
ALTER TABLE ie_c DROP COLUMN IF EXISTS zz;
ALTER TABLE ie_c DROP COLUMN IF EXISTS b, DROP COLUMN IF EXISTS b;
ALTER TABLE ie_c DROP CONSTRAINT IF EXISTS nope;
ALTER TABLE ie_c ALTER COLUMN a TYPE bigint USING a * 2;
ALTER TABLE IF EXISTS ie_nosuch ADD COLUMN x int;
ALTER TABLE IF EXISTS ie_nosuch ADD COLUMN x int, DROP COLUMN y;
ALTER TABLE IF EXISTS ie_c ADD COLUMN x int;
ALTER TABLE IF EXISTS ie_c ADD COLUMN x int;
ALTER TABLE ONLY ie_c ADD COLUMN y int;
ALTER TABLE ONLY ie_c ADD COLUMN z int, ADD COLUMN w int;
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'ie_c' ORDER BY ordinal_position;
DROP TABLE ie_c, ie_p;
-- RENAME CONSTRAINT (Prisma renames a table's keys after the table): names written and PostgreSQL's defaults
CREATE TABLE rc (id int primary key, e text unique, n int check (n > 0), p int references rc (id), constraint rc_named check (n < 100));
alter table rc add unique (e);
alter table rc rename constraint rc_pkey to rc_pk2;
alter table rc rename constraint rc_e_key to rc_e_uq;
alter table rc rename constraint rc_e_key1 to rc_e_uq2;
alter table rc rename constraint rc_n_check to rc_n_pos;
alter table rc rename constraint rc_p_fkey to rc_p_ref;
alter table rc rename constraint rc_named to rc_named2;
alter table rc rename constraint nope to x;
alter table rc rename constraint rc_pk2 to rc_n_pos;
alter table rc rename constraint rc_pk2 to rc;
alter table nosuch rename constraint a to b;
select conname, contype from pg_constraint where conrelid = 'rc'::regclass order by 1;
select indexname, indexdef from pg_indexes where tablename = 'rc' order by 1;
insert into rc values (1, 'a', 1, null);
insert into rc values (2, 'a', 1, null);
insert into rc values (1, 'b', 1, null);
insert into rc values (3, 'c', 0, null);
insert into rc values (4, 'd', 1, 9);
alter table rc drop constraint rc_e_uq2, drop constraint rc_n_pos;
select conname from pg_constraint where conrelid = 'rc'::regclass order by 1;
DROP TABLE rc;
-- a constraint's index cannot be dropped (2BP01), CASCADE or IF EXISTS or not
CREATE TABLE dxi (a int PRIMARY KEY, b int UNIQUE, c int);
ALTER TABLE dxi ADD CONSTRAINT dxi_b2 UNIQUE (b);
CREATE INDEX dxi_c ON dxi (c);
DROP INDEX dxi_pkey;
DROP INDEX dxi_b_key;
DROP INDEX dxi_b2;
DROP INDEX IF EXISTS dxi_b2;
DROP INDEX dxi_b2 CASCADE;
DROP INDEX dxi_c, dxi_b2;
SELECT indexname FROM pg_indexes WHERE tablename = 'dxi' ORDER BY 1;
ALTER TABLE dxi DROP CONSTRAINT dxi_b2;
DROP INDEX dxi_c;
SELECT indexname FROM pg_indexes WHERE tablename = 'dxi' ORDER BY 1;
DROP TABLE dxi;
-- ADD PRIMARY KEY / UNIQUE USING INDEX (pgloader makes its keys so): the index becomes the key
CREATE TABLE ui1 (id bigint, x text, y int);
INSERT INTO ui1 VALUES (1, 'a', 1), (2, 'b', 1);
CREATE UNIQUE INDEX ui1_idx ON ui1 (id);
CREATE INDEX ui1_x ON ui1 (x);
CREATE UNIQUE INDEX ui1_lower ON ui1 (lower(x));
CREATE UNIQUE INDEX ui1_part ON ui1 (y) WHERE y > 5;
CREATE UNIQUE INDEX ui1_desc ON ui1 (x DESC);
ALTER TABLE ui1 ADD PRIMARY KEY USING INDEX ui1_x;
ALTER TABLE ui1 ADD PRIMARY KEY USING INDEX ui1_lower;
ALTER TABLE ui1 ADD PRIMARY KEY USING INDEX ui1_part;
ALTER TABLE ui1 ADD PRIMARY KEY USING INDEX ui1_desc;
ALTER TABLE ui1 ADD PRIMARY KEY USING INDEX nosuch;
CREATE TABLE ui2 (a int, b int);
CREATE UNIQUE INDEX ui2_ab ON ui2 (a, b);
ALTER TABLE ui1 ADD PRIMARY KEY USING INDEX ui2_ab;
ALTER TABLE ui1 ADD PRIMARY KEY USING INDEX ui1_idx;
ALTER TABLE ui2 ADD CONSTRAINT ui2_named UNIQUE USING INDEX ui2_ab;
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('ui1'::regclass, 'ui2'::regclass) ORDER BY 1;
SELECT c2.relname, i.indisprimary, i.indisunique FROM pg_index i JOIN pg_class c2 ON c2.oid = i.indexrelid WHERE i.indrelid IN ('ui1'::regclass, 'ui2'::regclass) ORDER BY 1;
SELECT a.attname, a.attnotnull FROM pg_attribute a WHERE a.attrelid = 'ui1'::regclass AND a.attnum > 0 ORDER BY a.attnum;
ALTER TABLE ui1 ADD UNIQUE USING INDEX ui1_idx;
ALTER TABLE ui1 ADD PRIMARY KEY USING INDEX ui1_desc;
INSERT INTO ui1 VALUES (1, 'z', 3);
INSERT INTO ui1 VALUES (NULL, 'z', 3);
-- CREATE TABLE ... (LIKE src [INCLUDING ...]): columns, NOT NULL, defaults, CHECKs, keys, indexes, comments, identity
CREATE TABLE lk_src (id serial PRIMARY KEY, code varchar(8) NOT NULL DEFAULT 'x', qty integer CHECK (qty >= 0), note text, at timestamptz DEFAULT now(), CONSTRAINT lk_src_code_uq UNIQUE (code));
CREATE INDEX lk_src_note_idx ON lk_src (note);
COMMENT ON COLUMN lk_src.note IS 'a note';
INSERT INTO lk_src (code, qty) VALUES ('a', 1);
CREATE TABLE lk_plain (LIKE lk_src);
SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef FROM pg_attribute a WHERE a.attrelid = 'lk_plain'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'lk_plain'::regclass ORDER BY 1;
INSERT INTO lk_plain (id, code, qty) VALUES (1, 'a', -1);
CREATE TABLE lk_all (LIKE lk_src INCLUDING ALL);
SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef FROM pg_attribute a WHERE a.attrelid = 'lk_all'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'lk_all'::regclass ORDER BY 1;
SELECT indexname FROM pg_indexes WHERE tablename = 'lk_all' ORDER BY 1;
SELECT col_description('lk_all'::regclass, 4);
INSERT INTO lk_all (code, qty) VALUES ('a', -1);
INSERT INTO lk_all (id, qty) VALUES (10, 5) RETURNING id, code, qty;
INSERT INTO lk_all (id, code, qty) VALUES (11, 'x', 5);
CREATE TABLE lk_all (LIKE lk_src);
CREATE TABLE IF NOT EXISTS lk_all (LIKE lk_src);
CREATE TABLE lk_none (LIKE lk_nosuch);
CREATE TABLE lk_def (LIKE lk_src INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
INSERT INTO lk_def (id, qty) VALUES (1, -5);
INSERT INTO lk_def (id, qty) VALUES (1, 5) RETURNING id, code, qty, note;
CREATE VIEW lk_view AS SELECT id, code FROM lk_src;
CREATE TABLE lk_fromview (LIKE lk_view);
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'lk_fromview'::regclass AND a.attnum > 0 ORDER BY a.attnum;
DROP TABLE lk_plain, lk_all, lk_def, lk_fromview;
DROP VIEW lk_view;
DROP TABLE lk_src;
CREATE TABLE lk_id (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text);
INSERT INTO lk_id (v) VALUES ('a'), ('b');
CREATE TABLE lk_id2 (LIKE lk_id INCLUDING ALL);
INSERT INTO lk_id2 (v) VALUES ('c') RETURNING *;
INSERT INTO lk_id2 (id, v) VALUES (5, 'c');
SELECT a.attname, a.attidentity, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'lk_id2'::regclass AND a.attnum > 0 ORDER BY a.attnum;
CREATE TABLE lk_id3 (LIKE lk_id);
INSERT INTO lk_id3 (v) VALUES ('c');
DROP TABLE lk_id, lk_id2, lk_id3;
