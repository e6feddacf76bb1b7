/* SPDX-License-Identifier: Apache-2.0 */
/* test_bind.c: constants passed as parameters (xlat_env.bind_consts), as a simple Query's
 * statements are translated. Each case translates a statement and then a variant with other
 * constants: the variant must come out as the same SQLite text (one prepared statement serves
 * both) with its own values bound, and running it must give what a fresh translation with the
 * constants in the text gives — rows, column types, errors; or, where SQLite needs a constant
 * when it prepares, keep its constants in the text. */
#include "xlat_test.h"

#include <string.h>
#include <strings.h>

/* The harness's tables t and u (xlat_harness.c), as the session's schema describes them. */
static const struct xlat_schema_col t_cols[] = {
	{"id", 23, -1, 0, NULL, false, false, false},  {"a", 23, -1, 0, NULL, false, false, false},
	{"b", 25, -1, 0, NULL, false, false, false},   {"c", 701, -1, 0, NULL, false, false, false},
	{"d", 1184, -1, 0, NULL, false, false, false}, {"e", 16, -1, 0, NULL, false, false, false},
};
static const struct xlat_schema_col u_cols[] = {
	{"id", 23, -1, 0, NULL, false, false, false},
	{"t_id", 23, -1, 0, NULL, false, false, false},
	{"name", 25, -1, 0, NULL, false, false, false},
	{"x", 23, -1, 0, NULL, false, false, false},
};

static bool table_fn(void *arg, const char *name, struct arena *a,
		     const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	(void)a;
	bool t = strcasecmp(name, "t") == 0, u = strcasecmp(name, "u") == 0;
	*cols = t ? t_cols : u_cols;
	*ncols = t ? ARRAY_LEN(t_cols) : ARRAY_LEN(u_cols);
	return t || u;
}

static const struct xlat_schema schema = {.table_fn = table_fn, .fingerprint = 0x6f1e};

struct bcase {
	const char *first, *second;
	int nbinds; /* the second's parameters; -1: not reusable, every constant in the text */
};

static const struct bcase cases[] = {
	/* what pgbench -M simple sends */
	{"SELECT x, name FROM u WHERE id = 1", "SELECT x, name FROM u WHERE id = 2", 1},
	{"UPDATE u SET x = x + 1 WHERE id = 1 RETURNING x",
	 "UPDATE u SET x = x + -3 WHERE id = 2 RETURNING x", 2},
	{"INSERT INTO u (id, name, x) VALUES (7, 'a', 1) RETURNING name, x",
	 "INSERT INTO u (id, name, x) VALUES (8, 'it''s', -2) RETURNING name, x", 3},
	{"DELETE FROM u WHERE id = 3", "DELETE FROM u WHERE id = 2", 1},
	/* strings: the value bound is the text between the quotes */
	{"SELECT name FROM u WHERE name = 'x'", "SELECT name FROM u WHERE name = 'it''s'", 1},
	{"SELECT name || '!' FROM u WHERE id = 1", "SELECT name || '?' FROM u WHERE id = 2", 2},
	{"SELECT 'a' AS v, 1", "SELECT 'b''' AS v, 2", 2},
	/* integers: int4, int8, negated, the extremes */
	{"SELECT id FROM u WHERE x > -5 AND x < 15", "SELECT id FROM u WHERE x > -100 AND x < 25",
	 2},
	{"SELECT id FROM u WHERE x < 3000000000", "SELECT id FROM u WHERE x < 9223372036854775807",
	 1},
	{"SELECT -9223372036854775808 + x FROM u WHERE id = 1",
	 "SELECT -9223372036854775807 + x FROM u WHERE id = 1", 2},
	{"SELECT id FROM u WHERE id IN (1, 2)", "SELECT id FROM u WHERE id IN (3, 1)", 2},
	{"SELECT x FROM u WHERE id = $1 AND x > 3", "SELECT x FROM u WHERE id = $1 AND x > 4", 1},
	{"SELECT (SELECT count(*) FROM u WHERE x > 5) + 1", "SELECT (SELECT count(*) FROM u WHERE x > 15) + 2", 2},
	/* an error raised by a value checked when it runs: the same with the value bound */
	{"SELECT x + 1 FROM u WHERE id = 1", "SELECT x + 2147483647 FROM u WHERE id = 1", 2},
	/* constants the translation looked at stay in the text (pinned): still reusable */
	{"SELECT id FROM u WHERE x > 5 ORDER BY id LIMIT 2",
	 "SELECT id FROM u WHERE x > 15 ORDER BY id LIMIT 2", 1},
	{"SELECT b FROM t WHERE b LIKE 'o%' AND id > 0", "SELECT b FROM t WHERE b LIKE 'o%' AND id > 1",
	 1},
	{"SELECT id FROM t WHERE e = 't' AND id < 9", "SELECT id FROM t WHERE e = 't' AND id < 2", 1},
	{"SELECT name FROM u", "SELECT name FROM u", 0},
	/* SQLite reads these when it prepares, or matches them against other text */
	{"SELECT id, name FROM u ORDER BY 1 DESC", "SELECT id, name FROM u ORDER BY 2 DESC", -1},
	{"SELECT t_id, count(*) + 1 FROM u GROUP BY 1", "SELECT t_id, count(*) + 5 FROM u GROUP BY 1",
	 -1},
	{"SELECT t_id FROM u WHERE x > 1 GROUP BY t_id HAVING count(*) > 1",
	 "SELECT t_id FROM u WHERE x > 1 GROUP BY t_id HAVING count(*) > 0", -1},
	{"SELECT DISTINCT ON (t_id) t_id, id FROM u WHERE x > 1 ORDER BY t_id, id",
	 "SELECT DISTINCT ON (t_id) t_id, id FROM u WHERE x > 15 ORDER BY t_id, id", -1},
	{"SELECT id, sum(x) OVER (ORDER BY id ROWS 1 PRECEDING) FROM u",
	 "SELECT id, sum(x) OVER (ORDER BY id ROWS 2 PRECEDING) FROM u", -1},
	/* the catalog's virtual tables read constants while planning */
	{"SELECT relname FROM pg_class WHERE relname = 'a'",
	 "SELECT relname FROM pg_class WHERE relname = 'b'", -1},
	/* decimals are SQLite's to read */
	{"SELECT c * 1.5 FROM t WHERE id = 1", "SELECT c * 2.5 FROM t WHERE id = 1", -1},
	{"SELECT 1.50 + 2", "SELECT 1.50 + 3", -1},
};

