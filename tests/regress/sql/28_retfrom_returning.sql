-- RETURNING that reads the FROM relations of an UPDATE or the USING relations of a DELETE
-- (xlat_retfrom.c): the join runs first, one FROM row per target row, and SET and RETURNING
-- read that row as it was before the statement.
CREATE TABLE rf_item (id int PRIMARY KEY, label text, qty int);
CREATE TABLE rf_price (item int, tag text, amount numeric, seen timestamp);
INSERT INTO rf_item VALUES (1, 'bolt', 10), (2, 'nut', 20), (3, 'gear', 30), (4, 'cog', 40);
INSERT INTO rf_price VALUES (1, 'std', 0.25, '2024-01-02 03:04:05'), (2, 'std', 0.1, NULL),
  (3, 'bulk', 7.5, '2023-12-31 23:59:59');
UPDATE rf_item SET qty = qty + 1 FROM rf_price WHERE rf_price.item = rf_item.id AND rf_price.tag = 'std'
  RETURNING rf_item.id, rf_item.qty, rf_price.tag, rf_price.amount, rf_price.seen, qty * amount AS worth;
UPDATE rf_item i SET label = upper(p.tag) FROM rf_price p WHERE p.item = i.id RETURNING *;
UPDATE rf_item AS i SET qty = i.qty - 1 FROM rf_price p WHERE p.item = i.id AND p.amount > 1
  RETURNING p.*, i.label;
UPDATE rf_item SET qty = 0 FROM rf_price WHERE rf_price.item = rf_item.id AND rf_price.item > 99
  RETURNING tag;
-- a bare name of a FROM table's column; one both tables have is ambiguous
UPDATE rf_item SET qty = qty FROM rf_price WHERE item = id AND id = 2 RETURNING label, tag, amount + 1 AS a;
UPDATE rf_item SET qty = qty FROM rf_item AS other WHERE other.id = rf_item.id + 1 RETURNING id;
-- a self-join reads the other row as it was before the statement
UPDATE rf_item SET qty = rf_item.qty + prev.qty FROM rf_item AS prev
  WHERE prev.id = rf_item.id - 1 AND rf_item.id = 3 RETURNING rf_item.id, rf_item.qty, prev.qty AS prev_qty;
-- several FROM rows for one target row: SET and RETURNING read the same one
INSERT INTO rf_price VALUES (1, 'promo', 0.2, NULL), (1, 'old', 0.3, NULL);
UPDATE rf_item SET label = rf_price.tag FROM rf_price WHERE rf_price.item = rf_item.id AND rf_item.id = 1
  RETURNING rf_item.label = rf_price.tag AS same, rf_item.id;
UPDATE rf_item SET label = 'BOLT' WHERE id = 1;
-- a join, a VALUES list, a WITH query in FROM
UPDATE rf_item SET qty = 5 FROM rf_price JOIN rf_item AS o ON o.id = rf_price.item
  WHERE rf_price.item = rf_item.id AND rf_price.tag = 'bulk' RETURNING *;
UPDATE rf_item SET qty = v.q FROM (VALUES (2, 200), (4, 400)) AS v(id, q) WHERE v.id = rf_item.id
  RETURNING rf_item.id, v.q, v.q - rf_item.qty AS zero;
UPDATE rf_item SET qty = v.q + 1 FROM (VALUES (2, 200)) AS v(id, q) WHERE v.id = rf_item.id RETURNING *;
DELETE FROM rf_price USING (SELECT 'none' AS tag, 1 AS n) s WHERE s.tag = rf_price.tag RETURNING s.*, rf_price.item;
WITH w AS (SELECT 3 AS id, 'from with' AS note) UPDATE rf_item SET qty = 6 FROM w WHERE w.id = rf_item.id
  RETURNING w.note, rf_item.qty;
-- a subquery reading a FROM table's column
UPDATE rf_item SET qty = (SELECT count(*) FROM rf_price x WHERE x.item = rf_price.item)
  FROM rf_price WHERE rf_price.item = rf_item.id AND rf_item.id = 2
  RETURNING rf_item.qty, (SELECT rf_price.tag || '!') AS t;
-- DELETE ... USING: the deleted row and the USING row
DELETE FROM rf_item USING rf_price WHERE rf_price.item = rf_item.id AND rf_price.tag = 'bulk'
  RETURNING rf_item.*, rf_price.amount;
DELETE FROM rf_item i USING rf_price p WHERE p.item = i.id AND p.tag = 'std' AND i.id = 2 RETURNING *;
SELECT * FROM rf_item ORDER BY id;
-- with parameters, through PREPARE and the extended protocol
PREPARE rf_up(int, text) AS UPDATE rf_item SET qty = $1 FROM rf_price
  WHERE rf_price.item = rf_item.id AND rf_price.tag = $2 RETURNING rf_item.qty, rf_price.tag;
