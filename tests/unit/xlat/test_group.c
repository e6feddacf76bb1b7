/* SPDX-License-Identifier: Apache-2.0 */
/* test_group.c: PostgreSQL's checks of grouped queries, aggregates and window functions
 * (xlat_group.c), table-driven: each statement is translated against a schema with primary
 * keys and must succeed or fail with the SQLSTATE and position PostgreSQL 15 reports. */
#include "xlat_test.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base.h"

/* dept(id PK, name), emp(id PK, name, dept_id, salary), nk(a, b) without a key,
 * pair(x, y, v) with the two-column key (x, y). */
static const struct xlat_schema_col dept_cols[] = {
	{"id", 23, -1, 0, NULL, false, false, false},
	{"name", 25, -1, 0, NULL, false, false, false},
};
static const struct xlat_schema_col emp_cols[] = {
	{"id", 23, -1, 0, NULL, false, false, false},
	{"name", 25, -1, 0, NULL, false, false, false},
	{"dept_id", 23, -1, 0, NULL, false, false, false},
	{"salary", 23, -1, 0, NULL, false, false, false},
};
static const struct xlat_schema_col nk_cols[] = {{"a", 23, -1, 0, NULL, false, false, false},
						 {"b", 23, -1, 0, NULL, false, false, false}};
static const struct xlat_schema_col pair_cols[] = {
	{"x", 23, -1, 0, NULL, false, false, false},
	{"y", 23, -1, 0, NULL, false, false, false},
	{"v", 25, -1, 0, NULL, false, false, false},
};
static const char *const id_key[] = {"id"};
static const char *const pair_key[] = {"x", "y"};

static const struct {
	const char *name;
	const struct xlat_schema_col *cols;
	size_t ncols;
	const char *const *key;
	size_t nkey;
} tables[] = {
	{"dept", dept_cols, ARRAY_LEN(dept_cols), id_key, 1},
	{"emp", emp_cols, ARRAY_LEN(emp_cols), id_key, 1},
	{"nk", nk_cols, ARRAY_LEN(nk_cols), NULL, 0},
	{"pair", pair_cols, ARRAY_LEN(pair_cols), pair_key, 2},
};

static int find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(tables); i++) {
		if (strcasecmp(tables[i].name, name) == 0)
			return (int)i;
	}
	return -1;
}

static bool table_fn(void *arg, const char *name, struct arena *a,
		     const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	(void)a;
	int k = find(name);
	if (k < 0)
		return false;
	*cols = tables[k].cols;
	*ncols = tables[k].ncols;
	return true;
}

static bool pkey_fn(void *arg, const char *name, const char *conname, const char *const **cols,
		    size_t *n)
{
	(void)arg;
	int k = find(name);
	if (k < 0)
		return false;
	*cols = tables[k].key;
	*n = tables[k].nkey;
	return true;
}

static const struct xlat_schema schema = {
	.table_fn = table_fn, .pkey_fn = pkey_fn, .fingerprint = 0x6709};

