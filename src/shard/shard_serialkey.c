/* SPDX-License-Identifier: Apache-2.0 */
/* shard_serialkey.c: DROP CONSTRAINT of the primary key of a serial or identity column that is
 * the table's rowid (INTEGER PRIMARY KEY AUTOINCREMENT, its sequence the sqlite_sequence
 * row; a temporary table's in the temp schema). The rebuild makes the column what a serial that is not the key is: its PostgreSQL type,
 * NOT NULL, DEFAULT (nextval('t_c_seq')), its sequence a row of the sidecar that carries the
 * state on (catalog_serialkey.c) — the numbers given and those held ahead (shard_serial.c)
 * are not given again, and none is skipped. ADD PRIMARY KEY after keeps that form (a column
 * with a DEFAULT is no rowid key, shard_rowid.c): the sequence stays in the sidecar. */
#include "shard_int.h"

#include "xlat.h"

#include <stdlib.h>
#include <string.h>

/* The column sidecar's type of table.column (a serial key's PostgreSQL type); "bigint" when
 * there is none (a file made before the sidecar read its serial keys as bigint). */
static char *key_decl(sqlite3 *db, bool temp, const char *table, const char *column)
{
	sqlite3_stmt *vm = NULL;
	char *r = NULL;
	if (sqlite3_table_column_metadata(db, temp ? "temp" : "main", "_shardlite_columns", NULL,
					  NULL, NULL, NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db,
			       temp ? "SELECT type FROM temp._shardlite_columns WHERE table_name = "
				      "?1 COLLATE NOCASE AND column_name = ?2 COLLATE NOCASE"
				    : "SELECT type FROM main._shardlite_columns WHERE table_name = "
				      "?1 COLLATE NOCASE AND column_name = ?2 COLLATE NOCASE",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 2, column, -1, SQLITE_STATIC);
		if (sqlite3_step(vm) == SQLITE_ROW && sqlite3_column_text(vm, 0))
			r = base_xstrdup((const char *)sqlite3_column_text(vm, 0));
	}
	sqlite3_finalize(vm);
	return r ? r : base_xstrdup("bigint");
}

/* The sequence sidecar of the table's schema made when missing, then
 * shardlite_serial_unkeyed(table, column, temp): the sequence moved there, its name
 * (malloc'd); NULL with err. */
static char *unkeyed(struct shard_conn *c, bool temp, const char *table, const char *column,
		     struct pgerr *err)
{
	char *ddl = xlat_sidecar_sequences_sql(temp);
	if (!ddl) {
		pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
		return NULL;
	}
	bool made = shard_exec(c, ddl, err);
	free(ddl);
	if (!made)
		return NULL;
	sqlite3_stmt *vm = NULL;
	char *r = NULL;
	int rc = sqlite3_prepare_v2(c->db, "SELECT shardlite_serial_unkeyed(?1, ?2, ?3)", -1, &vm,
				    NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 2, column, -1, SQLITE_STATIC);
		sqlite3_bind_int(vm, 3, temp);
		rc = sqlite3_step(vm);
		if (rc == SQLITE_ROW && sqlite3_column_text(vm, 0))
			r = base_xstrdup((const char *)sqlite3_column_text(vm, 0));
		else if (rc == SQLITE_ROW)
			pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				  "the sequence of column \"%s\" of table \"%s\" cannot be found",
				  column, table);
	}
	if (!r && !pgerr_is_set(err))
		shard_error(c->db, rc == SQLITE_ROW ? SQLITE_ERROR : rc, err);
	sqlite3_finalize(vm);
	return r;
}

/* One edit of column in def (shard_coldef_edit); def is freed. */
static char *edit(char *def, struct shard_rebuild *rb, struct pgerr *err)
{
	char *r = def ? shard_coldef_edit(def, rb, err) : NULL;
	free(def);
	return r;
}

char *shard_serialkey_drop(struct shard_conn *c, const struct shard_rebuild *rb, const char *old,
			   const struct shard_drop_target *d, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	bool temp = shard_table_is_temp(db, rb->table);
	if (d->ncols != 1) { /* an AUTOINCREMENT key has one column */
		pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			  "the definition of table \"%s\" cannot be rebuilt", rb->table);
		return NULL;
	}
	const char *column = d->cols[0];
	char *decl = key_decl(db, temp, rb->table, column);
	char *seq = unkeyed(c, temp, rb->table, column, err);
	char *def = seq ? shard_coldef_drop(old, d, err) : NULL;
	char *dflt = seq ? sqlite3_mprintf("DEFAULT (nextval(%Q))", seq) : NULL;
	struct shard_rebuild type = {
		.kind = SHARD_RB_ALTER_TYPE, .table = rb->table, .column = column, .decl = decl};
	struct shard_rebuild nn = {
		.kind = SHARD_RB_NOT_NULL, .table = rb->table, .column = column, .not_null = true};
	struct shard_rebuild df = {.kind = SHARD_RB_SET_DEFAULT,
				   .table = rb->table,
				   .column = column,
				   .constraint = dflt};
	def = edit(edit(edit(def, &type, err), &nn, err), &df, err);
	if (def && !temp) /* the numbers held for the key go with the sequence */
		shard_serial_rebuilt(c, rb->table);
	sqlite3_free(dflt);
	free(seq);
	free(decl);
	return def;
}
