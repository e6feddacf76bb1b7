/* SPDX-License-Identifier: Apache-2.0 */
/* shard_rowfail.c: the row in a not-null (23502) or check (23514) violation's DETAIL,
 * PostgreSQL's "Failing row contains (1, null, abc).". SQLite names the column or constraint
 * but not the row; as for unique keys (shard_ukey.c) a statement that succeeds pays nothing:
 * the failed statement runs again (its bindings kept) inside a savepoint with temporary
 * BEFORE INSERT/UPDATE triggers on the table that hand each new row to a function keeping the
 * last one. SQLite checks NOT NULL and CHECK after the BEFORE triggers of the row, so when the
 * run fails the same way the row kept is the one that failed, after defaults, affinities and
 * generated columns. Everything (the triggers too) is rolled back, sequences with it. The
 * statement runs twice so that a volatile value (random(), clock_timestamp()) shows as two
 * different rows: then there is no DETAIL rather than a wrong one. */
#include "shard_int.h"

#include "catalog.h"
#include "pgtype.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RF_FN "shardlite_failing_row"
#define RF_COLS_MAX 1600 /* PostgreSQL's MaxHeapAttributeNumber */
#define RF_FIELD_MAX 64  /* ExecBuildSlotValueDescription's maxfieldlen */

/* The last row the triggers handed over on this connection; len 0 while there is none. */
struct rf_row {
	struct strbuf text;
};

/* Appends at most RF_FIELD_MAX bytes of s, cut at a character's start, then "..." as
 * PostgreSQL's pg_mbcliplen + "..." does for a longer value. */
static void put_clipped(struct strbuf *sb, const char *s, size_t n)
{
	if (n <= RF_FIELD_MAX) {
		strbuf_append(sb, s, n);
		return;
	}
	size_t cut = RF_FIELD_MAX;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	strbuf_append(sb, s, cut);
	strbuf_puts(sb, "...");
}

/* shardlite_failing_row(text, ...): keeps "(v1, v2, ...)", each value in its output form
 * (pgfn_text_out: the session's zone and DateStyle), NULL as "null"; returns NULL.
 * shardlite_failing_row(): the row kept (NULL when none, or too long), which it forgets. */
static void fn_failing_row(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct rf_row *row = sqlite3_user_data(ctx);
	if (argc == 0) {
		if (row->text.len && !row->text.failed)
			sqlite3_result_text(ctx, row->text.data, (int)row->text.len,
					    SQLITE_TRANSIENT);
		else
			sqlite3_result_null(ctx);
		strbuf_reset(&row->text);
		return;
	}
	strbuf_reset(&row->text);
	strbuf_putc(&row->text, '(');
	for (int i = 0; i < argc; i++) {
		const char *v = (const char *)sqlite3_value_text(argv[i]);
		strbuf_puts(&row->text, i ? ", " : "");
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL || !v)
			strbuf_puts(&row->text, "null");
		else
			put_clipped(&row->text, v, (size_t)sqlite3_value_bytes(argv[i]));
	}
	strbuf_putc(&row->text, ')');
	sqlite3_result_null(ctx);
}

static void row_free(void *p)
{
	struct rf_row *row = p;
	strbuf_fini(&row->text);
	free(row);
}

int shard_rowfail_register(sqlite3 *db)
{
	struct rf_row *row = calloc(1, sizeof(*row));
	if (!row)
		return SQLITE_NOMEM;
	strbuf_init(&row->text, 0);
	/* not SQLITE_DIRECTONLY: the trigger calls it; it only keeps what it is given */
	return sqlite3_create_function_v2(db, RF_FN, -1, SQLITE_UTF8, row, fn_failing_row, NULL,
					  NULL, row_free);
}

/* The argument for one column: its NEW value in its output form. A serial key (the rowid
 * alias) left to be numbered reads -1 in a BEFORE INSERT trigger: the number SQLite would
 * give is one past the larger of the table's sqlite_sequence row and its largest rowid
 * (rows this statement wrote before included), as AUTOINCREMENT numbers. */
static void put_column(struct strbuf *sb, const char *table, const char *col, const char *decl,
		       bool rowid_alias, bool insert)
{
	int32_t typmod = -1;
	uint32_t oid = decl && decl[0] ? pgtype_from_decl(decl, &typmod) : PGTYPE_TEXT;
	strbuf_puts(sb, "pgfn_text_out(");
	if (rowid_alias && insert) {
		strbuf_puts(sb, "CASE WHEN NEW.");
		strbuf_put_quoted(sb, col, '"');
		strbuf_puts(sb, " = -1 THEN max(coalesce((SELECT seq FROM sqlite_sequence WHERE "
				"name = ");
		strbuf_put_quoted(sb, table, '\'');
		strbuf_puts(sb, "), 0), coalesce((SELECT max(rowid) FROM ");
		strbuf_put_quoted(sb, table, '"');
		strbuf_puts(sb, "), 0)) + 1 ELSE NEW.");
		strbuf_put_quoted(sb, col, '"');
		strbuf_puts(sb, " END");
	} else {
		strbuf_puts(sb, "NEW.");
		strbuf_put_quoted(sb, col, '"');
	}
	strbuf_printf(sb, ", %u, %d)", oid, (int)typmod);
}

