-- ALTER COLUMN ... TYPE without USING converts only where PostgreSQL has an implicit or
-- assignment cast (GORM's ModifyColumn sends it bare): text to integer was run, 'admin'
-- becoming 0. With USING, or to numeric(p,s), the rows are checked as a query's casts are.
CREATE TABLE m (id int PRIMARY KEY, role text, v varchar(10), n numeric(10,2), i int,
	b bool, d date, ts timestamptz, t time, iv interval, j json, u uuid, by bytea,
	f float8, big int8);
INSERT INTO m VALUES (1, 'admin', 'abcdef', 123.45, 70000, true, '2024-01-02',
	'2024-01-02 03:04:05+00', '04:05:06', '1 day', '{"b":1,  "a":[1,2]}',
	'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x0102', 2.5, 5000000000);
-- fields
ALTER TABLE m ALTER COLUMN role TYPE integer;
-- fields
ALTER TABLE m ALTER COLUMN role TYPE numeric(10,2);
-- fields
ALTER TABLE m ALTER COLUMN role TYPE json;
-- fields
ALTER TABLE m ALTER COLUMN v TYPE date;
-- fields
ALTER TABLE m ALTER COLUMN b TYPE integer;
-- fields
ALTER TABLE m ALTER COLUMN i TYPE boolean;
-- fields
ALTER TABLE m ALTER COLUMN d TYPE integer;
-- fields
ALTER TABLE m ALTER COLUMN i TYPE date;
-- fields
ALTER TABLE m ALTER COLUMN d TYPE time;
-- fields
ALTER TABLE m ALTER COLUMN t TYPE timestamp(3);
-- fields
ALTER TABLE m ALTER COLUMN iv TYPE date;
-- fields
ALTER TABLE m ALTER COLUMN j TYPE integer;
-- fields
ALTER TABLE m ALTER COLUMN u TYPE bytea;
-- fields
ALTER TABLE m ALTER COLUMN by TYPE uuid;
-- fields
ALTER TABLE m ALTER COLUMN f TYPE timestamptz;
SELECT * FROM m;
-- USING: the value read as the cast reads it
ALTER TABLE m ALTER COLUMN role TYPE integer USING role::integer;
ALTER TABLE m ALTER COLUMN v TYPE uuid USING v::uuid;
ALTER TABLE m ALTER COLUMN big TYPE integer;
ALTER TABLE m ALTER COLUMN v TYPE integer USING (SELECT 1);
-- numeric(p,s): rounded, and too many integer digits refused with PostgreSQL's DETAIL
-- detail
ALTER TABLE m ALTER COLUMN n TYPE numeric(3,1);
-- detail
ALTER TABLE m ALTER COLUMN i TYPE numeric(4,0);
-- detail
ALTER TABLE m ALTER COLUMN f TYPE numeric(2,2);
ALTER TABLE m ALTER COLUMN n TYPE numeric(5,1);
ALTER TABLE m ALTER COLUMN f TYPE numeric(4,3);
SELECT n, f FROM m;
-- detail
SELECT n::numeric(2,0) FROM m;
SELECT n::numeric(4,0), i::numeric(7,1), f::numeric(3,2) FROM m;
-- detail
SELECT 1000::numeric(3,0);
-- detail
SELECT 12.5::numeric(2,2);
-- what converts without USING, as in PostgreSQL
ALTER TABLE m ALTER COLUMN j TYPE jsonb;
ALTER TABLE m ALTER COLUMN i TYPE bigint;
ALTER TABLE m ALTER COLUMN i TYPE float8;
ALTER TABLE m ALTER COLUMN i TYPE numeric;
ALTER TABLE m ALTER COLUMN i TYPE int;
ALTER TABLE m ALTER COLUMN b TYPE text;
ALTER TABLE m ALTER COLUMN d TYPE timestamp;
ALTER TABLE m ALTER COLUMN ts TYPE date;
ALTER TABLE m ALTER COLUMN t TYPE interval;
ALTER TABLE m ALTER COLUMN iv TYPE time;
ALTER TABLE m ALTER COLUMN u TYPE varchar(40);
ALTER TABLE m ALTER COLUMN by TYPE text;
ALTER TABLE m ALTER COLUMN v TYPE text;
SELECT * FROM m;
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'm'
	ORDER BY ordinal_position;
-- a string column to another string type, and back
ALTER TABLE m ALTER COLUMN role TYPE varchar(20);
ALTER TABLE m ALTER COLUMN role TYPE text;
ALTER TABLE m ALTER COLUMN role TYPE "char";
SELECT role FROM m;
DROP TABLE m;
-- "char" takes only the string types' casts
CREATE TABLE qc (i int, b bool, n name, t text, c "char", d date);
INSERT INTO qc VALUES (65, true, 'x', 'y', 'z', '2024-01-01');
-- fields
ALTER TABLE qc ALTER COLUMN i TYPE "char";
-- fields
ALTER TABLE qc ALTER COLUMN b TYPE "char";
-- fields
ALTER TABLE qc ALTER COLUMN n TYPE "char";
ALTER TABLE qc ALTER COLUMN t TYPE "char";
ALTER TABLE qc ALTER COLUMN c TYPE name;
ALTER TABLE qc ALTER COLUMN d TYPE name;
SELECT * FROM qc;
DROP TABLE qc;
-- an enum: only from itself
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE en (t text, m mood, i int);
INSERT INTO en VALUES ('ok', 'sad', 1);
-- fields
ALTER TABLE en ALTER COLUMN t TYPE mood;
-- fields
ALTER TABLE en ALTER COLUMN i TYPE mood;
ALTER TABLE en ALTER COLUMN t TYPE mood USING t::mood;
ALTER TABLE en ALTER COLUMN m TYPE text;
ALTER TABLE en ALTER COLUMN m TYPE mood USING m::mood;
SELECT * FROM en ORDER BY t;
DROP TABLE en;
DROP TYPE mood;
