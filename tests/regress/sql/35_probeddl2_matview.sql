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
