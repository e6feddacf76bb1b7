/* SPDX-License-Identifier: Apache-2.0 */
/* test_copy.c: the statements pgbench -i and bulk loads need — COPY's fields (direction,
 * table, columns, options as written, the query form's SQL), several objects in one DROP or
 * TRUNCATE as an atomic script that SQLite runs as is, ADD PRIMARY KEY/UNIQUE as a rebuild,
 * and VACUUM/ANALYZE. */
#include "xlat_test.h"

#include <sqlite3.h>
#include <string.h>

#define VACUUM_SIDECAR                                                                             \
	"CREATE TABLE IF NOT EXISTS main._shardlite_vacuum (name TEXT PRIMARY KEY, last_vacuum "   \
	"INTEGER, vacuum_count INTEGER NOT NULL DEFAULT 0, last_analyze INTEGER, analyze_count "  \
	"INTEGER NOT NULL DEFAULT 0)"

START_TEST(copy_from_fields)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *st =
		xtranslate("COPY public.t (a, \"B c\") FROM STDIN WITH (FORMAT csv, HEADER, "
			   "FORCE_NOT_NULL (a), DELIMITER ';', freeze on)",
			   NULL, 0, 1, a);
	const struct xlat_copy *cp = st->copy;
	ck_assert_int_eq(st->kind, XLAT_COPY);
	ck_assert(cp->from);
	ck_assert_str_eq(cp->table, "t");
	ck_assert_uint_eq(cp->ncolumns, 2);
	ck_assert_str_eq(cp->columns[1], "B c");
	ck_assert_uint_eq(cp->nopts, 5);
	ck_assert_str_eq(cp->opts[0].name, "format");
	ck_assert_str_eq(cp->opts[0].value, "csv");
	ck_assert_int_eq(cp->opts[1].kind, XLAT_COPY_ARG_NONE);
	ck_assert_int_eq(cp->opts[2].kind, XLAT_COPY_ARG_LIST);
	ck_assert_str_eq(cp->opts[2].list[0], "a");
	ck_assert_str_eq(cp->opts[3].value, ";");
	ck_assert_str_eq(cp->opts[4].value, "on");
	ck_assert_int_eq(cp->opts[3].position, 83);
	arena_free(a);
}
END_TEST

START_TEST(copy_old_syntax)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *st =
		xtranslate("COPY t TO STDOUT WITH CSV HEADER FORCE QUOTE *", NULL, 0, 1, a);
	const struct xlat_copy *cp = st->copy;
	ck_assert(!cp->from);
	ck_assert_uint_eq(cp->nopts, 3);
	ck_assert_str_eq(cp->opts[0].name, "format");
	ck_assert_str_eq(cp->opts[0].value, "csv");
	ck_assert_str_eq(cp->opts[1].name, "header");
	ck_assert_str_eq(cp->opts[2].name, "force_quote");
	ck_assert_int_eq(cp->opts[2].kind, XLAT_COPY_ARG_STAR);
	arena_free(a);
}
END_TEST

START_TEST(copy_query_form)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *st = xtranslate(
		"COPY (SELECT a, b FROM t WHERE a > 1) TO STDOUT (FORMAT binary)", NULL, 0, 1, a);
	ck_assert_int_eq(st->kind, XLAT_COPY);
	ck_assert_ptr_null(st->copy->table);
	ck_assert_str_eq(st->sql, "SELECT a, b FROM t WHERE a > 1");
	ck_assert_str_eq(st->tag, "COPY");
	ck_assert(!st->returns_rows);
	arena_free(a);
}
END_TEST

/* COPY FROM ... WHERE: the condition over the table's columns (the session evaluates it per
 * row); what PostgreSQL refuses there, with its SQLSTATEs and positions. */
START_TEST(copy_from_where)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *st =
		xtranslate("COPY t (a, b) FROM STDIN WHERE a > 1 AND t.b IS NOT NULL", NULL, 0, 1, a);
	ck_assert_ptr_nonnull(st->copy->where_sql);
	ck_assert_str_eq(st->copy->where_sql, "a > 1 AND t.b IS NOT NULL");
	st = xtranslate("COPY t FROM STDIN", NULL, 0, 1, a);
	ck_assert_ptr_null(st->copy->where_sql);
	arena_free(a);
}
END_TEST