/* Whether the table (a temporary one first, as the statement's name finds it) is an
 * AUTOINCREMENT one: its rowid alias is a serial key, numbered when left out. */
static bool autoincrement(sqlite3 *db, const char *table)
{
	sqlite3_stmt *st;
	bool yes = false;
	if (sqlite3_prepare_v2(db,
			       "SELECT sql FROM sqlite_temp_schema WHERE type = 'table' AND name = ?1 "
			       "UNION ALL SELECT sql FROM main.sqlite_schema WHERE type = 'table' "
			       "AND name = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		yes = catalog_sql_autoincrement((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return yes;
}

/* The two triggers, or false when the table's columns cannot be read. Columns in their
 * order, generated ones included (PostgreSQL shows their computed value); a virtual table's
 * hidden columns (table_xinfo hidden 1) are not the table's. */
static bool put_triggers(sqlite3 *db, const char *table, struct strbuf *sb)
{
	bool serial = autoincrement(db, table);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT name, type, pk FROM pragma_table_xinfo(?1) WHERE hidden <> 1 "
			       "ORDER BY cid",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	struct strbuf ins, upd;
	strbuf_init(&ins, 0);
	strbuf_init(&upd, 0);
	int ncols = 0;
	while (sqlite3_step(st) == SQLITE_ROW && ncols < RF_COLS_MAX) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		const char *decl = (const char *)sqlite3_column_text(st, 1);
		/* AUTOINCREMENT is only allowed on the INTEGER PRIMARY KEY */
		bool alias = serial && sqlite3_column_int(st, 2) == 1;
		if (!col)
			break;
		strbuf_puts(&ins, ncols ? ", " : "");
		strbuf_puts(&upd, ncols ? ", " : "");
		put_column(&ins, table, col, decl, alias, true);
		put_column(&upd, table, col, decl, alias, false);
		ncols++;
	}
	sqlite3_finalize(st);
	bool ok = ncols > 0 && !ins.failed && !upd.failed;
	for (int u = 0; ok && u < 2; u++) {
		strbuf_printf(sb, "CREATE TEMP TRIGGER shardlite_rf_%c BEFORE %s ON ", u ? 'u' : 'i',
			      u ? "UPDATE" : "INSERT");
		strbuf_put_quoted(sb, table, '"');
		strbuf_printf(sb, " BEGIN SELECT " RF_FN "(%s); END; ", u ? upd.data : ins.data);
	}
	strbuf_fini(&ins);
	strbuf_fini(&upd);
	return ok && !sb->failed;
}

/* The row the triggers kept since the last call (and forgotten now) into out; false when
 * there is none or it does not fit. */
static bool take_row(sqlite3 *db, char *out, size_t len)
{
	sqlite3_stmt *st;
	bool ok = false;
	if (sqlite3_prepare_v2(db, "SELECT " RF_FN "()", -1, &st, NULL) != SQLITE_OK)
		return false;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
		size_t n = (size_t)sqlite3_column_bytes(st, 0);
		ok = n < len;
		if (ok)
			memcpy(out, sqlite3_column_text(st, 0), n + 1);
	}
	sqlite3_finalize(st);
	return ok;
}

/* One run of vm: whether it failed with rc, and the row kept then into out. */
static bool run_once(sqlite3 *db, sqlite3_stmt *vm, int rc, char *out, size_t len)
{
	(void)take_row(db, out, len); /* forget any row kept before */
	sqlite3_reset(vm);
	int got;
	shard_serial_replay(true); /* the failed run's serial numbers, none taken */
	while ((got = sqlite3_step(vm)) == SQLITE_ROW)
		;
	shard_serial_replay(false);
	sqlite3_reset(vm);
	return got == rc && take_row(db, out, len);
}

/* Runs vm twice inside savepoint shardlite_rf with the triggers in place; the row both runs
 * failed on into out. Everything is rolled back; vm is left reset. */
static bool rerun(sqlite3 *db, sqlite3_stmt *vm, int rc, const char *table, char *out,
		  size_t len)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SAVEPOINT shardlite_rf; ");
	bool ok = put_triggers(db, table, &sb) &&
		  sqlite3_exec(db, sb.data, NULL, NULL, NULL) == SQLITE_OK;
	strbuf_fini(&sb);
	char second[PGERR_MSG_MAX];
	ok = ok && run_once(db, vm, rc, out, len) &&
	     run_once(db, vm, rc, second, sizeof(second)) && strcmp(out, second) == 0;
	(void)sqlite3_exec(db, "ROLLBACK TO shardlite_rf; RELEASE shardlite_rf", NULL, NULL, NULL);
	return ok;
}

