-- pgcrypto, as applications' migrations create it (CREATE EXTENSION IF NOT EXISTS "pgcrypto"
-- before tables whose keys default to gen_random_uuid()): digest, hmac and gen_random_bytes
-- are built in and exist once the extension was created (crypt, gen_salt, encrypt, armor and
-- pgp_sym_*: 40_pgcrypto2_*.sql); the public-key PGP functions are 0A000 naming the function.
SELECT digest('abc', 'sha256');
CREATE EXTENSION IF NOT EXISTS "pgcrypto";
-- notices
CREATE EXTENSION IF NOT EXISTS "pgcrypto";
CREATE EXTENSION pgcrypto;
SELECT extname, extversion, extrelocatable FROM pg_extension WHERE extname = 'pgcrypto';
CREATE TABLE mg_pc (id uuid NOT NULL DEFAULT gen_random_uuid(), name varchar(100) NOT NULL, token bytea DEFAULT gen_random_bytes(16), CONSTRAINT mg_pc_pkey PRIMARY KEY (id));
INSERT INTO mg_pc (name) VALUES ('a'), ('b');
SELECT count(DISTINCT id), count(DISTINCT token), min(length(token)), max(length(token)) FROM mg_pc;
SELECT digest('abc', 'sha256'), digest('abc'::bytea, 'SHA1'), digest('\x00ff'::bytea, 'md5');
SELECT encode(digest('abc', 'sha512'), 'hex'), digest('a', 'sha-256'), digest('héllo', 'sha224');
SELECT encode(digest(name, 'sha1'), 'hex') FROM mg_pc ORDER BY name;
SELECT hmac('abc', 'key', 'sha256'), hmac('abc'::bytea, 'key'::bytea, 'md5'), hmac('', '', 'sha1');
SELECT digest(NULL::text, 'sha1') IS NULL, digest('a', NULL) IS NULL, hmac('a', NULL, 'md5') IS NULL, gen_random_bytes(NULL) IS NULL;
SELECT pg_typeof(digest('a', 'md5')), pg_typeof(hmac('a', 'b', 'md5')), pg_typeof(gen_random_bytes(1));
SELECT length(gen_random_bytes(1)), length(gen_random_bytes(1024));
SELECT digest('abc', 'foo');
SELECT hmac('abc', 'k', 'nosuch');
SELECT digest('a', 'md4');
SELECT gen_random_bytes(0);
SELECT gen_random_bytes(1025);
UPDATE mg_pc SET token = digest(name, 'sha256') WHERE name = 'a' RETURNING encode(token, 'hex');
SELECT length(crypt('secret', gen_salt('bf'))), length(gen_salt('md5'));
SELECT encrypt('x'::bytea, 'k'::bytea, 'aes');
SELECT pgp_sym_decrypt(pgp_sym_encrypt('x', 'k'), 'k');
-- differs: refused (0A000): pgcrypto's public-key PGP functions are not built in
SELECT pgp_pub_encrypt('x', dearmor('-----BEGIN PGP PUBLIC KEY BLOCK-----'));
-- differs: pg_proc does not list pgcrypto's functions (PostgreSQL: 36 in public)
SELECT count(*) FROM pg_proc WHERE proname IN ('digest', 'hmac', 'gen_random_bytes');
DROP TABLE mg_pc;
DROP EXTENSION pgcrypto;
SELECT digest('abc', 'sha256');
SELECT gen_random_bytes(4);