static const struct xcase where_errors[] = {
	{"COPY t TO STDOUT WHERE a = 1", "!42601@18"}, /* PostgreSQL's grammar refuses it */
	{"COPY t FROM STDIN WHERE a = max(t.a)", "!42803@29"},
	{"COPY t FROM STDIN WHERE a IN (SELECT 1)", "!0A000@27"},
	{"COPY t FROM STDIN WHERE a = row_number() OVER ()", "!42P20@29"},
	{"COPY t FROM STDIN WHERE count(*) > 0", "!42803@25"},
	{"COPY (SELECT a INTO TEMP t2 FROM t) TO STDOUT", "!0A000"}, /* COPY (SELECT INTO) */
};

START_TEST(copy_where_errors)
{
	xcase_run(where_errors, _i);
}
END_TEST

/* The catalog's shardlite_forget, shardlite_cascade_check and the like, the shard's
 * shardlite_cascade_keys (not linked here): the scripts only need them to exist. */
static void forget(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_null(ctx);
}

/* A script is what SQLite's exec runs: each part must prepare on the test schema. */
static void check_script(const char *pg, const char *want)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *st = xtranslate(pg, NULL, 0, 1, a);
	/* DROP COLUMN: a rebuild link whose script runs after the constraints over the column go */
	bool dropcol = st->kind == XLAT_REBUILD && st->rebuild->drop_column && !st->rebuild->next;
	ck_assert(st->kind == XLAT_SCRIPT || dropcol);
	const char *sql = dropcol ? st->rebuild->script : st->sql;
	ck_assert_str_eq(sql, want);
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	sqlite3_create_function(db, "shardlite_forget", 2, SQLITE_UTF8, NULL, forget, NULL, NULL);
	sqlite3_create_function(db, "shardlite_forget", 3, SQLITE_UTF8, NULL, forget, NULL, NULL);
	sqlite3_create_function(db, "shardlite_cascade_check", -1, SQLITE_UTF8, NULL, forget, NULL,
				NULL);
	sqlite3_create_function(db, "shardlite_cascade_keys", -1, SQLITE_UTF8, NULL, forget, NULL,
				NULL);
	sqlite3_create_function(db, "shardlite_views_mark", 0, SQLITE_UTF8, NULL, forget, NULL,
				NULL);
	sqlite3_create_function(db, "shardlite_views_sweep", 0, SQLITE_UTF8, NULL, forget, NULL,
				NULL);
	sqlite3_create_function(db, "shardlite_drop_refs", -1, SQLITE_UTF8, NULL, forget, NULL,
				NULL);
	sqlite3_create_function(db, "shardlite_drop_restrict", -1, SQLITE_UTF8, NULL, forget,
				NULL, NULL);
	sqlite3_create_function(db, "shardlite_column_new", 2, SQLITE_UTF8, NULL, forget, NULL,
				NULL);
	sqlite3_create_function(db, "shardlite_column_indexes_drop", 2, SQLITE_UTF8, NULL, forget,
				NULL, NULL);
	sqlite3_create_function(db, "shardlite_column_views_check", 2, SQLITE_UTF8, NULL, forget,
				NULL, NULL);
	sqlite3_create_function(db, "shardlite_column_views_drop", 2, SQLITE_UTF8, NULL, forget,
				NULL, NULL);
	sqlite3_create_function(db, "shardlite_trigger_refit", -1, SQLITE_UTF8, NULL, forget, NULL,
				NULL);
	sqlite3_create_function(db, "shardlite_trigger_renamed", 3, SQLITE_UTF8, NULL, forget,
				NULL, NULL);
	sqlite3_create_function(db, "shardlite_vacuumed", 3, SQLITE_UTF8, NULL, forget, NULL,
				NULL);
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE t (a int, e int); CREATE TABLE u (b int)", NULL,
				      NULL, NULL),
			 SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK, "%s: %s", st->sql,
		      sqlite3_errmsg(db));
	sqlite3_close(db);
	arena_free(a);
}

