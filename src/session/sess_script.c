/* SPDX-License-Identifier: Apache-2.0 */
/* sess_script.c: PostgreSQL statements the session carries out as several SQLite steps —
 * scripts (DROP TABLE a, b; TRUNCATE a, b; VACUUM/ANALYZE of several tables), run atomically
 * with tables that reference others handled first, and table rebuilds (ALTER TABLE ... ADD
 * PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK) done by the shard module. */
#include "session_int.h"

#include <stdio.h>
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
	/* SET CONSTRAINTS may have deferred the keys for the transaction (sess_trgdefer.c) */
	sqlite3_stmt *st = NULL;
	bool deferred = sqlite3_prepare_v2(db, "PRAGMA defer_foreign_keys", -1, &st, NULL) ==
				SQLITE_OK &&
			sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_db_status(db, SQLITE_DBSTATUS_DEFERRED_FKS, &before, &hi, 0);
	bool ok = shard_exec(s->conn, "PRAGMA defer_foreign_keys = ON", err) &&
		  shard_exec(s->conn, sql, err);
	sqlite3_db_status(db, SQLITE_DBSTATUS_DEFERRED_FKS, &after, &hi, 0);
	if (!deferred)
		(void)!shard_exec(s->conn, "PRAGMA defer_foreign_keys = OFF", &ignored);
	if (ok && after && !before)
		ok = pgerr_set(err, SQLSTATE_FOREIGN_KEY_VIOLATION,
			       "insert, update or delete violates a foreign key constraint");
	if (!ok) {
		(void)!shard_exec(s->conn, "ROLLBACK TO shardlite_stmt", &ignored);
		/* no rollback hook for a savepoint: a model read after the script's DDL is gone */
		catalog_rolled_back(shard_conn_catalog(s->conn));
		/* a CREATE UNIQUE INDEX after its checks (USING, INCLUDE): over rows that break it */
		const char *made = strstr(sql, "CREATE UNIQUE INDEX ");
		if (made)
			(void)shard_unique_index_explain(db, made, err);
	}
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
 * rows, one by one. parts[i] drops or empties tables[i]. */
static const char *script_order(struct session *s, const char *const *parts,
				const char *const *tables, size_t n)
{
	sqlite3 *db = shard_conn_db(s->conn);
	bool *done = arena_zalloc(s->msg_arena, n);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t k = 0; k < n; k++) {
		size_t pick = n;
		for (size_t i = 0; i < n && pick == n; i++) {
			bool referenced = false;
			for (size_t j = 0; !done[i] && j < n && !referenced; j++)
				referenced = j != i && !done[j] &&
					     references(db, tables[j], tables[i]);
			if (!done[i] && !referenced)
				pick = i;
		}
		for (size_t i = 0; pick == n && i < n; i++) /* a cycle: as written */
			if (!done[i])
				pick = i;
		done[pick] = true;
		strbuf_printf(&sb, "%s%s", k ? "; " : "", parts[pick]);
	}
	const char *r = sb.failed ? NULL : arena_strdup(s->msg_arena, sb.data);
	strbuf_fini(&sb);
	return r;
}

/* ---- TRUNCATE: the tables whose foreign keys reference the emptied ones ----
 *
 * PostgreSQL refuses to empty a table another table's foreign key references unless that
 * table is emptied too (RESTRICT), or empties it as well (CASCADE), whether or not any row
 * refers. SQLite's DELETE would instead run the keys' ON DELETE actions on the other table,
 * or fail only when a row refers. */

struct truncation {
	const char **parts, **tables, **schemas;
	size_t n, cap;
};

static void truncation_add(struct session *s, struct truncation *t, const char *part,
			   const char *table, const char *schema)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 8;
		const char ***arrays[] = {&t->parts, &t->tables, &t->schemas};
		for (size_t i = 0; i < ARRAY_LEN(arrays); i++) {
			const char **grown = arena_zalloc(s->msg_arena, cap * sizeof(char *));
			if (t->n)
				memcpy(grown, *arrays[i], t->n * sizeof(char *));
			*arrays[i] = grown;
		}
		t->cap = cap;
	}
	t->parts[t->n] = part;
	t->tables[t->n] = table;
	t->schemas[t->n++] = schema;
}