static const struct xlat_stmt *translate(const char *sql, struct arena *a)
{
	struct xlat_env env = {.schema = &schema, .bind_consts = true};
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert_msg(xlat_translate_in(&env, sql, NULL, 0, a, &v, &n, &e), "%s: %s %s", sql,
		      e.sqlstate, e.message);
	ck_assert_int_eq(n, 1);
	return v;
}

static void assert_cols(const char *sql, const struct xlat_stmt *a, const struct xlat_stmt *b)
{
	ck_assert_msg(a->ncols == b->ncols, "%s: ncols", sql);
	for (int i = 0; i < a->ncols; i++) {
		ck_assert_uint_eq(a->cols[i].type_oid, b->cols[i].type_oid);
		ck_assert_int_eq(a->cols[i].typmod, b->cols[i].typmod);
		ck_assert_int_eq(a->cols[i].scale, b->cols[i].scale);
	}
	ck_assert_int_eq(a->nparams, b->nparams);
}

START_TEST(test_bind_case)
{
	const struct bcase *x = &cases[_i];
	struct arena *a = arena_new(0);
	xlat_cache_configure(0); /* empty */
	xlat_cache_configure(100);
	const struct xlat_stmt *first = translate(x->first, a);
	const struct xlat_stmt *second = translate(x->second, a);
	const struct xlat_stmt *again = translate(x->second, a); /* a hit, whatever second was */
	if (x->nbinds >= 0) {
		/* the first is a miss: the same text, but kept prepared only once seen again */
		ck_assert_msg(!first->reusable && first->nbinds == second->nbinds,
			      "%s: first reusable or other parameters", x->first);
		ck_assert_msg(again->reusable, "%s: not reusable: %s", x->second, again->sql);
		ck_assert_str_eq(again->sql, second->sql);
		ck_assert_msg(second->nbinds == x->nbinds, "%s: %d parameters, want %d: %s",
			      x->second, second->nbinds, x->nbinds, second->sql);
		ck_assert_msg(strcmp(first->sql, second->sql) == 0, "%s\n  %s\n  %s", x->second,
			      first->sql, second->sql);
		ck_assert_ptr_nonnull(strstr(second->sql, "schema 0000000000006f1e"));
	} else {
		ck_assert_msg(!again->reusable && again->nbinds == 0, "%s: reusable: %s",
			      x->second, again->sql);
	}
	xlat_cache_configure(0); /* fresh translations: every constant in the text */
	const struct xlat_stmt *fresh = translate(x->second, a);
	const struct xlat_stmt *fresh1 = translate(x->first, a);
	ck_assert(!fresh->reusable && fresh->nbinds == 0);
	assert_cols(x->second, second, fresh);
	const char *got = xrun_rows(second, a), *want = xrun_rows(fresh, a);
	ck_assert_msg(strcmp(got, want) == 0, "%s\n  bound: %s\n  fresh: %s", x->second, got, want);
	got = xrun_rows(first, a);
	want = xrun_rows(fresh1, a);
	ck_assert_msg(strcmp(got, want) == 0, "%s\n  bound: %s\n  fresh: %s", x->first, got, want);
	xlat_cache_configure(8192);
	arena_free(a);
}
END_TEST

