-- ALTER TABLE ... DROP CONSTRAINT of the primary key of a serial, bigserial or identity column
-- (the table's rowid in shardlite: INTEGER PRIMARY KEY AUTOINCREMENT): the column keeps its
-- type, NOT NULL and its sequence, which goes on where it was; ADD PRIMARY KEY again; RENAME
-- CONSTRAINT; a key other tables' foreign keys use (2BP01); in a transaction, rolled back.
CREATE TABLE spk_post (id bigserial PRIMARY KEY, title text NOT NULL);
CREATE INDEX spk_post_title ON spk_post (title);
COMMENT ON COLUMN spk_post.id IS 'the post';
COMMENT ON CONSTRAINT spk_post_pkey ON spk_post IS 'the key';
INSERT INTO spk_post (title) VALUES ('a'), ('b'), ('c');
DELETE FROM spk_post WHERE id = 3;
ALTER TABLE spk_post DROP CONSTRAINT spk_post_pkey;
SELECT * FROM spk_post ORDER BY id;
INSERT INTO spk_post (title) VALUES ('d') RETURNING id;
SELECT currval('spk_post_id_seq'), lastval(), pg_get_serial_sequence('spk_post', 'id');
SELECT last_value, is_called FROM spk_post_id_seq;
SELECT sequencename, data_type, start_value, min_value, max_value, increment_by, cycle,
       cache_size, last_value FROM pg_sequences WHERE sequencename = 'spk_post_id_seq';
SELECT column_name, data_type, is_nullable, column_default, is_identity
  FROM information_schema.columns WHERE table_name = 'spk_post' ORDER BY ordinal_position;
SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,
       pg_get_expr(d.adbin, d.adrelid), col_description(a.attrelid, a.attnum)
  FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE a.attrelid = 'spk_post'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'spk_post'::regclass;
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'spk_post' ORDER BY 1;
SELECT d.deptype, d.refobjsubid FROM pg_depend d
 WHERE d.objid = 'spk_post_id_seq'::regclass AND d.refobjid = 'spk_post'::regclass;
-- the column is no key now: a duplicate goes in
INSERT INTO spk_post (id, title) VALUES (1, 'again');
DELETE FROM spk_post WHERE title = 'again';
-- detail
INSERT INTO spk_post (id, title) VALUES (NULL, 'x');
SELECT setval('spk_post_id_seq', 10);
INSERT INTO spk_post (title) VALUES ('e') RETURNING id;
ALTER TABLE spk_post ADD CONSTRAINT spk_post_pkey PRIMARY KEY (id);
INSERT INTO spk_post (title) VALUES ('f') RETURNING id;
-- detail
INSERT INTO spk_post (id, title) VALUES (1, 'dup');
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint
 WHERE conrelid = 'spk_post'::regclass;
SELECT column_name, column_default FROM information_schema.columns
 WHERE table_name = 'spk_post' ORDER BY ordinal_position;
SELECT * FROM spk_post ORDER BY id;
ALTER TABLE spk_post DROP CONSTRAINT spk_post_pkey;
ALTER TABLE spk_post ADD PRIMARY KEY (id);
INSERT INTO spk_post (title) VALUES ('g') RETURNING id;
SELECT conname FROM pg_constraint WHERE conrelid = 'spk_post'::regclass;

-- serial (integer) and smallserial keys
CREATE TABLE spk_int (id serial PRIMARY KEY, v int);
INSERT INTO spk_int (v) VALUES (1), (2);
ALTER TABLE spk_int DROP CONSTRAINT spk_int_pkey;
INSERT INTO spk_int (v) VALUES (3) RETURNING id;
SELECT format_type(atttypid, atttypmod), attnotnull FROM pg_attribute
 WHERE attrelid = 'spk_int'::regclass AND attname = 'id';
SELECT data_type, max_value, last_value FROM pg_sequences WHERE sequencename = 'spk_int_id_seq';
-- detail
INSERT INTO spk_int (id, v) VALUES (2147483648, 0);
ALTER TABLE spk_int ADD CONSTRAINT spk_int_pkey PRIMARY KEY (id);
INSERT INTO spk_int (v) VALUES (4) RETURNING id, v;
CREATE TABLE spk_small (id smallserial PRIMARY KEY, v int);
INSERT INTO spk_small (v) VALUES (1), (2);
ALTER TABLE spk_small DROP CONSTRAINT spk_small_pkey;
INSERT INTO spk_small (v) VALUES (3) RETURNING id;
ALTER TABLE spk_small ADD PRIMARY KEY (id);
SELECT data_type, last_value FROM pg_sequences WHERE sequencename = 'spk_small_id_seq';

-- a table-level named key, renamed, then dropped by its new name
CREATE TABLE spk_named (id bigserial, v text, CONSTRAINT spk_named_key PRIMARY KEY (id));
INSERT INTO spk_named (v) VALUES ('a');
ALTER TABLE spk_named RENAME CONSTRAINT spk_named_key TO spk_named_k2;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'spk_named'::regclass;
ALTER TABLE spk_named DROP CONSTRAINT spk_named_key;
ALTER TABLE spk_named DROP CONSTRAINT spk_named_k2;
ALTER TABLE spk_named DROP CONSTRAINT IF EXISTS spk_named_k2;
INSERT INTO spk_named (v) VALUES ('b') RETURNING id;
ALTER TABLE spk_named ADD CONSTRAINT spk_named_key PRIMARY KEY (id);
ALTER TABLE spk_named RENAME CONSTRAINT spk_named_key TO spk_named_pkey;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'spk_named'::regclass;

-- a renamed sequence keeps its name
CREATE TABLE spk_ren (id serial PRIMARY KEY, v int);
INSERT INTO spk_ren (v) VALUES (1);
ALTER SEQUENCE spk_ren_id_seq RENAME TO spk_ren_numbers;
ALTER TABLE spk_ren DROP CONSTRAINT spk_ren_pkey;
SELECT pg_get_serial_sequence('spk_ren', 'id');
SELECT column_default FROM information_schema.columns
 WHERE table_name = 'spk_ren' AND column_name = 'id';
INSERT INTO spk_ren (v) VALUES (2) RETURNING id;

-- identity keys: they stay identity columns
CREATE TABLE spk_ida (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text);
INSERT INTO spk_ida (v) VALUES ('a'), ('b');
ALTER TABLE spk_ida DROP CONSTRAINT spk_ida_pkey;
INSERT INTO spk_ida (v) VALUES ('c') RETURNING id;
-- detail
INSERT INTO spk_ida (id, v) VALUES (10, 'x');
INSERT INTO spk_ida (id, v) OVERRIDING SYSTEM VALUE VALUES (10, 'x');
SELECT column_name, is_nullable, column_default, is_identity, identity_generation,
       identity_start, identity_maximum
  FROM information_schema.columns WHERE table_name = 'spk_ida' ORDER BY ordinal_position;
SELECT attidentity, attnotnull FROM pg_attribute
 WHERE attrelid = 'spk_ida'::regclass AND attname = 'id';
SELECT pg_get_serial_sequence('spk_ida', 'id');
ALTER TABLE spk_ida ALTER COLUMN id RESTART WITH 100;
INSERT INTO spk_ida (v) VALUES ('d') RETURNING id;
ALTER TABLE spk_ida ALTER COLUMN id SET GENERATED BY DEFAULT;
INSERT INTO spk_ida (id, v) VALUES (7, 'e');
ALTER TABLE spk_ida ADD PRIMARY KEY (id);
INSERT INTO spk_ida (v) VALUES ('f') RETURNING id;
SELECT * FROM spk_ida ORDER BY id;
CREATE TABLE spk_idd (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text);
INSERT INTO spk_idd (v) VALUES ('a');
INSERT INTO spk_idd (id, v) VALUES (5, 'b');
ALTER TABLE spk_idd DROP CONSTRAINT spk_idd_pkey;
-- differs: a serial key's sequence does not go below its largest id (AUTOINCREMENT), so after the explicit 5 it gives 6 where PostgreSQL gives 2; DROP CONSTRAINT carries that state on
INSERT INTO spk_idd (v) VALUES ('c') RETURNING id;
SELECT format_type(atttypid, atttypmod), attidentity FROM pg_attribute
 WHERE attrelid = 'spk_idd'::regclass AND attname = 'id';
-- differs: the sequence went on from the largest id 5 (AUTOINCREMENT), see above
SELECT data_type, last_value FROM pg_sequences WHERE sequencename = 'spk_idd_id_seq';

-- a key other tables' foreign keys use: 2BP01, as PostgreSQL without CASCADE
CREATE TABLE spk_parent (id serial PRIMARY KEY, v text);
CREATE TABLE spk_child (id serial PRIMARY KEY, parent_id int REFERENCES spk_parent);
INSERT INTO spk_parent (v) VALUES ('p');
INSERT INTO spk_child (parent_id) VALUES (1);
-- detail
ALTER TABLE spk_parent DROP CONSTRAINT spk_parent_pkey;
-- the referencing table's own key goes, its foreign key stays
ALTER TABLE spk_child DROP CONSTRAINT spk_child_pkey;
-- detail
INSERT INTO spk_child (parent_id) VALUES (2);
INSERT INTO spk_child (parent_id) VALUES (1) RETURNING id;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'spk_child'::regclass ORDER BY 1;

-- a composite key
CREATE TABLE spk_comp (a int, b int, v text, PRIMARY KEY (a, b));
INSERT INTO spk_comp VALUES (1, 1, 'x');
ALTER TABLE spk_comp DROP CONSTRAINT spk_comp_pkey;
INSERT INTO spk_comp VALUES (1, 1, 'y');
SELECT count(*) FROM spk_comp;
SELECT attname, attnotnull FROM pg_attribute
 WHERE attrelid = 'spk_comp'::regclass AND attnum > 0 ORDER BY attnum;

-- in a transaction, rolled back: the key, the rows and the numbering are as before
CREATE TABLE spk_tx (id bigserial PRIMARY KEY, v text);
INSERT INTO spk_tx (v) VALUES ('a'), ('b');
BEGIN;
ALTER TABLE spk_tx DROP CONSTRAINT spk_tx_pkey;
SELECT conname FROM pg_constraint WHERE conrelid = 'spk_tx'::regclass;
ROLLBACK;
SELECT conname FROM pg_constraint WHERE conrelid = 'spk_tx'::regclass;
SELECT column_default FROM information_schema.columns
 WHERE table_name = 'spk_tx' AND column_name = 'id';
INSERT INTO spk_tx (v) VALUES ('c') RETURNING id;
BEGIN;
INSERT INTO spk_tx (v) VALUES ('d') RETURNING id;
ALTER TABLE spk_tx DROP CONSTRAINT spk_tx_pkey;
SELECT last_value, is_called FROM spk_tx_id_seq;
ROLLBACK;
INSERT INTO spk_tx (v) VALUES ('e') RETURNING id;
-- a savepoint rolled back, then the key dropped for good
BEGIN;
SAVEPOINT s1;
ALTER TABLE spk_tx DROP CONSTRAINT spk_tx_pkey;
ROLLBACK TO SAVEPOINT s1;
SELECT conname FROM pg_constraint WHERE conrelid = 'spk_tx'::regclass;
INSERT INTO spk_tx (v) VALUES ('f') RETURNING id;
SAVEPOINT s2;
ALTER TABLE spk_tx DROP CONSTRAINT spk_tx_pkey;
RELEASE SAVEPOINT s2;
INSERT INTO spk_tx (v) VALUES ('g') RETURNING id;
ALTER TABLE spk_tx ADD PRIMARY KEY (id);
COMMIT;
INSERT INTO spk_tx (v) VALUES ('h') RETURNING id;
SELECT * FROM spk_tx ORDER BY id;
SELECT conname FROM pg_constraint WHERE conrelid = 'spk_tx'::regclass;

-- numbers held ahead (a transaction's inserts commit 32 ahead in sqlite_sequence): the
-- sequence goes on from the last number given
CREATE TABLE spk_held (id bigserial PRIMARY KEY, v int);
BEGIN;
INSERT INTO spk_held (v) VALUES (1);
INSERT INTO spk_held (v) VALUES (2);
COMMIT;
INSERT INTO spk_held (v) VALUES (3) RETURNING id;
ALTER TABLE spk_held DROP CONSTRAINT spk_held_pkey;
SELECT last_value, is_called FROM spk_held_id_seq;
INSERT INTO spk_held (v) VALUES (4) RETURNING id;
SELECT nextval('spk_held_id_seq');
-- an empty table's sequence was not called yet
CREATE TABLE spk_empty (id serial PRIMARY KEY);
ALTER TABLE spk_empty DROP CONSTRAINT spk_empty_pkey;
SELECT last_value, is_called FROM spk_empty_id_seq;
INSERT INTO spk_empty DEFAULT VALUES RETURNING id;

-- with other actions of one ALTER TABLE; a row trigger stays
CREATE TABLE spk_chain (id serial PRIMARY KEY, v text, n int DEFAULT 0);
CREATE FUNCTION spk_chain_bump() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN NEW.n := NEW.n + 1; RETURN NEW; END $$;
CREATE TRIGGER spk_chain_t BEFORE INSERT ON spk_chain FOR EACH ROW EXECUTE FUNCTION spk_chain_bump();
INSERT INTO spk_chain (v) VALUES ('a');
ALTER TABLE spk_chain DROP CONSTRAINT spk_chain_pkey, ADD CONSTRAINT spk_chain_pkey PRIMARY KEY (id);
INSERT INTO spk_chain (v) VALUES ('b') RETURNING *;
SELECT tgname FROM pg_trigger WHERE tgrelid = 'spk_chain'::regclass;
ALTER TABLE spk_chain DROP CONSTRAINT spk_chain_pkey, ALTER COLUMN id TYPE bigint;
INSERT INTO spk_chain (v) VALUES ('c') RETURNING *;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute
 WHERE attrelid = 'spk_chain'::regclass AND attname = 'id';
-- a temporary table's serial key: its sequence goes to the temp schema's sidecar
CREATE TEMP TABLE spk_temp (id serial PRIMARY KEY, v int);
INSERT INTO spk_temp (v) VALUES (1), (2);
ALTER TABLE spk_temp DROP CONSTRAINT spk_temp_pkey;
INSERT INTO spk_temp (v) VALUES (3) RETURNING id;
SELECT last_value, is_called FROM spk_temp_id_seq;
SELECT format_type(atttypid, atttypmod), attnotnull FROM pg_attribute
 WHERE attrelid = 'spk_temp'::regclass AND attname = 'id';
ALTER TABLE spk_temp ADD PRIMARY KEY (id);
INSERT INTO spk_temp (v) VALUES (4) RETURNING id;
DROP TABLE spk_temp;

-- 2BP01 only for the key the foreign keys use (its index), with each of them in the DETAIL;
-- a self-reference counts
CREATE TABLE spk_kp (id serial PRIMARY KEY, code text UNIQUE, a int, b int, UNIQUE (b, a));
CREATE TABLE spk_kc (id serial PRIMARY KEY, pid int REFERENCES spk_kp,
  code text REFERENCES spk_kp (code), a int, b int, FOREIGN KEY (a, b) REFERENCES spk_kp (a, b));
CREATE TABLE spk_ks (id bigserial PRIMARY KEY, up bigint REFERENCES spk_ks);
-- detail
ALTER TABLE spk_kp DROP CONSTRAINT spk_kp_code_key;
-- detail
ALTER TABLE spk_kp DROP CONSTRAINT spk_kp_b_a_key;
-- detail
ALTER TABLE spk_ks DROP CONSTRAINT spk_ks_pkey;
ALTER TABLE spk_kc DROP CONSTRAINT spk_kc_pkey;
ALTER TABLE spk_kc DROP CONSTRAINT spk_kc_pid_fkey;
INSERT INTO spk_kp (code, a, b) VALUES ('x', 1, 2);
ALTER TABLE spk_kp DROP CONSTRAINT spk_kp_pkey;
INSERT INTO spk_kp (code, a, b) VALUES ('y', 1, 3) RETURNING id;
INSERT INTO spk_kc (code, a, b) VALUES ('y', 1, 3) RETURNING id;
-- detail
INSERT INTO spk_kc (code, a, b) VALUES ('z', 1, 3);
SELECT conname, contype FROM pg_constraint
 WHERE conrelid IN ('spk_kp'::regclass, 'spk_kc'::regclass) ORDER BY 1;

-- RENAME CONSTRAINT of a column's own serial and identity key, then DROP by the new name
CREATE TABLE spk_rn (id bigserial PRIMARY KEY, v int);
CREATE TABLE spk_rni (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v int);
INSERT INTO spk_rn (v) VALUES (1);
INSERT INTO spk_rni (v) VALUES (1);
ALTER TABLE spk_rn RENAME CONSTRAINT spk_rn_pkey TO spk_rn_key;
ALTER TABLE spk_rni RENAME CONSTRAINT spk_rni_pkey TO spk_rni_key;
INSERT INTO spk_rn (v) VALUES (2) RETURNING id;
INSERT INTO spk_rni (v) VALUES (2) RETURNING id;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
 WHERE conrelid IN ('spk_rn'::regclass, 'spk_rni'::regclass) ORDER BY 1;
SELECT indexname FROM pg_indexes WHERE tablename IN ('spk_rn', 'spk_rni') ORDER BY 1;
ALTER TABLE spk_rn DROP CONSTRAINT spk_rn_key;
ALTER TABLE spk_rni DROP CONSTRAINT spk_rni_key;
INSERT INTO spk_rn (v) VALUES (3) RETURNING id;
INSERT INTO spk_rni (v) VALUES (3) RETURNING id;

-- the sidecar sequence follows the table: TRUNCATE ... RESTART IDENTITY, renames, DROP TABLE;
-- then the default and the sequence dropped, and the column a plain key
CREATE TABLE spk_q (id bigserial PRIMARY KEY, v int);
INSERT INTO spk_q (v) VALUES (1), (2);
ALTER TABLE spk_q DROP CONSTRAINT spk_q_pkey;
TRUNCATE spk_q RESTART IDENTITY;
INSERT INTO spk_q (v) VALUES (3) RETURNING id;
ALTER TABLE spk_q RENAME TO spk_q2;
ALTER TABLE spk_q2 RENAME COLUMN id TO qid;
SELECT pg_get_serial_sequence('spk_q2', 'qid');
INSERT INTO spk_q2 (v) VALUES (4) RETURNING qid;
DROP TABLE spk_q2;
SELECT count(*) FROM pg_sequences WHERE sequencename LIKE 'spk_q%';
CREATE TABLE spk_q (id bigserial PRIMARY KEY, v int);
INSERT INTO spk_q (v) VALUES (5) RETURNING id;
ALTER TABLE spk_q DROP CONSTRAINT spk_q_pkey;
ALTER TABLE spk_q ALTER COLUMN id DROP DEFAULT;
DROP SEQUENCE spk_q_id_seq;
ALTER TABLE spk_q ADD PRIMARY KEY (id);
INSERT INTO spk_q (id, v) VALUES (9, 6);
SELECT * FROM spk_q ORDER BY id;

-- the dropped key's comment goes with it; the column's type and the identity's options can
-- change now that it is no rowid; DROP IDENTITY
CREATE TABLE spk_w (id bigserial PRIMARY KEY, v int);
COMMENT ON CONSTRAINT spk_w_pkey ON spk_w IS 'k';
INSERT INTO spk_w (v) VALUES (1);
ALTER TABLE spk_w DROP CONSTRAINT spk_w_pkey;
ALTER TABLE spk_w ADD CONSTRAINT spk_w_pkey PRIMARY KEY (id);
SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname = 'spk_w_pkey';
ALTER TABLE spk_w ALTER COLUMN id TYPE int;
INSERT INTO spk_w (v) VALUES (2) RETURNING id;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute
 WHERE attrelid = 'spk_w'::regclass AND attname = 'id';
SELECT data_type FROM pg_sequences WHERE sequencename = 'spk_w_id_seq';
CREATE TABLE spk_wi (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v int);
INSERT INTO spk_wi (v) VALUES (1);
ALTER TABLE spk_wi DROP CONSTRAINT spk_wi_pkey;
ALTER TABLE spk_wi ALTER COLUMN id SET INCREMENT BY 10;
INSERT INTO spk_wi (v) VALUES (2) RETURNING id;
ALTER TABLE spk_wi ALTER COLUMN id DROP IDENTITY;
-- detail
INSERT INTO spk_wi (v) VALUES (3) RETURNING id;
SELECT column_default, is_identity FROM information_schema.columns
 WHERE table_name = 'spk_wi' AND column_name = 'id';
