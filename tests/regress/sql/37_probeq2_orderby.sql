-- ORDER BY a position in a select list with a *: the position counts the columns the *
-- spells out (a regclass target after the * is not the position's column).
CREATE TABLE rt (a int, b int);
INSERT INTO rt VALUES (1, 2), (2, 1), (3, 3);
SELECT *, (CASE WHEN a = 1 THEN 'pg_type' WHEN a = 2 THEN 'pg_class' ELSE 'pg_proc' END)::regclass AS r FROM rt ORDER BY 2;
SELECT rt.*, (CASE WHEN a = 1 THEN 'pg_type' WHEN a = 2 THEN 'pg_class' ELSE 'pg_proc' END)::regclass FROM rt ORDER BY 2 DESC;
SELECT (CASE WHEN a = 1 THEN 'pg_type' WHEN a = 2 THEN 'pg_class' ELSE 'pg_proc' END)::regclass AS r, * FROM rt ORDER BY 1;
-- differs: a position past a * naming a regclass column sorts by its name, not by OID (docs/sql-compat.md, Functions)
SELECT *, (CASE WHEN a = 1 THEN 'pg_type' WHEN a = 2 THEN 'pg_class' ELSE 'pg_proc' END)::regclass AS r FROM rt ORDER BY 3;
