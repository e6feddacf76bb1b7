-- silent4: an untyped literal on the left of a comparison with a number or boolean constant
-- is read as that constant's type ('1' = 1 is true, '2' > 10 false), as PostgreSQL resolves
-- it; SQLite compared the text with the number.
SELECT '1' = 1, '1.5' = 1.5, '2' > 10, '10' < 9, '10' >= 10, '3' <> 3;
SELECT 'true' = true, 'f' = false, 'yes' <> true, 'abc' = 'abc', '1' = '1.0';
SELECT '007' = 7, ' 5 ' = 5, '1e2' = 100.0, '-0' = 0;
SELECT '12345678901' > 1;
SELECT 'x' = 1;
SELECT 'maybe' = true;
SELECT '1.5' = 1;
