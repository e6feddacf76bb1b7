-- Probing PostgreSQL's prepare.sql: an EXECUTE argument that is a numeric literal, for an
-- integer parameter, is rounded half away from zero as PostgreSQL's assignment cast numeric
-- to integer rounds it (it was 22P02 invalid input syntax for type integer: "4.5").
PREPARE q8(int) AS SELECT $1 + 1 AS r;
EXECUTE q8(4.5);
EXECUTE q8(-2.5);
EXECUTE q8(-0.4);
EXECUTE q8(0.5);
EXECUTE q8(99.99);
EXECUTE q8(.7);
EXECUTE q8('4.5');
EXECUTE q8(3000000000.2);
PREPARE q9(bigint, smallint, numeric, text) AS SELECT $1, $2, $3, $4;
EXECUTE q9(9.5, -1.5, 2.50, 1.5);
CREATE TABLE pt (a int, b bigint);
PREPARE q10(int, bigint) AS INSERT INTO pt VALUES ($1, $2) RETURNING *;
EXECUTE q10(7.5, 12345678901.5);
SELECT * FROM pt;
