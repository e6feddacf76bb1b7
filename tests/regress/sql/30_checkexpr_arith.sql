-- Expressions inside CHECK constraints and indexes, whose SQLite text the tenant's file keeps
-- (docs/sql-compat.md, "Date/time arithmetic in stored expressions"): each CHECK accepts the
-- rows PostgreSQL accepts and refuses (23514) the rows it refuses; date/time arithmetic is
-- made with the table's date/time columns typed (39_dtcheck_arith.sql checks its rows).
-- date + integer, date - integer
CREATE TABLE ce_d1 (d date CHECK (d + 1 > '2000-01-01'));
CREATE TABLE ce_d2 (d date, CHECK (d - 1 >= '2000-01-01'));
-- date + interval, timestamp - interval
CREATE TABLE ce_d3 (d date CHECK (d + interval '1 day' > '2000-01-01'));
CREATE TABLE ce_ts (ts timestamp CHECK (ts - interval '1 hour' >= '2000-01-01 00:00'));
CREATE TABLE ce_tz (ts timestamptz CHECK (ts + interval '1 hour' > '2000-01-01 00:00+00'));
-- date - date (integer days)
CREATE TABLE ce_dd (a date, b date, CHECK (b - a BETWEEN 0 AND 30));
-- a time and an interval
CREATE TABLE ce_tm (t time CHECK (t + interval '1 hour' > '01:00'));
-- current_date arithmetic
CREATE TABLE ce_cd (d date CHECK (d > current_date - 30));
-- an ALTER TABLE ... ADD CHECK too
CREATE TABLE ce_alt (d date);
ALTER TABLE ce_alt ADD CONSTRAINT ce_alt_d CHECK (d + 1 > '2000-01-01');
-- plain comparisons of dates and timestamps keep working
CREATE TABLE ce_cmp (d date CHECK (d > '2000-01-01'), ts timestamp CHECK (ts < '2100-01-01'));
INSERT INTO ce_cmp VALUES ('2024-01-01', '2024-01-01 10:00');
INSERT INTO ce_cmp VALUES ('1999-01-01', '2024-01-01 10:00');
INSERT INTO ce_cmp VALUES ('2024-01-01', '2200-01-01 10:00');
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ce_cmp'::regclass ORDER BY 1;
-- extract and date_trunc
CREATE TABLE ce_ex (d date CHECK (extract(year from d) > 2000));
INSERT INTO ce_ex VALUES ('2024-05-01');
INSERT INTO ce_ex VALUES ('1999-05-01');
CREATE TABLE ce_tr (ts timestamp CHECK (date_trunc('month', ts) = ts));
INSERT INTO ce_tr VALUES ('2024-05-01 00:00');
INSERT INTO ce_tr VALUES ('2024-05-02 00:00');
-- numeric(p,s) arithmetic
CREATE TABLE ce_num (price numeric(10,2), qty int, CHECK (price * qty > 0), CHECK (price * 100 = round(price * 100)));
INSERT INTO ce_num VALUES (1.50, 2);
INSERT INTO ce_num VALUES (-1.50, 2);
INSERT INTO ce_num VALUES (0.01, 1);
-- length and char_length of multibyte text
CREATE TABLE ce_len (x text CHECK (length(x) <= 3), y varchar(10) CHECK (char_length(y) >= 2));
INSERT INTO ce_len VALUES ('äöü', 'éé');
INSERT INTO ce_len VALUES ('äöüß', 'éé');
INSERT INTO ce_len VALUES ('äö', 'é');
-- boolean columns
CREATE TABLE ce_b (flag boolean, n int, CHECK (flag = true OR n > 0));
INSERT INTO ce_b VALUES (true, 0);
INSERT INTO ce_b VALUES (false, 1);
INSERT INTO ce_b VALUES (false, 0);
-- jsonb operators
CREATE TABLE ce_j (j jsonb CHECK (j ? 'id'), k jsonb CHECK ((k ->> 'n')::int > 0));
INSERT INTO ce_j VALUES ('{"id": 1}', '{"n": 2}');
INSERT INTO ce_j VALUES ('{"x": 1}', '{"n": 2}');
INSERT INTO ce_j VALUES ('{"id": 1}', '{"n": 0}');
-- uuid and bytea
CREATE TABLE ce_u (u uuid CHECK (u <> '00000000-0000-0000-0000-000000000000'), b bytea CHECK (length(b) < 4));
INSERT INTO ce_u VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x010203');
INSERT INTO ce_u VALUES ('00000000-0000-0000-0000-000000000000', '\x01');
INSERT INTO ce_u VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x01020304');
-- partial index predicates and index expressions
CREATE TABLE ce_ix (id int, d date, ts timestamp);
CREATE UNIQUE INDEX ce_ix_p ON ce_ix (id) WHERE d + 1 > '2000-01-01';
CREATE UNIQUE INDEX ce_ix_e ON ce_ix ((d + 1));
CREATE INDEX ce_ix_t ON ce_ix ((ts - interval '1 hour'));
CREATE UNIQUE INDEX ce_ix_q ON ce_ix (id) WHERE d > '2000-01-01';
INSERT INTO ce_ix VALUES (1, '2024-01-01', '2024-01-01 10:00'), (1, '1999-01-02', '2024-01-01 10:00');
INSERT INTO ce_ix VALUES (1, '2024-02-01', '2024-01-01 10:00');
SELECT pg_get_indexdef('ce_ix_q'::regclass);
-- a stored generated column of date arithmetic
CREATE TABLE ce_gen (d date, e date GENERATED ALWAYS AS (d + 1) STORED);
CREATE TABLE ce_gen2 (p numeric(10,2), q int, t numeric GENERATED ALWAYS AS (p * q) STORED);
INSERT INTO ce_gen2 (p, q) VALUES (1.25, 3);
SELECT * FROM ce_gen2;
-- the date CHECKs 30_checktext_checks.sql printed before they were refused
CREATE TABLE ce_txt (bc date CHECK (bc + 1 > '2000-01-01'), bc2 date CHECK (bc2 - 7 < '2100-01-01'));
CREATE TABLE ce_txt2 (bd timestamp CHECK (bd + interval '1 day' > '2020-01-01'));
CREATE TABLE ce_txt3 (id int, e date);
CREATE INDEX ce_txt3_e ON ce_txt3 ((e + 1));
CREATE TABLE ce_txt4 (np date CHECK (np <= current_date + 30));
ALTER TABLE ce_txt3 ADD COLUMN dd date CHECK (dd + 30 > '2000-01-01');
