/* SPDX-License-Identifier: Apache-2.0 */
/* sess_script.c: PostgreSQL statements the session carries out as several SQLite steps —
 * scripts (DROP TABLE a, b; TRUNCATE a, b; VACUUM/ANALYZE of several tables), run atomically
 * with tables that reference others handled first, and table rebuilds (ALTER TABLE ... ADD
 * PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK) done by the shard module. */
#include "session_int.h"

#include <string.h>

/* Several SQLite statements for one PostgreSQL statement run atomically: inside a savepoint
 * (which also opens and commits a transaction when none is open), with foreign keys checked
 * once all of them have run, as PostgreSQL checks one statement (DROP TABLE parent, child). */
static bool run_script(struct session *s, const char *sql, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	struct pgerr ignored;
	int before = 0, after = 0, hi;
	if (!shard_exec(s->conn, "SAVEPOINT shardlite_stmt", err))
		return false;
	sqlite3_db_status(db, SQLITE_DBSTATUS_DEFERRED_FKS, &before, &hi, 0);
	bool ok = shard_exec(s->conn, "PRAGMA defer_foreign_keys = ON", err) &&
		  shard_exec(s->conn, sql, err);
	sqlite3_db_status(db, SQLITE_DBSTATUS_DEFERRED_FKS, &after, &hi, 0);
	(void)!shard_exec(s->conn, "PRAGMA defer_foreign_keys = OFF", &ignored);
	if (ok && after && !before)
		ok = pgerr_set(err, SQLSTATE_FOREIGN_KEY_VIOLATION,
			       "insert, update or delete violates a foreign key constraint");
	if (!ok)
		(void)!shard_exec(s->conn, "ROLLBACK TO shardlite_stmt", &ignored);
	if (!shard_exec(s->conn, "RELEASE shardlite_stmt", ok ? err : &ignored))
		ok = false;
	return ok;
}

/* Whether table `child` has a foreign key to table `parent`. */
static bool references(sqlite3 *db, const char *child, const char *parent)
{
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(db,
			       "SELECT 1 FROM pragma_foreign_key_list(?1) WHERE \"table\" = ?2 "
			       "COLLATE NOCASE",
			       -1, &vm, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(vm, 1, child, -1, SQLITE_STATIC);
	sqlite3_bind_text(vm, 2, parent, -1, SQLITE_STATIC);
	found = sqlite3_step(vm) == SQLITE_ROW;
	sqlite3_finalize(vm);
	return found;
}

/* A DROP TABLE or TRUNCATE script with the tables that others reference handled after those
 * others: SQLite checks the rows of a parent dropped or emptied while its children still have
 * rows, one by one. */
static const char *script_order(struct session *s, const struct xlat_stmt *x)
{
	if (!x->nparts || !x->part_tables[0])
		return x->sql;
	sqlite3 *db = shard_conn_db(s->conn);
	size_t n = x->nparts;
	bool *done = arena_zalloc(s->msg_arena, n);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t k = 0; k < n; k++) {
		size_t pick = n;
		for (size_t i = 0; i < n && pick == n; i++) {
			bool referenced = false;
			for (size_t j = 0; !done[i] && j < n && !referenced; j++)
				referenced = j != i && !done[j] &&
					     references(db, x->part_tables[j], x->part_tables[i]);
			if (!done[i] && !referenced)
				pick = i;
		}
		for (size_t i = 0; pick == n && i < n; i++) /* a cycle: as written */
			if (!done[i])
				pick = i;
		done[pick] = true;
		strbuf_printf(&sb, "%s%s", k ? "; " : "", x->parts[pick]);
	}
	const char *r = sb.failed ? x->sql : arena_strdup(s->msg_arena, sb.data);
	strbuf_fini(&sb);
	return r;
}

/* SET DEFAULT: the DEFAULT clause for the column's declared type, which only the tenant's
 * schema knows (42P01/42703 when there is no such table or column). */
static const char *default_clause(struct session *s, const struct xlat_rebuild *r,
				  struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = NULL;
	const char *decl = NULL, *clause = NULL;
	bool table = false;
	if (sqlite3_prepare_v2(db,
			       "SELECT name, type FROM pragma_table_xinfo(?1) WHERE hidden = 0", -1,
			       &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, r->table, -1, SQLITE_STATIC);
		while (sqlite3_step(vm) == SQLITE_ROW) {
			table = true;
			if (!decl && sqlite3_stricmp((const char *)sqlite3_column_text(vm, 0),
						     r->column) == 0)
				decl = arena_strdup(s->msg_arena,
						    (const char *)sqlite3_column_text(vm, 1));
		}
	}
	sqlite3_finalize(vm);
	if (!table)
		pgerr_set(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
			  r->table);
	else if (!decl)
		pgerr_set(err, SQLSTATE_UNDEFINED_COLUMN,
			  "column \"%s\" of relation \"%s\" does not exist", r->column, r->table);
	else if (!xlat_column_default(decl, r->default_pg, s->msg_arena, &clause, err))
		clause = NULL;
	return clause;
}

bool sess_run_rebuild(struct session *s, const struct xlat_rebuild *r, struct pgerr *err)
{
	const char *constraint = r->constraint;
	if (r->kind == XLAT_RB_SET_DEFAULT && r->default_pg &&
	    !(constraint = default_clause(s, r, err)))
		return false;
	struct shard_rebuild rb = {.kind = (enum shard_rebuild_kind)r->kind,
				   .table = r->table,
				   .constraint = constraint,
				   .name = r->name,
				   .keys = r->keys,
				   .nkeys = r->nkeys,
				   .primary = r->primary,
				   .ref_table = r->ref_table,
				   .ref_keys = r->ref_keys,
				   .nref_keys = r->nref_keys,
				   .column = r->column,
				   .decl = r->decl,
				   .convert = r->convert,
				   .missing_ok = r->missing_ok,
				   .not_null = r->not_null};
	return shard_table_rebuild(s->conn, &rb, err);
}

bool sess_run_script(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	return run_script(s, script_order(s, x), err);
}
