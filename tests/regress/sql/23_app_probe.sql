-- Application SQL probed against PostgreSQL 15 (issue 3: silent wrong results). Each block is a
-- difference found by probing, now answered as PostgreSQL does.
-- A string literal as a condition (WHERE, HAVING, ON, CASE WHEN, AND/OR/NOT) is read as boolean.
SELECT 'f'::bool OR 't', NOT 'f', true AND 'no', 'yes' OR false;
SELECT 1 WHERE 't';
SELECT 1 WHERE 'off';
SELECT 1 WHERE 'maybe';
SELECT 'x' AND true;
SELECT CASE WHEN 'true' THEN 1 ELSE 2 END, CASE WHEN 'f' THEN 1 ELSE 2 END;
CREATE TABLE b (id int, f boolean);
INSERT INTO b VALUES (1, true), (2, false), (3, NULL);
SELECT id, f OR 'f', f AND 'true', NOT f FROM b ORDER BY id;
SELECT id FROM b WHERE f AND 'y' ORDER BY id;
UPDATE b SET id = id + 10 WHERE 'on' AND id = 1 RETURNING id;
DELETE FROM b WHERE 'false' RETURNING id;
SELECT b1.id FROM b b1 JOIN b b2 ON 't' AND b1.id = b2.id ORDER BY 1;
SELECT count(*) FROM b HAVING 't';
DROP TABLE b;
-- to_char's ISO-year, ISO-day, week-of-month, roman month, era, zone-part and fraction patterns.
SET TimeZone = 'Asia/Kolkata';
SELECT to_char(d, 'IYYY IYY IY I IDDD ID W RM rm FMRM Y,YYY AD bc A.D. SSSSS') FROM (VALUES (date '2024-01-01'), (date '2021-01-03'), (date '2024-12-30'), (date '2024-09-09')) v(d);
SELECT to_char(timestamptz '2024-03-10 12:34:56.789123+00', 'TZH:TZM FF1 FF3 FF6 TZ OF'), to_char(timestamp '2024-03-10 12:34:56.789123', 'FF2 FF4 FF5 SSSSS');
SELECT to_char(date '2024-02-29', 'IYYYth IWth FMIDth');
RESET TimeZone;
-- A timestamptz becoming text inside SQL (||, concat, format, JSON constructors and aggregates,
-- row_to_json) shows the session's TimeZone, as its output and its cast to text do.
SET TimeZone = 'Europe/Berlin';
CREATE TABLE ap_ev (id int PRIMARY KEY, at timestamptz, ts timestamp);
INSERT INTO ap_ev VALUES (1, '2024-03-31 00:30:00+00', '2024-03-31 02:30'), (2, '2024-10-27 01:30:00+00', NULL), (3, NULL, NULL);
SELECT to_json(at), to_jsonb(at), json_build_object('at', at), jsonb_build_array(at, ts), row_to_json(e) FROM (SELECT id, at FROM ap_ev) e ORDER BY id;
SELECT jsonb_agg(at ORDER BY id), json_agg(at ORDER BY id), jsonb_object_agg(id, at), json_object_agg(id, at), jsonb_agg(at) FROM ap_ev;
SELECT 'at: ' || at, at || '!', concat('x', at), concat_ws(',', at, id), format('%s|%L', at, at) FROM ap_ev ORDER BY id;
SELECT string_agg(at::text, ';' ORDER BY id), string_agg(at || '', ';' ORDER BY id) FROM ap_ev;
SELECT at::varchar, (at || '')::timestamptz = at FROM ap_ev ORDER BY id;
SET TimeZone = 'Asia/Kolkata';
SELECT to_json(at), 'x' || at, jsonb_build_object('a', at), jsonb_set('{}', '{a}', to_jsonb(at)) FROM ap_ev ORDER BY id;
RESET TimeZone;
DROP TABLE ap_ev;
-- An aggregate's ORDER BY sorts an enum by its labels' order; array_agg of an enum is the enum's array.
CREATE TYPE ap_mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE ap_p (id int PRIMARY KEY, m ap_mood, g int);
INSERT INTO ap_p VALUES (1, 'happy', 1), (2, 'sad', 1), (3, 'ok', 2), (4, NULL, 2), (5, 'sad', 2);
SELECT array_agg(m ORDER BY m), array_agg(m ORDER BY m DESC NULLS LAST), array_agg(m) FILTER (WHERE id < 4) FROM ap_p;
SELECT g, array_agg(m ORDER BY m, id) FROM ap_p GROUP BY g ORDER BY g;
SELECT string_agg(m::text, ',' ORDER BY m DESC), jsonb_agg(m ORDER BY m), json_agg(id ORDER BY m, id) FROM ap_p;
SELECT array_agg(DISTINCT m), array_agg(DISTINCT m ORDER BY m DESC) FROM ap_p;
DROP TABLE ap_p;
-- CASE/COALESCE/GREATEST take the type the others cast to implicitly (real, not double
-- precision, over numeric and integer); lag/lead/first_value of a varchar are varchar.
CREATE TABLE ap_post (id int PRIMARY KEY, title varchar(200), price numeric(10,2), rating real, views bigint);
INSERT INTO ap_post VALUES (1, 'Hello', 9.5, 4.5, 100), (2, 'second', 12.345, 3.25, 5), (3, 'Third', NULL, NULL, 0);
SELECT CASE WHEN price > 10 THEN price ELSE rating END, pg_typeof(CASE WHEN price > 10 THEN price ELSE rating END), COALESCE(rating, price), pg_typeof(COALESCE(price, rating, 0)), LEAST(rating, 4, NULL), COALESCE(rating, 0), COALESCE(views, 1.5), pg_typeof(COALESCE(views, 1)) FROM ap_post ORDER BY id;
SELECT lag(title, 1, 'none') OVER (ORDER BY id), lead(title) OVER (ORDER BY id), first_value(title) OVER (ORDER BY id), last_value(title) OVER (ORDER BY id), nth_value(title, 2) OVER (ORDER BY id), lead(views, 1, 0) OVER (ORDER BY id), lag(rating, 1, 0) OVER (ORDER BY id) FROM ap_post ORDER BY id;
SELECT min(title), max(title), pg_typeof(max(title)) FROM ap_post;
DROP TABLE ap_post;
-- Two FROM items with one name are 42712 (not an ambiguous column); sum/avg of an untyped
-- literal are 42725 (PostgreSQL cannot choose among its sums).
CREATE TABLE ap_dt (id int);
CREATE TABLE ap_dt2 (id int);
SELECT * FROM ap_dt, ap_dt;
SELECT * FROM ap_dt JOIN ap_dt ON true;
SELECT * FROM ap_dt a, ap_dt2 a;
SELECT * FROM ap_dt, public.ap_dt;
SELECT * FROM ap_dt, (SELECT 1) AS ap_dt;
SELECT * FROM ap_dt JOIN ap_dt2 ON true, ap_dt2 x;
SELECT * FROM ap_dt, generate_series(1, 2) ap_dt;
DELETE FROM ap_dt USING ap_dt2, ap_dt2 WHERE true;
WITH x AS (SELECT 1) SELECT * FROM x, x;
SELECT * FROM ap_dt WHERE EXISTS (SELECT 1 FROM ap_dt);
SELECT * FROM ap_dt, LATERAL (SELECT ap_dt.id) AS ap_dt2;
SELECT sum('1');
SELECT avg('1');
SELECT sum(NULL);
SELECT sum('1'::int), avg(NULL::int);
DROP TABLE ap_dt, ap_dt2;
-- to_char's EEEE (scientific notation), and PostgreSQL's 42601 for templates that mix it with others.
SELECT to_char(1234.5, '9.99EEEE'), to_char(0.000123, '9.99EEEE'), to_char(-1234.5::float8, '9.9EEEE'), to_char(0, '9.99EEEE'), to_char(123456789, '9.999EEEE'), to_char(5, '9EEEE'), to_char(-0.5::real, '0.0EEEE');
SELECT to_char(1e300::float8, '9.99EEEE'), to_char('NaN'::float8, '9.99EEEE'), to_char('NaN'::numeric, '99.9EEEE'), to_char(12, '99.99eeee');
SELECT to_char(12, 'FM9.99EEEE');
SELECT to_char(12, '9.99EEEE9');
SELECT to_char(12, 'S9.99EEEE');
SELECT to_char(1.5, '9.9EEEEMI');
-- numeric + - * outside a result column (WHERE, HAVING, GROUP BY, stored values) keep the 15
-- significant digits a stored numeric has: 0.1 + 0.2 = 0.3 is true, as in PostgreSQL.
CREATE TABLE ap_li (id int, price numeric(10,2), qty int, rate numeric);
INSERT INTO ap_li VALUES (1, 19.99, 3, 0.1), (2, 0.1, 3, 0.2), (3, 1.1, 1, 1.1), (4, 10.00, 7, 0.07);
SELECT 0.1 + 0.2 = 0.3, 0.3 - 0.1 = 0.2, 1.1 * 1.1 = 1.21, 0.1 * 3 = 0.3;
SELECT id FROM ap_li WHERE price * qty = 59.97 ORDER BY id;
SELECT id FROM ap_li WHERE price * qty = 0.3 ORDER BY id;
SELECT id FROM ap_li WHERE rate + 0.2 = 0.3 OR rate * rate = 1.21 ORDER BY id;
SELECT id FROM ap_li WHERE price - rate = 9.93 ORDER BY id;
SELECT id, price * qty FROM ap_li WHERE price * qty > 0.29 ORDER BY price * qty;
SELECT sum(price * qty) FROM ap_li HAVING sum(price * qty) = 130.27;
SELECT id FROM ap_li WHERE price * qty IN (59.97, 0.3) ORDER BY id;
SELECT count(*) FROM ap_li GROUP BY price * qty = 0.3 ORDER BY 1;
UPDATE ap_li SET rate = rate + 0.2 WHERE id = 1 RETURNING rate;
SELECT id FROM ap_li WHERE rate = 0.3;
DROP TABLE ap_li;
-- BETWEEN with date/time bounds of another date/time type (a timestamp against a timestamptz)
-- converts them as PostgreSQL's x >= lo AND x <= hi does, across DST.
SET TimeZone = 'America/New_York';
CREATE TABLE ap_e (id int, at timestamptz, ts timestamp, d date);
INSERT INTO ap_e VALUES (1, '2024-03-09 12:00', '2024-03-09 12:00', '2024-03-09'), (2, '2024-03-10 12:00', '2024-03-10 12:00', '2024-03-10'), (3, '2024-11-03 00:30', '2024-11-03 00:30', '2024-11-03'), (4, '2024-11-03 01:30', '2024-11-03 01:30', '2024-11-03');
SELECT id FROM ap_e WHERE at BETWEEN timestamp '2024-11-03 00:00' AND timestamp '2024-11-03 02:00' ORDER BY id;
SELECT id FROM ap_e WHERE at NOT BETWEEN timestamp '2024-11-03 00:00' AND '2024-11-03 02:00' ORDER BY id;
SELECT id FROM ap_e WHERE at BETWEEN date '2024-03-10' AND date '2024-03-11' ORDER BY id;
SELECT id FROM ap_e WHERE d BETWEEN at - interval '1 day' AND at ORDER BY id;
SELECT id FROM ap_e WHERE ts BETWEEN SYMMETRIC at AND at - interval '1 day' ORDER BY id;
SELECT id, at BETWEEN ts AND ts + interval '1 hour', ts BETWEEN d AND d + 1 FROM ap_e ORDER BY id;
SELECT id FROM ap_e WHERE at BETWEEN '2024-03-10' AND '2024-03-11' ORDER BY id;
SELECT id FROM ap_e WHERE id BETWEEN 2 AND 3 ORDER BY id;
SELECT id FROM ap_e WHERE at > ts - interval '1 second' AND d <= at ORDER BY id;
DROP TABLE ap_e;
RESET TimeZone;
-- ORDER BY a regclass/regtype/regnamespace value sorts by OID, as PostgreSQL's, not by the name.
CREATE TABLE ap_r (id int);
SELECT oid::regclass FROM pg_class WHERE relname IN ('pg_class', 'pg_type', 'ap_r', 'pg_am') ORDER BY oid::regclass;
SELECT c.oid::regclass AS r FROM pg_class c WHERE relname IN ('pg_class', 'pg_type', 'pg_am') ORDER BY r;
SELECT c.oid::regclass AS r FROM pg_class c WHERE relname IN ('pg_class', 'pg_type', 'pg_am') ORDER BY 1 DESC;
SELECT t.oid::regtype FROM pg_type t WHERE typname IN ('int4', 'bool', 'text', 'uuid') ORDER BY 1;
SELECT typname FROM pg_type t WHERE typname IN ('int4', 'bool', 'text', 'uuid') ORDER BY t.oid::regtype DESC;
SELECT relname FROM pg_class WHERE relname IN ('pg_class', 'pg_type', 'pg_am') ORDER BY relname::regclass;
SELECT nspname FROM pg_namespace WHERE nspname IN ('pg_catalog', 'public') ORDER BY oid::regnamespace;
DROP TABLE ap_r;
-- Arrays of numbers and of texts compare and sort element by element (PostgreSQL's array_cmp),
-- not by their text: {9} < {10}, {} first; in ORDER BY, <, min/max.
SELECT ARRAY[1,10] < ARRAY[1,9], ARRAY[2] < ARRAY[10], ARRAY['a','b'] < ARRAY['a'], ARRAY[1.5] > ARRAY[1.25], ARRAY[]::int[] < ARRAY[1];
SELECT max(x) FROM (VALUES (ARRAY[2]), (ARRAY[10])) v(x);
CREATE TABLE ap_a (id int, n int[], t text[]);
INSERT INTO ap_a VALUES (1, '{10}', '{b}'), (2, '{9}', '{a,b}'), (3, '{}', '{}'), (4, NULL, '{a}'), (5, '{1,2}', '{"a b"}');
SELECT id FROM ap_a ORDER BY n, id;
SELECT id FROM ap_a ORDER BY t DESC, id;
SELECT id FROM ap_a WHERE n > '{5}' ORDER BY id;
SELECT max(n), min(t) FROM ap_a;
DROP TABLE ap_a;
-- jsonb compares and sorts in PostgreSQL's jsonb order (kinds, then counts, then members;
-- numbers by value), in <, >, ORDER BY a column or an expression such as meta->'price'.
CREATE TABLE ap_j (id int, meta jsonb, tags text[]);
INSERT INTO ap_j VALUES (1, '{"price": 10, "name": "b", "x": [1, 2]}', '{b,a}'), (2, '{"price": 9.5, "name": "a"}', '{a,b,c}'), (3, '{"price": "cheap"}', '{}'), (4, '{"price": null, "z": true}', '{a}'), (5, '[1, 2]', NULL), (6, '"str"', '{b}'), (7, '5', '{a,a}'), (8, 'true', '{}'), (9, 'null', '{c}');
SELECT id FROM ap_j WHERE id < 5 OR id = 6 ORDER BY meta, id;
SELECT id FROM ap_j ORDER BY meta->'price', id;
SELECT id FROM ap_j ORDER BY meta->'price' DESC NULLS LAST, id;
SELECT id, meta->'price' AS p FROM ap_j ORDER BY p, id;
SELECT id FROM ap_j WHERE meta->'price' > '9' ORDER BY id;
SELECT id FROM ap_j WHERE meta > '{"price": 9.6}' ORDER BY id;
SELECT '{"a": 1}'::jsonb < '{"a": 1, "b": 2}', '[3]'::jsonb < '[1, 2]', '10'::jsonb > '9', '"b"'::jsonb > '"a"', 'true'::jsonb > '1', '{}'::jsonb > '[]', 'null'::jsonb < '""';
SELECT id FROM ap_j ORDER BY tags, id;
SELECT id FROM ap_j ORDER BY array_append(tags, 'z') DESC, id;
DROP TABLE ap_j;
-- A built-in function in FROM returning one value: its alias alone means that value
-- (jsonb_array_elements(lines) l: l->>'sku'), a row text before, or 42703 in an expression.
CREATE TABLE ap_inv (id int PRIMARY KEY, lines jsonb);
INSERT INTO ap_inv VALUES (1, '[{"sku": "a", "qty": 2, "price": 10.25}, {"sku": "b", "qty": 1, "price": 100}]'), (2, '[{"sku": "a", "qty": 8, "price": 10}]'), (3, '[]');
SELECT id, l->>'sku', (l->>'qty')::int * (l->>'price')::numeric AS line_total FROM ap_inv, jsonb_array_elements(lines) l ORDER BY id, 2;
SELECT id, sum((l->>'qty')::int * (l->>'price')::numeric) FROM ap_inv LEFT JOIN LATERAL jsonb_array_elements(lines) l ON true GROUP BY id ORDER BY id;
SELECT id, l, l.value FROM ap_inv CROSS JOIN jsonb_array_elements(lines) AS l ORDER BY id, 2;
SELECT l FROM jsonb_array_elements('[1, 2]') l;
SELECT e, upper(e) FROM jsonb_array_elements_text('["a", "b"]') e;
SELECT j FROM json_array_elements('[1, {"a": 2}]') j;
SELECT k FROM jsonb_object_keys('{"a": 1, "b": 2}') k ORDER BY k;
SELECT x, x + 1 FROM unnest(ARRAY[1, 2]) x;
SELECT l, n FROM jsonb_array_elements('[1, 2]') WITH ORDINALITY AS l(v, n);
SELECT e FROM jsonb_each('{"a": 1}') e;
SELECT count(*) FROM ap_inv, jsonb_array_elements(lines) l WHERE l->>'sku' = 'a';
DROP TABLE ap_inv;
-- ORDER BY a name two different result columns carry is 42702, as in PostgreSQL.
CREATE TABLE ap_o (id int, at timestamptz, a int, b int);
INSERT INTO ap_o VALUES (1, '2024-01-01 10:00+00', 2, 1), (2, '2024-01-02 09:00+00', 1, 2);
SELECT at::date, at::time FROM ap_o ORDER BY at;
SELECT a AS x, b AS x FROM ap_o ORDER BY x;
SELECT a AS x, a AS x FROM ap_o ORDER BY x;
SELECT a, a FROM ap_o ORDER BY a;
SELECT a, b AS a FROM ap_o ORDER BY a;
SELECT a AS x, b AS x FROM ap_o ORDER BY 1;
SELECT id FROM ap_o ORDER BY id;
SELECT id AS a, a FROM ap_o ORDER BY a;
DROP TABLE ap_o;
CREATE TABLE ap_o2 (a int, b text);
INSERT INTO ap_o2 VALUES (2, 'x'), (1, 'y');
SELECT a, ap_o2.a FROM ap_o2 ORDER BY a;
SELECT a, (ap_o2).a FROM ap_o2 ORDER BY a;
SELECT a, b AS a FROM ap_o2 ORDER BY a;
SELECT a + 1 AS s, a + 1 AS s FROM ap_o2 ORDER BY s;
DROP TABLE ap_o2;
-- to_char of numbers: TH/th ordinal suffixes; 0 shows in the last 9 position of a template
-- without a decimal point (was blank).
SELECT to_char(5, '9th'), to_char(12, 'FM9th'), to_char(1, 'FM99TH'), to_char(2, '99th'), to_char(3, 'FM999th'), to_char(11, '99th'), to_char(112, 'FM999th'), to_char(23, 'FM99TH'), to_char(101, 'FM999th'), to_char(0, 'FM9th');
SELECT to_char(21.7, 'FM99th'), to_char(-3, 'FM9th'), to_char(1234, 'FM9,999th');
SELECT '[' || to_char(0, '9') || ']', '[' || to_char(0, '999') || ']', '[' || to_char(0, 'FM999') || ']', '[' || to_char(0, '9.99') || ']', '[' || to_char(0.4, '9') || ']', '[' || to_char(0, '9G999') || ']', '[' || to_char(-0.4, '999') || ']', '[' || to_char(0, 'S999') || ']', '[' || to_char(0, '999MI') || ']', '[' || to_char(0, '0.9') || ']', '[' || to_char(0, 'FM0') || ']';
-- A text value cast to boolean is read by boolin when the statement runs ('false'::text::boolean
-- was true: SQLite's x <> 0 of a text); ->> of a JSON boolean too.
CREATE TABLE ap_u (id int PRIMARY KEY, prefs jsonb, flag text);
INSERT INTO ap_u VALUES (1, '{"beta": true}', 'yes'), (2, '{"beta": false}', ' off '), (3, '{}', NULL), (4, '{"beta": "f"}', '0');
SELECT id, (prefs ->> 'beta')::boolean, (prefs -> 'beta')::boolean, flag::boolean, flag::bool AND true FROM ap_u WHERE id < 3 ORDER BY id;
SELECT id FROM ap_u WHERE (prefs ->> 'beta')::boolean ORDER BY id;
SELECT id FROM ap_u WHERE NOT flag::boolean ORDER BY id;
SELECT 'false'::text::boolean, 'no'::varchar::bool, 'f'::text::bool, ' true '::text::bool, '0'::text::bool, 1::bool, 0::boolean, 'of'::text::bool;
SELECT 'maybe'::text::bool;
SELECT (prefs ->> 'beta')::boolean FROM ap_u WHERE id = 4;
DROP TABLE ap_u;
-- A value cast to numeric, double precision or real at run time is read by the input function:
-- 'abc', '' and '12abc' are 22P02 (SQLite's CAST gave 0 or 12), 'NaN' stays NaN.
CREATE TABLE ap_c (id int, t text, j jsonb);
INSERT INTO ap_c VALUES (1, '12.50', '{"n": "12.5", "m": 3, "f": 1.5e2, "s": "abc", "d": "2024-02-30"}'), (2, ' 7 ', '{"n": "x"}'), (3, 'abc', '{}');
SELECT t::numeric FROM ap_c WHERE id = 3;
SELECT t::float8 FROM ap_c WHERE id = 3;
SELECT t::real FROM ap_c WHERE id = 2;
SELECT t::numeric(5,1) FROM ap_c WHERE id = 1;
SELECT (j->>'n')::numeric, (j->'m')::int, (j->'f')::float8, (j->>'f')::numeric FROM ap_c WHERE id = 1;
SELECT (j->>'n')::numeric FROM ap_c WHERE id = 2;
SELECT (j->>'d')::date FROM ap_c WHERE id = 1;
SELECT (j->>'s')::int FROM ap_c WHERE id = 1;
SELECT t::int FROM ap_c WHERE id = 1;
SELECT ''::text::numeric;
SELECT '12abc'::text::float8;
SELECT t::uuid FROM ap_c WHERE id = 3;
SELECT (j->'m')::numeric + 1, (j->'m')::text, (j->'s')::text FROM ap_c WHERE id = 1;
SELECT 'NaN'::text::float8, 'Infinity'::text::float8, '-inf'::text::float8, ' 2.5 '::text::real, '7'::text::float8 / 2, 'x'::text::real;
SELECT t::numeric(6,2) FROM ap_c WHERE id = 3;
DROP TABLE ap_c;
-- A real (float4) widened to double precision (real * int, real + float8, real::float8) has its
-- float's binary value, as PostgreSQL's float4_float8 (1.1 * 2 is 2.200000047683716).
CREATE TABLE ap_f (id int, r real, d float8);
INSERT INTO ap_f VALUES (1, 1.1, 0.1), (2, 2.5, 1e20), (3, NULL, -0.0), (4, 'NaN', 'Infinity');
SELECT id, r * 2, r + d, r - 1, 2 / r, r * 2.0, r::float8, r::float8 * 1, r * r, r + r FROM ap_f ORDER BY id;
SELECT pg_typeof(r * 2), pg_typeof(r + r), pg_typeof(r::float8) FROM ap_f WHERE id = 1;
SELECT id FROM ap_f WHERE r * 2 > 2.2 ORDER BY id;
DROP TABLE ap_f;
-- Two operands whose types are certain (columns, number literals) and have no common operator
-- are 42883 as in PostgreSQL (text = integer, date > integer, boolean = integer, integer + text);
-- SQLite compared or added them.
CREATE TABLE ap_t (id int PRIMARY KEY, code text, n int, v varchar(5), d date, b boolean, u uuid);
INSERT INTO ap_t VALUES (1, '10', 10, 'ab', '2024-01-01', true, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), (2, '9', 9, 'cd', '2024-02-01', false, NULL);
SELECT id FROM ap_t WHERE code = 10;
SELECT id FROM ap_t WHERE n = '10';
SELECT id FROM ap_t WHERE n = 'x';
SELECT id FROM ap_t WHERE code > n;
SELECT id FROM ap_t WHERE code = n::text ORDER BY id;
SELECT id FROM ap_t WHERE n IN ('9', '10') ORDER BY id;
SELECT id FROM ap_t WHERE d > 20240101;
SELECT id FROM ap_t WHERE b = 1;
SELECT id FROM ap_t WHERE b = 'yes' ORDER BY id;
SELECT id FROM ap_t WHERE u = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11';
SELECT id FROM ap_t WHERE u = 'bad-uuid';
SELECT id FROM ap_t WHERE v = 'ab  ' ORDER BY id;
SELECT n + code FROM ap_t;
SELECT n + '5', '5' + n, n || 'x', code || n FROM ap_t ORDER BY id;
SELECT max(code), min(n), max(d), min(v) FROM ap_t;
SELECT code FROM ap_t ORDER BY code;
SELECT n FROM ap_t ORDER BY n::text;
INSERT INTO ap_t (id, n) VALUES (3, '7.5');
INSERT INTO ap_t (id, n) VALUES (3, 7.5) RETURNING n;
INSERT INTO ap_t (id, code) VALUES (4, 123) RETURNING code;
INSERT INTO ap_t (id, v) VALUES (5, 'toolong');
INSERT INTO ap_t (id, v) VALUES (5, 'ok   ') RETURNING v, length(v);
INSERT INTO ap_t (id, b) VALUES (6, 'maybe');
INSERT INTO ap_t (id, d) VALUES (6, '2024-13-01');
UPDATE ap_t SET n = n + 0.6 WHERE id = 1 RETURNING n;
UPDATE ap_t SET code = n WHERE id = 2 RETURNING code;
SELECT id, n FROM ap_t ORDER BY id;
SELECT d + 7, d - 1, 7 + d, n * 1.5, n + 2.5, n - 1, n / 2, code || n, b AND true, v || code FROM ap_t ORDER BY id;
SELECT id FROM ap_t WHERE n > 5.5 AND v <> code AND d < '2025-01-01' AND b IS NOT NULL ORDER BY id;
SELECT id FROM ap_t WHERE n = 9.0 OR code = 'x' OR d = date '2024-02-01' ORDER BY id;
SELECT d - 20240101 FROM ap_t;
SELECT b + 1 FROM ap_t;
SELECT u = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, u::text = code FROM ap_t ORDER BY id;
DROP TABLE ap_t;
-- Window frames: RANGE with a number offset runs; with an interval offset over a timestamp too.
CREATE TABLE ap_w (id int, at timestamp, v int);
INSERT INTO ap_w VALUES (1, '2024-01-01', 1), (2, '2024-01-02', 2), (3, '2024-01-05', 3);
SELECT id, sum(v) OVER (ORDER BY id RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM ap_w ORDER BY id;
SELECT id, sum(v) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM ap_w ORDER BY id;
SELECT id, sum(v) OVER (ORDER BY at RANGE BETWEEN interval '1 day' PRECEDING AND CURRENT ROW) FROM ap_w ORDER BY id;
DROP TABLE ap_w;
