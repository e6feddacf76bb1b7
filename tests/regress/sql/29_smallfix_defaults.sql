-- A DEFAULT is coerced to its column's or domain's type by assignment, at CREATE time: a value
-- of a type with no assignment cast is 42804, a literal the type does not read 22P02.
CREATE DOMAIN sfd_int1 AS int DEFAULT 3 + 'h';
CREATE DOMAIN sfd_int2 AS int DEFAULT 'abc'::text;
CREATE DOMAIN sfd_int3 AS int DEFAULT true;
CREATE DOMAIN sfd_int4 AS int DEFAULT now();
CREATE DOMAIN sfd_bool AS boolean DEFAULT 1;
CREATE DOMAIN sfd_int5 AS int DEFAULT 'h';
-- assignment casts that exist: numbers among themselves, anything to a string type
CREATE DOMAIN sfd_ok1 AS int DEFAULT 1.5;
CREATE DOMAIN sfd_ok2 AS text DEFAULT 5;
CREATE DOMAIN sfd_ok3 AS numeric DEFAULT 1.5::float8;
CREATE DOMAIN sfd_ok4 AS timestamp DEFAULT CURRENT_DATE;
CREATE DOMAIN sfd_ok5 AS boolean DEFAULT 't';
CREATE DOMAIN sfd_ok6 AS int DEFAULT '7';
ALTER DOMAIN sfd_ok6 SET DEFAULT 'h';
ALTER DOMAIN sfd_ok6 SET DEFAULT 3 + 'h';
ALTER DOMAIN sfd_ok6 SET DEFAULT now();
ALTER DOMAIN sfd_ok6 SET DEFAULT true;
ALTER DOMAIN sfd_ok6 SET DEFAULT 10;
SELECT typname, typdefault FROM pg_type WHERE typname IN ('sfd_ok1', 'sfd_ok6', 'sfd_int1') ORDER BY typname;

CREATE TABLE sfd_t1 (a int DEFAULT 3 + 'h');
CREATE TABLE sfd_t2 (a int DEFAULT now());
CREATE TABLE sfd_t3 (a int DEFAULT true);
CREATE TABLE sfd_t4 (a boolean DEFAULT 1);
CREATE TABLE sfd_t5 (a int DEFAULT 'abc'::text);
CREATE TABLE sfd_t6 (a int DEFAULT CURRENT_DATE);
CREATE TABLE sfd_t7 (a text DEFAULT now());
CREATE TYPE sfd_mood AS ENUM ('a', 'b');
CREATE SEQUENCE sfd_seq;
CREATE TABLE sfd_ok (id int, a timestamp DEFAULT now(), b date DEFAULT CURRENT_DATE, c numeric DEFAULT 0,
  d int DEFAULT 1.5, e sfd_mood DEFAULT 'a', g jsonb DEFAULT '{}', h boolean DEFAULT false,
  i int DEFAULT nextval('sfd_seq'), j int[] DEFAULT '{}'::int[], k bigint DEFAULT 1, l real DEFAULT 1,
  m timestamptz DEFAULT CURRENT_TIMESTAMP, o int DEFAULT (random() * 10)::int, p int DEFAULT length('xy'),
  q varchar(5) DEFAULT 1, r text DEFAULT 'r', s sfd_ok1, t bigint DEFAULT extract(epoch from now()),
  u varchar(10) DEFAULT ''::character varying, x date DEFAULT now(), z numeric(5,2) DEFAULT 1);
INSERT INTO sfd_ok (id) VALUES (1);
SELECT id, c, d, e, g, h, i, j, k, l, p, q, r, s, u, z, a IS NOT NULL AS a, x = CURRENT_DATE AS x FROM sfd_ok;
ALTER TABLE sfd_ok ALTER COLUMN d SET DEFAULT true;
ALTER TABLE sfd_ok ALTER COLUMN d SET DEFAULT 2 * 'x';
ALTER TABLE sfd_ok ALTER COLUMN d SET DEFAULT 7;
ALTER TABLE sfd_ok ADD COLUMN w boolean DEFAULT 1;
ALTER TABLE sfd_ok ADD COLUMN v int DEFAULT 1 - 'v';
INSERT INTO sfd_ok (id) VALUES (2);
SELECT id, d FROM sfd_ok ORDER BY id;