START_TEST(scripts)
{
	check_script("DROP TABLE IF EXISTS t, public.u, nope",
		     "SELECT shardlite_views_mark(); SELECT shardlite_drop_refs('t', 't', 'u', "
		     "'nope'); DROP TABLE IF EXISTS t; SELECT shardlite_forget('table', 't'); SELECT "
		     "shardlite_drop_restrict('table', 't', 't', 'u', 'nope'); SELECT "
		     "shardlite_views_mark(); SELECT shardlite_drop_refs('u', 't', 'u', 'nope'); DROP "
		     "TABLE IF EXISTS u; SELECT shardlite_forget('table', 'u'); SELECT "
		     "shardlite_drop_restrict('table', 'u', 't', 'u', 'nope'); SELECT "
		     "shardlite_views_mark(); SELECT shardlite_drop_refs('nope', 't', 'u', 'nope'); "
		     "DROP TABLE IF EXISTS nope; SELECT shardlite_forget('table', 'nope'); SELECT "
		     "shardlite_drop_restrict('table', 'nope', 't', 'u', 'nope')");
	check_script("DROP TABLE t CASCADE",
		     "SELECT shardlite_cascade_keys('t', 't'); SELECT shardlite_cascade_check('t', "
		     "'t'); DROP TABLE t; "
		     "SELECT shardlite_forget('table', 't')");
	check_script("ALTER TABLE t DROP COLUMN e CASCADE",
		     "SELECT shardlite_trigger_refit('t', 0, 'e'); SELECT shardlite_views_mark(); "
		     "SELECT shardlite_column_views_drop('t', 'e'); SELECT shardlite_views_sweep(); "
		     "SELECT shardlite_column_indexes_drop('t', 'e'); ALTER TABLE t DROP COLUMN e; "
		     "SELECT shardlite_forget('column', 't', 'e'); SELECT "
		     "shardlite_trigger_refit('t', 1)");
	check_script("DROP VIEW IF EXISTS v, w CASCADE",
		     "SELECT shardlite_views_mark(); DROP VIEW IF EXISTS v; SELECT "
		     "shardlite_forget('view', 'v'); DROP VIEW IF EXISTS w; SELECT "
		     "shardlite_forget('view', 'w'); SELECT shardlite_views_sweep()");
	check_script("TRUNCATE TABLE t, u", "DELETE FROM t; DELETE FROM u");
	/* SQLite resolves a view's names when it is used: the script uses it once */
	check_script("CREATE VIEW n1 AS SELECT a, e FROM t WHERE a > 0",
		     "CREATE VIEW n1 AS SELECT a, e FROM t WHERE a > 0; SELECT 1 FROM n1 LIMIT 0");
	/* fewer names than columns rename the first: SQLite wants one for each */
	check_script("CREATE VIEW n1 (x) AS SELECT a, e FROM t WHERE a > 0",
		     "CREATE VIEW n1(x, e) AS SELECT a, e FROM t WHERE a > 0; SELECT 1 FROM n1 LIMIT 0");
	check_script("CREATE VIEW n1 (x, y) AS SELECT a, count(*) FROM t GROUP BY a",
		     "CREATE VIEW n1(x, y) AS SELECT a, count(*) AS count FROM t GROUP BY a; SELECT "
		     "1 FROM n1 LIMIT 0; CREATE TABLE IF NOT EXISTS _shardlite_columns (table_name "
		     "TEXT NOT NULL, column_name TEXT NOT NULL, type TEXT NOT NULL, identity TEXT NOT "
		     "NULL, PRIMARY KEY (table_name, column_name)); DELETE FROM main._shardlite_columns "
		     "WHERE table_name = 'n1'; INSERT INTO main._shardlite_columns SELECT 'n1', name, "
		     "'bigint', '' FROM pragma_table_xinfo('n1', 'main') WHERE cid = 1 AND "
		     "coalesce(type, '') = ''");
	/* ADD COLUMN of a column the table has: the check names the table (42701) */
	check_script("ALTER TABLE t ADD COLUMN f text",
		     "SELECT shardlite_column_new('t', 'f'); ALTER TABLE t ADD COLUMN f text; SELECT "
		     "shardlite_trigger_refit('t', 1)");
	check_script("ALTER TABLE t ADD f int NOT NULL DEFAULT 0",
		     "SELECT shardlite_column_new('t', 'f'); ALTER TABLE t ADD COLUMN f int4 NOT "
		     "NULL DEFAULT 0; SELECT shardlite_trigger_refit('t', 1)");
	/* then the history pg_stat_user_tables shows (catalog_vacstat.c) */
	check_script("VACUUM ANALYZE t, u", "ANALYZE t; ANALYZE u; " VACUUM_SIDECAR
		     "; SELECT shardlite_vacuumed('t', 1, 1); SELECT shardlite_vacuumed('u', 1, 1)");
	check_script("VACUUM (VERBOSE) t", "SELECT 1 FROM t LIMIT 0; " VACUUM_SIDECAR
		     "; SELECT shardlite_vacuumed('t', 1, 0)");
	check_script("VACUUM", VACUUM_SIDECAR "; SELECT shardlite_vacuumed(NULL, 1, 0)");
	check_script("ANALYZE", "ANALYZE; " VACUUM_SIDECAR "; SELECT shardlite_vacuumed(NULL, 0, 1)");
	check_script("ANALYZE public.t", "ANALYZE t; " VACUUM_SIDECAR
		     "; SELECT shardlite_vacuumed('t', 0, 1)");
}
END_TEST

