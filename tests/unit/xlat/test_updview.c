/* SPDX-License-Identifier: Apache-2.0 */
/* test_updview.c: writes through automatically updatable views (xlat_updview.c): the
 * statement comes out as a write of the base table, which SQLite prepares and runs on the
 * harness's table t, with the view's WHERE kept; refusals carry PostgreSQL's SQLSTATEs. */
#include "xlat_test.h"

#include <string.h>
#include <strings.h>

/* The harness's table t (xlat_harness.c) as the session's schema describes it, and views. */
static const struct xlat_schema_col t_cols[] = {
	{"id", 23, -1, 0, NULL, false, false, false},  {"a", 23, -1, 0, NULL, false, false, false},
	{"b", 25, -1, 0, NULL, false, false, false},   {"c", 701, -1, 0, NULL, false, false, false},
	{"d", 1184, -1, 0, NULL, false, false, false}, {"e", 16, -1, 0, NULL, false, false, false},
};
static const struct xlat_schema_col v_cols[] = {
	{"id", 23, -1, 0, NULL, false, false, false},
	{"aa", 23, -1, 0, NULL, false, false, false},
	{"a1", 23, -1, 0, NULL, false, false, false},
};

static const struct {
	const char *name, *sql;
	int instead;
} views[] = {
	{"v", "CREATE VIEW v AS SELECT id, a AS aa, a + 1 AS a1 FROM t WHERE a > 0", 0},
	{"w", "CREATE VIEW w AS SELECT id, aa FROM v WHERE aa < 100", 0},
	{"g", "CREATE VIEW g AS SELECT a, count(*) AS n FROM t GROUP BY a", 0},
	{"iv", "CREATE VIEW iv AS SELECT id, a FROM t", 4},
	/* WITH LOCAL / CASCADED CHECK OPTION, as xlat_viewopts.c marks them */
	{"cv",
	 "CREATE VIEW cv /* shardlite: WITH (check_option=local) */ AS SELECT id, a FROM t "
	 "WHERE a > 0",
	 0},
	{"cw",
	 "CREATE VIEW cw /* shardlite: WITH (check_option=cascaded) */ AS SELECT id, aa "
	 "FROM v WHERE aa < 100 ORDER BY id",
	 0},
	{"cl", "CREATE VIEW cl /* shardlite: WITH (check_option=local) */ AS SELECT id, aa FROM v",
	 0},
	/* column defaults (ALTER VIEW ... SET DEFAULT): 'hi' for b, 7 for a */
	{"dv",
	 "CREATE VIEW dv /* shardlite: DEFAULT \"b\" x'27686927' */ /* shardlite: DEFAULT \"a\" "
	 "x'37' */ AS SELECT id, a, b FROM t",
	 0},
	{"civ",
	 "CREATE VIEW civ /* shardlite: WITH (check_option=local) */ AS SELECT id, a FROM t "
	 "WHERE a > 0",
	 4},
};

static bool table_fn(void *arg, const char *name, struct arena *a,
		     const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	(void)a;
	bool t = strcasecmp(name, "t") == 0;
	*cols = t ? t_cols : v_cols;
	*ncols = t ? ARRAY_LEN(t_cols) : ARRAY_LEN(v_cols);
	return t || strcasecmp(name, "v") == 0 || strcasecmp(name, "w") == 0 ||
	       strcasecmp(name, "dv") == 0;
}

static int view_at(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(views); i++)
		if (strcasecmp(views[i].name, name) == 0)
			return (int)i;
	return -1;
}

static char relkind_fn(void *arg, const char *name)
{
	(void)arg;
	return view_at(name) >= 0 ? 'v' : 0;
}

static const char *view_fn(void *arg, const char *name, struct arena *a, int *instead)
{
	(void)arg;
	(void)a;
	int i = view_at(name);
	*instead = i >= 0 ? views[i].instead : 0;
	return i >= 0 ? views[i].sql : NULL;
}

static const struct xlat_schema schema = {
	.table_fn = table_fn, .relkind_fn = relkind_fn, .fingerprint = 0x7a11};

