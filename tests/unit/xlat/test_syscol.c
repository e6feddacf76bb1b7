/* SPDX-License-Identifier: Apache-2.0 */
/* test_syscol.c: system columns (xlat_syscol.c) — the SQLite SQL of ctid, tableoid and xmax,
 * the refusals and name errors, a parameter compared with ctid typed tid; then run on SQLite
 * with the pgfn functions: ctid beyond offset 65535 and back, and xmax telling the rows a
 * multi-row upsert inserted from those it updated, also right after another insert of the row. */
#include "xlat_test.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pgfn.h"

static const struct xlat_schema_col s_cols[] = {{"k", 23, -1, 0, NULL, false, false, false},
						{"v", 25, -1, 0, NULL, false, false, false}};
static const struct xlat_schema_col w_cols[] = {{"k", 23, -1, 0, NULL, false, false, false},
						{"xmin", 23, -1, 0, NULL, false, false, false}};

static bool table_fn(void *arg, const char *name, struct arena *a,
		     const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	(void)a;
	bool w = strcasecmp(name, "w") == 0; /* a table of an older file with a column xmin */
	if (!w && strcasecmp(name, "s") != 0 && strcasecmp(name, "s2") != 0)
		return false;
	*cols = w ? w_cols : s_cols;
	*ncols = 2;
	return true;
}

static const struct xlat_schema schema = {.table_fn = table_fn, .fingerprint = 0x5c01};

static bool translate(const char *sql, struct arena *a, struct xlat_stmt **v, struct pgerr *e)
{
	struct xlat_env env = {.schema = &schema};
	size_t n = 0;
	pgerr_clear(e);
	return xlat_translate_in(&env, sql, NULL, 0, a, v, &n, e) && n == 1;
}

static const struct xcase cases[] = {
	{"SELECT ctid FROM s WHERE ctid = '(0,2)'",
	 "SELECT (('(' || (s.rowid >> 16) || ',' || (s.rowid & 65535) || ')') COLLATE pgfn_tid) AS "
	 "ctid FROM s WHERE "
	 "s.rowid = pgfn_tid_rowid('(0,2)')"},
	{"SELECT x.v FROM s x WHERE '(0,1)' < x.ctid",
	 "SELECT x.v FROM s AS x WHERE pgfn_tid_rowid('(0,1)') < x.rowid"},
	{"SELECT 1 FROM s a JOIN s2 b ON a.ctid = b.ctid",
	 "SELECT 1 AS \"?column?\" FROM s AS a JOIN s2 AS b ON a.rowid = b.rowid"},
	{"SELECT tableoid FROM s", "SELECT (iif(s.rowid IS NULL, NULL, pg_regclass_in('s'))) AS "
				   "tableoid FROM s"},
	{"SELECT xmax FROM s", "SELECT (iif(s.rowid IS NULL, NULL, 0)) AS xmax FROM s"},
	{"UPDATE s SET v = 'x' WHERE ctid = '(0,3)'",
	 "UPDATE s SET v = 'x' WHERE s.rowid = pgfn_tid_rowid('(0,3)')"},
	{"INSERT INTO s VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = 'b' RETURNING xmax = 0",
	 "INSERT INTO s VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = 'b' WHERE "
	 "shardlite_upsert('s') AND pgfn_upsert_updating(rowid) RETURNING (iif(s.rowid = "
	 "last_insert_rowid(), 0, txid_current() & 4294967295)) = 0 AS \"?column?\", "
	 "shardlite_returning()"},
	{"INSERT INTO s AS x VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = 'b' WHERE x.k > 0 "
	 "RETURNING x.xmax",
	 "INSERT INTO s AS x VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = 'b' WHERE "
	 "shardlite_upsert('s') AND (x.k > 0) AND pgfn_upsert_updating(rowid) RETURNING "
	 "(iif(s.rowid = last_insert_rowid(), 0, txid_current() & 4294967295)) AS xmax, "
	 "shardlite_returning()"},
	/* ORDER BY, written after the FROM went out of scope; an output column's name first */
	{"SELECT v FROM s ORDER BY ctid DESC",
	 "SELECT v FROM s ORDER BY (('(' || (s.rowid >> 16) || ',' || (s.rowid & 65535) || ')') "
	 "COLLATE pgfn_tid) DESC NULLS FIRST"},
	{"SELECT k AS ctid FROM s ORDER BY ctid",
	 "SELECT k AS ctid FROM s ORDER BY ctid NULLS LAST"},
	/* a column of that name of the table's own wins */
	{"SELECT xmin FROM w", "SELECT xmin FROM w"},
	{"SELECT xmin FROM s", "!0A000@8"},
	{"SELECT s.cmin FROM s", "!0A000"},
	{"SELECT 1 FROM s WHERE cmax = 0", "!0A000"},
	{"DELETE FROM s RETURNING xmax", "!0A000"},
	{"SELECT ctid FROM s, s2", "!42702@8"},
	{"SELECT q.ctid FROM (SELECT k FROM s) q", "!42703"},
	/* SQLite finds no such column either: 42703 when it prepares */
	{"SELECT ctid FROM (SELECT k FROM s) q", "SELECT ctid FROM (SELECT k FROM s) AS q"},
	{"CREATE TABLE z (k int, ctid int)", "!42701"},
	{"CREATE TABLE z (tableoid text)", "!42701"},
	{"ALTER TABLE s ADD COLUMN xmax int", "!42701"},
};

