-- PL/pgSQL's call stack: GET DIAGNOSTICS PG_CONTEXT, the CONTEXT of an error caught from a
-- called function (GET STACKED DIAGNOSTICS PG_EXCEPTION_CONTEXT), RAISE USING DATATYPE.
CREATE FUNCTION ctx_inner() RETURNS text LANGUAGE plpgsql AS $$
DECLARE c text;
BEGIN
  GET DIAGNOSTICS c = PG_CONTEXT;
  RETURN c;
END $$;
SELECT ctx_inner();
CREATE FUNCTION ctx_assign() RETURNS text LANGUAGE plpgsql AS $$
DECLARE c text;
BEGIN
  c := ctx_inner();
  RETURN c;
END $$;
SELECT ctx_assign();
CREATE FUNCTION ctx_into() RETURNS text LANGUAGE plpgsql AS $$
DECLARE c text;
BEGIN
  SELECT ctx_inner() INTO c;
  RETURN c;
END $$;
SELECT ctx_into();
CREATE FUNCTION ctx_exec() RETURNS text LANGUAGE plpgsql AS $$
DECLARE c text;
BEGIN
  EXECUTE 'SELECT ctx_inner()' INTO c;
  RETURN c;
END $$;
SELECT ctx_exec();
CREATE FUNCTION ctx_two() RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN ctx_into();
END $$;
SELECT ctx_two();
CREATE FUNCTION ctx_loop() RETURNS text LANGUAGE plpgsql AS $$
DECLARE c text; r record;
BEGIN
  FOR r IN SELECT ctx_inner() AS x LOOP
    c := r.x;
  END LOOP;
  RETURN c;
END $$;
SELECT ctx_loop();
CREATE FUNCTION ctx_rows() RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY SELECT ctx_inner();
END $$;
SELECT * FROM ctx_rows();
-- the caller's name, as audit functions find it
CREATE FUNCTION ctx_caller() RETURNS text LANGUAGE plpgsql AS $$
DECLARE stack text;
BEGIN
  GET DIAGNOSTICS stack = PG_CONTEXT;
  RETURN substring(stack FROM 'function (.*?) line [0-9]+ at [A-Z ]+\n.*function (?:.*?) line');
END $$;
CREATE FUNCTION ctx_who() RETURNS text LANGUAGE plpgsql AS $$
DECLARE stack text;
BEGIN
  GET DIAGNOSTICS stack = PG_CONTEXT;
  RETURN split_part(split_part(stack, E'\n', 2), ' ', 3);
END $$;
CREATE FUNCTION ctx_audited() RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN ctx_who();
END $$;
SELECT ctx_audited();
-- in a trigger, fired by a client's statement and by a DO block's
CREATE TABLE ctx_t (a int, note text);
CREATE FUNCTION ctx_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE c text;
BEGIN
  GET DIAGNOSTICS c = PG_CONTEXT;
  NEW.note := c;
  RETURN NEW;
