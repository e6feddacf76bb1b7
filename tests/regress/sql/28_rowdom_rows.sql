-- Row values and composite columns against PostgreSQL's own regression probes
-- (docs/sql-compat.md "Composite values"): a column of a temporary table's row type is of that
-- type (RowDescription, pg_typeof, field access), not text
CREATE TEMP TABLE rr_name (first text, n int);
CREATE TEMP TABLE rr_people (id int, who rr_name);
INSERT INTO rr_people VALUES (1, '(Ann,3)'), (2, ROW('Bo "B"', NULL)), (3, NULL);
INSERT INTO rr_people VALUES (4, '(Cy,x)');
SELECT * FROM rr_people ORDER BY id;
SELECT id, pg_typeof(who), (who).first, (who).n + 1 AS n1 FROM rr_people ORDER BY id;
SELECT id FROM rr_people WHERE (who).n = 3;
DROP TABLE rr_people;
DROP TABLE rr_name;