/* Each case with this file's schema: the exact SQL, or "!SSSSS" / "!SSSSS@N". */
START_TEST(test_syscol_case)
{
	const struct xcase *x = &cases[_i];
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	struct pgerr e;
	bool ok = translate(x->pg, a, &v, &e);
	if (x->want[0] != '!') {
		ck_assert_msg(ok, "%s: %s %s", x->pg, e.sqlstate, e.message);
		ck_assert_str_eq(v->sql, x->want);
	} else {
		ck_assert_msg(!ok, "%s: translated as %s", x->pg, ok ? v->sql : "");
		ck_assert_msg(strncmp(e.sqlstate, x->want + 1, 5) == 0, "%s: %s %s", x->pg,
			      e.sqlstate, e.message);
		if (x->want[6] == '@')
			ck_assert_int_eq(e.position, atoi(x->want + 7));
	}
	arena_free(a);
}
END_TEST

START_TEST(test_syscol_types)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	struct pgerr e;
	ck_assert(translate("SELECT ctid, tableoid, xmax FROM s WHERE ctid = $1", a, &v, &e));
	ck_assert_int_eq(v->ncols, 3);
	ck_assert_uint_eq(v->cols[0].type_oid, 27); /* tid */
	ck_assert_uint_eq(v->cols[1].type_oid, 26); /* oid */
	ck_assert_uint_eq(v->cols[2].type_oid, 28); /* xid */
	ck_assert_int_eq(v->nparams, 1);
	ck_assert_uint_eq(v->param_types[0], 27);
	ck_assert(!translate("SELECT xmin FROM s", a, &v, &e));
	ck_assert_str_eq(e.sqlstate, "0A000");
	ck_assert_ptr_nonnull(strstr(e.message, "\"xmin\""));
	ck_assert(!translate("CREATE TABLE z (ctid int)", a, &v, &e));
	ck_assert_str_eq(e.message, "column name \"ctid\" conflicts with a system column name");
	arena_free(a);
}
END_TEST

