-- pgcrypto's raw encryption, encrypt/decrypt(data, key, type) and encrypt_iv/decrypt_iv, and
-- its ASCII armor, armor(data [, keys, values]) and dearmor(text): byte-identical with
-- PostgreSQL's. On OpenSSL 3 without its legacy provider (Debian's default), bf, cast5 and des
-- fail in PostgreSQL as here ("Cipher cannot be initialized"); aes and 3des work.
SELECT encrypt('x', 'k', 'aes');
CREATE EXTENSION pgcrypto;
SELECT encrypt('hello', 'key', 'aes'), encrypt('hello', 'key', 'aes-ecb'), encrypt('hello', 'key', 'aes-cbc/pad:pkcs'), encrypt('hello', 'key', 'rijndael');
SELECT encrypt('0123456789abcdef', 'key', 'aes/pad:none'), encrypt('0123456789abcdef0123456789abcdef', 'key', 'aes-cbc'), encrypt('', 'key', 'aes'), encrypt('hello', '', 'aes');
SELECT encrypt('x', '0123456789012345678901234567890', 'aes'), encrypt('x', '01234567890123456', 'aes'), encrypt('x', '012345678901234567890123456789012', 'aes');
SELECT encrypt('x', 'k', 'AES'), encrypt('hello', 'key', 'Aes-CBC/PAD:PKCS'), encrypt('hello', 'key', 'aes/pad:none/pad:pkcs'), encrypt('hello', 'key', 'aes-cbc/');
SELECT encrypt('hello', 'key', '3des'), encrypt('hello', 'key', 'des3-cbc'), encrypt('hello', '', '3des-ecb'), encrypt('\x00ff'::bytea, 'k', '3des-cbc/pad:pkcs');
SELECT encrypt_iv('hello', 'key', 'iv', 'aes'), encrypt_iv('hello', 'key', '0123456789abcdefXYZ', 'aes-cbc'), encrypt_iv('x', 'k', '', 'aes'), encrypt_iv('hello', 'key', 'iv', '3des');
SELECT decrypt(encrypt('hello', 'key', 'aes'), 'key', 'aes'), convert_from(decrypt(encrypt('héllo', 'key', 'aes'), 'key', 'aes'), 'utf8');
SELECT decrypt_iv(encrypt_iv('hello', 'key', 'iv', 'aes'), 'key', 'iv', 'aes'), decrypt(encrypt('hello', 'key', 'aes-ecb/pad:pkcs'), 'key', 'aes-ecb/pad:pkcs');
SELECT decrypt('\x0102030405060708090a0b0c0d0e0f10', 'key', 'aes/pad:none'), decrypt('', 'key', 'aes/pad:none'), decrypt(encrypt('x', 'k', '3des'), 'k', '3des');
SELECT decrypt_iv(encrypt_iv(repeat('long text ', 20)::bytea, 'a 32-byte key for AES 256 .....', 'an iv', 'aes'), 'a 32-byte key for AES 256 .....', 'an iv', 'aes');
SELECT encrypt(NULL, 'k', 'aes') IS NULL, decrypt('x', NULL, 'aes') IS NULL, encrypt_iv('x', 'k', NULL, 'aes') IS NULL, pg_typeof(encrypt('x', 'k', 'aes'));
-- detail
SELECT encrypt('hello', 'key', 'bf');
-- detail
SELECT encrypt('hello', 'key', 'cast5');
-- detail
SELECT encrypt('hello', 'key', 'des');
-- detail
SELECT decrypt('', 'k', 'bf');
-- detail
SELECT encrypt('x', '01234567890123456', 'bf');
-- detail
SELECT encrypt('x', 'k', 'blowfish-cfb');
-- detail
SELECT encrypt('hello', 'key', 'aes/pad:none');
-- detail
SELECT encrypt('hello', 'key', 'aes//pad:none');
-- detail
SELECT decrypt('\x0102030405060708090a0b0c0d0e0f10', 'key', 'aes');
-- detail
SELECT decrypt('\x0102', 'key', 'aes');
-- detail
SELECT decrypt('', 'key', 'aes');
-- detail
SELECT decrypt_iv('\x0102', 'key', 'iv', 'aes');
-- detail
SELECT encrypt_iv('hello', 'key', 'iv', 'aes/pad:none');
-- detail
SELECT encrypt('x', 'k', 'aes/pad:foo');
-- detail
SELECT encrypt('x', 'k', 'aes/foo');
-- detail
SELECT encrypt('x', 'k', 'aes/foo:bar');
-- detail
SELECT encrypt('x', 'k', 'nope');
-- detail
SELECT encrypt('x', 'k', ' aes');
-- detail
SELECT encrypt('x', 'k', 'aes-cfb');
-- detail
SELECT encrypt('x', 'k', repeat('A', 70));
-- detail
SELECT encrypt('x'::text, 'k', 'aes');
-- detail
SELECT encrypt('x', 'k', repeat('é', 40));
-- detail
SELECT encrypt('x', 'k', 'ÄES');
-- digest and hmac name an unknown algorithm as pgcrypto does: downcased, cut to 63 bytes
-- detail
SELECT digest('abc', 'FOO');
-- detail
SELECT hmac('a', 'b', 'NOPE');
-- detail
SELECT digest('a', repeat('X', 70));
-- detail
SELECT digest('a', 'MD4');
-- encrypted columns
CREATE TABLE pc_secret (id int PRIMARY KEY, body bytea);
INSERT INTO pc_secret VALUES (1, encrypt('card 4111', 'k3y', 'aes')), (2, encrypt_iv('note', 'k3y', 'iv', 'aes'));
SELECT id, body, convert_from(decrypt(body, 'k3y', 'aes'), 'utf8') FROM pc_secret WHERE id = 1;
SELECT convert_from(decrypt_iv(body, 'k3y', 'iv', 'aes'), 'utf8') FROM pc_secret WHERE id = 2;
DROP TABLE pc_secret;
-- armor
SELECT armor(''), armor('\x00'), armor('abc'), armor(decode(repeat('ab', 57), 'hex')), armor(decode(repeat('cd', 58), 'hex'));
SELECT armor(decode(repeat('0123456789', 40), 'hex')), armor(digest('abc', 'sha256'));
SELECT armor('abc', array['Comment', 'Version'], array['hi there', '1']), armor('abc', '{}', '{}'), armor('abc', array['a:b'], array['c']);
SELECT armor(NULL) IS NULL, armor('x', NULL, array['a']) IS NULL, pg_typeof(armor('x'));
-- detail
SELECT armor('abc', array['a'], array['b', 'c']);
-- detail
SELECT armor('abc', array['a: b'], array['c']);
-- detail
SELECT armor('abc', array['a'], array[E'b\nc']);
-- detail
SELECT armor('abc', array[E'a\nb'], array['c']);
-- detail
SELECT armor('abc', array[NULL], array['x']);
-- detail
SELECT armor('abc', array['x'], array[NULL]);
-- detail
SELECT armor('abc', array['é'], array['ü']);
-- detail
SELECT armor('abc', array['e'], array['ü']);
-- detail
SELECT armor('abc', array[['a']], array[['b']]);
-- detail
SELECT armor('abc', '{}', array['x']);
SELECT dearmor(armor('hello')), dearmor(armor('')), dearmor(armor(decode(repeat('0123456789', 40), 'hex'))) = decode(repeat('0123456789', 40), 'hex');
SELECT dearmor(armor('abc', array['Comment'], array['x'])), dearmor(E'junk before\n' || armor('abc') || 'junk after');
SELECT dearmor(E'-----BEGIN PGP MESSAGE-----\r\nVersion: 1\r\n\r\nYWJj\r\n=uhx7\r\n-----END PGP MESSAGE-----\r\n');
SELECT dearmor(E'-----BEGIN PGP MESSAGE-----\n\nYW Jj\n=uhx7\n-----END PGP MESSAGE-----');
SELECT dearmor(NULL) IS NULL, pg_typeof(dearmor(armor('x')));
-- detail
SELECT dearmor('junk');
-- detail
SELECT dearmor(E'-----BEGIN PGP MESSAGE-----\n\nYWJj\n=AAAA\n-----END PGP MESSAGE-----\n');
-- detail
SELECT dearmor(E'-----BEGIN PGP MESSAGE-----\n\nYWJj\n-----END PGP MESSAGE-----\n');
-- detail
SELECT dearmor(E'-----BEGIN PGP MESSAGE-----\n\nYW*j\n=uhx7\n-----END PGP MESSAGE-----\n');
-- detail
SELECT dearmor(E' -----BEGIN PGP MESSAGE-----\n\nYWJj\n=uhx7\n-----END PGP MESSAGE-----\n');
-- detail
SELECT dearmor(E'-----BEGIN PGP MESSAGE-----\nno blank line\nYWJj\n=uhx7\n-----END PGP MESSAGE-----\n');
DROP EXTENSION pgcrypto;
SELECT armor('x');