static bool truncation_has(const struct truncation *t, const char *table, const char *schema)
{
	for (size_t i = 0; i < t->n; i++)
		if (sqlite3_stricmp(t->tables[i], table) == 0 && strcmp(t->schemas[i], schema) == 0)
			return true;
	return false;
}

/* The parent of partition name in schema (the quoted name after CATALOG_PARTITION_MARK in
 * its view's stored text), in the message arena; NULL when name is no partition. */
static const char *partition_parent(struct session *s, const char *schema, const char *name)
{
	sqlite3 *db = shard_conn_db(s->conn);
	char *sql = sqlite3_mprintf("SELECT sql FROM \"%w\".sqlite_schema WHERE type = 'view' "
				    "AND name = ?1 COLLATE NOCASE",
				    schema);
	sqlite3_stmt *vm = NULL;
	const char *parent = NULL;
	if (sql && sqlite3_prepare_v2(db, sql, -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		const char *text = sqlite3_step(vm) == SQLITE_ROW
					   ? (const char *)sqlite3_column_text(vm, 0)
					   : NULL;
		const char *at = text ? strstr(text, CATALOG_PARTITION_MARK) : NULL;
		at = at ? at + strlen(CATALOG_PARTITION_MARK) : NULL;
		if (at && *at == '"') {
			struct strbuf sb;
			strbuf_init(&sb, 0);
			for (at++; *at && !(at[0] == '"' && at[1] != '"'); at++) {
				if (*at == '"')
					at++; /* "" in a quoted identifier */
				strbuf_putc(&sb, *at);
			}
			if (*at == '"' && !sb.failed && sb.data)
				parent = arena_strdup(s->msg_arena, sb.data);
			strbuf_fini(&sb);
		}
	}
	sqlite3_finalize(vm);
	sqlite3_free(sql);
	return parent;
}

/* referencing()'s step for the keys to table target (t's entry i or a table above it). */
static bool referencing_one(struct session *s, const struct xlat_stmt *x, struct truncation *t,
			    size_t i, const char *target, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	const char *schema = t->schemas[i];
	char *sql = sqlite3_mprintf("SELECT DISTINCT s.name FROM \"%w\".sqlite_schema AS s, "
				    "pragma_foreign_key_list(s.name, %Q) AS f WHERE s.type = "
				    "'table' AND f.\"table\" = ?1 COLLATE NOCASE",
				    schema, schema);
	sqlite3_stmt *vm = NULL;
	bool ok = true;
	if (!sql || sqlite3_prepare_v2(db, sql, -1, &vm, NULL) != SQLITE_OK)
		ok = pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "%s", sqlite3_errmsg(db));
	sqlite3_free(sql);
	sqlite3_bind_text(vm, 1, target, -1, SQLITE_STATIC);
	while (ok && sqlite3_step(vm) == SQLITE_ROW) {
		const char *child = (const char *)sqlite3_column_text(vm, 0);
		if (!child || truncation_has(t, child, schema))
			continue;
		if (x->truncate != 'c') {
			ok = pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				       "cannot truncate a table referenced in a foreign key constraint");
			pgerr_detail(err, "Table \"%s\" references \"%s\".", child, t->tables[i]);
			pgerr_hint(err, "Truncate table \"%s\" at the same time, or use TRUNCATE ... "
					"CASCADE.", child);
			break;
		}
		char msg[PGERR_MSG_MAX];
		snprintf(msg, sizeof(msg), "truncate cascades to table \"%s\"",
			 sess_nsp_shown(s, child, NULL));
		if (sess_notice_wanted(s, "notice"))
			pgw_be_notice(&s->out, "NOTICE", SQLSTATE_SUCCESS, msg);
		char *part = x->truncate_restart
				     ? sqlite3_mprintf("DELETE FROM \"%w\".\"%w\"; SELECT "
						       "shardlite_seq_restart(%Q)",
						       schema, child, child)
				     : sqlite3_mprintf("DELETE FROM \"%w\".\"%w\"", schema, child);
		truncation_add(s, t, arena_strdup(s->msg_arena, part ? part : ""),
			       arena_strdup(s->msg_arena, child), schema);
		sqlite3_free(part);
	}
	sqlite3_finalize(vm);
	return ok;
}

