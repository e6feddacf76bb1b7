/* SPDX-License-Identifier: Apache-2.0 */
/* shard_rowid.c: a table's plain integer primary key stored as SQLite's rowid, in rebuilds.
 * A smallint/integer/bigint column that alone is the key, without a DEFAULT, is declared
 * INTEGER PRIMARY KEY (one B-tree: a point lookup descends once, not the key's index and then
 * the table); its PostgreSQL type is its row of the column sidecar (docs/catalog.md).
 * CREATE TABLE makes it so (xlat_ddl.c). A rebuild (ADD PRIMARY KEY, DROP CONSTRAINT, ALTER
 * COLUMN ...) works on the plain text: the stored definition is unfolded, changed, and
 * folded again when the result qualifies, and the sidecar row follows. */
#include "shard_int.h"

#include "catalog.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void shard_rowid_key_fini(struct shard_rowid_key *k)
{
	free(k->column);
	free(k->decl);
	k->column = k->decl = NULL;
}

static bool sidecar_there(sqlite3 *db, bool temp)
{
	return sqlite3_table_column_metadata(db, temp ? "temp" : "main", "_shardlite_columns", NULL,
					     NULL, NULL, NULL, NULL, NULL) == SQLITE_OK;
}

/* The sidecar's type of table.column: a plain key's row, or the identity row ALTER COLUMN
 * ADD GENERATED AS IDENTITY wrote over it just before its rebuild unfolds the key. */
