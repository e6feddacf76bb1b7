-- Multiranges (PostgreSQL 14+): int4multirange ... tstzmultirange — input (sorted, merged,
-- empty ranges dropped) and its errors, output, columns, constructors, multirange(r),
-- range_agg / range_intersect_agg, lower/upper and the bound tests, the operators, ordering,
-- unnest.
SELECT '{[1,3), [5,7)}'::int4multirange, '{}'::int4multirange, '{[1,3),[3,7), empty}'::int4multirange, '{(1,3], [2,9]}'::int4multirange;
SELECT '{[5,7), [1,2]}'::int8multirange, '{[1.5,2), [2,3.25]}'::nummultirange, ' { [1,3) } '::int4multirange, '{ EMPTY , [1,2) }'::int4multirange;
SELECT '{[1.0,2), (2,3)}'::nummultirange, '{[1,2), (2,3)}'::nummultirange, '{[1,2], (2,3)}'::nummultirange, '{(,1), [0,5), (7,)}'::int4multirange;
SELECT '{[2024-01-01,2024-02-01), [2024-02-01,2024-03-01)}'::datemultirange, '{[2024-01-01,2024-01-05], (2024-01-10,2024-01-12)}'::datemultirange;
SELECT '{[2024-01-01 10:00, 2024-01-01 11:00)}'::tsmultirange, '{[2024-01-01 10:00+02, 2024-01-01 11:00+00)}'::tstzmultirange, '{["2024-01-01 10:00",infinity)}'::tsmultirange;
SELECT '[1,2)'::int4multirange;
SELECT '{[1,2)'::int4multirange;
SELECT '{[1,2) x}'::int4multirange;
SELECT '{[1,2)} x'::int4multirange;
SELECT '{x}'::int4multirange;
SELECT '{[3,1)}'::int4multirange;
SELECT '{[a,2)}'::int4multirange;
SELECT '{,}'::int4multirange;
SELECT pg_typeof('{}'::int4multirange), pg_typeof('{}'::int8multirange), pg_typeof('{}'::nummultirange), pg_typeof('{}'::datemultirange), pg_typeof('{}'::tsmultirange), pg_typeof('{}'::tstzmultirange);
SELECT '{[1,2)}'::text::int4multirange, CAST('{[3,4)}' AS int4multirange), ('{' || '[1,' || 5 || ')}')::int4multirange;
SELECT int4range(1, 2)::int4multirange;
-- constructors
SELECT int4multirange(), int4multirange(int4range(1, 3)), int4multirange(int4range(5, 6), int4range(1, 3)), int4multirange(int4range(1, 3), int4range(2, 5), int4range(8, 8));
SELECT multirange(int4range(1, 2)), multirange(numrange(1.5, 2)), multirange('empty'::int8range), multirange(daterange('2024-01-01', '2024-01-03'));
SELECT nummultirange(numrange(1, 2), '[3,4]'), int8multirange('[1,2)');
SELECT int4multirange(int4range(1, 3), NULL);
SELECT int4multirange(NULL::int4range), multirange(NULL::int4range);
SELECT int4multirange(numrange(1, 2));
SELECT pg_typeof(multirange(tstzrange(NULL, NULL))), pg_typeof(int8multirange());
-- functions
SELECT lower('{[1,3), [5,7)}'::int4multirange), upper('{[1,3), [5,7)}'::int4multirange), isempty('{}'::int4multirange), isempty('{[1,2)}'::int4multirange), lower('{}'::int4multirange), upper('{(,5)}'::int4multirange);
SELECT lower_inc('{[1,3)}'::int4multirange), upper_inc('{[1,3)}'::int4multirange), lower_inf('{(,3)}'::int4multirange), upper_inf('{(,3)}'::int4multirange), lower_inc('{}'::int4multirange), upper_inf('{}'::int4multirange);
SELECT range_merge('{[1,2),[5,7)}'::int4multirange), range_merge('{}'::int4multirange), pg_typeof(range_merge('{[1,2)}'::nummultirange)), range_merge('{(,2),[5,7]}'::nummultirange);
SELECT lower('{[1.50,2)}'::nummultirange), upper('{[2024-01-01,2024-01-03]}'::datemultirange), pg_typeof(lower('{[1,2)}'::int8multirange));
-- operators: containment of elements, ranges and multiranges, overlap, position, adjacency
SELECT '{[1,3), [5,7)}'::int4multirange @> 2, '{[1,3), [5,7)}'::int4multirange @> 4, 6 <@ '{[1,3), [5,7)}'::int4multirange, '{}'::int4multirange @> 1;
SELECT '{[1,3), [5,7)}'::int4multirange @> int4range(5, 6), '{[1,3), [5,7)}'::int4multirange @> '{[1,2), [5,6)}'::int4multirange, int4range(0, 10) @> '{[1,3), [5,7)}'::int4multirange, '{[1,2)}'::int4multirange <@ '{[1,3)}'::int4multirange;
SELECT '{[1,3), [5,7)}'::int4multirange @> int4range(2, 6), '{[1,3)}'::int4multirange @> '{}'::int4multirange, '{}'::int4multirange <@ int4range(1, 2), int4range(2, 3) <@ '{[1,3)}'::int4multirange;
SELECT '{[1,3), [5,7)}'::int4multirange && int4range(3, 5), '{[1,3), [5,7)}'::int4multirange && int4range(2, 5), int4range(6, 9) && '{[1,3), [5,7)}'::int4multirange, '{[1,3)}'::int4multirange && '{[2,4)}'::int4multirange, '{}'::int4multirange && '{[2,4)}'::int4multirange;
SELECT '{[1,3)}'::int4multirange << '{[5,6)}'::int4multirange, '{[1,3),[7,8)}'::int4multirange >> '{[5,6)}'::int4multirange, '{[1,3)}'::int4multirange &< int4range(2,9), '{[1,3)}'::int4multirange &> int4range(2,9);
SELECT '{[1,3)}'::int4multirange -|- '{[3,6)}'::int4multirange, int4range(0,1) -|- '{[1,3),[5,6)}'::int4multirange, '{[1,3)}'::int4multirange -|- '{[4,6)}'::int4multirange, '{}'::int4multirange << '{[1,2)}'::int4multirange;
SELECT '{[2024-01-01,2024-01-05)}'::datemultirange @> '2024-01-03'::date, '{[2024-01-01 10:00,2024-01-01 11:00)}'::tsmultirange @> '2024-01-01 10:30'::timestamp;
-- union, intersection, difference
SELECT '{[1,3), [5,7)}'::int4multirange + '{[3,5)}'::int4multirange, '{[1,10)}'::int4multirange - '{[2,3), [5,6)}'::int4multirange, '{[1,5), [7,9)}'::int4multirange * '{[3,8)}'::int4multirange;
SELECT '{[1.5,10)}'::nummultirange - '{[2,3]}'::nummultirange, '{[1,10)}'::int4multirange - '{}'::int4multirange, '{}'::int4multirange + '{}'::int4multirange, '{[1,3)}'::int4multirange * '{[5,6)}'::int4multirange;
SELECT '{(,5)}'::int4multirange - '{[1,2), [4,)}'::int4multirange, '{[1,2]}'::nummultirange - '{[1,2]}'::nummultirange, '{[1,5]}'::nummultirange - '{(1,2)}'::nummultirange;
SELECT '{[1,3)}'::int4multirange + int4range(5, 6);
SELECT '{[1,3)}'::int4multirange && 5;
SELECT '{[1,3)}'::int4multirange @> 1.5;
SELECT '{[1,3)}'::int4multirange + '{[1,3)}'::int8multirange;
-- columns, aggregates, comparison and ordering
CREATE TABLE mr (id int, r int4range, m int4multirange);
INSERT INTO mr VALUES (1, '[1,3)', '{[1,2), [8,9)}'), (2, '[2,5)', '{}'), (3, '[10,12)', NULL), (4, NULL, '{[0,1)}');
INSERT INTO mr (id, m) VALUES (5, '{[3,1)}');
-- differs: a range stored into a multirange column is read by multirange_in (22P02), PostgreSQL wants a cast (42804)
INSERT INTO mr (id, m) VALUES (5, int4range(1, 2));
SELECT id, m FROM mr ORDER BY id;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'mr'::regclass AND attnum > 0 ORDER BY attnum;
SELECT range_agg(r) FROM mr;
SELECT range_agg(m) FROM mr;
SELECT range_intersect_agg(r) FROM mr WHERE id < 3;
SELECT range_intersect_agg(m) FROM mr WHERE id IN (1, 4);
SELECT range_intersect_agg(m) FROM mr WHERE id = 1;
SELECT range_agg(r), range_intersect_agg(r) FROM mr WHERE false;
SELECT id % 2, range_agg(r) FROM mr GROUP BY 1 ORDER BY 1;
SELECT pg_typeof(a), pg_typeof(b) FROM (SELECT range_agg(r) AS a, range_intersect_agg(r) AS b FROM mr) s;
SELECT range_agg(x) FROM (VALUES ('[2024-01-01,2024-01-05)'::daterange), ('[2024-01-05,2024-01-09)'), ('[2024-02-01,2024-02-02)')) v(x);
SELECT range_agg(x) FROM (VALUES (numrange(1, 2)), (NULL), (numrange(1.5, 3))) v(x);
SELECT id, m FROM mr ORDER BY m, id;
SELECT id, m FROM mr ORDER BY m DESC NULLS LAST, id;
SELECT id FROM mr WHERE m = '{[1,2), [8,9)}' ORDER BY id;
SELECT id FROM mr WHERE m > '{[0,5)}' ORDER BY id;
SELECT id FROM mr WHERE m @> 8 ORDER BY id;
SELECT id FROM mr WHERE m && int4range(0, 2) ORDER BY id;
SELECT m::text, '{[2024-01-01,2024-02-01)}'::datemultirange::text FROM mr WHERE id = 1;
UPDATE mr SET m = m + '{[2,8)}' WHERE id = 1;
SELECT m FROM mr WHERE id = 1;
SELECT '{[1,2)}'::int4multirange = '{[1,2)}', '{[1,2)}'::int4multirange < '{[1,3)}'::int4multirange, '{}'::int4multirange < '{[1,3)}'::int4multirange, '{[1,2),[5,6)}'::int4multirange > '{[1,2)}'::int4multirange;
-- a date/time multirange read and shown in the session's zone
SET TimeZone = 'Europe/Paris';
SELECT '{[2024-01-01 10:00, 2024-01-01 11:00)}'::tstzmultirange;
CREATE TABLE mtz (m tstzmultirange);
INSERT INTO mtz VALUES ('{[2024-06-01 10:00, 2024-06-01 12:00), [2024-06-01 12:00, 2024-06-01 13:00)}');
SELECT m, m::text, lower(m) FROM mtz;
RESET TimeZone;
SELECT m FROM mtz;
-- arrays of multiranges
CREATE TABLE ma (id int, m int4multirange[]);
INSERT INTO ma VALUES (1, '{"{[1,2),[3,4)}","{}"}');
SELECT id, m, m[1] FROM ma;
SELECT ARRAY['{[1,2)}'::int4multirange];
-- unnest: a multirange's ranges, in order
SELECT unnest('{[1,2),[3,4)}'::int4multirange);
SELECT * FROM unnest('{[1,2),[3,4)}'::int4multirange);
SELECT u, pg_typeof(u) FROM unnest('{[1,2),[3,4)}'::int4multirange) u;
SELECT * FROM unnest('{[2024-01-01 10:00, 2024-01-01 11:00), [2024-01-02,2024-01-03)}'::tsmultirange) WITH ORDINALITY;
SELECT unnest('{}'::int4multirange);
CREATE TABLE um (id int, m nummultirange);
INSERT INTO um VALUES (1, '{[1.5,2),[3,4)}'), (2, '{}'), (3, NULL);
SELECT id, unnest(m) FROM um ORDER BY 1, 2;
SELECT id, r FROM um, unnest(m) AS r ORDER BY 1, 2;
SELECT id, r, n FROM um, unnest(m, ARRAY[1,2]) AS x(r, n) ORDER BY 1, 2;
SELECT range_agg(r ORDER BY r DESC), range_agg(DISTINCT r), range_agg(r) FILTER (WHERE id > 1), range_intersect_agg(DISTINCT r) FILTER (WHERE id < 3) FROM mr;
-- differs: refused (0A000): range_agg as a window function
SELECT id, range_agg(r) OVER (ORDER BY id) FROM mr ORDER BY id;
