-- Assignment to array elements and slices (issue 3): UPDATE ... SET a[i] = v, a[l:u] = src,
-- as PostgreSQL's "Modifying Arrays": past the end extends the array with NULLs, a NULL or
-- empty array becomes a new one whose lower bound is the subscript.
CREATE TABLE arrset (id int PRIMARY KEY, a int[], t text[], f float8[], b bool[], m int[][]);
INSERT INTO arrset VALUES (1, '{1,2,3}', '{x,y}', '{1.5}', '{t}', '{{1,2},{3,4}}'),
  (2, NULL, NULL, NULL, NULL, NULL), (3, '{}', '{}', '{}', '{}', '{}');
UPDATE arrset SET a[2] = 20 WHERE id = 1;
SELECT a FROM arrset WHERE id = 1;
UPDATE arrset SET a[5] = 50 WHERE id = 1;
SELECT a, array_dims(a) FROM arrset WHERE id = 1;
UPDATE arrset SET a[0] = 0, a[-1] = -1 WHERE id = 1;
SELECT a, array_dims(a), a[-1] AS first FROM arrset WHERE id = 1;
UPDATE arrset SET a[3] = 7 WHERE id IN (2, 3);
SELECT id, a, array_dims(a) FROM arrset WHERE id IN (2, 3) ORDER BY id;
UPDATE arrset SET a[1] = NULL WHERE id = 1;
SELECT a FROM arrset WHERE id = 1;
UPDATE arrset SET t[1] = 'hello world', t[3] = 'q"r' WHERE id = 1;
SELECT t, t[1] AS one, t[3] AS three FROM arrset WHERE id = 1;
UPDATE arrset SET f[2] = 2.25, b[2] = false WHERE id = 1;
SELECT f, b FROM arrset WHERE id = 1;
UPDATE arrset SET a[2] = '42' WHERE id = 2;
SELECT a FROM arrset WHERE id = 2;
-- Slices.
UPDATE arrset SET a = '{1,2,3,4}' WHERE id = 1;
UPDATE arrset SET a[1:2] = '{9,9}' WHERE id = 1;
SELECT a FROM arrset WHERE id = 1;
UPDATE arrset SET a[3:6] = ARRAY[30, 40, 50, 60, 70] WHERE id = 1;
SELECT a FROM arrset WHERE id = 1;
UPDATE arrset SET a[8:9] = '{80,90}' WHERE id = 1;
SELECT a, array_dims(a) FROM arrset WHERE id = 1;
UPDATE arrset SET a[:2] = '{-1,-2}' WHERE id = 1;
SELECT a FROM arrset WHERE id = 1;
UPDATE arrset SET a[8:] = '{-8,-9}' WHERE id = 1;
SELECT a FROM arrset WHERE id = 1;
UPDATE arrset SET a[-1:0] = '{5,6}' WHERE id = 1;
SELECT a, array_dims(a) FROM arrset WHERE id = 1;
UPDATE arrset SET a = NULL WHERE id = 2;
UPDATE arrset SET a[2:3] = '{7,8}' WHERE id = 2;
SELECT a, array_dims(a) FROM arrset WHERE id = 2;
UPDATE arrset SET a[1:2] = NULL WHERE id = 2;
SELECT a FROM arrset WHERE id = 2;
UPDATE arrset SET t = NULL WHERE id = 2;
UPDATE arrset SET t[1:1] = NULL WHERE id = 2;
SELECT t FROM arrset WHERE id = 2;
-- Several dimensions: within the bounds only.
UPDATE arrset SET m[2][1] = 30 WHERE id = 1;
SELECT m FROM arrset WHERE id = 1;
UPDATE arrset SET m[1:2][2:2] = '{20,40}' WHERE id = 1;
SELECT m FROM arrset WHERE id = 1;
UPDATE arrset SET m[1:1] = '{7,8}' WHERE id = 1;
SELECT m FROM arrset WHERE id = 1;
UPDATE arrset SET m[3][1] = 1 WHERE id = 1;
UPDATE arrset SET m[1] = 1 WHERE id = 1;
UPDATE arrset SET m[1][1][1] = 1 WHERE id = 1;
UPDATE arrset SET m[1][2] = 5 WHERE id = 3;
SELECT m, array_dims(m) FROM arrset WHERE id = 3;
-- Errors.
UPDATE arrset SET a[NULL] = 1 WHERE id = 1;
UPDATE arrset SET a[1:NULL] = '{1}' WHERE id = 1;
UPDATE arrset SET a[2:1] = '{1}' WHERE id = 1;
UPDATE arrset SET a[1:3] = '{1,2}' WHERE id = 1;
UPDATE arrset SET a[1][1] = 1 WHERE id = 1;
UPDATE arrset SET a[1:2][1:2] = '{1,2,3,4}' WHERE id = 1;
UPDATE arrset SET a[:2] = '{1,2}' WHERE id = 3;
UPDATE arrset SET a[2] = 'x' WHERE id = 1;
UPDATE arrset SET a = '{1}', a[2] = 2 WHERE id = 1;
-- PL/pgSQL: arr[i] := v and arr[i][j] := v, the same rules.
CREATE FUNCTION arrset_pl(x int[], i int, v int) RETURNS int[] LANGUAGE plpgsql AS $$
BEGIN
  x[i] := v;
  RETURN x;
