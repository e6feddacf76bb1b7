/* SPDX-License-Identifier: Apache-2.0 */
/* test_rowlock.c: SELECT ... FOR UPDATE's step taking the tenant's write lock (xlat_rowlock.c). */
#include "xlat_test.h"

#include <string.h>
#include <strings.h>

static const struct xlat_schema_col cols[] = {
	{"id", 23, -1, 0, NULL, false, false, false},
	{"a", 23, -1, 0, NULL, false, false, false},
};

static bool table_fn(void *arg, const char *name, struct arena *a,
		     const struct xlat_schema_col **out, size_t *n)
{
	(void)arg;
	(void)a;
	*out = cols;
	*n = ARRAY_LEN(cols);
	return strcasecmp(name, "t") == 0 || strcasecmp(name, "u") == 0;
}

static const struct xlat_schema schema = {.table_fn = table_fn, .fingerprint = 0x10c4};

/* The lock step of sql: its SQL, or "" for none; nowait the table NOWAIT names, or NULL. */
static void expect(const char *sql, const char *step, const char *nowait)
{
	struct arena *a = arena_new(0);
	struct xlat_env env = {.schema = &schema};
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert_msg(xlat_translate_in(&env, sql, NULL, 0, a, &v, &n, &e), "%s: %s", sql,
		      e.message);
	if (!*step) {
		ck_assert_msg(v->nsteps == 0, "%s: a step", sql);
	} else {
		ck_assert_msg(v->nsteps == 1, "%s: no step", sql);
		ck_assert_str_eq(v->steps[0].sql, step);
		ck_assert(v->steps[0].rowlock && v->steps[0].reads);
		if (nowait)
			ck_assert_str_eq(v->steps[0].nowait, nowait);
		else
			ck_assert_ptr_null(v->steps[0].nowait);
	}
	arena_free(a);
}

START_TEST(test_rowlock)
{
	expect("SELECT a FROM t WHERE id = 1 FOR UPDATE", "DELETE FROM t WHERE 0", NULL);
	expect("SELECT a FROM t FOR NO KEY UPDATE NOWAIT", "DELETE FROM t WHERE 0", "t");
	expect("SELECT a FROM t FOR UPDATE SKIP LOCKED", "DELETE FROM t WHERE 0", NULL);
	expect("SELECT x.a FROM t x JOIN u y ON y.id = x.id FOR UPDATE OF y NOWAIT",
	       "DELETE FROM u WHERE 0", "u");
	expect("SELECT a FROM t FOR SHARE", "", NULL);
	expect("SELECT a FROM t FOR KEY SHARE NOWAIT", "", NULL);
	expect("SELECT a FROM t", "", NULL);
	expect("SELECT 1 FROM nosuch_view FOR UPDATE", "", NULL); /* not a table of the tenant */
}
END_TEST

Suite *xlat_suite_rowlock(void)
{
	Suite *s = suite_create("xlat_rowlock");
	TCase *tc = tcase_create("rowlock");
	tcase_add_test(tc, test_rowlock);
	suite_add_tcase(s, tc);
	return s;
}
