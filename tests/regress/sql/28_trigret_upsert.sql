-- RETURNING of rows a BEFORE trigger changed, where the companion AFTER trigger writes them
-- (ON CONFLICT, several BEFORE triggers, a table without a primary key): the row as stored,
-- as PostgreSQL returns it, in the statement's order; EXCLUDED is the row the BEFORE INSERT
-- triggers made.
CREATE TABLE tr_u (k int PRIMARY KEY, n int, note text, updated_at timestamptz);
CREATE FUNCTION tr_u_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.n := NEW.n * 10; NEW.note := upper(NEW.note); NEW.updated_at := now(); RETURN NEW; END $$;
CREATE TRIGGER tr_u_b BEFORE INSERT OR UPDATE ON tr_u FOR EACH ROW EXECUTE FUNCTION tr_u_touch();
-- the inserted path, then the updated path, one row
INSERT INTO tr_u (k, n, note) VALUES (1, 1, 'a')
  ON CONFLICT (k) DO UPDATE SET n = excluded.n, note = excluded.note
  RETURNING k, n, note, updated_at IS NOT NULL AS touched;
INSERT INTO tr_u (k, n, note) VALUES (1, 2, 'b')
  ON CONFLICT (k) DO UPDATE SET n = excluded.n, note = excluded.note
  RETURNING k, n, note, updated_at IS NOT NULL AS touched;
-- several rows, updated and inserted mixed, in VALUES' order
INSERT INTO tr_u (k, n, note) VALUES (2, 3, 'c'), (1, 4, 'd'), (3, 5, 'e')
  ON CONFLICT (k) DO UPDATE SET n = excluded.n, note = excluded.note
  RETURNING k, n, note;
INSERT INTO tr_u AS t (k, n, note) VALUES (1, 7, 'x'), (4, 8, 'y')
  ON CONFLICT (k) DO UPDATE SET n = t.n + 1 RETURNING k, n, note, n * 2 AS twice;
INSERT INTO tr_u (k, n, note) VALUES (1, 9, 'z')
  ON CONFLICT (k) DO UPDATE SET n = excluded.n + 1 WHERE excluded.n > 50 RETURNING k, n, note;
INSERT INTO tr_u (k, n, note) VALUES (1, 2, 'z')
  ON CONFLICT (k) DO UPDATE SET n = excluded.n + 1 WHERE excluded.n > 50 RETURNING k, n, note;
INSERT INTO tr_u (k, n, note) VALUES (2, 1, 'q') ON CONFLICT (k) DO NOTHING RETURNING k, n, note;
INSERT INTO tr_u (k, n, note) VALUES (5, 1, 'q') ON CONFLICT (k) DO NOTHING RETURNING k, n, note;
SELECT k, n, note, updated_at IS NOT NULL AS touched FROM tr_u ORDER BY k;
-- without RETURNING: stored as PostgreSQL stores it (EXCLUDED after the INSERT trigger, the
-- UPDATE trigger on the updated row)
INSERT INTO tr_u (k, n, note) VALUES (3, 6, 'w') ON CONFLICT (k) DO UPDATE SET n = tr_u.n + 1;
INSERT INTO tr_u (k, n, note) VALUES (4, 6, 'w') ON CONFLICT (k) DO UPDATE SET note = excluded.note || tr_u.note;
SELECT k, n, note FROM tr_u ORDER BY k;
-- xmax tells the updated rows from the inserted ones
INSERT INTO tr_u (k, n, note) VALUES (4, 1, 'v'), (6, 1, 'v')
  ON CONFLICT (k) DO UPDATE SET n = excluded.n RETURNING k, n, note, xmax = 0 AS inserted;
-- the same statement again, prepared (its parameters in VALUES)
PREPARE tr_up(int, int, text) AS INSERT INTO tr_u (k, n, note) VALUES ($1, $2, $3)
  ON CONFLICT (k) DO UPDATE SET n = excluded.n, note = excluded.note RETURNING k, n, note;
