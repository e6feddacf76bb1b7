-- ALTER TABLE ... ATTACH PARTITION and DETACH PARTITION (docs/sql-compat.md, "Partitioned
-- tables"): an attached table's rows join the partitioned table (checked against the bound),
-- a detached partition is a table again with its rows; pg_dump's shape (CREATE TABLE, then
-- ATTACH) restores.
CREATE TABLE pa (id int NOT NULL, k int, v text, PRIMARY KEY (id, k)) PARTITION BY RANGE (k);
CREATE TABLE pa1 PARTITION OF pa FOR VALUES FROM (1) TO (10);
INSERT INTO pa VALUES (1, 5, 'a');
CREATE TABLE pa2 (id int NOT NULL, k int NOT NULL, v text);
INSERT INTO pa2 VALUES (2, 15, 'x'), (3, 16, 'y');
ALTER TABLE pa ATTACH PARTITION pa2 FOR VALUES FROM (5) TO (20);
ALTER TABLE pa ATTACH PARTITION pa2 FOR VALUES FROM (10) TO (16);
ALTER TABLE pa ATTACH PARTITION pa2 FOR VALUES IN (15);
ALTER TABLE pa ATTACH PARTITION nosuch FOR VALUES FROM (30) TO (40);
ALTER TABLE pa ATTACH PARTITION pa2 FOR VALUES FROM (10) TO (20);
SELECT * FROM pa ORDER BY id;
SELECT * FROM pa2 ORDER BY id;
INSERT INTO pa VALUES (4, 12, 'z');
SELECT id FROM pa2 ORDER BY id;
SELECT c.relname, c.relkind, c.relispartition, pg_get_expr(c.relpartbound, c.oid)
  FROM pg_class c WHERE c.relname IN ('pa', 'pa1', 'pa2') ORDER BY 1;
ALTER TABLE pa ATTACH PARTITION pa2 FOR VALUES FROM (30) TO (40);
-- the columns must be the parent's
CREATE TABLE pa3 (id int NOT NULL, k int NOT NULL, w text);
ALTER TABLE pa ATTACH PARTITION pa3 FOR VALUES FROM (20) TO (30);
CREATE TABLE pa4 (id int NOT NULL, k int NOT NULL, v text, x int);
ALTER TABLE pa ATTACH PARTITION pa4 FOR VALUES FROM (20) TO (30);
CREATE TABLE pa5 (id int NOT NULL, k int);
ALTER TABLE pa ATTACH PARTITION pa5 FOR VALUES FROM (20) TO (30);
CREATE TABLE pa6 (id int NOT NULL, k int, v text);
ALTER TABLE pa ATTACH PARTITION pa6 FOR VALUES FROM (20) TO (30);
-- DETACH: a table again, its rows with it
ALTER TABLE pa DETACH PARTITION pa2;
SELECT * FROM pa2 ORDER BY id;
SELECT * FROM pa ORDER BY id;
INSERT INTO pa VALUES (9, 15, 'none');
INSERT INTO pa2 VALUES (9, 150, 'free');
SELECT c.relname, c.relkind, c.relispartition FROM pg_class c
  WHERE c.relname IN ('pa', 'pa1', 'pa2') ORDER BY 1;
SELECT count(*) FROM pg_inherits WHERE inhparent = 'pa'::regclass;
ALTER TABLE pa DETACH PARTITION pa2;
ALTER TABLE pa DETACH PARTITION pa1;
SELECT * FROM pa1;
INSERT INTO pa1 VALUES (10, 100, 'free');
SELECT a.attname, a.attnotnull FROM pg_attribute a
  WHERE a.attrelid = 'pa1'::regclass AND a.attnum > 0 ORDER BY a.attnum;
-- LIST, a DEFAULT attached
CREATE TABLE lq (name text NOT NULL, n int) PARTITION BY LIST (name);
CREATE TABLE lq_mail (name text NOT NULL, n int);
INSERT INTO lq_mail VALUES ('mail', 1);
ALTER TABLE lq ATTACH PARTITION lq_mail FOR VALUES IN ('mail');
CREATE TABLE lq_rest (name text NOT NULL, n int);
INSERT INTO lq_rest VALUES ('sms', 2);
ALTER TABLE lq ATTACH PARTITION lq_rest DEFAULT;
INSERT INTO lq VALUES ('push', 3), ('mail', 4);
SELECT * FROM lq_rest ORDER BY n;
SELECT * FROM lq_mail ORDER BY n;
SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c WHERE c.relname = 'lq_rest';
ALTER TABLE lq DETACH PARTITION lq_rest;
INSERT INTO lq VALUES ('fax', 5);
SELECT * FROM lq_rest ORDER BY n;
