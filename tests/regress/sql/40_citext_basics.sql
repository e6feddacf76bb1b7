-- citext (CREATE EXTENSION citext, version 1.6): case-insensitive text, as Rails' t.citext,
-- Django's CITextField and Prisma's @db.Citext keep e-mail addresses and user names. Columns
-- are SQLite's COLLATE NOCASE (ASCII letters folded, as citext's lower() under the database's
-- C collation); comparisons resolve as PostgreSQL's operators do (citext vs text: text's).
SELECT 'a'::citext;
CREATE TABLE ct_early (e citext);
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION citext;
SELECT extname, extversion, extrelocatable FROM pg_extension WHERE extname = 'citext';
SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'citext';
SELECT 'A'::citext = 'a', 'A'::citext = 'a'::text, 'a'::text = 'A'::citext, 'É'::citext = 'é', 'x'::citext <> 'X';
SELECT 'a'::citext < 'B'::citext, 'a'::text < 'B'::text, 'a'::citext < 'B', 'a'::citext < 'B'::text, '_'::citext < 'A';
SELECT 'A'::citext LIKE 'a%', 'A'::citext ~ 'a', 'a'::text LIKE 'A'::citext, 'A'::citext NOT ILIKE 'b%', 'Ab'::citext !~ '^a';
SELECT 'a'::citext::text::citext = 'A', 'ab'::citext || 'C', 5::citext, 'x'::varchar::citext, pg_typeof('a'::citext), pg_typeof('a'::citext || 'b');
SELECT CASE WHEN 'A'::citext = 'a' THEN 1 END, coalesce(NULL::citext, 'z'), 'A'::citext IS NOT DISTINCT FROM 'a';
CREATE TABLE ct_users (id int PRIMARY KEY, email citext UNIQUE NOT NULL, name text, tags citext[]);
INSERT INTO ct_users VALUES (1, 'Bob@X.org', 'Bob', '{A,b}'), (2, 'alice@y.org', 'alice', NULL), (3, 'Émile@z.fr', 'émile', NULL), (4, '_x@q', 'BOB@X.ORG', '{}');
INSERT INTO ct_users VALUES (5, 'bob@x.ORG', 'dup', NULL);
INSERT INTO ct_users VALUES (5, 'émile@z.fr', 'not ASCII: another key', NULL);
SELECT id, email FROM ct_users WHERE email = 'BOB@x.org';
SELECT id FROM ct_users WHERE email LIKE 'ALICE%' OR email ~ '^é' ORDER BY id;
SELECT email FROM ct_users ORDER BY email DESC;
SELECT email, name FROM ct_users ORDER BY email::text;
SELECT email, name FROM ct_users ORDER BY email::varchar DESC;
SELECT email, name FROM ct_users ORDER BY (email || '')::citext, email::citext::text;
SELECT id FROM ct_users WHERE email = name ORDER BY id;
SELECT id FROM ct_users WHERE name = email ORDER BY id;
SELECT id FROM ct_users WHERE email::text = 'bob@x.org' ORDER BY id;
SELECT id FROM ct_users WHERE email IN ('ALICE@Y.ORG', 'x') ORDER BY id;
SELECT id FROM ct_users WHERE email BETWEEN 'a' AND 'C' ORDER BY id;
SELECT lower(min(email)), lower(max(email)), count(DISTINCT email) FROM ct_users;
SELECT lower(email::text), count(*) FROM ct_users GROUP BY email ORDER BY 1;
INSERT INTO ct_users VALUES (6, 'BOB@X.ORG', 'upsert', NULL) ON CONFLICT (email) DO UPDATE SET name = excluded.name;
SELECT id, email, name FROM ct_users ORDER BY id;
SELECT tags, tags::text FROM ct_users ORDER BY id;
SELECT x::text FROM (SELECT email AS x FROM ct_users) s WHERE x = 'ALICE@Y.ORG';
WITH c AS (SELECT email FROM ct_users) SELECT count(*) FROM c WHERE email = 'bob@x.org';
CREATE VIEW ct_v AS SELECT id, email FROM ct_users;
SELECT id FROM ct_v WHERE email = 'Alice@Y.org';
SELECT email::text FROM ct_users WHERE id < 3 UNION SELECT 'ALICE@Y.ORG'::citext ORDER BY 1;
SELECT a.id, b.id FROM ct_users a JOIN ct_users b ON a.email = b.name ORDER BY 1;
-- a domain over citext
CREATE DOMAIN ct_email AS citext CHECK (value LIKE '%@%');
CREATE TABLE ct_d (e ct_email UNIQUE);
INSERT INTO ct_d VALUES ('A@x');
INSERT INTO ct_d VALUES ('a@X');
INSERT INTO ct_d VALUES ('nope');
SELECT e::text FROM ct_d WHERE e = 'a@x';
-- the catalog
SELECT column_name, data_type, udt_schema, udt_name FROM information_schema.columns WHERE table_name = 'ct_users' ORDER BY ordinal_position;
SELECT typname, typtype, typcategory, typcollation, typnamespace::regnamespace, typinput, typoutput, typalign, typstorage FROM pg_type WHERE typname LIKE '%citext' ORDER BY 1;
SELECT format_type('citext'::regtype, -1), 'public.citext'::regtype, '_citext'::regtype, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'ct_users'::regclass AND attname = 'tags';
SELECT deptype, refobjid = (SELECT oid FROM pg_extension WHERE extname = 'citext') FROM pg_depend WHERE objid = 'citext'::regtype AND refclassid = 'pg_extension'::regclass;
SET search_path = '';
SELECT format_type('public.citext'::regtype, NULL), format_type(atttypid, atttypmod) FROM pg_catalog.pg_attribute WHERE attrelid = 'public.ct_users'::regclass AND attname = 'email';
RESET search_path;
-- ALTER COLUMN TYPE to citext and back
CREATE TABLE ct_alt (id int PRIMARY KEY, s text UNIQUE, c citext);
INSERT INTO ct_alt VALUES (1, 'Abc', 'Xy'), (2, 'abc', 'xy2');
ALTER TABLE ct_alt ALTER COLUMN s TYPE citext;
DELETE FROM ct_alt WHERE id = 2;
ALTER TABLE ct_alt ALTER COLUMN s TYPE citext;
SELECT id FROM ct_alt WHERE s = 'ABC';
INSERT INTO ct_alt VALUES (3, 'aBC', 'q');
ALTER TABLE ct_alt ALTER COLUMN c TYPE text;
SELECT id FROM ct_alt WHERE c = 'xy';
SELECT id FROM ct_alt WHERE c = 'Xy';
-- citext's own functions (citext--1.4.sql's SQL bodies): case-insensitive for a citext and a
-- citext or untyped argument, text's beside a text
SELECT strpos('ABC'::citext, 'b'), strpos(email, 'X.ORG'), strpos(email, name), replace(email, 'B', '-'), replace(email, '.', '!') FROM ct_users WHERE id = 1;
SELECT split_part('aXbxC.c'::citext, 'x', 2), split_part('aXbxC.c'::citext, 'x', 3), translate('abcB'::citext, 'b', 'z'), translate('abc'::citext, 'B'::text, 'z');
SELECT regexp_match(email, 'b(.)'), regexp_replace(email, 'O', '0'), regexp_replace(email, 'O', '0', 'g'), regexp_replace(email, 'O', '0', 'gc'), regexp_split_to_array('aXbxc'::citext, 'x') FROM ct_users WHERE id = 1;
SELECT regexp_replace('aXbx'::citext, 'x', '_', 2), regexp_match(email, name) FROM ct_users WHERE id = 1;
SELECT regexp_split_to_table('aXbxc'::citext, 'x');
-- differs: refused (0A000): regexp_matches() of a citext (PostgreSQL: citext's, with the flag i)
SELECT regexp_matches('aXbx'::citext, 'x', 'g');
-- differs: refused (0A000): comparing citext[] values (PostgreSQL: element by element, case-insensitively)
SELECT id FROM ct_users WHERE tags = '{a,B}';
-- differs: refused (0A000): ANY of a citext[] (PostgreSQL: citext's =)
SELECT id FROM ct_users WHERE 'a' = ANY (tags);
-- citext expressions in DISTINCT, ORDER BY and an outer query
SELECT count(*) FROM (SELECT DISTINCT coalesce(email, 'x') FROM ct_users) s;
SELECT e::text FROM (SELECT coalesce(email, 'x') AS e FROM ct_users) s WHERE e = 'ALICE@Y.ORG';
SELECT id FROM ct_users ORDER BY coalesce(email, 'x') DESC;
-- dropping: 2BP01 while columns, a domain and a view use the type
DROP EXTENSION citext;
DROP TABLE ct_users, ct_d, ct_alt CASCADE;
DROP DOMAIN ct_email;
DROP EXTENSION IF EXISTS citext CASCADE;
SELECT extname FROM pg_extension ORDER BY 1;
SELECT 'x'::citext;
