-- Views WITH [LOCAL | CASCADED] CHECK OPTION: INSERT and UPDATE through the view (and the
-- views over it) fail with 44000 when the written row would not be visible through a checked
-- view's WHERE; CASCADED checks the views below too, LOCAL only its own condition.
CREATE TABLE vc_t (a int PRIMARY KEY, b text DEFAULT 'dflt', c int);
CREATE VIEW vc_v1 AS SELECT a, b, c FROM vc_t WHERE a > 0 WITH LOCAL CHECK OPTION;
CREATE VIEW vc_v2 AS SELECT a, b FROM vc_v1 WHERE a < 100 WITH CASCADED CHECK OPTION;
CREATE VIEW vc_v3 AS SELECT a, b, c FROM vc_t WHERE c IS NULL OR c > 0;
CREATE VIEW vc_v4 AS SELECT a, b FROM vc_v3 WHERE a < 100 WITH LOCAL CHECK OPTION;
INSERT INTO vc_v1 VALUES (1, 'x', 1);
-- detail
INSERT INTO vc_v1 VALUES (-1, 'x', 1);
-- a multi-row INSERT fails whole
-- detail
INSERT INTO vc_v1 VALUES (2, 'y'), (-2, 'z');
SELECT * FROM vc_t ORDER BY a;
-- detail
INSERT INTO vc_v2 VALUES (200, 'big');
-- the lower view's own option names it
-- detail
INSERT INTO vc_v2 VALUES (-5, 'neg');
INSERT INTO vc_v2 VALUES (50, 'ok');
-- an UPDATE that moves the row out of the view
-- detail
UPDATE vc_v1 SET a = -a WHERE a = 1;
UPDATE vc_v1 SET b = 'upd' WHERE a = 1 RETURNING *;
-- LOCAL: the condition of the view below (no option) is not checked
INSERT INTO vc_v4 (a, b) VALUES (5, 'v4ok');
UPDATE vc_t SET c = -1 WHERE a = 5;
-- detail
INSERT INTO vc_v4 (a, b) VALUES (500, 'v4bad');
-- ON CONFLICT DO UPDATE checks the updated row
-- detail
INSERT INTO vc_v1 (a, b) VALUES (1, 'dup') ON CONFLICT (a) DO UPDATE SET a = -7 RETURNING a, b;
INSERT INTO vc_v1 (a, b) VALUES (1, 'dup') ON CONFLICT (a) DO UPDATE SET b = 'conf' RETURNING a, b;
INSERT INTO vc_v1 (a, b) VALUES (1, 'dup') ON CONFLICT DO NOTHING;
SELECT * FROM vc_t ORDER BY a;
SELECT table_name, check_option, is_updatable, is_insertable_into FROM information_schema.views
WHERE table_schema = 'public' ORDER BY 1;
SELECT relname, reloptions FROM pg_class WHERE relname LIKE 'vc\_v_' ORDER BY 1;
-- inside a transaction block the failed statement leaves nothing behind
BEGIN;
INSERT INTO vc_v1 VALUES (10, 'in');
SAVEPOINT s;
INSERT INTO vc_v1 VALUES (11, 'in'), (-11, 'out');
ROLLBACK TO s;
SELECT a FROM vc_t WHERE a IN (10, 11, -11) ORDER BY a;
COMMIT;
-- the row checked has the table's defaults; an alias of the base relation
CREATE VIEW vc_va AS SELECT x.a, x.b FROM vc_t AS x WHERE x.b = 'dflt' WITH CHECK OPTION;
INSERT INTO vc_va (a) VALUES (30);
-- detail
INSERT INTO vc_va (a, b) VALUES (31, 'other');
INSERT INTO vc_va (a) SELECT g FROM generate_series(32, 34) g;
-- detail
INSERT INTO vc_va (a, b) SELECT g, CASE WHEN g = 37 THEN 'x' ELSE 'dflt' END FROM generate_series(35, 38) g;
SELECT count(*) FROM vc_t WHERE a BETWEEN 30 AND 40;
-- detail
UPDATE vc_va SET b = 'gone' WHERE a = 32;
UPDATE vc_va SET a = a + 100 WHERE a = 33 RETURNING a, b;
-- a view with a column list, and views over it
CREATE VIEW vc_vn (k, label) AS SELECT a, b FROM vc_t WHERE a < 50;
CREATE VIEW vc_vn2 AS SELECT k, label FROM vc_vn WHERE k > 0 WITH CASCADED CHECK OPTION;
INSERT INTO vc_vn2 VALUES (3, 'three');
-- detail
INSERT INTO vc_vn2 VALUES (-3, 'neg');
-- detail
INSERT INTO vc_vn2 VALUES (60, 'big');
-- detail
UPDATE vc_vn2 SET k = 1000 WHERE k = 3;
UPDATE vc_vn2 SET label = 'lbl' WHERE k = 3 RETURNING *;
CREATE VIEW vc_vl AS SELECT k, label FROM vc_vn WHERE k > 0 WITH LOCAL CHECK OPTION;
INSERT INTO vc_vl VALUES (70, 'local-ok');
-- detail
INSERT INTO vc_vl VALUES (-70, 'local-bad');
-- CASCADED checks a lower view without an option; LOCAL does not
CREATE VIEW vc_vnone AS SELECT a, b FROM vc_t WHERE a > 0;
CREATE VIEW vc_vtop AS SELECT a, b FROM vc_vnone WHERE a < 1000 WITH LOCAL CHECK OPTION;
INSERT INTO vc_vtop VALUES (-9, 'under');
CREATE VIEW vc_vcasc AS SELECT a, b FROM vc_vnone WITH CASCADED CHECK OPTION;
-- detail
INSERT INTO vc_vcasc VALUES (-10, 'casc');
CREATE VIEW vc_vnowhere AS SELECT a, b FROM vc_t WITH CHECK OPTION;
INSERT INTO vc_vnowhere VALUES (-8, 'nowhere');
SELECT * FROM vc_t ORDER BY a;
-- a view with an INSTEAD OF trigger is not checked
CREATE TABLE vc_ti (a int, b text);
CREATE VIEW vc_vi AS SELECT a, b FROM vc_ti WHERE a > 0 WITH CHECK OPTION;
CREATE FUNCTION vc_vi_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO vc_ti VALUES (new.a, 'trg'); RETURN new; END $$;
CREATE TRIGGER vc_vi_instead INSTEAD OF INSERT ON vc_vi FOR EACH ROW EXECUTE FUNCTION vc_vi_ins();
INSERT INTO vc_vi VALUES (-1, 'x');
SELECT * FROM vc_ti;
-- an AFTER trigger of the base table runs once the row passed
CREATE TABLE vc_log (msg text);
CREATE FUNCTION vc_after() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO vc_log VALUES ('after ' || new.a); RETURN NULL; END $$;
CREATE TRIGGER vc_t_after AFTER INSERT ON vc_t FOR EACH ROW EXECUTE FUNCTION vc_after();
INSERT INTO vc_v1 VALUES (80, 'trg');
-- detail
INSERT INTO vc_v1 VALUES (-80, 'trg');
SELECT * FROM vc_log;
-- a base table with BEFORE row triggers
CREATE FUNCTION vc_before() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN new.a := abs(new.a); RETURN new; END $$;
CREATE TABLE vc_tb (a int, b text);
CREATE TRIGGER vc_tb_before BEFORE INSERT ON vc_tb FOR EACH ROW EXECUTE FUNCTION vc_before();
CREATE VIEW vc_vb AS SELECT a, b FROM vc_tb WHERE a > 0 WITH CHECK OPTION;
-- differs: refused (0A000): PostgreSQL checks the row the BEFORE trigger returns (a = 4)
INSERT INTO vc_vb VALUES (-4, 'made positive');
-- prepared statements, the extended protocol, PL/pgSQL
PREPARE vc_p(int, text) AS INSERT INTO vc_va VALUES ($1, $2);
EXECUTE vc_p(40, 'dflt');
-- detail
EXECUTE vc_p(41, 'nope');
-- extended
INSERT INTO vc_v1 VALUES (81, 'ext');
-- extended
INSERT INTO vc_v1 VALUES (-81, 'ext');
-- extended
UPDATE vc_v1 SET b = 'ext2' WHERE a = 81 RETURNING a, b;
CREATE FUNCTION vc_f(int, text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN INSERT INTO vc_va VALUES ($1, $2); END $$;
SELECT vc_f(42, 'dflt');
-- detail
SELECT vc_f(43, 'zz');
SELECT a, b FROM vc_t WHERE a BETWEEN 40 AND 43 ORDER BY a;
-- a long value is cut in DETAIL as PostgreSQL cuts it
CREATE TABLE vc_long (a int, s text);
CREATE VIEW vc_vlong AS SELECT a, s FROM vc_long WHERE a > 0 WITH CHECK OPTION;
-- detail
INSERT INTO vc_vlong VALUES (-1, repeat('é', 70));
-- types in DETAIL as their output
CREATE TABLE vc_typ (id int, d date, n numeric(6,2), f bool, j jsonb);
CREATE VIEW vc_vtyp AS SELECT id, d, n, f, j FROM vc_typ WHERE f WITH CHECK OPTION;
-- detail
INSERT INTO vc_vtyp VALUES (1, '2024-02-03', 1.5, false, '{"a": [1, 2]}');
-- detail
INSERT INTO vc_vtyp (id) VALUES (2);
-- WITH (check_option = ...), CREATE OR REPLACE, errors
CREATE VIEW vc_o1 WITH (check_option = cascaded) AS SELECT a, b FROM vc_t WHERE a > 500;
CREATE VIEW vc_o2 WITH (check_option = 'local') AS SELECT a, b FROM vc_t WHERE a > 500;
-- detail
INSERT INTO vc_o1 VALUES (1, 'x');
SELECT relname, reloptions FROM pg_class WHERE relname LIKE 'vc\_o_' ORDER BY 1;
CREATE OR REPLACE VIEW vc_o1 AS SELECT a, b FROM vc_t WHERE a > 500;
SELECT relname, reloptions FROM pg_class WHERE relname = 'vc_o1';
INSERT INTO vc_o1 VALUES (501, 'now ok');
CREATE OR REPLACE VIEW vc_o1 WITH (check_option = local) AS SELECT a, b FROM vc_t WHERE a > 600;
-- detail
INSERT INTO vc_o1 VALUES (502, 'x');
CREATE VIEW vc_bad1 AS SELECT a, count(*) FROM vc_t GROUP BY a WITH CHECK OPTION;
CREATE VIEW vc_bad2 AS SELECT 1 AS one FROM vc_t WITH CHECK OPTION;
CREATE VIEW vc_bad3 AS SELECT a FROM vc_t UNION SELECT a FROM vc_t WITH LOCAL CHECK OPTION;
-- detail
CREATE VIEW vc_bad4 WITH (check_option = foo) AS SELECT a FROM vc_t;
-- detail
CREATE VIEW vc_bad5 WITH (check_option = local) AS SELECT a FROM vc_t WITH CASCADED CHECK OPTION;
-- differs: security_barrier and security_invoker are refused (0A000)
CREATE VIEW vc_bad6 WITH (security_barrier) AS SELECT a FROM vc_t;
-- differs: a write through a view WITH CHECK OPTION in a WITH query is refused (0A000)
WITH w AS (INSERT INTO vc_v1 VALUES (90, 'cte') RETURNING a) SELECT * FROM w;
-- ALTER VIEW ... SET / RESET (check_option)
CREATE TABLE vc_at (a int PRIMARY KEY, b text);
CREATE VIEW vc_av AS SELECT a, b FROM vc_at WHERE a > 0;
CREATE VIEW vc_aw AS SELECT a, b FROM vc_av WHERE a < 10;
INSERT INTO vc_aw VALUES (-1, 'no check');
ALTER VIEW vc_av SET (check_option = local);
SELECT relname, reloptions FROM pg_class WHERE relname IN ('vc_av', 'vc_aw') ORDER BY 1;
SELECT table_name, check_option FROM information_schema.views WHERE table_name LIKE 'vc\_a_' ORDER BY 1;
-- detail
INSERT INTO vc_av VALUES (-2, 'x');
-- detail
INSERT INTO vc_aw VALUES (-3, 'checked by vc_av''s own option');
ALTER VIEW vc_aw SET (check_option = cascaded);
-- detail
INSERT INTO vc_aw VALUES (20, 'x');
ALTER VIEW vc_aw RESET (check_option);
INSERT INTO vc_aw VALUES (20, 'now ok');
-- detail
ALTER VIEW vc_av SET (check_option = bogus);
ALTER VIEW vc_at SET (check_option = local);
ALTER VIEW vc_nosuch SET (check_option = local);
CREATE VIEW vc_ag AS SELECT a, count(*) FROM vc_at GROUP BY a;
ALTER VIEW vc_ag SET (check_option = local);
ALTER VIEW vc_av RESET (check_option);
INSERT INTO vc_av VALUES (-5, 'ok again');
SELECT * FROM vc_at ORDER BY a;
CREATE VIEW vc_aq ("Quoted Name") AS SELECT a FROM vc_at WHERE a > 100;
ALTER VIEW vc_aq SET (check_option=local);
-- detail
INSERT INTO vc_aq VALUES (5);
SELECT pg_get_viewdef('vc_aq'::regclass);
-- DELETE is not checked
DELETE FROM vc_v1 WHERE a = 80;
