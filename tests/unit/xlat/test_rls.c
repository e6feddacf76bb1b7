/* SPDX-License-Identifier: Apache-2.0 */
/* test_rls.c: row-level security in the translator (xlat_rls.c, xlat_policy.c) against a
 * small schema whose table p has policies: reads of p become a filtered subquery, UPDATE and
 * DELETE get the policies in their WHERE, row_security = off is 42501, what is not built is
 * 0A000, and the policy DDL is checked as PostgreSQL's policy.c checks it. */
#include "xlat_test.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* p (id int4, o text), under FORCE with policies; q (id int4) without; v a view over p */
static const struct xlat_schema_col p_cols[] = {{"id", 23, -1, 0, NULL, false, false, false},
						{"o", 25, -1, 0, NULL, false, false, false}};

static bool table_fn(void *arg, const char *name, struct arena *a,
		     const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	(void)a;
	if (strcasecmp(name, "p") != 0 && strcasecmp(name, "q") != 0 && strcasecmp(name, "v") != 0)
		return false;
	*cols = p_cols;
	*ncols = strcasecmp(name, "q") == 0 ? 1 : 2;
	return true;
}

static char relkind_fn(void *arg, const char *name)
{
	(void)arg;
	return strcasecmp(name, "v") == 0 ? 'v' : 0;
}

static const char *view_fn(void *arg, const char *name, struct arena *a, int *instead)
{
	(void)arg;
	(void)a;
	*instead = 0;
	return strcasecmp(name, "v") == 0 ? "CREATE VIEW v AS SELECT id, o FROM p" : NULL;
}

static const struct xlat_schema schema = {
	.table_fn = table_fn, .relkind_fn = relkind_fn, .fingerprint = 0x5e1f};

static const struct xlat_policy p_policies[] = {
	{"mine", '*', true, NULL, "(o = CURRENT_USER)", NULL},
	{"low", 'r', false, NULL, "(id < 100)", NULL},
	{"bobs", 'r', true, "bob", "(id = 7)", NULL},
};
static const struct xlat_rls rls[] = {{"p", true, true, p_policies, 3}};

static bool translate(const char *sql, bool off, struct arena *a, struct xlat_stmt **v,
		      struct pgerr *e)
{
	struct xlat_env env = {.schema = &schema,
			       .view_fn = view_fn,
			       .user = "ann",
			       .row_security_off = off,
			       .rls = rls,
			       .nrls = 1};
	size_t n = 0;
	pgerr_clear(e);
	return xlat_translate_in(&env, sql, NULL, 0, a, v, &n, e) && n >= 1;
}

static const struct {
	const char *pg;
	const char *want; /* a SQLSTATE, or "" when it translates */
} cases[] = {
	{"SELECT * FROM p", ""},
	{"SELECT * FROM q", ""},
	{"SELECT x.id FROM p x JOIN q ON q.id = x.id", ""},
	{"DELETE FROM p WHERE id = 1", ""},
	{"UPDATE p SET o = 'x'", ""},
	{"INSERT INTO p VALUES (1, 'ann')", ""},
	{"INSERT INTO p VALUES (1, 'ann') RETURNING id", ""},
	{"UPDATE p SET o = 'x' WHERE id = 1 RETURNING id", ""},
	{"WITH a AS (INSERT INTO p VALUES (1, 'a') RETURNING id), b AS (INSERT INTO p VALUES (2, "
	 "'b') RETURNING id) SELECT * FROM a, b",
	 "0A000"},
	{"MERGE INTO p USING q ON p.id = q.id WHEN MATCHED THEN DELETE", "0A000"},
	{"SELECT * FROM v", "0A000"},
	{"WITH p AS (SELECT 1 AS id) SELECT * FROM p", "0A000"},
	{"COPY p TO STDOUT", ""},
	/* policy DDL */
	{"CREATE POLICY mine ON p USING (true)", "42710"},
	{"CREATE POLICY x ON v USING (true)", "42809"},
	{"CREATE POLICY x ON nope USING (true)", "42P01"},
	{"CREATE POLICY x ON p FOR SELECT USING (true)", ""},
	{"ALTER POLICY nope ON p USING (true)", "42704"},
	{"ALTER POLICY low ON p WITH CHECK (true)", "42601"},
	{"ALTER POLICY mine ON p RENAME TO low", "42710"},
	{"DROP POLICY nope ON p", "42704"},
	{"DROP POLICY IF EXISTS nope ON p", ""},
	{"DROP POLICY mine, low ON p", "42601"},
	/* a policy keeps its text: the columns it may name stay as they are */
	{"ALTER TABLE p RENAME COLUMN o TO owner", "0A000"},
	{"ALTER TABLE p DROP COLUMN o", "2BP01"},
	{"ALTER TABLE p DROP COLUMN o CASCADE", "0A000"},
	{"ALTER TABLE p ALTER COLUMN o TYPE varchar(10)", "0A000"},
};

