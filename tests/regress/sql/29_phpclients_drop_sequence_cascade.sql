-- DROP SEQUENCE ... CASCADE, which Doctrine DBAL's Comparator sends for every sequence it
-- drops: a sequence nothing depends on is dropped as without CASCADE; one a column default
-- or a view uses is refused (PostgreSQL drops the default or the view with it).
CREATE SEQUENCE dsc_a START 5;
CREATE SEQUENCE dsc_b;
SELECT nextval('dsc_a');
DROP SEQUENCE dsc_a CASCADE;
SELECT relname FROM pg_class WHERE relname LIKE 'dsc%' ORDER BY 1;
DROP SEQUENCE IF EXISTS dsc_a, dsc_b CASCADE;
DROP SEQUENCE dsc_a CASCADE;
SELECT count(*) FROM pg_class WHERE relname LIKE 'dsc%';
-- inside a transaction, rolled back: the sequence is back
CREATE SEQUENCE dsc_c;
BEGIN;
DROP SEQUENCE dsc_c CASCADE;
ROLLBACK;
SELECT nextval('dsc_c');
-- dependents: a column default, a serial's own sequence, a view
CREATE SEQUENCE dsc_d;
CREATE TABLE dsc_t (id int DEFAULT nextval('dsc_d'), s serial);
DROP SEQUENCE dsc_d;
-- differs: refused (0A000); PostgreSQL drops the default of dsc_t.id with the sequence
DROP SEQUENCE dsc_d CASCADE;
-- differs: refused (0A000); PostgreSQL drops the default of dsc_t.s with the sequence
DROP SEQUENCE dsc_t_s_seq CASCADE;
CREATE SEQUENCE dsc_e;
CREATE VIEW dsc_v AS SELECT nextval('dsc_e') AS n;
-- differs: refused (0A000); PostgreSQL drops the view dsc_v with the sequence
DROP SEQUENCE dsc_e CASCADE;
-- qualified and quoted names in a view or a default count too
CREATE SEQUENCE dsc_f;
CREATE SEQUENCE "Dsc_G";
CREATE VIEW dsc_w AS SELECT nextval('public.dsc_f') AS f, currval('"Dsc_G"') AS g;
-- differs: refused (0A000); PostgreSQL drops the view dsc_w with the sequence
DROP SEQUENCE dsc_f CASCADE;
-- differs: refused (0A000); PostgreSQL drops the view dsc_w with the sequence
DROP SEQUENCE "Dsc_G" CASCADE;
CREATE SEQUENCE dsc_h;
CREATE TABLE dsc_u (a int DEFAULT nextval('public.dsc_h'::regclass));
-- differs: refused (0A000); PostgreSQL drops the default of dsc_u.a with the sequence
DROP SEQUENCE dsc_h CASCADE;
