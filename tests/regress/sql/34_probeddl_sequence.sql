-- Probing PostgreSQL's sequence.sql: ALTER SEQUENCE ... AS another type moves a bound that was
-- the old type's own to the new type's, in either direction (an ascending sequence's MINVALUE
-- at smallint's lowest became 1 and the ALTER failed).
CREATE SEQUENCE sequence_test13 AS smallint MINVALUE -32768;
CREATE SEQUENCE sequence_test14 AS smallint MAXVALUE 32767 INCREMENT -1;
CREATE SEQUENCE sequence_test5 AS integer;
CREATE SEQUENCE sequence_test9 AS integer INCREMENT BY -1;
ALTER SEQUENCE sequence_test13 AS int;
ALTER SEQUENCE sequence_test14 AS int;
ALTER SEQUENCE sequence_test5 AS smallint;
ALTER SEQUENCE sequence_test9 AS smallint;
SELECT sequencename, data_type, start_value, min_value, max_value, increment_by FROM pg_sequences ORDER BY 1;
SELECT nextval('sequence_test13'), nextval('sequence_test14');
ALTER SEQUENCE sequence_test13 AS bigint MINVALUE 5;
