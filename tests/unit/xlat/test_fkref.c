/* SPDX-License-Identifier: Apache-2.0 */
/* test_fkref.c: what a foreign key names, checked while translating (xlat_fkref.c) and the
 * types of its columns (xlat_fktype.c): PostgreSQL's 42P01, 42809, 42703, 42830 and 42804 in
 * CREATE TABLE and ALTER TABLE ... ADD FOREIGN KEY, against a small schema; keys that are
 * fine translate. Also, against the same schema, which cursors are simply updatable scans. */
#include "xlat_test.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* p (id int4 primary key, code text unique, n numeric, f float8, d date unique, arr int4[]
 * unique); c (x int4, t text); v a view */
static const struct xlat_schema_col p_cols[] = {{"id", 23, -1, 0, NULL, false, false, false},
						{"code", 25, -1, 0, NULL, false, false, false},
						{"n", 1700, -1, 0, NULL, false, false, false},
						{"f", 701, -1, 0, NULL, false, false, false},
						{"d", 1082, -1, 0, NULL, false, false, false},
						{"arr", 1007, -1, 0, NULL, false, false, false}};
static const struct xlat_schema_col c_cols[] = {{"x", 23, -1, 0, NULL, false, false, false},
						{"t", 25, -1, 0, NULL, false, false, false}};

static bool table_fn(void *arg, const char *name, struct arena *a,
		     const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	(void)a;
	if (strcasecmp(name, "p") == 0 || strcasecmp(name, "v") == 0) {
		*cols = p_cols;
		*ncols = 6;
		return true;
	}
	if (strcasecmp(name, "c") == 0) {
		*cols = c_cols;
		*ncols = 2;
		return true;
	}
	return false;
}

static char relkind_fn(void *arg, const char *name)
{
	(void)arg;
	return strcasecmp(name, "v") == 0 ? 'v' : 0;
}

static bool sequence_fn(void *arg, const char *name)
{
	(void)arg;
	return strcasecmp(name, "s") == 0;
}

static bool pkey_fn(void *arg, const char *name, const char *conname, const char *const **cols,
		    size_t *n)
{
	static const char *const p_key[] = {"id"};
	(void)arg;
	if (conname || (strcasecmp(name, "p") != 0 && strcasecmp(name, "c") != 0))
		return false;
	bool p = strcasecmp(name, "p") == 0;
	*cols = p ? p_key : NULL;
	*n = p ? 1 : 0;
	return true;
}

/* p's keys: (id), (code), (d), (arr) and (id, code) */
static bool refkey_fn(void *arg, const char *name, const char *const *cols, size_t n)
{
	(void)arg;
	return strcasecmp(name, "p") != 0 ||
	       (n == 1 && (strcmp(cols[0], "id") == 0 || strcmp(cols[0], "code") == 0 ||
			   strcmp(cols[0], "d") == 0 || strcmp(cols[0], "arr") == 0)) ||
	       (n == 2 && strcmp(cols[0], "id") == 0 && strcmp(cols[1], "code") == 0);
}

static const struct xlat_schema schema = {.table_fn = table_fn,
					  .relkind_fn = relkind_fn,
					  .sequence_fn = sequence_fn,
					  .pkey_fn = pkey_fn,
					  .fingerprint = 0xf4ef};

