/* SPDX-License-Identifier: Apache-2.0 */
/* test_cache.c: the translation cache. Each case translates a statement, then a variant with
 * other constants; the variant's answer (from the cache when it hits) must equal a fresh
 * translation with the cache off, field by field — and hit or miss as the case says. */
#include "xlat_test.h"

#include <string.h>

struct cachecase {
	const char *first;
	const char *second;
	bool hit; /* second is answered from first's template */
};

static const struct cachecase cases[] = {
	/* what pgbench -M simple sends */
	{"SELECT x FROM u WHERE id = 17;", "SELECT x FROM u WHERE id = 90210;", true},
	{"UPDATE u SET x = x + -4127 WHERE id = 3;", "UPDATE u SET x = x + 3988 WHERE id = 12;",
	 false}, /* a '-' in one text and not the other: different keys */
	{"UPDATE u SET x = x + -4127 WHERE id = 3;", "UPDATE u SET x = x + -12 WHERE id = 400;",
	 true},
	{"UPDATE u SET x = x - 5 WHERE id = 3", "UPDATE u SET x = x - 6 WHERE id = 4", true},
	{"INSERT INTO u (id, t_id, name, x) VALUES (1, 2, 'a', -3)",
	 "INSERT INTO u (id, t_id, name, x) VALUES (10, 20, 'it''s', -30)", true},
	{"SELECT 1 AS one", "SELECT 2 AS one", true},
	{"SELECT 1 AS c1", "SELECT 1 AS c2", false}, /* identifiers are part of the key */
	/* constants whose type depends on their value: int4, int8, numeric */
	{"SELECT 5", "SELECT 2147483648", false},
	{"SELECT 2147483648", "SELECT 9000000000", true},
	{"SELECT 2147483648", "SELECT 99999999999999999999", false},
	{"SELECT -2147483648", "SELECT -2147483649", false},
	{"SELECT 1.5 * a FROM t", "SELECT 2.2 * a FROM t", true},
	{"SELECT 1e3", "SELECT 2e3", true},
	/* a numeric constant's display scale is in the key: 2.25 prints two fraction digits */
	{"SELECT 1.5 * a FROM t", "SELECT 2.25 * a FROM t", false},
	{"SELECT 1e3", "SELECT 2.5e-3", false},
	{"SELECT 007 + 1", "SELECT 0010 + 1", true},
	/* constants the translation looks at are pinned: other values miss */
	{"SELECT b FROM t WHERE b LIKE 'o%'", "SELECT b FROM t WHERE b LIKE 'a\\%'", false},
	{"SELECT b FROM t WHERE b LIKE 'o%'", "SELECT b FROM t WHERE b LIKE 'o%'", true},
	{"SELECT '2024-01-02'::date", "SELECT '2025-03-04'::date", false},
	{"SELECT '42'::int + a FROM t", "SELECT '43'::int + a FROM t", false},
	{"SELECT substr(b, 2) FROM t", "SELECT substr(b, 0) FROM t", false},
	{"SELECT a FROM t LIMIT 2", "SELECT a FROM t LIMIT 3", false},
	{"SELECT CAST(b AS varchar(10)) FROM t", "SELECT CAST(b AS varchar(20)) FROM t", false},
	/* strings: prefixes, escapes, continuations and dollar quotes stay in the key */
	{"SELECT E'a\\nb'", "SELECT E'c\\nd'", false},
	{"SELECT 'a'\n'b'", "SELECT 'c'\n'd'", false},
	{"SELECT $$x$$ || 'y'", "SELECT $$x$$ || 'z'", true},
	{"SELECT $q$it's 1$q$, 2", "SELECT $q$it's 1$q$, 3", true},
	{"SELECT \"a b\".x FROM u AS \"a b\" WHERE x > 3", "SELECT \"a b\".x FROM u AS \"a b\" WHERE x > 4",
	 true},
	/* comments and parameters */
	{"SELECT 1 -- one\n", "SELECT 2 -- one\n", true},
	{"SELECT /* 1 */ 1", "SELECT /* 1 */ 2", true},
	{"SELECT x FROM u WHERE id = $1 AND x > 3", "SELECT x FROM u WHERE id = $1 AND x > 4", true},
	{"SELECT 1 IN (1, 2, 3)", "SELECT 4 IN (5, 6, 7)", true},
	{"SELECT - 5", "SELECT - 6", true},
	{"SELECT - -5", "SELECT - -6", false}, /* folded twice: the cache does not try */
	{"SELECT t.id FROM t WHERE t.a = 1.5", "SELECT t.id FROM t WHERE t.a = 2.5", true},
	{"SELECT substring(b, 2, 3) FROM t", "SELECT substring(b, 2, 4) FROM t", true},
	/* emitted text copied and written twice: not cached */
	{"SELECT substring(b, a + 1, 3) FROM t", "SELECT substring(b, a + 2, 3) FROM t", false},
};

static void assert_same(const char *sql, const struct xlat_stmt *a, const struct xlat_stmt *b)
{
	ck_assert_msg(a->kind == b->kind, "%s: kind", sql);
	ck_assert_msg(strcmp(a->sql, b->sql) == 0, "%s\n  cached: %s\n  fresh:  %s", sql, a->sql,
		      b->sql);
	ck_assert_str_eq(a->tag, b->tag);
	ck_assert_int_eq(a->tag_style, b->tag_style);
	ck_assert_int_eq(a->returns_rows, b->returns_rows);
	ck_assert_int_eq(a->writes, b->writes);
	ck_assert_int_eq(a->nparams, b->nparams);
	for (int i = 0; i < a->nparams; i++)
		ck_assert_uint_eq(a->param_types[i], b->param_types[i]);
	ck_assert_int_eq(a->ncols, b->ncols);
	for (int i = 0; i < a->ncols; i++) {
		ck_assert_uint_eq(a->cols[i].type_oid, b->cols[i].type_oid);
		ck_assert_int_eq(a->cols[i].typmod, b->cols[i].typmod);
	}
	ck_assert_int_eq(a->location, b->location);
	ck_assert_int_eq(a->length, b->length);
}