/* want: "" succeeds; "!SSSSS@N" fails with that SQLSTATE at character N (PostgreSQL's). */
static const struct xcase cases[] = {
	/* valid: what ORMs and people write */
	{"SELECT dept_id, count(*) FROM emp GROUP BY dept_id", ""},
	{"SELECT count(*) FROM emp", ""},
	{"SELECT e.id, e.name, count(*) FROM emp e GROUP BY e.id", ""},
	{"SELECT * FROM emp GROUP BY id", ""},
	{"SELECT d.id, d.name, count(e.id) FROM dept d LEFT JOIN emp e ON e.dept_id = d.id "
	 "GROUP BY d.id ORDER BY d.name", ""},
	{"SELECT dept_id, max(salary) FROM emp GROUP BY 1 ORDER BY 2 DESC", ""},
	{"SELECT dept_id AS d, sum(salary) FROM emp GROUP BY d", ""},
	{"SELECT a + 1 FROM nk GROUP BY a + 1", ""},
	{"SELECT (a + 1) * 2 FROM nk GROUP BY a + 1", ""},
	{"SELECT lower(name), count(*) FROM emp GROUP BY lower(name) HAVING count(*) > 1", ""},
	{"SELECT x, y, v FROM pair GROUP BY y, x", ""},
	{"SELECT DISTINCT ON (dept_id) dept_id, name FROM emp ORDER BY dept_id, salary DESC", ""},
	{"SELECT name, (SELECT count(*) FROM emp e WHERE e.dept_id = d.id) FROM dept d", ""},
	{"SELECT d.id, (SELECT max(e.salary) FROM emp e WHERE e.dept_id = d.id) FROM dept d "
	 "GROUP BY d.id", ""},
	{"SELECT dept_id FROM emp GROUP BY dept_id HAVING max(salary) > (SELECT avg(salary) "
	 "FROM emp)", ""},
	{"SELECT s.a, count(*) FROM (SELECT a, b FROM nk) s GROUP BY s.a", ""},
	/* GROUP BY a whole row: by its columns, none of which is grouped alone */
	{"SELECT count(*) FROM nk t GROUP BY t", ""},
	{"SELECT a, count(*) FROM nk t GROUP BY t", "!42803@8"},
	{"SELECT a, count(*) FROM nk t GROUP BY t, a", ""},
	{"SELECT dept_id, rank() OVER (ORDER BY sum(salary)) FROM emp GROUP BY dept_id", ""},
	{"SELECT name, row_number() OVER (PARTITION BY dept_id ORDER BY salary) FROM emp", ""},
	{"WITH w AS (SELECT dept_id, count(*) AS n FROM emp GROUP BY dept_id) "
	 "SELECT dept_id, n FROM w", ""},
	{"SELECT a FROM nk GROUP BY a HAVING a > 1", ""},
	{"SELECT a, sum(b) FILTER (WHERE b > 0) FROM nk GROUP BY a", ""},
	{"SELECT dept_id FROM emp GROUP BY dept_id ORDER BY count(*)", ""},
	{"SELECT 1 FROM emp HAVING count(*) > 1", ""},
	{"UPDATE emp SET salary = 1 WHERE dept_id IN (SELECT dept_id FROM emp GROUP BY dept_id "
	 "HAVING count(*) > 1)", ""},
	/* ungrouped columns */
	{"SELECT dept_id, name FROM emp GROUP BY dept_id", "!42803@17"},
	{"SELECT name, count(*) FROM emp", "!42803@8"},
	{"SELECT dept_id FROM emp GROUP BY dept_id HAVING salary > 1", "!42803@49"},
	{"SELECT dept_id FROM emp GROUP BY dept_id ORDER BY salary", "!42803@51"},
	{"SELECT a FROM nk HAVING true", "!42803@8"},
	{"SELECT d.name, e.name FROM dept d JOIN emp e ON true GROUP BY d.id", "!42803@16"},
	{"SELECT a FROM nk GROUP BY a + 1", "!42803@8"},
	{"SELECT a + 1 AS x, b FROM nk GROUP BY x", "!42803@20"},
	{"SELECT s.a, s.b FROM (SELECT a, b FROM nk) s GROUP BY s.a", "!42803@13"},
	{"SELECT * FROM emp GROUP BY dept_id", "!42803@8"},
	{"SELECT x, v FROM pair GROUP BY x", "!42803@11"},
	{"SELECT dept_id FROM emp GROUP BY 1 ORDER BY name", "!42803@45"},
	{"SELECT sum(salary) OVER (PARTITION BY name) FROM emp GROUP BY dept_id", "!42803@12"},
	{"SELECT DISTINCT ON (name) dept_id FROM emp GROUP BY dept_id", "!42803@21"},
	{"SELECT (SELECT e.salary) FROM emp e GROUP BY dept_id", "!42803@16"},
	{"WITH w AS (SELECT a, b FROM nk) SELECT a, b FROM w GROUP BY a", "!42803@43"},
	/* an aggregate of the outer query's columns only is the outer query's */
	{"SELECT (SELECT max(e.salary) FROM dept) FROM emp e", ""},
	{"SELECT (SELECT max(e.salary + d.id) FROM dept d), e.name FROM emp e", ""},
	{"SELECT (SELECT max(e.salary) FROM dept), e.name FROM emp e", "!42803@42"},
	{"SELECT (SELECT max(salary) FROM dept), name FROM emp", "!42803@40"},
	{"SELECT e.id FROM emp e WHERE EXISTS (SELECT 1 FROM dept HAVING max(e.salary) > 1)",
	 "!42803@64"},
	/* aggregates and window functions where they may not stand */
	{"SELECT count(*) FROM emp WHERE count(*) > 1", "!42803@32"},
	{"SELECT 1 FROM emp JOIN dept ON count(*) > 1", "!42803@32"},
	{"SELECT 1 FROM emp GROUP BY count(*)", "!42803@28"},
	{"SELECT sum(count(*)) FROM emp", "!42803@12"},
	{"SELECT 1 FROM emp WHERE row_number() OVER () > 1", "!42P20@25"},
	{"SELECT 1 FROM emp GROUP BY row_number() OVER ()", "!42P20@28"},
	{"SELECT 1 FROM emp HAVING row_number() OVER () > 1", "!42P20@26"},
	{"SELECT sum(row_number() OVER ()) FROM emp", "!42803@12"},
	{"SELECT row_number() OVER (ORDER BY row_number() OVER ()) FROM emp", "!42P20@36"},
	{"UPDATE emp SET salary = 1 WHERE count(*) > 1", "!42803@33"},
	{"CREATE VIEW w AS SELECT dept_id, name FROM emp GROUP BY dept_id", "!42803@34"},
	{"DECLARE k CURSOR FOR SELECT name, count(*) FROM emp", "!42803@29"},
	{"COPY (SELECT name FROM emp GROUP BY dept_id) TO STDOUT", "!42803@14"},
	{"DELETE FROM emp WHERE max(salary) > 1", "!42803@23"},
	{"CREATE INDEX i ON emp ((count(*)))", "!42803@25"},
	{"CREATE INDEX i ON emp (salary) WHERE max(salary) > 1", "!42803@38"},
	{"CREATE INDEX i ON emp ((row_number() OVER ()))", "!42P20@25"},
	{"CREATE INDEX i ON emp ((salary + 1)) WHERE dept_id > 0", "CREATE INDEX i ON emp"},
};

