-- Foreign keys to and from a partitioned table (docs/sql-compat.md, "Partitioned tables"):
-- SQLite's own keys on the parent's one table; pg_constraint shows PostgreSQL's copies (one
-- per partition of the referencing table, one per partition of the referenced one).
CREATE TABLE m (id int, k int, v text, PRIMARY KEY (id, k)) PARTITION BY RANGE (k);
CREATE TABLE m1 PARTITION OF m FOR VALUES FROM (0) TO (10);
CREATE TABLE m2 PARTITION OF m FOR VALUES FROM (10) TO (20);
CREATE TABLE r (id int PRIMARY KEY, mid int, mk int, FOREIGN KEY (mid, mk) REFERENCES m (id, k));
CREATE TABLE f (a int, mid int, mk int,
  FOREIGN KEY (mid, mk) REFERENCES m (id, k) ON DELETE CASCADE) PARTITION BY RANGE (a);
CREATE TABLE f1 PARTITION OF f FOR VALUES FROM (0) TO (100);
CREATE TABLE n (a int, mid int, mk int,
  CONSTRAINT n_fk FOREIGN KEY (mid, mk) REFERENCES m (id, k) ON DELETE SET NULL);
SELECT conname, conrelid::regclass, confrelid::regclass, conindid::regclass,
       (SELECT p.conname FROM pg_constraint p WHERE p.oid = c.conparentid) AS parent,
       conislocal, coninhcount, connoinherit, confdeltype, pg_get_constraintdef(oid)
  FROM pg_constraint c WHERE contype = 'f' ORDER BY 1, conrelid::regclass::text, confrelid::regclass::text;
SELECT relname, relhastriggers FROM pg_class WHERE relname IN ('m', 'm1', 'm2', 'f', 'f1')
  ORDER BY 1;
INSERT INTO m VALUES (1, 1, 'a'), (2, 12, 'b'), (3, 13, 'c');
INSERT INTO r VALUES (1, 2, 12);
INSERT INTO r VALUES (2, 2, 5);
INSERT INTO f VALUES (1, 1, 1), (2, 3, 13);
INSERT INTO n VALUES (1, 3, 13);
DELETE FROM m WHERE id = 3;
SELECT * FROM f ORDER BY a;
SELECT * FROM n ORDER BY a;
DELETE FROM m WHERE k = 12;
-- a partition of a referenced table: DROP refused, DETACH checks the rows
DROP TABLE m2;
ALTER TABLE m DETACH PARTITION m2;
DELETE FROM r;
ALTER TABLE m DETACH PARTITION m2;
SELECT conname, conrelid::regclass, confrelid::regclass FROM pg_constraint
  WHERE contype = 'f' ORDER BY 1, conrelid::regclass::text, confrelid::regclass::text;
