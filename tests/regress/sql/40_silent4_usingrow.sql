-- silent4: a USING join's alias as a whole row (SELECT u of JOIN ... USING (a) AS u): the
-- merged columns as a record, as PostgreSQL prints it; a column called u still wins.
CREATE TABLE s4u1 (a int, x int, b text);
CREATE TABLE s4u2 (a int, b text, c text);
INSERT INTO s4u1 VALUES (1, 10, 'p'), (2, 20, 'q'), (NULL, 30, 'r');
INSERT INTO s4u2 VALUES (1, 'p', 'one'), (3, 'z', 'three'), (2, 'x', 'two');
SELECT u FROM s4u1 JOIN s4u2 USING (a) AS u ORDER BY x;
SELECT u, u.a, x FROM s4u1 LEFT JOIN s4u2 USING (a) AS u ORDER BY x;
SELECT u AS w, c FROM s4u1 RIGHT JOIN s4u2 USING (a) AS u ORDER BY c;
SELECT u FROM s4u1 JOIN s4u2 USING (a, b) AS u;
SELECT u, s4u1.b FROM s4u1 FULL JOIN s4u2 USING (a) AS u WHERE u.a IS NOT NULL ORDER BY u.a;
CREATE TABLE s4u3 (a int, u int);
INSERT INTO s4u3 VALUES (1, 7);
SELECT u FROM s4u1 JOIN s4u3 USING (a) AS u;
