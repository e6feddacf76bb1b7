/* SPDX-License-Identifier: Apache-2.0 */
/* test_select.c: queries and expressions: PostgreSQL input → exact SQLite SQL or
 * SQLSTATE (+position), each translation prepared by SQLite. */
#include "xlat_test.h"

static const struct xcase cases[] = {
	{"SELECT 1", "SELECT 1 AS \"?column?\""},
	/* a volatile call after ORDER BY, for the rows LIMIT keeps only (xlat_volsort.c) */
	{"SELECT random(), a FROM t ORDER BY a DESC LIMIT 2",
	 "WITH \"xlat:sorted\" AS MATERIALIZED (SELECT NULL AS random, a AS a FROM t ORDER BY a "
	 "DESC NULLS FIRST LIMIT 2) SELECT pgfn_random() AS random, \"xlat:sorted\".a AS a FROM "
	 "\"xlat:sorted\""},
	/* ... not one that reads a column (left as it was: computed for every row) */
	{"SELECT random() + a, a FROM t ORDER BY a DESC LIMIT 2",
	 "SELECT pgfn_fop(pgfn_random(), '+', a) AS \"?column?\", a FROM t ORDER BY a DESC NULLS "
	 "FIRST LIMIT 2"},
	{"SELECT 1, 'a', NULL, true, false",
	 "SELECT 1 AS \"?column?\", 'a' AS \"?column?\", NULL AS \"?column?\", 1 AS \"?column?\", 0 AS \"?column?\""},
	{"SELECT 2147483648, 9223372036854775808, 1.5, 1e10, -7",
	 "SELECT 2147483648 AS \"?column?\", 9223372036854775808 AS \"?column?\", 1.5 AS \"?column?\", 1e10 AS \"?column?\", -7 AS \"?column?\""},
	{"SELECT a, b AS \"Name\", t.c FROM t", "SELECT a, b AS \"Name\", t.c FROM t"},
	{"SELECT * FROM t", "SELECT * FROM t"},
	{"SELECT t.* AS x, a AS y FROM t", "SELECT t.*, a AS y FROM t"},
	{"SELECT (a, b) FROM t", "SELECT pgfn_record_text(a, b) AS \"row\" FROM t"},
	{"SELECT (a, b) AS r FROM t ORDER BY r", "!0A000@8"},
	{"SELECT a FROM t WHERE a IN (SELECT (a, b) FROM t)", "!0A000@36"},
	{"SELECT u.* = u.* FROM u", "!0A000@8"},
	{"SELECT count(t.*) FROM t", "!0A000@14"},
	{"SELECT t.* FROM t", "SELECT t.* FROM t"},
	{"SELECT a FROM public.t", "SELECT a FROM t"},
	{"SELECT relname FROM pg_catalog.pg_class", "SELECT relname FROM pg_class"},
	{"SELECT 1 FROM pg_catalog.t", "!42P01"},
	{"SELECT pg_catalog.format_type(oid, NULL) FROM pg_class",
	 "SELECT format_type(oid, NULL) AS format_type FROM pg_class"},
	{"SELECT c.oid::pg_catalog.regclass FROM pg_class c",
	 "SELECT pg_regclass_out(c.oid) AS oid FROM pg_class AS c"},
	{"SELECT n::regclass::oid FROM (VALUES ('t')) AS t(n)",
	 "SELECT pg_regclass_in(pg_regclass_out(pg_regclass_in(n))) AS n FROM (WITH \"xlat:1\"(n) AS (VALUES ('t')) SELECT * FROM \"xlat:1\") AS t"},
	{"SELECT oid FROM pg_class WHERE oid = 'pg_catalog.pg_class'::pg_catalog.regclass",
	 "SELECT oid FROM pg_class WHERE oid = pg_regclass_in('pg_catalog.pg_class')"},
	{"SELECT oid FROM pg_class WHERE oid = '16417'",
	 "SELECT oid FROM pg_class WHERE oid = '16417'"},
	{"SELECT '12'::oid", "SELECT 12 AS oid"},
	{"SELECT 'pg_catalog.array_in'::regproc",
	 "SELECT pg_regproc_in('pg_catalog.array_in') AS regproc"},
	{"SELECT 'x'::oid", "!22P02"},
	{"SELECT relname FROM pg_class WHERE relname OPERATOR(pg_catalog.~) '^(t)$' COLLATE "
	 "pg_catalog.default",
	 "SELECT relname FROM pg_class WHERE pg_regex(relname, '^(t)$' COLLATE BINARY, 0)"},
	{"SELECT b FROM t WHERE b !~* 'X'", "SELECT b FROM t WHERE NOT pg_regex(b, 'X', 1)"},
	{"SELECT o.n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace CROSS JOIN "
	 "LATERAL (SELECT pg_catalog.array_position(pg_catalog.current_schemas(true), n.nspname)) "
	 "AS o(n) WHERE o.n IS NOT NULL",
	 "SELECT (array_position(current_schemas(1), n.nspname)) AS n FROM pg_class AS c JOIN "
	 "pg_namespace AS n ON n.oid = c.relnamespace WHERE (array_position(current_schemas(1), "
	 "n.nspname)) IS NOT NULL"},
	{"SELECT ARRAY(SELECT b FROM t ORDER BY 1)",
	 "SELECT (SELECT pg_array_agg(b) FROM (SELECT b FROM t ORDER BY 1 NULLS LAST)) AS array"},
	{"SELECT * FROM \"no such\".t", "!42P01@15"},
	{"SELECT * FROM db.public.t", "!0A000@15"},
	{"SELECT a FROM t WHERE a = 1 AND b <> 'x' OR c >= 2.5",
	 "SELECT a FROM t WHERE (a = 1 AND b <> 'x') OR c >= 2.5"},
	{"SELECT a FROM t WHERE NOT (a = 1 OR a = 2)",
	 "SELECT a FROM t WHERE NOT (a = 1 OR a = 2)"},
	{"SELECT a FROM t WHERE a != 1", "SELECT a FROM t WHERE a <> 1"},
	{"SELECT a + b * c, (a + b) * c, a - -1, -a, +a FROM t",
	 "SELECT a + b * c AS \"?column?\", (a + b) * c AS \"?column?\", a - -1 AS \"?column?\", -a AS \"?column?\", +a AS \"?column?\" FROM t"},
	/* a divisor that may be zero is checked at run time (22012), a non-zero constant is not */
	{"SELECT a / c, a % (a + 1), 1 / 0, 2.5 / 0.5 FROM t",
	 "SELECT a / shardlite_divisor(c) AS \"?column?\", a % shardlite_divisor(a + 1) AS \"?column?\", 1 / shardlite_divisor(0) AS \"?column?\", pgfn_num_div('2.5',  '0.5', 1, 1) AS \"?column?\" FROM t"},
	{"SELECT 7 / 2, 7 % 2, 2 ^ 3, |/ 16.0, @ -5",
	 "SELECT 7 / 2 AS \"?column?\", 7 % 2 AS \"?column?\", pgfn_pow(2, 3) AS \"?column?\", pgfn_sqrt(16.0) AS \"?column?\", abs(-5) AS \"?column?\""},
	{"SELECT a || b || 'x' FROM t", "SELECT a || b || 'x' AS \"?column?\" FROM t"},
	{"SELECT 'a' || 1 + 2", "SELECT 'a' || (1 + 2) AS \"?column?\""},
	{"SELECT a & 3, a | 4, a << 1, a >> 1, ~a FROM t",
	 "SELECT a & 3 AS \"?column?\", a | 4 AS \"?column?\", a << 1 AS \"?column?\", a >> 1 AS \"?column?\", ~a AS \"?column?\" FROM t"},
	{"SELECT a FROM t WHERE a IS NULL OR b IS NOT NULL",
	 "SELECT a FROM t WHERE a IS NULL OR b IS NOT NULL"},
	{"SELECT a FROM t WHERE e IS TRUE AND e IS NOT FALSE AND e IS UNKNOWN",
	 "SELECT a FROM t WHERE e IS TRUE AND e IS NOT FALSE AND e IS NULL"},
	{"SELECT a IS DISTINCT FROM 1, a IS NOT DISTINCT FROM NULL FROM t",
	 "SELECT a IS NOT 1 AS \"?column?\", a IS NULL AS \"?column?\" FROM t"},
	{"SELECT a FROM t WHERE a BETWEEN 1 AND 10 AND c NOT BETWEEN 0 AND 1",
	 "SELECT a FROM t WHERE a BETWEEN 1 AND 10 AND c NOT BETWEEN 0 AND 1"},
	{"SELECT a FROM t WHERE a BETWEEN SYMMETRIC 10 AND 1",
	 "SELECT a FROM t WHERE ((a BETWEEN 10 AND 1) OR (a BETWEEN 1 AND 10))"},
	{"SELECT a FROM t WHERE a NOT BETWEEN SYMMETRIC 10 AND 1",
	 "SELECT a FROM t WHERE ((a NOT BETWEEN 10 AND 1) AND (a NOT BETWEEN 1 AND 10))"},
	{"SELECT a FROM t WHERE a IN (1, 2, 3) AND b NOT IN ('x', 'y')",
	 "SELECT a FROM t WHERE a IN (1, 2, 3) AND b NOT IN ('x', 'y')"},
	/* SELECT without result columns: SQLite needs one, the session sends none */
	{"SELECT", "SELECT NULL"},
	{"SELECT FROM t WHERE a > 1", "SELECT NULL FROM t WHERE a > 1"},
	/* quantified comparisons with a subquery: = ANY and <> ALL are IN and NOT IN; the other
	 * operators fold the subquery's rows with PostgreSQL's NULL semantics */
	{"SELECT a FROM t WHERE a = ANY (SELECT a FROM t) AND a <> ALL (SELECT a FROM t)",
	 "SELECT a FROM t WHERE a IN (SELECT a FROM t) AND a NOT IN (SELECT a FROM t)"},
	{"SELECT a FROM t WHERE a > ANY (SELECT a FROM t)",
	 "SELECT a FROM t WHERE (CASE WHEN (WITH shardlite_q(shardlite_qv) AS (SELECT a FROM t) "
	 "SELECT count(*) FROM shardlite_q) = 0 THEN 0 WHEN ((a) > (WITH shardlite_q(shardlite_qv) "
	 "AS (SELECT a FROM t) SELECT min(shardlite_qv) FROM shardlite_q)) THEN 1 WHEN (a) IS NULL "
	 "OR (WITH shardlite_q(shardlite_qv) AS (SELECT a FROM t) SELECT count(*) - "
	 "count(shardlite_qv) FROM shardlite_q) > 0 THEN NULL ELSE 0 END)"},
	{"SELECT a FROM t WHERE a = ALL (SELECT a FROM t)",
	 "SELECT a FROM t WHERE (CASE WHEN (WITH shardlite_q(shardlite_qv) AS (SELECT a FROM t) "
	 "SELECT count(*) FROM shardlite_q) = 0 THEN 1 WHEN (a) <> (WITH shardlite_q(shardlite_qv) "
	 "AS (SELECT a FROM t) SELECT min(shardlite_qv) FROM shardlite_q) OR (a) <> (WITH "
	 "shardlite_q(shardlite_qv) AS (SELECT a FROM t) SELECT max(shardlite_qv) FROM shardlite_q) "
	 "THEN 0 WHEN (a) IS NULL OR (WITH shardlite_q(shardlite_qv) AS (SELECT a FROM t) SELECT "
	 "count(*) - count(shardlite_qv) FROM shardlite_q) > 0 THEN NULL ELSE 1 END)"},
	{"SELECT a FROM t WHERE a != ALL (SELECT 2)",
	 "SELECT a FROM t WHERE a NOT IN (SELECT 2 AS \"?column?\")"},
	{"SELECT 1 < SOME (SELECT 1, 2)", "!42601@10"},
	{"SELECT (1, 2) < ANY (SELECT 1)", "!0A000"},
	{"SELECT 'a' ~ ANY (SELECT 'b')", "!0A000"},
	{"SELECT a FROM t WHERE b LIKE 'ab%'", "SELECT a FROM t WHERE b LIKE 'ab%'"},
	{"SELECT a FROM t WHERE b LIKE 'a\\_b%'",
	 "SELECT a FROM t WHERE b LIKE 'a\\_b%' ESCAPE '\\'"},
	{"SELECT a FROM t WHERE b LIKE $1", "SELECT a FROM t WHERE b LIKE ?1 ESCAPE '\\'"},
	{"SELECT a FROM t WHERE b NOT LIKE 'a!%' ESCAPE '!'",
	 "SELECT a FROM t WHERE b NOT LIKE 'a!%' ESCAPE '!'"},
	{"SELECT a FROM t WHERE b LIKE 'a%' ESCAPE ''", "SELECT a FROM t WHERE b LIKE 'a%'"},
	{"SELECT a FROM t WHERE b ILIKE 'AB%' AND b NOT ILIKE '%z'",
	 "SELECT a FROM t WHERE lower(b) LIKE lower('AB%') AND lower(b) NOT LIKE lower('%z')"},
	{"SELECT a FROM t WHERE b SIMILAR TO 'a*'", "SELECT a FROM t WHERE pgfn_similar(b, 'a*')"},
	{"SELECT a FROM t WHERE b NOT SIMILAR TO 'a!%' ESCAPE '!'",
	 "SELECT a FROM t WHERE NOT pgfn_similar(b, 'a!%', '!')"},
	{"SELECT a FROM t WHERE b ~ '^a'", "SELECT a FROM t WHERE pg_regex(b, '^a', 0)"},
	{"SELECT a FROM t WHERE a = ANY($1)",
	 "SELECT a FROM t WHERE pgfn_array_cmp(a, ?1, '=', 0)"},
	{"SELECT CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END FROM t",
	 "SELECT CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END AS \"case\" FROM t"},
	{"SELECT CASE a WHEN 1 THEN 'one' END FROM t",
	 "SELECT CASE a WHEN 1 THEN 'one' END AS \"case\" FROM t"},
	{"SELECT coalesce(a, 0), coalesce(b), nullif(a, 0) FROM t",
	 "SELECT coalesce(a, 0) AS coalesce, coalesce(b, NULL) AS coalesce, nullif(a, 0) AS nullif FROM t"},
	{"SELECT greatest(a, 1), least(a, c, 3) FROM t",
	 "SELECT max(coalesce(a, 1), coalesce(1, a)) AS greatest, min(coalesce(a, c, 3), coalesce(c, a, 3), coalesce(3, a, c)) AS least FROM t"},
	{"SELECT greatest(a, random())", "!0A000@8"},
	{"SELECT greatest(5)", "SELECT 5 AS greatest"},
	{"SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.t_id = t.id)",
	 "SELECT a FROM t WHERE EXISTS (SELECT 1 AS \"?column?\" FROM u WHERE u.t_id = t.id)"},
	{"SELECT a FROM t WHERE id IN (SELECT t_id FROM u) AND id NOT IN (SELECT t_id FROM u WHERE x > 1)",
	 "SELECT a FROM t WHERE id IN (SELECT t_id FROM u) AND (NOT id IN (SELECT t_id FROM u WHERE x > 1))"},
	{"SELECT a FROM t WHERE id <> ALL (SELECT t_id FROM u)",
	 "SELECT a FROM t WHERE id NOT IN (SELECT t_id FROM u)"},
	{"SELECT a FROM t WHERE id = ANY (SELECT t_id FROM u)",
	 "SELECT a FROM t WHERE id IN (SELECT t_id FROM u)"},
	{"SELECT (SELECT max(x) FROM u), (SELECT name AS n FROM u LIMIT 1) FROM t",
	 "SELECT (SELECT max(x) AS max FROM u) AS max, (SELECT name AS n FROM u LIMIT 1) AS n FROM t"},
	{"SELECT (a, b) = (1, 'x') FROM t", "SELECT (a, b) = (1, 'x') AS \"?column?\" FROM t"},
	{"SELECT a FROM t WHERE (a, b) IN (SELECT x, name FROM u)",
	 "SELECT a FROM t WHERE (a, b) IN (SELECT x, name FROM u)"},
	{"SELECT ARRAY[1, 2]", "SELECT pgfn_array(1, 2, '..') AS array"},
	{"SELECT ARRAY[[1], [2]]",
	 "SELECT pgfn_array_md(pgfn_array(1, '.'), pgfn_array(2, '.')) AS array"},
	{"SELECT ARRAY[[1], 2]", "!42601@19"},
	{"SELECT a[1][2] FROM t", "SELECT pgfn_array_at(a, 1, 2) AS a FROM t"},
	{"SELECT '{{1},{2}}'::int[]", "SELECT '{{1},{2}}' AS int4"},
	{"SELECT '{\"a\", \"b c\"}'::text[], '[1:1]={ 07 }'::int[]",
	 "SELECT '{a,\"b c\"}' AS text, '{7}' AS int4"},
	{"SELECT '{{1},{2,3}}'::int[]", "!22P02@8"},
	{"SELECT (SELECT 1) IS NULL", "SELECT (SELECT 1 AS \"?column?\") IS NULL AS \"?column?\""},
	{"SELECT b COLLATE \"C\" FROM t ORDER BY b COLLATE \"C\"",
	 "SELECT b COLLATE BINARY AS b FROM t ORDER BY b COLLATE BINARY NULLS LAST"},
	{"SELECT b COLLATE \"de_DE\" FROM t", "!0A000@10"},
	{"SELECT a FROM t ORDER BY a", "SELECT a FROM t ORDER BY a NULLS LAST"},
	{"SELECT a FROM t ORDER BY a DESC, b ASC NULLS FIRST, c DESC NULLS LAST",
	 "SELECT a FROM t ORDER BY a DESC NULLS FIRST, b NULLS FIRST, c DESC NULLS LAST"},
	{"SELECT a FROM t ORDER BY 1", "SELECT a FROM t ORDER BY 1 NULLS LAST"},
	{"SELECT a FROM t ORDER BY a USING <", "SELECT a FROM t ORDER BY a NULLS LAST"},
	{"SELECT a FROM t LIMIT 10 OFFSET 5", "SELECT a FROM t LIMIT 10 OFFSET 5"},
	{"SELECT a FROM t OFFSET 5", "SELECT a FROM t LIMIT -1 OFFSET 5"},
	{"SELECT a FROM t LIMIT ALL", "SELECT a FROM t"},
	{"SELECT a FROM t LIMIT $1 OFFSET $2",
	 "SELECT a FROM t LIMIT pgfn_limit(?1, 1) OFFSET pgfn_limit(?2, 0)"},
	{"SELECT a FROM t LIMIT 2.5 OFFSET NULL",
	 "SELECT a FROM t LIMIT pgfn_limit(3, 1) OFFSET pgfn_limit(NULL, 0)"},
	{"SELECT a FROM t FETCH FIRST 3 ROWS ONLY", "SELECT a FROM t LIMIT 3"},
	{"SELECT a FROM t FETCH FIRST 3 ROWS WITH TIES", "!42601"},
	{"SELECT a, b AS x FROM t ORDER BY x DESC OFFSET $1 FETCH FIRST 2 ROWS WITH TIES",
	 "SELECT a, x FROM (SELECT a, b AS x, rank() OVER ( ORDER BY b DESC NULLS FIRST) AS "
	 "shardlite_rk, row_number() OVER ( ORDER BY b DESC NULLS FIRST) AS shardlite_rn FROM t) "
	 "WHERE shardlite_rk <= 2 + pgfn_limit(?1, 0) ORDER BY shardlite_rn LIMIT -1 OFFSET "
	 "pgfn_limit(?1, 0)"},
	{"SELECT a FROM t ORDER BY a FETCH FIRST NULL ROWS WITH TIES", "!2201W"},
	{"SELECT * FROM t ORDER BY a FETCH FIRST 2 ROWS WITH TIES",
	 "SELECT * FROM t ORDER BY a NULLS LAST LIMIT max((SELECT count(*) FROM (SELECT *, rank() "
	 "OVER ( ORDER BY a NULLS LAST) AS shardlite_rk, row_number() OVER ( ORDER BY a NULLS LAST) "
	 "AS shardlite_rn FROM t) WHERE shardlite_rk <= 2), 0)"},
	{"SELECT DISTINCT a FROM t ORDER BY a FETCH FIRST 2 ROWS WITH TIES", "!0A000"},
	{"SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a DESC) FROM t",
	 "SELECT pgfn_osagg('c', 0.5, a, 'd', 'f') AS percentile_cont FROM t"},
	{"SELECT mode() WITHIN GROUP (ORDER BY b) FILTER (WHERE a > 1) FROM t",
	 "SELECT pgfn_osagg('m', NULL, b, 'a', '.') FILTER (WHERE a > 1) AS mode FROM t"},
	{"SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a) OVER () FROM t", "!0A000"},
	{"SELECT count(DISTINCT (a, b)) FROM t",
	 "SELECT count(DISTINCT pgfn_row_key(a, b)) AS count FROM t"},
	{"SELECT min((a, b)) FROM t", "!42883"},
	{"SELECT a FROM t ORDER BY (a, b) DESC",
	 "SELECT a FROM t ORDER BY a DESC NULLS FIRST, b DESC NULLS FIRST"},
	{"SELECT (1, 2) = (1, 2, 3)", "!42601@15"},
	{"SELECT a FROM t UNION SELECT b FROM t ORDER BY 1 FETCH FIRST 1 ROW WITH TIES", "!0A000"},
	{"SELECT a FROM t LIMIT -1", "!2201W"},
	{"SELECT DISTINCT a, b FROM t", "SELECT DISTINCT a, b FROM t"},
	{"SELECT DISTINCT ON (a) a, b FROM t",
	 "SELECT a, b FROM (SELECT a, b, row_number() OVER (PARTITION BY a) AS shardlite_rn FROM t) "
	 "WHERE shardlite_rn = 1"},
	{"SELECT DISTINCT ON (a) a, b AS x FROM t ORDER BY a, x DESC LIMIT 3",
	 "SELECT a, x FROM (SELECT a, b AS x, a AS shardlite_k0, b AS shardlite_k1, row_number() "
	 "OVER (PARTITION BY a ORDER BY a NULLS LAST, b DESC NULLS FIRST) AS shardlite_rn FROM t) "
	 "WHERE shardlite_rn = 1 ORDER BY shardlite_k0 NULLS LAST, shardlite_k1 DESC NULLS FIRST "
	 "LIMIT 3"},
	{"SELECT DISTINCT ON (a) * FROM t", "!0A000"},
	{"SELECT DISTINCT ON (a) a FROM t ORDER BY random()", "!0A000"},
	{"SELECT DISTINCT a FROM t ORDER BY b", "!42P10@35"},
	{"SELECT DISTINCT a AS b FROM t ORDER BY b",
	 "SELECT DISTINCT a AS b FROM t ORDER BY b NULLS LAST"},
	{"SELECT DISTINCT a FROM t ORDER BY t.a",
	 "SELECT DISTINCT a FROM t ORDER BY t.a NULLS LAST"},
	{"SELECT DISTINCT ON (a) a, b FROM t ORDER BY b", "!42P10@21"},
	{"SELECT DISTINCT ON (a, b) a, b FROM t ORDER BY b, c, a", "!42P10@21"},
	{"WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r ORDER BY 1) "
	 "SELECT * FROM r",
	 "!0A000@73"},
	{"WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t LEFT JOIN r ON r.n = t.a) "
	 "SELECT * FROM r",
	 "!42P19"},
	{"WITH RECURSIVE r(n) AS (SELECT n FROM r UNION ALL SELECT 1) SELECT * FROM r",
	 "!42P19@39"},
	{"SELECT a, count(*) FROM t GROUP BY a HAVING count(*) > 1",
	 "SELECT a, count(*) AS count FROM t GROUP BY a HAVING count(*) > 1"},
	{"SELECT a, b, count(*) FROM t GROUP BY ROLLUP (a, b)",
	 "SELECT NULL AS a, NULL AS b, NULL AS count WHERE 0 UNION ALL SELECT a, b, count(*) AS "
	 "count FROM t GROUP BY a, b UNION ALL SELECT a, NULL, count(*) AS count FROM t GROUP BY a "
	 "UNION ALL SELECT NULL, NULL, count(*) AS count FROM t"},
	{"SELECT a FROM t ORDER BY a USING >, b USING <",
	 "SELECT a FROM t ORDER BY a DESC NULLS FIRST, b NULLS LAST"},
	{"SELECT a FROM t ORDER BY a USING ~<~", "!0A000"},
	{"SELECT a AS x, a AS y FROM t GROUP BY x, ROLLUP (y)",
	 "SELECT NULL AS x, NULL AS y WHERE 0 UNION ALL SELECT a AS x, a AS y FROM t GROUP BY a, a "
	 "UNION ALL SELECT a AS x, NULL AS y FROM t GROUP BY a"},
	{"SELECT a, grouping(a) FROM t GROUP BY DISTINCT a, CUBE (a) ORDER BY 2 DESC",
	 "SELECT NULL AS a, NULL AS grouping WHERE 0 UNION ALL SELECT a, 0 AS grouping FROM t "
	 "GROUP BY a ORDER BY 2 DESC NULLS FIRST"},
	{"SELECT a FROM t WHERE grouping(a) = 0 GROUP BY ROLLUP (a)", "!42803@23"},
	{"SELECT a, sum(b) OVER () FROM t GROUP BY ROLLUP (a)", "!0A000"},
	{"SELECT count(*) FROM t HAVING count(*) > 0",
	 "SELECT count(*) AS count FROM t HAVING count(*) > 0"},
	{"SELECT t.a, u.name FROM t JOIN u ON u.t_id = t.id",
	 "SELECT t.a, u.name FROM t JOIN u ON u.t_id = t.id"},
	{"SELECT t.a, u.name FROM t INNER JOIN u ON u.t_id = t.id LEFT JOIN c ON c.id = u.id",
	 "SELECT t.a, u.name FROM t JOIN u ON u.t_id = t.id LEFT JOIN c ON c.id = u.id"},
	{"SELECT * FROM t RIGHT JOIN u ON u.t_id = t.id FULL JOIN c ON true",
	 "SELECT * FROM t RIGHT JOIN u ON u.t_id = t.id FULL JOIN c ON 1"},
	{"SELECT * FROM t CROSS JOIN u", "SELECT * FROM t CROSS JOIN u"},
	{"SELECT * FROM t, u WHERE u.t_id = t.id", "SELECT * FROM t, u WHERE u.t_id = t.id"},
	{"SELECT * FROM t JOIN u USING (id)", "SELECT * FROM t JOIN u USING (id)"},
	{"SELECT * FROM t NATURAL JOIN u", "SELECT * FROM t NATURAL JOIN u"},
	{"SELECT * FROM t JOIN (u JOIN c ON c.id = u.id) ON u.t_id = t.id",
	 "SELECT * FROM t JOIN (u JOIN c ON c.id = u.id) ON u.t_id = t.id"},
	{"SELECT * FROM t AS x JOIN u y ON y.t_id = x.id",
	 "SELECT * FROM t AS x JOIN u AS y ON y.t_id = x.id"},
	{"SELECT * FROM (SELECT a FROM t) AS s", "SELECT * FROM (SELECT a FROM t) AS s"},
	{"SELECT * FROM (SELECT a, b FROM t) AS s (x, y)",
	 "SELECT * FROM (WITH \"xlat:1\"(x, y) AS (SELECT a, b FROM t) SELECT * FROM \"xlat:1\") AS s"},
	{"SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (n, s)",
	 "SELECT * FROM (WITH \"xlat:1\"(n, s) AS (VALUES (1, 'a'), (2, 'b')) SELECT * FROM \"xlat:1\") AS v"},
	{"SELECT * FROM t AS x (p, q)", "!0A000@15"},
	{"SELECT * FROM (SELECT a, b, c FROM t) AS s (x, y)",
	 "SELECT * FROM (WITH \"xlat:1\"(x, y, c) AS (SELECT a, b, c FROM t) SELECT * FROM \"xlat:1\") AS s"},
	{"SELECT * FROM (VALUES (1, 2, 3)) v (a)",
	 "SELECT * FROM (WITH \"xlat:1\"(a, column2, column3) AS (VALUES (1, 2, 3)) SELECT * FROM \"xlat:1\") AS v"},
	{"SELECT * FROM (SELECT a FROM t) AS s (x, y)", "!42P10"},
	{"SELECT * FROM (SELECT * FROM t) AS s (x, y)", "!0A000"},
	{"SELECT * FROM t, LATERAL (SELECT 1) s", "SELECT t.*, (1) AS \"?column?\" FROM t"},
	{"SELECT t.a, s.x FROM t, LATERAL (SELECT t.a + 1) s(x)",
	 "SELECT t.a, (t.a + 1) AS x FROM t"},
	{"SELECT * FROM t, LATERAL (SELECT name FROM u) s",
	 "SELECT t.*, (s.c0) AS name FROM t, pgfn_rows((WITH \"xlat:1\"(c0) AS MATERIALIZED (SELECT name "
	 "FROM u) SELECT pgfn_rows_pack(c0) FROM \"xlat:1\")) AS s"},
	/* any other LATERAL: its rows packed per left row and unpacked as a table function */
	{"SELECT t.a, s.name FROM t LEFT JOIN LATERAL (SELECT name FROM u WHERE u.t_id = t.id LIMIT 2) s ON true",
	 "SELECT t.a, (s.c0) AS name FROM t LEFT JOIN pgfn_rows((WITH \"xlat:1\"(c0) AS MATERIALIZED "
	 "(SELECT name FROM u WHERE u.t_id = t.id LIMIT 2) SELECT pgfn_rows_pack(c0) FROM \"xlat:1\")) "
	 "AS s ON 1"},
	{"SELECT x FROM t, LATERAL (SELECT count(*) FROM u WHERE u.t_id = t.id) s (x) ORDER BY s.x",
	 "SELECT (s.c0) AS x FROM t, pgfn_rows((WITH \"xlat:1\"(c0) AS MATERIALIZED (SELECT "
	 "count(*) AS count FROM u WHERE u.t_id = t.id) SELECT pgfn_rows_pack(c0) FROM \"xlat:1\")) "
	 "AS s ORDER BY (s.c0) NULLS LAST"},
	{"SELECT s.name FROM t, LATERAL (SELECT * FROM u) s", "!0A000"},
	/* functions in FROM run against the catalog: tests/unit/catalog */
	{"SELECT * FROM sum(1)", "!42803"}, /* an aggregate is no plain function */
	/* several arrays: one join, run in lockstep (PostgreSQL's ProjectSet) */
	{"SELECT unnest(b::text[]), unnest(c::text[]) FROM t",
	 "SELECT \"xlat:srf1\".v0 AS unnest, \"xlat:srf1\".v1 AS unnest FROM t, "
	 "pgfn_unnest(pg_array_in(b), pg_array_in(c)) AS \"xlat:srf1\""},
	{"SELECT generate_subscripts(b::int[], 1) AS i, unnest(b::int[]) FROM t",
	 "SELECT \"xlat:srf1\".v0 AS i, \"xlat:srf1\".v1 AS unnest FROM t, "
	 "pgfn_unnest(pgfn_array_subscripts(pg_array_in(b), 1), pg_array_in(b)) AS \"xlat:srf1\""},
	{"SELECT unnest(b::text[]), generate_series(1, 2) FROM t",
	 "SELECT \"xlat:srf1\".c0 AS unnest, \"xlat:srf1\".c1 AS generate_series FROM t, "
	 "pgfn_rows_zip('1,1', (SELECT pgfn_rows_pack(v0) FROM pgfn_unnest(pg_array_in(b))), "
	 "(SELECT pgfn_rows_pack(value) FROM pgfn_series_int4(1, 2))) AS \"xlat:srf1\""},
	{"SELECT regexp_split_to_table(b, ',') AS w, count(1) FROM t GROUP BY w",
	 "SELECT \"xlat:srf1\".v0 AS w, count(1) AS count FROM t, "
	 "pgfn_unnest(pgfn_regexp_split_to_array(b, ',')) AS \"xlat:srf1\" GROUP BY w"},
	{"SELECT regexp_split_to_table(b, ',') AS w, count(1) FROM t GROUP BY b", "!0A000"},
	{"SELECT (regexp_matches(b, 'x(.)', 'g'))[1] FROM t",
	 "SELECT pgfn_array_at(\"xlat:srf1\".v0, 1) AS regexp_matches FROM t, "
	 "pgfn_unnest(pgfn_regexp_matches_array(b, 'x(.)', 'g')) AS \"xlat:srf1\""},
	{"SELECT * FROM regexp_matches('ab', 'b') AS m",
	 "SELECT * FROM (SELECT value AS m FROM pgfn_regexp_matches('ab', 'b')) AS m"},
	/* only functions known as plain ones may stand in FROM: another could return a set */
	{"SELECT * FROM pg_stat_get_backend_idset()", "!0A000@15"},
	{"SELECT * FROM row_number()", "!42809@15"},
	{"SELECT * FROM current_schema() WITH ORDINALITY", "!0A000"},
	{"SELECT * FROM current_database() AS d(x, y)", "!42P10"},
	{"SELECT unnest(b::text[]) FROM t GROUP BY b", "!0A000"},
	{"SELECT relname FROM pg_class WHERE oid = ANY (pg_catalog.current_schemas(true))",
	 "SELECT relname FROM pg_class WHERE pg_array_has(current_schemas(1), oid)"},
	{"SELECT relname FROM pg_class WHERE oid <> ALL (pg_catalog.current_schemas(true))",
	 "SELECT relname FROM pg_class WHERE NOT pg_array_has(current_schemas(1), oid)"},
	{"SELECT relname FROM pg_class WHERE oid ^ ANY (current_schemas(true))", "!0A000"},
	{"SELECT b::pg_catalog.int2[] FROM t", "SELECT pg_array_in(b) AS b FROM t"},
	{"SELECT 'x'::pg_catalog.int2[]", "!22P02"},
	{"SELECT * FROM t TABLESAMPLE SYSTEM (10)",
	 "SELECT * FROM (WITH \"xlat:1\"(s) AS MATERIALIZED (SELECT pgfn_tablesample_args(10.0)) "
	 "SELECT \"xlat:r\".* FROM \"xlat:1\" CROSS JOIN t AS \"xlat:r\" WHERE "
	 "pgfn_tablesample(1, \"xlat:1\".s, \"xlat:r\".rowid)) AS t"},
	{"SELECT a FROM t AS x TABLESAMPLE BERNOULLI ($1) REPEATABLE ($2)",
	 "SELECT a FROM (WITH \"xlat:1\"(s) AS MATERIALIZED (SELECT pgfn_tablesample_args(?1, ?2)) "
	 "SELECT \"xlat:r\".* FROM \"xlat:1\" CROSS JOIN t AS \"xlat:r\" WHERE "
	 "pgfn_tablesample(0, \"xlat:1\".s, \"xlat:r\".rowid)) AS x"},
	{"SELECT * FROM t TABLESAMPLE system_rows (10)", "!0A000"},
	{"SELECT * FROM t TABLESAMPLE foo (10)", "!42704"},
	{"SELECT * FROM t TABLESAMPLE bernoulli (10, 20)", "!2202H"},
	{"SELECT * FROM t TABLESAMPLE bernoulli (a)", "!42703"},
	{"SELECT * FROM (t JOIN u ON true) AS j",
	 "SELECT * FROM (SELECT * FROM t JOIN u ON 1) AS j"},
	{"SELECT * FROM (t JOIN u USING (id) AS k) AS j",
	 "SELECT * FROM (SELECT * FROM t JOIN u USING (id)) AS j"},
	{"SELECT * FROM (t JOIN LATERAL (SELECT t.a) l ON true) AS j",
	 "SELECT * FROM (SELECT t.*, (l.c0) AS a FROM t JOIN pgfn_rows((WITH \"xlat:2\"(c0) AS "
	 "MATERIALIZED (SELECT t.a) SELECT pgfn_rows_pack(c0) FROM \"xlat:2\")) AS l ON 1) AS j"},
	/* its LATERAL item reads t, outside the join: no subquery can hold it */
	{"SELECT * FROM t, (u JOIN LATERAL (SELECT t.a) l ON true) AS j", "!0A000"},
	{"SELECT k.id FROM t JOIN u USING (id) AS k",
	 "SELECT (t.id) AS id FROM t JOIN u USING (id)"},
	{"SELECT k.* FROM t FULL JOIN u USING (id) AS k",
	 "SELECT (coalesce(t.id, u.id)) AS id FROM t FULL JOIN u USING (id)"},
	{"SELECT k.b FROM t JOIN u USING (id) AS k", "!42703"},
	{"SELECT 1 UNION SELECT 2", "SELECT 1 AS \"?column?\" UNION SELECT 2 AS \"?column?\""},
	{"SELECT 1 UNION ALL SELECT 2 UNION SELECT 3",
	 "SELECT 1 AS \"?column?\" UNION ALL SELECT 2 AS \"?column?\" UNION SELECT 3 AS \"?column?\""},
	{"SELECT 1 UNION (SELECT 2 UNION ALL SELECT 3)",
	 "SELECT 1 AS \"?column?\" UNION SELECT * FROM (SELECT 2 AS \"?column?\" UNION ALL SELECT 3 AS \"?column?\")"},
	{"SELECT 1 UNION SELECT 2 INTERSECT SELECT 3",
	 "SELECT 1 AS \"?column?\" UNION SELECT * FROM (SELECT 2 AS \"?column?\" INTERSECT SELECT 3 AS \"?column?\")"},
	{"SELECT 1 EXCEPT SELECT 2 ORDER BY 1 LIMIT 1",
	 "SELECT 1 AS \"?column?\" EXCEPT SELECT 2 AS \"?column?\" ORDER BY 1 NULLS LAST LIMIT 1"},
	{"(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL (SELECT x FROM u ORDER BY x LIMIT 1)",
	 "SELECT * FROM (SELECT a FROM t ORDER BY a NULLS LAST LIMIT 1) UNION ALL SELECT * FROM (SELECT x FROM u ORDER BY x NULLS LAST LIMIT 1)"},
	{"SELECT a FROM t INTERSECT ALL SELECT b FROM t",
	 "SELECT shardlite_c0 AS a FROM (SELECT * FROM (WITH shardlite_l(shardlite_c0) AS (SELECT a "
	 "FROM t) SELECT *, row_number() OVER (PARTITION BY shardlite_c0) FROM shardlite_l) "
	 "INTERSECT SELECT * FROM (WITH shardlite_r(shardlite_c0) AS (SELECT b FROM t) SELECT *, "
	 "row_number() OVER (PARTITION BY shardlite_c0) FROM shardlite_r))"},
	{"SELECT 1, 1 EXCEPT ALL SELECT 1", "!42601"},
	{"SELECT * FROM t EXCEPT ALL SELECT 1", "!0A000"},
	{"SELECT 1, 'x' UNION SELECT 2.5, NULL",
	 "SELECT 1 AS \"?column?\", 'x' AS \"?column?\" UNION SELECT 2.5 AS \"?column?\", NULL AS \"?column?\""},
	{"SELECT a, count(*) FROM t GROUP BY 3", "!42P10@36"},
	{"SELECT a FROM t GROUP BY 0", "!42P10"},
	{"SELECT 1 FROM t WHERE a > 0 HAVING count(*) > 1",
	 "SELECT 1 AS \"?column?\" FROM (SELECT count(*) AS shardlite_n FROM t WHERE a > 0 HAVING "
	 "count(*) > 1) AS shardlite_h"},
	{"SELECT 'x' FROM t WHERE a > 0 HAVING 1 < 2",
	 "SELECT 'x' AS \"?column?\" FROM (SELECT count(*) AS shardlite_n FROM t WHERE CASE WHEN 0 "
	 "THEN a > 0 END HAVING 1 < 2) AS shardlite_h"},
	{"SELECT abs($1::numeric), @ $1::numeric", /* numeric_abs keeps the display scale */
	 "SELECT pgfn_num_abs(?1, -1) AS abs, pgfn_num_abs(pgfn_num_add(?1, 0, -1, 0), -1) AS "
	 "\"?column?\""},
	{"SELECT 3 + 'h'", "!22P02@12"}, /* int4in reads the literal, SQLite would take 0 */
	{"SELECT a - ' 2 ', '7' * a FROM t",
	 "SELECT a - ' 2 ' AS \"?column?\", '7' * a AS \"?column?\" FROM t"},
	{"SELECT E'\\u061'", "!22025@10"}, /* the scanner's code for a short escape, not 42601 */
	{"SELECT 1 HAVING 1 < 2",          /* no FROM: SQLite's one row */
	 "SELECT 1 AS \"?column?\" FROM (SELECT count(*) AS shardlite_n WHERE 0 HAVING 1 < 2) AS "
	 "shardlite_h"},
	{"SELECT 1 UNION VALUES ('3')", "!42804"},
	{"SELECT 'a' UNION SELECT 'b' UNION SELECT 1", "!42804"},
	{"SELECT true INTERSECT SELECT 1.5", "!42804"},
	{"VALUES (1, 'a'), (2, 'b')", "VALUES (1, 'a'), (2, 'b')"},
	{"VALUES (1), (2) ORDER BY 1 DESC LIMIT 1",
	 "SELECT * FROM (VALUES (1), (2)) ORDER BY 1 DESC NULLS FIRST LIMIT 1"},
	{"VALUES (1, 2), (3)", "!42601"},
	{"TABLE t", "SELECT * FROM t"},
	{"WITH x AS (SELECT a FROM t) SELECT * FROM x",
	 "WITH x AS (SELECT a FROM t) SELECT * FROM x"},
	{"WITH x (n) AS MATERIALIZED (SELECT a FROM t), y AS NOT MATERIALIZED (SELECT 1) SELECT n FROM x, y",
	 "WITH x(n) AS MATERIALIZED (SELECT a FROM t), y AS NOT MATERIALIZED (SELECT 1 AS \"?column?\") SELECT n FROM x, y"},
	{"WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r",
	 "WITH RECURSIVE r(n) AS (SELECT 1 AS \"?column?\" UNION ALL SELECT n + 1 AS \"?column?\" FROM r WHERE n < 5) SELECT n FROM r"},
	/* SEARCH and CYCLE (xlat_search.c): each term computes the extra columns, as text
	 * declared with the collation that orders it as PostgreSQL orders the records */
	{"WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) "
	 "SEARCH DEPTH FIRST BY n SET o SELECT n FROM r ORDER BY o",
	 "WITH RECURSIVE r(n, o) AS (SELECT 1 AS \"?column?\", pgfn_array_append(NULL, "
	 "pgfn_record_text(1), '.') COLLATE pgfn_recarr_n AS o UNION ALL SELECT n + 1 AS "
	 "\"?column?\", pgfn_array_append(r.o, pgfn_record_text(n + 1), '.') COLLATE "
	 "pgfn_recarr_n AS o FROM r WHERE n < 5) SELECT n FROM r ORDER BY o NULLS LAST"},
	{"WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) "
	 "SEARCH BREADTH FIRST BY n SET o SELECT * FROM r",
	 "WITH RECURSIVE r(n, o) AS (SELECT 1 AS \"?column?\", pgfn_record_text(0, 1) COLLATE "
	 "pgfn_record_nn AS o UNION ALL SELECT n + 1 AS \"?column?\", pgfn_record_text(CAST("
	 "substr(r.o, 2, instr(r.o, ',') - 2) AS INTEGER) + 1, n + 1) COLLATE pgfn_record_nn AS "
	 "o FROM r WHERE n < 5) SELECT * FROM r"},
	{"WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r x WHERE n < 5) "
	 "CYCLE n SET c TO 'y' DEFAULT 'n' USING p SELECT * FROM r",
	 "WITH RECURSIVE r(n, c, p) AS (SELECT 1 AS \"?column?\", 'n' AS c, pgfn_array_append("
	 "NULL, pgfn_record_text(1), '.') COLLATE pgfn_recarr_n AS p UNION ALL SELECT n + 1 AS "
	 "\"?column?\", CASE WHEN pgfn_array_contains(x.p, pgfn_array_append(NULL, "
	 "pgfn_record_text(n + 1), '.'), 0) THEN 'y' ELSE 'n' END AS c, pgfn_array_append(x.p, "
	 "pgfn_record_text(n + 1), '.') COLLATE pgfn_recarr_n AS p FROM r AS x WHERE x.c IS NOT "
	 "'y' AND (n < 5)) SELECT * FROM r"},
	{"WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SEARCH DEPTH FIRST BY m "
	 "SET o SELECT * FROM r",
	 "!42601"},
	{"WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) CYCLE n, n SET c USING p "
	 "SELECT * FROM r",
	 "!42701"},
	{"WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) CYCLE n SET c TO true "
	 "DEFAULT 5 USING p SELECT * FROM r",
	 "!42804"},
	{"WITH r (n) AS (SELECT 1) SEARCH DEPTH FIRST BY n SET o SELECT * FROM r", "!42601"},
	{"WITH RECURSIVE r (n) AS (VALUES (1), (2) UNION ALL SELECT n + 1 FROM r WHERE n < 5) "
	 "SEARCH DEPTH FIRST BY n SET o SELECT * FROM r",
	 "WITH RECURSIVE r(n, o) AS (SELECT *, pgfn_array_append(NULL, pgfn_record_text(CAST("
	 "iif(typeof(column1) = 'real', round(column1), column1) AS INTEGER)), '.') COLLATE "
	 "pgfn_recarr_n AS o FROM (VALUES (1), (2)) UNION ALL SELECT n + 1 AS \"?column?\", "
	 "pgfn_array_append(r.o, pgfn_record_text(n + 1), '.') COLLATE pgfn_recarr_n AS o FROM r "
	 "WHERE n < 5) SELECT * FROM r"},
	/* bytea || bytea: the bytes joined (SQLite's || of blobs is text) */
	{"SELECT 'x'::bytea || 'y'::bytea, 'a'::bytea || '\\x62'",
	 "SELECT CAST(x'78' || x'79' AS BLOB) AS \"?column?\", CAST(x'61' || x'62' AS BLOB) AS "
	 "\"?column?\""},
	/* data-modifying WITH below the top level (test_modcte.c has the top level) */
	{"SELECT * FROM (WITH x AS (INSERT INTO t (a) VALUES (1) RETURNING a) SELECT * FROM x) q",
	 "!0A000@21"},
	{"SELECT a FROM t FOR UPDATE", "SELECT a FROM t"},
	{"SELECT a FROM t FOR SHARE SKIP LOCKED", "SELECT a FROM t"},
	{"SELECT a INTO t2 FROM t", "SELECT a FROM t"},
	{"SELECT a INTO t2 FROM t UNION SELECT 1", "!0A000"},
	{"SELECT count(*), count(a), count(DISTINCT b), sum(a), avg(c), min(b), max(d) FROM t",
	 "SELECT count(*) AS count, count(a) AS count, count(DISTINCT b) AS count, sum(a) AS sum, avg(c) AS avg, min(b) AS min, max(d) AS max FROM t"},
	{"SELECT count(*) FILTER (WHERE a > 1) FROM t",
	 "SELECT count(*) FILTER (WHERE a > 1) AS count FROM t"},
	{"SELECT string_agg(b, ', ') FROM t", "SELECT group_concat(b, ', ') AS string_agg FROM t"},
	{"SELECT string_agg(b, ', ' ORDER BY b) FROM t",
	 "SELECT pgfn_ordered_agg(b, ', ', b, 'string', 'al') AS string_agg FROM t"},
	{"SELECT bool_and(e), bool_or(a > 1), every(e) FROM t",
	 "SELECT min(e) AS bool_and, max(a > 1) AS bool_or, min(e) AS every FROM t"},
	{"SELECT row_number() OVER (ORDER BY a), rank() OVER (PARTITION BY b ORDER BY c DESC) FROM t",
	 "SELECT row_number() OVER (ORDER BY a NULLS LAST) AS row_number, rank() OVER (PARTITION BY b ORDER BY c DESC NULLS FIRST) AS rank FROM t"},
	{"SELECT sum(a) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t",
	 "SELECT sum(a) OVER (ORDER BY id NULLS LAST ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS sum FROM t"},
	{"SELECT sum(a) OVER (ORDER BY id RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE TIES) FROM t",
	 "SELECT sum(a) OVER (ORDER BY id NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE TIES) AS sum FROM t"},
	{"SELECT lag(a, 1) OVER w, first_value(b) OVER (w ORDER BY c) FROM t WINDOW w AS (PARTITION BY b)",
	 "SELECT lag(a, 1) OVER w AS lag, first_value(b) OVER (w ORDER BY c NULLS LAST) AS first_value FROM t WINDOW w AS (PARTITION BY b)"},
	{"SELECT row_number() FROM t", "!42809@8"},
	{"SELECT lower(b) OVER () FROM t", "!42809@8"},
	{"SELECT count(DISTINCT a, b) FROM t", "!0A000@8"},
	{"SELECT lower(b), upper(b), length(b), char_length(b), octet_length(b), replace(b, 'a', 'b') FROM t",
	 "SELECT lower(b) AS lower, upper(b) AS upper, length(b) AS length, length(b) AS char_length, length(CAST(b AS BLOB)) AS octet_length, replace(b, 'a', 'b') AS \"replace\" FROM t"},
	{"SELECT substr(b, 2), substr(b, 2, 3), substring(b from 2 for 3), substring(b, $1, $2) FROM t",
	 "SELECT substr(b, 2) AS substr, substr(b, 2, shardlite_substr_len(3)) AS substr, "
	 "substr(b, 2, shardlite_substr_len(3)) AS substring, substr(b, max(?1, 1), "
	 "max(shardlite_substr_len(?2) + min((?1) - 1, 0), 0)) AS substring FROM t"},
	{"SELECT substring(b from 'a.'), substring(b from '(a)') FROM t",
	 "SELECT pg_array_get(pgfn_regexp_match(b, 'a.'), 1) AS substring, "
	 "pg_array_get(pgfn_regexp_match(b, '(a)'), 1) AS substring FROM t"},
	{"SELECT substring(b from 'a' for '#'), substring(b similar 'a#\"_#\"' escape '#') FROM t",
	 "SELECT pgfn_similar_substring(b, 'a', '#') AS substring, "
	 "pgfn_similar_substring(b, 'a#\"_#\"', '#') AS substring FROM t"},
	{"SELECT trim(b), trim(both 'x' from b), ltrim(b), rtrim(b, 'y') FROM t",
	 "SELECT trim(b) AS btrim, trim(b, 'x') AS btrim, ltrim(b) AS ltrim, rtrim(b, 'y') AS rtrim FROM t"},
	{"SELECT concat(a, b, NULL), concat() FROM t", "!42883@28"},
	{"SELECT position('x' in b), strpos(b, 'y'), left(b, 2), right(b, 3) FROM t",
	 "SELECT instr(b, 'x') AS position, instr(b, 'y') AS strpos, pgfn_left(b, 2) AS \"left\", pgfn_right(b, 3) AS \"right\" FROM t"},
	{"SELECT abs(a), round(c), round(c, 2), ceil(c), floor(c), sqrt(c), power(2, 10), pi() FROM t",
	 "SELECT abs(a) AS abs, round(c) AS round, pgfn_round(c, 2) AS round, ceil(c) AS ceil, floor(c) AS floor, pgfn_sqrt(c) AS sqrt, pgfn_pow(2, 10) AS power, pi() AS pi FROM t"},
	{"SELECT round(1.5::float8), round(2.5), abs(9::int8), 5 # 3, 1::int2 # 2::int2",
	 "SELECT pgfn_rint(1.5) AS round, pgfn_num_round(2.5, 0, 1) AS round, pgfn_abs(9) AS abs, pgfn_xor(5, 3) AS \"?column?\", pgfn_xor(1, 2) AS \"?column?\""},
	{"SELECT -('-5'::int8), 1::int2 << 15, float8(a), int4(c) FROM t",
	 "SELECT - -5 AS \"?column?\", pgfn_shl(1,   15, 16) AS \"?column?\", CAST(a AS REAL) AS float8, "
	 "CAST(iif(typeof(c) = 'real', round(c), c) AS INTEGER) AS int4 FROM t"},
	{"SELECT sum(x), avg(x), min(x), max(DISTINCT x) FROM (VALUES ('1 day'::interval)) v (x)",
	 "SELECT pgfn_interval_sum(x) AS sum, pgfn_interval_avg(x) AS avg, pgfn_interval_min(x) AS min, pgfn_interval_max(DISTINCT (x) COLLATE pgfn_interval) AS max FROM (WITH \"xlat:1\"(x) AS (VALUES ('1 day')) SELECT * FROM \"xlat:1\") AS v"},
	{"SELECT 'NaN'::float8, 'inf'::real, 1.5::float8 * 2, 2 - 0.5::real",
	 "SELECT 'NaN' AS float8, 9e999 AS float4, pgfn_fop(1.5, '*', 2) AS \"?column?\", pgfn_fop(2, '-', pgfn_f4(0.5)) AS \"?column?\""},
	{"SELECT random(), gen_random_uuid()",
	 "SELECT pgfn_random() AS random, lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) AS gen_random_uuid"},
	{"SELECT now(), current_timestamp, current_date, current_time, localtimestamp, localtime, current_timestamp(0)",
	 "SELECT pg_current(1184, -1, 0) AS now, pg_current(1184, -1) AS \"current_timestamp\", pg_current(1082, -1) AS \"current_date\", pg_current(1266, -1) AS \"current_time\", pg_current(1114, -1) AS localtimestamp, pg_current(1083, -1) AS localtime, pg_current(1184, 0) AS \"current_timestamp\""},
	{"SELECT current_schema, current_user",
	 "SELECT 'public' AS current_schema, pg_session_user() AS current_user"},
	{"SELECT current_schema(), pg_catalog.current_schema()",
	 "SELECT 'public' AS current_schema, 'public' AS current_schema"},
	/* a real's product must fit a real ('*4'); 'nan' beside a float8 is a float8; -0.0 is a
	 * numeric zero, without its sign */
	{"SELECT 1.5::real * 2::real, greatest(1::float8, 'nan'), -0.0, (-0.0)::text",
	 "SELECT pgfn_fop(1.5, '*4', 2.0) AS \"?column?\", max(coalesce(1.0, 'nan'), coalesce('nan', 1.0)) AS greatest, 0.0 AS \"?column?\", '0.0' AS text"},
	{"SELECT pg_catalog.lower('A')", "SELECT lower('A') AS lower"},
	{"SELECT public.lower('A')", "!42883@8"},
	{"SELECT foo(1, 'x')", "!42883@8"},
	{"SELECT foo(a) FROM t", "!42883@8"},
	{"SELECT to_char(now(), 'YYYY')",
	 "SELECT pg_to_char(pg_current(1184, -1, 0), 1184, 'YYYY') AS to_char"},
	{"SELECT '2024-02-30'::date", "!22008@8"},
	/* a date whose reading depends on DateStyle's field order is read when it runs */
	{"SELECT '01/02/2024'::date, '2024-01-02'::date, 'Jan 2 2024'::date",
	 "SELECT pg_dt_cast('01/02/2024', 25, 1082) AS date, '2024-01-02' AS date, '2024-01-02' AS date"},
	{"SELECT 'x'::timestamp", "!22007@8"},
	{"SELECT '2024-02-29 13:45:00.5'::timestamp, '90 minutes'::interval",
	 "SELECT '2024-02-29 13:45:00.5' AS timestamp, '01:30:00' AS interval"},
	{"SELECT '2024-02-29'::date + 1, '2024-03-01'::date - '2024-02-01'::date, d + '1 day'::interval FROM t",
	 "SELECT pg_dt_add('2024-02-29', 1082, 1, 23, 1) AS \"?column?\", pg_dt_sub('2024-03-01', 1082, '2024-02-01', 1082) AS \"?column?\", pg_dt_add(d, 0, '1 day', 1186, 1) AS \"?column?\" FROM t"},
	{"SELECT max(a, b) FROM t", "!42883@8"},
	{"SELECT count(*, a) FROM t", "!42601@15"},
	{"SELECT lower(*) FROM t", "!42809@8"},
	{"SELECT a->>'x' FROM t", "SELECT pgfn_json_get(a, 'x', 3) AS \"?column?\" FROM t"},
	{"SELECT $0", "!42P02@8"},
	{"SELECT $1, $3, $2", "SELECT ?1 AS \"?column?\", ?3 AS \"?column?\", ?2 AS \"?column?\""},
	{"SELECT a[1] FROM t", "SELECT pg_array_get(a, 1) AS a FROM t"},
	{"SELECT a[1:2], a[:2], a[2:], a[1][2:3] FROM t",
	 "SELECT pgfn_array_slice(a, 'vv', 1, 2) AS a, pgfn_array_slice(a, '-v', 2) AS a, "
	 "pgfn_array_slice(a, 'v-', 2) AS a, pgfn_array_slice(a, 'vvvv', 1, 1, 2, 3) AS a FROM t"},
	{"SELECT (b).x, (b).n FROM t",
	 "SELECT pg_record_field(b, 1) AS x, pg_record_field(b, 2) AS n FROM t"},
	{"SELECT (b).y FROM t", "!0A000"},
	{"SELECT ROW(1)", "SELECT pgfn_record_text(1) AS \"row\""},
	{"SELECT (ROW(1, 2.5)).f2, (ROW(3, 4)).f1", "SELECT 2.5 AS f2, 3 AS f1"},
	{"SELECT (ROW(1, 2)).f3", "!42703"},
	{"SELECT B'101', X'1F'", "SELECT '101' AS \"?column?\", '00011111' AS \"?column?\""},
	{"SELECT B'12'", "!22P02@8"},
	{"SELECT '101'::bit(2), 5::bit(4)",
	 "SELECT pgfn_varbit_cast('101', 2, 0, 1) AS bit, pgfn_varbit_from_int(5, 4, 32) AS bit"},
	{"SELECT B'1100' & B'1010', ~B'1', B'10' << 1, B'1' # B'0', B'1' || B'0'",
	 "SELECT pgfn_varbit_and('1100', '1010') AS \"?column?\", pgfn_varbit_not( '1') AS \"?column?\", "
	 "pgfn_varbit_shift('10', (1)) AS \"?column?\", pgfn_varbit_xor('1', '0') AS \"?column?\", "
	 "('1' || '0') AS \"?column?\""},
	{"SELECT B'1' + B'1'", "!42883"},
	{"SELECT '$1,234.56'::money, '(1)'::money", "SELECT 123456 AS money, -100 AS money"},
	{"SELECT 'x'::money", "!22P02@8"},
	{"SELECT '1'::money + '2', '1'::money * 2, '1'::money / 2.5",
	 "SELECT pgfn_cash_add(100, pgfn_cash_in('2'), 1) AS \"?column?\", "
	 "pgfn_cash_mul(100, 2, 'i') AS \"?column?\", pgfn_cash_div(100, '2.5', 'f') AS \"?column?\""},
	{"SELECT '1'::money < '2', 5::money, '1'::money::numeric",
	 "SELECT 100 < pgfn_cash_in('2') AS \"?column?\", pgfn_cash_int(5) AS money, "
	 "pgfn_cash_numeric(100) AS numeric"},
	{"SELECT '1'::money = 1", "!42883"},
	{"SELECT -'1'::money", "!42883"},
	{"SELECT 1.5::float8::money", "!42846"},
	{"SELECT 1 FROM t WHERE (a, b) IS NULL",
	 "SELECT 1 AS \"?column?\" FROM t WHERE (a IS NULL AND b IS NULL)"},
	{"SELECT 1 FROM t WHERE ROW(a, b) IS NOT NULL",
	 "SELECT 1 AS \"?column?\" FROM t WHERE (a IS NOT NULL AND b IS NOT NULL)"},
	{"SELECT 1 FROM t WHERE (a, (b, 1)) IS NULL", "!0A000@35"},
};

XCASE_TEST(test_select, cases)

Suite *xlat_suite_select(void)
{
	Suite *s = suite_create("xlat_select");
	TCase *tc = tcase_create("select");
	tcase_add_loop_test(tc, test_select, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	suite_add_tcase(s, tc);
	return s;
}