START_TEST(group_case)
{
	const struct xcase *x = &cases[_i];
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	bool ok = xlat_translate_in(&(struct xlat_env){.schema = &schema}, x->pg, NULL, 0, a, &v,
				    &n, &e);
	if (x->want[0] != '!') {
		ck_assert_msg(ok, "%s\n  failed: %s %s", x->pg, e.sqlstate, e.message);
	} else {
		ck_assert_msg(!ok, "%s\n  want %s, translated", x->pg, x->want);
		ck_assert_msg(strncmp(e.sqlstate, x->want + 1, 5) == 0 &&
				      e.position == atoi(x->want + 7),
			      "%s\n  want %s, got %s@%d: %s", x->pg, x->want, e.sqlstate,
			      e.position, e.message);
	}
	arena_free(a);
}
END_TEST

/* An aggregate of an outer query level inside a subquery (HAVING EXISTS (... WHERE
 * sum(emp.salary) = x.salary)) is a scalar subquery of its own, which SQLite computes for the
 * outer level (bare inside EXISTS it was SQLite's XX000 misuse of aggregate); a subquery's own
 * aggregate stays bare. */
START_TEST(outer_agg_subquery)
{
	static const char *const outer[][2] = {
		{"SELECT dept_id FROM emp GROUP BY dept_id HAVING EXISTS (SELECT 1 FROM emp x "
		 "WHERE sum(emp.salary) = x.salary)",
		 "(SELECT sum(emp.salary)) = x.salary"},
		{"SELECT d.id, (SELECT max(e.salary) FROM emp e WHERE e.dept_id = d.id) FROM dept d",
		 "(SELECT max(e.salary) AS max FROM emp AS e"},
	};
	for (size_t i = 0; i < ARRAY_LEN(outer); i++) {
		struct arena *a = arena_new(0);
		struct xlat_stmt *v = NULL;
		size_t n = 0;
		struct pgerr e;
		pgerr_clear(&e);
		bool ok = xlat_translate_in(&(struct xlat_env){.schema = &schema}, outer[i][0],
					    NULL, 0, a, &v, &n, &e);
		ck_assert_msg(ok, "%s: %s", outer[i][0], e.message);
		ck_assert_msg(strstr(v[0].sql, outer[i][1]) != NULL, "%s\n  got %s", outer[i][0],
			      v[0].sql);
		arena_free(a);
	}
}
END_TEST

/* Without a schema nothing is known of a table's columns or keys: no refusal on a guess. */
START_TEST(no_schema_no_guess)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert(xlat_translate("SELECT id, name FROM emp GROUP BY id", NULL, 0, a, &v, &n, &e));
	ck_assert(!xlat_translate("SELECT 1 FROM emp WHERE count(*) > 1", NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(e.sqlstate, "42803");
	arena_free(a);
}
END_TEST

Suite *xlat_suite_group(void)
{
	Suite *s = suite_create("xlat_group");
	TCase *tc = tcase_create("group");
	tcase_add_loop_test(tc, group_case, 0, (int)ARRAY_LEN(cases));
	tcase_add_test(tc, no_schema_no_guess);
	tcase_add_test(tc, outer_agg_subquery);
	suite_add_tcase(s, tc);
	return s;
}
