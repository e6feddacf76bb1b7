-- Probing PostgreSQL's triggers.sql and sequence.sql: a serial key left out of a one-row
-- INSERT into a table with a BEFORE INSERT row trigger takes one number, and the trigger's NEW
-- shows the number the row stores (SQLite computed the key's expression twice there: 2, then
-- 4, with NEW showing the first).
CREATE TABLE sk (id serial PRIMARY KEY, v text);
CREATE FUNCTION skf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'new id %', NEW.id; RETURN NEW; END $$;
CREATE TRIGGER skt BEFORE INSERT ON sk FOR EACH ROW EXECUTE FUNCTION skf();
-- notices
INSERT INTO sk (v) VALUES ('a');
-- notices
INSERT INTO sk DEFAULT VALUES;
-- notices
INSERT INTO sk (v) VALUES ('b') RETURNING id;
-- notices
INSERT INTO sk (v) VALUES ('c'), ('d');
-- notices
INSERT INTO sk (v, id) VALUES ('e', DEFAULT);
-- notices
INSERT INTO sk (v) VALUES ('f') ON CONFLICT (id) DO NOTHING;
-- notices
INSERT INTO sk (v) VALUES ('g') ON CONFLICT (id) DO UPDATE SET v = 'x';
-- notices
INSERT INTO sk (v) SELECT 'h';
SELECT * FROM sk ORDER BY id;
SELECT currval('sk_id_seq');
-- extended
INSERT INTO sk (v) VALUES ('i') RETURNING id;
-- extended
INSERT INTO sk (v) VALUES ('j') RETURNING id;
-- a trigger that changes another column keeps the key it was given
CREATE FUNCTION skg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.v := NEW.v || NEW.id; RETURN NEW; END $$;
CREATE TABLE sk3 (id serial PRIMARY KEY, v text);
CREATE TRIGGER skt3 BEFORE INSERT ON sk3 FOR EACH ROW EXECUTE FUNCTION skg();
INSERT INTO sk3 (v) VALUES ('a') RETURNING *;
INSERT INTO sk3 (v) VALUES ('b') RETURNING *;
SELECT * FROM sk3 ORDER BY id;
-- without a trigger, as before
CREATE TABLE sk4 (id serial PRIMARY KEY, v text);
INSERT INTO sk4 (v) VALUES ('a');
INSERT INTO sk4 DEFAULT VALUES;
SELECT * FROM sk4 ORDER BY id;