/* The table of vm's program with root page root in schema db_index (0 main, 1 temp). */
static bool written_table(sqlite3 *db, int db_index, int root, char *out, size_t cap)
{
	sqlite3_stmt *q;
	const char *sql = db_index == 1 ? "SELECT name FROM temp.sqlite_schema WHERE type = "
					  "'table' AND rootpage = ?1"
					: "SELECT name FROM main.sqlite_schema WHERE type = 'table' "
					  "AND rootpage = ?1";
	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int(q, 1, root);
	bool found = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0);
	if (found)
		snprintf(out, cap, "%s", (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	return found;
}

/* An unnamed CHECK whose expression two constraints share (two tables' CHECK (price > 0), or
 * one table's on two columns), or a name two tables' CHECKs share, which shard_error could not
 * resolve: the tables vm's program writes (its OpenWrite opcodes, from EXPLAIN of its text)
 * say which table; of that table's matches PostgreSQL, checking in name order, names the
 * first. A write inside a trigger's program stays unresolved. */
static void resolve_check(sqlite3 *db, sqlite3_stmt *vm, struct pgerr *err)
{
	static const char pre[] = "new row violates check constraint \"";
	size_t n = strlen(err->message);
	if (strcmp(err->sqlstate, SQLSTATE_CHECK_VIOLATION) != 0 || err->table_name[0] ||
	    strncmp(err->message, pre, sizeof(pre) - 1) != 0 || err->message[n - 1] != '"')
		return;
	char *expr = strndup(err->message + sizeof(pre) - 1, n - sizeof(pre));
	char *explain = sqlite3_sql(vm) ? sqlite3_mprintf("EXPLAIN %s", sqlite3_sql(vm)) : NULL;
	sqlite3_stmt *ex = NULL, *q = NULL;
	bool ok = expr && explain &&
		  sqlite3_prepare_v2(db, explain, -1, &ex, NULL) == SQLITE_OK &&
		  sqlite3_prepare_v2(
			  db,
			  "SELECT c.conname FROM pg_constraint c JOIN pg_class r ON r.oid = "
			  "c.conrelid WHERE c.contype = 'c' AND shardlite_relname(r.oid) = ?2 AND "
			  "(c.conname = ?1 OR pg_get_constraintdef(c.oid) = 'CHECK (' || ?1 || ')') "
			  "ORDER BY c.conname LIMIT 1",
			  -1, &q, NULL) == SQLITE_OK;
	char table[PGERR_NAME_MAX];
	while (ok && sqlite3_step(ex) == SQLITE_ROW) {
		const char *op = (const char *)sqlite3_column_text(ex, 1);
		if (!op || strcmp(op, "OpenWrite") != 0 ||
		    !written_table(db, sqlite3_column_int(ex, 4), sqlite3_column_int(ex, 3), table,
				   sizeof(table)))
			continue;
		sqlite3_reset(q);
		sqlite3_bind_text(q, 1, expr, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, table, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0)) {
			char name[PGERR_NAME_MAX];
			snprintf(name, sizeof(name), "%s", (const char *)sqlite3_column_text(q, 0));
			shard_check_error(err, table, name);
			break;
		}
	}
	sqlite3_finalize(ex);
	sqlite3_finalize(q);
	sqlite3_free(explain);
	free(expr);
}

void shard_row_explain(sqlite3 *db, sqlite3_stmt *vm, int rc, struct pgerr *err)
{
	if (rc == SQLITE_CONSTRAINT_CHECK)
		resolve_check(db, vm, err);
	static const char nn[] = "null value in column ", ck[] = "new row for relation ";
	bool notnull = rc == SQLITE_CONSTRAINT_NOTNULL &&
		       strcmp(err->sqlstate, SQLSTATE_NOT_NULL_VIOLATION) == 0 &&
		       strncmp(err->message, nn, sizeof(nn) - 1) == 0;
	bool check = rc == SQLITE_CONSTRAINT_CHECK &&
		     strcmp(err->sqlstate, SQLSTATE_CHECK_VIOLATION) == 0 &&
		     strncmp(err->message, ck, sizeof(ck) - 1) == 0;
	if ((!notnull && !check) || !err->table_name[0] || err->detail[0])
		return;
	/* "Failing row contains " and "." around the row */
	char row[PGERR_MSG_MAX - 22];
	if (rerun(db, vm, rc, err->table_name, row, sizeof(row)))
		pgerr_detail(err, "Failing row contains %s.", row);
}
