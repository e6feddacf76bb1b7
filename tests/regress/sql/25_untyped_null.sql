-- Untyped arguments (NULL, a string literal) of functions with overloads: the overload
-- PostgreSQL's resolution picks (its result type), NULL from a strict one, and 42725 where no
-- category wins.
CREATE TABLE un_t (s text, n int, ts timestamp, tz timestamptz, x numeric, f float8, d date, b bytea);
INSERT INTO un_t VALUES ('abcdef', 3, '2020-05-06 07:08:09', '2020-05-06 07:08:09+00', 1.256, 2.5, '2020-05-06', '\x010203');
-- substring/substr: a NULL start is an integer's (it was 0A000 'SIMILAR ... ESCAPE')
SELECT substring('abcdef', 2, NULL) AS a, pg_typeof(substring('abcdef', 2, NULL));
SELECT substring('abcdef', NULL, 2), substring('abcdef', NULL), substring('abcdef', NULL, NULL);
SELECT substring('abcdef' FROM NULL FOR 2), substring('abcdef' FROM 2 FOR NULL), substring('abcdef' FROM NULL);
SELECT substr('abcdef', NULL, 2), substr('abcdef', 2, NULL), substr('abcdef', NULL);
SELECT substring(s, 2, NULL), substring(s, NULL, 2), substring(s, NULL), substring(s, NULL, NULL) FROM un_t;
SELECT substring(s FROM n FOR NULL), substring(s FROM NULL FOR n) FROM un_t;
SELECT substring(NULL, 1, 2), pg_typeof(substring(NULL, 1, 2));
-- substring of a bytea is a bytea
SELECT substring(b, 2, 1), substring(b, 2), substring(b, NULL, 2), substring(b, 2, NULL) FROM un_t;
SELECT pg_typeof(substring(b, NULL, 2)), pg_typeof(substring(b, 1)) FROM un_t;
SELECT substring('\x010203'::bytea, 2, 1), substring('\x010203'::bytea, NULL);
-- overlay, position, strpos
SELECT overlay('abcdef' placing NULL from 2 for 3), overlay('abcdef' placing 'x' from NULL for 3);
SELECT overlay('abcdef' placing 'x' from 2 for NULL), overlay('abcdef' placing 'x' from NULL);
SELECT overlay(s placing 'x' from NULL for 2), overlay(s placing 'x' from n for NULL) FROM un_t;
SELECT position(NULL in 'abc'), position('a' in NULL), strpos(NULL, 'a'), position(NULL in s) FROM un_t;
-- round, trunc and the other numeric functions: float8 is the numeric category's preferred type
SELECT round(NULL), pg_typeof(round(NULL)), round('1.5'), pg_typeof(round('1.5'));
SELECT round(NULL, 2), pg_typeof(round(NULL, 2)), round(1.234, NULL), pg_typeof(round(1.234, NULL));
SELECT round(x, NULL), round(NULL::numeric, 1) FROM un_t;
SELECT round(NULL, NULL), pg_typeof(round(NULL, NULL));
SELECT trunc(1.234, NULL), pg_typeof(trunc(1.234, NULL)), trunc(NULL, 2), trunc(x, NULL) FROM un_t;
SELECT trunc(NULL);
SELECT trunc('1.5');
SELECT ceil(NULL), floor(NULL), sign(NULL), sqrt(NULL), exp(NULL), ln(NULL), log10(NULL), cbrt(NULL);
SELECT pg_typeof(ceil(NULL)), pg_typeof(floor(NULL)), pg_typeof(sign(NULL)), pg_typeof(sqrt(NULL)), pg_typeof(exp(NULL)), pg_typeof(ln(NULL));
SELECT abs(NULL), pg_typeof(abs(NULL)), abs('-3'), pg_typeof(abs('-3')), sqrt('4');
SELECT pg_typeof(power(NULL, 2)), pg_typeof(power(2, NULL)), pg_typeof(mod(NULL, 2)), pg_typeof(mod(5, NULL));
SELECT log(NULL), pg_typeof(log(NULL)), log(NULL, 2), pg_typeof(log(NULL, 2)), log(2, NULL), pg_typeof(log(2, NULL));
SELECT pg_typeof(log(2, 8)), pg_typeof(log(2.0, 8));
-- date_trunc: a NULL field or zone gives NULL; a zone makes it timestamptz's
SELECT date_trunc(NULL, now()), pg_typeof(date_trunc(NULL, now()));
SELECT date_trunc('day', NULL::timestamp), date_trunc('day', now(), NULL);
SELECT date_trunc('day', ts, NULL), date_trunc('day', tz, NULL), date_trunc(NULL, ts), date_trunc(NULL, tz), date_trunc(NULL, d) FROM un_t;
SELECT pg_typeof(date_trunc(NULL, ts)), pg_typeof(date_trunc(NULL, d)), pg_typeof(date_trunc('day', ts, NULL)) FROM un_t;
SELECT date_trunc('day', ts, 'Europe/Paris'), date_trunc('day', d, 'Asia/Tokyo') FROM un_t;
SELECT date_trunc('day', NULL, 'UTC'), date_trunc('day', '2020-05-06 07:08:09', 'UTC');
SELECT date_trunc('day', NULL);
SELECT date_trunc('day', '2020-05-06');
-- to_char, date_part, extract, age
SELECT to_char(now(), NULL), pg_typeof(to_char(now(), NULL)), to_char(12.5, NULL), to_char(NULL::int, '999');
SELECT to_char(ts, NULL), to_char(x, NULL), to_char(n, NULL), to_char(f, NULL), to_char(NULL::interval, 'HH') FROM un_t;
SELECT to_char(NULL, 'YYYY');
SELECT to_char('2020-01-01', 'YYYY');
SELECT to_char(NULL, NULL);
SELECT date_part('year', NULL::date), extract(year from NULL::date), date_part(NULL, d) FROM un_t;
SELECT date_part('year', NULL);
SELECT extract(year from NULL);
SELECT age(NULL::timestamp), age(NULL, now()), age(now(), NULL);
SELECT age(NULL);
SELECT age('2020-01-01');
-- left/right, lpad/rpad, split_part, repeat, replace
SELECT left('abc', NULL), pg_typeof(left('abc', NULL)), left(NULL, 2), right('abc', NULL), right(NULL, 2);
SELECT left(s, NULL), right(s, NULL), left(NULL, n), right(NULL, n) FROM un_t;
SELECT lpad('abc', NULL), lpad('abc', 5, NULL), lpad(NULL, 5), lpad('abc', NULL, 'x');
SELECT rpad('abc', NULL), rpad('abc', 5, NULL), rpad(NULL, 5);
SELECT lpad(s, NULL), rpad(s, NULL), lpad(s, n, NULL), rpad(s, n, NULL), lpad(NULL, n) FROM un_t;
SELECT split_part('a,b', NULL, 2), split_part('a,b', ',', NULL), split_part(NULL, ',', 1);
SELECT split_part(s, NULL, 1), split_part(s, 'c', NULL), split_part(NULL, 'c', n) FROM un_t;
SELECT repeat('ab', NULL), repeat(NULL, 2), replace('abc', NULL, 'x'), translate('abc', NULL, 'x');
-- generate_series: a NULL bound or step is an empty series of the others' type
SELECT * FROM generate_series(1, NULL);
SELECT * FROM generate_series(NULL, 3);
SELECT * FROM generate_series(1, 5, NULL);
SELECT * FROM generate_series(1.5, NULL);
SELECT pg_typeof(g) FROM generate_series(1, NULL) g;
SELECT count(*) FROM generate_series(1, NULL);
SELECT generate_series(1, NULL), generate_series(NULL, 2);
SELECT * FROM generate_series(now(), NULL, '1 day');
SELECT * FROM generate_series('2020-01-01'::timestamp, '2020-01-03', NULL);
SELECT * FROM generate_series(NULL, NULL);
SELECT * FROM generate_series('1', '3');
SELECT * FROM generate_series(NULL, NULL, NULL);
-- array functions: an untyped argument of an anyarray parameter is 42804, array_agg/unnest of one 42725
select array_length(NULL, 1);
select cardinality(NULL);
select array_dims(NULL);
select array_upper(NULL, 1);
select array_lower(NULL, 1);
select array_ndims(NULL);
select array_to_string(NULL, ',');
select array_position(NULL, 1);
select array_remove(NULL, 1);
select array_cat(NULL, NULL);
select array_append(NULL, 1);
select array_prepend(1, NULL);
select array_agg(NULL);
select * from unnest(NULL);
select unnest(NULL);
select array_length('{1,2}', 1);
select cardinality('{1,2}');
