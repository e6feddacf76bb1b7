-- Values as PostgreSQL 15 prints them (issue 3): timestamptz[] elements in the session's zone.
SET TimeZone = 'Europe/Berlin';
SELECT ARRAY[timestamptz '2024-03-31 00:30:00+00', timestamptz '2024-07-01 12:00:00+00'];
CREATE TABLE vp_ts (id int PRIMARY KEY, at timestamptz, ats timestamptz[]);
INSERT INTO vp_ts VALUES (1, '2024-03-31 00:30:00+00', '{"2024-01-01 10:00:00","2024-06-01 10:00:00+05"}'), (2, '2024-10-27 01:30:00+00', ARRAY[timestamptz '2024-10-27 01:30:00+00', NULL]), (3, NULL, '{}');
SELECT id, ats, ats[1], ats::text, ats::varchar FROM vp_ts ORDER BY id;
SELECT id, array_to_string(ats, ';'), concat(ats), format('%s', ats), array_length(ats, 1) FROM vp_ts ORDER BY id;
SELECT array_agg(at ORDER BY id), array_agg(at ORDER BY id)::text FROM vp_ts;
SELECT ARRAY[tstzrange('2024-01-01 00:00+00', '2024-02-01 00:00+00')], tstzrange('2024-01-01 00:00+00', '2024-02-01 00:00+00');
UPDATE vp_ts SET ats = ats || timestamptz '2024-12-24 18:00:00+01' WHERE id = 1 RETURNING ats;
SET TimeZone = 'America/New_York';
SELECT id, ats FROM vp_ts ORDER BY id;
SET DateStyle = 'SQL, DMY';
SELECT ARRAY[date '2024-01-31'], ARRAY[timestamp '2024-01-31 10:00'], ats FROM vp_ts WHERE id = 1;
RESET DateStyle;
RESET TimeZone;
SELECT id, ats FROM vp_ts ORDER BY id;
DROP TABLE vp_ts;
-- jsonb in its btree order (Object > Array > Boolean > Number > String > Null, an empty
-- top-level array first): a bare number a jsonb column holds sorts among the others.
CREATE TABLE vp_j (id int PRIMARY KEY, j jsonb, m jsonb);
INSERT INTO vp_j VALUES (1, '5', '{"p": 5}'), (2, '"a"', '{"p": "a"}'), (3, 'null', '{"p": null}'), (4, 'true', '{"p": true}'), (5, '[1]', '{"p": [1]}'), (6, '{"a":1}', '{}'), (7, '1.5', '{"p": 1.5}'), (8, '[]', '{"p": []}'), (9, '{}', '{"p": {}}'), (10, '"10"', '{"p": "10"}'), (11, 'false', '{"p": false}'), (12, '[1,2]', '{"p": [1, 2]}'), (13, '-3', '{"p": -3}'), (14, NULL, NULL);
SELECT id, j FROM vp_j ORDER BY j, id;
SELECT id, j FROM vp_j ORDER BY j DESC, id;
SELECT id, j AS x FROM vp_j ORDER BY x NULLS FIRST, id;
-- differs: ORDER BY the ordinal of a jsonb column holding bare numbers (SQLite numbers sort before texts)
SELECT id, j FROM vp_j ORDER BY 2, 1;
SELECT id FROM vp_j ORDER BY m->'p', id;
-- differs: jsonb as a sort key inside an aggregate (pgfn_ordered_agg) orders by the stored text
SELECT jsonb_agg(j ORDER BY j), jsonb_agg(j ORDER BY j DESC) FROM vp_j;
SELECT id, row_number() OVER (ORDER BY j, id) FROM vp_j ORDER BY id;
SELECT count(*) FROM vp_j WHERE j > '"zzz"';
SELECT count(*) FROM vp_j WHERE j < '0';
SELECT count(*) FROM vp_j WHERE j >= '1' AND j <= '10';
SELECT count(*) FROM vp_j WHERE j BETWEEN '1' AND '10';
SELECT a.id, b.id FROM vp_j a JOIN vp_j b ON a.j < b.j WHERE a.id IN (1, 2, 8) AND b.id IN (1, 7, 10, 13) ORDER BY 1, 2;
SELECT id FROM vp_j WHERE j = '5' ORDER BY id;
SELECT '[]'::jsonb < 'null', '[1]'::jsonb > '5', '[1, 2]'::jsonb > '{}', '{}'::jsonb > '[9, 9, 9]', '"b"'::jsonb > '"ab"', '10'::jsonb > '9';
-- differs: ORDER BY a jsonb column of a UNION holding bare numbers (SQLite numbers sort before texts)
SELECT j FROM vp_j WHERE id < 5 UNION SELECT j FROM vp_j WHERE id > 10 ORDER BY 1;
SELECT DISTINCT j FROM vp_j WHERE id > 6 ORDER BY j;
-- PostgreSQL 15 has no min/max of jsonb, json, uuid, bytea or boolean.
SELECT min(j) FROM vp_j;
SELECT max(j::json) FROM vp_j;
SELECT max(gen_random_uuid());
SELECT min(true);
SELECT max('\x01'::bytea);
-- GREATEST/LEAST compare in the type's order: arrays element by element, ranges, jsonb.
SELECT greatest(j, '"x"'::jsonb), least(j, '1'::jsonb), greatest(j, NULL, 'false') FROM vp_j ORDER BY id;
DROP TABLE vp_j;
SELECT greatest(ARRAY[9], ARRAY[10]), least(ARRAY[9], ARRAY[10]), greatest(ARRAY['b'], ARRAY['a','z']), least(ARRAY[1, NULL], ARRAY[1, 2]), greatest('{}'::int[], '{0}');
SELECT greatest(ARRAY[1.5], ARRAY[1.25]), least(ARRAY[2::bigint], ARRAY[10::bigint], NULL);
SELECT greatest(int4range(1,5), int4range(2,3)), least(int4range(1,5), int4range(1,3)), greatest('empty'::int4range, int4range(1, 2)), least(numrange(1.5, 2), numrange(1.25, 9));
SELECT greatest('5'::jsonb, '"a"'::jsonb, 'null'), least('5'::jsonb, '"a"'::jsonb, '[]'), greatest('{"a": 1}'::jsonb, '{"b": 0}'), least('[2]'::jsonb, '[10]');
SELECT greatest(inet '10.0.0.2', inet '9.0.0.1'), least(inet '10.0.0.2', inet '9.0.0.1');
-- differs: refused (0A000): GREATEST/LEAST of row values
SELECT greatest(ROW(1,2), ROW(1,3));
CREATE TABLE vp_jn (id int PRIMARY KEY, j jsonb);
INSERT INTO vp_jn VALUES (1, '1.50'), (2, '1e2'), (3, '7');
-- differs: a jsonb column keeps a bare number as an SQLite number (1.50 reads back 1.5, 1e2 100)
SELECT id, j FROM vp_jn ORDER BY id;
SELECT id FROM vp_jn ORDER BY j DESC;
DROP TABLE vp_jn;
-- uuid-ossp's functions exist once CREATE EXTENSION "uuid-ossp" has run (42883 before and after DROP EXTENSION).
SELECT uuid_generate_v4() IS NOT NULL;
SELECT uuid_nil();
SELECT uuid_generate_v5(uuid_ns_url(), 'http://x');
CREATE TABLE vp_u (id uuid DEFAULT uuid_generate_v4(), n int);
SELECT gen_random_uuid() IS NOT NULL;
CREATE EXTENSION "uuid-ossp";
SELECT uuid_generate_v4() IS NOT NULL, uuid_generate_v1() IS NOT NULL, uuid_generate_v1mc() IS NOT NULL;
SELECT uuid_nil(), uuid_ns_dns(), uuid_ns_url(), uuid_ns_oid(), uuid_ns_x500();
SELECT uuid_generate_v3(uuid_ns_dns(), 'example.com'), uuid_generate_v5(uuid_ns_url(), 'http://x');
CREATE TABLE vp_u (id uuid DEFAULT uuid_generate_v4(), n int);
INSERT INTO vp_u (n) VALUES (1), (2);
SELECT count(DISTINCT id), count(*) FROM vp_u;
DROP TABLE vp_u;
DROP EXTENSION "uuid-ossp";
SELECT uuid_nil();
SELECT uuid_generate_v4();
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
SELECT uuid_nil();
DROP EXTENSION "uuid-ossp";
-- a function of the tenant's own by that name, as where the extension is not installed
CREATE FUNCTION uuid_nil() RETURNS uuid LANGUAGE sql AS $$ SELECT '00000000-0000-0000-0000-000000000001'::uuid $$;
SELECT uuid_nil();
DROP FUNCTION uuid_nil();
-- pgcrypto's functions are not built in (gen_random_uuid is core)
SELECT digest('x', 'sha256');
SELECT crypt('x', gen_salt('bf'));
SELECT gen_random_bytes(4);
-- extended
SELECT uuid_nil();
CREATE EXTENSION "uuid-ossp";
-- extended
SELECT uuid_nil();
DROP EXTENSION "uuid-ossp";
BEGIN;
CREATE EXTENSION "uuid-ossp";
SELECT uuid_ns_dns();
ROLLBACK;
SELECT uuid_ns_dns();
CREATE EXTENSION "uuid-ossp"; SELECT uuid_ns_oid();
DROP EXTENSION "uuid-ossp"; SELECT uuid_ns_oid();