START_TEST(drop_parts)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *st = xtranslate("DROP TABLE IF EXISTS a, public.\"B c\"", NULL, 0, 1, a);
	ck_assert_uint_eq(st->nparts, 2);
	ck_assert_str_eq(st->parts[0],
			 "SELECT shardlite_views_mark(); SELECT shardlite_drop_refs('a', 'a', 'B c'); "
			 "DROP TABLE IF EXISTS a; SELECT shardlite_forget('table', 'a'); SELECT "
			 "shardlite_drop_restrict('table', 'a', 'a', 'B c')");
	ck_assert_str_eq(st->parts[1],
			 "SELECT shardlite_views_mark(); SELECT shardlite_drop_refs('B c', 'a', 'B c'); "
			 "DROP TABLE IF EXISTS \"B c\"; SELECT shardlite_forget('table', 'B c'); SELECT "
			 "shardlite_drop_restrict('table', 'B c', 'a', 'B c')");
	ck_assert_str_eq(st->part_tables[1], "B c");
	st = xtranslate("DROP TABLE IF EXISTS a, b CASCADE", NULL, 0, 1, a);
	ck_assert_str_eq(st->parts[1],
			 "SELECT shardlite_cascade_keys('b', 'a', 'b'); SELECT "
			 "shardlite_cascade_check('b', 'a', 'b'); DROP TABLE IF EXISTS b; SELECT "
			 "shardlite_forget('table', 'b')");
	st = xtranslate("TRUNCATE a, public.b", NULL, 0, 1, a);
	ck_assert_str_eq(st->parts[1], "DELETE FROM b");
	ck_assert_str_eq(st->part_tables[1], "b");
	ck_assert_int_eq(st->truncate, 'r');
	st = xtranslate("TRUNCATE a RESTART IDENTITY CASCADE", NULL, 0, 1, a);
	ck_assert_int_eq(st->truncate, 'c');
	ck_assert(st->truncate_restart);
	ck_assert_uint_eq(st->nparts, 1);
	ck_assert_ptr_null(st->part_schemas[0]); /* found as SQLite finds it */
	st = xtranslate("TRUNCATE pg_temp.a", NULL, 0, 1, a);
	ck_assert_str_eq(st->part_schemas[0], "temp");
	st = xtranslate("DROP VIEW v, w", NULL, 0, 1, a);
	ck_assert_uint_eq(st->nparts, 2);
	ck_assert_ptr_null(st->part_tables[0]);
	arena_free(a);
}
END_TEST

