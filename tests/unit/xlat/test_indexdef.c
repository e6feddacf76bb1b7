/* SPDX-License-Identifier: Apache-2.0 */
/* test_indexdef.c: CREATE INDEX keeps each expression key's and the predicate's PostgreSQL
 * text (CATALOG_INDEX_PG_MARK, CATALOG_INDEX_PRETTY_MARK) as ruleutils.c prints it from the
 * typed tree, before the SQLite text; an expression the printer does not type exactly keeps
 * none. */
#include "xlat_test.h"

#include <string.h>
#include <strings.h>

static const struct xlat_schema_col t_cols[] = {
	{"id", 23, -1, 0, NULL, false, false, false},
	{"active", 16, -1, 0, NULL, false, false, false},
	{"email", 25, -1, 0, NULL, false, false, false},
	{"nick", 1043, 24, 0, NULL, false, false, false},
	{"a", 23, -1, 0, NULL, false, false, false},
	{"b", 20, -1, 0, NULL, false, false, false},
	{"data", 3802, -1, 0, NULL, false, false, false},
	{"d", 1082, -1, 0, NULL, false, false, false},
};

static bool table_fn(void *arg, const char *name, struct arena *a,
		     const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	(void)a;
	*cols = t_cols;
	*ncols = ARRAY_LEN(t_cols);
	return strcasecmp(name, "t") == 0;
}

static const struct xlat_schema schema = {.table_fn = table_fn, .fingerprint = 0x1dde};

static const struct {
	const char *pg;
	const char *want; /* the SQLite SQL */
} cases[] = {
	{"CREATE INDEX i ON t (email) WHERE active = true",
	 "CREATE INDEX i ON t (email) WHERE /* shardlite: pg (active = true) */ /* shardlite: pgp "
	 "active = true */ active = 1"},
	{"CREATE INDEX i ON t (email) WHERE active",
	 "CREATE INDEX i ON t (email) WHERE /* shardlite: pg active */ active"},
	{"CREATE UNIQUE INDEX i ON t (lower(email)) WHERE NOT active AND a > 0",
	 "CREATE UNIQUE INDEX i ON t (/* shardlite: pg lower(email) */ lower(email)) WHERE /* "
	 "shardlite: pg ((NOT active) AND (a > 0)) */ /* shardlite: pgp NOT active AND a > 0 */ (NOT "
	 "active) AND a > 0"},
	{"CREATE INDEX i ON t ((a + 1) DESC)",
	 "CREATE INDEX i ON t (/* shardlite: pg (a + 1) */ /* shardlite: pgp a + 1 */ (a + 1) DESC)"},
	{"CREATE INDEX i ON t ((a::text))",
	 "CREATE INDEX i ON t (/* shardlite: pg (a)::text */ /* shardlite: pgp a::text */ "
	 "CAST(a AS TEXT))"},
	{"CREATE INDEX i ON t (a) WHERE nick = 'x' AND d > '2024-01-01'",
	 "CREATE INDEX i ON t (a) WHERE /* shardlite: pg (((nick)::text = 'x'::text) AND (d > "
	 "'2024-01-01'::date)) */ /* shardlite: pgp nick::text = 'x'::text AND d > "
	 "'2024-01-01'::date */ nick = 'x' AND d > '2024-01-01'"},
	/* a text that would end the comment, and an expression not typed here: no mark */
	{"CREATE INDEX i ON t (a) WHERE email = '*/'",
	 "CREATE INDEX i ON t (a) WHERE email = '*/'"},
	{"CREATE INDEX i ON t (a) WHERE a::numeric(4,1) > 1",
	 "CREATE INDEX i ON t (a) WHERE round(a, 1) > 1"},
};

static bool translate(const char *sql, struct arena *a, struct xlat_stmt **v, struct pgerr *e)
{
	struct xlat_env env = {.schema = &schema};
	size_t n = 0;
	pgerr_clear(e);
	return xlat_translate_in(&env, sql, NULL, 0, a, v, &n, e) && n >= 1;
}

START_TEST(test_indexdef_case)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	struct pgerr e;
	ck_assert_msg(translate(cases[_i].pg, a, &v, &e), "%s: %s %s", cases[_i].pg, e.sqlstate,
		      e.message);
	ck_assert_str_eq(v->sql, cases[_i].want);
	arena_free(a);
}
END_TEST

Suite *xlat_suite_indexdef(void)
{
	Suite *s = suite_create("xlat_indexdef");
	TCase *tc = tcase_create("indexdef");
	tcase_add_loop_test(tc, test_indexdef_case, 0, (int)ARRAY_LEN(cases));
	suite_add_tcase(s, tc);
	return s;
}