/* Adds to t the tables of entry i's schema whose foreign keys reference it (CASCADE), with
 * PostgreSQL's NOTICE for each, or fails on the first one not in t (RESTRICT). A key to a
 * partitioned table is SQLite's key to the table that holds every partition's rows: a
 * partition's references are those of the tables above it, as PostgreSQL's keys to a
 * partitioned table reach each partition. */
static bool referencing(struct session *s, const struct xlat_stmt *x, struct truncation *t,
			size_t i, struct pgerr *err)
{
	bool ok = true;
	const char *target = t->tables[i];
	for (int depth = 0; ok && target && depth < 64; depth++) {
		ok = referencing_one(s, x, t, i, target, err);
		target = partition_parent(s, t->schemas[i], target);
	}
	return ok;
}

/* Inside a transaction, takes the write lock before the keys are read: a read would start
 * the transaction's snapshot, and another connection's commit before the DELETEs would then
 * fail them (SQLITE_BUSY_SNAPSHOT, 40001) where a waiting writer succeeds. A DELETE that
 * matches no row takes the lock, or fails busy for the session to wait and run again. */
static bool write_lock(struct session *s, const char *schema, const char *table,
		       struct pgerr *err)
{
	char *sql = sqlite3_mprintf("DELETE FROM \"%w\".\"%w\" WHERE 0", schema, table);
	bool ok = sql ? shard_exec(s->conn, sql, err)
		      : pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	sqlite3_free(sql);
	return ok;
}

/* TRUNCATE's script: the tables named, then (CASCADE) those that reference them, in turn. */
static const char *truncate_script(struct session *s, const struct xlat_stmt *x,
				   struct pgerr *err)
{
	struct truncation t = {0};
	for (size_t i = 0; i < x->nparts; i++) {
		const char *schema = x->part_schemas[i] ? x->part_schemas[i]
							: sess_table_schema(s, x->part_tables[i]);
		truncation_add(s, &t, x->parts[i], x->part_tables[i], schema);
	}
	/* a partition is a view (its part shardlite_partition_remove): its rows, and the lock,
	 * are the table's at the top; the view's text was read to translate it */
	const char *locked = t.tables[0];
	if (strstr(t.parts[0], "shardlite_partition_remove("))
		for (const char *up = locked; up; up = partition_parent(s, t.schemas[0], up))
			locked = up;
	if (s->txn != SESS_TXN_IDLE && !write_lock(s, t.schemas[0], locked, err))
		return NULL;
	for (size_t i = 0; i < t.n; i++) /* t grows behind i under CASCADE */
		if (!referencing(s, x, &t, i, err))
			return NULL;
	return script_order(s, t.parts, t.tables, t.n);
}

static bool run_parts(struct session *s, const struct xlat_stmt *x, struct pgerr *err);

bool sess_run_script(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	if (!x->quiet_rows)
		return run_parts(s, x, err);
	/* a partition's rows moved by DDL: PostgreSQL fires no row trigger */
	sess_udf_state(s)->trg_quiet++;
	bool ok = run_parts(s, x, err);
	s->udf->trg_quiet--;
	return ok;
}

static bool run_parts(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	const char *sql = x->sql;
	if (x->truncate && x->part_schemas) {
		if (!sess_schema_attach(s, x, err)) /* another tenant's tables (beta.t) */
			return false;
		sql = truncate_script(s, x, err);
		if (!sql && !pgerr_is_set(err))
			pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
		if (!sql)
			return false;
		/* its DELETEs fire no row triggers: PostgreSQL's TRUNCATE fires ON TRUNCATE ones */
		if (!sess_trigger_truncate(s, x, true, err))
			return false;
		sess_udf_state(s)->trg_quiet++;
		bool ok = run_script(s, sql, err);
		s->udf->trg_quiet--;
		return ok && sess_trigger_truncate(s, x, false, err);
	} else if (x->nparts && x->part_tables[0]) {
		sql = script_order(s, x->parts, x->part_tables, x->nparts);
		sql = sql ? sql : x->sql;
	}
	return run_script(s, sql, err);
}
