-- A stored generated column's value is assigned to the column's type: out of an integer
-- type's range is 22003 on INSERT and UPDATE, as PostgreSQL's assignment cast says, and the
-- row is not written.
CREATE TABLE g (a int, b smallint GENERATED ALWAYS AS (a * 1000) STORED,
	c int GENERATED ALWAYS AS (a * 100000000) STORED,
	d bigint GENERATED ALWAYS AS (a::bigint * 1000000000000) STORED);
INSERT INTO g (a) VALUES (10);
INSERT INTO g (a) VALUES (40);
INSERT INTO g (a) VALUES (-33);
UPDATE g SET a = 33;
UPDATE g SET a = 32;
SELECT * FROM g;
INSERT INTO g (a) VALUES (21);
INSERT INTO g (a) VALUES (-21);
INSERT INTO g (a) VALUES (9300000);
SELECT * FROM g ORDER BY a;
