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
-- a procedure CALLed by the CALL's procedure
CREATE PROCEDURE cm_inner() LANGUAGE plpgsql AS $$ BEGIN INSERT INTO cm2 VALUES (500); COMMIT; END $$;
CREATE PROCEDURE cm_outer() LANGUAGE plpgsql AS $$ BEGIN CALL cm_inner(); INSERT INTO cm2 VALUES (600); ROLLBACK; END $$;
-- differs: COMMIT in a procedure CALLed by another procedure is 0A000 (PostgreSQL commits)
CALL cm_outer();