/* The values bound: integers as integers (negated where the parser folded the '-'), strings
 * with their quotes undone. */
START_TEST(test_bind_values)
{
	struct arena *a = arena_new(0);
	xlat_cache_configure(0);
	xlat_cache_configure(100);
	(void)translate("SELECT id FROM u WHERE x = -1 AND name = 'a' AND t_id < 5000000000", a);
	const struct xlat_stmt *st =
		translate("SELECT id FROM u WHERE x = -42 AND name = 'it''s' AND t_id < 9000000000", a);
	ck_assert_int_eq(st->nbinds, 3);
	ck_assert(!st->binds[0].is_text);
	ck_assert_int_eq(st->binds[0].i, -42);
	ck_assert(st->binds[1].is_text);
	ck_assert_uint_eq(st->binds[1].len, 4);
	ck_assert_str_eq(st->binds[1].text, "it's");
	ck_assert_int_eq(st->binds[2].i, 9000000000LL);
	ck_assert_ptr_nonnull(strstr(st->sql, "?3"));
	xlat_cache_configure(8192);
	arena_free(a);
}
END_TEST

/* Only with a schema (whose fingerprint the text names), and only when asked: the extended
 * protocol's Parse and the other callers keep their constants in the text. */
START_TEST(test_bind_only_when_asked)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	xlat_cache_configure(0);
	xlat_cache_configure(100);
	struct xlat_env plain = {.schema = &schema}, noschema = {.bind_consts = true};
	const char *sql = "SELECT x FROM u WHERE id = 5";
	ck_assert(xlat_translate_in(&plain, sql, NULL, 0, a, &v, &n, &e));
	ck_assert(!v->reusable && v->nbinds == 0 && strstr(v->sql, "= 5"));
	ck_assert(xlat_translate_in(&plain, sql, NULL, 0, a, &v, &n, &e)); /* a hit */
	ck_assert(!v->reusable && v->nbinds == 0 && strstr(v->sql, "= 5"));
	ck_assert(xlat_translate_in(&noschema, sql, NULL, 0, a, &v, &n, &e));
	ck_assert(!v->reusable && v->nbinds == 0);
	struct xlat_schema other = schema;
	other.fingerprint = 0xbeef;
	struct xlat_env bind = {.schema = &schema, .bind_consts = true},
			bind_other = {.schema = &other, .bind_consts = true};
	ck_assert(xlat_translate_in(&bind, sql, NULL, 0, a, &v, &n, &e));
	const char *mine = v->sql;
	ck_assert(xlat_translate_in(&bind_other, sql, NULL, 0, a, &v, &n, &e));
	ck_assert(v->nbinds == 1 && strcmp(mine, v->sql) != 0); /* never the other's statement */
	/* DDL keeps its constants: SQLite takes no parameters there */
	ck_assert(xlat_translate_in(&bind, "CREATE TABLE IF NOT EXISTS z (k int DEFAULT 5)", NULL,
				    0, a, &v, &n, &e));
	ck_assert(!v->reusable && v->nbinds == 0);
	xlat_cache_configure(8192);
	arena_free(a);
}
END_TEST

Suite *xlat_suite_bind(void)
{
	Suite *s = suite_create("xlat_bind");
	TCase *tc = tcase_create("bind");
	tcase_add_loop_test(tc, test_bind_case, 0, (int)ARRAY_LEN(cases));
	tcase_add_test(tc, test_bind_values);
	tcase_add_test(tc, test_bind_only_when_asked);
	suite_add_tcase(s, tc);
	return s;
}
