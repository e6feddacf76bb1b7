-- BC and past-9999 dates and timestamps order as their values (h/bcdates): stored in an
-- order-keeping form outside years 1..9999 (docs/sql-compat.md, "Storage"), read back
-- everywhere as PostgreSQL's values.
CREATE TABLE bcd (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz);
INSERT INTO bcd VALUES
  (1, '2024-02-29', '2024-02-29 13:45:00.5', '2024-02-29 13:45:00+02'),
  (2, '0044-03-15 BC', '0044-03-15 12:00:00 BC', '0044-03-15 12:00:00+00 BC'),
  (3, '10000-01-01', '10000-01-01 00:00:00', '10000-01-01 00:00:00+00'),
  (4, '4714-11-24 BC', '4714-11-24 00:00:00 BC', '4714-11-24 00:00:00+00 BC'),
  (5, '0001-01-01', '0001-01-01 00:00:00', '0001-01-01 00:00:00+00'),
  (6, '0001-12-31 BC', '0001-12-31 23:59:59.999999 BC', '0001-12-31 23:59:59.999999+00 BC'),
  (7, 'infinity', 'infinity', 'infinity'),
  (8, '-infinity', '-infinity', '-infinity'),
  (9, '5874897-12-31', '294276-12-31 23:59:59.999999', '294276-12-31 23:59:59.999999+00'),
  (10, '0045-03-15 BC', '0044-03-15 11:59:59 BC', '0044-03-15 12:00:00.5+00 BC'),
  (11, '9999-12-31', '9999-12-31 23:59:59.999999', '9999-12-31 23:59:59.999999+00'),
  (12, '12020-10-05', '12020-10-05 01:02:03', '12020-10-05 01:02:03+00'),
  (13, '0100-01-01 BC', '0100-01-01 00:00:00 BC', '0100-01-01 00:00:00+00 BC'),
  (14, NULL, NULL, NULL);
