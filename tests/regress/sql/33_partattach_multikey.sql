-- A partition's own CHECKs and foreign keys (33_partattach_attach.sql) under a partition key
-- of several columns (33_parthash_multikey.sql): its triggers test the bound on every key
-- column of the new row first, so the rows of the other partitions pass them.
CREATE TABLE kq (name text PRIMARY KEY);
INSERT INTO kq VALUES ('a'), ('b'), ('c');
-- HASH (a, b): the partition's own CHECK and foreign key
CREATE TABLE kh (a int NOT NULL, b text NOT NULL, ref text, v int) PARTITION BY HASH (a, b);
CREATE TABLE kh0 PARTITION OF kh FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE kh1 (LIKE kh);
ALTER TABLE kh1 ADD CONSTRAINT kh1_v CHECK (v > 0);
ALTER TABLE kh1 ADD CONSTRAINT kh1_ref FOREIGN KEY (ref) REFERENCES kq (name);
ALTER TABLE kh ATTACH PARTITION kh1 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO kh SELECT g, 'k' || g, 'a', g FROM generate_series(1, 8) g;
SELECT tableoid::regclass::text AS part, count(*) FROM kh GROUP BY 1 ORDER BY 1;
-- rows of kh0 take what kh1's own constraints refuse
INSERT INTO kh SELECT a, b, 'nosuch', -v FROM kh0;
SELECT count(*) FROM kh WHERE v < 0;
-- kh1's rows do not
INSERT INTO kh SELECT a, b, 'a', -v FROM kh1 ORDER BY v LIMIT 1;
-- detail
INSERT INTO kh SELECT a, b, 'nosuch', v FROM kh1 ORDER BY v LIMIT 1;
-- detail
UPDATE kh SET ref = 'nosuch' WHERE tableoid = 'kh1'::regclass;
UPDATE kh SET ref = 'b' WHERE tableoid = 'kh1'::regclass;
-- detail
DELETE FROM kq WHERE name = 'b';
DELETE FROM kq WHERE name = 'a';
UPDATE kh SET ref = 'c' WHERE ref = 'nosuch';
DELETE FROM kq WHERE name = 'a';
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint
  WHERE conrelid = 'kh1'::regclass ORDER BY 1;
-- RANGE (a, b): a partition's own CHECK added afterwards, a foreign key of two columns
CREATE TABLE kp (x int, y text, PRIMARY KEY (x, y));
INSERT INTO kp VALUES (1, 'a'), (2, 'b');
CREATE TABLE kr (a int, b text, x int, y text) PARTITION BY RANGE (a, b);
CREATE TABLE kr1 PARTITION OF kr FOR VALUES FROM (1, 'a') TO (1, 'm');
CREATE TABLE kr2 PARTITION OF kr FOR VALUES FROM (1, 'm') TO (2, MINVALUE);
ALTER TABLE kr1 ADD CONSTRAINT kr1_b CHECK (b <> 'c');
ALTER TABLE kr1 ADD CONSTRAINT kr1_xy FOREIGN KEY (x, y) REFERENCES kp (x, y);
INSERT INTO kr VALUES (1, 'b', 1, 'a'), (1, 'n', 9, 'z');
-- detail
INSERT INTO kr VALUES (1, 'c', 1, 'a');
-- detail
INSERT INTO kr VALUES (1, 'd', 9, 'z');
-- detail
UPDATE kr SET x = 2 WHERE b = 'b';
UPDATE kr SET x = 2, y = 'b' WHERE b = 'b';
-- detail
DELETE FROM kp WHERE x = 2;
DELETE FROM kp WHERE x = 1;
-- the referenced table and column renamed: the key follows
ALTER TABLE kp RENAME TO kp2;
ALTER TABLE kp2 RENAME COLUMN y TO yy;
SELECT conname, confrelid::regclass, pg_get_constraintdef(oid) FROM pg_constraint
  WHERE conrelid = 'kr1'::regclass AND contype = 'f' ORDER BY 1;
-- detail
INSERT INTO kr VALUES (1, 'e', 1, 'a');
INSERT INTO kp2 VALUES (1, 'a');
INSERT INTO kr VALUES (1, 'e', 1, 'a'), (1, 'z', 7, 'q');
SELECT tableoid::regclass::text AS part, * FROM kr ORDER BY a, b;