/* want: a piece of the SQLite SQL (its first bytes when it starts with '^'), or "!SSSSS". */
static const struct {
	const char *pg, *want;
} cases[] = {
	{"INSERT INTO v (aa) VALUES (5) RETURNING aa, a1", "^INSERT INTO t AS v"},
	{"INSERT INTO v VALUES (7, 8)", "^INSERT INTO t AS v"},
	{"UPDATE v SET aa = aa + 1 WHERE a1 = 3", "_shardlite_rowid"},
	{"DELETE FROM v WHERE id = 1 RETURNING *", "^DELETE FROM t AS v"},
	{"UPDATE w SET aa = 2 RETURNING *",
	 "WITH v(_shardlite_rowid, id, aa, a1) AS (SELECT t.rowid AS _shardlite_rowid"},
	{"DELETE FROM w", "^DELETE FROM t AS w"},
	/* an INSTEAD OF trigger for the event: SQLite's write of the view runs it */
	{"INSERT INTO iv VALUES (1, 2)", "^INSERT INTO iv"},
	{"DELETE FROM iv WHERE id = 1", "^DELETE FROM t AS iv"},
	{"UPDATE v SET a1 = 1", "!0A000"},
	{"INSERT INTO v (a1) VALUES (1)", "!0A000"},
	{"INSERT INTO v VALUES (1, 2, 3)", "!0A000"},
	{"INSERT INTO v (nosuch) VALUES (1)", "!42703"},
	{"UPDATE v SET aa = 1 WHERE b = 'x'", "!42703"},
	/* without a column list from a query: a * spelled out as its relation's columns */
	{"INSERT INTO v SELECT id, a FROM t", "^INSERT INTO t AS v"},
	{"INSERT INTO w SELECT * FROM (SELECT id, a FROM t) AS s", "^INSERT INTO t AS w"},
	{"INSERT INTO v SELECT * FROM (SELECT 1 AS p, 2 AS q, 3 AS r, 4 AS x) AS s", "!42601"},
	{"INSERT INTO v SELECT * FROM (SELECT 1, 2) AS s", "!0A000"},
	/* a bare name inside a subquery: the subquery's relation's column first */
	{"UPDATE v SET aa = 1 WHERE EXISTS (SELECT 1 FROM t x WHERE x.b = 'q' AND x.id = aa)",
	 "x.id = v.a"},
	{"DELETE FROM v WHERE EXISTS (SELECT 1 FROM t x WHERE x.b = 'q' AND id = 1)", "AND id = 1"},
	{"DELETE FROM v WHERE EXISTS (SELECT 1 FROM generate_series(1, 2) g WHERE g = aa)",
	 "!0A000"},
	{"INSERT INTO v (aa) VALUES (1) ON CONFLICT (a) DO NOTHING", "!42703"},
	/* WITH CHECK OPTION: RETURNING fails a row the checked views would not show */
	{"INSERT INTO cv VALUES (1, 5)",
	 " RETURNING CASE WHEN NOT EXISTS (SELECT 1 FROM (SELECT t.rowid AS _o) AS _shardlite_new, "
	 "t AS t WHERE t.rowid = _shardlite_new._o AND ( a > 0)) THEN "
	 "shardlite_view_check_failed('cv', pgfn_text_out(t.id, 23, -1), pgfn_text_out(t.a, 23, "
	 "-1),"},
	{"UPDATE cv SET a = 2 WHERE id = 1", "shardlite_view_check_failed('cv'"},
	{"INSERT INTO cv VALUES (1, 5) RETURNING id", ", coalesce(CASE WHEN NOT EXISTS"},
	/* CASCADED: the view below too, innermost first; its own condition only */
	{"INSERT INTO cw VALUES (1, 5)", "AND ( a > 0)) THEN shardlite_view_check_failed('v'"},
	{"INSERT INTO cw VALUES (1, 5)", "AND ( aa < 100)) THEN shardlite_view_check_failed('cw'"},
	/* LOCAL without a WHERE and no option below: nothing to check */
	{"INSERT INTO cl VALUES (1, 5)", "^INSERT INTO t AS cl (id, a) VALUES (1, 5)"},
	{"DELETE FROM cv WHERE id = 1", "^DELETE FROM t AS cv"},
	/* an INSTEAD OF trigger: not checked */
	{"INSERT INTO civ VALUES (1, -2)", "^INSERT INTO civ"},
	{"WITH x AS (INSERT INTO cv VALUES (1, 2) RETURNING id) SELECT * FROM x", "!0A000"},
	{"INSERT INTO dv (id) VALUES (1)", "^INSERT INTO t AS dv (id, a, b) VALUES (1, 7, 'hi')"},
	{"INSERT INTO dv VALUES (1, DEFAULT, 'x'), (2, 3, DEFAULT)",
	 "^INSERT INTO t AS dv (id, a, b) VALUES (1, 7, 'x'), (2, 3, 'hi')"},
	{"INSERT INTO dv DEFAULT VALUES", "(a, b) VALUES (7, 'hi')"},
	{"UPDATE dv SET b = DEFAULT, a = 1", "SET b = 'hi', a = 1"},
	{"INSERT INTO dv (id) SELECT 1", "!0A000"},
	{"ALTER VIEW dv ALTER COLUMN id SET DEFAULT id + 1", "!0A000"},
	{"ALTER VIEW dv ALTER COLUMN nosuch SET DEFAULT 1", "!42703"},
	{"DELETE FROM g", "!55000"},
	{"INSERT INTO g VALUES (1, 2)", "!55000"},
};