START_TEST(test_cache_case)
{
	const struct cachecase *x = &cases[_i];
	struct arena *a = arena_new(0);
	struct xlat_cache_stats before, after;
	xlat_cache_configure(0); /* empty */
	xlat_cache_configure(100);
	(void)xtranslate(x->first, NULL, 0, 1, a);
	xlat_cache_stats(&before);
	const struct xlat_stmt *cached = xtranslate(x->second, NULL, 0, 1, a);
	xlat_cache_stats(&after);
	ck_assert_msg((after.hits - before.hits == 1) == x->hit, "%s\nthen %s\n  want %s", x->first,
		      x->second, x->hit ? "a hit" : "a miss");
	xlat_cache_configure(0);
	const struct xlat_stmt *fresh = xtranslate(x->second, NULL, 0, 1, a);
	assert_same(x->second, cached, fresh);
	xlat_cache_configure(8192);
	arena_free(a);
}
END_TEST

/* The Parse message's parameter types are part of the key. */
START_TEST(test_cache_param_types)
{
	struct arena *a = arena_new(0);
	uint32_t int8 = 20, text = 25;
	struct xlat_cache_stats st0, st;
	xlat_cache_stats(&st0);
	xlat_cache_configure(0);
	xlat_cache_configure(100);
	const struct xlat_stmt *s1 = xtranslate("SELECT $1", &int8, 1, 1, a);
	const struct xlat_stmt *s2 = xtranslate("SELECT $1", &text, 1, 1, a);
	ck_assert_uint_eq(s1->param_types[0], 20);
	ck_assert_uint_eq(s2->param_types[0], 25);
	xlat_cache_stats(&st);
	ck_assert_uint_eq(st.hits - st0.hits, 0);
	xlat_cache_configure(8192);
	arena_free(a);
}
END_TEST

/* Bounded: the least recently used statement goes first. */
START_TEST(test_cache_bounded)
{
	struct arena *a = arena_new(0);
	struct xlat_cache_stats st0, st;
	xlat_cache_stats(&st0);
	xlat_cache_configure(0);
	xlat_cache_configure(2);
	(void)xtranslate("SELECT 1 AS a", NULL, 0, 1, a);
	(void)xtranslate("SELECT 1 AS b", NULL, 0, 1, a);
	(void)xtranslate("SELECT 2 AS a", NULL, 0, 1, a); /* hit: a is now the most recent */
	(void)xtranslate("SELECT 1 AS c", NULL, 0, 1, a); /* evicts b */
	xlat_cache_stats(&st);
	ck_assert_uint_eq(st.entries, 2);
	ck_assert_uint_eq(st.hits - st0.hits, 1);
	(void)xtranslate("SELECT 3 AS a", NULL, 0, 1, a);
	(void)xtranslate("SELECT 3 AS b", NULL, 0, 1, a);
	xlat_cache_stats(&st);
	ck_assert_uint_eq(st.hits - st0.hits, 2);
	xlat_cache_configure(8192);
	arena_free(a);
}
END_TEST

/* xlat_find_ident, which places SQLite's missing-name errors the way PostgreSQL does: the
 * statement's lexer, so strings, comments and quoted names count as PostgreSQL counts them. */
static const struct {
	const char *sql, *name;
	long want;
} ident_cases[] = {
	{"SELECT nosuch FROM t", "nosuch", 7},
	{"SELECT 'nosuch', NoSuch FROM t", "nosuch", 17},
	{"SELECT /* nosuch */ -- nosuch\n nosuch", "nosuch", 31},
	{"SELECT $$ nosuch $$, E'\\' nosuch', \"NoSuch\", nosuch", "nosuch", 45},
	{"SELECT \"NoSuch\" FROM t", "NoSuch", 7},
	{"SELECT t.x, t . y FROM t", "t.y", 12},
	{"SELECT u.x, t.xx, t.x FROM t", "t.x", 18},
	{"SELECT x1, $1 FROM t", "x", -1},
	{"SELECT 'unterminated x", "x", -1},
};

START_TEST(test_find_ident)
{
	const char *sql = ident_cases[_i].sql;
	ck_assert_msg(xlat_find_ident(sql, 0, strlen(sql), ident_cases[_i].name) ==
			      ident_cases[_i].want,
		      "%s: %s", sql, ident_cases[_i].name);
}
END_TEST

START_TEST(test_find_ident_within)
{
	/* only the statement's own bytes: the second of two in one Query */
	const char *sql = "SELECT a FROM t; SELECT a FROM u";
	ck_assert_int_eq(xlat_find_ident(sql, 16, strlen(sql), "a"), 24);
	ck_assert_int_eq(xlat_find_ident(sql, 0, 15, "u"), -1);
}
END_TEST

Suite *xlat_suite_cache(void)
{
	Suite *s = suite_create("xlat_cache");
	TCase *tc = tcase_create("cache");
	tcase_add_loop_test(tc, test_cache_case, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_cache_param_types);
	tcase_add_test(tc, test_cache_bounded);
	tcase_add_loop_test(tc, test_find_ident, 0,
			    (int)(sizeof(ident_cases) / sizeof(ident_cases[0])));
	tcase_add_test(tc, test_find_ident_within);
	suite_add_tcase(s, tc);
	return s;
}