START_TEST(add_key)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *st =
		xtranslate("ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid)", NULL, 0, 1, a);
	const struct xlat_rebuild *r = st->rebuild;
	ck_assert_int_eq(st->kind, XLAT_REBUILD);
	ck_assert_str_eq(r->table, "pgbench_accounts");
	ck_assert_str_eq(r->constraint, "PRIMARY KEY (aid)");
	ck_assert_str_eq(r->name, "pgbench_accounts_pkey");
	ck_assert(r->primary);
	ck_assert_uint_eq(r->nkeys, 1);
	st = xtranslate("ALTER TABLE t ADD CONSTRAINT k UNIQUE (a, b)", NULL, 0, 1, a);
	r = st->rebuild;
	ck_assert_str_eq(r->constraint, "CONSTRAINT k UNIQUE (a, b)");
	ck_assert_str_eq(r->name, "k");
	ck_assert(!r->primary);
	st = xtranslate("ALTER TABLE t ADD UNIQUE (a, b)", NULL, 0, 1, a);
	ck_assert_str_eq(st->rebuild->name, "t_a_b_key");
	st = xtranslate("ALTER TABLE h ADD FOREIGN KEY (bid, x) REFERENCES public.b (id, y) ON "
			"DELETE CASCADE",
			NULL, 0, 1, a);
	r = st->rebuild;
	ck_assert_int_eq(r->kind, XLAT_RB_FOREIGN);
	ck_assert_str_eq(r->constraint,
			 "FOREIGN KEY (bid, x) REFERENCES b(id, y) ON DELETE CASCADE");
	ck_assert_str_eq(r->name, "h_bid_x_fkey");
	ck_assert_str_eq(r->ref_table, "b");
	ck_assert_uint_eq(r->nkeys, 2);
	ck_assert_str_eq(r->ref_keys[1], "y");
	st = xtranslate("ALTER TABLE pgbench_tellers ADD CONSTRAINT pgbench_tellers_bid_fkey "
			"FOREIGN KEY (bid) REFERENCES pgbench_branches",
			NULL, 0, 1, a);
	ck_assert_uint_eq(st->rebuild->nref_keys, 0);
	ck_assert_str_eq(st->rebuild->name, "pgbench_tellers_bid_fkey");
	st = xtranslate("ALTER TABLE t ADD CHECK (lower(b) <> '' AND a > 0)", NULL, 0, 1, a);
	ck_assert_int_eq(st->rebuild->kind, XLAT_RB_CHECK);
	ck_assert_str_eq(st->rebuild->constraint,
			 "CONSTRAINT t_check CHECK (lower(b) <> '' AND a > 0)");
	ck_assert_str_eq(st->rebuild->name, "t_check"); /* two columns: none in the name */
	st = xtranslate("ALTER TABLE t ADD CHECK (lower(b) <> '' AND b IN ('x', 'y'))", NULL, 0,
			1, a);
	ck_assert_str_eq(st->rebuild->name, "t_b_check");
	arena_free(a);
}
END_TEST

/* FETCH and MOVE: each direction with PostgreSQL's reading of its count. */
START_TEST(fetch_directions)
{
	static const struct {
		const char *sql;
		enum xlat_fetch_dir dir;
		int64_t count;
	} cases[] = {
		{"FETCH c", XLAT_FETCH_FORWARD, 1},
		{"FETCH ALL FROM c", XLAT_FETCH_FORWARD, XLAT_CURSOR_ALL},
		{"FETCH PRIOR FROM c", XLAT_FETCH_BACKWARD, 1},
		{"FETCH BACKWARD ALL FROM c", XLAT_FETCH_BACKWARD, XLAT_CURSOR_ALL},
		{"FETCH -3 FROM c", XLAT_FETCH_BACKWARD, 3},
		{"FETCH BACKWARD -2 FROM c", XLAT_FETCH_FORWARD, 2},
		{"FETCH 0 FROM c", XLAT_FETCH_RELATIVE, 0},
		{"MOVE BACKWARD 0 IN c", XLAT_FETCH_RELATIVE, 0},
		{"FETCH FIRST FROM c", XLAT_FETCH_ABSOLUTE, 1},
		{"FETCH LAST FROM c", XLAT_FETCH_ABSOLUTE, -1},
		{"FETCH ABSOLUTE -4 FROM c", XLAT_FETCH_ABSOLUTE, -4},
		{"MOVE RELATIVE -2 IN c", XLAT_FETCH_RELATIVE, -2},
	};
	struct arena *a = arena_new(0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct xlat_stmt *st = xtranslate(cases[i].sql, NULL, 0, 1, a);
		ck_assert_int_eq(st->kind, XLAT_CURSOR);
		ck_assert_msg(st->cursor->dir == cases[i].dir, "%s", cases[i].sql);
		ck_assert_msg(st->cursor->count == cases[i].count, "%s", cases[i].sql);
	}
	struct xlat_stmt *st =
		xtranslate("DECLARE s SCROLL CURSOR FOR SELECT 1", NULL, 0, 1, a);
	ck_assert(st->cursor->scroll && !st->cursor->no_scroll);
	st = xtranslate("DECLARE s NO SCROLL CURSOR WITH HOLD FOR SELECT 1", NULL, 0, 1, a);
	ck_assert(!st->cursor->scroll && st->cursor->no_scroll && st->cursor->hold);
	/* FOR UPDATE: a cursor that only goes forward (not a data-modifying WITH) */
	st = xtranslate("DECLARE s CURSOR FOR SELECT a FROM t ORDER BY a FOR UPDATE", NULL, 0, 1, a);
	ck_assert_int_eq(st->kind, XLAT_CURSOR);
	ck_assert(!st->cursor->backward_ok && !st->cursor->hold);
	arena_free(a);
}
END_TEST

