-- Column types of views over expressions (RowDescription, pg_attribute, information_schema,
-- format_type), of CREATE TABLE AS and materialized views; pg_typeof of an aggregate.
CREATE TABLE vt_t (id integer PRIMARY KEY, amount numeric, price numeric(10,2), qty smallint, name varchar(20), created_at timestamptz, flag boolean);
INSERT INTO vt_t VALUES (1, 3, 2.50, 3, 'a', '2024-01-02 03:04:05+00', true), (2, 7, 10.00, 1, 'bb', '2024-02-03 00:00:00+00', false);
CREATE VIEW vt_v AS SELECT id, amount * 2 AS dbl, qty::bigint AS d, count(*) OVER () AS n FROM vt_t;
SELECT * FROM vt_v ORDER BY id;
SELECT id, dbl, d, n FROM vt_v ORDER BY id;
CREATE VIEW vt_scaled AS SELECT id, price * 2 AS p2 FROM vt_t;
-- a numeric expression column shows the display scale PostgreSQL's values carry (5.00)
SELECT * FROM vt_scaled ORDER BY id;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'vt_scaled'::regclass AND attname = 'p2';
CREATE VIEW vt_typmods AS SELECT -price AS neg, price::numeric(6,1) AS p61, name::varchar(5) AS v5, CAST(qty AS numeric(4,0)) AS q40, abs(price) AS ab FROM vt_t;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_typmods'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT p61, v5, q40 FROM vt_typmods ORDER BY p61;
SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.atttypid::regtype FROM pg_attribute a WHERE a.attrelid = 'vt_v'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT column_name, data_type, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = 'vt_v' ORDER BY ordinal_position;
CREATE VIEW vt_exprs AS SELECT id + 1 AS i1, qty * 2 AS s2, id::bigint AS big, price::numeric(8,1) AS p1, name || '!' AS bang, upper(name) AS up, length(name) AS len, flag AND id > 1 AS both_, id::float8 / 3 AS third, 'lit' AS lit, NULL::integer AS ni, ARRAY[id] AS arr, id::text AS idt FROM vt_t;
SELECT * FROM vt_exprs ORDER BY i1;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_exprs'::regclass AND a.attnum > 0 ORDER BY a.attnum;
CREATE VIEW vt_agg AS SELECT flag, count(*) AS cnt, sum(amount) AS total, avg(qty) AS mean, max(created_at) AS latest, sum(qty) AS sq FROM vt_t GROUP BY flag;
SELECT flag, cnt, total, latest, sq FROM vt_agg ORDER BY flag;
-- differs: a view's avg is computed in binary and shown with 16 significant digits (PostgreSQL: 1.00000000000000000000)
SELECT mean FROM vt_agg ORDER BY flag;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_agg'::regclass AND a.attnum > 0 ORDER BY a.attnum;
CREATE VIEW vt_named (k, doubled) AS SELECT id, amount * 2 FROM vt_t;
SELECT * FROM vt_named ORDER BY k;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_named'::regclass AND a.attnum > 0 ORDER BY a.attnum;
CREATE VIEW vt_over AS SELECT * FROM vt_v WHERE n > 0;
SELECT * FROM vt_over ORDER BY id;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_over'::regclass AND a.attnum > 0 ORDER BY a.attnum;
CREATE OR REPLACE VIEW vt_v AS SELECT id, amount * 2 AS dbl, qty::bigint AS d, count(*) OVER () AS n, id * 10 AS ten FROM vt_t;
SELECT * FROM vt_v ORDER BY id;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_v'::regclass AND a.attnum > 0 ORDER BY a.attnum;
CREATE OR REPLACE VIEW vt_v AS SELECT id, amount * 2 AS dbl, qty::bigint::text AS d, count(*) OVER () AS n, id * 10 AS ten FROM vt_t;
CREATE OR REPLACE VIEW vt_v AS SELECT id, amount * 2 AS dbl, qty::bigint AS d, (count(*) OVER ())::numeric AS n, id * 10 AS ten FROM vt_t;
CREATE OR REPLACE VIEW vt_v AS SELECT id, amount * 2 AS dbl, qty::bigint AS d, count(*) OVER () AS n, id * 10 AS ten, upper(name) AS up FROM vt_t;
SELECT * FROM vt_v ORDER BY id;
CREATE TEMP VIEW vt_tv AS SELECT id * 2 AS twice, sum(amount) OVER (ORDER BY id) AS running FROM vt_t;
SELECT * FROM vt_tv ORDER BY twice;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_tv'::regclass AND a.attnum > 0 ORDER BY a.attnum;
ALTER VIEW vt_named RENAME TO vt_named2;
SELECT * FROM vt_named2 ORDER BY k;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_named2'::regclass AND a.attnum > 0 ORDER BY a.attnum;
DROP VIEW vt_named2;
CREATE TABLE vt_named2 (k text, doubled text);
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_named2'::regclass AND a.attnum > 0 ORDER BY a.attnum;
DROP TABLE vt_named2;
ALTER TABLE vt_t ADD COLUMN extra integer;
SELECT * FROM vt_v ORDER BY id;
CREATE TABLE vt_ctas AS SELECT id, amount * 2 AS dbl, created_at::date AS d, count(*) OVER () AS n FROM vt_t;
SELECT * FROM vt_ctas ORDER BY id;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_ctas'::regclass AND a.attnum > 0 ORDER BY a.attnum;
CREATE MATERIALIZED VIEW vt_mv AS SELECT id, amount * 2 AS dbl, created_at::date AS d, count(*) OVER () AS n FROM vt_t;
SELECT * FROM vt_mv ORDER BY id;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_mv'::regclass AND a.attnum > 0 ORDER BY a.attnum;
-- pg_typeof of an aggregate is one row, as the aggregate makes the query an aggregating one
SELECT pg_typeof(sum(price)) FROM vt_t;
SELECT pg_typeof(count(*)) FROM vt_t;
SELECT pg_typeof(sum(qty)), pg_typeof(avg(id)) FROM vt_t;
SELECT pg_typeof(max(name)) FROM vt_t WHERE false;
SELECT flag, pg_typeof(count(*)) FROM vt_t GROUP BY flag ORDER BY flag;
SELECT pg_typeof(sum(price) + 1) FROM vt_t;
SELECT pg_typeof(count(*) OVER ()) FROM vt_t;
SELECT pg_typeof(price) FROM vt_t ORDER BY 1;
SELECT coalesce(sum(price), 0)::text FROM vt_t;
SELECT coalesce(sum(amount), 0)::text FROM vt_t WHERE false;
SELECT length(string_agg(name, ',')) FROM vt_t;
SELECT upper(max(name)), abs(min(qty)) FROM vt_t;
SELECT pg_typeof((SELECT sum(qty) FROM vt_t)) FROM vt_t ORDER BY 1;
SELECT pg_typeof(array_agg(id)), pg_typeof(string_agg(name, ',')) FROM vt_t;
SELECT pg_typeof(bool_and(id > 0)) FROM vt_t HAVING count(*) > 0;
SELECT pg_typeof(count(*)) FROM vt_t GROUP BY id ORDER BY 1;
-- computed columns of a subquery, a CTE, a UNION, arrays
CREATE VIEW vt_sub AS SELECT * FROM (SELECT id * 2 AS x, name FROM vt_t) s;
SELECT * FROM vt_sub ORDER BY x;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_sub'::regclass AND a.attnum > 0 ORDER BY a.attnum;
CREATE VIEW vt_union AS SELECT id * 2 AS x FROM vt_t UNION ALL SELECT 7;
SELECT * FROM vt_union ORDER BY x;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_union'::regclass AND a.attnum > 0 ORDER BY a.attnum;
CREATE VIEW vt_cte AS WITH w AS (SELECT id + 0.5 AS h, price FROM vt_t) SELECT h > 1 AS big, price FROM w;
SELECT * FROM vt_cte ORDER BY price;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_cte'::regclass AND a.attnum > 0 ORDER BY a.attnum;
CREATE VIEW vt_arr AS SELECT array_append(ARRAY[id], 3) AS a3, coalesce(qty, 0) AS cq FROM vt_t;
SELECT * FROM vt_arr ORDER BY cq;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'vt_arr'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_name IN ('vt_arr', 'vt_cte') ORDER BY table_name, ordinal_position;
SELECT pg_typeof('{10/8}'::cidr[]), pg_typeof(ARRAY['1.2.3.4'::inet]), pg_typeof(ARRAY[1,2]), pg_typeof('{a}'::text[]);
-- ALTER COLUMN TYPE of a column a view reads: 0A000, as in PostgreSQL
ALTER TABLE vt_t ALTER COLUMN qty TYPE integer;
-- views over date/time casts, arithmetic, extract, to_char and range constructors (their
-- functions read the session's TimeZone: innocuous, usable in a view with trusted_schema off)
CREATE TABLE vt_dt (id int PRIMARY KEY, created_at timestamptz, at timestamp, d date);
INSERT INTO vt_dt VALUES (1, '2024-03-10 12:00:00+00', '2024-03-10 12:00:00', '2024-03-10');
CREATE VIEW vt_dtv AS SELECT id, created_at::date AS cd, at + interval '1 day' AS nxt, d - 1 AS prev, date_trunc('month', at) AS m, extract(year FROM d) AS y, to_char(at, 'YYYY') AS ys FROM vt_dt;
SELECT * FROM vt_dtv;
SELECT id, cd FROM vt_dtv WHERE cd = '2024-03-10';
CREATE VIEW vt_rv AS SELECT id, int4range(id, id + 10) AS r, tstzrange(created_at, created_at + interval '1 hour') AS during, date_part('dow', d) AS dow, age(d, date '2024-01-01') AS a FROM vt_dt;
SELECT * FROM vt_rv;
-- DROP COLUMN of a column a view reads: 2BP01, as in PostgreSQL
CREATE TABLE vt_dc (id int PRIMARY KEY, a int, b int);
CREATE VIEW vt_dcv AS SELECT id, a FROM vt_dc;
ALTER TABLE vt_dc DROP COLUMN a;
ALTER TABLE vt_dc DROP COLUMN b;
SELECT * FROM vt_dcv;