END $$;
CREATE TRIGGER ctx_t_b BEFORE INSERT ON ctx_t FOR EACH ROW EXECUTE FUNCTION ctx_trg();
INSERT INTO ctx_t (a) VALUES (1);
DO $$ BEGIN INSERT INTO ctx_t (a) VALUES (2); END $$;
SELECT a, note FROM ctx_t ORDER BY a;
-- the CONTEXT of an error caught from called functions
CREATE FUNCTION ctx_boom() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'boom';
END $$;
CREATE FUNCTION ctx_catch(how text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE c text; x int;
BEGIN
  BEGIN
    IF how = 'perform' THEN
      PERFORM ctx_boom();
    ELSIF how = 'assign' THEN
      x := ctx_boom();
    ELSIF how = 'select' THEN
      SELECT ctx_boom() INTO x;
    ELSIF how = 'execute' THEN
      EXECUTE 'SELECT ctx_boom()' INTO x;
    ELSIF how = 'unique' THEN
      INSERT INTO ctx_u VALUES (1);
    ELSE
      PERFORM 1 / 0;
    END IF;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS c = PG_EXCEPTION_CONTEXT;
    RETURN c;
  END;
  RETURN 'none';
END $$;
CREATE TABLE ctx_u (a int PRIMARY KEY);
INSERT INTO ctx_u VALUES (1);
SELECT ctx_catch('perform');
SELECT ctx_catch('assign');
SELECT ctx_catch('select');
SELECT ctx_catch('execute');
SELECT ctx_catch('unique');
SELECT ctx_catch('divide');
-- re-raised: the error keeps the CONTEXT it was caught with
CREATE FUNCTION ctx_reraise() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  BEGIN
    PERFORM ctx_boom();
  EXCEPTION WHEN OTHERS THEN
    RAISE;
  END;
  RETURN 1;
END $$;
CREATE FUNCTION ctx_outer_catch() RETURNS text LANGUAGE plpgsql AS $$
DECLARE c text; x int;
BEGIN
  x := ctx_reraise();
  RETURN 'none';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS c = PG_EXCEPTION_CONTEXT;
  RETURN c;
END $$;
SELECT ctx_outer_catch();
-- RAISE USING DATATYPE, read back by PG_DATATYPE_NAME
CREATE FUNCTION ctx_datatype() RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text; t text; c text;
BEGIN
  RAISE EXCEPTION USING MESSAGE = 'bad value', DATATYPE = 'int4', TABLE = 'ctx_t',
    COLUMN = 'a';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS d = PG_DATATYPE_NAME, t = TABLE_NAME, c = COLUMN_NAME;
  RETURN d || ' ' || t || ' ' || c;
END $$;
SELECT ctx_datatype();
DO $$
DECLARE d text;
BEGIN
  RAISE EXCEPTION USING DATATYPE = 'text';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS d = PG_DATATYPE_NAME;
  RAISE NOTICE 'datatype %', d;
END $$;
DO $$ BEGIN RAISE EXCEPTION USING MESSAGE = 'x', DATATYPE = 'a', DATATYPE = 'b'; END $$;
DO $$ BEGIN RAISE EXCEPTION USING MESSAGE = 'x', DATATYPE = NULL; END $$;
-- an error's CONTEXT through calls, as psql prints it
CREATE FUNCTION ctx_fail(how text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE x int;
BEGIN
  IF how = 'perform' THEN
    PERFORM ctx_boom();
  ELSIF how = 'assign' THEN
    x := ctx_boom();
  ELSIF how = 'select' THEN
    SELECT ctx_boom() INTO x;
  ELSIF how = 'execute' THEN
    EXECUTE 'SELECT ctx_boom()' INTO x;
  ELSE
    INSERT INTO ctx_u VALUES (1);
  END IF;
  RETURN x;
END $$;
-- context
SELECT ctx_fail('perform');
-- context
SELECT ctx_fail('assign');
-- context
SELECT ctx_fail('select');
-- context
SELECT ctx_fail('execute');
-- context
SELECT ctx_fail('unique');
-- context
DO $$ BEGIN PERFORM ctx_fail('assign'); END $$;
-- context
SELECT ctx_reraise();
-- context
DO $$ BEGIN RAISE EXCEPTION USING MESSAGE = 'bad', DATATYPE = 'int4'; END $$;
CREATE FUNCTION ctx_nonsimple() RETURNS int LANGUAGE plpgsql AS $$
DECLARE x int;
BEGIN
  x := (SELECT count(*) FROM ctx_u) / 0;
  RETURN x;
END $$;
-- an expression PostgreSQL does not evaluate as a simple one (a subquery in it) says
-- `PL/pgSQL assignment "x := ..."` / `SQL expression "..."`, so does one its planner folds
-- context
SELECT ctx_nonsimple();
CREATE FUNCTION ctx_expr(how text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE x int := 0;
BEGIN
  IF how = 'cond' THEN
    IF (SELECT count(*) FROM ctx_u) / x > 0 THEN RETURN 1; END IF;
  ELSIF how = 'const' THEN
    RETURN 1/0;
  ELSIF how = 'cast' THEN
    x := 'abc'::int;
  ELSIF how = 'var' THEN
    x := 1 / x;
  ELSIF how = 'agg' THEN
    x := max(a) / 0 FROM ctx_u;
  ELSE
    RETURN ctx_boom() + (SELECT 1);
  END IF;
  RETURN x;
END $$;
-- context
SELECT ctx_expr('cond');
-- context
SELECT ctx_expr('const');
-- context
SELECT ctx_expr('cast');
-- context
SELECT ctx_expr('var');
-- context
SELECT ctx_expr('agg');
-- context
SELECT ctx_expr('call');
-- a LANGUAGE sql function PostgreSQL inlines says `during inlining` in its CONTEXT
CREATE FUNCTION ctx_sqlf() RETURNS int LANGUAGE sql AS $$ SELECT 1/0 $$;
-- differs: PostgreSQL's planner inlines the LANGUAGE sql function and folds its 1/0 (`SQL function "ctx_sqlf" during inlining`); shardlite runs it (`statement 1`)
-- context
SELECT ctx_sqlf();
-- an error pointing into the statement's text (a missing table) has no `SQL statement` line:
-- PostgreSQL reports its position in the internal query instead
CREATE FUNCTION ctx_missing() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ctx_nope VALUES (1);
  RETURN 1;
END $$;
-- context
SELECT ctx_missing();
