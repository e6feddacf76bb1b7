/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_serialkey.c: a serial or identity key that stops being the table's rowid (DROP
 * CONSTRAINT of its primary key, shard_serialkey.c). Its implicit sequence, whose state was the
 * table's sqlite_sequence row, becomes a row of the sequence sidecar owned by the column, as a
 * serial that is not the key has, carrying the state on: the last number given (the numbers
 * the shard holds ahead included) and whether one was. */
#include "catalog_int.h"

#include "pgfn.h"
#include "pgtype.h"

#include <string.h>

#define CTX_CONN(ctx) ((struct cat_conn *)sqlite3_user_data(ctx))

/* The implicit sequence of table.column (of the temp schema when temp), NULL when none. */
static const struct cat_seq *implicit_of(const struct cat_model *m, bool temp, const char *table,
					 const char *column)
{
	for (size_t i = 0; i < m->nseqs; i++) {
		const struct cat_seq *q = m->seqs[i];
		if (q->implicit && q->rel->temp == temp && q->owner_table && q->owner_col &&
		    strcmp(q->owner_table, table) == 0 && strcmp(q->owner_col, column) == 0)
			return q;
	}
	return NULL;
}

static const char *seq_type(uint32_t oid)
{
	return oid == PGTYPE_INT2 ? "smallint" : oid == PGTYPE_INT4 ? "integer" : "bigint";
}

/* Runs sql with ?1..?2 bound to a and b; false with the error raised on ctx. */
static bool exec2(sqlite3_context *ctx, const char *sql, const char *a, const char *b)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st = NULL;
	int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
	return rc == SQLITE_OK;
}

/* The sidecar row of sequence q (name, type, options, state, owner). */
static bool insert_row(sqlite3_context *ctx, const struct cat_seq *q, int64_t last, bool called)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	if (!q->rel->temp)
		cat_seq_ddl(sqlite3_user_data(ctx), q->name);
	sqlite3_stmt *st = NULL;
	char *sql = sqlite3_mprintf("INSERT INTO %s" CAT_SIDECAR_SEQUENCES
				    " (name, type, start, increment, min, max, cache, cycle, "
				    "last_value, is_called, owner_table, owner_column) VALUES (?1, "
				    "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
				    cat_sidecar_schema(q->rel->temp));
	int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, q->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, seq_type(q->typoid), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, q->start);
		sqlite3_bind_int64(st, 4, q->inc);
		sqlite3_bind_int64(st, 5, q->min);
		sqlite3_bind_int64(st, 6, q->max);
		sqlite3_bind_int64(st, 7, q->cache);
		sqlite3_bind_int(st, 8, q->cycle);
		sqlite3_bind_int64(st, 9, last);
		sqlite3_bind_int(st, 10, called);
		sqlite3_bind_text(st, 11, q->owner_table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 12, q->owner_col, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT)
		pgfn_error(ctx, "42P07", "relation \"%s\" already exists", q->name);
	else if (rc != SQLITE_OK)
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
	return rc == SQLITE_OK;
}

/* shardlite_serial_unkeyed(table, column, temp): before the rebuild that makes table.column,
 * its serial or identity rowid key, a plain column: its sequence moves to the sidecar of the
 * table's schema (which the caller made) with its state; a serial's type row of the column
 * sidecar goes (an identity column keeps its kind there), as does its stored sequence name.
 * Answers the sequence's name, NULL when the column has no implicit sequence. */
static void fn_serial_unkeyed(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	const char *column = (const char *)sqlite3_value_text(argv[1]);
	bool temp = sqlite3_value_int(argv[2]) != 0;
	const struct cat_model *m = table && column ? cat_fn_model(ctx) : NULL;
	const struct cat_seq *q = m ? implicit_of(m, temp, table, column) : NULL;
	const struct cat_rel *t = q ? cat_model_rel_in(m, table, temp) : NULL;
	if (!t) {
		sqlite3_result_null(ctx);
		return;
	}
	int64_t last = 1;
	bool called = false;
	if (!cat_seq_state(CTX_CONN(ctx), q, &last, &called, NULL)) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "the state of sequence \"%s\" cannot be read", q->name);
		return;
	}
	bool identity = q->owner_attnum > 0 && t->cols[q->owner_attnum - 1].identity;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	char *name = sqlite3_mprintf("%s", q->name); /* q: gone once the model reloads */
	char *del = sqlite3_mprintf("DELETE FROM %s" CAT_SIDECAR_COLUMNS
				    " WHERE table_name = ?1 AND column_name = ?2",
				    cat_sidecar_schema(temp));
	bool ok = name && insert_row(ctx, q, last, called) &&
		  (identity || !cat_sidecar_in(db, temp, CAT_SIDECAR_COLUMNS) ||
		   exec2(ctx, del, table, column)) &&
		  cat_seqname_forget(ctx, temp, table, column);
	sqlite3_free(del);
	/* the model read above predates these writes */
	CTX_CONN(ctx)->schema_version = -1;
	if (ok)
		sqlite3_result_text(ctx, name, -1, sqlite3_free);
	else
		sqlite3_free(name);
}

bool cat_serialkey_register(sqlite3 *db, struct cat_conn *cc)
{
	return sqlite3_create_function_v2(db, "shardlite_serial_unkeyed", 3,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_serial_unkeyed,
					  NULL, NULL, NULL) == SQLITE_OK;
}
