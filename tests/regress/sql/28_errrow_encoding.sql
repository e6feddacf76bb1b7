-- PostgreSQL's encoding names, one table (src/base/base_encoding.c) for every place that reads
-- them: pg_char_to_encoding / pg_encoding_to_char, SET client_encoding, COPY ... ENCODING,
-- convert_to / convert_from, CREATE DATABASE ... ENCODING.
SELECT i, pg_encoding_to_char(i) FROM generate_series(-1, 43) i;
SELECT n, pg_char_to_encoding(n) FROM unnest(ARRAY['UTF8', 'utf-8', '''utf-8''', 'Unicode', 'sql_ascii', 'SQL-ASCII', 'euc-jp', 'ISO-8859-1', 'iso_8859_5', 'iso8859_10', 'ISO-8859-15', 'iso88599', 'latin10', 'Windows-1252', 'win1252', 'WIN', 'alt', 'windows866', 'cp866', 'cp1251', 'cp1252', 'koi8', 'KOI8-U', 'tcvn', 'TCVN5712', 'vscii', 'abc', 'mule_internal', 'mulecinternal', 'mule', 'Shift-JIS', 'mskanji', 'win932', 'windows932', 'shift_jis_2004', 'win936', 'windows949', 'win950', 'GB18030', 'johab', 'win 1250', '', 'nonsense', 'utf8é', 'utf8' || repeat('-', 70)]) n;
SELECT pg_char_to_encoding(NULL), pg_encoding_to_char(NULL);
SELECT pg_encoding_to_char(pg_char_to_encoding(n)) FROM unnest(ARRAY['unicode', 'iso-8859-2', 'Windows_1250', 'koi8']) n;
-- SET client_encoding: any spelling of UTF8 or SQL_ASCII; "UNICODE" as written stays so
SET client_encoding = 'utf-8';
SHOW client_encoding;
SET client_encoding = 'Unicode';
SHOW client_encoding;
SET client_encoding = 'UNICODE';
SHOW client_encoding;
SET client_encoding TO 'sql-ascii';
SHOW client_encoding;
SET client_encoding = 'nonsense';
SET client_encoding = 'cp1252';
-- differs: refused (0A000): a client encoding other than UTF8 and SQL_ASCII
SET client_encoding = 'windows-1252';
RESET client_encoding;
SHOW client_encoding;
-- COPY ... ENCODING: a name PostgreSQL does not know is 22023 (the ones it knows are 0A000 here: tests/unit/copy)
CREATE TABLE enc_t (a int);
COPY enc_t TO STDOUT (ENCODING 'nonsense');
COPY enc_t TO STDOUT (ENCODING 'cp1252');
COPY enc_t FROM STDIN (ENCODING 'mule');
-- convert_to / convert_from
SELECT convert_to('aé', 'iso-8859-1'), convert_to('aé', 'UTF-8'), convert_to('a', 'SQL_ASCII');
SELECT convert_from('\x61e9'::bytea, 'ISO_8859_1'), convert_from('\x61c3a9'::bytea, 'unicode'), convert_from('\x61'::bytea, 'sql-ascii');
SELECT convert_to('a', 'utf8' || repeat('-', 70));
SELECT convert_to('a', 'cp1252');
SELECT convert_from('\x61'::bytea, 'mulecinternal');
-- differs: refused (0A000): a conversion other than between UTF8 and LATIN1
SELECT convert_to('a', 'windows-1250');
-- differs: refused (0A000): a conversion other than between UTF8 and LATIN1
SELECT convert_to('a', 'mule_internal');
-- CREATE DATABASE ... ENCODING: a server encoding (0 .. 34); the client-only ones (SJIS, BIG5, ...) are not valid names
CREATE DATABASE enc_bad ENCODING 'SJIS';
CREATE DATABASE enc_bad ENCODING 'win950';
CREATE DATABASE enc_bad ENCODING 'cp1252';
CREATE DATABASE enc_bad ENCODING 'mule';
CREATE DATABASE enc_bad ENCODING 35;
CREATE DATABASE enc_bad ENCODING -1;
CREATE DATABASE enc_bad ENCODING 'windows-1250';
CREATE DATABASE enc_bad ENCODING 'ISO-8859-15';
CREATE DATABASE enc_bad ENCODING 34;
CREATE DATABASE enc_ok ENCODING 'utf-8';
CREATE DATABASE enc_ok2 ENCODING 6;
DROP DATABASE enc_ok;
DROP DATABASE enc_ok2;
