-- An attribute of a composite type in a composite type (CREATE TYPE seg AS (name text, a pt)):
-- record_in reads the field as a value of pt in turn; ((s).a).x, arrays of such values.
CREATE TYPE pt AS (x int, y int);
CREATE TYPE seg AS (name text, a pt, b pt);
CREATE TABLE st (id int, s seg);
INSERT INTO st VALUES (1, ROW('one', ROW(1,2)::pt, ROW(3,4)::pt));
INSERT INTO st VALUES (2, '(two,"(5,6)",)');
INSERT INTO st VALUES (3, '(bad,"(5,x)",)');
INSERT INTO st VALUES (3, '(bad,"(5)",)');
-- differs: 22P02 malformed record literal: the nested row is read as text (PostgreSQL: 42846 cannot cast type record to pt)
INSERT INTO st VALUES (3, ROW('r', ROW(1,2,3), NULL));
SELECT * FROM st ORDER BY id;
SELECT (s).a, pg_typeof((s).a), ((s).a).x, ((s).b).y, (s).name FROM st ORDER BY id;
SELECT ('(q,"( 7 , 8 )","(9,10)")'::seg).b;
SELECT ROW('z', ROW(1, 2), NULL)::seg;
SELECT s IS NULL, (s).b IS NULL FROM st ORDER BY id;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'seg'::regclass ORDER BY attnum;
UPDATE st SET s.a = ROW(0,0)::pt WHERE id = 2;
SELECT s FROM st WHERE id = 2;
CREATE TABLE st2 (id int, ss seg[]);
INSERT INTO st2 VALUES (1, ARRAY[ROW('e', ROW(1,1)::pt, NULL)::seg]);
SELECT ss, ss[1].a, (ss[1].a).y FROM st2;
DROP TYPE pt;
-- differs: 0A000: an attribute change of a composite type another composite type uses (its values inside are not rewritten)
ALTER TYPE pt ADD ATTRIBUTE z int;
DROP TABLE st2;
DROP TABLE st;
DROP TYPE seg;
DROP TYPE pt;
