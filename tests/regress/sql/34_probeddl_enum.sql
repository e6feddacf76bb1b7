-- Probing PostgreSQL's enum.sql: ALTER TYPE ... ADD VALUE IF NOT EXISTS of a new label is seen
-- by the session's next statement (its types were read before the label was written); a
-- RENAME VALUE of a label a CHECK constraint compares is refused with 0A000 (the CHECK kept
-- the old label's text and let it through after the rename).
CREATE TYPE planets AS ENUM ('venus', 'earth', 'mars');
SELECT enum_last(NULL::planets);
ALTER TYPE planets ADD VALUE IF NOT EXISTS 'venus';
ALTER TYPE planets ADD VALUE IF NOT EXISTS 'pluto';
SELECT enum_last(NULL::planets), enum_range(NULL::planets);
SELECT 'pluto'::planets > 'mars';
ALTER TYPE planets ADD VALUE IF NOT EXISTS 'mercury' BEFORE 'venus';
SELECT enum_first(NULL::planets);
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE person (name text, m mood CHECK (m <> 'sad'));
INSERT INTO person VALUES ('a', 'ok'), ('b', 'happy');
INSERT INTO person VALUES ('c', 'sad');
ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';
INSERT INTO person VALUES ('d', 'meh');
SELECT * FROM person ORDER BY m;
-- differs: RENAME VALUE of a label a CHECK constraint compares is 0A000 (docs/sql-compat.md)
ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
SELECT m, count(*) FROM person GROUP BY m ORDER BY m;
CREATE TYPE color AS ENUM ('red', 'green');
CREATE TABLE paint (c color);
INSERT INTO paint VALUES ('red');
ALTER TYPE color RENAME VALUE 'red' TO 'crimson';
SELECT * FROM paint;
