/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_seqname.c: the name of a serial key's implicit sequence. PostgreSQL names it
 * table_column_seq when the column is made and keeps that name when the table or the column is
 * renamed, until the sequence itself is renamed (ALTER SEQUENCE/TABLE ... RENAME TO). The
 * implicit sequence is named table_column_seq while the sidecar _shardlite_serials has no row
 * for its column, and by that row's name otherwise (docs/catalog.md); shardlite_renamed and
 * shardlite_seq_rename write the rows, shardlite_forget removes them. */
#include "catalog_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SERIALS_DDL                                                                        \
	"CREATE TABLE IF NOT EXISTS %s" CAT_SIDECAR_SERIALS " (table_name TEXT NOT NULL, " \
	"column_name TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (table_name, column_name))"

const char *cat_seqname_stored(sqlite3 *db, struct arena *a, bool temp, const char *table,
			       const char *column)
{
	if (!cat_sidecar_in(db, temp, CAT_SIDECAR_SERIALS))
		return NULL;
	char *sql = sqlite3_mprintf("SELECT name FROM %s" CAT_SIDECAR_SERIALS
				    " WHERE table_name = ?1 AND column_name = ?2",
				    cat_sidecar_schema(temp));
	sqlite3_stmt *st = NULL;
	const char *name = NULL;
	if (sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			name = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return name;
}

/* Runs fmt (each %s the schema prefix, at most two) with ?1..?3 bound; false with the error raised. */
static bool run(sqlite3_context *ctx, const char *fmt, bool temp, const char *p1, const char *p2,
		const char *p3)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	/* fmt may name the schema twice; a format naming it once ignores the second */
	char *sql = sqlite3_mprintf(fmt, cat_sidecar_schema(temp), cat_sidecar_schema(temp));
	sqlite3_stmt *st = NULL;
	int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	const char *p[] = {p1, p2, p3};
	for (int i = 0; rc == SQLITE_OK && i < 3; i++) {
		if (p[i])
			sqlite3_bind_text(st, i + 1, p[i], -1, SQLITE_STATIC);
	}
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
	return rc == SQLITE_OK;
}

/* Stores name as the sequence of table.column (a new rowid each time: the model's freshness
 * key sees it, docs/catalog.md). */
static bool store(sqlite3_context *ctx, bool temp, const char *table, const char *column,
		  const char *name)
{
	bool ok = run(ctx, SERIALS_DDL, temp, NULL, NULL, NULL) &&
		  run(ctx,
		      "INSERT OR REPLACE INTO %s" CAT_SIDECAR_SERIALS
		      " (rowid, table_name, column_name, name) VALUES ((SELECT ifnull(max(rowid), "
		      "0) + 1 FROM %s" CAT_SIDECAR_SERIALS "), ?1, ?2, ?3)",
		      temp, table, column, name);
	/* a model read during this statement would not have the row */
	((struct cat_conn *)sqlite3_user_data(ctx))->schema_version = -1;
	return ok;
}

/* The implicit sequence of table's serial (rowid alias) column, NULL when it has none. */
static const struct cat_seq *serial_of(const struct cat_model *m, const char *table)
{
	for (size_t i = 0; m && i < m->nseqs; i++) {
		const struct cat_seq *q = m->seqs[i];
		if (q->implicit && q->owner_table && strcmp(q->owner_table, table) == 0)
			return q;
	}
	return NULL;
}

bool cat_seqname_renamed(sqlite3_context *ctx, const struct cat_model *m, const char *t,
			 const char *c, const char *to, bool temp)
{
	/* m is read after the rename: the serial column is found under its new names, and the
	 * sequence's old name is the stored one, else table_column_seq of the old names */
	const struct cat_seq *q = serial_of(m, c ? t : to);
	if (!q || (c && strcmp(q->owner_col, to) != 0))
		return true;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	struct arena *a = arena_new(0);
	const char *old_col = c ? c : q->owner_col;
	const char *name = cat_seqname_stored(db, a, temp, t, old_col);
	if (!name)
		name = arena_printf(a, "%s_%s_seq", t, old_col);
	const char *column = arena_strdup(a, q->owner_col); /* q: gone once the model reloads */
	bool ok = cat_seqname_forget(ctx, temp, t, old_col) &&
		  store(ctx, temp, c ? t : to, column, name);
	arena_free(a);
	return ok;
}

bool cat_seqname_forget(sqlite3_context *ctx, bool temp, const char *table, const char *column)
{
	if (!cat_sidecar_in(sqlite3_context_db_handle(ctx), temp, CAT_SIDECAR_SERIALS))
		return true;
	return column ? run(ctx,
			    "DELETE FROM %s" CAT_SIDECAR_SERIALS
			    " WHERE table_name = ?1 AND column_name = ?2",
			    temp, table, column, NULL)
		      : run(ctx, "DELETE FROM %s" CAT_SIDECAR_SERIALS " WHERE table_name = ?1",
			    temp, table, NULL, NULL);
}

/* shardlite_seq_rename(name, to): ALTER SEQUENCE/TABLE name RENAME TO to of a sequence (the
 * caller checked that name is one and that no relation is named to). A CREATE SEQUENCE's row
 * and its comment take the new name; a serial key's sequence gets its name stored. */
static void fn_seq_rename(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *to = (const char *)sqlite3_value_text(argv[1]);
	const struct cat_model *m = name && to ? cat_fn_model(ctx) : NULL;
	if (!m)
		return;
	sqlite3_result_null(ctx);
	const struct cat_seq *q = cat_model_seq(m, name);
	if (!q) {
		pgfn_error(ctx, "42P01", "relation \"%s\" does not exist", name);
		return;
	}
	bool temp = q->rel->temp;
	/* copies: the model may be read again by the statements below */
	char *table = q->owner_table ? strdup(q->owner_table) : NULL;
	char *col = q->owner_col ? strdup(q->owner_col) : NULL;
	if (!temp && !q->implicit) { /* both names' rows change in this transaction */
		cat_seq_ddl(sqlite3_user_data(ctx), name);
		cat_seq_ddl(sqlite3_user_data(ctx), to);
	}
	bool ok = q->implicit ? table && col && store(ctx, temp, table, col, to)
			      : run(ctx,
				    /* a new rowid: the model's freshness key sees the change */
				    "UPDATE %s" CAT_SIDECAR_SEQUENCES " SET rowid = (SELECT "
				    "max(rowid) + 1 FROM %s" CAT_SIDECAR_SEQUENCES "), name = ?2 "
				    "WHERE name = ?1",
				    temp, name, to, NULL);
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	if (ok && cat_sidecar_in(db, temp, CAT_SIDECAR_COMMENTS))
		(void)run(ctx,
			  "UPDATE %s" CAT_SIDECAR_COMMENTS " SET name = ?2 WHERE name = ?1 AND "
			  "kind = 'sequence'",
			  temp, name, to, NULL);
	free(table);
	free(col);
}

bool cat_seqname_register(sqlite3 *db, struct cat_conn *cc)
{
	return sqlite3_create_function_v2(db, "shardlite_seq_rename", 2,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_seq_rename, NULL,
					  NULL, NULL) == SQLITE_OK;
}
