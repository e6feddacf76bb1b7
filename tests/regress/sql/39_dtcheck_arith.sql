-- Date/time arithmetic in stored expressions (docs/sql-compat.md, "Date/time arithmetic in
-- stored expressions"): CHECK constraints, index keys and predicates and stored generated
-- columns compute what PostgreSQL computes, refuse what it refuses, and print its text.
-- CHECK: date + integer, timestamp + interval, date - date
CREATE TABLE dc_ev (id int, starts_at timestamp, ends_at timestamp, due date, made date,
  CHECK (ends_at > starts_at + interval '1 minute'),
  CHECK (due - made BETWEEN 0 AND 30),
  CHECK (due + 1 > '2000-01-01'));
INSERT INTO dc_ev VALUES (1, '2024-01-01 10:00', '2024-01-01 10:02', '2024-01-10', '2024-01-01');
-- detail
INSERT INTO dc_ev VALUES (2, '2024-01-01 10:00', '2024-01-01 10:01', '2024-01-10', '2024-01-01');
-- detail
INSERT INTO dc_ev VALUES (3, '2024-01-01 10:00', '2024-01-01 11:00', '2024-03-10', '2024-01-01');
-- detail
INSERT INTO dc_ev VALUES (4, '2024-01-01 10:00', '2024-01-01 11:00', '1999-12-30', '1999-12-29');
INSERT INTO dc_ev VALUES (5, '2024-01-01 10:00', '2024-01-01 11:00', '1999-12-31', '1999-12-30');
INSERT INTO dc_ev VALUES (6, NULL, NULL, NULL, NULL);
-- detail
UPDATE dc_ev SET ends_at = starts_at WHERE id = 1;
UPDATE dc_ev SET ends_at = starts_at + interval '1 day' WHERE id = 1;
SELECT id, starts_at, ends_at, due, made FROM dc_ev ORDER BY id;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'dc_ev'::regclass ORDER BY 1;
SELECT conname, pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conrelid = 'dc_ev'::regclass ORDER BY 1;
SELECT constraint_name, check_clause FROM information_schema.check_constraints WHERE constraint_name LIKE 'dc_ev%' ORDER BY 1;
-- month arithmetic clamps the day, as PostgreSQL's
CREATE TABLE dc_mon (d date, CHECK (d + interval '1 month' <= '2024-02-29'));
INSERT INTO dc_mon VALUES ('2024-01-31');
INSERT INTO dc_mon VALUES ('2024-01-29');
INSERT INTO dc_mon VALUES ('2024-02-01');
-- time ± interval wraps around midnight
CREATE TABLE dc_tm (t time CHECK (t + interval '2 hours' > '01:00'));
INSERT INTO dc_tm VALUES ('23:30');
INSERT INTO dc_tm VALUES ('22:30');
INSERT INTO dc_tm VALUES ('00:30');
SELECT conrelid::regclass::text AS t, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('dc_mon'::regclass, 'dc_tm'::regclass) ORDER BY 1;
-- interval columns and their products
CREATE TABLE dc_iv (a interval, b interval, CHECK (a * 2 < b), CHECK (b - a > '1 hour'));
INSERT INTO dc_iv VALUES ('1 hour', '3 hours');
INSERT INTO dc_iv VALUES ('1 hour', '2 hours');
INSERT INTO dc_iv VALUES ('10 minutes', '1 hour 5 minutes');
CREATE TABLE dc_iv2 (i interval CHECK (i < '1 day'), t time CHECK (t >= '08:00'));
INSERT INTO dc_iv2 VALUES ('23 hours', '09:00');
INSERT INTO dc_iv2 VALUES ('25 hours', '09:00');
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('dc_iv'::regclass, 'dc_iv2'::regclass) ORDER BY 1;
-- timestamptz and CURRENT_DATE in a CHECK (stable: PostgreSQL allows them there)
CREATE TABLE dc_tz (ts timestamptz CHECK (ts + interval '1 hour' > '2000-01-01 00:00+00'), d date CHECK (d > current_date - 36500));
INSERT INTO dc_tz VALUES ('2000-01-01 00:00+00', '2024-01-01');
INSERT INTO dc_tz VALUES ('1999-12-31 22:59+00', '2024-01-01');
INSERT INTO dc_tz VALUES ('2000-01-01 00:00+00', '1900-01-01');
-- differs: a timestamptz literal is not printed ('2000-01-01 00:00:00+00'::timestamp with time zone): the SQLite text shows
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'dc_tz'::regclass ORDER BY 1;
-- ALTER TABLE ... ADD CONSTRAINT over existing rows
CREATE TABLE dc_alt (a date, b date);
INSERT INTO dc_alt VALUES ('2024-01-01', '2024-01-05');
ALTER TABLE dc_alt ADD CONSTRAINT dc_alt_ok CHECK (b - a < 10);
ALTER TABLE dc_alt ADD CONSTRAINT dc_alt_bad CHECK (b - a < 2);
INSERT INTO dc_alt VALUES ('2024-01-01', '2024-01-20');
INSERT INTO dc_alt VALUES ('2024-01-01', '2024-01-02');
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'dc_alt'::regclass ORDER BY 1;
BEGIN;
ALTER TABLE dc_alt ADD CONSTRAINT dc_alt_tx CHECK (a + 7 > b - 7);
INSERT INTO dc_alt VALUES ('2024-01-01', '2024-01-16');
ROLLBACK;
ALTER TABLE dc_alt ADD COLUMN c date CHECK (c + 1 > '2000-01-01');
INSERT INTO dc_alt VALUES ('2024-01-01', '2024-01-02', '1999-12-31');
INSERT INTO dc_alt VALUES ('2024-01-01', '2024-01-02', '2000-01-01');
-- partial index predicates and expression keys
CREATE TABLE dc_ix (id int, d date, ts timestamp, tz timestamptz);
CREATE UNIQUE INDEX dc_ix_p ON dc_ix (id) WHERE d + 1 > '2024-01-01';
CREATE UNIQUE INDEX dc_ix_e ON dc_ix ((d + 7));
CREATE INDEX dc_ix_t ON dc_ix ((ts - interval '1 hour'));
INSERT INTO dc_ix VALUES (1, '2024-01-01', '2024-01-01 10:00', NULL), (1, '2023-12-30', '2024-01-01 10:00', NULL);
INSERT INTO dc_ix VALUES (1, '2024-02-01', '2024-01-01 10:00', NULL);
INSERT INTO dc_ix VALUES (2, '2024-01-01', '2024-01-01 10:00', NULL);
SELECT id, d FROM dc_ix WHERE d + 7 = '2024-01-08' ORDER BY 1;
SELECT indexrelid::regclass::text AS i, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'dc_ix'::regclass ORDER BY 1;
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'dc_ix' ORDER BY 1;
-- not IMMUTABLE in PostgreSQL: 42P17
CREATE INDEX dc_ix_z ON dc_ix ((tz + interval '1 hour'));
CREATE INDEX dc_ix_zp ON dc_ix (id) WHERE tz - interval '1 day' > '2024-01-01';
CREATE INDEX dc_ix_c ON dc_ix (id) WHERE d > current_date - 30;
-- differs: made (PostgreSQL 42P17: timestamp > timestamptz is STABLE); a comparison without arithmetic is not typed
CREATE INDEX dc_ix_m ON dc_ix ((ts > tz));
-- differs: made (PostgreSQL 42P17), as above
CREATE INDEX dc_ix_w ON dc_ix (id) WHERE ts > '2024-01-01'::timestamptz;
-- timestamptz - timestamptz is immutable
CREATE INDEX dc_ix_zz ON dc_ix ((tz - tz));
-- stored generated columns
CREATE TABLE dc_gen (id int, starts_at timestamp, duration interval, d date,
  ends_at timestamp GENERATED ALWAYS AS (starts_at + duration) STORED,
  nextd date GENERATED ALWAYS AS (d + 1) STORED,
  span interval GENERATED ALWAYS AS (duration * 2) STORED);
INSERT INTO dc_gen (id, starts_at, duration, d) VALUES (1, '2024-01-31 10:00', '1 month 2 hours', '2024-02-28');
INSERT INTO dc_gen (id, starts_at, duration, d) VALUES (2, NULL, '1 day', NULL);
UPDATE dc_gen SET duration = '3 days' WHERE id = 2;
UPDATE dc_gen SET starts_at = '2024-12-31 23:00' WHERE id = 2;
SELECT id, starts_at, duration, d, ends_at, nextd, span FROM dc_gen ORDER BY id;
SELECT attname, pg_get_expr(adbin, adrelid) FROM pg_attrdef JOIN pg_attribute ON attrelid = adrelid AND attnum = adnum WHERE adrelid = 'dc_gen'::regclass ORDER BY 1;
CREATE TABLE dc_gen_tz (tz timestamptz, e timestamptz GENERATED ALWAYS AS (tz + interval '1 day') STORED);
-- ALTER COLUMN ... TYPE of a column the arithmetic reads
CREATE TABLE dc_at (id int, d date CHECK (d + 1 > '2000-01-01'), e date, i interval CHECK (i * 2 < '1 day'));
CREATE INDEX dc_at_e ON dc_at ((e + 1));
INSERT INTO dc_at VALUES (1, '2024-01-01', '2024-01-01', '1 hour');
-- differs: refused (0A000): the CHECK's text names the column's old type (PostgreSQL: 42883 operator does not exist: timestamp without time zone + integer)
ALTER TABLE dc_at ALTER COLUMN d TYPE timestamp;
-- differs: refused (0A000), as above (PostgreSQL: 42883)
ALTER TABLE dc_at ALTER COLUMN e TYPE text;
ALTER TABLE dc_at ALTER COLUMN id TYPE bigint;
INSERT INTO dc_at VALUES (2, '1999-12-30', '2024-01-01', '1 hour');
INSERT INTO dc_at VALUES (3, '2024-01-01', '2024-01-01', '13 hours');
SELECT * FROM dc_at ORDER BY id;
-- casts between date/time types, date_trunc and extract: IMMUTABLE for date, time, timestamp, interval
CREATE TABLE dc_cast (due date, made timestamp, madez timestamptz, CHECK (due >= made::date), CHECK (due >= madez::date));
INSERT INTO dc_cast VALUES ('2024-01-02', '2024-01-02 10:00', '2024-01-02 10:00+00');
-- detail
INSERT INTO dc_cast VALUES ('2024-01-01', '2024-01-02 10:00', '2024-01-01 10:00+00');
INSERT INTO dc_cast VALUES ('2024-01-01', '2024-01-01 10:00', '2024-01-02 10:00+00');
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'dc_cast'::regclass ORDER BY 1;
CREATE TABLE dc_part (id int, ts timestamp, d date, tz timestamptz, iv interval);
CREATE INDEX dc_part_a ON dc_part ((ts::date));
CREATE UNIQUE INDEX dc_part_b ON dc_part (date_trunc('day', ts));
CREATE INDEX dc_part_c ON dc_part ((extract(year from d)));
CREATE INDEX dc_part_d ON dc_part (id) WHERE extract(dow from ts) = 0;
CREATE INDEX dc_part_e ON dc_part ((date_trunc('hour', iv)));
CREATE INDEX dc_part_f ON dc_part ((d::timestamp + interval '1 day'));
CREATE INDEX dc_part_g ON dc_part ((date_part('dow', ts)));
CREATE INDEX dc_part_h ON dc_part ((date_part('year', d)));
CREATE INDEX dc_part_z ON dc_part ((tz::date));
CREATE INDEX dc_part_y ON dc_part (date_trunc('day', tz));
CREATE INDEX dc_part_x ON dc_part ((extract(year from tz)));
CREATE INDEX dc_part_w ON dc_part (date_trunc('day', d));
INSERT INTO dc_part VALUES (1, '2024-01-07 10:00', '2024-01-07', NULL, '1 day 02:30');
INSERT INTO dc_part VALUES (2, '2024-01-07 11:00', '2024-01-08', NULL, '02:30');
INSERT INTO dc_part VALUES (3, '2024-01-08 11:00', '2024-01-08', NULL, NULL);
SELECT id, ts::date, extract(year from d) FROM dc_part ORDER BY id;
SELECT indexrelid::regclass::text AS i FROM pg_index WHERE indrelid = 'dc_part'::regclass ORDER BY 1;
SELECT indexrelid::regclass::text AS i, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'dc_part'::regclass ORDER BY 1;
SELECT indexrelid::regclass::text AS i, pg_get_indexdef(indexrelid, 0, true) FROM pg_index WHERE indrelid = 'dc_part'::regclass ORDER BY 1;
CREATE TABLE dc_exck (d date CHECK (extract(year from d) > 2000), ts timestamp CHECK (date_trunc('month', ts) = ts), iv interval CHECK (extract(epoch from iv) < 86400));
INSERT INTO dc_exck VALUES ('2024-05-01', '2024-05-01 00:00', '1 hour');
INSERT INTO dc_exck VALUES ('1999-05-01', '2024-05-01 00:00', '1 hour');
INSERT INTO dc_exck VALUES ('2024-05-01', '2024-05-02 00:00', '1 hour');
INSERT INTO dc_exck VALUES ('2024-05-01', '2024-05-01 00:00', '1 day');
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'dc_exck'::regclass ORDER BY 1;
CREATE TABLE dc_gen2 (ts timestamp, day date GENERATED ALWAYS AS (ts::date) STORED, yr numeric GENERATED ALWAYS AS (extract(year from ts)) STORED);
INSERT INTO dc_gen2 (ts) VALUES ('2024-12-31 23:59');
SELECT * FROM dc_gen2;
-- ALTER COLUMN ... TYPE of a column an extract or date_trunc index key reads
CREATE TABLE dc_at2 (d date, ts timestamp, n int CHECK (coalesce(n, 1082) > 0));
CREATE INDEX dc_at2_d ON dc_at2 ((extract(year from d)));
CREATE INDEX dc_at2_t ON dc_at2 (date_trunc('day', ts));
-- differs: refused (0A000): the index's text names the column's old type (PostgreSQL makes it, extract of a timestamp)
ALTER TABLE dc_at2 ALTER COLUMN d TYPE timestamp;
-- differs: refused (0A000), as above (PostgreSQL: 42P17, date_trunc of a timestamptz)
ALTER TABLE dc_at2 ALTER COLUMN ts TYPE timestamptz;
ALTER TABLE dc_at2 ALTER COLUMN n TYPE bigint;
INSERT INTO dc_at2 VALUES ('2024-01-01', '2024-01-01 10:00', 5);
