-- Range types: int4range, int8range, numrange, daterange, tsrange, tstzrange — input, canonical
-- output, constructors, casts, columns, functions, operators, ordering and errors.
SELECT '[1,5]'::int4range, '(1,5)'::int4range, '(1,5]'::int4range, '[1,5)'::int4range, '(,)'::int4range, '[,5]'::int4range, '(1,)'::int4range;
SELECT '(1,2)'::int4range, '[3,3]'::int4range, '[3,3)'::int4range, 'empty'::int4range, ' EMPTY '::int4range, '  [ 1 , 5 ]  '::int4range;
SELECT '[-2147483648,0]'::int4range, '[1,9223372036854775806]'::int8range, int8range(1, 10, '(]'), '(-5,-1)'::int8range;
SELECT '[1.50,2e1)'::numrange, '(0.0,1]'::numrange, '[-1.5,-0.5]'::numrange, '[ 01.10 , 2 )'::numrange, '[1,1]'::numrange, '(,1e-3]'::numrange;
SELECT '[2024-01-01,2024-01-31]'::daterange, '(2024-01-01,2024-01-05)'::daterange, '[-infinity,infinity]'::daterange, '(-infinity,2024-01-01]'::daterange, '[2024-02-28,2024-02-29]'::daterange;
SELECT '[2024-01-01 10:00, 2024-01-02)'::tsrange, '["2024-01-01 10:00:00.5","2024-01-01 11:00")'::tsrange, '(,infinity]'::tsrange, '[2024-01-01,2024-01-01]'::tsrange;
SELECT '[2024-01-01 10:00+02, 2024-01-02 00:00Z)'::tstzrange, '("2024-06-01 12:00:00-07",)'::tstzrange, '[-infinity,)'::tstzrange;
SELECT int4range(1, 5), int4range(1, 5, '[]'), int4range(1, 5, '()'), int4range(1, 5, '(]'), int4range(NULL, 5), int4range(1, NULL, '[]'), int4range(NULL, NULL);
SELECT numrange(1.50, 2e1), numrange(1, 2.5), numrange(NULL, 3, '(]'), int8range(5, 5), int8range(5, 5, '[]');
SELECT daterange('2024-01-01', '2024-02-01', '[]'), daterange('2024-01-01'::date, NULL), tsrange('2024-01-01 10:00', '2024-01-02'), tstzrange('2024-01-01 10:00+02', NULL, '()');
SELECT pg_typeof(int4range(1, 2)), pg_typeof('[1,2)'::int8range), pg_typeof(numrange(1, 2)), pg_typeof(daterange(NULL, NULL)), pg_typeof('empty'::tsrange), pg_typeof(tstzrange(NULL, NULL));
SELECT '[1,2)'::int4range::text, CAST('[1,3]' AS int4range), ('[' || 1 || ',' || 4 || ']')::int4range, 'empty'::text::numrange;
SELECT '1,2'::int4range;
SELECT '[1,2'::int4range;
SELECT '[1'::int4range;
SELECT '[1,2,3]'::int4range;
SELECT '[1,2] x'::int4range;
SELECT 'empty x'::int4range;
SELECT '[5,1]'::int4range;
SELECT '[a,5]'::int4range;
SELECT '[1,2147483648]'::int4range;
SELECT '[1,2147483647]'::int4range;
SELECT int4range(5, 1);
SELECT int4range(1, 5, 'x');
SELECT '[2024-02-30,)'::daterange;
SELECT '["a b",)'::numrange;
-- functions
SELECT lower(int4range(1, 5)), upper(int4range(1, 5)), lower('(1,5]'::int4range), upper('[1,5]'::int4range), lower('empty'::int4range), upper('(,5)'::int4range), lower('(,5)'::int4range);
SELECT lower(numrange(1.5, 2.25)), upper(numrange(1.5, 2.25)), lower(daterange('2024-01-01', '2024-02-01')), upper(tsrange('2024-01-01', '2024-01-02 12:00')), lower(tstzrange('2024-01-01 10:00+02', NULL));
SELECT pg_typeof(lower(int4range(1, 5))), pg_typeof(upper(int8range(1, 5))), pg_typeof(lower(numrange(1, 5))), pg_typeof(lower(daterange(NULL, NULL))), pg_typeof(upper(tsrange(NULL, NULL))), pg_typeof(lower(tstzrange(NULL, NULL)));
SELECT isempty('empty'::int4range), isempty(int4range(1, 1)), isempty(int4range(1, 2)), lower_inc(int4range(1, 5)), upper_inc(int4range(1, 5)), upper_inc(numrange(1, 5, '[]')), lower_inc('empty'::int4range);
SELECT lower_inf(int4range(NULL, 5)), upper_inf(int4range(NULL, 5)), lower_inf('empty'::int4range), upper_inf(numrange(1, NULL)), lower_inf('[-infinity,)'::daterange);
SELECT range_merge(int4range(1, 2), int4range(5, 6)), range_merge('empty'::int4range, int4range(5, 6)), range_merge(numrange(1, 3), numrange(2, 4, '[]'));
SELECT lower('ABC'), upper('abc');
SELECT lower('QQQ'), upper('z') || 'w';
SELECT '[1,2]'::jsonb @> '[1]', ARRAY[1,2] @> ARRAY[2], ARRAY[1,2] && ARRAY[2,3];
SELECT '[1,3]'::jsonb @> '[5]', ARRAY[1,2] @> ARRAY[7], ARRAY[1,2] && ARRAY[5,3];
-- operators
SELECT int4range(1, 5) @> 3, int4range(1, 5) @> 5, int4range(1, 5) @> int4range(2, 3), int4range(2, 3) <@ int4range(1, 5), 3 <@ int4range(1, 5), 'empty'::int4range <@ int4range(1, 2), int4range(1, 2) @> 'empty'::int4range;
SELECT numrange(1, 2) @> 1.5, numrange(1, 2, '()') @> 1.0, daterange('2024-01-01', '2024-02-01') @> '2024-01-15'::date, daterange('2024-01-01', '2024-02-01') @> '2024-02-01'::date, tsrange('2024-01-01', '2024-01-02') @> '2024-01-01 12:00'::timestamp;
SELECT tstzrange('2024-01-01 00:00+00', '2024-01-02 00:00+00') @> '2024-01-01 23:00-02'::timestamptz, tstzrange('2024-01-01 00:00+00', '2024-01-02 00:00+00') @> '2024-01-01 12:00+00'::timestamptz;
SELECT int4range(1, 5) && int4range(4, 9), int4range(1, 5) && int4range(5, 9), int4range(1, 5) && '[4,9)', 'empty'::int4range && int4range(1, 2), numrange(1, 2, '[]') && numrange(2, 3);
SELECT int4range(1, 5) << int4range(5, 6), int4range(1, 5) << int4range(4, 6), int4range(7, 9) >> int4range(1, 5), int4range(1, 5) &< int4range(2, 5), int4range(1, 6) &< int4range(2, 5), int4range(2, 5) &> int4range(1, 9), int4range(0, 5) &> int4range(1, 9);
SELECT int4range(1, 5) -|- int4range(5, 6), int4range(1, 5) -|- int4range(6, 7), numrange(1, 2) -|- numrange(2, 3), numrange(1, 2, '[]') -|- numrange(2, 3), numrange(1, 2) -|- numrange(2, 3, '(]'), 'empty'::int4range -|- int4range(1, 2);
SELECT int4range(1, 5) + int4range(5, 8), int4range(1, 5) + int4range(3, 4), numrange(1, 2) + numrange(2, 3, '[]'), 'empty'::int4range + int4range(1, 2), int4range(1, 2) + '(,0]';
SELECT int4range(1, 5) + int4range(7, 8);
SELECT int4range(1, 5) * int4range(3, 8), int4range(1, 5) * int4range(6, 8), numrange(1, 5, '[]') * numrange(5, 8), 'empty'::int4range * int4range(1, 2);
SELECT int4range(1, 10) - int4range(5, 12), int4range(1, 10) - int4range(0, 5), int4range(1, 10) - int4range(0, 12), int4range(1, 10) - int4range(20, 30), numrange(1, 10) - numrange(5, 12), numrange(1, 10) - numrange(1, 5, '[]');
SELECT int4range(1, 10) - int4range(3, 5);
SELECT int4range(1, 5) = int4range(1, 5), int4range(1, 5) = '[1,4]', numrange(1.0, 2) = numrange(1, 2.00), int4range(1, 5) <> int4range(1, 6), 'empty'::int4range = int4range(3, 3);
SELECT int4range(1, 5) < int4range(2, 3), int4range(1, 5) < int4range(1, 6), int4range(NULL, 5) < int4range(1, 2), 'empty'::int4range < int4range(NULL, NULL), int4range(1, NULL) > int4range(1, 100), int4range(1, 5) >= int4range(1, 5), numrange(10, 20) > numrange(9, 100);
SELECT int4range(1, 5) @> 'x';
SELECT int4range(1, 5) && int8range(1, 5);
SELECT int4range(1, 5) @> 2.5;
SELECT numrange(1, 5) @> 2;
SELECT int8range(1, 5) @> 2;
-- columns
CREATE TABLE rg_booking (id int PRIMARY KEY, room int, during tsrange, days daterange, seats int4range, price numrange, big int8range, at_tz tstzrange);
INSERT INTO rg_booking VALUES (1, 101, '[2024-01-01 14:00, 2024-01-03 11:00)', '[2024-01-01,2024-01-03]', '[1,4]', '[10.50,20)', '(,100]', '[2024-01-01 14:00+01, 2024-01-03 11:00+01)');
INSERT INTO rg_booking VALUES (2, 101, tsrange('2024-01-05 14:00', '2024-01-07 11:00'), daterange('2024-01-05', '2024-01-07'), int4range(2, 3, '[]'), numrange(5, NULL), int8range(-5, 5), tstzrange('2024-01-05 14:00+00', '2024-01-07 11:00+00'));
INSERT INTO rg_booking VALUES (3, 102, 'empty', 'empty', 'empty', 'empty', 'empty', 'empty');
INSERT INTO rg_booking VALUES (4, 102, '(,)', '(,2024-01-01)', '(,0)', '(0.5,)', '[0,0]', '(,)');
INSERT INTO rg_booking (id, seats) VALUES (5, '[3,1]');
INSERT INTO rg_booking (id, days) VALUES (5, 'bad');
SELECT * FROM rg_booking ORDER BY id;
SELECT id, seats FROM rg_booking ORDER BY seats, id;
SELECT id, days FROM rg_booking ORDER BY days DESC, id;
SELECT id, price FROM rg_booking ORDER BY price, id;
SELECT id, during FROM rg_booking ORDER BY 2, 1;
SELECT x FROM generate_series(1, 3) x ORDER BY int4range(x * 5, 100), x;
SELECT x FROM generate_series(1, 3) x ORDER BY ('[' || x * 5 || ',100)')::int4range DESC;
SELECT a FROM (VALUES (numrange(5, 6)), (numrange(10, 11)), ('empty'::numrange), (numrange(NULL, 1))) v(a) ORDER BY a;
SELECT id FROM rg_booking WHERE during @> '2024-01-02 00:00'::timestamp ORDER BY id;
SELECT id FROM rg_booking WHERE during && tsrange('2024-01-02', '2024-01-06') ORDER BY id;
SELECT id FROM rg_booking WHERE days @> '2024-01-03'::date ORDER BY id;
SELECT id FROM rg_booking WHERE seats = '[1,5)' ORDER BY id;
SELECT id FROM rg_booking WHERE seats > int4range(1, 3) ORDER BY id;
SELECT id, lower(during), upper(days), upper_inf(price), isempty(big) FROM rg_booking ORDER BY id;
SELECT room, count(*) FROM rg_booking WHERE NOT isempty(seats) GROUP BY room ORDER BY room;
UPDATE rg_booking SET seats = seats + int4range(4, 10) WHERE id = 1;
UPDATE rg_booking SET days = days * daterange('2024-01-02', NULL) WHERE id = 1;
SELECT seats, days FROM rg_booking WHERE id = 1;
SELECT pg_typeof(during), pg_typeof(days), pg_typeof(seats), pg_typeof(price), pg_typeof(big), pg_typeof(at_tz) FROM rg_booking WHERE id = 1;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'rg_booking'::regclass AND attnum > 1 ORDER BY attnum;
SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_name = 'rg_booking' AND ordinal_position > 2 ORDER BY ordinal_position;
SELECT oid, typname, typtype, typcategory, typalign, typstorage, typelem, typarray, typinput, typreceive FROM pg_type WHERE oid IN (3904, 3905, 3906, 3908, 3910, 3911, 3912, 3926, 3927) ORDER BY oid;
-- time zones
SET TimeZone = 'America/New_York';
SELECT at_tz, lower(at_tz) FROM rg_booking WHERE id IN (1, 2) ORDER BY id;
SELECT tstzrange('2024-07-01 09:00', '2024-07-01 17:00'), '[2024-01-01 00:00, 2024-01-01 12:00+05:30)'::tstzrange;
SELECT tstzrange('2024-07-01 09:00', '2024-07-01 17:00') @> '2024-07-01 13:30+00'::timestamptz;
SET TimeZone = 'Asia/Kolkata';
SELECT at_tz FROM rg_booking WHERE id = 1;
SELECT tstzrange('2024-07-01 09:00', NULL, '[]');
RESET TimeZone;
SELECT at_tz FROM rg_booking WHERE id = 1;
SET TimeZone = 'America/New_York';
CREATE TABLE rg_tz (r tstzrange, d daterange DEFAULT '[2024-01-01,2024-01-05]', n numrange DEFAULT '[1.50,2]');
INSERT INTO rg_tz (r) VALUES ('[2024-01-01 10:00,)');
INSERT INTO rg_tz (r) SELECT tstzrange('2024-01-01 10:00', NULL);
PREPARE rg_p1(tstzrange) AS INSERT INTO rg_tz (r) VALUES ($1);
EXECUTE rg_p1('[2024-01-01 10:00,)');
SELECT r, d, n FROM rg_tz;
SET TimeZone = 'UTC';
SELECT r FROM rg_tz;
SET DateStyle = 'SQL, DMY';
SELECT d, '[01/02/2024,03/02/2024]'::daterange, tsrange('2024-01-01 10:00', NULL) FROM rg_tz LIMIT 1;
SELECT r FROM rg_tz ORDER BY r DESC LIMIT 1;
RESET DateStyle;
RESET TimeZone;
DEALLOCATE rg_p1;
DROP TABLE rg_tz;
-- exclusion constraints are not built
-- differs: EXCLUDE constraints are 0A000
CREATE TABLE rg_excl (room int, during tsrange, EXCLUDE USING gist (during WITH &&));
-- arrays of ranges
SELECT '{"[1,2]","(3,7)",empty}'::int4range[], '{"[2024-01-01,2024-01-02]"}'::daterange[], '{"[1.50,2)",NULL}'::numrange[];
CREATE TABLE rg_arr (id int, spans int4range[]);
INSERT INTO rg_arr VALUES (1, '{"[1,3]","(5,)"}');
SELECT spans FROM rg_arr;
-- differs: pg_typeof of an array column is 0A000, as for other array types
SELECT pg_typeof(spans) FROM rg_arr;
DROP TABLE rg_arr;
-- multiranges are not built
-- differs: multiranges (PostgreSQL 14+) are 0A000
SELECT '{[1,2)}'::int4multirange;
-- differs: range_agg returns a multirange: 0A000
SELECT range_agg(r) FROM (VALUES (int4range(1, 2)), (int4range(5, 6))) v(r);
DROP TABLE rg_booking;
