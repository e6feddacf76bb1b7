-- A numeric at rest is an SQLite number (a 64-bit integer, or a double read back as its
-- shortest round-trip decimal): a value written into a numeric column that this number would
-- not read back as is refused with 0A000, never stored rounded (h/numrest; docs/sql-compat.md,
-- "A numeric at rest"). Values that are kept read back as PostgreSQL's.
CREATE TABLE nr (id int PRIMARY KEY, n numeric, m numeric(30,2), s numeric(20,-2));
CREATE DOMAIN nrdom AS numeric CHECK (VALUE > 0);
CREATE TABLE nrd (id int, d nrdom, e numeric DEFAULT 0.25, f numeric(10,2) DEFAULT 1.005);
-- kept: the same value (an unconstrained column keeps no display scale: 1.50 reads 1.5)
INSERT INTO nr (id, n) VALUES (1, 0.1), (2, 9223372036854775807), (3, -9223372036854775808), (4, 123456789012345), (5, 1e3), (6, '0.25'), (7, -0.0), (8, 'NaN'), (9, 1.5000000000000000000000);
INSERT INTO nr (id, m, s) VALUES (10, 1.005, 12345678901234567.891), (11, 9999999999999.994, 1250), (12, '0.125', -49);
SELECT id, trim_scale(n), m, s FROM nr ORDER BY id;
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
INSERT INTO nr (id, n) VALUES (20, 12345678901234567890.5);
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
INSERT INTO nr (id, n) VALUES (21, 9223372036854775808);
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
INSERT INTO nr (id, n) VALUES (22, '0.1234567890123456789');
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
INSERT INTO nr (id, n) VALUES (23, 123456789.123456789::numeric);
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
INSERT INTO nr (id, m) VALUES (24, 12345678901234567.891);
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
INSERT INTO nr (id, n) SELECT 25, 12345678901234567890.5;
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
UPDATE nr SET n = 12345678901234567890.5 WHERE id = 1;
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
INSERT INTO nr (id, n) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 12345678901234567890.5;
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
MERGE INTO nr USING (SELECT 2 AS id) s ON nr.id = s.id WHEN MATCHED THEN UPDATE SET n = 0.1234567890123456789;
-- extended
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
INSERT INTO nr (id, n) VALUES (26, 12345678901234567890.5);
-- the refusals stored nothing (PostgreSQL stored them: ids 20 to 26)
SELECT id, trim_scale(n), m FROM nr WHERE id BETWEEN 4 AND 19 ORDER BY id;
UPDATE nr SET n = 0.5 WHERE id = 1;
INSERT INTO nr (id, n) VALUES (2, 0) ON CONFLICT (id) DO UPDATE SET n = 2.25;
MERGE INTO nr USING (SELECT 3 AS id) s ON nr.id = s.id WHEN MATCHED THEN UPDATE SET n = 3.75;
SELECT id, n FROM nr WHERE id <= 3 ORDER BY id;
-- a value SQLite computed in double arithmetic is a double already: stored as it is
INSERT INTO nr (id, n) SELECT 30, 1::numeric / 4;
UPDATE nr SET n = n * 3 WHERE id = 30;
SELECT id, n::float8 FROM nr WHERE id = 30;
-- a domain over numeric, and constant defaults
INSERT INTO nrd (id, d) VALUES (1, 2.5);
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
INSERT INTO nrd (id, d) VALUES (2, 12345678901234567890.5);
SELECT id, d, e, f FROM nrd WHERE id = 1;
ALTER TABLE nrd ADD COLUMN g numeric DEFAULT 0.5;
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
ALTER TABLE nrd ADD COLUMN h numeric DEFAULT 12345678901234567890.5;
CREATE TABLE nrdef (id int, n numeric DEFAULT 12345678901234567890.5, m numeric(30,2) DEFAULT 12345678901234567.891);
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'nrdef' ORDER BY ordinal_position;
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
INSERT INTO nrdef (id, m) VALUES (1, 0);
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
INSERT INTO nrdef (id, n) VALUES (2, 0);
INSERT INTO nrdef (id, n, m) VALUES (3, 1, 2);
SELECT id, n, m FROM nrdef WHERE id = 3;
