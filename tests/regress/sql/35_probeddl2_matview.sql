-- Probing PostgreSQL's matview.sql: FOR UPDATE / FOR SHARE (any strength) of a materialized
-- view is PostgreSQL's 42809 cannot lock rows in materialized view (it was taken), also in a
-- join and named by OF, and before an unfilled one's 55000.
CREATE TABLE mt (a int, b text);
INSERT INTO mt VALUES (1, 'x');
CREATE MATERIALIZED VIEW mv AS SELECT * FROM mt;
CREATE MATERIALIZED VIEW mv0 AS SELECT * FROM mt WITH NO DATA;
SELECT * FROM mv FOR SHARE;
SELECT * FROM mv FOR UPDATE;
SELECT * FROM mv m FOR KEY SHARE OF m;
SELECT * FROM mt JOIN mv USING (a) FOR UPDATE OF mt;
SELECT * FROM mt JOIN mv USING (a) FOR UPDATE;
SELECT * FROM mt FOR UPDATE;
SELECT * FROM mv0 FOR UPDATE;
BEGIN;
SELECT * FROM mv FOR NO KEY UPDATE NOWAIT;
ROLLBACK;
-- DROP MATERIALIZED VIEW ... CASCADE drops a materialized
-- view nothing reads as without CASCADE (it was 0A000); one a view reads is 0A000 (PostgreSQL
-- drops the view too).
CREATE TABLE mdt (a int, b text);
INSERT INTO mdt VALUES (1, 'x');
CREATE MATERIALIZED VIEW mvd1 AS SELECT * FROM mdt;
CREATE MATERIALIZED VIEW mvd2 AS SELECT a FROM mdt WITH NO DATA;
DROP MATERIALIZED VIEW mvd1 CASCADE;
DROP MATERIALIZED VIEW IF EXISTS mvd2, mvd3 CASCADE;
SELECT relname FROM pg_class WHERE relname LIKE 'mvd%' ORDER BY 1;
CREATE MATERIALIZED VIEW mvd4 AS SELECT * FROM mdt;
CREATE VIEW vd4 AS SELECT a FROM mvd4;
DROP MATERIALIZED VIEW mvd4;
SELECT * FROM vd4;
DROP VIEW vd4;
DROP MATERIALIZED VIEW mvd4 CASCADE;
SELECT relname FROM pg_class WHERE relname LIKE 'mvd%' OR relname = 'vd4' ORDER BY 1;
CREATE MATERIALIZED VIEW mvd6 AS SELECT * FROM mdt;
CREATE VIEW vd5 AS SELECT a FROM mvd6;
-- differs: DROP MATERIALIZED VIEW ... CASCADE of one a view reads is 0A000 (PostgreSQL drops the view too)
DROP MATERIALIZED VIEW mvd6 CASCADE;
