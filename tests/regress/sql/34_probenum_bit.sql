-- Probe (PostgreSQL 15 regression files): bit/varbit: bit.sql's basics (the types exist).
CREATE TABLE BIT_TABLE(b BIT(11));
INSERT INTO BIT_TABLE VALUES (B'10');
INSERT INTO BIT_TABLE VALUES (B'00000000000');
SELECT B'101' & B'110', B'101' | B'011', ~B'101', B'1010'::bit(4) << 1, X'1F'::bit(8), B'101'::text, 5::bit(4), B'1010'::int;
CREATE TABLE VARBIT_TABLE(v BIT VARYING(11));
SELECT length(B'101'), bit_count(B'1011'), get_bit(B'101', 1), substring(B'10101' from 2 for 3), B'101' || B'11';
