-- Deferred constraint checking: CREATE CONSTRAINT TRIGGER ... DEFERRABLE INITIALLY DEFERRED
-- fires at COMMIT (an error there aborts the COMMIT), SET CONSTRAINTS moves constraints
-- between DEFERRED and IMMEDIATE, and the catalog shows both
CREATE TABLE df_acct (id int PRIMARY KEY, balance int NOT NULL);
CREATE TABLE df_log (n serial PRIMARY KEY, msg text);
CREATE FUNCTION df_check() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO df_log (msg) VALUES (TG_NAME || ' ' || TG_WHEN || ' ' || TG_LEVEL || ' ' || TG_OP || ' ' || NEW.id || ' total ' || (SELECT sum(balance) FROM df_acct)); IF (SELECT sum(balance) FROM df_acct) <> 100 THEN RAISE EXCEPTION 'books do not balance: %', (SELECT sum(balance) FROM df_acct) USING ERRCODE = '23514'; END IF; RETURN NULL; END $$;
CREATE CONSTRAINT TRIGGER df_balanced AFTER INSERT OR UPDATE ON df_acct DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION df_check();
INSERT INTO df_acct VALUES (1, 60), (2, 40);
SELECT n, msg FROM df_log ORDER BY n;
-- a transfer in two statements: the trigger sees the books only at COMMIT
BEGIN;
UPDATE df_acct SET balance = balance - 10 WHERE id = 1;
SELECT count(*) FROM df_log;
UPDATE df_acct SET balance = balance + 10 WHERE id = 2;
SELECT count(*) FROM df_log;
COMMIT;
SELECT n, msg FROM df_log ORDER BY n;
SELECT id, balance FROM df_acct ORDER BY id;
-- a transfer that does not balance fails at COMMIT with the trigger's SQLSTATE; undone
BEGIN;
UPDATE df_acct SET balance = balance - 10 WHERE id = 1;
COMMIT;
SELECT id, balance FROM df_acct ORDER BY id;
SELECT count(*) FROM df_log;
-- an autocommit statement: checked when its own transaction commits
UPDATE df_acct SET balance = 0 WHERE id = 1;
INSERT INTO df_acct VALUES (3, 0);
SELECT id, balance FROM df_acct ORDER BY id;
-- SET CONSTRAINTS name IMMEDIATE checks the rows deferred so far, and the later ones at
-- each statement's end
TRUNCATE df_log;
BEGIN;
UPDATE df_acct SET balance = balance + 1 WHERE id = 1;
UPDATE df_acct SET balance = balance - 1 WHERE id = 1;
SELECT count(*) FROM df_log;
SET CONSTRAINTS df_balanced IMMEDIATE;
SELECT msg FROM df_log ORDER BY n;
UPDATE df_acct SET balance = balance + 1 WHERE id = 1;
ROLLBACK;
SELECT id, balance FROM df_acct ORDER BY id;
-- SET CONSTRAINTS ALL IMMEDIATE, then ALL DEFERRED again
TRUNCATE df_log;
BEGIN;
UPDATE df_acct SET balance = balance + 5 WHERE id = 1;
SET CONSTRAINTS ALL IMMEDIATE;
ROLLBACK;
BEGIN;
SET CONSTRAINTS ALL IMMEDIATE;
SET CONSTRAINTS ALL DEFERRED;
UPDATE df_acct SET balance = balance + 5 WHERE id = 1;
UPDATE df_acct SET balance = balance - 5 WHERE id = 1;
COMMIT;
SELECT msg FROM df_log ORDER BY n;
-- a DEFERRABLE INITIALLY IMMEDIATE constraint trigger fires at the statement's end unless
-- deferred by name
CREATE TABLE df_pair (id int PRIMARY KEY, partner int);
CREATE FUNCTION df_partner() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.partner IS NOT NULL AND NOT EXISTS (SELECT 1 FROM df_pair WHERE id = NEW.partner AND partner = NEW.id) THEN RAISE EXCEPTION 'pair % is one-sided', NEW.id; END IF; RETURN NULL; END $$;
CREATE CONSTRAINT TRIGGER df_mutual AFTER INSERT OR UPDATE ON df_pair DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION df_partner();
INSERT INTO df_pair VALUES (1, 2);
INSERT INTO df_pair VALUES (1, 2), (2, 1);
BEGIN;
SET CONSTRAINTS df_mutual DEFERRED;
INSERT INTO df_pair VALUES (3, 4);
INSERT INTO df_pair VALUES (4, 3);
COMMIT;
BEGIN;
SET CONSTRAINTS df_mutual DEFERRED;
INSERT INTO df_pair VALUES (5, 6);
SET CONSTRAINTS df_mutual IMMEDIATE;
ROLLBACK;
SELECT id, partner FROM df_pair ORDER BY id;
-- ROLLBACK TO SAVEPOINT forgets the rows deferred since the savepoint
BEGIN;
SET CONSTRAINTS df_mutual DEFERRED;
INSERT INTO df_pair VALUES (7, 8), (8, 7);
SAVEPOINT sp;
INSERT INTO df_pair VALUES (9, 10);
ROLLBACK TO SAVEPOINT sp;
COMMIT;
SELECT id, partner FROM df_pair ORDER BY id;
-- ROLLBACK TO SAVEPOINT undoes SET CONSTRAINTS made since, too
BEGIN;
SAVEPOINT s1;
SET CONSTRAINTS df_mutual DEFERRED;
ROLLBACK TO SAVEPOINT s1;
INSERT INTO df_pair VALUES (21, 22);
ROLLBACK;
BEGIN;
SET CONSTRAINTS df_mutual DEFERRED;
SAVEPOINT s2;
SET CONSTRAINTS ALL IMMEDIATE;
ROLLBACK TO SAVEPOINT s2;
INSERT INTO df_pair VALUES (23, 24);
INSERT INTO df_pair VALUES (24, 23);
RELEASE SAVEPOINT s2;
COMMIT;
SELECT id, partner FROM df_pair WHERE id > 20 ORDER BY id;
-- a PL/pgSQL block whose error is caught forgets the rows its statements deferred
CREATE FUNCTION df_try(i int) RETURNS text LANGUAGE plpgsql AS $$ BEGIN INSERT INTO df_pair VALUES (i, i + 100); PERFORM 1 / 0; RETURN 'done'; EXCEPTION WHEN division_by_zero THEN RETURN 'caught'; END $$;
BEGIN;
SET CONSTRAINTS df_mutual DEFERRED;
SELECT df_try(11);
COMMIT;
SELECT id, partner FROM df_pair ORDER BY id;
-- extended protocol: an autocommit statement is checked at its Sync
-- extended
INSERT INTO df_acct VALUES (4, 1);
SELECT id, balance FROM df_acct ORDER BY id;
-- what PostgreSQL refuses
BEGIN;
SET CONSTRAINTS df_nosuch DEFERRED;
ROLLBACK;
CREATE CONSTRAINT TRIGGER df_strict AFTER INSERT ON df_pair NOT DEFERRABLE FOR EACH ROW EXECUTE FUNCTION df_partner();
BEGIN;
SET CONSTRAINTS df_strict DEFERRED;
ROLLBACK;
BEGIN;
SET CONSTRAINTS df_strict IMMEDIATE;
ROLLBACK;
DROP TRIGGER df_strict ON df_pair;
SET CONSTRAINTS ALL DEFERRED;
-- foreign keys: SET CONSTRAINTS changes their mode too (25_deferrable_fk.sql)
CREATE TABLE df_parent (id int PRIMARY KEY);
CREATE TABLE df_child (id int PRIMARY KEY, parent int REFERENCES df_parent DEFERRABLE INITIALLY DEFERRED, other int CONSTRAINT df_child_other_fk REFERENCES df_parent);
BEGIN;
SET CONSTRAINTS df_child_parent_fkey DEFERRED;
INSERT INTO df_child VALUES (1, 1, NULL);
INSERT INTO df_parent VALUES (1);
COMMIT;
BEGIN;
SET CONSTRAINTS df_child_other_fk IMMEDIATE;
SET CONSTRAINTS df_child_parent_fkey IMMEDIATE;
ROLLBACK;
BEGIN;
SET CONSTRAINTS ALL IMMEDIATE;
ROLLBACK;
BEGIN;
SET CONSTRAINTS df_child_other_fk DEFERRED;
ROLLBACK;
SELECT id, parent FROM df_child ORDER BY id;
SELECT conname, contype, condeferrable, condeferred FROM pg_constraint WHERE conrelid = 'df_child'::regclass ORDER BY conname;
-- CREATE CONSTRAINT TRIGGER ... FROM: the referenced table in tgconstrrelid
CREATE TABLE df_ref (id int PRIMARY KEY);
CREATE CONSTRAINT TRIGGER df_from AFTER DELETE ON df_pair FROM df_ref DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION df_partner();
CREATE CONSTRAINT TRIGGER df_from2 AFTER DELETE ON df_pair FROM df_nosuch FOR EACH ROW EXECUTE FUNCTION df_partner();
-- the catalog
SELECT tgname, tgdeferrable, tginitdeferred, NULLIF(tgconstrrelid, 0)::regclass AS constrrel, tgconstraint <> 0 AS has_con FROM pg_trigger WHERE tgrelid IN ('df_acct'::regclass, 'df_pair'::regclass) ORDER BY tgname;
SELECT conname, contype, condeferrable, condeferred FROM pg_constraint WHERE contype = 't' AND conname LIKE 'df_%' ORDER BY conname;
SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid IN ('df_acct'::regclass, 'df_pair'::regclass) ORDER BY tgname;
ALTER TABLE df_ref RENAME TO df_ref2;
SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'df_from';
-- as pg_dump reads it: outside the search path FROM's table and the function are qualified
SET search_path = '';
SELECT pg_catalog.pg_get_triggerdef(oid) FROM pg_catalog.pg_trigger WHERE tgname IN ('df_from', 'df_balanced') ORDER BY tgname;
RESET search_path;
DROP TABLE df_ref2;
SELECT tgname FROM pg_trigger WHERE tgrelid = 'df_pair'::regclass ORDER BY tgname;
SELECT conname FROM pg_constraint WHERE contype = 't' AND conname LIKE 'df_%' ORDER BY conname;
-- EXCLUDE constraints: INSERT ... ON CONFLICT DO NOTHING skips a row that conflicts with one
-- already there (also one the same statement inserted); a conflict target names unique
-- indexes only, so the EXCLUDE constraint still refuses then
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE df_book (id int PRIMARY KEY, room int, during int4range, EXCLUDE USING gist (room WITH =, during WITH &&));
INSERT INTO df_book VALUES (1, 1, '[1,5)');
INSERT INTO df_book VALUES (2, 1, '[3,7)') ON CONFLICT DO NOTHING;
INSERT INTO df_book VALUES (3, 1, '[5,8)'), (4, 1, '[6,9)'), (5, 2, '[1,5)'), (6, 2, '[4,6)') ON CONFLICT DO NOTHING RETURNING id;
INSERT INTO df_book VALUES (1, 3, '[1,2)') ON CONFLICT DO NOTHING;
INSERT INTO df_book VALUES (7, 1, '[1,2)') ON CONFLICT (id) DO NOTHING;
INSERT INTO df_book VALUES (7, 1, '[1,2)') ON CONFLICT (id) DO UPDATE SET room = 9;
INSERT INTO df_book SELECT 8, 3, '[1,3)'::int4range UNION ALL SELECT 9, 3, '[2,4)'::int4range ON CONFLICT DO NOTHING;
SELECT id, room, during FROM df_book ORDER BY id;
-- differs: ON CONFLICT ON CONSTRAINT naming an exclusion constraint is refused (0A000)
INSERT INTO df_book VALUES (10, 1, '[1,2)') ON CONFLICT ON CONSTRAINT df_book_room_during_excl DO NOTHING;
INSERT INTO df_book VALUES (10, 1, '[1,2)') ON CONFLICT ON CONSTRAINT df_book_room_during_excl DO UPDATE SET room = 5;
-- a conflicting UPDATE is still refused
UPDATE df_book SET during = '[1,9)' WHERE id = 5;
UPDATE df_book SET room = 1 WHERE id = 5;
-- DEFERRABLE UNIQUE is made (25_deferrable_unique.sql); PRIMARY KEY and EXCLUDE DEFERRABLE
-- are not
CREATE TABLE df_slot (id int PRIMARY KEY, pos int UNIQUE DEFERRABLE INITIALLY DEFERRED);
-- differs: a DEFERRABLE EXCLUDE constraint is refused (0A000)
CREATE TABLE df_slot2 (id int PRIMARY KEY, during int4range, EXCLUDE USING gist (during WITH &&) DEFERRABLE);
-- a unique constraint that is not deferrable is checked row by row in PostgreSQL too: the
-- shift fails there as here
CREATE TABLE df_slot3 (id int PRIMARY KEY, pos int UNIQUE);
INSERT INTO df_slot3 VALUES (1, 1), (2, 2);
UPDATE df_slot3 SET pos = pos + 1;
SELECT id, pos FROM df_slot3 ORDER BY id;
-- a row that breaks several exclusion constraints is refused naming the oldest, as
-- PostgreSQL checks them in the order they were made
CREATE TABLE df_two (id int PRIMARY KEY, a int, b int, c int, CONSTRAINT df_two_b EXCLUDE USING gist (b WITH =), CONSTRAINT df_two_a EXCLUDE USING gist (a WITH =));
ALTER TABLE df_two ADD CONSTRAINT df_two_0 EXCLUDE USING gist (c WITH =);
INSERT INTO df_two VALUES (1, 1, 1, 1);
CREATE FUNCTION df_try_two(i int, a int, b int, c int) RETURNS text LANGUAGE plpgsql AS $$ BEGIN INSERT INTO df_two VALUES (i, a, b, c); RETURN 'ok'; EXCEPTION WHEN exclusion_violation THEN RETURN SQLERRM; END $$;
SELECT df_try_two(2, 1, 1, 1), df_try_two(3, 1, 2, 1), df_try_two(4, 2, 2, 1), df_try_two(5, 2, 2, 2);
CREATE FUNCTION df_try_upd(i int) RETURNS text LANGUAGE plpgsql AS $$ BEGIN UPDATE df_two SET a = 1, b = 1, c = 1 WHERE id = i; RETURN 'ok'; EXCEPTION WHEN exclusion_violation THEN RETURN SQLERRM; END $$;
SELECT df_try_upd(5);
