-- Application SQL probed against PostgreSQL 15, second round (issue 3: silent wrong results):
-- reporting, SaaS write patterns, JSON APIs and text functions. Each block is a difference
-- found by probing, now answered as PostgreSQL does; remaining ones are annotated.
-- date_trunc of a timestamptz below a day keeps the value's own UTC offset (the first 01:30
-- of a fall-back night truncates to 01:00-04, not to the later 01:00-05); a day and above
-- take the offset of the truncated local time.
SET TimeZone = 'America/New_York';
SELECT date_trunc('hour', timestamptz '2024-11-03 05:30+00'), date_trunc('hour', timestamptz '2024-11-03 06:30+00'), date_trunc('minute', timestamptz '2024-11-03 05:30:30+00'), date_trunc('day', timestamptz '2024-11-03 12:00+00'), date_trunc('hour', timestamptz '2024-03-10 07:30+00');
SELECT date_trunc('second', timestamptz '2024-11-03 05:30:30.5+00'), date_trunc('milliseconds', timestamptz '2024-11-03 05:30:30.5678+00'), date_trunc('microseconds', timestamptz '2024-11-03 05:30:30.5678+00');
SELECT g, date_trunc('hour', g) FROM generate_series(timestamptz '2024-11-03 04:15+00', timestamptz '2024-11-03 07:15+00', interval '1 hour') g;
SET TimeZone = 'Asia/Kolkata';
SELECT date_trunc('hour', timestamptz '2024-11-03 05:50+00'), date_trunc('week', timestamptz '2024-11-03 05:50+00'), date_trunc('hour', timestamptz '2024-11-03 05:50+00', 'UTC');
RESET TimeZone;
-- jsonb || where one side is jsonb by its type rather than by its spelling: coalesce, CASE,
-- NULLIF, a scalar subquery (it was text's ||: {"a": 1}{"z": true}).
CREATE TABLE ap2_author (id int PRIMARY KEY, name text, meta jsonb);
INSERT INTO ap2_author VALUES (1, 'ann', '{"a": 1}'), (2, 'bob', NULL);
SELECT coalesce(meta, '{}') || '{"z": true}', CASE WHEN meta IS NULL THEN '{}' ELSE meta END || '{"c": 1}', nullif(meta, '{}') || '{"q": 0}', (SELECT meta FROM ap2_author WHERE id = 1) || '[1]', coalesce(meta, '{}'::jsonb) || jsonb_build_object('k', id) FROM ap2_author ORDER BY id;
UPDATE ap2_author SET meta = coalesce(meta, '{}') || jsonb_build_object('seen', true) RETURNING id, meta;
SELECT name || coalesce(meta::text, ''), coalesce(name, 'x') || 'y', coalesce(name, 'x') || coalesce(name, 'y') FROM ap2_author ORDER BY id;
DROP TABLE ap2_author;
-- RETURNING t.* of the target, by its alias or its name (it was XX000, SQLite's "RETURNING
-- may not use TABLE.* wildcards"), also in a data-modifying WITH.
CREATE TABLE ap2_o (id int PRIMARY KEY, status text);
CREATE TABLE ap2_oi (order_id int, sku text);
INSERT INTO ap2_o VALUES (1, 'paid'), (2, 'new');
INSERT INTO ap2_oi VALUES (1, 'a'), (2, 'b');
INSERT INTO ap2_oi AS n VALUES (5, 'n') RETURNING n.*;
INSERT INTO ap2_oi VALUES (6, 'm') RETURNING ap2_oi.*, ap2_oi.sku;
DELETE FROM ap2_oi x USING ap2_o WHERE x.order_id = ap2_o.id AND ap2_o.status = 'paid' RETURNING x.*;
UPDATE ap2_oi AS t SET sku = 'd' FROM ap2_o WHERE ap2_o.id = t.order_id RETURNING t.*;
UPDATE ap2_oi SET sku = upper(sku) WHERE order_id > 4 RETURNING ap2_oi.*, sku;
WITH d AS (DELETE FROM ap2_oi x WHERE order_id = 6 RETURNING x.*) SELECT * FROM d;
WITH u AS (UPDATE ap2_oi SET sku = 'z' WHERE order_id = 5 RETURNING ap2_oi.*) SELECT order_id, sku FROM u;
-- A column of an UPDATE's FROM or a DELETE's USING table in RETURNING (it was 42703 "column
-- does not exist" and XX000, then 0A000; 28_retfrom_returning.sql).
UPDATE ap2_oi SET sku = 'c' FROM ap2_o WHERE ap2_o.id = ap2_oi.order_id RETURNING ap2_oi.*, ap2_o.status;
DELETE FROM ap2_oi x USING ap2_o o WHERE x.order_id = o.id RETURNING x.sku, o.status;
DROP TABLE ap2_o, ap2_oi;
-- regexp_replace's PostgreSQL 15 forms (start, N, flags) and the newline-sensitive flags n/m/s
-- (were 0A000).
SELECT regexp_replace('foo bar baz', 'ba(.)', 'X\1\&', 'g'), regexp_replace('aaa', 'a', 'b', 2), regexp_replace('aaaa', 'a', 'b', 2, 2), regexp_replace('AbAb', 'a', 'x', 1, 0, 'i');
SELECT regexp_replace('abcabc', 'b', 'X', 3), regexp_replace('abcabc', 'b', 'X', 1, 0), regexp_replace('abcabc', 'b', 'X', 1, 2), regexp_replace('abcabc', 'b', 'X', 1, 3), regexp_replace('héllo wörld', 'l', 'L', 4, 0), regexp_replace('abc', 'b', 'X', 10);
SELECT regexp_replace('abc', '', '-', 1, 0), regexp_replace('abc', 'x*', '-', 2, 2), regexp_replace('abc', 'b', 'X', 1, 1, 'g'), regexp_replace('abc', 'B', 'X', 1, 1, 'ig');
SELECT regexp_replace('abc', 'b', 'X', 0);
SELECT regexp_replace('abc', 'b', 'X', 1, -1);
SELECT regexp_replace('abc', 'b', 'X', NULL), regexp_replace('abc', 'b', 'X', 1, NULL), regexp_replace('abc', 'b', 'X', '2');
SELECT regexp_replace('abc', 'b', 'X', 1, 1, 'z');
SELECT regexp_replace(E'Line1\nLine2', '^L', 'l', 'gn'), regexp_replace(E'a\nb', 'a.b', 'X', 'n'), regexp_replace(E'a\nb', 'a.b', 'X', 's'), regexp_replace(E'a\nb', 'a$', 'X', 'm'), regexp_replace(E'a\nb', 'a$', 'X', 'ns');
SELECT regexp_matches(E'x\ny', '^.$', 'gn');
SELECT regexp_split_to_array(E'a\nb c', '^b', 'n'), regexp_like(E'a\nb', '^b$', 'n'), regexp_count(E'a\nab', '^a', 1, 'n');
-- Soft delete with a partial unique index, optimistic locking, upserts with RETURNING/WHERE.
CREATE TABLE ap2_users (id bigserial PRIMARY KEY, email text NOT NULL, deleted_at timestamptz, version int NOT NULL DEFAULT 1, name text);
CREATE UNIQUE INDEX ap2_users_email_live ON ap2_users (lower(email)) WHERE deleted_at IS NULL;
INSERT INTO ap2_users (email, name) VALUES ('A@x.com', 'a'), ('b@x.com', 'b') RETURNING id, email, version;
INSERT INTO ap2_users (email) VALUES ('a@X.com');
UPDATE ap2_users SET deleted_at = '2024-01-01' WHERE id = 1;
INSERT INTO ap2_users (email, name) VALUES ('a@X.com', 'a2') RETURNING id;
UPDATE ap2_users SET name = 'bb', version = version + 1 WHERE id = 2 AND version = 1 RETURNING id, version;
UPDATE ap2_users SET name = 'bbb', version = version + 1 WHERE id = 2 AND version = 1 RETURNING id, version;
INSERT INTO ap2_users (email, name) VALUES ('a@x.com', 'dup') ON CONFLICT (lower(email)) WHERE deleted_at IS NULL DO UPDATE SET name = excluded.name, version = ap2_users.version + 1 RETURNING name, version;
INSERT INTO ap2_users (email, name) VALUES ('a@x.com', 'dup') ON CONFLICT (lower(email)) WHERE deleted_at IS NULL DO UPDATE SET name = excluded.name WHERE ap2_users.name <> excluded.name RETURNING name;
SELECT count(*) FILTER (WHERE deleted_at IS NULL) AS live, count(*) FROM ap2_users;
DROP TABLE ap2_users;
-- ARE's embedded options at the head of a pattern: (?i), (?c), (?n), (?s) (were 2201B).
SELECT 'Ab' ~ '(?i)a', 'Ab' ~* '(?c)a', regexp_replace('aAb', '(?i)a', 'x', 'g'), regexp_replace(E'a\nb', '(?n)a.b', 'X'), regexp_match('ABC', '(?i)(b)(c)'), 'x(?i)a' ~ 'x(?i)a';
SELECT 'a' ~ '(?)a';
-- differs: ARE's expanded syntax (?x) is not POSIX's: 2201B
SELECT 'a' ~ '(?x) a';
-- hashtext and hashtextextended, PostgreSQL's numbers, for advisory lock keys (were 0A000).
SELECT hashtext('job-1'), hashtext(''), hashtext('a'), hashtext('abcdefghijkl'), hashtext('abcdefghijklmnopqrstuvwxyz0123'), hashtext('héllo wörld!'), hashtext(NULL);
SELECT hashtextextended('a', 0), hashtextextended('abcdefghijklm', 42), hashtextextended('', -1), hashtextextended('x', NULL), hashtext(42::text), hashtext('x'::varchar);
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('job-1')), pg_try_advisory_xact_lock(hashtext('job-2'));
SELECT pg_try_advisory_lock(hashtextextended('tenant:7', 0)), pg_advisory_unlock(hashtextextended('tenant:7', 0));
COMMIT;
-- sum/avg of double precision: a moving window frame adds its values up again in row order
-- when a row leaves it (0.25, not SQLite's subtracted 0.25000000000000006), and a NaN among
-- the values makes the sum NaN (SQLite added the stored text 'NaN' as 0).
CREATE TABLE ap2_m (id int PRIMARY KEY, f float8, r real);
INSERT INTO ap2_m VALUES (1, 1.5, 1.5), (2, 2.5, 2.5), (3, NULL, NULL), (4, 0.1, 0.25), (5, 0.2, 0.5), (6, 0.3, 0.75), (7, 10, 10);
SELECT id, f, sum(f) OVER w, avg(f) OVER w, sum(f) OVER (ORDER BY id), avg(f) OVER (ORDER BY id), sum(f) OVER (ORDER BY f RANGE BETWEEN 0.15 PRECEDING AND 0.15 FOLLOWING), avg(r) OVER w FROM ap2_m WINDOW w AS (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) ORDER BY id;
SELECT id, sum(f) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW), avg(f) OVER (ORDER BY id GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING), sum(f) OVER (PARTITION BY id % 2 ORDER BY id ROWS 1 PRECEDING) FROM ap2_m ORDER BY id;
SELECT sum(f), avg(f), sum(DISTINCT f), avg(f) FILTER (WHERE id > 3), sum(r), avg(r), pg_typeof(sum(f)), pg_typeof(avg(r)) FROM ap2_m;
SELECT sum(f), avg(f) FROM ap2_m WHERE false;
INSERT INTO ap2_m VALUES (8, 'NaN', 'NaN'), (9, 'Infinity', 'Infinity'), (10, '-Infinity', '-Infinity');
SELECT sum(f), avg(f), sum(f) FILTER (WHERE id < 9), sum(f) FILTER (WHERE id >= 9), avg(f) FILTER (WHERE id = 9), avg(r) FROM ap2_m;
SELECT id, f, sum(f) OVER (ORDER BY id ROWS 1 PRECEDING), avg(f) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM ap2_m ORDER BY id;
SELECT id % 3, sum(f), avg(f) FROM ap2_m GROUP BY 1 ORDER BY 1;
SELECT sum(x) FROM (VALUES (1e308::float8), (1e308::float8)) v(x);
SELECT sum(x), avg(x) FROM (VALUES ('NaN'::float8), ('Infinity'), (1.5)) v(x);
DROP TABLE ap2_m;
-- extract(...) compared, filtered or grouped is a number (it was decimal text, never equal to
-- an integer: WHERE extract(year FROM d) = 2024 found no rows); in a result column it keeps
-- PostgreSQL's scale (5.500000).
CREATE TABLE ap2_ev (id int PRIMARY KEY, at timestamptz, d date, dur interval, ts timestamp);
INSERT INTO ap2_ev VALUES (1, '2024-01-31 23:30:00+00', '2024-01-31', '1 day 02:00:00', '2024-01-31 23:30'), (2, '2024-02-29 12:00:00+00', '2024-02-29', '-3 hours', '2024-02-29 12:00'), (3, '2024-12-31 00:00:01.5+00', '2024-12-31', '1 mon 2 days', '2024-12-31 00:00:01.5'), (4, NULL, NULL, NULL, NULL);
SELECT id, extract(dow FROM d) = 3, extract(year FROM d) = 2024, date_part('dow', d) = 3, extract(dow FROM at) = 3, extract(month FROM ts) = 1, extract(dow FROM d) > 2, extract(second FROM at), extract(epoch FROM at) > 1.7e9, extract(epoch from at) FROM ap2_ev ORDER BY id;
SELECT count(*) FROM ap2_ev WHERE extract(year FROM d) = 2024 AND extract(epoch FROM dur) > 0;
SELECT id FROM ap2_ev WHERE extract(dow FROM d) IN (3, 4) OR extract(hour FROM ts) BETWEEN 10 AND 12 ORDER BY id;
SELECT extract(day FROM d) AS dd, count(*) FROM ap2_ev GROUP BY extract(day FROM d) ORDER BY 1;
SELECT extract(month FROM d), sum(id) FROM ap2_ev GROUP BY 1 ORDER BY 1 DESC NULLS LAST;
SELECT DISTINCT extract(year FROM d) FROM ap2_ev ORDER BY 1;
SELECT extract(second FROM at) + 1, extract(epoch FROM at) * 1000, extract(minute FROM at)::int, round(extract(epoch FROM dur) / 3600, 2), extract(second FROM at) = 1.5 FROM ap2_ev ORDER BY id;
SELECT CASE WHEN extract(dow FROM d) IN (0, 6) THEN 'weekend' ELSE 'weekday' END, extract(isodow FROM d) < 6 FROM ap2_ev ORDER BY id;
SELECT id FROM ap2_ev ORDER BY extract(dow FROM d) NULLS FIRST, id;
SELECT max(extract(epoch FROM dur)), min(extract(day FROM d)), sum(extract(hour FROM ts)) FROM ap2_ev;
SELECT coalesce(extract(day FROM d), 0), greatest(extract(day FROM d), 30) FROM ap2_ev ORDER BY id;
SELECT d, extract(dow FROM d) IN (0, 6) AS weekend FROM generate_series(date '2024-03-01', date '2024-03-04', '1 day') d;
CREATE VIEW ap2_ev_v AS SELECT id, extract(year FROM d) AS y, extract(second FROM at) AS s FROM ap2_ev;
SELECT id, y FROM ap2_ev_v WHERE y = 2024 ORDER BY id;
-- differs: a view's numeric expression column holds the value, not its display scale (0, PostgreSQL 0.000000)
SELECT * FROM ap2_ev_v WHERE y = 2024 ORDER BY id;
DROP VIEW ap2_ev_v;
DROP TABLE ap2_ev;
-- to_number and trim_scale compared or sorted are numbers (their decimal text was compared
-- as text: to_number(s, '9,999.99') > 5 held for every row).
CREATE TABLE ap2_t (id int PRIMARY KEY, s text);
INSERT INTO ap2_t VALUES (1, '12.5'), (2, '7'), (3, '3.75'), (4, '1,234.50');
SELECT id FROM ap2_t WHERE to_number(s, '9,999.99') > 5 ORDER BY id;
SELECT id, to_number(s, '9,999.99'), to_number(s, '9,999.99') + 1, to_number(s, '9,999.99') * 2 FROM ap2_t ORDER BY id;
SELECT id FROM ap2_t ORDER BY to_number(s, '9,999.99');
SELECT max(to_number(s, '9,999.99')), sum(to_number(s, '9,999.99')) FROM ap2_t;
SELECT DISTINCT to_number(s, '9,999.99') FROM ap2_t ORDER BY 1;
SELECT to_number('-12,454.8', '99G999D9S'), to_number('1,234', '9,999') = 1234;
SELECT count(*) FILTER (WHERE trim_scale(1.500) = 1.5), count(*) FILTER (WHERE trim_scale(to_number(s, '9,999.99')) < 10) FROM ap2_t;
SELECT trim_scale(1.500), trim_scale(replace(s, ',', '')::numeric * 1.000), scale(1.50), min_scale(1.50) FROM ap2_t ORDER BY id;
DROP TABLE ap2_t;
-- A jsonb cast to a number or boolean type reads its scalar as PostgreSQL's jsonb_numeric/jsonb_bool:
-- an integer type rounds (7.5 is 8, was 22P02), another kind of value is 22023 "cannot cast jsonb
-- string to type integer" (was 22P02, and 1::bool was true); json has no such casts (42846).
SELECT ('7.5'::jsonb)::int, ('7.4'::jsonb)::bigint, ('-2.5'::jsonb)::smallint, ('7.5'::jsonb)::numeric, ('7.5'::jsonb)::float8, ('true'::jsonb)::bool, ('1e2'::jsonb)::int, ('0.1'::jsonb)::real, ('12.345'::jsonb)::numeric(5,1);
SELECT ('"7"'::jsonb)::int;
SELECT ('"7"'::jsonb)::numeric;
SELECT ('"7"'::jsonb)::float8;
SELECT ('1'::jsonb)::bool;
SELECT ('null'::jsonb)::int;
SELECT ('[1]'::jsonb)::numeric;
SELECT ('{}'::jsonb)::bool;
SELECT ('7'::json)::int;
SELECT ('true'::json)::boolean;
SELECT ('99999999999'::jsonb)::int;
CREATE TABLE ap2_jt (id int PRIMARY KEY, j jsonb, jj json);
INSERT INTO ap2_jt VALUES (1, '{"k": 7.5, "b": true, "s": "x"}', '{"k": 1}'), (2, '{"k": 2, "b": false}', NULL), (3, NULL, NULL);
SELECT id, (j->'k')::int, (j->'k')::numeric * 2, (j->'b')::boolean, (j->>'k')::int FROM ap2_jt ORDER BY id;
SELECT id FROM ap2_jt WHERE (j->'k')::int >= 7 OR (j->'b')::bool ORDER BY id;
SELECT (j->'s')::int FROM ap2_jt WHERE id = 1;
SELECT (jj->'k')::int FROM ap2_jt WHERE id = 1;
SELECT sum((j->'k')::numeric), max((j->'k')::float8) FROM ap2_jt;
SELECT ('7.5'::jsonb)::text, ('7.5'::jsonb)::json, ('"a"'::jsonb)::varchar;
DROP TABLE ap2_jt;
-- Aggregates and window functions in RETURNING are PostgreSQL's 42803/42P20 (a window
-- function was XX000, SQLite's "misuse of window function lag()").
CREATE TABLE ap2_r (id serial PRIMARY KEY, name text, n int);
INSERT INTO ap2_r (name, n) VALUES ('i', 1), ('j', 2) RETURNING id - lag(id) OVER () IS NULL;
INSERT INTO ap2_r (name, n) VALUES ('i', 1) RETURNING count(*);
UPDATE ap2_r SET n = n + 1 RETURNING sum(n);
UPDATE ap2_r SET n = n + 1 RETURNING row_number() OVER ();
DELETE FROM ap2_r RETURNING max(id);
DELETE FROM ap2_r WHERE id = 99 RETURNING rank() OVER (ORDER BY id);
INSERT INTO ap2_r (name, n) SELECT 'z', count(*) FROM ap2_r RETURNING name, n;
WITH u AS (UPDATE ap2_r SET n = 0 WHERE name = 'z' RETURNING n) SELECT count(*) FROM u;
-- differs: a subquery in RETURNING that reads the statement's own target is 0A000 (SQLite's would see the rows as the statement leaves them)
INSERT INTO ap2_r (name, n) VALUES ('k', 3) RETURNING name, (SELECT max(n) FROM ap2_r x WHERE x.n < ap2_r.n);
-- differs: a subquery in RETURNING that reads the statement's own target is 0A000 (SQLite's would see the rows as the statement leaves them)
INSERT INTO ap2_r (name, n) VALUES ('l', 4) RETURNING (SELECT count(*) FROM ap2_r);
DROP TABLE ap2_r;
-- A char(n) value printed by its output function is padded to n: concat, concat_ws, format,
-- array_agg, to_json, json_build_object, a row's text (they dropped the blanks); a cast to
-- text and || do not pad, as in PostgreSQL.
CREATE TABLE ap2_doc (id int PRIMARY KEY, body jsonb, title varchar(50), code char(5));
INSERT INTO ap2_doc VALUES (1, '{"user": {"name": "Ann", "tags": ["x", "y"]}, "score": 9.5}', 'Hello World', 'ab'), (2, '{"user": {"name": "Bob", "tags": []}, "score": null}', 'second', 'abcde'), (3, '[1, 2, {"a": 3}]', NULL, NULL);
SELECT code || '|', concat(code, '|'), format('%s|', code), to_json(code), code::text || '|', row(code)::text, json_build_object('c', code), concat_ws(',', code, 'x') FROM ap2_doc ORDER BY id;
SELECT array_agg(code ORDER BY id), string_agg(code, ',' ORDER BY id), jsonb_agg(code ORDER BY id) FROM ap2_doc;
SELECT row_to_json(x), to_jsonb(x) FROM (SELECT id, title, code FROM ap2_doc) x ORDER BY x.id;
SELECT row_to_json(d) FROM ap2_doc d WHERE id = 1;
-- jsonb || beside a -> / #> path is jsonb's (it was text's, and jsonb_set then 22P02).
UPDATE ap2_doc SET body = jsonb_set(body, '{user,tags}', (body->'user'->'tags') || '"new"') WHERE id = 2 RETURNING body;
SELECT body #> '{user,tags}' || '["z"]', (body -> 'user') || '{"k": 1}', body #- '{user}' || '{"k": 1}' FROM ap2_doc WHERE id = 1;
SELECT '{"a":1}'::jsonb = '{"a":1.0}'::jsonb, '[1,2]'::jsonb @> '[2]';
DROP TABLE ap2_doc;