/* Runs sql (PostgreSQL) translated on db: its rows as "v1|v2;..." */
static const char *run(sqlite3 *db, const char *sql, struct arena *a)
{
	struct xlat_stmt *v = NULL;
	struct pgerr e;
	ck_assert_msg(translate(sql, a, &v, &e), "%s: %s", sql, e.message);
	sqlite3_stmt *vm = NULL;
	ck_assert_msg(sqlite3_prepare_v2(db, v->sql, -1, &vm, NULL) == SQLITE_OK, "%s: %s", v->sql,
		      sqlite3_errmsg(db));
	struct strbuf sb;
	strbuf_init(&sb, 0);
	int rc;
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(vm) - !!(v->dml_events & 4096); i++) {
			const unsigned char *t = sqlite3_column_text(vm, i);
			strbuf_puts(&sb, i ? "|" : "");
			strbuf_puts(&sb, t ? (const char *)t : "NULL");
		}
		strbuf_puts(&sb, ";");
	}
	ck_assert_msg(rc == SQLITE_DONE, "%s: %s", v->sql, sqlite3_errmsg(db));
	sqlite3_finalize(vm);
	const char *out = arena_strdup(a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return out;
}

START_TEST(test_syscol_run)
{
	struct arena *a = arena_new(0);
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_ptr_nonnull(pgfn_register(db));
	ck_assert_int_eq(sqlite3_exec(db,
				      "CREATE TABLE s (k int4 UNIQUE, v text);"
				      "INSERT INTO s (rowid, k, v) VALUES (65540, 9, 'far');",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	ck_assert_str_eq(run(db, "SELECT ctid FROM s", a), "(1,4);");
	ck_assert_str_eq(run(db, "SELECT v FROM s WHERE ctid = '(1,4)'", a), "far;");
	ck_assert_str_eq(run(db, "SELECT count(*) FROM s WHERE ctid > '(0,65535)'", a), "1;");
	ck_assert_int_eq(
		sqlite3_exec(db, "INSERT INTO s (rowid, k) VALUES (2, 20), (10, 21), (65536, 22)",
			     NULL, NULL, NULL),
		SQLITE_OK);
	/* ordered as tids, not as text */
	ck_assert_str_eq(run(db, "SELECT ctid FROM s ORDER BY ctid", a),
			 "(0,2);(0,10);(1,0);(1,4);");
	ck_assert_str_eq(run(db, "SELECT max(ctid), min(ctid) FROM s WHERE k > 20", a),
			 "(1,0)|(0,10);");
	ck_assert_str_eq(run(db, "SELECT count(DISTINCT ctid) FROM s", a), "4;");
	ck_assert_str_eq(run(db, "DELETE FROM s WHERE k >= 9", a), "");
	/* inserted rows say 1, updated ones 0; a row inserted by the previous statement and
	 * updated by this one too */
	ck_assert_str_eq(run(db, "INSERT INTO s VALUES (1, 'a'), (2, 'a') RETURNING k, xmax = 0",
			     a),
			 "1|1;2|1;");
	ck_assert_str_eq(
		run(db,
		    "INSERT INTO s VALUES (2, 'b'), (3, 'b'), (1, 'b'), (4, 'b') ON CONFLICT "
		    "(k) DO UPDATE SET v = excluded.v RETURNING k, xmax = 0",
		    a),
		"2|0;3|1;1|0;4|1;");
	ck_assert_str_eq(run(db,
			     "INSERT INTO s VALUES (4, 'c') ON CONFLICT (k) DO UPDATE SET v = "
			     "excluded.v RETURNING k, xmax = 0",
			     a),
			 "4|0;");
	ck_assert_str_eq(
		run(db,
		    "INSERT INTO s VALUES (5, 'c'), (4, 'd') ON CONFLICT (k) DO UPDATE SET "
		    "v = excluded.v WHERE s.v = 'c' RETURNING k, xmax <> 0",
		    a),
		"5|0;4|1;");
	ck_assert_str_eq(run(db, "SELECT k, xmax FROM s WHERE k = 4", a), "4|0;");
	sqlite3_close(db);
	arena_free(a);
}
END_TEST

Suite *xlat_suite_syscol(void)
{
	Suite *s = suite_create("xlat_syscol");
	TCase *tc = tcase_create("syscol");
	tcase_add_loop_test(tc, test_syscol_case, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_syscol_types);
	tcase_add_test(tc, test_syscol_run);
	suite_add_tcase(s, tc);
	return s;
}