END $$;
SELECT arrset_pl('{1,2}', 2, 20) AS a, arrset_pl('{1,2}', 4, 40) AS b, arrset_pl('{1,2}', 0, 0) AS c;
SELECT arrset_pl(NULL, 3, 3) AS a, arrset_pl('{}', -2, 1) AS b, arrset_pl('{1}', 1, NULL) AS c;
SELECT array_dims(arrset_pl('[5:6]={1,2}', 2, 9)) AS d, arrset_pl('[5:6]={1,2}', 2, 9) AS a;
SELECT arrset_pl('{1}', NULL, 1);
SELECT arrset_pl('{{1,2},{3,4}}', 1, 1);
CREATE FUNCTION arrset_pl2(x text[], i int, j int, v text) RETURNS text[] LANGUAGE plpgsql AS $$
BEGIN
  x[i][j] := v;
  x[i][j] := x[i][j] || '!';
  RETURN x;
END $$;
SELECT arrset_pl2('{{a,b},{c,d}}', 2, 1, 'x y') AS a, arrset_pl2(NULL, 2, 3, 'z') AS b;
SELECT arrset_pl2('{{a,b},{c,d}}', 3, 1, 'x');
SELECT arrset_pl2('{a,b}', 1, 1, 'x');
DO $$
DECLARE x numeric[] := '{1.5}'; t text[]; i int := 2;
BEGIN
  x[i] := 2.25;
  x[i + 1] := '7';
  t[i] := 'q';
  INSERT INTO arrset (id, f, t) VALUES (9, x::float8[], t);
END $$;
SELECT f, t, array_dims(t) FROM arrset WHERE id = 9;
SELECT '{1.5,2.25,7}'::numeric[]::int[];
SELECT '{1,2,7}'::numeric[]::int[], '{1,2}'::int[]::text[], '{1,2}'::int[]::numeric[], '{1.5}'::float8[]::numeric[];
SELECT '{100000}'::int[]::int2[];
-- PL/pgSQL slices: arr[l:u] := src, bounds left out, a NULL source a no-op.
CREATE FUNCTION arrset_pls(x int[], l int, u int, v int[]) RETURNS int[] LANGUAGE plpgsql AS $$
BEGIN
  x[l:u] := v;
  RETURN x;
END $$;
SELECT arrset_pls('{1,2,3}', 1, 2, '{8,9}') AS a, arrset_pls('{1,2}', 4, 5, '{4,5,6}') AS b,
  arrset_pls(NULL, 2, 3, '{4,5}') AS c, arrset_pls('{1}', -1, 0, '{7,8}') AS d;
SELECT arrset_pls('{1}', 1, 2, NULL) AS a, arrset_pls(NULL, 1, 2, NULL) AS b;
SELECT arrset_pls('{1}', 1, 3, '{4}');
SELECT arrset_pls('{1}', 3, 2, '{4}');
SELECT arrset_pls('{1}', NULL, 2, '{4}');
DO $$
DECLARE x int[] := '{1,2,3}'; m int[] := '{{1,2},{3,4}}'; t text[];
BEGIN
  x[:2] := ARRAY[7, 7];
  x[3:] := '{5}';
  m[1:2][2:2] := '{8,9}';
  t[2:3] := '{a,"b c"}';
  INSERT INTO arrset (id, a, m, t) VALUES (10, x, m, t);
END $$;
SELECT a, m, t FROM arrset WHERE id = 10;
DO $$ DECLARE x int[] := '{}'; BEGIN x[:2] := '{1,2}'; END $$;
DROP FUNCTION arrset_pls(int[], int, int, int[]);
DROP FUNCTION arrset_pl(int[], int, int);
DROP FUNCTION arrset_pl2(text[], int, int, text);
SELECT id, a, t, f, b, m FROM arrset ORDER BY id;
DROP TABLE arrset;