START_TEST(test_rls_case)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	struct pgerr e;
	bool ok = translate(cases[_i].pg, false, a, &v, &e);
	if (!cases[_i].want[0])
		ck_assert_msg(ok, "%s: %s %s", cases[_i].pg, e.sqlstate, e.message);
	else
		ck_assert_msg(!ok && strcmp(e.sqlstate, cases[_i].want) == 0, "%s: %s %s",
			      cases[_i].pg, ok ? "translated" : e.sqlstate, ok ? "" : e.message);
	arena_free(a);
}
END_TEST

/* the scan of p reads only what the policies pass: ann's ALL policy, SELECT's restrictive
 * one; bob's policy does not apply to ann */
START_TEST(test_rls_filter)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	struct pgerr e;
	ck_assert(translate("SELECT id FROM p", false, a, &v, &e));
	ck_assert_msg(strstr(v[0].sql, "pg_session_user()") && strstr(v[0].sql, "100") &&
			      !strstr(v[0].sql, "7"),
		      "%s", v[0].sql);
	ck_assert(translate("SELECT id FROM q", false, a, &v, &e));
	ck_assert_msg(!strstr(v[0].sql, "pg_session_user()"), "%s", v[0].sql);
	ck_assert(translate("DELETE FROM p WHERE id = 1", false, a, &v, &e));
	ck_assert_msg(strstr(v[0].sql, "pg_session_user()"), "%s", v[0].sql);
	/* RETURNING reads the written row: the SELECT policies check it (hidden last column) */
	ck_assert(translate("INSERT INTO p VALUES (1, 'ann') RETURNING id", false, a, &v, &e));
	ck_assert_msg(strstr(v[0].sql, "shardlite_rls_violation('p')") &&
			      (v[0].dml_events & 4096) && (v[0].dml_events & 16384),
		      "%s", v[0].sql);
	/* an UPDATE that reads no column: its UPDATE policies alone, no SELECT check */
	ck_assert(translate("UPDATE p SET o = 'x'", false, a, &v, &e));
	ck_assert_msg(!strstr(v[0].sql, "shardlite_rls_violation") && !strstr(v[0].sql, "100"),
		      "%s", v[0].sql);
	ck_assert(translate("UPDATE p SET o = o || 'x'", false, a, &v, &e));
	ck_assert_msg(strstr(v[0].sql, "shardlite_rls_violation") && strstr(v[0].sql, "100"),
		      "%s", v[0].sql);
	arena_free(a);
}
END_TEST

/* row_security = off: PostgreSQL's 42501 where a policy would apply, not elsewhere */
START_TEST(test_rls_off)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	struct pgerr e;
	ck_assert(!translate("SELECT * FROM p", true, a, &v, &e));
	ck_assert_str_eq(e.sqlstate, "42501");
	ck_assert_str_eq(e.message,
			 "query would be affected by row-level security policy for table \"p\"");
	ck_assert(!translate("INSERT INTO p VALUES (1, 'x')", true, a, &v, &e));
	ck_assert_str_eq(e.sqlstate, "42501");
	ck_assert(translate("SELECT * FROM q", true, a, &v, &e));
	arena_free(a);
}
END_TEST

/* ALTER TABLE ... FORCE: the sidecar row and the new-row check triggers */
START_TEST(test_rls_triggers)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	struct pgerr e;
	ck_assert(translate("ALTER TABLE q ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY",
			    false, a, &v, &e));
	ck_assert_msg(strstr(v[0].sql, "_shardlite_rowsecurity") &&
			      strstr(v[0].sql, "CREATE TRIGGER \"q" XLAT_RLS_INSERT "\"") &&
			      strstr(v[0].sql, "CREATE TRIGGER \"q" XLAT_RLS_UPDATE "\"") &&
			      strstr(v[0].sql, "shardlite_rls_violation('q')"),
		      "%s", v[0].sql);
	ck_assert(translate("ALTER TABLE q ENABLE ROW LEVEL SECURITY", false, a, &v, &e));
	ck_assert_msg(!strstr(v[0].sql, "CREATE TRIGGER"), "%s", v[0].sql);
	arena_free(a);
}
END_TEST

Suite *xlat_suite_rls(void)
{
	Suite *s = suite_create("rls");
	TCase *tc = tcase_create("rls");
	tcase_add_loop_test(tc, test_rls_case, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_rls_filter);
	tcase_add_test(tc, test_rls_off);
	tcase_add_test(tc, test_rls_triggers);
	suite_add_tcase(s, tc);
	return s;
}
