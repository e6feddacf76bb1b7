/* SPDX-License-Identifier: Apache-2.0 */
/* test_dml.c: INSERT/UPDATE/DELETE: PostgreSQL input → exact SQLite SQL or SQLSTATE. */
#include "xlat_test.h"

static const struct xcase cases[] = {
	{"INSERT INTO t (a, b) VALUES (1, 'x')", "INSERT INTO t (a, b) VALUES (1, 'x')"},
	{"INSERT INTO c VALUES (1, 'x')", "INSERT INTO c VALUES (1, 'x')"},
	{"INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y') RETURNING id, a * 2 AS twice",
	 "INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y') RETURNING id, a * 2 AS twice, "
	 "shardlite_returning()"},
	{"INSERT INTO t (a, b) VALUES ($1, $2)", "INSERT INTO t (a, b) VALUES (?1, ?2)"},
	{"INSERT INTO t DEFAULT VALUES", "INSERT INTO t DEFAULT VALUES"},
	{"INSERT INTO t DEFAULT VALUES RETURNING *",
	 "INSERT INTO t DEFAULT VALUES RETURNING *, shardlite_returning()"},
	{"INSERT INTO t (id, a) VALUES (DEFAULT, 5)", "INSERT INTO t (a) VALUES (5)"},
	{"INSERT INTO t (id, a) VALUES (DEFAULT, 5), (DEFAULT, 6)",
	 "INSERT INTO t (a) VALUES (5), (6)"},
	{"INSERT INTO t (id, a) VALUES (DEFAULT, 5), (7, 6)", "!0A000"},
	{"INSERT INTO t (a) VALUES (DEFAULT)", "INSERT INTO t DEFAULT VALUES"},
	{"INSERT INTO t VALUES (DEFAULT, 1)", "!0A000"},
	/* a column named twice: 42701 at the second (SQLite would keep the last value) */
	{"INSERT INTO t (a, a) VALUES (1, 2)", "!42701@19"},
	{"INSERT INTO t (b, a, b) SELECT 'x', 1, 'y'", "!42701@22"},
	{"INSERT INTO t (a, b) VALUES (1)", "!42601"},
	{"INSERT INTO t (a) VALUES (1, 2)", "!42601"},
	{"INSERT INTO t (a, b) SELECT x, name FROM u WHERE x > 0",
	 "INSERT INTO t (a, b) SELECT x, name FROM u WHERE x > 0"},
	{"INSERT INTO t (a) SELECT x FROM u ON CONFLICT DO NOTHING",
	 "INSERT INTO t (a) SELECT * FROM (SELECT x FROM u) WHERE true ON CONFLICT DO NOTHING"},
	{"INSERT INTO t (a, b) VALUES (1, 'x') ON CONFLICT (a) DO NOTHING",
	 "INSERT INTO t (a, b) VALUES (1, 'x') ON CONFLICT (a) DO NOTHING"},
	/* a key named twice is written once (PostgreSQL infers the index all the same) */
	{"INSERT INTO t (a, b) VALUES (1, 'x') ON CONFLICT (a, a, a) DO NOTHING",
	 "INSERT INTO t (a, b) VALUES (1, 'x') ON CONFLICT (a) DO NOTHING"},
	{"INSERT INTO t (a, b) VALUES (1, 'x') ON CONFLICT (a) DO UPDATE SET b = excluded.b",
	 "INSERT INTO t (a, b) VALUES (1, 'x') ON CONFLICT (a) DO UPDATE SET b = "
	 "shardlite_excluded('t', 'b', excluded.b) WHERE shardlite_upsert('t')"},
	/* rows that may propose one key twice pass shardlite_upsert_key (21000) */
	{"INSERT INTO t (b, a) VALUES ('x', 1), ('y', $1) ON CONFLICT (a) DO UPDATE SET b = 'z'",
	 "INSERT INTO t (b, a) WITH \"_shardlite_upsert\"(\"c1\", \"c2\") AS (VALUES ('x', 1), "
	 "('y', ?1)) SELECT * FROM \"_shardlite_upsert\" WHERE shardlite_upsert_key('t', \"c2\") "
	 "ON CONFLICT (a) DO UPDATE SET b = 'z' WHERE shardlite_upsert('t')"},
	{"INSERT INTO t AS x (a, b) VALUES (1, 'x') ON CONFLICT (a) WHERE a > 0 DO UPDATE SET b = x.b || excluded.b WHERE x.a < 10 RETURNING x.id",
	 "INSERT INTO t AS x (a, b) VALUES (1, 'x') ON CONFLICT (a) WHERE a > 0 DO UPDATE SET b = x.b || "
	 "shardlite_excluded('t', 'b', excluded.b) WHERE shardlite_upsert('t') AND (x.a < 10) "
	 "RETURNING t.id, shardlite_returning()"},
	{"INSERT INTO t (a) VALUES (1) ON CONFLICT DO UPDATE SET a = 2", "!42601@30"},
	{"INSERT INTO t (a) VALUES (1) ON CONFLICT ON CONSTRAINT t_a_key DO NOTHING", "!0A000@42"},
	{"INSERT INTO t (a, b) VALUES (1, 'x') ON CONFLICT (a) DO UPDATE SET (a, b) = (excluded.a, excluded.b)",
	 "INSERT INTO t (a, b) VALUES (1, 'x') ON CONFLICT (a) DO UPDATE SET (a, b) = "
	 "(shardlite_excluded('t', 'a', excluded.a), shardlite_excluded('t', 'b', excluded.b)) "
	 "WHERE shardlite_upsert('t')"},
	{"INSERT INTO t (id) OVERRIDING SYSTEM VALUE VALUES (1)", "INSERT INTO t (id) VALUES (1)"},
	{"WITH s AS (SELECT 1 AS v) INSERT INTO t (a) SELECT v FROM s",
	 "WITH s AS (SELECT 1 AS v) INSERT INTO t (a) SELECT v FROM s"},
	{"INSERT INTO public.t (a) VALUES (1)", "INSERT INTO t (a) VALUES (1)"},
	{"INSERT INTO \"no such\".t (a) VALUES (1)", "!42P01@13"},
	{"INSERT INTO t (a) VALUES (1), (2) ORDER BY 1",
	 "INSERT INTO t (a) SELECT * FROM (VALUES (1), (2)) ORDER BY 1 NULLS LAST"},
	{"UPDATE t SET a = 1", "UPDATE t SET a = 1"},
	{"UPDATE t SET a = a + 1, b = 'y' WHERE id = $1 RETURNING a",
	 "UPDATE t SET a = a + 1, b = 'y' WHERE id = ?1 RETURNING a, shardlite_returning()"},
	{"UPDATE t SET (a, b) = (1, 'z') WHERE id = 1",
	 "UPDATE t SET (a, b) = (1, 'z') WHERE id = 1"},
	/* a second row is 21000, none NULLs: shardlite_scalar reads the rows */
	{"UPDATE t SET (a, b) = (SELECT x, name FROM u WHERE u.t_id = t.id)",
	 "UPDATE t SET (a, b) = (WITH shardlite_sub(v1, v2) AS (SELECT x, name FROM u WHERE "
	 "u.t_id = t.id) SELECT shardlite_scalar(v1), shardlite_scalar(v2) FROM shardlite_sub)"},
	{"UPDATE t SET (a, b) = (SELECT max(x), min(name) FROM u)",
	 "UPDATE t SET (a, b) = (SELECT max(x) AS max, min(name) AS min FROM u)"},
	{"UPDATE t SET (a, b) = (SELECT 1, 2, 3)", "!42601@23"},
	{"UPDATE t SET a = u.x FROM u WHERE u.t_id = t.id",
	 "UPDATE t SET a = u.x FROM u WHERE u.t_id = t.id"},
	{"UPDATE t AS x SET a = 1 WHERE x.id = 2", "UPDATE t AS x SET a = 1 WHERE x.id = 2"},
	{"UPDATE t SET a = DEFAULT", "!0A000@14"},
	/* the row cursor c is on: its rowid, which the session knows (sess_cursor.c) */
	{"UPDATE t SET a = 1 WHERE CURRENT OF c",
	 "UPDATE t SET a = 1 WHERE t.rowid = shardlite_current_of('c', 't')"},
	{"UPDATE t AS x SET a = 1 WHERE CURRENT OF c",
	 "UPDATE t AS x SET a = 1 WHERE x.rowid = shardlite_current_of('c', 't')"},
	{"DELETE FROM t WHERE CURRENT OF c", "DELETE FROM t WHERE t.rowid = shardlite_current_of('c', 't')"},
	{"UPDATE t SET a = u.x FROM u WHERE CURRENT OF c", "!0A000"},
	/* row locks where PostgreSQL refuses them */
	{"SELECT min(a) FROM t FOR UPDATE", "!0A000"},
	{"SELECT DISTINCT a FROM t FOR SHARE", "!0A000"},
	{"DELETE FROM t USING u WHERE CURRENT OF c", "!0A000"},
	/* a DEFAULT beside an element's value had written the whole column */
	{"INSERT INTO t (a[1], b) VALUES ('{7,8}', DEFAULT)", "!0A000"},
	{"INSERT INTO t (b, a[2]) VALUES (DEFAULT, 1), ('x', 2)", "!0A000"},
	{"UPDATE t SET a = 1, (b, a) = (2, 3)", "!42601"}, /* SQLite would take the last one */
	{"WITH s AS (SELECT 1 AS v) UPDATE t SET a = (SELECT v FROM s)",
	 "WITH s AS (SELECT 1 AS v) UPDATE t SET a = (WITH shardlite_sub(v) AS (SELECT v FROM s) "
	 "SELECT shardlite_scalar(v) FROM shardlite_sub)"},
	{"SELECT (SELECT count(*) FROM t), (SELECT a FROM t LIMIT 1), (SELECT 1)",
	 "SELECT (SELECT count(*) AS count FROM t) AS count, (SELECT a FROM t LIMIT 1) AS a, "
	 "(SELECT 1 AS \"?column?\") AS \"?column?\""},
	{"DELETE FROM t", "DELETE FROM t"},
	{"DELETE FROM t WHERE a > 1 RETURNING id, b", "DELETE FROM t WHERE a > 1 RETURNING id, b"},
	{"DELETE FROM t AS x WHERE x.a = 1", "DELETE FROM t AS x WHERE x.a = 1"},
	{"DELETE FROM t USING u WHERE u.t_id = t.id AND u.x > 1",
	 "DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.t_id = t.id AND u.x > 1)"},
	{"DELETE FROM t USING u", "DELETE FROM t WHERE EXISTS (SELECT 1 FROM u)"},
	{"DELETE FROM ONLY t WHERE id = 1", "DELETE FROM t WHERE id = 1"},
};

XCASE_TEST(test_dml, cases)

Suite *xlat_suite_dml(void)
{
	Suite *s = suite_create("xlat_dml");
	TCase *tc = tcase_create("dml");
	tcase_add_loop_test(tc, test_dml, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	suite_add_tcase(s, tc);
	return s;
}