static const struct {
	const char *pg;
	const char *want; /* a SQLSTATE, or "" when it translates */
} cases[] = {
	{"CREATE TABLE t (a int REFERENCES p)", ""},
	{"CREATE TABLE t (a text REFERENCES p (code))", ""},
	{"CREATE TABLE t (a int8 REFERENCES p (id))", ""},
	{"CREATE TABLE t (a int REFERENCES p (n))", "42830"},
	{"CREATE TABLE t (a int REFERENCES nope)", "42P01"},
	{"CREATE TABLE t (a int REFERENCES v)", "42809"},
	{"CREATE TABLE t (a int REFERENCES s)", "42809"},
	{"CREATE TABLE t (a int REFERENCES p (nope))", "42703"},
	{"CREATE TABLE t (a int, FOREIGN KEY (b) REFERENCES p)", "42703"},
	{"CREATE TABLE t (a int, b int, FOREIGN KEY (a, b) REFERENCES p)", "42830"},
	{"CREATE TABLE t (a int REFERENCES p (id, id))", "42830"},
	{"CREATE TABLE t (a int REFERENCES c)", "42704"}, /* no primary key */
	/* the implied key's type; numbers convert one way only */
	{"CREATE TABLE t (a text REFERENCES p)", "42804"},
	{"CREATE TABLE t (a numeric REFERENCES p)", "42804"},
	{"CREATE TABLE t (a float8 REFERENCES p (id))", "42804"},
	{"CREATE TABLE t (a int REFERENCES p (code))", "42804"},
	/* the table itself: its own columns and keys */
	{"CREATE TABLE t (id int PRIMARY KEY, up int REFERENCES t)", ""},
	{"CREATE TABLE t (id int, k int UNIQUE, up int REFERENCES t (k))", ""},
	{"CREATE TABLE t (id int PRIMARY KEY, up int REFERENCES t (nope))", "42703"},
	{"CREATE TABLE t (id int PRIMARY KEY, k int, up int REFERENCES t (k))", "42830"},
	{"CREATE TABLE t (id int, up int REFERENCES t)", "42704"},
	{"CREATE TABLE t (id int PRIMARY KEY, up text REFERENCES t)", "42804"},
	/* ALTER TABLE: the referenced side, and the types the columns have */
	{"ALTER TABLE c ADD FOREIGN KEY (x) REFERENCES p", ""},
	{"ALTER TABLE c ADD FOREIGN KEY (x) REFERENCES p (nope)", "42703"},
	{"ALTER TABLE c ADD FOREIGN KEY (x) REFERENCES nope", "42P01"},
	{"ALTER TABLE c ADD FOREIGN KEY (t) REFERENCES p", "42804"},
	{"ALTER TABLE c ADD FOREIGN KEY (x) REFERENCES p (n)", "42830"},
	/* the grammar's refusals are 0A000 in PostgreSQL (xlat.c's syntax_error) */
	{"CREATE TABLE t (a int, b int, FOREIGN KEY (a, b) REFERENCES p MATCH PARTIAL)", "0A000"},
	{"CREATE TABLE t (a int REFERENCES p ON UPDATE SET NULL (a))", "0A000"},
	{"CREATE TABLE t (a int REFERENCES p ON UPDATE SET DEFAULT (a))", "0A000"},
	/* ON DELETE SET NULL (columns): a column outside the key first; SET DEFAULT refused */
	{"CREATE TABLE t (a int, b int, FOREIGN KEY (a) REFERENCES p (id) ON DELETE SET NULL (b))",
	 "42P10"},
	{"CREATE TABLE t (a int, b int, FOREIGN KEY (a) REFERENCES p (id) ON DELETE SET NULL (a))",
	 ""},
	{"CREATE TABLE t (a int DEFAULT 0, FOREIGN KEY (a) REFERENCES p ON DELETE SET DEFAULT (a))",
	 "0A000"},
	{"ALTER TABLE c ADD FOREIGN KEY (x) REFERENCES p ON DELETE SET NULL (x)", ""},
	/* a key's deferrability changed in place (shard_validate.c) */
	{"ALTER TABLE c ALTER CONSTRAINT c_x_fkey NOT DEFERRABLE", ""},
	/* arrays: the same array type only; json relates to no other type */
	{"CREATE TABLE t (a int4[] REFERENCES p (arr))", ""},
	{"CREATE TABLE t (a int8[] REFERENCES p (arr))", "42804"},
	{"CREATE TABLE t (a int REFERENCES p (arr))", "42804"},
	{"CREATE TABLE t (a json REFERENCES p (code))", "42804"},
	/* one family, values stored differently: refused rather than a wrong 23503 later */
	{"CREATE TABLE t (a date REFERENCES p (d))", ""},
	{"CREATE TABLE t (a timestamp REFERENCES p (d))", "0A000"},
	{"CREATE TABLE t (a timestamptz REFERENCES p (d))", "0A000"},
	{"CREATE TABLE t (a char(4) REFERENCES p (code))", ""},
	{"CREATE TABLE t (a char(4) PRIMARY KEY, b text REFERENCES t)", "0A000"},
	{"CREATE TABLE t (a cidr PRIMARY KEY, b inet REFERENCES t)", "0A000"},
	/* MATCH FULL of several columns in ALTER TABLE: with its guard (test_fkref_messages) */
	{"ALTER TABLE c ADD FOREIGN KEY (x, t) REFERENCES p (id, code) MATCH FULL", ""},
	{"ALTER TABLE c ADD FOREIGN KEY (x, t) REFERENCES p (id, code) MATCH FULL NOT VALID",
	 "0A000"},
	/* an earlier action may add the column or the key of the table itself */
	{"ALTER TABLE c ADD COLUMN y int, ADD FOREIGN KEY (y) REFERENCES p", ""},
	{"ALTER TABLE c ADD UNIQUE (x), ADD FOREIGN KEY (x) REFERENCES c (x)", ""},
};

