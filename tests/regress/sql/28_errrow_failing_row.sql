-- 23502 and 23514: PostgreSQL's DETAIL "Failing row contains (...)" (`-- detail` compares the
-- message and DETAIL too). A serial key is used once per table: PostgreSQL's nextval is not
-- undone by the failure, shardlite's is (docs/sql-compat.md, serial).
CREATE TABLE fr_t (id serial PRIMARY KEY, a int NOT NULL, b text, c numeric(6,2) CHECK (c > 0), d boolean DEFAULT true, g int GENERATED ALWAYS AS (a * 2) STORED);
-- detail
INSERT INTO fr_t (a, b) VALUES (NULL, 'abc');
INSERT INTO fr_t (id, a, b, c) VALUES (1, 1, 'ok', 1);
-- detail
INSERT INTO fr_t (id, a, b, c) VALUES (2, 1, 'x', -1);
-- detail
INSERT INTO fr_t (id, a, b, c) VALUES (3, 1, 'ok', 1), (4, 2, 'bad', NULL), (5, NULL, 'z', 3), (6, NULL, 'w', 4);
-- detail
UPDATE fr_t SET c = -5 WHERE a = 1;
-- detail
UPDATE fr_t SET a = NULL;
-- detail
INSERT INTO fr_t (id, a, b) SELECT 7, NULL, 'sel';
-- detail
INSERT INTO fr_t (id, a, b) VALUES (8, 3, repeat('x', 100) || 'é'), (9, NULL, repeat('é', 40));
-- detail
INSERT INTO fr_t (id, a, b) VALUES (10, 3, 'long'), (11, NULL, repeat('ab', 31) || 'é');
-- extended
-- detail
INSERT INTO fr_t (id, a, c) VALUES (12, 4, 0);
SELECT * FROM fr_t;
-- every column in its output form; a dropped column is not shown
CREATE TYPE fr_mood AS ENUM ('sad', 'ok');
CREATE DOMAIN fr_txt AS varchar(5);
CREATE TABLE fr_e (m fr_mood, d fr_txt, t timestamptz, dt date, iv interval, b bytea, f float8, n int NOT NULL, ch char(3), arr text[], j jsonb, x int);
ALTER TABLE fr_e DROP COLUMN x;
SET TimeZone = 'Europe/Berlin';
SET DateStyle = 'SQL, DMY';
-- detail
INSERT INTO fr_e VALUES ('ok', 'ab', '2020-06-01 12:00+00', '2020-06-01', '1 day 2 hours', '\x0102', 0.1, NULL, 'a', ARRAY['a', 'b c'], '{"k": [1, 2]}');
RESET TimeZone;
RESET DateStyle;
CREATE TABLE fr_dflt (a int NOT NULL DEFAULT NULL, b text DEFAULT 'dflt');
-- detail
INSERT INTO fr_dflt DEFAULT VALUES;
CREATE TEMP TABLE fr_tmp (a int NOT NULL, b text CHECK (b <> 'no'));
-- detail
INSERT INTO fr_tmp VALUES (1, 'no');
-- upsert: the row DO UPDATE makes
CREATE TABLE fr_u (k int PRIMARY KEY, v int CHECK (v < 10));
INSERT INTO fr_u VALUES (1, 1);
-- detail
INSERT INTO fr_u VALUES (1, 5) ON CONFLICT (k) DO UPDATE SET v = excluded.v * 3;
-- a statement inside PL/pgSQL
CREATE FUNCTION fr_f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN INSERT INTO fr_u VALUES (2, 50); END $$;
-- detail
SELECT fr_f();
DO $$ BEGIN INSERT INTO fr_u VALUES (3, 60); EXCEPTION WHEN check_violation THEN RAISE NOTICE 'caught'; END $$;
-- a sequence's default: the number the failed row took
CREATE SEQUENCE fr_seq;
CREATE TABLE fr_s (id int DEFAULT nextval('fr_seq'), n int NOT NULL);
-- detail
INSERT INTO fr_s (n) VALUES (NULL);
-- inside a transaction block
BEGIN;
-- detail
INSERT INTO fr_u VALUES (4, 40);
ROLLBACK;
-- a row another table's write made: a foreign key's SET NULL, an AFTER trigger's INSERT
CREATE TABLE fr_p3 (id int PRIMARY KEY);
CREATE TABLE fr_c3 (id int, p int NOT NULL REFERENCES fr_p3 ON DELETE SET NULL);
INSERT INTO fr_p3 VALUES (1);
INSERT INTO fr_c3 VALUES (7, 1);
-- detail
DELETE FROM fr_p3;
CREATE TABLE fr_log3 (msg text NOT NULL, n int);
CREATE TABLE fr_w3 (a int);
CREATE FUNCTION fr_w3_log() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO fr_log3 VALUES (NULL, NEW.a); RETURN NEW; END $$;
CREATE TRIGGER fr_w3_log AFTER INSERT ON fr_w3 FOR EACH ROW EXECUTE FUNCTION fr_w3_log();
-- detail
INSERT INTO fr_w3 VALUES (5);
-- a data-modifying WITH, RETURNING, a prepared statement's parameters
CREATE TABLE fr_cte3 (a int NOT NULL, b int CHECK (b > 0));
-- detail
WITH x AS (INSERT INTO fr_cte3 VALUES (1, 1) RETURNING a) INSERT INTO fr_cte3 SELECT a, -1 FROM x;
INSERT INTO fr_cte3 VALUES (1, 1);
-- detail
UPDATE fr_cte3 SET b = b - 1 RETURNING *;
PREPARE fr_q3 (int, int) AS INSERT INTO fr_cte3 VALUES ($1, $2);
-- detail
EXECUTE fr_q3 (NULL, 3);
-- detail
EXECUTE fr_q3 (4, -4);
-- MERGE's actions and a WITH's data-modifying statements run as steps of their own
CREATE TABLE fr_m4 (id int PRIMARY KEY, v int NOT NULL CHECK (v < 100));
INSERT INTO fr_m4 VALUES (1, 1);
-- detail
MERGE INTO fr_m4 USING (VALUES (1, 500), (2, 3)) s(id, v) ON fr_m4.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v);
-- detail
MERGE INTO fr_m4 USING (VALUES (3, NULL::int)) s(id, v) ON fr_m4.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v);
-- detail
WITH x AS (INSERT INTO fr_cte3 VALUES (NULL, 1) RETURNING a) SELECT * FROM x;
-- detail
WITH x AS (INSERT INTO fr_cte3 VALUES (2, 1) RETURNING a), y AS (UPDATE fr_m4 SET v = 700 RETURNING id) SELECT * FROM x, y;
CREATE TABLE fr_u4 (a int UNIQUE);
INSERT INTO fr_u4 VALUES (1);
-- detail
MERGE INTO fr_u4 USING (VALUES (1)) s(a) ON false WHEN NOT MATCHED THEN INSERT VALUES (s.a);
-- no row in PostgreSQL's messages for these
CREATE DOMAIN fr_pos AS int CHECK (VALUE > 0) NOT NULL;
CREATE TABLE fr_dm (x fr_pos);
-- detail
INSERT INTO fr_dm VALUES (-1);
-- detail
INSERT INTO fr_dm VALUES (NULL);
CREATE TABLE fr_n (x int, y int);
INSERT INTO fr_n VALUES (NULL, 1);
-- detail
ALTER TABLE fr_n ALTER COLUMN x SET NOT NULL;
-- detail
ALTER TABLE fr_n ADD CONSTRAINT fr_n_y CHECK (y > 5);
CREATE TABLE fr_r (id int NOT NULL, v float8 DEFAULT random());
-- differs: a volatile value (random()) differs between the two runs that read the row: no DETAIL
-- detail
INSERT INTO fr_r (id) VALUES (NULL);
-- a row a BEFORE trigger of the table changed
CREATE FUNCTION fr_trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.y := -NEW.y; RETURN NEW; END $$;
CREATE TRIGGER fr_trg BEFORE INSERT ON fr_n FOR EACH ROW EXECUTE FUNCTION fr_trg();
DELETE FROM fr_n;
ALTER TABLE fr_n ADD CONSTRAINT fr_n_y2 CHECK (y < 0);
-- differs: the row a BEFORE trigger changed is written inside the statement, where no savepoint can be opened: no DETAIL
-- detail
INSERT INTO fr_n VALUES (1, -3);