START_TEST(test_rewrite)
{
	struct arena *a = arena_new(0);
	struct xlat_env env = {.schema = &schema, .view_fn = view_fn};
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	const char *pg = cases[_i].pg, *want = cases[_i].want;
	bool ok = xlat_translate_in(&env, pg, NULL, 0, a, &v, &n, &e);
	if (want[0] == '!') {
		ck_assert_msg(!ok, "%s: translated as %s", pg, ok ? v[0].sql : "");
		ck_assert_str_eq(e.sqlstate, want + 1);
	} else {
		ck_assert_msg(ok, "%s: %s %s", pg, e.sqlstate, e.message);
		ck_assert_int_eq(n, 1);
		const char *sql = v[0].sql;
		ck_assert_msg(want[0] == '^' ? strncmp(sql, want + 1, strlen(want + 1)) == 0
					     : strstr(sql, want) != NULL,
			      "%s: %s", pg, sql);
		/* SQLite runs it (the harness has no view iv; its keys may refuse the write) */
		if (strncmp(sql, "INSERT INTO iv", 14) != 0 &&
		    strncmp(sql, "INSERT INTO civ", 15) != 0) {
			const char *rows = xrun_rows(&v[0], a);
			ck_assert_msg(!strstr(rows, "error:") || strstr(rows, "constraint failed"),
				      "%s: %s: %s", pg, sql, rows);
		}
	}
	arena_free(a);
}
END_TEST

START_TEST(test_describe)
{
	struct arena *a = arena_new(0);
	struct xlat_updview_desc d;
	ck_assert(xlat_updview_describe(views[0].sql, NULL, a, &d));
	ck_assert_str_eq(d.base, "t");
	ck_assert_int_eq(d.ncols, 3);
	ck_assert_str_eq(d.names[1], "aa");
	ck_assert_str_eq(d.cols[1], "a");
	ck_assert_ptr_null(d.cols[2]);
	ck_assert(!xlat_updview_describe(views[2].sql, NULL, a, &d));
	ck_assert(
		!xlat_updview_describe("CREATE VIEW j AS SELECT x.id FROM t x, t y", NULL, a, &d));
	arena_free(a);
}
END_TEST

Suite *xlat_suite_updview(void)
{
	Suite *s = suite_create("updview");
	TCase *tc = tcase_create("updview");
	tcase_add_loop_test(tc, test_rewrite, 0, (int)ARRAY_LEN(cases));
	tcase_add_test(tc, test_describe);
	suite_add_tcase(s, tc);
	return s;
}
