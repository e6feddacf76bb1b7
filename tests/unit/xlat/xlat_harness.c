/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_harness.c: runs translation cases and proves each emitted statement is valid SQLite
 * by preparing (or running) it on an in-memory database holding the test schema. */
#include "xlat_test.h"

#include "pgfn.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The schema the cases refer to, written as the translator would create it. */
static const char schema[] =
	"CREATE TABLE t (id integer PRIMARY KEY AUTOINCREMENT, a integer UNIQUE, b text, "
	"c double precision, d timestamp with time zone, e boolean);"
	"CREATE TABLE u (id integer PRIMARY KEY, t_id integer REFERENCES t(id), name text, "
	"x integer);"
	"CREATE TABLE c (id integer PRIMARY KEY, y text UNIQUE);"
	"CREATE VIEW v AS SELECT a, b FROM t;"
	"CREATE INDEX i ON t (b);"
	"INSERT INTO t (a, b, c, e) VALUES (1, 'one', 1.5, 1), (2, 'two', NULL, 0), "
	"(NULL, NULL, 3.0, NULL);"
	"INSERT INTO u VALUES (1, 1, 'x', 10), (2, 1, 'y', 20), (3, 2, NULL, NULL);"
	/* stand-ins for the catalog module's virtual tables and functions (tested there) */
	"CREATE TABLE pg_class (oid integer, relname text, relnamespace integer);"
	"CREATE TABLE pg_namespace (oid integer, nspname text);";

/* Stand-in for the catalog's SQL functions: the harness only prepares their calls. */
static void stand_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_null(ctx);
}

