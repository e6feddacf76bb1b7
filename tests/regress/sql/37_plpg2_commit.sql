-- COMMIT and ROLLBACK [AND CHAIN] in a PL/pgSQL procedure CALLed (or a DO run) outside a
-- transaction block, with PostgreSQL's 2D000 where the context is atomic (were 0A000 at CREATE).
CREATE TABLE cm (i int, note text);
CREATE PROCEDURE cm_batch(n int) LANGUAGE plpgsql AS $$
BEGIN
  FOR i IN 1..n LOOP
    INSERT INTO cm VALUES (i, 'batch');
    IF i % 2 = 0 THEN COMMIT; ELSE ROLLBACK; END IF;
  END LOOP;
END $$;
CALL cm_batch(4);
SELECT * FROM cm ORDER BY i;
-- through the extended protocol (JDBC's CALL without parameters) too
TRUNCATE cm;
-- extended
CALL cm_batch(4);
SELECT * FROM cm ORDER BY i;
-- inside a transaction block: 2D000 invalid transaction termination
BEGIN;
CALL cm_batch(2);
ROLLBACK;
SELECT count(*) FROM cm;
-- a function never ends its transaction (2D000 when it runs, not at CREATE)
CREATE FUNCTION cm_f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN COMMIT; RETURN 1; END $$;
SELECT cm_f();
-- inside a block with handlers: 2D000, which the handler catches
CREATE PROCEDURE cm_exc() LANGUAGE plpgsql AS $$
BEGIN
  BEGIN
    INSERT INTO cm VALUES (10, 'exc');
    COMMIT;
  EXCEPTION WHEN invalid_transaction_termination THEN RAISE NOTICE 'caught %', SQLERRM;
  END;
END $$;
-- notices
CALL cm_exc();
CREATE PROCEDURE cm_exc2() LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cm VALUES (11, 'exc2');
  BEGIN
    ROLLBACK;
  EXCEPTION WHEN division_by_zero THEN NULL;
  END;
END $$;
CALL cm_exc2();
SELECT * FROM cm ORDER BY i;
-- a FOR loop over a query goes on after the commit
TRUNCATE cm;
INSERT INTO cm SELECT g, 'src' FROM generate_series(1, 3) g;
CREATE TABLE cm2 (i int);
CREATE PROCEDURE cm_copy() LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN SELECT i FROM cm ORDER BY i LOOP
    INSERT INTO cm2 VALUES (r.i * 10);
    COMMIT;
  END LOOP;
END $$;
CALL cm_copy();
SELECT * FROM cm2 ORDER BY i;
-- and one over a bound cursor
CREATE PROCEDURE cm_forc() LANGUAGE plpgsql AS $$
DECLARE c CURSOR FOR SELECT i FROM cm ORDER BY i;
BEGIN
  FOR r IN c LOOP
    INSERT INTO cm2 VALUES (r.i * 1000);
    COMMIT;
  END LOOP;
END $$;
CALL cm_forc();
SELECT * FROM cm2 ORDER BY i;
-- an error after a commit undoes only what came after it
CREATE PROCEDURE cm_fail() LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cm2 VALUES (100);
  COMMIT;
  INSERT INTO cm2 VALUES (200);
  RAISE EXCEPTION 'boom';
END $$;
CALL cm_fail();
SELECT * FROM cm2 ORDER BY i;
-- SET LOCAL ends with the transaction, AND CHAIN or not
CREATE PROCEDURE cm_local() LANGUAGE plpgsql AS $$
BEGIN
  SET LOCAL work_mem = '1234kB';
  RAISE NOTICE 'before %', current_setting('work_mem');
  COMMIT AND CHAIN;
  RAISE NOTICE 'after %', current_setting('work_mem');
  SET LOCAL work_mem = '2345kB';
  ROLLBACK AND CHAIN;
  RAISE NOTICE 'after rollback %', current_setting('work_mem');
  SET LOCAL work_mem = '3456kB';
  COMMIT;
  RAISE NOTICE 'at the end %', current_setting('work_mem');
END $$;
-- notices
CALL cm_local();
SHOW work_mem;
-- a DO block outside a transaction block may end its transaction too
DO $$ BEGIN INSERT INTO cm2 VALUES (300); COMMIT; INSERT INTO cm2 VALUES (400); ROLLBACK; END $$;
SELECT * FROM cm2 ORDER BY i;
BEGIN;
DO $$ BEGIN COMMIT; END $$;
ROLLBACK;
-- a cursor OPEN opened closes with the transaction: 34000
CREATE PROCEDURE cm_cur() LANGUAGE plpgsql AS $$
DECLARE c CURSOR FOR SELECT i FROM cm2 ORDER BY i; v int;
BEGIN
  OPEN c;
  FETCH c INTO v;
  COMMIT;
  FETCH c INTO v;
  RAISE NOTICE 'v %', v;
END $$;
CALL cm_cur();
-- now() is the new transaction's start
CREATE PROCEDURE cm_now() LANGUAGE plpgsql AS $$
DECLARE t timestamptz := now();
BEGIN
  PERFORM pg_sleep(0.01);
  COMMIT;
  RAISE NOTICE 'later %', now() > t;
END $$;
-- notices
CALL cm_now();
-- a deferred foreign key is checked at the procedure's COMMIT (23503 there); DDL, sequences,
-- row triggers and a procedure's arguments across commits
CREATE TABLE cp (id int PRIMARY KEY);
CREATE TABLE cc (id int, p int REFERENCES cp(id) DEFERRABLE INITIALLY DEFERRED);
CREATE PROCEDURE c2_fk() LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cp VALUES (1);
  INSERT INTO cc VALUES (1, 1);
  COMMIT;
  INSERT INTO cc VALUES (2, 99);
  COMMIT;
  INSERT INTO cc VALUES (3, 1);
END $$;
CALL c2_fk();
SELECT * FROM cc ORDER BY id;
CREATE PROCEDURE c2_ddl() LANGUAGE plpgsql AS $$
BEGIN
  CREATE TABLE c2_new (x int);
  COMMIT;
  INSERT INTO c2_new VALUES (1);
  CREATE TABLE c2_gone (x int);
  ROLLBACK;
  INSERT INTO c2_new VALUES (2);
END $$;
CALL c2_ddl();
SELECT * FROM c2_new ORDER BY x;
SELECT count(*) FROM pg_class WHERE relname = 'c2_gone';
CREATE PROCEDURE c2_seq() LANGUAGE plpgsql AS $$
DECLARE n int;
BEGIN
  CREATE SEQUENCE c2_s;
  PERFORM nextval('c2_s');
  COMMIT;
  PERFORM nextval('c2_s');
  ROLLBACK;
  SELECT nextval('c2_s') INTO n;
  RAISE NOTICE 'n %', n;
END $$;
-- notices
CALL c2_seq();
CREATE TABLE c2_log (x text);
CREATE FUNCTION c2_trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO c2_log VALUES ('row ' || NEW.x); RETURN NEW; END $$;
CREATE TRIGGER c2_t AFTER INSERT ON c2_new FOR EACH ROW EXECUTE FUNCTION c2_trg();
CREATE PROCEDURE c2_t() LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO c2_new VALUES (10);
  COMMIT;
  INSERT INTO c2_new VALUES (11);
  ROLLBACK;
  INSERT INTO c2_new VALUES (12);
END $$;
CALL c2_t();
SELECT * FROM c2_log ORDER BY x;
CREATE PROCEDURE c2_args(n int, t text DEFAULT 'd') LANGUAGE plpgsql AS $$
BEGIN
  FOR i IN 1..n LOOP INSERT INTO c2_log VALUES (t || i); COMMIT; END LOOP;
END $$;
CALL c2_args(2, 'a');
CALL c2_args(n => 1);
SELECT * FROM c2_log ORDER BY x;
-- a LANGUAGE sql body, EXECUTE and savepoints stay 0A000 (PostgreSQL's too); ON COMMIT DELETE ROWS, SET TRANSACTION READ ONLY kept by AND CHAIN
CREATE TABLE c3 (x text);
CREATE PROCEDURE c2_sqlp() LANGUAGE sql AS $$ INSERT INTO c3 VALUES ('sql'); COMMIT; $$;
CALL c2_sqlp();
SELECT * FROM c3;
CREATE PROCEDURE c3_exec() LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'COMMIT'; END $$;
CALL c3_exec();
CREATE PROCEDURE c3_sp() LANGUAGE plpgsql AS $$ BEGIN SAVEPOINT a; END $$;
CALL c3_sp();
CREATE TEMP TABLE c3_tmp (x int) ON COMMIT DELETE ROWS;
CREATE PROCEDURE c3_tmpp() LANGUAGE plpgsql AS $$ DECLARE n int; BEGIN INSERT INTO c3_tmp VALUES (1); SELECT count(*) INTO n FROM c3_tmp; RAISE NOTICE 'before %', n; COMMIT; SELECT count(*) INTO n FROM c3_tmp; RAISE NOTICE 'after %', n; END $$;
-- notices
CALL c3_tmpp();
CREATE PROCEDURE c3_ro() LANGUAGE plpgsql AS $$ BEGIN SET TRANSACTION READ ONLY; COMMIT AND CHAIN; INSERT INTO c3 VALUES ('ro'); END $$;
CALL c3_ro();
SELECT * FROM c3;
-- SET TRANSACTION in a CALL or DO outside a block holds for its own transaction only (the
-- session stayed read-only after it: 25006 for every later write)
CREATE PROCEDURE c3_ro2() LANGUAGE plpgsql AS $$ BEGIN SET TRANSACTION READ ONLY; END $$;
CALL c3_ro2();
INSERT INTO c3 VALUES ('after ro2');
DO $$ BEGIN SET TRANSACTION READ ONLY; END $$;
INSERT INTO c3 VALUES ('after do');
SELECT * FROM c3 ORDER BY x;
-- a procedure CALLed by such a procedure (or DO), with or without variables as arguments, ends
-- the transaction too; one CALLed inside a block with handlers or by a function is atomic (2D000)
CREATE TABLE nt (i int);
CREATE PROCEDURE n_inner(k int) LANGUAGE plpgsql AS $$ BEGIN INSERT INTO nt VALUES (k); COMMIT; INSERT INTO nt VALUES (k + 1); ROLLBACK; END $$;
CREATE PROCEDURE n_outer() LANGUAGE plpgsql AS $$ BEGIN INSERT INTO nt VALUES (1); CALL n_inner(10); INSERT INTO nt VALUES (2); ROLLBACK; INSERT INTO nt VALUES (3); CALL n_inner(20); END $$;
CALL n_outer();
SELECT * FROM nt ORDER BY i;
DO $$ BEGIN CALL n_inner(30); INSERT INTO nt VALUES (31); END $$;
SELECT * FROM nt ORDER BY i;
CREATE PROCEDURE n_outer2() LANGUAGE plpgsql AS $$ BEGIN BEGIN CALL n_inner(40); EXCEPTION WHEN division_by_zero THEN NULL; END; END $$;
CALL n_outer2();
CREATE PROCEDURE n_outer3() LANGUAGE plpgsql AS $$ DECLARE v int := 50; BEGIN CALL n_inner(v); END $$;
CALL n_outer3();
CREATE FUNCTION n_f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN CALL n_inner(60); RETURN 1; END $$;
CREATE PROCEDURE n_outer4() LANGUAGE plpgsql AS $$ BEGIN PERFORM n_f(); END $$;
CALL n_outer4();
CREATE PROCEDURE n_deep() LANGUAGE plpgsql AS $$ BEGIN CALL n_outer(); INSERT INTO nt VALUES (70); COMMIT; END $$;
TRUNCATE nt;
CALL n_deep();
SELECT * FROM nt ORDER BY i;
CREATE PROCEDURE n_fail() LANGUAGE plpgsql AS $$ BEGIN CALL n_inner(80); INSERT INTO nt VALUES (85); RAISE EXCEPTION 'late'; END $$;
CALL n_fail();
SELECT * FROM nt ORDER BY i;
INSERT INTO nt VALUES (99);
BEGIN;
INSERT INTO nt VALUES (100);
ROLLBACK;
SELECT * FROM nt ORDER BY i;
-- a CALL that runs as a statement (INOUT parameters, or $n parameters: psycopg, JDBC) too,
-- through either protocol
CREATE TABLE xb (i int);
CREATE PROCEDURE xb_io(INOUT n int) LANGUAGE plpgsql AS $$ BEGIN INSERT INTO xb VALUES (n * 10); COMMIT; INSERT INTO xb VALUES (n * 100); ROLLBACK; n := n + 1; END $$;
CALL xb_io(5);
-- extended
CALL xb_io(3);
SELECT * FROM xb ORDER BY i;
BEGIN;
CALL xb_io(7);
ROLLBACK;
-- extended
BEGIN;
INSERT INTO xb VALUES (1);
-- extended
CALL xb_io(8);
ROLLBACK;
INSERT INTO xb VALUES (2);
SELECT * FROM xb ORDER BY i;
-- a DO CALLing a procedure with variables as arguments
CREATE TABLE n2 (i int);
CREATE PROCEDURE n2_inner(k int) LANGUAGE plpgsql AS $$ BEGIN INSERT INTO n2 VALUES (k); COMMIT; INSERT INTO n2 VALUES (k + 1); ROLLBACK; END $$;
DO $$ DECLARE v int := 5; BEGIN INSERT INTO n2 VALUES (1); CALL n2_inner(v); INSERT INTO n2 VALUES (2); END $$;
BEGIN;
INSERT INTO n2 VALUES (3);
ROLLBACK;
SELECT * FROM n2 ORDER BY i;
