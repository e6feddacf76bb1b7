-- Composite (row) values: a table's row type as an OUT parameter of a PL/pgSQL function
-- (Sequelize's findOrCreate), RETURNING * INTO a row variable, (x).* and (x).f of a function's
-- composite result, a variable declared with a table's name as its type.
CREATE TABLE cmp_authors (id serial PRIMARY KEY, name varchar(50) NOT NULL, email varchar(255) UNIQUE,
  active boolean DEFAULT true, balance numeric(10,2) DEFAULT 0, score double precision, born date,
  meta jsonb, photo bytea, tags text[], "createdAt" timestamptz NOT NULL);
CREATE TABLE "CmpQuoted" (id int, "Label" text);
-- Sequelize 6's findOrCreate, as it sends it (one simple-query message: three statements)
-- (first as three statements, so that the SELECT's row is compared)
CREATE OR REPLACE FUNCTION pg_temp.testfunc(OUT response cmp_authors, OUT sequelize_caught_exception text) RETURNS RECORD AS $func_0a1b$ BEGIN INSERT INTO cmp_authors ("id","name","email","active","balance","createdAt") VALUES (DEFAULT,'eve','eve@x',true,0,'2024-01-01 00:00:00.000 +00:00') RETURNING "id","name","email","active","balance","score","born","meta","photo","tags","createdAt" INTO response; EXCEPTION WHEN unique_violation THEN GET STACKED DIAGNOSTICS sequelize_caught_exception = PG_EXCEPTION_DETAIL; END $func_0a1b$ LANGUAGE plpgsql;
SELECT (testfunc.response).*, testfunc.sequelize_caught_exception FROM pg_temp.testfunc();
DROP FUNCTION IF EXISTS pg_temp.testfunc();
-- then as one message: the INSERT fails, the handler catches the unique violation
CREATE OR REPLACE FUNCTION pg_temp.testfunc(OUT response cmp_authors, OUT sequelize_caught_exception text) RETURNS RECORD AS $func_0a1b$ BEGIN INSERT INTO cmp_authors ("id","name","email","active","balance","createdAt") VALUES (DEFAULT,'eve','eve@x',true,0,'2024-01-01 00:00:00.000 +00:00') RETURNING "id","name","email","active","balance","score","born","meta","photo","tags","createdAt" INTO response; EXCEPTION WHEN unique_violation THEN GET STACKED DIAGNOSTICS sequelize_caught_exception = PG_EXCEPTION_DETAIL; END $func_0a1b$ LANGUAGE plpgsql; SELECT (testfunc.response).*, testfunc.sequelize_caught_exception FROM pg_temp.testfunc(); DROP FUNCTION IF EXISTS pg_temp.testfunc();
-- in a transaction block, as findOrCreate runs it (its findOne first)
BEGIN;
SELECT id FROM cmp_authors WHERE name = 'fay (x)' LIMIT 1;
CREATE OR REPLACE FUNCTION pg_temp.testfunc(OUT response cmp_authors, OUT sequelize_caught_exception text) RETURNS RECORD AS $func_0a1c$ BEGIN INSERT INTO cmp_authors ("id","name","email","balance","score","born","meta","photo","tags","createdAt") VALUES (3,'fay (x)','fay@x',12.5,1.5,'2001-02-03','{"k": [1, "a b"]}','\x00ff',ARRAY['a b','c"d'],'2024-01-01 00:00:00.000 +00:00') RETURNING * INTO response; EXCEPTION WHEN unique_violation THEN GET STACKED DIAGNOSTICS sequelize_caught_exception = PG_EXCEPTION_DETAIL; END $func_0a1c$ LANGUAGE plpgsql;
SELECT (testfunc.response).*, testfunc.sequelize_caught_exception FROM pg_temp.testfunc();
DROP FUNCTION IF EXISTS pg_temp.testfunc();
COMMIT;
-- a pg_temp function made in a transaction block that has read nothing yet
BEGIN;
CREATE FUNCTION pg_temp.cmp_tmp(OUT a int, OUT b text) LANGUAGE plpgsql AS $$ BEGIN a := 1; b := 'x'; END $$;
SELECT * FROM pg_temp.cmp_tmp();
COMMIT;
SELECT id, name, email, balance, score, born, meta, photo, tags FROM cmp_authors ORDER BY id;
-- the composite value itself, its fields, and a row never assigned (NULL)
CREATE FUNCTION cmp_pick(k int, OUT r cmp_authors, OUT note text) LANGUAGE plpgsql AS $$
BEGIN SELECT * INTO r FROM cmp_authors WHERE id = k; note := 'n' || k; END $$;
SELECT cmp_pick.r, (cmp_pick.r).name, (cmp_pick.r).tags, note FROM cmp_pick(2);
SELECT (p.r).id, (p.r).balance, (p.r).born, p.r IS NULL AS missing FROM cmp_pick(99) AS p;
SELECT r FROM cmp_pick(1);
SELECT * FROM cmp_pick(2);
SELECT (r).nope FROM cmp_pick(1);
-- a quoted relation name as the type
CREATE FUNCTION cmp_quoted(OUT q "CmpQuoted") LANGUAGE plpgsql AS $$ BEGIN q.id := 1; END $$;
CREATE FUNCTION cmp_quoted2(OUT q "CmpQuoted", OUT n int) LANGUAGE plpgsql AS $$ BEGIN SELECT 7, 'A "b"' INTO q; n := 1; END $$;
SELECT (x.q).*, x.q, x.n FROM cmp_quoted2() AS x;
SELECT proallargtypes = ARRAY['"CmpQuoted"'::regtype::oid, 23]::oid[], proargmodes, proargnames, pg_get_function_arguments(oid) FROM pg_proc WHERE proname = 'cmp_quoted2';
-- a variable whose type is a table's name
DO $$ DECLARE u cmp_authors; v "CmpQuoted"; BEGIN
  IF u IS NOT NULL THEN RAISE EXCEPTION 'not null before'; END IF; SELECT * INTO u FROM cmp_authors WHERE id = 1
  ; u.name := u.name || '!'; INSERT INTO "CmpQuoted" VALUES (u.id, u.name) RETURNING * INTO v
  ; v."Label" := v."Label" || '?'; INSERT INTO "CmpQuoted" VALUES (v.id + 1, v."Label")
  ; END $$;
SELECT * FROM "CmpQuoted" ORDER BY id;
DO $$ DECLARE w cmp_nosuch; BEGIN NULL; END $$;
-- a table's row type as an input parameter: the whole row of FROM, ROW(...), a cast
CREATE FUNCTION cmp_in(a cmp_authors) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN a.name || ' ' || coalesce(a.balance::text, '-') || ' ' || coalesce(a.active::text, '-'); END $$;
CREATE FUNCTION cmp_in_sql(a cmp_authors, suffix text) RETURNS text LANGUAGE sql AS $$ SELECT a.name || suffix $$;
SELECT id, cmp_in(x), cmp_in_sql(x, '!') FROM cmp_authors x ORDER BY id;
SELECT cmp_in(x.*) FROM cmp_authors x WHERE id = 1;
SELECT cmp_in(ROW(9, 'zed', NULL, false, 1.234, NULL, NULL, NULL, NULL, NULL, '2024-01-01 00:00:00+00')::cmp_authors);
SELECT cmp_in(ROW(9, 'zed', NULL, NULL, 1.235, NULL, NULL, NULL, NULL, NULL, '2024-01-01 00:00:00+00'));
SELECT pg_get_function_arguments(oid) FROM pg_proc WHERE proname IN ('cmp_in', 'cmp_in_sql') ORDER BY proname;
CREATE FUNCTION cmp_ret() RETURNS cmp_authors LANGUAGE sql AS 'SELECT * FROM cmp_authors LIMIT 1';
SELECT id, name, balance FROM cmp_ret();
SELECT (cmp_ret()).name;
DROP FUNCTION IF EXISTS cmp_ret;
DROP FUNCTION cmp_in(cmp_authors);
DROP FUNCTION cmp_in_sql;
DROP FUNCTION cmp_pick(int);
DROP FUNCTION cmp_quoted();
DROP FUNCTION cmp_quoted2();
DROP TABLE cmp_authors, "CmpQuoted";
-- functions returning record with a column definition list
SELECT * FROM json_to_record('{"a":1,"b":"x y","c":true,"d":{"k":[1, "z"]},"e":"2020-01-02","f":1.50,"h":null}') AS t(a int, b text, c boolean, d jsonb, e date, f numeric, g text, h jsonb);
SELECT * FROM jsonb_to_recordset('[{"a":1,"b":"q"},{"a":2,"d":"s"},{}]') AS t(a int, b varchar(3), d jsonb);
SELECT t.b, x.a FROM json_to_recordset('[{"a":1,"b":"q"},{"a":2}]') AS t(a int, b text) JOIN (SELECT 2 AS a) x ON x.a = t.a;
SELECT a, b, c FROM jsonb_to_record('{"a":1,"b":true,"c":[1,2]}'::jsonb) AS r(a text, b text, c text);
SELECT count(*) FROM json_to_recordset('[]') AS t(a int);
SELECT * FROM json_to_record('{"a":1}');
SELECT * FROM json_to_record('{"a":"x"}') AS t(a int);
SELECT * FROM jsonb_to_recordset('{"a":1}') AS t(a int);
SELECT * FROM json_to_record('[1]') AS t(a int);
SELECT * FROM json_to_record('1') AS t(a int);
SELECT * FROM jsonb_to_recordset('[1]') AS t(a int);
SELECT * FROM json_to_record('{"a":1}') AS t(a int, a text);
SELECT * FROM json_to_record('{"a":1}') AS t(a json);
-- differs: an array column of a column definition list is 0A000
SELECT * FROM json_to_record('{"a":[1]}') AS t(a int[]);
-- whole rows of a relation: (t).*, (t.*).f, t IS [NOT] NULL; row constructors IS [NOT] NULL
CREATE TABLE cmp_rows (a int, b text);
INSERT INTO cmp_rows VALUES (1, NULL), (NULL, NULL), (2, 'x');
SELECT a, b, cmp_rows IS NULL AS n, cmp_rows IS NOT NULL AS nn, (cmp_rows.*).b, (cmp_rows).a FROM cmp_rows ORDER BY a;
SELECT (cmp_rows).*, (cmp_rows.*).*, (r).b FROM cmp_rows, cmp_rows AS r WHERE cmp_rows.a = 2 AND r.a = 1;
SELECT count(*) FROM cmp_rows WHERE cmp_rows IS NULL;
SELECT ROW(1, NULL) IS NULL, ROW(NULL, NULL) IS NULL, ROW(1, 2) IS NOT NULL, ROW(1, NULL) IS NOT NULL, (NULL, NULL) IS NOT NULL;
DO $$ DECLARE r cmp_rows; BEGIN SELECT * INTO r FROM cmp_rows WHERE a = 5; IF r IS NOT NULL OR NOT r IS NULL THEN RAISE EXCEPTION 'r: %', r; END IF; END $$;
DROP TABLE cmp_rows;
-- functions of the tenant's returning record, called with a column definition list
CREATE TABLE cmp_kt (a int, b text, n numeric(6,2));
INSERT INTO cmp_kt VALUES (1, 'x', 1.5), (2, 'y', NULL);
CREATE FUNCTION cmp_kf() RETURNS SETOF record LANGUAGE sql AS 'SELECT a, b FROM cmp_kt ORDER BY a';
SELECT * FROM cmp_kf() AS t(a int, b text);
SELECT t.b, t.a + 1 AS next FROM cmp_kf() AS t(a int, b text) WHERE t.a = 2;
SELECT * FROM cmp_kf() AS t(a text, b varchar(5));
SELECT * FROM cmp_kf();
SELECT * FROM cmp_kf() AS t(a int);
SELECT * FROM cmp_kf() AS t(a int, b text, c int);
SELECT * FROM cmp_kf() AS t(a int, a text);
CREATE FUNCTION cmp_kp(k int) RETURNS SETOF record LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT a, b, n FROM cmp_kt WHERE a >= k ORDER BY a; END $$;
SELECT * FROM cmp_kp(1) AS (x int, y text, z numeric);
SELECT * FROM cmp_kp(2) AS (x int, y text, z int);
SELECT * FROM cmp_kp(2) AS (x int, y text);
CREATE FUNCTION cmp_ks() RETURNS record LANGUAGE sql AS 'SELECT 7, ''q''::text UNION ALL SELECT 8, ''r''';
SELECT * FROM cmp_ks() AS r(i int, s text);
CREATE FUNCTION cmp_outs(OUT a int, OUT b int) LANGUAGE sql AS 'SELECT 1, 2';
SELECT * FROM cmp_outs() AS t(a int, b int);
SELECT proname, pg_get_function_result(oid), proretset, prorettype FROM pg_proc WHERE proname IN ('cmp_kf', 'cmp_ks') ORDER BY 1;
CREATE FUNCTION cmp_kr() RETURNS record LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
SELECT * FROM cmp_kr() AS t(a int, b text);
-- differs: a function returning record in a select list is 0A000 (in FROM with a column definition list it works)
SELECT cmp_kf();
DROP FUNCTION IF EXISTS cmp_kr;
DROP FUNCTION cmp_kf();
DROP FUNCTION cmp_kp(int);
DROP FUNCTION cmp_ks();
DROP FUNCTION cmp_outs();
DROP TABLE cmp_kt;