static sqlite3 *open_db(void)
{
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	char *msg = NULL;
	int rc = sqlite3_exec(db, schema, NULL, NULL, &msg);
	ck_assert_msg(rc == SQLITE_OK, "schema: %s", msg ? msg : "?");
	static const struct {
		const char *name;
		int nargs;
	} fns[] = {{"pg_regex", 3},	    {"pg_regclass_in", 1},   {"pg_regclass_out", 1},
		   {"pg_regtype_out", 1},   {"array_position", 2},   {"current_schemas", 1},
		   {"format_type", 2},	    {"pg_table_is_visible", 1}, {"pg_array_agg", 1},
		   {"pg_array_has", 2},	    {"pg_array_get", 2},     {"pg_array_in", 1},
		   {"pg_session_user", 0},  {"pg_regproc_in", 1},
		   {"pg_record_field", 2}};
	for (size_t i = 0; i < ARRAY_LEN(fns); i++)
		ck_assert_int_eq(sqlite3_create_function(db, fns[i].name, fns[i].nargs, SQLITE_UTF8,
							 NULL, stand_in, NULL, NULL),
				 SQLITE_OK);
	ck_assert_ptr_nonnull(pgfn_register(db)); /* the functions translations call */
	/* what the shard module sets on every connection */
	ck_assert_int_eq(sqlite3_exec(db, "PRAGMA foreign_keys=ON",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	return db;
}

static void check_prepares(const char *pg, const char *sql)
{
	sqlite3 *db = open_db();
	sqlite3_stmt *vm = NULL;
	const char *tail = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &vm, &tail);
	ck_assert_msg(rc == SQLITE_OK, "SQLite rejects the translation of\n  %s\nas\n  %s\n: %s",
		      pg, sql, sqlite3_errmsg(db));
	ck_assert_msg(vm && tail && !*tail, "not exactly one statement: %s", sql);
	sqlite3_finalize(vm);
	sqlite3_close(db);
}

static void check_error(const struct xcase *x, const struct pgerr *e)
{
	char want[6];
	memcpy(want, x->want + 1, 5);
	want[5] = '\0';
	ck_assert_msg(strcmp(e->sqlstate, want) == 0, "%s\n  want %s, got %s: %s", x->pg, want,
		      e->sqlstate, e->message);
	const char *at = strchr(x->want, '@');
	if (at)
		ck_assert_msg(e->position == atoi(at + 1), "%s\n  want position %d, got %d (%s)",
			      x->pg, atoi(at + 1), e->position, e->message);
	ck_assert_msg(e->message[0] != '\0', "%s: empty message", x->pg);
}

void xcase_run(const struct xcase *cases, int i)
{
	const struct xcase *x = &cases[i];
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	bool ok = xlat_translate(x->pg, NULL, 0, a, &v, &n, &e);
	if (x->want[0] == '!') {
		ck_assert_msg(!ok, "%s\n  want error %s, got: %s", x->pg, x->want,
			      ok && n && v[0].sql ? v[0].sql : "(no SQL)");
		ck_assert_msg(v == NULL && n == 0, "statements returned on error");
		check_error(x, &e);
	} else {
		ck_assert_msg(ok, "%s\n  failed: %s %s", x->pg, e.sqlstate, e.message);
		ck_assert_int_eq(n, 1);
		ck_assert_int_eq(v[0].kind, XLAT_SQL);
		ck_assert_msg(strcmp(v[0].sql, x->want) == 0, "%s\n  want %s\n  got  %s", x->pg,
			      x->want, v[0].sql);
		check_prepares(x->pg, v[0].sql);
	}
	arena_free(a);
}

struct xlat_stmt *xtranslate(const char *sql, const uint32_t *types, int ntypes, size_t n,
			     struct arena *a)
{
	struct xlat_stmt *v = NULL;
	size_t got = 0;
	struct pgerr e;
	pgerr_clear(&e);
	bool ok = xlat_translate(sql, types, ntypes, a, &v, &got, &e);
	ck_assert_msg(ok, "%s: %s %s", sql, e.sqlstate, e.message);
	ck_assert_msg(got == n, "%s: want %zu statements, got %zu", sql, n, got);
	return v;
}

static void append_value(struct strbuf *sb, sqlite3_stmt *vm, int i, const struct xlat_stmt *st)
{
	if (sqlite3_column_type(vm, i) == SQLITE_NULL) {
		strbuf_puts(sb, "NULL");
		return;
	}
	if (st->ncols > i && st->cols[i].type_oid == 16) {
		strbuf_puts(sb, sqlite3_column_int64(vm, i) ? "t" : "f");
		return;
	}
	strbuf_puts(sb, (const char *)sqlite3_column_text(vm, i));
}

const char *xrun_first_row(const struct xlat_stmt *st, struct arena *a)
{
	sqlite3 *db = open_db();
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, st->sql, -1, &vm, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", st->sql, sqlite3_errmsg(db));
	struct strbuf sb;
	strbuf_init(&sb, 0);
	rc = sqlite3_step(vm);
	ck_assert_msg(rc == SQLITE_ROW || rc == SQLITE_DONE, "%s: %s", st->sql, sqlite3_errmsg(db));
	for (int i = 0; rc == SQLITE_ROW && i < sqlite3_column_count(vm) - !!(st->dml_events & 4096); i++) {
		if (i)
			strbuf_putc(&sb, '|');
		append_value(&sb, vm, i, st);
	}
	const char *r = arena_strdup(a, rc == SQLITE_ROW ? (sb.data ? sb.data : "") : "(no row)");
	strbuf_fini(&sb);
	sqlite3_finalize(vm);
	sqlite3_close(db);
	return r;
}

/* The constants a translation passes as parameters (xlat_stmt.binds), after the client's. */
static void bind_consts(sqlite3_stmt *vm, const struct xlat_stmt *st)
{
	for (int i = 0; i < st->nbinds; i++) {
		const struct xlat_bind *b = &st->binds[i];
		int at = st->nparams + 1 + i;
		int rc = b->is_text ? sqlite3_bind_text64(vm, at, b->text, b->len, SQLITE_TRANSIENT,
							  SQLITE_UTF8)
				    : sqlite3_bind_int64(vm, at, b->i);
		ck_assert_int_eq(rc, SQLITE_OK);
	}
}

const char *xrun_rows(const struct xlat_stmt *st, struct arena *a)
{
	sqlite3 *db = open_db();
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, st->sql, -1, &vm, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", st->sql, sqlite3_errmsg(db));
	ck_assert_int_eq(sqlite3_bind_parameter_count(vm), st->nparams + st->nbinds);
	bind_consts(vm, st);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(vm) - !!(st->dml_events & 4096); i++) {
			strbuf_puts(&sb, i ? "|" : "");
			append_value(&sb, vm, i, st);
		}
		strbuf_putc(&sb, ';');
	}
	if (rc != SQLITE_DONE)
		strbuf_printf(&sb, "error: %s", sqlite3_errmsg(db));
	const char *r = arena_strdup(a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	sqlite3_finalize(vm);
	sqlite3_close(db);
	return r;
}
