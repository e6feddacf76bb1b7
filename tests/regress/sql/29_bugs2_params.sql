-- A date/time parameter cast to text prints under the session's DateStyle and IntervalStyle
-- when the statement runs, as a date/time value's cast to text does.
PREPARE b2q(date) AS SELECT $1::text AS t, $1 + 1 - $1 AS days;
PREPARE b2i(interval) AS SELECT $1::text AS t, $1::varchar AS v;
PREPARE b2ts(timestamptz, timestamp, time) AS SELECT $1::text AS tz, $2::text AS ts, $3::text AS tm;
SET DateStyle = 'SQL, DMY';
EXECUTE b2q('2024-01-02');
-- extended
SELECT date '2024-01-02'::text AS t, interval '1 day 2 hours'::text AS i;
EXECUTE b2ts('2024-01-02 03:04:05+00', '2024-01-02 03:04:05', '03:04:05');
SET IntervalStyle = 'sql_standard';
EXECUTE b2i('1 day 2 hours');
-- extended
SELECT interval '-1 year 2 mons 3 days'::text AS i;
EXECUTE b2i('-1 year 2 mons 3 days');
SET DateStyle = 'German';
EXECUTE b2q('2024-01-02');
RESET DateStyle;
RESET IntervalStyle;
EXECUTE b2q('2024-01-02');
EXECUTE b2i('1 day 2 hours');
DEALLOCATE b2q;
DEALLOCATE b2i;
DEALLOCATE b2ts;

-- void: a void function's result is not NULL (its text is ''), NULL::void is; a literal or a
-- string reads as a void through void_in, other types have no cast to it (42846).
CREATE FUNCTION b2_noop() RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION b2_calls_noop() RETURNS void LANGUAGE sql AS $$ SELECT b2_noop() $$;
CREATE FUNCTION b2_no_row() RETURNS void LANGUAGE sql AS $$ SELECT 1 WHERE false $$;
SELECT b2_noop() IS NULL AS a, b2_calls_noop() IS NULL AS b, b2_no_row() IS NULL AS c;
SELECT b2_calls_noop(), b2_calls_noop()::text = '' AS empty;
SELECT NULL::void AS n, NULL::void IS NULL AS is_null, ''::void AS e, 'abc'::void IS NULL AS lit;
SELECT CAST(NULL AS void), CAST('z' AS pg_catalog.void);
SELECT 'x'::text::void, NULL::text::void IS NULL, 'y'::varchar::void IS NULL;
SELECT 1::void;
SELECT now()::void;
SELECT b2_calls_noop()::void IS NULL;
SELECT pg_typeof(b2_calls_noop()), pg_typeof(NULL::void);
CREATE FUNCTION b2_null_void() RETURNS void LANGUAGE sql AS $$ SELECT NULL::void $$;
SELECT b2_null_void() IS NULL;
DROP FUNCTION b2_null_void, b2_no_row, b2_calls_noop, b2_noop;
-- a comment before PREPARE is part of the statement's text, not of the query it prepares
/* leading comment */ PREPARE b2c(int) AS SELECT $1 + 1 AS n;
EXECUTE b2c(41);
DEALLOCATE b2c;
