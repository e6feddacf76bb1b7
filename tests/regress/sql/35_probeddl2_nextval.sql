-- Probing PostgreSQL's sequence.sql and select.sql: a volatile function in the select list of a
-- query with ORDER BY runs after the sort, in the output order, and only for the rows LIMIT
-- keeps (PostgreSQL's make_sort_input_target); SQLite computed it for every row before the
-- sort (nextval gave 5, 4 where PostgreSQL gives 1, 2, and took five numbers).
CREATE SEQUENCE ns;
CREATE TABLE nt (k int, v text);
INSERT INTO nt SELECT g, 'v' || g FROM generate_series(1, 5) g;
SELECT nextval('ns'), k FROM nt ORDER BY k DESC LIMIT 2;
SELECT currval('ns');
SELECT nextval('ns') AS n, k, v FROM nt ORDER BY k DESC;
SELECT k, nextval('ns') FROM nt WHERE k > 1 ORDER BY v DESC LIMIT 3;
SELECT k AS kk, nextval('ns') FROM nt ORDER BY kk LIMIT 1;
SELECT k + 1, nextval('ns') FROM nt ORDER BY 1 DESC LIMIT 2;
SELECT currval('ns');
SELECT nextval('ns'), k FROM nt ORDER BY 1 LIMIT 2;
SELECT nextval('ns'), k FROM nt ORDER BY k OFFSET 3;
SELECT currval('ns');
WITH w AS (SELECT k FROM nt WHERE k < 4) SELECT nextval('ns'), k FROM w ORDER BY k DESC LIMIT 2;
SELECT nextval('ns'), t.k FROM nt t JOIN nt u ON u.k = t.k ORDER BY t.k DESC LIMIT 1;
SELECT currval('ns');
SELECT nextval('ns'), k FROM nt ORDER BY k DESC FETCH FIRST 2 ROWS ONLY;
SELECT nextval('ns'), nextval('ns') AS x, k FROM nt ORDER BY k DESC LIMIT 1;
SELECT setval('ns', 100), k FROM nt ORDER BY k LIMIT 1;
SELECT nextval('ns'), k FROM nt ORDER BY k LIMIT 0;
SELECT currval('ns');
-- extended
SELECT nextval('ns'), k FROM nt ORDER BY k DESC LIMIT 2;
SELECT currval('ns');
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT nextval('ns'), n FROM r ORDER BY n DESC LIMIT 2;
SELECT nextval('ns') AS id, upper(v) FROM nt ORDER BY upper(v) DESC;
SELECT nextval('ns'), k, (SELECT count(*) FROM nt x WHERE x.k < nt.k) AS c FROM nt ORDER BY c DESC LIMIT 1;
SELECT nextval('ns'), k FROM nt ORDER BY random() LIMIT 0;
SELECT currval('ns');
-- differs: a volatile item that reads a column (nextval('s') + k) is still computed for every row before the sort (docs/sql-compat.md)
SELECT nextval('ns') + k, k FROM nt ORDER BY k DESC LIMIT 2;
-- differs: under a data-modifying WITH the volatile item is still computed for every row before the sort (docs/sql-compat.md)
WITH ins AS (INSERT INTO nt VALUES (6, 'f'), (7, 'g') RETURNING k) SELECT nextval('ns'), k FROM ins ORDER BY k DESC LIMIT 1;