EXECUTE tr_up(7, 1, 'p');
EXECUTE tr_up(7, 2, 'q');
EXECUTE tr_up(1, 3, 'r');
-- UPDATE and INSERT without ON CONFLICT
UPDATE tr_u SET n = n + 1 WHERE k IN (1, 2) RETURNING k, n, note;
-- a BEFORE INSERT trigger only: EXCLUDED is its row, the updated rows keep theirs
CREATE TABLE tr_i (k int PRIMARY KEY, n int, note text);
CREATE FUNCTION tr_i_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.n := NEW.n + 100; RETURN NEW; END $$;
CREATE TRIGGER tr_i_b BEFORE INSERT ON tr_i FOR EACH ROW EXECUTE FUNCTION tr_i_ins();
INSERT INTO tr_i VALUES (1, 1, 'a'), (2, 2, 'b') ON CONFLICT (k) DO NOTHING RETURNING *;
INSERT INTO tr_i VALUES (1, 5, 'c'), (3, 6, 'd') ON CONFLICT (k) DO UPDATE SET n = excluded.n RETURNING *;
INSERT INTO tr_i VALUES (2, 7, 'e'), (4, 8, 'f') ON CONFLICT (k) DO UPDATE SET note = excluded.note RETURNING *;
SELECT * FROM tr_i ORDER BY k;
-- a BEFORE UPDATE trigger only: the inserted rows as given, the updated ones as it made them
CREATE TABLE tr_v (k int PRIMARY KEY, n int);
CREATE FUNCTION tr_v_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.n := NEW.n * 3; RETURN NEW; END $$;
CREATE TRIGGER tr_v_b BEFORE UPDATE ON tr_v FOR EACH ROW EXECUTE FUNCTION tr_v_upd();
INSERT INTO tr_v VALUES (1, 1), (2, 2) ON CONFLICT (k) DO UPDATE SET n = excluded.n RETURNING *;
INSERT INTO tr_v VALUES (1, 4), (3, 5), (2, 6) ON CONFLICT (k) DO UPDATE SET n = excluded.n RETURNING *;
-- several BEFORE triggers on one table: they fire in name order, each from the one before
CREATE TABLE tr_m (k int PRIMARY KEY, n int, note text);
CREATE FUNCTION tr_m_a() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.n := NEW.n + 1; NEW.note := NEW.note || 'a'; RETURN NEW; END $$;
CREATE FUNCTION tr_m_b() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.n := NEW.n * 2; NEW.note := NEW.note || 'b'; RETURN NEW; END $$;
CREATE TRIGGER tr_m_1 BEFORE INSERT OR UPDATE ON tr_m FOR EACH ROW EXECUTE FUNCTION tr_m_a();
CREATE TRIGGER tr_m_2 BEFORE INSERT OR UPDATE ON tr_m FOR EACH ROW EXECUTE FUNCTION tr_m_b();
INSERT INTO tr_m VALUES (1, 1, 'x'), (2, 2, 'y') RETURNING *;
UPDATE tr_m SET n = n + 10 RETURNING *;
INSERT INTO tr_m VALUES (2, 5, 'z') ON CONFLICT (k) DO UPDATE SET n = excluded.n, note = excluded.note RETURNING *;
SELECT * FROM tr_m ORDER BY k;
-- the second trigger skips some rows: the first one's change of a skipped row is no other row's
CREATE FUNCTION tr_m_skip() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF NEW.k % 2 = 0 THEN RETURN NULL; END IF; RETURN NEW; END $$;
CREATE TRIGGER tr_m_3 BEFORE INSERT ON tr_m FOR EACH ROW EXECUTE FUNCTION tr_m_skip();
INSERT INTO tr_m VALUES (4, 1, 'p'), (5, 1, 'q'), (6, 1, 'r'), (7, 1, 's') RETURNING *;
SELECT * FROM tr_m ORDER BY k;
-- UPDATE of a table without a primary key
CREATE TABLE tr_r (id int, v text);
CREATE FUNCTION tr_r_up() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.v := upper(NEW.v); RETURN NEW; END $$;
CREATE TRIGGER tr_r_b BEFORE INSERT OR UPDATE ON tr_r FOR EACH ROW EXECUTE FUNCTION tr_r_up();
INSERT INTO tr_r VALUES (1, 'a'), (2, 'b') RETURNING *;
UPDATE tr_r SET v = v || 'x' RETURNING id, v;
UPDATE tr_r SET v = 'same' WHERE id = 1 RETURNING *;
SELECT * FROM tr_r ORDER BY id;
-- a trigger that changes only some rows: RETURNING keeps the statement's order
CREATE TABLE tr_o (id int PRIMARY KEY, v text);
CREATE FUNCTION tr_o_odd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF NEW.id % 2 = 1 THEN NEW.v := NEW.v || '!'; END IF; RETURN NEW; END $$;
CREATE TRIGGER tr_o_b BEFORE INSERT ON tr_o FOR EACH ROW EXECUTE FUNCTION tr_o_odd();
INSERT INTO tr_o VALUES (1, 'a'), (2, 'b'), (3, 'c') ON CONFLICT DO NOTHING RETURNING *;
-- inside PL/pgSQL: INSERT ... ON CONFLICT ... RETURNING INTO
CREATE FUNCTION tr_u_put(key int, val int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
  INSERT INTO tr_u (k, n, note) VALUES (key, val, 'f')
    ON CONFLICT (k) DO UPDATE SET n = excluded.n RETURNING n || ':' || note INTO r;
  RETURN r;
END $$;
SELECT tr_u_put(1, 4), tr_u_put(9, 5);
SELECT k, n, note FROM tr_u WHERE k IN (1, 9) ORDER BY k;
-- UPDATE ... FROM
CREATE TABLE tr_src (k int PRIMARY KEY, n int);
INSERT INTO tr_src VALUES (1, 5), (2, 6);
UPDATE tr_u SET n = s.n FROM tr_src s WHERE s.k = tr_u.k AND s.k = 1 RETURNING tr_u.k, tr_u.n, tr_u.note;
UPDATE tr_m AS m SET n = s.n FROM tr_src s WHERE s.k = m.k AND s.k = 2 RETURNING m.*;
UPDATE tr_r SET v = s.n::text FROM tr_src s WHERE s.k = tr_r.id AND s.k = 1 RETURNING tr_r.id, v;
SELECT * FROM tr_r ORDER BY id;
-- a data-modifying WITH
WITH w AS (INSERT INTO tr_u (k, n, note) VALUES (1, 1, 'w') ON CONFLICT (k) DO UPDATE SET n = excluded.n RETURNING *) SELECT k, n, note FROM w;
WITH w AS (INSERT INTO tr_u (k, n, note) VALUES (1, 2, 'w'), (11, 3, 'w') ON CONFLICT (k) DO UPDATE SET n = excluded.n RETURNING k, n, note) SELECT * FROM w ORDER BY k;
WITH w AS (UPDATE tr_m SET n = n + 1 RETURNING k, n, note) SELECT * FROM w ORDER BY k;
WITH w AS (UPDATE tr_r SET v = v || 'w' RETURNING *), x AS (INSERT INTO tr_o VALUES (5, 'e'), (6, 'f') RETURNING *)
  SELECT 'r' AS t, id, v FROM w UNION ALL SELECT 'o', id, v FROM x ORDER BY 1, 2;
WITH w AS (UPDATE tr_u SET note = 'w' || note WHERE k = 2 RETURNING note) INSERT INTO tr_src SELECT 3, length(note) FROM w RETURNING *;
-- a parameter in the RETURNING list
PREPARE tr_up2(int) AS INSERT INTO tr_u (k, n, note) VALUES (1, $1, 'w')
  ON CONFLICT (k) DO UPDATE SET n = excluded.n RETURNING n, $1 + 1 AS p;
EXECUTE tr_up2(3);
EXECUTE tr_up2(4);
SELECT k, n, note FROM tr_u WHERE k = 1;
UPDATE tr_u SET n = 1 WHERE k = 2 RETURNING n, 'const' AS c, k * 2 AS k2;