static char *sidecar_type(sqlite3 *db, bool temp, const char *table, const char *column)
{
	sqlite3_stmt *vm = NULL;
	char *r = NULL;
	if (!sidecar_there(db, temp) ||
	    sqlite3_prepare_v2(db,
			       temp ? "SELECT type FROM temp._shardlite_columns WHERE table_name = ?1 "
				      "COLLATE NOCASE AND column_name = ?2 COLLATE NOCASE"
				    : "SELECT type FROM main._shardlite_columns WHERE table_name = ?1 "
				      "COLLATE NOCASE AND column_name = ?2 COLLATE NOCASE",
			       -1, &vm, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(vm, 2, column, -1, SQLITE_STATIC);
	if (sqlite3_step(vm) == SQLITE_ROW && sqlite3_column_text(vm, 0))
		r = base_xstrdup((const char *)sqlite3_column_text(vm, 0));
	sqlite3_finalize(vm);
	return r;
}

/* The table's INTEGER PRIMARY KEY column, when it is the only key column (malloc'd). */
static char *integer_key(sqlite3 *db, bool temp, const char *table)
{
	sqlite3_stmt *vm = NULL;
	char *r = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT name, type, (SELECT count(*) FROM pragma_table_info(?1, ?2) "
			       "WHERE pk > 0) FROM pragma_table_info(?1, ?2) WHERE pk = 1",
			       -1, &vm, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(vm, 2, temp ? "temp" : "main", -1, SQLITE_STATIC);
	if (sqlite3_step(vm) == SQLITE_ROW && sqlite3_column_int(vm, 2) == 1 &&
	    sqlite3_column_text(vm, 1) &&
	    strcasecmp((const char *)sqlite3_column_text(vm, 1), "INTEGER") == 0)
		r = base_xstrdup((const char *)sqlite3_column_text(vm, 0));
	sqlite3_finalize(vm);
	return r;
}

char *shard_rowid_unfold(sqlite3 *db, const char *table, bool temp, const char *sql,
			 struct shard_rowid_key *k)
{
	k->column = k->decl = NULL;
	char *col = catalog_sql_autoincrement(sql) ? NULL : integer_key(db, temp, table);
	char *decl = col ? sidecar_type(db, temp, table, col) : NULL;
	char *plain = decl ? shard_coldef_unfold(sql, col, decl) : NULL;
	if (!plain) {
		free(col);
		free(decl);
		return base_xstrdup(sql);
	}
	k->column = col;
	k->decl = decl;
	return plain;
}

/* Whether table has a BEFORE row trigger on INSERT, which may fill in a NULL key (the trigger
 * sidecar's events are PostgreSQL's bits: 4 INSERT, 16 UPDATE, 256 STATEMENT). A BEFORE
 * UPDATE trigger sees the stored key, and a NULL it sets is refused by the write. */
static bool before_row_trigger(sqlite3 *db, const char *table)
{
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (sqlite3_table_column_metadata(db, "main", "_shardlite_triggers", NULL, NULL, NULL, NULL,
					  NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
			       "SELECT 1 FROM main._shardlite_triggers WHERE table_name = ?1 COLLATE "
			       "NOCASE AND timing = 'BEFORE' AND (events & 256) = 0 AND (events & "
			       "4) <> 0",
			       -1, &vm, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
	found = sqlite3_step(vm) == SQLITE_ROW;
	sqlite3_finalize(vm);
	return found;
}

char *shard_rowid_fold(sqlite3 *db, bool temp, const char *table, const char *def,
		       struct shard_rowid_key *k)
{
	k->column = k->decl = NULL;
	char *folded = temp || !sidecar_there(db, temp) || before_row_trigger(db, table)
			       ? NULL
			       : shard_coldef_fold(def, &k->column, &k->decl);
	return folded ? folded : base_xstrdup(def);
}

/* The first NULL of column in table aside: SQLite numbered it in the folded table. */
static bool has_null(sqlite3 *db, const char *aside, const char *column)
{
	struct strbuf sb;
	sqlite3_stmt *vm = NULL;
	bool found = false;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT 1 FROM ");
	strbuf_put_quoted(&sb, aside, '"');
	strbuf_puts(&sb, " WHERE ");
	strbuf_put_quoted(&sb, column, '"');
	strbuf_puts(&sb, " IS NULL LIMIT 1");
	if (!sb.failed && sqlite3_prepare_v2(db, sb.data, -1, &vm, NULL) == SQLITE_OK)
		found = sqlite3_step(vm) == SQLITE_ROW;
	sqlite3_finalize(vm);
	strbuf_fini(&sb);
	return found;
}

bool shard_rowid_settle(struct shard_conn *c, const char *table, const char *aside,
			const struct shard_rowid_key *was, const struct shard_rowid_key *now,
			struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	if (now->column && aside && has_null(db, aside, now->column))
		return pgerr_set(err, SQLSTATE_NOT_NULL_VIOLATION,
				 "column \"%s\" of relation \"%s\" contains null values",
				 now->column, table);
	sqlite3_stmt *vm = NULL;
	bool ok = true;
	if (was->column) {
		ok = sqlite3_prepare_v2(db,
					"DELETE FROM main._shardlite_columns WHERE table_name = ?1 "
					"COLLATE NOCASE AND column_name = ?2 COLLATE NOCASE AND "
					"identity = ''",
					-1, &vm, NULL) == SQLITE_OK;
		if (ok) {
			sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
			sqlite3_bind_text(vm, 2, was->column, -1, SQLITE_STATIC);
			ok = sqlite3_step(vm) == SQLITE_DONE;
		}
		sqlite3_finalize(vm);
		vm = NULL;
	}
	if (ok && now->column) {
		ok = sqlite3_prepare_v2(db,
					"INSERT OR REPLACE INTO main._shardlite_columns (table_name, "
					"column_name, type, identity) VALUES (?1, ?2, ?3, '')",
					-1, &vm, NULL) == SQLITE_OK;
		if (ok) {
			sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
			sqlite3_bind_text(vm, 2, now->column, -1, SQLITE_STATIC);
			sqlite3_bind_text(vm, 3, now->decl, -1, SQLITE_STATIC);
			ok = sqlite3_step(vm) == SQLITE_DONE;
		}
		sqlite3_finalize(vm);
	}
	return ok || shard_error(db, sqlite3_errcode(db), err);
}
