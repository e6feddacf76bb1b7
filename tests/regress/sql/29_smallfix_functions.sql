-- Small translator fixes: abs() and @ of numerics keep their display scale; HAVING without
-- FROM; concat/concat_ws/format with VARIADIC array; operator functions called by name
-- (int4pl(1, 2) is 1 + 2); E'\u061' is 22025.
CREATE TABLE sf_items (id int PRIMARY KEY, label text, price numeric(8,3), ok boolean, code varchar(5), qty bigint);
INSERT INTO sf_items VALUES (1, 'bolt', 1.50, true, 'b1', 10), (2, NULL, -2.250, false, NULL, 20);

-- abs and @ of a numeric, a numeric parameter of a prepared statement
PREPARE sf_abs(numeric) AS SELECT abs($1) AS a, @ $1 AS b, abs($1) * 2 AS c, round($1, 1) AS r, trunc($1) AS t;
EXECUTE sf_abs(-1.50);
EXECUTE sf_abs(0.000);
EXECUTE sf_abs('NaN');
PREPARE sf_minmax(numeric) AS SELECT greatest($1, 1.0) AS g, least($1, 0.5) AS l, coalesce($1, 2.000) AS c;
EXECUTE sf_minmax(-1.50);
EXECUTE sf_minmax(NULL);
SELECT id, abs(price), @ price, abs(-price) FROM sf_items ORDER BY id;
-- extended
SELECT abs(-12345678901234567890.123), @ -0.10, abs(-7::numeric(6,3));

-- HAVING without GROUP BY: one group of all the rows, also without FROM
SELECT 1 AS one HAVING 1 < 2;
SELECT 1 AS one HAVING 1 > 2;
SELECT 'x' AS x WHERE false HAVING 1 < 2;
SELECT 1 AS one HAVING count(*) = 1;
SELECT 1 AS one HAVING count(*) = 2;
SELECT 2 + 2 AS four HAVING true ORDER BY 1;
-- extended
SELECT 1 AS one HAVING 1 < 2 UNION ALL SELECT 2;
SELECT 1 AS one FROM sf_items HAVING 1 < 2;
SELECT 1 AS one FROM sf_items WHERE false HAVING 1 < 2;
SELECT 1 AS one FROM sf_items HAVING false;

-- concat, concat_ws and format with VARIADIC array
SELECT concat(VARIADIC ARRAY['a', 'b', NULL]), concat_ws(',', VARIADIC ARRAY['a', NULL, 'b']),
       format('%s-%s', VARIADIC ARRAY['a', 'b']);
SELECT concat(VARIADIC ARRAY[1, 2]), concat(VARIADIC ARRAY[true, false]),
       concat(VARIADIC ARRAY[1.50, 2.0]), format('%s', VARIADIC ARRAY[1.5::float8]);
SELECT concat(VARIADIC NULL::text[]) IS NULL AS c, concat_ws(',', VARIADIC NULL::text[]) IS NULL AS w,
       concat_ws(NULL, VARIADIC ARRAY['a']) IS NULL AS s, format(NULL, VARIADIC ARRAY['a']) IS NULL AS f;
SELECT concat(VARIADIC ARRAY[]::text[]), format('x', VARIADIC ARRAY[]::text[]);
SELECT concat(VARIADIC '{{a,b},{c,d}}'::text[]), format('%s %s', VARIADIC '{{a,b},{c,d}}'::text[]);
SELECT format('%2$s %1$L %s|', VARIADIC ARRAY['a', NULL, 'c']), format('%*s|', VARIADIC ARRAY[5, 7]),
       format('%*s|', VARIADIC ARRAY['4', 'x']);
SELECT format('%L %I', VARIADIC ARRAY['it''s', 'A b']), concat(VARIADIC ARRAY['"q"', 'a,b', 'c\d']);
SELECT format('%s', VARIADIC ARRAY['2024-01-01'::date]), format('[%s]', VARIADIC ARRAY['{x}', ' y ']);
SELECT id, concat(VARIADIC ARRAY[label, 'q']), concat_ws('-', VARIADIC ARRAY[id::text, label]),
       format('%s|%s', VARIADIC ARRAY[id::text, label]) FROM sf_items ORDER BY id;
-- extended
SELECT concat_ws('/', VARIADIC ARRAY['x', 'y']);
SELECT format('%s', VARIADIC ARRAY[]::text[]);
SELECT format('%I', VARIADIC ARRAY[NULL::text]);
SELECT concat(VARIADIC 'a');
SELECT concat(VARIADIC '{a,b}');
SELECT concat('x', VARIADIC ARRAY['a']);
SELECT concat_ws(',', 'x', VARIADIC ARRAY['a']);

-- operator functions called by name
SELECT booleq(true, false), int4pl(1, 2), texteq('a', 'a'), textcat('a', 'b'), int8mul(3, 4);
SELECT int4mi(5, 3), int4mul(2, 3), int4div(7, 2), int4lt(1, 2), float8pl(1.5, 2);
SELECT numeric_add(1.5, 2.25), textne('a', 'b'), int4eq(1, 1), int8pl(1, 2), int48pl(1, 2);
SELECT int4pl('1', '2'), int4um(5), int8um(7), numeric_uminus(1.50), float8um(2.5);
SELECT float8mul(2, 3.5), float48pl(1.5, 2), float4pl(1.5, 2), int2pl(1::int2, 2::int2), int24pl(1::int2, 2);
SELECT int4and(6, 3), int4or(6, 3), int4shl(1, 4), textlike('abc', 'a%'), textnlike('abc', 'a%');
SELECT date_pli('2024-01-01', 5), pg_catalog.int4pl(1, 2);
SELECT id, booleq(ok, true), int4pl(id, 1), texteq(label, 'bolt'), textcat(label, 'y'), int8mul(qty, 2),
       numeric_add(price, 1), textcat(code, 'z') FROM sf_items ORDER BY id;
SELECT id FROM sf_items WHERE int4gt(id, 1);
-- extended
SELECT int4pl(40, 2), texteq('x', 'y');
SELECT int4pl(2147483647, 1);
SELECT int4div(1, 0);
SELECT int4pl(1.5, 2);
SELECT int4pl(1);
SELECT int4pl(1, 2, 3);
SELECT int4pl(a => 1, b => 2);
SELECT int4pl(id, 1.5) FROM sf_items;

-- an untyped literal beside an integer in arithmetic is read as that integer type
SELECT 3 + 'h';
SELECT 'x' * id FROM sf_items;
SELECT qty - '1.5' FROM sf_items;
SELECT 2::int2 + ' 40 ', id + '-1', qty * '3' FROM sf_items ORDER BY id;
SELECT 1.5 + '2.25', '4' / 2;
CREATE DOMAIN sf_bad AS int DEFAULT 3 + 'h';
CREATE TABLE sf_bad (a int DEFAULT 2 * 'x');

-- a short Unicode escape in an E'' string: 22025 at the escape
SELECT E'\u061';
SELECT 'x' || E'ab\U0000061';
SELECT E'\u0061', E'\U00000061';
SELECT U&'\061';

-- the SQL-standard regular expression substring (more in 30_leftovers_simsub.sql)
SELECT substring('foobar' SIMILAR '%#"o_b#"%' ESCAPE '#');
SELECT substring('foobar' FROM '%#"o_b#"%' FOR '#');
CREATE TABLE sf_checked (a int CONSTRAINT sf_checked_pos CHECK (a > 0));
COMMENT ON CONSTRAINT sf_checked_pos ON sf_checked IS 'positive';
