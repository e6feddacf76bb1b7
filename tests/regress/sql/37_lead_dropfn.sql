-- DROP FUNCTION of a function something calls: PostgreSQL's dependencies hold it (2BP01
-- naming each dependent), CASCADE drops the triggers and views with it.
CREATE TABLE dfn_t (a int, b int);
CREATE FUNCTION dfn_trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.b := NEW.a * 2; RETURN NEW; END $$;
CREATE TRIGGER dfn_t1 BEFORE INSERT ON dfn_t FOR EACH ROW EXECUTE FUNCTION dfn_trg();
CREATE TRIGGER dfn_t2 BEFORE UPDATE ON dfn_t FOR EACH ROW EXECUTE FUNCTION dfn_trg();
DROP FUNCTION dfn_trg();
INSERT INTO dfn_t (a) VALUES (5);
SELECT a, b FROM dfn_t;
SELECT tgname FROM pg_trigger WHERE tgrelid = 'dfn_t'::regclass ORDER BY tgname;
DROP FUNCTION dfn_trg() CASCADE;
SELECT tgname FROM pg_trigger WHERE tgrelid = 'dfn_t'::regclass ORDER BY tgname;
INSERT INTO dfn_t (a) VALUES (6);
SELECT a, b FROM dfn_t ORDER BY a;
SELECT count(*) FROM pg_proc WHERE proname = 'dfn_trg';
-- a view calling it, and a view over that view
CREATE FUNCTION dfn_twice(int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 * 2';
CREATE VIEW dfn_v AS SELECT a, dfn_twice(a) AS t FROM dfn_t;
CREATE VIEW dfn_vv AS SELECT t FROM dfn_v;
DROP FUNCTION dfn_twice(int);
DROP FUNCTION dfn_twice;
SELECT * FROM dfn_vv ORDER BY t;
DROP FUNCTION dfn_twice(int) CASCADE;
SELECT count(*) FROM pg_views WHERE viewname IN ('dfn_v', 'dfn_vv');
-- an overload that nothing calls goes alone
CREATE FUNCTION dfn_o(int) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION dfn_o(text) RETURNS int LANGUAGE sql AS 'SELECT 2';
CREATE VIEW dfn_ov AS SELECT dfn_o(1) AS one;
DROP FUNCTION dfn_o(text);
DROP FUNCTION dfn_o(int);
SELECT * FROM dfn_ov;
-- a column default and a CHECK calling it
CREATE FUNCTION dfn_one() RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT 1';
CREATE TABLE dfn_d (a int DEFAULT dfn_one(), b int CHECK (b > dfn_one()));
DROP FUNCTION dfn_one();
INSERT INTO dfn_d (b) VALUES (2);
SELECT a, b FROM dfn_d;
-- several functions in one DROP, one held
CREATE FUNCTION dfn_free() RETURNS int LANGUAGE sql AS 'SELECT 3';
DROP FUNCTION dfn_free(), dfn_one();
SELECT count(*) FROM pg_proc WHERE proname IN ('dfn_free', 'dfn_one');
-- a procedure, and a function only a PL/pgSQL body calls: nothing depends on them
CREATE PROCEDURE dfn_p() LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION dfn_caller() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN dfn_free(); END $$;
DROP PROCEDURE dfn_p();
DROP FUNCTION dfn_free();
SELECT dfn_caller();
-- differs: CASCADE does not drop a column default or CHECK calling the function (0A000)
DROP FUNCTION dfn_one() CASCADE;
