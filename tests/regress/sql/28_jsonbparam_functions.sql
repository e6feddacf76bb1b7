-- The same operators on the arguments of SQL and PL/pgSQL functions (named and $n), which
-- the body sees as parameters of the declared types (xlat_plbind.c).
CREATE FUNCTION s_jc(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql AS 'SELECT a || b';
CREATE FUNCTION p_jc(a jsonb, b jsonb) RETURNS jsonb LANGUAGE plpgsql AS 'BEGIN RETURN a || b; END';
CREATE FUNCTION s_jcn(jsonb, jsonb) RETURNS jsonb LANGUAGE sql AS 'SELECT $1 || $2';
CREATE FUNCTION s_jcl(a jsonb) RETURNS jsonb LANGUAGE sql AS 'SELECT a || ''{"z":0}''';
CREATE FUNCTION p_jcl(a jsonb) RETURNS jsonb LANGUAGE plpgsql AS 'BEGIN RETURN ''{"z":0}'' || a; END';
CREATE FUNCTION s_jd(a jsonb, k text) RETURNS jsonb LANGUAGE sql AS 'SELECT a - k';
CREATE FUNCTION p_jd(a jsonb, k text) RETURNS jsonb LANGUAGE plpgsql AS 'BEGIN RETURN a - k; END';
CREATE FUNCTION s_jdl(a jsonb) RETURNS jsonb LANGUAGE sql AS 'SELECT a - ''a''';
CREATE FUNCTION p_jdi(a jsonb, i int) RETURNS jsonb LANGUAGE plpgsql AS 'BEGIN RETURN a - i; END';
CREATE FUNCTION s_jct(a jsonb, b jsonb) RETURNS boolean LANGUAGE sql AS 'SELECT a @> b';
CREATE FUNCTION p_jct(a jsonb, b jsonb) RETURNS boolean LANGUAGE plpgsql AS 'BEGIN RETURN a @> b AND b <@ a; END';
CREATE FUNCTION s_jq(a jsonb, k text) RETURNS boolean LANGUAGE sql AS 'SELECT a ? k';
CREATE FUNCTION p_jq(a jsonb, k text) RETURNS boolean LANGUAGE plpgsql AS 'BEGIN RETURN a ? k; END';
CREATE FUNCTION s_jg(a jsonb, k text) RETURNS jsonb LANGUAGE sql AS 'SELECT a -> k';
CREATE FUNCTION p_jg(a jsonb, k text) RETURNS text LANGUAGE plpgsql AS 'BEGIN RETURN a ->> k; END';
CREATE FUNCTION s_ja(a int[], b int[]) RETURNS int[] LANGUAGE sql AS 'SELECT a || b';
CREATE FUNCTION p_ja(a int[], b int) RETURNS int[] LANGUAGE plpgsql AS 'BEGIN RETURN a || b; END';
CREATE FUNCTION s_ja2(a text[], b text) RETURNS text[] LANGUAGE sql AS 'SELECT b || a';
CREATE FUNCTION s_jb(a bytea, b bytea) RETURNS bytea LANGUAGE sql AS 'SELECT a || b';
CREATE FUNCTION p_jb(a bytea, b bytea) RETURNS bytea LANGUAGE plpgsql AS 'BEGIN RETURN a || b; END';
CREATE FUNCTION s_jt(a date, n int) RETURNS date LANGUAGE sql AS 'SELECT a + n';
CREATE FUNCTION p_jt(a date, i interval) RETURNS timestamp LANGUAGE plpgsql AS 'BEGIN RETURN a + i; END';
CREATE FUNCTION s_jt2(a timestamp, b timestamp) RETURNS interval LANGUAGE sql AS 'SELECT a - b';
CREATE FUNCTION s_jn(a numeric, b numeric) RETURNS numeric LANGUAGE sql AS 'SELECT a + b';
CREATE FUNCTION p_jn(a numeric, b numeric) RETURNS numeric LANGUAGE plpgsql AS 'BEGIN RETURN a * b; END';
SELECT s_jc('{"a":1}', '{"b":2}'), p_jc('{"a":1}', '{"b":2}'), s_jcn('{"a":1}', '{"b":2}');
SELECT s_jcl('{"a":1}'), p_jcl('{"a":1}');
SELECT s_jd('{"a":1,"b":2}', 'a'), p_jd('{"a":1,"b":2}', 'a'), s_jdl('{"a":1,"b":2}'), p_jdi('[1,2,3]', 0);
SELECT s_jct('{"a":1,"b":2}', '{"a":1}'), p_jct('{"a":1,"b":2}', '{"a":1}');
SELECT s_jq('{"a":1}', 'a'), p_jq('{"a":1}', 'b');
SELECT s_jg('{"a":{"x":1}}', 'a'), p_jg('{"a":{"x":1}}', 'a');
SELECT s_ja('{1,2}', '{3}'), p_ja('{1,2}', 3), s_ja2('{a,b}', 'c');
SELECT s_jb('\x01', '\x02'), p_jb('\x01', '\x02');
SELECT s_jt('2024-01-31', 1), p_jt('2024-01-31', '1 month'), s_jt2('2024-01-31', '2024-01-01');
-- a numeric argument keeps its display scale (it arrived as 1.5: 3.5, 3.0)
SELECT s_jn(1.50, 2.0), p_jn(1.50, 2.0);
SELECT s_jn(1.50::numeric(6,3), 2), p_jn(0.10 * 3, 2.5::numeric(4,2)), s_jn(NULL, 1.0);
CREATE FUNCTION n_id(a numeric) RETURNS numeric LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION n_txt(a numeric) RETURNS text LANGUAGE plpgsql
  AS 'BEGIN RETURN a::text || (a > 1)::text || (a * 2)::text; END';
SELECT n_id(1.50), n_id(2.0::numeric), n_txt(0.50), n_txt(2.50::numeric(5,2)), n_id(7);
-- an untyped string literal keeps the scale written, as numeric_in reads it
SELECT n_id('1.50'), n_id(' 2.0 '), n_id('1e2'), n_id('NaN'), n_txt('0.50'), n_id('-0.00');
SELECT n_id('007.50'), n_id('-0.0'), n_id('+.5'), n_id('1.'), n_id('-12.340'), n_id('0');
SELECT n_id('abc');
SELECT n_id('1.2.3');
SELECT n_id(1), n_id(1::int8), n_id(2.5::float8);
DROP FUNCTION n_id, n_txt;
SELECT s_jn(1.5, 2), p_jn(2, 3);
DROP FUNCTION s_jc, p_jc, s_jcn, s_jcl, p_jcl, s_jd, p_jd, s_jdl, p_jdi, s_jct, p_jct, s_jq, p_jq, s_jg, p_jg, s_ja, p_ja, s_ja2, s_jb, p_jb, s_jt, p_jt, s_jt2, s_jn, p_jn;
-- numeric and jsonb arguments passed on: a procedure's INOUT, a function calling another
CREATE PROCEDURE pr(INOUT a numeric) LANGUAGE plpgsql AS 'BEGIN a := a * 2; END';
CALL pr(1.50);
CALL pr('2.0');
CREATE FUNCTION inner_n(a numeric) RETURNS numeric LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION outer_n(a numeric) RETURNS numeric LANGUAGE plpgsql AS 'DECLARE b numeric := 2.50; BEGIN RETURN inner_n(a) + inner_n(b); END';
SELECT outer_n(1.50), inner_n(inner_n(1.250));
CREATE FUNCTION jn(a jsonb) RETURNS jsonb LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION jo(a jsonb) RETURNS jsonb LANGUAGE plpgsql AS 'BEGIN RETURN jn(a) || jn(a - ''x''); END';
SELECT jo('{"x": 1, "y":  2}');
CREATE TABLE tn(id int, v numeric(6,2));
INSERT INTO tn VALUES (1, 1.5);
SELECT inner_n(v), inner_n(v * 2), inner_n(sum(v)) FROM tn GROUP BY id, v;
DROP PROCEDURE pr; DROP FUNCTION inner_n, outer_n, jn, jo; DROP TABLE tn;
