-- an array of numeric or float elements cast to an integer array rounds each element as the
-- element's cast does (numeric half away from zero, float to even); a string is read by
-- int4in, which takes no fraction
SELECT ARRAY[1.5, 2.5]::int[], ARRAY[1.5]::bigint[], ARRAY[1.5, 2.5, -2.5]::smallint[];
SELECT '{1.5}'::numeric[]::int[], '{{1.5,NULL},{-0.5,9.49}}'::numeric[]::int8[];
SELECT '{1.5,2.5,-2.5,-0.5}'::float8[]::int[], ARRAY[2.5::float4, 3.5]::int2[];
SELECT '{1.5}'::int[];
SELECT ARRAY['1.5']::int[];
SELECT '{1.5}'::text[]::int[];
SELECT ARRAY[-1.5, 99999.5]::smallint[];
SELECT ARRAY[2147483647.5]::int[];
SELECT ARRAY[-99.5, 9.5, -999.9]::int[];
SELECT '{NaN}'::numeric[]::int[];
SELECT '{NaN}'::float8[]::int[];
SELECT '{1e300}'::float8[]::int8[];
SELECT '{}'::numeric[]::int[], NULL::numeric[]::int[];
CREATE TABLE sr_ar (id int, n numeric[], f float8[]);
INSERT INTO sr_ar VALUES (1, '{0.5,1.49,-7.5}', '{0.5,1.5}'), (2, NULL, '{}');
SELECT id, n::int[], f::int8[], (n::int[])[3] + 1 FROM sr_ar ORDER BY id;
DROP TABLE sr_ar;
