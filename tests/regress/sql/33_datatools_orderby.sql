-- ORDER BY a bare name that is a result column's name sorts by that result column before any
-- input column of the name (PostgreSQL's findTargetlistEntrySQL92), also when the FROM list
-- has two columns of that name: check_postgres's backends query, ORDER BY datname over
-- pg_database d LEFT JOIN pg_stat_activity s (SQLite found datname ambiguous).
CREATE TABLE ob_a (x int, n text, v int);
CREATE TABLE ob_b (x int, n text, v int);
INSERT INTO ob_a VALUES (1, 'b', 30), (2, 'a', 10), (3, 'c', 20);
INSERT INTO ob_b VALUES (1, 'z', 3), (2, 'y', 1), (3, 'x', 2);
SELECT ob_a.n FROM ob_a JOIN ob_b USING (x) ORDER BY n;
SELECT ob_b.n, ob_a.v FROM ob_a JOIN ob_b ON ob_a.x = ob_b.x ORDER BY n DESC;
SELECT ob_b.v, ob_a.n FROM ob_a, ob_b WHERE ob_a.x = ob_b.x ORDER BY v, n;
SELECT count(*) AS c, ob_a.n FROM ob_a LEFT JOIN ob_b ON ob_b.x = ob_a.x GROUP BY 2 ORDER BY n;
SELECT ob_a.n AS m, ob_b.n FROM ob_a JOIN ob_b USING (x) ORDER BY n LIMIT 2;
SELECT ob_a.v FROM ob_a JOIN ob_b USING (x) ORDER BY v NULLS FIRST, x;
-- an alias of that name comes first; an input column not in the result is still found
SELECT ob_b.n AS v FROM ob_a JOIN ob_b USING (x) ORDER BY v;
SELECT ob_a.n FROM ob_a JOIN ob_b USING (x) ORDER BY ob_b.v;
SELECT ob_a.n FROM ob_a JOIN ob_b USING (x) ORDER BY v;
-- two result columns of the name are PostgreSQL's 42702, whether the same kind or not
SELECT ob_a.n::text, ob_b.n FROM ob_a JOIN ob_b USING (x) ORDER BY n;
SELECT ob_a.n, ob_b.n FROM ob_a JOIN ob_b USING (x) ORDER BY n;
SELECT ob_a.n, ob_a.n FROM ob_a ORDER BY n DESC;
SELECT upper(ob_a.n), ob_b.n FROM ob_a JOIN ob_b USING (x) ORDER BY n;
SELECT ob_a.* FROM ob_a JOIN ob_b USING (x) ORDER BY n;
SELECT COUNT(s.datid) AS current, d.datname FROM pg_database d
  LEFT JOIN pg_stat_activity s ON (s.datid = d.oid) WHERE d.datname = current_database()
  GROUP BY 2 ORDER BY datname;
DROP TABLE ob_a, ob_b;