SELECT id, d FROM bcd ORDER BY d, id;
SELECT id, ts FROM bcd ORDER BY ts DESC, id;
SELECT id, tz FROM bcd ORDER BY tz NULLS FIRST, id;
SELECT id, d, ts, tz FROM bcd WHERE d < '0001-01-01' ORDER BY id;
SELECT id FROM bcd WHERE d > '9999-12-31' ORDER BY id;
SELECT id FROM bcd WHERE d BETWEEN '0100-01-01 BC' AND '0001-01-01' ORDER BY id;
SELECT id FROM bcd WHERE ts BETWEEN '0044-03-15 BC' AND '0044-03-16 BC' ORDER BY id;
SELECT id FROM bcd WHERE ts >= '10000-01-01' ORDER BY id;
SELECT id FROM bcd WHERE tz < '0044-03-15 12:00:00.25+00 BC' ORDER BY id;
SELECT id FROM bcd WHERE tz > '9999-12-31 23:00:00-05' ORDER BY id;
SELECT min(d), max(d), min(ts), max(ts), min(tz), max(tz) FROM bcd WHERE id NOT IN (7, 8);
SELECT min(d), max(d), min(ts), max(ts), min(tz), max(tz) FROM bcd;
SELECT count(DISTINCT d), count(DISTINCT ts), count(DISTINCT tz) FROM bcd;
SELECT DISTINCT d < date '0001-01-01' AS bc FROM bcd WHERE d IS NOT NULL ORDER BY 1;
SELECT greatest(d, '0001-01-01'), least(ts, '0050-01-01 BC') FROM bcd WHERE id IN (2, 3, 5) ORDER BY id;
-- an index gives the same rows and order
CREATE INDEX bcd_d ON bcd (d);
CREATE INDEX bcd_ts ON bcd (ts);
CREATE INDEX bcd_tz ON bcd (tz);
SELECT id, d FROM bcd ORDER BY d, id;
SELECT id FROM bcd WHERE d < '0044-01-01 BC' ORDER BY d;
SELECT id FROM bcd WHERE ts > '9999-12-31 23:59:59.999999' ORDER BY ts;
SELECT id FROM bcd WHERE tz BETWEEN '0100-01-01 00:00:00+00 BC' AND '0001-01-01 00:00:00+00' ORDER BY tz;
SELECT id FROM bcd WHERE d = '0044-03-15 BC';
SELECT id FROM bcd WHERE ts = '10000-01-01';
SELECT id FROM bcd WHERE tz = '0044-03-15 07:00:00-05 BC';
-- read back: text, casts, functions
SELECT d::text, ts::text, tz::text, d::timestamp, ts::date, tz::date FROM bcd WHERE id IN (2, 3, 13) ORDER BY id;
SELECT d::text, ts::date, tz::date, ts::timestamptz FROM bcd WHERE id = 9;
SELECT d::timestamp FROM bcd WHERE id = 9;
SELECT extract(year FROM d), extract(year FROM ts), extract(year FROM tz), date_part('month', d) FROM bcd WHERE id IN (2, 3, 4, 12) ORDER BY id;
SELECT to_char(d, 'YYYY-MM-DD BC'), to_char(ts, 'YYYY Mon DD HH24:MI:SS AD'), to_char(tz, 'YYYY-MM-DD HH24 TZ') FROM bcd WHERE id IN (2, 3, 12) ORDER BY id;
SELECT d + 1, d - 1, ts + interval '1 day', tz - interval '1 year', d - date '0001-01-01' FROM bcd WHERE id IN (2, 3, 6) ORDER BY id;
SELECT ts - timestamp '0001-01-01', age(ts, timestamp '0001-01-01 BC') FROM bcd WHERE id IN (2, 3) ORDER BY id;
SELECT date_trunc('month', ts), date_trunc('year', tz) FROM bcd WHERE id IN (2, 12) ORDER BY id;
SELECT tz AT TIME ZONE 'UTC', ts AT TIME ZONE 'UTC' FROM bcd WHERE id IN (2, 3) ORDER BY id;
SELECT to_json(d), to_json(ts), to_json(tz), json_build_object('d', d) FROM bcd WHERE id IN (2, 3) ORDER BY id;
SELECT row_to_json(b) FROM (SELECT d, ts FROM bcd WHERE id = 2) b;
SELECT to_jsonb(array[d]), json_agg(d ORDER BY id), array_to_json(array[ts]), jsonb_build_array(ts, tz) FROM bcd WHERE id IN (2, 3) GROUP BY d, ts, tz ORDER BY d;
SELECT d || '', concat(d, ' ', ts), format('%s %s', d, tz), string_agg(d::text, ',') FROM bcd WHERE id IN (2, 3, 1) GROUP BY d, ts, tz ORDER BY d;
SELECT ROW(d, ts, tz), array[d], array[ts] FROM bcd WHERE id IN (2, 3) ORDER BY id;
SET DateStyle = 'SQL, DMY';
SELECT d, ts, tz, d || '', d::text FROM bcd WHERE id IN (2, 3) ORDER BY id;
RESET DateStyle;
SELECT array_agg(d ORDER BY d) FROM bcd WHERE id IN (1, 2, 3, 4);
SELECT isfinite(d), make_date(-44, 3, 15), make_timestamp(10000, 1, 1, 0, 0, 0) FROM bcd WHERE id = 2;
-- other TimeZones: stored in UTC, shown in the zone, ordered by the instant
SET TimeZone = 'America/New_York';
SELECT id, tz FROM bcd WHERE id IN (2, 3, 6, 10, 12) ORDER BY tz;
INSERT INTO bcd VALUES (15, '0044-03-16 BC', '0044-03-15 23:00:00 BC', '0044-03-15 07:00:00.75 BC');
SELECT id, tz FROM bcd WHERE tz BETWEEN '0044-03-15 BC' AND '0044-03-16 BC' ORDER BY tz;
SET TimeZone = 'Asia/Tokyo';
SELECT id, tz FROM bcd WHERE id IN (2, 10, 15) ORDER BY tz DESC;
SELECT max(tz), min(tz) FROM bcd WHERE tz < '0001-01-01 09:00:00';
RESET TimeZone;
-- UPDATE moves a value across the forms
UPDATE bcd SET d = '9999-12-31' WHERE id = 12;
UPDATE bcd SET d = d - 740000 WHERE id = 1;
UPDATE bcd SET d = d - 3700000 WHERE id = 1;
SELECT id, d FROM bcd ORDER BY d, id;
-- UNIQUE conflicts compare values
CREATE TABLE bcu (d date UNIQUE, ts timestamp UNIQUE);
INSERT INTO bcu VALUES ('0044-03-15 BC', '10000-01-01');
INSERT INTO bcu VALUES ('March 15, 0044 BC', NULL);
INSERT INTO bcu VALUES (NULL, '10000-01-01 00:00:00.000');
INSERT INTO bcu VALUES ('0044-03-15 BC', NULL) ON CONFLICT (d) DO UPDATE SET ts = '0001-01-01 BC';
SELECT * FROM bcu;
-- a RANGE partition key of dates before year 1 and after 9999
CREATE TABLE bcp (d date NOT NULL, v text) PARTITION BY RANGE (d);
CREATE TABLE bcp_old PARTITION OF bcp FOR VALUES FROM ('1000-01-01 BC') TO ('0001-01-01');
CREATE TABLE bcp_ad PARTITION OF bcp FOR VALUES FROM ('0001-01-01') TO ('10000-01-01');
CREATE TABLE bcp_far PARTITION OF bcp FOR VALUES FROM ('10000-01-01') TO (MAXVALUE);
CREATE TABLE bcp_bad PARTITION OF bcp FOR VALUES FROM ('0500-01-01 BC') TO ('0400-01-01 BC');
INSERT INTO bcp VALUES ('0044-03-15 BC', 'caesar'), ('2024-01-01', 'now'), ('12020-10-05', 'far'), ('0001-12-31 BC', 'last bc');
INSERT INTO bcp VALUES ('1001-01-01 BC', 'too old');
SELECT tableoid::regclass::text, d, v FROM bcp ORDER BY d;
SELECT d, v FROM bcp_old ORDER BY d;
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c WHERE c.relname LIKE 'bcp\_%' ORDER BY 1;
CREATE TABLE bct (t timestamptz NOT NULL) PARTITION BY RANGE (t);
CREATE TABLE bct_bc PARTITION OF bct FOR VALUES FROM (MINVALUE) TO ('0001-01-01 00:00:00+00');
CREATE TABLE bct_ad PARTITION OF bct FOR VALUES FROM ('0001-01-01 00:00:00+00') TO (MAXVALUE);
INSERT INTO bct VALUES ('0001-12-31 23:59:59+00 BC'), ('0001-01-01 00:00:00+00'), ('-infinity'), ('infinity'), ('20000-01-01 00:00:00+00');
SELECT tableoid::regclass::text, t FROM bct ORDER BY t;
-- defaults and typed literals in DDL are stored in the same form
CREATE TABLE bcdef (id int, d date DEFAULT '0044-03-15 BC', tz timestamptz DEFAULT '10000-01-01 00:00:00+00',
  CHECK (d > date '0100-01-01 BC'));
