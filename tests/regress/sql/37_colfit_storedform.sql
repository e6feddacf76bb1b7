-- the order-preserving stored form of a BC date ('.9956-03-15' is 44 BC, pgtype_dtstore.c) is
-- no input: PostgreSQL's 22007 for it from a literal, a cast of text, a parameter, an array or
-- range literal (it was read as 0044-03-15 BC)
SELECT '.9956-03-15'::date;
SELECT date '.9956-03-15';
SELECT '.9956-03-15 10:00'::timestamp;
SELECT '.9956-03-15 10:00+00'::timestamptz;
SELECT '.0001-01-01'::date;
CREATE TABLE sf_t (d date, t timestamp, tz timestamptz, s text);
INSERT INTO sf_t(d) VALUES ('.9956-03-15');
INSERT INTO sf_t(t) VALUES ('.9956-03-15 10:00');
INSERT INTO sf_t(tz) VALUES ('.9956-03-15 10:00+00');
INSERT INTO sf_t(s) VALUES ('.9956-03-15');
SELECT s::date FROM sf_t WHERE s IS NOT NULL;
SELECT s::timestamp FROM sf_t WHERE s IS NOT NULL;
SELECT CAST(s AS timestamptz) FROM sf_t WHERE s IS NOT NULL;
SELECT ('.99' || '56-03-15')::date;
UPDATE sf_t SET d = s::date;
SELECT '[.9956-03-15, 2020-01-01)'::daterange;
SELECT '{.9956-03-15}'::date[];
SELECT '{[.9956-03-15 10:00, 2020-01-01)}'::tsmultirange;
-- the server's own stored values still read as they are: BC dates and timestamps stored,
-- compared, ordered and computed with
INSERT INTO sf_t(d, t, tz) VALUES ('0044-03-15 BC', '0044-03-15 10:00 BC', '0044-03-15 10:00+00 BC'), ('2020-01-01', '2020-01-01 10:00', '2020-01-01 10:00+00');
SELECT d, t, tz, d::text, t::text, tz::text FROM sf_t WHERE d IS NOT NULL ORDER BY d;
SELECT d < '0001-01-01', d + 1, date_trunc('year', t), extract(year from d), t - interval '1 day', tz + interval '1 hour' FROM sf_t WHERE d IS NOT NULL ORDER BY d;
SELECT d = '0044-03-15 BC', t = '0044-03-15 10:00 BC', tz::date FROM sf_t WHERE d IS NOT NULL ORDER BY d;
SELECT daterange('0044-03-15 BC', d) FROM sf_t WHERE d = '2020-01-01';
SELECT '[0044-03-15 BC, 2020-01-01)'::daterange @> '0001-01-01'::date, '{0044-03-15 BC}'::date[];
CREATE TABLE sf_r (r daterange, m tsmultirange);
INSERT INTO sf_r VALUES ('[0044-03-15 BC, 2020-01-01)', '{[0044-03-15 10:00 BC, 2020-01-01)}');
SELECT r, m, lower(r), upper(m), r @> '0001-01-01'::date FROM sf_r;
-- a year past 9999 in the ':' form is read as PostgreSQL reads it (':' a separator)
SELECT ':0010000-01-01'::date, ':0010000-01-01 10:00'::timestamp, ':0010000-01-01 10:00+00'::timestamptz, ':2020-01-01'::date;