static bool translate(const char *sql, struct arena *a, struct xlat_stmt **v, struct pgerr *e)
{
	struct xlat_env env = {.schema = &schema, .refkey_fn = refkey_fn};
	size_t n = 0;
	pgerr_clear(e);
	return xlat_translate_in(&env, sql, NULL, 0, a, v, &n, e) && n >= 1;
}

START_TEST(test_fkref_case)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	struct pgerr e;
	bool ok = translate(cases[_i].pg, a, &v, &e);
	if (!cases[_i].want[0])
		ck_assert_msg(ok, "%s: %s %s", cases[_i].pg, e.sqlstate, e.message);
	else
		ck_assert_msg(!ok && strcmp(e.sqlstate, cases[_i].want) == 0, "%s: %s %s",
			      cases[_i].pg, ok ? "translated" : e.sqlstate, ok ? "" : e.message);
	arena_free(a);
}
END_TEST

/* ON DELETE SET NULL (cols): SQLite's action, and the trigger that sets only the listed
 * columns first, on the referenced table's columns (the primary key's when none is named) */
START_TEST(test_fkref_delset)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	struct pgerr e;
	ck_assert(translate("CREATE TABLE t (a int, b int, FOREIGN KEY (a) REFERENCES p ON DELETE "
			    "SET NULL (a))",
			    a, &v, &e));
	ck_assert_msg(strstr(v[0].sql, "ON DELETE SET NULL") &&
			      strstr(v[0].sql, "; CREATE TRIGGER \"" XLAT_FKSET_PREFIX
					       "t.t_a_fkey\" BEFORE DELETE ON \"p\" BEGIN UPDATE "
					       "\"t\" SET \"a\" = NULL WHERE \"a\" = OLD.\"id\"; END"),
		      "%s", v[0].sql);
	arena_free(a);
}
END_TEST

