-- A numeric constant assigned to a string column is stored as numeric_out prints it: every
-- digit as written, leading zeros dropped, no negative zero (pandas' to_sql writes a column of
-- Decimal objects as TEXT and psycopg2 sends each Decimal as a bare constant). Before, the
-- constant went through a double: 123456789.123456789 was stored as 123456789.123456790.
CREATE TABLE nt (id int PRIMARY KEY, t text, v varchar(7), c char(8));
INSERT INTO nt VALUES (1, 123456789.123456789, 1.10, 0.50),
  (2, 12345678901234567890.5, -0.001, -0.0), (3, 000.000, 00012.3400, 5.),
  (4, 1e3, 1.5e-2, .5), (5, -0.000000000000000000001, 99999.9, 0.);
INSERT INTO nt (id, v) VALUES (6, 1234.5678);
UPDATE nt SET c = -00.10, t = 3.14159265358979323846 WHERE id = 3;
INSERT INTO nt (id, t) VALUES (7, 42.0) ON CONFLICT (id) DO UPDATE SET t = 1.0;
INSERT INTO nt (id, t) VALUES (7, 42.0) ON CONFLICT (id) DO UPDATE SET t = 00.250;
SELECT id, t, v, c, length(c) FROM nt ORDER BY id;
SELECT t = '123456789.123456789' FROM nt WHERE id = 1;
DROP TABLE nt;
