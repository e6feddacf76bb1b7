-- numeric arrays keep each element's display scale: the element of array_append,
-- array_prepend and array || element was stored without it ({1.50,2} for {1.50,2.0}).
SELECT array_append(ARRAY[1.50], 2.0), array_prepend(2.0, ARRAY[1.50]), array_cat(ARRAY[1.50], ARRAY[2.0, 3]);
SELECT ARRAY[1.50] || 2.0, 2.0 || ARRAY[1.50], ARRAY[1.50] || ARRAY[2.0];
SELECT ARRAY[1.50, 2.0, 3], ARRAY[1.50::numeric(6,3)];
SELECT * FROM unnest(ARRAY[1.50, 2.0]);
SELECT array_append(ARRAY[1.50]::numeric[], 2.0::numeric(5,2)), array_append(ARRAY[1, 2], 2.50);
SELECT array_agg(x) FROM unnest(ARRAY[1.50, 2.0, 3]) x;
-- differs: VALUES of numeric literals lose their display scale (1.5, 2), see docs/sql-compat.md
SELECT array_agg(x) FROM (VALUES (1.50), (2.0), (3)) v(x);
SELECT ARRAY[1.5] || (1.25 * 2), array_prepend(1.0 + 1, ARRAY[1.5]);
SELECT ARRAY[1.5] || NULL::numeric, array_append(ARRAY['a'], 'b'), array_append(ARRAY[true], false);
SELECT array_append(ARRAY[1.5::real], 2.5::real), ARRAY[1.5::float8] || 2.25::float8;
SELECT array_append(ARRAY[1.5::real], 0.1::real), ARRAY['2024-01-01'::date] || '2024-01-02'::date;
CREATE TABLE jpa(n numeric(6,2));
INSERT INTO jpa VALUES (1.5), (2);
SELECT array_agg(n), array_append(array_agg(n), 3.000), array_prepend(0.5, array_agg(n)) FROM jpa;
PREPARE jpa1(numeric[], numeric) AS SELECT $1 || $2, array_append($1, $2), $2 || $1;
EXECUTE jpa1('{1.50}', '2.0');
DROP TABLE jpa;
-- anycompatible: an element of another number type widens the array (numeric[], bigint[])
SELECT array_append(ARRAY[1, 2], 2.50), array_prepend(2.5, ARRAY[1]), ARRAY[1,2] || 2.50,
       array_append(ARRAY[1.5], 2), array_append(ARRAY[1::int2], 2::int8);
