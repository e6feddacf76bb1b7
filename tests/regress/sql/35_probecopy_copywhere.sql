-- Found running PostgreSQL's copy2 script with psql against both servers (probecopy): a
-- set-returning function in the values of IN (...) inside WHERE, HAVING and COPY FROM's WHERE
-- is PostgreSQL's 0A000 naming the clause (it was "function generate_series is not
-- supported"), and COPY FROM's WHERE has no LATERAL hint, as PostgreSQL's.
CREATE TABLE cw (a int, b text);
-- fields
COPY cw FROM STDIN WHERE a IN (generate_series(1, 5));
-- fields
COPY cw FROM STDIN WHERE a = generate_series(1, 5);
-- fields
COPY cw FROM STDIN WHERE a IN (1, unnest(ARRAY[2]));
-- fields
SELECT 1 WHERE 1 IN (generate_series(1, 5));
-- fields
SELECT 1 WHERE 1 NOT IN (2, generate_series(1, 5));
-- fields
SELECT 1 HAVING 1 IN (1, generate_series(1, 5));
SELECT 1 IN (1, 2), 2 NOT IN (1, 3) WHERE 3 IN (3, 4);
