-- Catalog relations and functions about the server: pg_range, pg_timezone_names,
-- pg_get_keywords(), transaction ids and the start time.
SELECT * FROM pg_range ORDER BY rngtypid;
SELECT rngtypid, rngsubtype, rngcanonical, rngsubdiff FROM pg_catalog.pg_range WHERE rngsubtype = 1082;
SELECT count(*) FROM pg_range;
-- zones without daylight-saving time, so the answer does not depend on the date
SELECT * FROM pg_timezone_names WHERE name IN ('UTC', 'Asia/Tokyo', 'Asia/Kolkata', 'Etc/GMT+5', 'posix/Asia/Tokyo') ORDER BY name;
SELECT name, utc_offset FROM pg_catalog.pg_timezone_names WHERE name LIKE 'Asia/Ko%' ORDER BY name;
SELECT count(*) > 400 FROM pg_timezone_names WHERE name LIKE 'posix/%';
SELECT * FROM pg_get_keywords() WHERE word IN ('select', 'abort', 'between', 'authorization', 'year', 'over') ORDER BY word;
SELECT count(*), count(*) FILTER (WHERE barelabel), count(*) FILTER (WHERE catcode = 'R') FROM pg_get_keywords();
SELECT catcode, catdesc, count(*) FROM pg_catalog.pg_get_keywords() GROUP BY catcode, catdesc ORDER BY catcode;
SELECT w, c FROM pg_get_keywords() AS k(w, c) WHERE w LIKE 'ou%' ORDER BY w;
SELECT k.word FROM pg_get_keywords() k WHERE NOT k.barelabel ORDER BY k.word LIMIT 5;
SELECT txid_current() = txid_current(), txid_current() > 0, pg_current_xact_id() IS NOT NULL;
CREATE TABLE xids (x bigint);
BEGIN;
INSERT INTO xids SELECT txid_current();
INSERT INTO xids SELECT txid_current();
SELECT count(DISTINCT x) FROM xids;
COMMIT;
INSERT INTO xids SELECT txid_current();
SELECT count(*), count(DISTINCT x), min(x) < max(x) FROM xids;
SELECT pg_postmaster_start_time() <= now(), pg_postmaster_start_time() > now() - interval '1 day';
-- tableoid, the system column clients join pg_description on
SELECT count(*) > 0 FROM pg_class c WHERE c.tableoid = 'pg_class'::regclass;
SELECT DISTINCT tableoid::int FROM pg_attribute;
SELECT DISTINCT tableoid::int FROM pg_namespace;
