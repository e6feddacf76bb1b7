-- pgcrypto's password hashing: crypt(password, salt) and gen_salt(type [, rounds]), as
-- password tables use them (crypt($1, gen_salt('bf')) to store, pw = crypt($1, pw) to check).
-- crypt gives PostgreSQL's exact hash for a salt; gen_salt's salts are random, so their shape
-- is checked, and that crypt takes them. The fixed salts below came from PostgreSQL's gen_salt.
SELECT crypt('secret', 'ab');
CREATE EXTENSION pgcrypto;
-- blowfish: $2a$ and $2x$ (the same for ASCII; $2x$ keeps the old sign-extension bug for 8-bit bytes)
SELECT crypt('secret', '$2a$06$FQpz4OYj2fbvLXLiPENDWO'), crypt('secret', '$2a$04$7i9rzMGB/lfBBrlhlOZdTu');
SELECT crypt('', '$2a$04$7i9rzMGB/lfBBrlhlOZdTu'), crypt('x', '$2x$04$7i9rzMGB/lfBBrlhlOZdTu');
SELECT crypt('héllo wörld', '$2a$04$7i9rzMGB/lfBBrlhlOZdTu'), crypt('héllo wörld', '$2x$04$7i9rzMGB/lfBBrlhlOZdTu');
SELECT crypt(repeat('ÿ', 40), '$2a$04$abcdefghijklmnopqrstuu'), crypt(repeat('ÿ', 40), '$2x$04$abcdefghijklmnopqrstuu');
-- the 72-byte limit: the 73rd byte on is not read
SELECT crypt(repeat('a', 72), '$2a$04$abcdefghijklmnopqrstuu') = crypt(repeat('a', 72) || 'b', '$2a$04$abcdefghijklmnopqrstuu');
SELECT crypt(repeat('a', 71), '$2a$04$abcdefghijklmnopqrstuu') = crypt(repeat('a', 71) || 'b', '$2a$04$abcdefghijklmnopqrstuu');
SELECT crypt(repeat('p', 600), '$2a$04$abcdefghijklmnopqrstuu'), crypt('日本語パスワード', '$2a$04$abcdefghijklmnopqrstuv');
-- a stored hash is its own salt
SELECT crypt('secret', '$2a$06$FQpz4OYj2fbvLXLiPENDWOqNJ0ST0ZgnLZ99K/5d/dT3zzTO74TUu');
SELECT crypt('x', '$2a$04$abcdefghijklmnopqrstuu$$$'), crypt('x', '$2a$04$abcdefghijklmnopqrstuu!'), crypt('x', '$2a$04$abcdefghijklmnopqrstuué');
-- md5
SELECT crypt('secret', '$1$YY3l2C3q'), crypt('secret', '$1$dale3Nu3'), crypt('', '$1$'), crypt('x', '$1$abc$def');
SELECT crypt('pässwörd', '$1$abcdefghijkl'), crypt('x', '$1$!@#'), crypt('x', '$1$éé'), crypt(repeat('z', 1000), '$1$ab');
-- extended DES ("_", 4 characters of rounds, 4 of salt: every byte of the password counts)
SELECT crypt('secret', '_J9...GQZ'), crypt('secret', '_/...hrrS'), crypt('', '_J9..abcd'), crypt(repeat('ab', 300), '_J9..abcd');
SELECT crypt('password12345', '_J9..!!!!'), crypt('hé', '_J9..abcdEXTRA');
SELECT crypt('0123456789abcdefg', '_J9..abcd'), crypt(repeat('pässwörd', 13), '_J9..abcd'), crypt(repeat('x', 511), '_J9..abcd'), crypt(repeat('x', 512), '_J9..abcd'), crypt(repeat('日本', 400), '_7C/.salt');
SELECT crypt(repeat('x', 512), '_J9..abcd') <> crypt(repeat('x', 512) || 'y', '_J9..abcd'), crypt(repeat('ab', 8), '_J9..abcd') <> crypt(repeat('ab', 8) || 'c', '_J9..abcd');
-- traditional DES (two salt characters, the first 8 bytes of the password)
SELECT crypt('secret', 'gu'), crypt('secret', 'KT'), crypt('', './'), crypt('12345678', 'zz'), crypt('123456789', 'zz');
SELECT crypt('x', '!!'), crypt('x', '~~'), crypt('x', 'éx'), crypt('x', 'abEXTRA'), crypt('hé', 'a!');
-- $2b$, $2y$, $5$ and $6$ are not pgcrypto's: DES with their first two characters
SELECT crypt('x', '$2b$04$abcdefghijklmnopqrstuu'), crypt('x', '$2y$04$abcdefghijklmnopqrstuu'), crypt('x', '$5$abc'), crypt('x', '$6$abc'), crypt('x', '$3$');
-- detail
SELECT crypt('x', '$2$');
-- detail
SELECT crypt('x', '_....abcd');
-- detail
SELECT crypt('x', '');
-- detail
SELECT crypt('x', 'a');
-- detail
SELECT crypt('x', '_J9..ab');
-- detail
SELECT crypt('x', '$2a$');
-- detail
SELECT crypt('x', '$2a$03$abcdefghijklmnopqrstuu');
-- detail
SELECT crypt('x', '$2a$32$abcdefghijklmnopqrstuu');
-- detail
SELECT crypt('x', '$2a$4$abcdefghijklmnopqrstuu');
-- detail
SELECT crypt('x', '$2a$04$abcdefghijklmnopqrstu!');
-- detail
SELECT crypt('x', '$2a$04$abcdefghijklmnopqrst');
SELECT crypt(NULL, 'ab') IS NULL, crypt('x', NULL) IS NULL, pg_typeof(crypt('x', 'ab'));
-- gen_salt: the shape of each type's salt, and crypt takes it
SELECT gen_salt('bf') ~ '^\$2a\$06\$[./A-Za-z0-9]{21}[.Oeu]$', gen_salt('bf', 4) ~ '^\$2a\$04\$', gen_salt('BF', 0) ~ '^\$2a\$06\$', gen_salt('bf', 12) ~ '^\$2a\$12\$';
SELECT gen_salt('md5') ~ '^\$1\$[./0-9A-Za-z]{8}$', gen_salt('md5', 1000) ~ '^\$1\$', gen_salt('des') ~ '^[./0-9A-Za-z]{2}$', gen_salt('des', 25) ~ '^..$';
SELECT gen_salt('xdes') ~ '^_J9\.\.[./0-9A-Za-z]{4}$', gen_salt('xdes', 1) ~ '^_/\.\.\.', gen_salt('Xdes', 16777215) ~ '^_zzzz', gen_salt('xdes', 727) ~ '^_L9\.\.';
SELECT length(crypt('secret', gen_salt('bf', 4))), length(crypt('secret', gen_salt('md5'))), length(crypt('secret', gen_salt('xdes'))), length(crypt('secret', gen_salt('des')));
SELECT count(DISTINCT gen_salt('bf')) FROM generate_series(1, 20);
SELECT pg_typeof(gen_salt('bf')), gen_salt(NULL) IS NULL, gen_salt('bf', NULL) IS NULL;
-- detail
SELECT gen_salt('foo');
-- detail
SELECT gen_salt(' bf');
-- detail
SELECT gen_salt('bf', 3);
-- detail
SELECT gen_salt('bf', 32);
-- detail
SELECT gen_salt('bf', -1);
-- detail
SELECT gen_salt('xdes', 2);
-- detail
SELECT gen_salt('xdes', 16777217);
-- detail
SELECT gen_salt('md5', 5);
-- detail
SELECT gen_salt('des', 24);
-- a password table, as PostgREST's and Supabase's tutorials keep one
CREATE TABLE pc_users (id serial PRIMARY KEY, email text UNIQUE NOT NULL, pass text NOT NULL CHECK (length(pass) < 512));
INSERT INTO pc_users (email, pass) VALUES ('a@x', crypt('hunter2', gen_salt('bf', 4))), ('b@x', crypt('s3cret', gen_salt('md5')));
SELECT email, pass = crypt('hunter2', pass) AS ok FROM pc_users ORDER BY email;
SELECT email FROM pc_users WHERE email = 'a@x' AND pass = crypt('hunter2', pass);
SELECT count(*) FROM pc_users WHERE pass = crypt('wrong', pass);
UPDATE pc_users SET pass = crypt('new', gen_salt('xdes')) WHERE email = 'b@x';
SELECT email, pass = crypt('new', pass), substr(pass, 1, 5) FROM pc_users ORDER BY email;
PREPARE pc_check AS SELECT crypt($1, $2) AS h;
EXECUTE pc_check('hunter2', '$1$abcdefgh');
CREATE TABLE pc_keys (k text DEFAULT crypt('default', '$1$salt'), s text DEFAULT gen_salt('des'));
INSERT INTO pc_keys DEFAULT VALUES;
SELECT k, length(s) FROM pc_keys;
CREATE INDEX pc_users_h ON pc_users ((crypt(email, '$1$ix')));
-- text-like arguments: a domain over text, varchar, char (its padding dropped), name
CREATE DOMAIN pc_pwd AS text;
CREATE TABLE pc_kinds (p pc_pwd, v varchar(20), c char(4), n name);
INSERT INTO pc_kinds VALUES ('a', 'b', 'c', 'd');
SELECT crypt(p, '$1$x'), crypt(v, '$1$x'), crypt(c, '$1$x'), crypt(n, 'ab'), crypt(v, p || 'z') FROM pc_kinds;
DROP TABLE pc_kinds;
DROP DOMAIN pc_pwd;
-- detail
SELECT crypt(1, 'ab');
-- detail
SELECT crypt('x'::bytea, 'ab');
-- detail
SELECT gen_salt('bf', 8::bigint);
DROP TABLE pc_users, pc_keys;
DROP EXTENSION pgcrypto;
SELECT gen_salt('bf');