INSERT INTO bcdef (id) VALUES (1);
INSERT INTO bcdef VALUES (2, '0099-12-31 BC', '0001-01-01 00:00:00+00 BC');
INSERT INTO bcdef VALUES (3, '0101-01-01 BC');
SELECT * FROM bcdef ORDER BY d;
SELECT * FROM bcdef ORDER BY tz;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'bcdef' ORDER BY 1;
-- generate_series, date_bin, to_date and to_timestamp store their results
SELECT g FROM generate_series(timestamp '0001-12-30 BC', timestamp '0001-01-02', interval '1 day') g ORDER BY g DESC;
SELECT date_bin('1 day', timestamp '0044-03-15 12:00 BC', timestamp '2000-01-01'), to_date('0044-03-15 BC', 'YYYY-MM-DD BC') < to_date('10000-01-01', 'YYYY-MM-DD');
SELECT daterange('0044-03-15 BC', '2000-01-01'), tsrange('0044-03-15 BC', '10000-01-01'), daterange('0044-03-15 BC', '2000-01-01') @> date '0001-01-01';
-- a view prints them as PostgreSQL does (the schema calls no shardlite function)
CREATE VIEW bcv AS SELECT id, d, d || '' AS dt, concat(ts, '|') AS tst, to_json(d) AS j FROM bcd WHERE id IN (2, 3, 11);
SELECT * FROM bcv ORDER BY d;
CREATE VIEW bcv2 AS SELECT id FROM bcd WHERE d > date '0100-01-01 BC' AND ts < timestamp '10000-01-01 00:00:00' AND d < '12000-01-01';
SELECT pg_get_viewdef('bcv2');
SELECT * FROM bcv2 ORDER BY id;
-- precision, parameters, grouping, set operations, conversions
CREATE TABLE bce (t0 timestamp(0), tz1 timestamptz(1), d date);
INSERT INTO bce VALUES ('0044-03-15 12:00:00.5 BC', '0044-03-15 12:00:00.55+00 BC', '0044-03-15 BC'), ('9999-12-31 23:59:59.5', '9999-12-31 23:59:59.96+00', '9999-12-31');
SELECT * FROM bce ORDER BY t0;
SELECT * FROM bce ORDER BY tz1 DESC;
PREPARE bcq(date) AS SELECT $1 < date '0001-01-01', $1, $1 + 1;
EXECUTE bcq('0044-03-15 BC');
PREPARE bcq2(timestamptz) AS SELECT count(*) FROM bce WHERE tz1 < $1;
EXECUTE bcq2('0001-01-01 00:00:00+00');
EXECUTE bcq2('10000-01-01 00:00:00+00');
SELECT d, count(*) FROM bce GROUP BY d ORDER BY d DESC;
SELECT d FROM bce UNION SELECT '0100-01-01 BC'::date ORDER BY 1;
SELECT max(t0) - min(t0) FROM bce;
SELECT extract(epoch FROM t0), extract(julian FROM d) FROM bce ORDER BY d;
SELECT d::timestamptz, t0::date, tz1::timestamp FROM bce ORDER BY d;
-- a CHECK or an index predicate comparing a column with a BC or past-9999 string
CREATE TABLE bck (d date CHECK (d > '0100-01-01 BC'), ts timestamp, tz timestamptz, CHECK ('10000-01-01' > ts), CHECK (tz <> '0001-01-01 00:00:00+00 BC'));
INSERT INTO bck VALUES ('0044-03-15 BC', '0044-03-15 BC', '2024-01-01 00:00+00');
INSERT INTO bck VALUES ('0200-03-15 BC', NULL, NULL);
INSERT INTO bck VALUES ('2024-01-01', '10000-01-02', NULL);
INSERT INTO bck VALUES ('2024-01-01', '9999-01-02', '0001-01-01 00:00:00+00 BC');
ALTER TABLE bck ADD CONSTRAINT bck_late CHECK (d < '20000-01-01');
INSERT INTO bck VALUES ('30000-01-01');
INSERT INTO bck VALUES ('19999-12-31');
CREATE INDEX bcki ON bck (d) WHERE d < '0001-01-01';
SELECT * FROM bck ORDER BY d;
SELECT d FROM bck WHERE d < '0001-01-01';