/* PostgreSQL's words, with the implied key's column in the DETAIL */
START_TEST(test_fkref_messages)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	struct pgerr e;
	ck_assert(!translate("CREATE TABLE t (a text REFERENCES p)", a, &v, &e));
	ck_assert_str_eq(e.message, "foreign key constraint \"t_a_fkey\" cannot be implemented");
	ck_assert_str_eq(
		e.detail,
		"Key columns \"a\" and \"id\" are of incompatible types: text and integer.");
	ck_assert(!translate("CREATE TABLE t (a int REFERENCES p (n))", a, &v, &e));
	ck_assert_str_eq(
		e.message,
		"there is no unique constraint matching given keys for referenced table \"p\"");
	ck_assert(!translate("CREATE TABLE t (a int, FOREIGN KEY (b) REFERENCES p)", a, &v, &e));
	ck_assert_str_eq(e.message,
			 "column \"b\" referenced in foreign key constraint does not exist");
	ck_assert(!translate("CREATE TABLE t (a int, b int, FOREIGN KEY (a, b) REFERENCES p)", a,
			     &v, &e));
	ck_assert_str_eq(e.message,
			 "number of referencing and referenced columns for foreign key disagree");
	ck_assert(!translate("CREATE TABLE t (a timestamp REFERENCES p (d))", a, &v, &e));
	ck_assert_str_eq(e.message, "a foreign key from a column of type timestamp without time "
				    "zone to one of type date is not supported");
	ck_assert(!translate("CREATE TABLE t (a int8[] REFERENCES p (arr))", a, &v, &e));
	ck_assert_str_eq(e.detail, "Key columns \"a\" and \"arr\" are of incompatible types: "
				   "bigint[] and integer[].");
	/* the key named as PostgreSQL names it, its guard named as the key */
	ck_assert(translate("ALTER TABLE c ADD FOREIGN KEY (x, t) REFERENCES p (id, code) MATCH "
			    "FULL ON DELETE CASCADE",
			    a, &v, &e));
	ck_assert_int_eq(v->kind, XLAT_REBUILD);
	ck_assert_str_eq(v->rebuild->name, "c_x_t_fkey");
	ck_assert_str_eq(v->rebuild->constraint,
			 "CONSTRAINT c_x_t_fkey FOREIGN KEY (x, t) REFERENCES p(id, code) MATCH "
			 "FULL ON DELETE CASCADE, CONSTRAINT c_x_t_fkey CHECK ((x IS NULL) + (t IS "
			 "NULL) IN (0, 2)) /* shardlite: match full */");
	/* a cursor that is a simply updatable scan of a table carries the table's ctid last, for
	 * WHERE CURRENT OF (xlat_cursor.c); a view, a join, an aggregate does not */
	ck_assert(translate("DECLARE k CURSOR FOR SELECT x FROM c WHERE t > 'a'", a, &v, &e));
	ck_assert_str_eq(v->cursor->scan_table, "c");
	ck_assert(translate("DECLARE k CURSOR FOR SELECT id FROM v", a, &v, &e));
	ck_assert_ptr_null(v->cursor->scan_table);
	ck_assert(translate("DECLARE k CURSOR FOR SELECT c.x FROM c, p", a, &v, &e));
	ck_assert_ptr_null(v->cursor->scan_table);
	ck_assert(translate("DECLARE k CURSOR FOR SELECT count(*) FROM c", a, &v, &e));
	ck_assert_ptr_null(v->cursor->scan_table);
	/* FOR UPDATE / FOR SHARE: the one table it locks, of a join too */
	ck_assert(translate("DECLARE k CURSOR FOR SELECT c.x FROM c, p FOR SHARE OF p", a, &v, &e));
	ck_assert_str_eq(v->cursor->scan_table, "p");
	ck_assert(translate("DECLARE k CURSOR FOR SELECT c.x FROM c, p FOR UPDATE", a, &v, &e));
	ck_assert_ptr_null(v->cursor->scan_table);
	ck_assert(translate("ALTER TABLE c ALTER CONSTRAINT k DEFERRABLE", a, &v, &e));
	ck_assert_int_eq(v->rebuild->kind, XLAT_RB_ALTER_CONSTRAINT);
	ck_assert(v->rebuild->deferrable && !v->rebuild->initdeferred);
	arena_free(a);
}
END_TEST

/* A PL/pgSQL cursor's query (xlat_cursor_scan_sql): the same judgment as DECLARE's, the query
 * written again with the table's ctid last, its $n kept */
START_TEST(test_fkref_pl_cursor_scan)
{
	struct arena *a = arena_new(0);
	struct xlat_env env = {.schema = &schema};
	const char *table;
	const char *sql = xlat_cursor_scan_sql(&env, "SELECT x FROM c WHERE t > $1 ORDER BY x", a,
					       &table);
	ck_assert_str_eq(sql, "SELECT x, c.ctid FROM c WHERE t > $1 ORDER BY x");
	ck_assert_str_eq(table, "c");
	ck_assert_ptr_null(xlat_cursor_scan_sql(&env, "SELECT c.x FROM c, p", a, &table));
	ck_assert_ptr_null(table);
	ck_assert_ptr_null(xlat_cursor_scan_sql(&env, "SELECT count(*) FROM c", a, &table));
	ck_assert_ptr_null(xlat_cursor_scan_sql(&env, "SELECT id FROM v", a, &table));
	ck_assert_ptr_null(xlat_cursor_scan_sql(&env, "UPDATE c SET x = 1", a, &table));
	arena_free(a);
}
END_TEST

Suite *xlat_suite_fkref(void)
{
	Suite *s = suite_create("xlat_fkref");
	TCase *tc = tcase_create("fkref");
	tcase_add_loop_test(tc, test_fkref_case, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_fkref_messages);
	tcase_add_test(tc, test_fkref_delset);
	tcase_add_test(tc, test_fkref_pl_cursor_scan);
	suite_add_tcase(s, tc);
	return s;
}
