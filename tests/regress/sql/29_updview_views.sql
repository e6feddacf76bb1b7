-- INSERT, UPDATE and DELETE through automatically updatable views (PostgreSQL's
-- rewriteTargetView): the statement is rewritten onto the view's base table, so the table's
-- defaults, serial key, CHECK, triggers and RETURNING work as on the table itself.
CREATE TABLE uv_item (id serial PRIMARY KEY, name text NOT NULL, qty int DEFAULT 7 CHECK (qty >= 0), note text);
CREATE VIEW uv_pos AS SELECT id, name AS label, qty, qty * 2 AS dbl, upper(name) AS up FROM uv_item WHERE qty > 0;
CREATE VIEW uv_small AS SELECT id, label, qty FROM uv_pos WHERE qty < 100;
CREATE VIEW uv_small2 AS SELECT s.label AS lab, s.qty FROM uv_small s WHERE s.label <> 'zz';
-- INSERT: named columns, the table's defaults for the others, computed columns in RETURNING
INSERT INTO uv_pos (label) VALUES ('a') RETURNING *;
INSERT INTO uv_pos (label, qty) VALUES ('b', 0) RETURNING id, label, dbl, up;
-- without a column list: the view's columns in order; DEFAULT is the table's default
INSERT INTO uv_small VALUES (DEFAULT, 'c', 150);
INSERT INTO uv_small2 VALUES ('d', 50) RETURNING *;
INSERT INTO uv_small2 (lab) VALUES ('e') RETURNING lab, qty;
INSERT INTO uv_pos (label, qty) SELECT 'sel', 3 RETURNING label, qty, dbl;
SELECT * FROM uv_item ORDER BY id;
SELECT * FROM uv_small2 ORDER BY lab;
-- UPDATE and DELETE reach only the view's rows (its WHERE, and each level's below it)
UPDATE uv_small SET qty = qty + 1 WHERE label = 'a' RETURNING *;
UPDATE uv_small SET qty = qty + 1;
SELECT id, name, qty FROM uv_item ORDER BY id;
UPDATE uv_small2 SET qty = 5 WHERE lab = 'e' RETURNING *;
UPDATE uv_pos SET label = label || '!' WHERE dbl > 100 RETURNING id, label, up;
UPDATE uv_pos p SET qty = p.qty + 100 WHERE p.id = 1 RETURNING p.*;
SELECT id, name, qty FROM uv_item ORDER BY id;
DELETE FROM uv_small WHERE label LIKE 'c%' RETURNING *;
DELETE FROM uv_small2 WHERE qty = 5 RETURNING lab;
DELETE FROM uv_pos WHERE up = 'D' RETURNING *;
DELETE FROM uv_small WHERE label = 'b';
SELECT id, name, qty FROM uv_item ORDER BY id;
-- the extended protocol
-- extended
UPDATE uv_pos SET qty = 9 WHERE label = 'a' RETURNING label, qty, dbl;
-- extended
INSERT INTO uv_small2 (lab, qty) VALUES ('ext', 2) RETURNING *;
-- a data-modifying WITH through a view
WITH w AS (UPDATE uv_pos SET qty = 42 WHERE id = 1 RETURNING id, qty) SELECT * FROM w;
-- the table's CHECK and NOT NULL, and the view's column names in errors
INSERT INTO uv_pos (label, qty) VALUES ('neg', -1);
INSERT INTO uv_pos (qty) VALUES (1);
UPDATE uv_small SET qty = -5;
-- computed columns are read-only; unknown ones and the table's hidden ones are not the view's
-- detail
UPDATE uv_pos SET dbl = 3;
-- detail
INSERT INTO uv_pos (up) VALUES ('x');
INSERT INTO uv_small VALUES (DEFAULT, 'x', 1, 2);
UPDATE uv_pos SET nosuch = 3;
INSERT INTO uv_pos (nosuch) VALUES ('x');
DELETE FROM uv_pos WHERE note = 'x';
-- ON CONFLICT through the view
INSERT INTO uv_pos (id, label, qty) VALUES (1, 'k2', 3) ON CONFLICT (id) DO UPDATE SET qty = excluded.qty + 1000 RETURNING *;
INSERT INTO uv_pos (id, label, qty) VALUES (1, 'k3', 3) ON CONFLICT (id) DO NOTHING RETURNING label;
SELECT id, name, qty FROM uv_item ORDER BY id;
-- views PostgreSQL does not update automatically: 55000 with the reason
CREATE VIEW uv_grp AS SELECT qty, count(*) AS n FROM uv_item GROUP BY qty;
CREATE VIEW uv_agg AS SELECT max(qty) AS m FROM uv_item;
CREATE VIEW uv_dist AS SELECT DISTINCT qty FROM uv_item;
CREATE VIEW uv_join AS SELECT a.id FROM uv_item a, uv_item b;
CREATE VIEW uv_lim AS SELECT id FROM uv_item LIMIT 1;
CREATE VIEW uv_win AS SELECT id, row_number() OVER () AS rn FROM uv_item;
CREATE VIEW uv_union AS SELECT id FROM uv_item UNION SELECT id FROM uv_item;
CREATE VIEW uv_with AS WITH q AS (SELECT id FROM uv_item) SELECT id FROM q;
CREATE VIEW uv_const AS SELECT 1 AS k, qty + 1 AS q1 FROM uv_item WHERE qty > 1000;
-- detail
INSERT INTO uv_grp VALUES (1, 2);
-- detail
UPDATE uv_grp SET qty = 2;
DELETE FROM uv_grp;
-- detail
DELETE FROM uv_agg;
DELETE FROM uv_dist;
-- detail
DELETE FROM uv_join;
DELETE FROM uv_lim;
-- detail
DELETE FROM uv_win;
DELETE FROM uv_union;
DELETE FROM uv_with;
-- detail
INSERT INTO uv_const VALUES (1, 2);
UPDATE uv_const SET k = 2;
-- a view without updatable columns still takes DELETE
DELETE FROM uv_const WHERE q1 > 0 RETURNING *;
SELECT id, name, qty FROM uv_item ORDER BY id;
-- MERGE into a view stays PostgreSQL 15's refusal
MERGE INTO uv_pos USING uv_item ON true WHEN MATCHED THEN DELETE;
-- triggers of the base table fire for writes through the view
CREATE TABLE uv_log (op text, v text);
CREATE FUNCTION uv_trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'DELETE' THEN INSERT INTO uv_log VALUES (TG_OP, OLD.name); RETURN OLD; END IF; INSERT INTO uv_log VALUES (TG_OP, NEW.name); RETURN NEW; END $$;
CREATE TRIGGER uv_tt BEFORE INSERT OR UPDATE OR DELETE ON uv_item FOR EACH ROW EXECUTE FUNCTION uv_trg();
INSERT INTO uv_pos (label, qty) VALUES ('trig', 9);
UPDATE uv_pos SET qty = 10 WHERE label = 'trig';
DELETE FROM uv_small WHERE label = 'trig';
SELECT * FROM uv_log ORDER BY op, v;
-- a view's INSTEAD OF trigger takes its event; the others write through the view
CREATE VIEW uv_iv AS SELECT id, name FROM uv_item;
CREATE FUNCTION uv_ivins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO uv_log VALUES ('instead', NEW.name); RETURN NEW; END $$;
CREATE TRIGGER uv_ivt INSTEAD OF INSERT ON uv_iv FOR EACH ROW EXECUTE FUNCTION uv_ivins();
INSERT INTO uv_iv VALUES (500, 'viatrigger');
SELECT count(*) FROM uv_item WHERE id = 500;
UPDATE uv_iv SET name = 'renamed' WHERE id = 1;
SELECT op, v FROM uv_log WHERE op = 'instead';
SELECT id, name FROM uv_item ORDER BY id;
-- a temporary view over a temporary table
CREATE TEMP TABLE uv_tt (id int, a int);
CREATE TEMP VIEW uv_tv AS SELECT id, a FROM uv_tt WHERE a > 0;
INSERT INTO uv_tv VALUES (1, 10), (2, -1);
UPDATE uv_tv SET a = a + 1 WHERE id = 1 RETURNING *;
DELETE FROM uv_tv;
SELECT * FROM uv_tt ORDER BY id;
-- information_schema says which views and columns are updatable, as PostgreSQL does
CREATE TABLE uv_b3 (id int PRIMARY KEY, x int, y text);
CREATE VIEW uv_w1 AS SELECT id, x, y || '!' AS yy FROM uv_b3 WHERE x > 0;
CREATE VIEW uv_w2 AS SELECT id AS ident, yy FROM uv_w1;
CREATE VIEW uv_w3 AS SELECT yy FROM uv_w1;
SELECT table_name, is_updatable, is_insertable_into FROM information_schema.views WHERE table_name LIKE 'uv%' ORDER BY 1;
SELECT table_name, column_name, is_updatable FROM information_schema.columns WHERE table_name LIKE 'uv%' ORDER BY 1, ordinal_position;
SELECT table_name, is_insertable_into FROM information_schema.tables WHERE table_name LIKE 'uv%' ORDER BY 1;
-- two view columns of one base column written at once, a computed column in DO UPDATE
CREATE VIEW uv_twice AS SELECT id, x, x AS xx, y || '?' AS yq FROM uv_b3;
-- detail
INSERT INTO uv_twice VALUES (1, 2, 3);
UPDATE uv_twice SET x = 1, xx = 2;
INSERT INTO uv_twice (id, xx) VALUES (1, 5) RETURNING *;
-- detail
INSERT INTO uv_twice (id, x) VALUES (1, 6) ON CONFLICT (id) DO UPDATE SET yq = 'no';
INSERT INTO uv_twice (id, x) VALUES (1, 6) ON CONFLICT (id) DO UPDATE SET xx = excluded.x * 10 RETURNING id, x, yq;
-- what is refused where PostgreSQL writes through the view
CREATE TABLE uv_ts (id int PRIMARY KEY, ts timestamptz DEFAULT '2020-01-01 00:00:00+00');
CREATE VIEW uv_tsv AS SELECT id, ts, ts + interval '1 day' AS tomorrow FROM uv_ts;
-- differs: a computed column whose stored expression calls shardlite's own functions is refused when read (0A000)
INSERT INTO uv_tsv (id) VALUES (1) RETURNING *;
INSERT INTO uv_tsv (id) VALUES (2) RETURNING id, ts;
-- differs: a whole-row reference to the view in a write through it is refused (0A000)
UPDATE uv_tsv v SET id = 3 WHERE v.id = 2 RETURNING v;
-- pg_relation_is_updatable and pg_column_is_updatable (without triggers)
SELECT c.relname, pg_relation_is_updatable(c.oid, false) FROM pg_class c WHERE c.relname IN ('uv_item', 'uv_pos', 'uv_small2', 'uv_const', 'uv_grp') ORDER BY 1;
SELECT pg_column_is_updatable('uv_pos'::regclass, 2::smallint, false), pg_column_is_updatable('uv_pos'::regclass, 4::smallint, false), pg_column_is_updatable('uv_item'::regclass, 1::smallint, false);