/* ADD COLUMN: a literal default stays SQLite's ADD COLUMN, any other one is a rebuild that
 * carries the column's SQLite definition. */
START_TEST(add_column_default)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *st = xtranslate("ALTER TABLE t ADD COLUMN f int DEFAULT -1", NULL, 0, 1, a);
	ck_assert_int_eq(st->kind, XLAT_SCRIPT); /* shardlite_column_new's check, then the ADD */
	st = xtranslate("ALTER TABLE t ADD COLUMN f bigint NOT NULL DEFAULT nextval('s')", NULL, 0,
			1, a);
	ck_assert_int_eq(st->kind, XLAT_REBUILD);
	ck_assert_int_eq(st->rebuild->kind, XLAT_RB_ADD_COLUMN);
	ck_assert_str_eq(st->rebuild->table, "t");
	ck_assert_str_eq(st->rebuild->column, "f");
	ck_assert_str_eq(st->rebuild->constraint, "f bigint NOT NULL DEFAULT (nextval('s'))");
	/* IF NOT EXISTS: always a rebuild, which the shard skips when the column is there */
	st = xtranslate("ALTER TABLE t ADD COLUMN IF NOT EXISTS f text", NULL, 0, 1, a);
	ck_assert_int_eq(st->kind, XLAT_REBUILD);
	ck_assert(st->rebuild->missing_ok);
	ck_assert_str_eq(st->rebuild->column, "f");
	st = xtranslate("ALTER TABLE t ADD COLUMN f float8 DEFAULT random()", NULL, 0, 1, a);
	ck_assert_int_eq(st->rebuild->kind, XLAT_RB_ADD_COLUMN);
	ck_assert_ptr_null(st->rebuild->before);
	/* serial: its sequence is made first, unowned, and given to the column after */
	st = xtranslate("ALTER TABLE t ADD COLUMN f serial", NULL, 0, 1, a);
	ck_assert_int_eq(st->kind, XLAT_REBUILD);
	ck_assert_str_eq(st->rebuild->constraint, "f int4 NOT NULL DEFAULT (nextval('t_f_seq'))");
	ck_assert_ptr_nonnull(strstr(st->rebuild->before, "shardlite_sequence('create', 't_f_seq'"));
	ck_assert_ptr_nonnull(
		strstr(st->rebuild->after, "shardlite_sequence('alter in public', 't_f_seq'"));
	st = xtranslate("ALTER TABLE t ADD COLUMN f int GENERATED ALWAYS AS IDENTITY", NULL, 0, 1,
			a);
	ck_assert_ptr_nonnull(strstr(st->rebuild->before, "_shardlite_columns"));
	arena_free(a);
}
END_TEST

START_TEST(analyze_plain)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *st = xtranslate("VACUUM ANALYZE t", NULL, 0, 1, a);
	ck_assert_int_eq(st->kind, XLAT_SCRIPT);
	ck_assert_str_eq(st->sql, "ANALYZE t; " VACUUM_SIDECAR "; SELECT shardlite_vacuumed('t', 1, 1)");
	st = xtranslate("VACUUM (FULL, ANALYZE) t", NULL, 0, 1, a);
	ck_assert_str_eq(st->sql, "VACUUM");
	arena_free(a);
}
END_TEST

Suite *xlat_suite_copy(void)
{
	Suite *s = suite_create("copy");
	TCase *tc = tcase_create("copy");
	tcase_add_test(tc, copy_from_fields);
	tcase_add_test(tc, copy_old_syntax);
	tcase_add_test(tc, copy_query_form);
	tcase_add_test(tc, copy_from_where);
	tcase_add_loop_test(tc, copy_where_errors, 0, sizeof(where_errors) / sizeof(where_errors[0]));
	tcase_add_test(tc, scripts);
	tcase_add_test(tc, drop_parts);
	tcase_add_test(tc, add_key);
	tcase_add_test(tc, add_column_default);
	tcase_add_test(tc, fetch_directions);
	tcase_add_test(tc, analyze_plain);
	suite_add_tcase(s, tc);
	return s;
}