EXECUTE rf_up(7, 'promo');
EXECUTE rf_up(8, 'promo');
DEALLOCATE rf_up;
-- extended
UPDATE rf_item SET qty = 9 FROM rf_price WHERE rf_price.item = rf_item.id AND rf_price.tag = 'old' RETURNING rf_price.tag, rf_item.qty;
-- a cascade deleting the USING row: RETURNING still shows it
CREATE TABLE rf_note (id int PRIMARY KEY, item int REFERENCES rf_item(id) ON DELETE CASCADE, body text);
INSERT INTO rf_note VALUES (1, 1, 'first'), (2, 4, 'second');
DELETE FROM rf_item USING rf_note WHERE rf_note.item = rf_item.id AND rf_note.id = 2 RETURNING rf_item.id, rf_note.body;
SELECT * FROM rf_note ORDER BY id;
-- an AFTER trigger deleting the FROM row, statement triggers around it
CREATE TABLE rf_log (msg text);
CREATE FUNCTION rf_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN DELETE FROM rf_price WHERE item = NEW.id; INSERT INTO rf_log VALUES ('row ' || NEW.id); RETURN NULL; END $$;
CREATE FUNCTION rf_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO rf_log VALUES (TG_WHEN || ' ' || TG_OP); RETURN NULL; END $$;
CREATE TRIGGER rf_after AFTER UPDATE ON rf_item FOR EACH ROW EXECUTE FUNCTION rf_gone();
CREATE TRIGGER rf_before_s BEFORE UPDATE ON rf_item FOR EACH STATEMENT EXECUTE FUNCTION rf_stmt();
CREATE TRIGGER rf_after_s AFTER UPDATE ON rf_item FOR EACH STATEMENT EXECUTE FUNCTION rf_stmt();
UPDATE rf_item SET qty = 11 FROM rf_price WHERE rf_price.item = rf_item.id AND rf_price.tag = 'promo'
  RETURNING rf_item.qty, rf_price.tag;
SELECT msg FROM rf_log ORDER BY msg;
SELECT count(*) FROM rf_price WHERE item = 1;
DROP TRIGGER rf_after ON rf_item;
DROP TRIGGER rf_before_s ON rf_item;
DROP TRIGGER rf_after_s ON rf_item;
-- in PL/pgSQL
INSERT INTO rf_price VALUES (1, 'again', 1.5, NULL);
CREATE FUNCTION rf_fn(k int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN UPDATE rf_item SET qty = 12 FROM rf_price WHERE rf_price.item = rf_item.id AND rf_item.id = k
  RETURNING rf_price.tag || ':' || rf_item.qty INTO r; RETURN r; END $$;
SELECT rf_fn(1);
-- refused: a whole row of the FROM table, the integer key changed, a subquery whose own
-- relation has a FROM table's name, a BEFORE trigger changing the row, a data-modifying WITH
-- differs: 0A000: a whole row of UPDATE's FROM list in RETURNING
UPDATE rf_item SET qty = 1 FROM rf_price WHERE rf_price.item = rf_item.id RETURNING rf_price;
-- differs: 0A000: RETURNING a column of UPDATE's FROM list when SET changes the integer primary key
UPDATE rf_item SET id = rf_item.id + 100 FROM rf_price WHERE rf_price.item = rf_item.id RETURNING rf_price.tag;
-- differs: 0A000: a subquery naming a relation as a FROM item is named, next to RETURNING a FROM column
UPDATE rf_item SET qty = 1 FROM rf_price WHERE rf_price.item = rf_item.id
  RETURNING (SELECT max(rf_price.tag) FROM rf_price WHERE rf_price.item = 2) AS m;
CREATE FUNCTION rf_double() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.qty := NEW.qty * 2; RETURN NEW; END $$;
CREATE TRIGGER rf_dbl BEFORE UPDATE ON rf_item FOR EACH ROW EXECUTE FUNCTION rf_double();
-- differs: 0A000: RETURNING of a row a BEFORE trigger changed, with RETURNING reading FROM columns
UPDATE rf_item SET qty = 3 FROM rf_price WHERE rf_price.item = rf_item.id RETURNING rf_item.qty, rf_price.tag;
DROP TRIGGER rf_dbl ON rf_item;
-- differs: 0A000: RETURNING a FROM column next to a data-modifying WITH
WITH d AS (DELETE FROM rf_log RETURNING msg) UPDATE rf_item SET qty = 4 FROM rf_price
  WHERE rf_price.item = rf_item.id RETURNING rf_price.tag;
-- differs: 0A000: RETURNING a FROM column inside a data-modifying WITH
WITH u AS (UPDATE rf_item SET qty = 4 FROM rf_price WHERE rf_price.item = rf_item.id RETURNING rf_price.tag)
  SELECT * FROM u;
