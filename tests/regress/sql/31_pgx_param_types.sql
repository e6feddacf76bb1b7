-- Parameter types pgx reads from ParameterDescription (tests/integration/clients_pgx.go): a
-- bare $n used as a condition is boolean, and $n BETWEEN x AND y takes x's type, as
-- PostgreSQL's parse analysis gives them.
CREATE TABLE pt (id int, f float8, s text, t bool, d date);
PREPARE w1 AS SELECT id FROM pt WHERE $1;
PREPARE w2 AS SELECT id FROM pt WHERE t AND $1 OR NOT $2;
PREPARE w3 AS SELECT CASE WHEN $1 THEN 1 ELSE 0 END;
PREPARE w4 AS INSERT INTO pt (id, s) SELECT $1, $2 WHERE $3;
PREPARE w5 AS SELECT id FROM pt JOIN pt p2 USING (id) WHERE $1 AND p2.t;
PREPARE w6 AS SELECT count(*) FROM pt GROUP BY id HAVING $1;
PREPARE b1 AS SELECT $1 BETWEEN 1 AND 2;
PREPARE b2 AS SELECT $1 NOT BETWEEN 1.5 AND 2;
PREPARE b3 AS SELECT $1 BETWEEN 'a'::text AND 'b';
PREPARE b4 AS SELECT $1 BETWEEN SYMMETRIC 10 AND 2;
PREPARE b5 AS SELECT id FROM pt WHERE $1 BETWEEN d AND d + 1;
PREPARE b6 AS SELECT id FROM pt WHERE id BETWEEN $1 AND $2;
PREPARE b7 AS SELECT $1 BETWEEN f AND 2 FROM pt;
SELECT name, parameter_types FROM pg_prepared_statements ORDER BY name;
INSERT INTO pt VALUES (1, 1.5, 'a', true, '2024-01-02');
EXECUTE w1(true);
EXECUTE w2(false, false);
EXECUTE w3('yes');
EXECUTE w4(2, 'b', 'on');
EXECUTE b1(3);
EXECUTE b2(1.75);
EXECUTE b4(5);
EXECUTE b5('2024-01-03');
EXECUTE b6(0, 1);
SELECT * FROM pt ORDER BY id;
-- array_in's DETAIL
-- detail
SELECT '{1,2'::int[];
-- detail
SELECT '{1,2}}'::int[];
-- detail
SELECT '1,2'::int[];
