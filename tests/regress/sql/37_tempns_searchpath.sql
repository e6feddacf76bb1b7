-- Temporary relations are searched where search_path names pg_temp (first when it does not).
CREATE TABLE t (a int, b text);
INSERT INTO t VALUES (1, 'perm');
CREATE TEMP TABLE t (a int, b text);
INSERT INTO t VALUES (2, 'temp');
SELECT * FROM t;
SET search_path = public, pg_temp;
SELECT * FROM t;
SELECT t.a, t.b FROM t WHERE t.a > 0;
INSERT INTO t VALUES (3, 'perm too');
UPDATE t SET b = b || '!' WHERE a = 3;
SELECT * FROM public.t ORDER BY a;
SELECT * FROM pg_temp.t ORDER BY a;
DELETE FROM t WHERE a = 3;
SELECT count(*) FROM t;
SELECT 't'::regclass = 'public.t'::regclass AS same;
SELECT 'public.t'::regclass = 'pg_temp.t'::regclass AS same;
WITH t AS (SELECT 42 AS a) SELECT a FROM t;
SELECT x.a FROM t x JOIN pg_temp.t y ON y.a = 2;
-- a name only pg_temp holds is still found
CREATE TEMP TABLE onlytemp (x int);
INSERT INTO onlytemp VALUES (7);
SELECT * FROM onlytemp;
-- the same statement text means the temporary table again once pg_temp is first
SET search_path = pg_temp, public;
SELECT * FROM t;
SET search_path = public, pg_temp;
SELECT * FROM t;
RESET search_path;
SELECT * FROM t;
SET search_path = public, pg_temp;
-- DDL of the unqualified name reaches the one search_path finds
ALTER TABLE t ADD COLUMN c int DEFAULT 5;
SELECT * FROM public.t;
SELECT * FROM pg_temp.t;
CREATE INDEX t_a_idx ON t (a);
SELECT relname, relpersistence FROM pg_class WHERE relname = 't_a_idx';
DROP TABLE t;
SELECT * FROM t;
SELECT relpersistence FROM pg_class WHERE relname = 't';
-- a temporary table made after a statement was first run: the name means public's again
CREATE TABLE u (a int);
INSERT INTO u VALUES (10);
SELECT * FROM u;
CREATE TEMP TABLE u (a int);
INSERT INTO pg_temp.u VALUES (20);
SELECT * FROM u;
RESET search_path;
SELECT * FROM u;
DROP TABLE u;
SELECT * FROM u;
-- sequences: nextval's text and a regclass name search_path's way too
CREATE SEQUENCE s;
CREATE TEMP SEQUENCE s START 100;
SET search_path = public, pg_temp;
SELECT nextval('s');
SELECT nextval('s'::regclass);
SELECT currval('public.s');
RESET search_path;
SELECT nextval('s');
-- views
CREATE VIEW v AS SELECT 'perm view' AS w;
CREATE TEMP VIEW v AS SELECT 'temp view' AS w;
SELECT * FROM v;
SET search_path = public, pg_temp;
SELECT * FROM v;
-- with pg_temp first, CREATE makes a temporary relation
SET search_path = pg_temp, public;
CREATE TABLE made (x int);
SELECT relpersistence FROM pg_class WHERE relname = 'made';
CREATE SEQUENCE madeseq;
SELECT relpersistence FROM pg_class WHERE relname = 'madeseq';
SET search_path = public, pg_temp;
CREATE TABLE made2 (x int);
SELECT relpersistence FROM pg_class WHERE relname = 'made2';
RESET search_path;
