-- A serial key's sequence after an insert that failed: last_value counts the number the insert
-- took, as PostgreSQL's nextval is not undone (Adminer's export writes it as the sequence's
-- START). A bigint key's first inserts commit alone (an int4 key's run in a transaction of
-- their own for the range check), so its record had no sqlite_sequence row yet when the
-- failure rolled back; the catalog then read the row's older number.
CREATE TABLE adm_ser_p (id int PRIMARY KEY);
INSERT INTO adm_ser_p VALUES (1);
CREATE TABLE adm_ser_big (id bigserial PRIMARY KEY, pid int REFERENCES adm_ser_p (id));
CREATE TABLE adm_ser_int (id serial PRIMARY KEY, pid int REFERENCES adm_ser_p (id));
INSERT INTO adm_ser_int (pid) VALUES (1);
INSERT INTO adm_ser_big (pid) VALUES (1);
INSERT INTO adm_ser_big (pid) VALUES (99);
INSERT INTO adm_ser_int (pid) VALUES (99);
SELECT (SELECT last_value FROM adm_ser_big_id_seq) AS big,
       (SELECT last_value FROM adm_ser_int_id_seq) AS int;
SELECT sequencename, last_value FROM pg_sequences
 WHERE sequencename LIKE 'adm_ser%' ORDER BY 1;
SELECT last_value, is_called FROM adm_ser_big_id_seq;
INSERT INTO adm_ser_big (pid) VALUES (1) RETURNING id;
SELECT last_value, is_called FROM adm_ser_big_id_seq;
BEGIN;
INSERT INTO adm_ser_big (pid) VALUES (1);
ROLLBACK;
SELECT last_value, is_called FROM adm_ser_big_id_seq;
INSERT INTO adm_ser_big (pid) VALUES (1) RETURNING id;
INSERT INTO adm_ser_big (pid) VALUES (1), (98);
SELECT last_value FROM adm_ser_big_id_seq;
INSERT INTO adm_ser_big (pid) VALUES (1) RETURNING id;
-- A multi-row INSERT that fails at its first row takes one number, as PostgreSQL's
CREATE TABLE adm_ser_u (id serial PRIMARY KEY, e text UNIQUE);
INSERT INTO adm_ser_u (e) VALUES ('a'), ('b');
INSERT INTO adm_ser_u (e) VALUES ('a'), ('x'), ('y');
INSERT INTO adm_ser_u (e) VALUES ('z') RETURNING id;
DROP TABLE adm_ser_big, adm_ser_int, adm_ser_p, adm_ser_u;
