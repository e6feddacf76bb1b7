-- An attribute of an enum in a composite type: its label checked when a value is read
-- (record_in with the enum's labels), (x).f typed as the enum; the enum held back while a
-- composite type uses it.
CREATE TYPE ea_mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE ea_entry AS (who text, m ea_mood);
-- differs: 0A000: an attribute of an array of an enum in a composite type
CREATE TYPE ea_bad AS (ms ea_mood[]);
CREATE TYPE ea_bad2 AS (e ea_entry);
DROP TYPE IF EXISTS ea_bad2, ea_bad;
CREATE TABLE ea_t (id int, e ea_entry, es ea_entry[]);
INSERT INTO ea_t VALUES (1, ROW('ann', 'happy'), ARRAY[ROW('bob', 'sad')::ea_entry]);
INSERT INTO ea_t VALUES (2, '(cy,ok)', '{"(dee,happy)",NULL}');
INSERT INTO ea_t VALUES (3, ROW('x', 'angry'), NULL);
INSERT INTO ea_t VALUES (3, '(x,angry)', NULL);
INSERT INTO ea_t VALUES (3, NULL, '{"(x,meh)"}');
SELECT * FROM ea_t ORDER BY id;
SELECT (e).m, pg_typeof((e).m), (e).who FROM ea_t ORDER BY id;
SELECT (es[1]).m, es[1].m, pg_typeof(es[1].m) FROM ea_t ORDER BY id;
SELECT id FROM ea_t WHERE (e).m = 'happy';
SELECT id FROM ea_t WHERE (e).m > 'sad' ORDER BY id;
SELECT ROW('q', 'ok')::ea_entry, '(q,ok)'::ea_entry;
SELECT ('q', 'nope')::ea_entry;
SELECT '(q,nope)'::ea_entry;
UPDATE ea_t SET e.m = 'sad' WHERE id = 1;
SELECT e FROM ea_t WHERE id = 1;
UPDATE ea_t SET e.m = 'nope' WHERE id = 1;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'ea_entry'::regclass ORDER BY attnum;
ALTER TYPE ea_mood ADD VALUE 'meh';
INSERT INTO ea_t VALUES (4, ROW('z', 'meh'), NULL);
SELECT e FROM ea_t WHERE id = 4;
-- differs: 0A000: RENAME VALUE of an enum a composite type uses (its values keep the label's text)
ALTER TYPE ea_mood RENAME VALUE 'meh' TO 'blah';
-- differs: 0A000: RENAME TO of an enum a composite type uses
ALTER TYPE ea_mood RENAME TO ea_feeling;
-- differs: 42704: the rename above was refused, so there is no ea_feeling to rename back
ALTER TYPE ea_feeling RENAME TO ea_mood;
DROP TYPE ea_mood;
DROP TABLE ea_t;
DROP TYPE ea_mood;
DROP TYPE ea_entry;
DROP TYPE ea_mood;
