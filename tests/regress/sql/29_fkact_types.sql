-- Foreign keys between columns of domains, enums and arrays: PostgreSQL's 42804 where no
-- equality relates the types (an enum only to itself, an array only to the same array type,
-- a domain as its base type), made otherwise; a pair of one family stored differently here
-- (a timestamp referencing a date) is 0A000, never a wrong 23503 later.
CREATE DOMAIN fa_dint AS int;
CREATE DOMAIN fa_dtxt AS text;
CREATE DOMAIN fa_darr AS int[];
CREATE TYPE fa_mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE fa_mood2 AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN fa_dmood AS fa_mood;
CREATE TABLE fa_pint (id int PRIMARY KEY);
CREATE TABLE fa_ptxt (id text PRIMARY KEY);
CREATE TABLE fa_pmood (m fa_mood PRIMARY KEY);
CREATE TABLE fa_parr (a int[] PRIMARY KEY);
CREATE TABLE fa_pi8 (id bigint PRIMARY KEY);
CREATE TABLE fa_pdint (id fa_dint PRIMARY KEY);
CREATE TABLE fa_pdate (d date PRIMARY KEY);
CREATE TABLE fa_pcidr (c cidr PRIMARY KEY);
CREATE TABLE fa_pbp (c character(4) PRIMARY KEY);
-- a domain over the key's type, or a key of the domain
CREATE TABLE fa_c1 (x fa_dint REFERENCES fa_pint);
CREATE TABLE fa_c2 (x int REFERENCES fa_pdint);
CREATE TABLE fa_c3 (x fa_dint REFERENCES fa_pi8);
-- detail
CREATE TABLE fa_c4 (x fa_dtxt REFERENCES fa_pint);
-- detail
CREATE TABLE fa_c5 (x numeric REFERENCES fa_pdint);
INSERT INTO fa_pint VALUES (1), (2);
INSERT INTO fa_pdint VALUES (3);
INSERT INTO fa_pi8 VALUES (4);
INSERT INTO fa_c1 VALUES (1);
INSERT INTO fa_c1 VALUES (5);
INSERT INTO fa_c2 VALUES (3);
INSERT INTO fa_c2 VALUES (1);
INSERT INTO fa_c3 VALUES (4);
-- an enum: the same enum only
CREATE TABLE fa_c6 (x fa_mood REFERENCES fa_pmood);
-- detail
CREATE TABLE fa_c7 (x fa_mood2 REFERENCES fa_pmood);
-- detail
CREATE TABLE fa_c8 (x text REFERENCES fa_pmood);
-- detail
CREATE TABLE fa_c9 (x fa_dmood REFERENCES fa_pmood);
-- detail
CREATE TABLE fa_c10 (x fa_mood REFERENCES fa_ptxt);
INSERT INTO fa_pmood VALUES ('ok');
INSERT INTO fa_c6 VALUES ('ok');
INSERT INTO fa_c6 VALUES ('sad');
DELETE FROM fa_pmood;
-- an array: the same array type only
CREATE TABLE fa_c11 (x int[] REFERENCES fa_parr);
CREATE TABLE fa_c12 (x fa_darr REFERENCES fa_parr);
-- detail
CREATE TABLE fa_c13 (x int REFERENCES fa_parr);
-- detail
CREATE TABLE fa_c14 (x bigint[] REFERENCES fa_parr);
-- detail
CREATE TABLE fa_c15 (x text[] REFERENCES fa_parr);
-- detail
CREATE TABLE fa_c16 (x fa_mood[] REFERENCES fa_parr);
INSERT INTO fa_parr VALUES ('{1,2}');
INSERT INTO fa_c11 VALUES ('{1,2}');
INSERT INTO fa_c11 VALUES ('{2,1}');
INSERT INTO fa_c12 VALUES ('{1,2}');
-- json relates to no other type
-- detail
CREATE TABLE fa_c17 (x json REFERENCES fa_ptxt);
-- in ALTER TABLE ... ADD FOREIGN KEY too
CREATE TABLE fa_c19 (x fa_mood2, y fa_dint);
-- detail
ALTER TABLE fa_c19 ADD FOREIGN KEY (x) REFERENCES fa_pmood;
ALTER TABLE fa_c19 ADD FOREIGN KEY (y) REFERENCES fa_pint;
INSERT INTO fa_c19 VALUES (NULL, 2);
INSERT INTO fa_c19 VALUES (NULL, 7);
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text LIKE 'fa_%' ORDER BY 1;
-- the families' pairs whose stored values compare alike: integers of any width, the strings
CREATE TABLE fa_c20 (x smallint REFERENCES fa_pi8, y varchar(5) REFERENCES fa_ptxt);
INSERT INTO fa_ptxt VALUES ('ab');
INSERT INTO fa_c20 VALUES (4, 'ab');
INSERT INTO fa_c20 VALUES (4, 'ab ');
-- differs: refused (0A000): a timestamp referencing a date (stored '2024-01-02 00:00:00' and '2024-01-02': SQLite would not find the row PostgreSQL finds)
CREATE TABLE fa_c21 (x timestamp REFERENCES fa_pdate);
-- differs: refused (0A000): an inet referencing a cidr (a host is stored without its /32, a cidr with it)
CREATE TABLE fa_c22 (x inet REFERENCES fa_pcidr);
-- differs: refused (0A000): a text referencing a character(n) ('ab ' finds 'ab' in PostgreSQL, stored without its padding)
CREATE TABLE fa_c23 (x text REFERENCES fa_pbp);
CREATE TABLE fa_c24 (x character(4) REFERENCES fa_ptxt);
INSERT INTO fa_c24 VALUES ('ab');
INSERT INTO fa_c24 VALUES ('ab  ');
INSERT INTO fa_c24 VALUES ('abc');
