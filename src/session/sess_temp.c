/* SPDX-License-Identifier: Apache-2.0 */
/* sess_temp.c: the session's temporary tables. They live in the temp schema of the SQLite
 * connection the session borrowed, so that connection stays with the session (pinned, see
 * sess_conn.c) until they are gone: dropped by DISCARD TEMP / DISCARD ALL, by the session's
 * end (a connection goes back to the pool without any), or by the client itself. This file
 * keeps the ON COMMIT DELETE ROWS / ON COMMIT DROP tables and acts on them at each commit,
 * which PostgreSQL does inside the committing transaction. */
#include "session_int.h"

#include <stdlib.h>
#include <string.h>

/* One ON COMMIT table; its name is in the same allocation. */
struct sess_temp {
	struct sess_temp *next;
	char action; /* 'd': DELETE ROWS, 'D': DROP */
	char name[];
};

static void forget(struct sess_temp **at)
{
	struct sess_temp *t = *at;
	*at = t->next;
	free(t);
}

void sess_temp_free(struct session *s)
{
	while (s->temps)
		forget(&s->temps);
}

bool sess_temp_relation(void *arg, const char *name)
{
	struct session *s = arg;
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (!s->conn || !shard_conn_pinned(s->conn))
		return false;
	sqlite3 *db = shard_conn_db(s->conn);
	if (sqlite3_prepare_v2(db,
			       "SELECT 1 FROM temp.sqlite_schema WHERE type IN ('table', 'view', "
			       "'index') AND name = ?1",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm);
	vm = NULL;
	/* a temporary sequence (CREATE TEMP SEQUENCE) is a row of the temp schema's sidecar */
	if (!found &&
	    sqlite3_table_column_metadata(db, "temp", "_shardlite_sequences", NULL, NULL, NULL,
					  NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT 1 FROM temp._shardlite_sequences WHERE name = ?1", -1,
			       &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm);
	return found;
}

bool sess_temp_file_relation(void *arg, const char *name)
{
	struct session *s = arg;
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (!s->conn)
		return false;
	sqlite3 *db = shard_conn_db(s->conn);
	if (sqlite3_prepare_v2(
		    db,
		    "SELECT 1 FROM main.sqlite_schema WHERE type IN ('table', 'view') AND "
		    "name = ?1",
		    -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm);
	vm = NULL;
	/* a sequence is a sidecar row (absent when the tenant never made one) */
	if (!found &&
	    sqlite3_prepare_v2(db, "SELECT 1 FROM main._shardlite_sequences WHERE name = ?1", -1,
			       &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm);
	return found;
}

/* Whether the temp schema still has table name (a rollback or a DROP may have removed it). */
static bool exists(sqlite3 *db, const char *name)
{
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(db,
			       "SELECT 1 FROM temp.sqlite_schema WHERE type = 'table' AND name = ?1",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm);
	return found;
}

/* Runs "VERB temp."name"" on the session's connection. */
static bool run_on(struct session *s, const char *verb, const char *name, struct pgerr *err)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "%s temp.\"", verb);
	for (const char *p = name; *p; p++)
		strbuf_printf(&sb, *p == '"' ? "\"\"" : "%c", *p);
	strbuf_puts(&sb, "\"");
	bool ok = !sb.failed && shard_exec(s->conn, sb.data, err);
	if (sb.failed)
		pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	strbuf_fini(&sb);
	return ok;
}

/* After ON COMMIT DROP: the table's serial sequences and comments go too, as DROP TABLE's. */
static bool forget_sidecar(struct session *s, const char *name, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(shard_conn_db(s->conn), "SELECT shardlite_forget('table', ?1)",
				    -1, &vm, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		rc = sqlite3_step(vm) == SQLITE_ROW ? SQLITE_OK : sqlite3_errcode(shard_conn_db(s->conn));
	}
	sqlite3_finalize(vm);
	return rc == SQLITE_OK ||
	       pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "ON COMMIT DROP: %s",
			 sqlite3_errmsg(shard_conn_db(s->conn)));
}

void sess_temp_saw(struct session *s, const struct xlat_stmt *x)
{
	sess_freeze_saw(s, x); /* COPY FREEZE may fill the tables it made or emptied */
	if (x->temp_on_commit && x->temp_table) {
		size_t n = strlen(x->temp_table) + 1;
		struct sess_temp *t = base_xcalloc(1, sizeof(*t) + n);
		memcpy(t->name, x->temp_table, n);
		t->action = x->temp_on_commit;
		t->next = s->temps;
		s->temps = t;
	}
	if (x->is_ddl && s->conn)
		(void)shard_conn_unpin(s->conn); /* its last temporary table may be gone */
}

bool sess_temp_commit(struct session *s, struct pgerr *err)
{
	if (!s->temps || !s->conn)
		return true;
	sqlite3 *db = shard_conn_db(s->conn);
	for (struct sess_temp **at = &s->temps; *at;) {
		struct sess_temp *t = *at;
		if (!exists(db, t->name)) {
			forget(at);
			continue;
		}
		if (!run_on(s, t->action == 'D' ? "DROP TABLE" : "DELETE FROM", t->name, err) ||
		    (t->action == 'D' && !forget_sidecar(s, t->name, err)))
			return false;
		if (t->action == 'D')
			forget(at);
		else
			at = &t->next;
	}
	return true;
}

void sess_temp_autocommit(struct session *s)
{
	if (!s->temps || !s->conn || s->txn != SESS_TXN_IDLE ||
	    !sqlite3_get_autocommit(shard_conn_db(s->conn)))
		return;
	struct pgerr err;
	pgerr_clear(&err);
	if (!sess_temp_commit(s, &err))
		LOG_WARN(s->id, s->tenant, "ON COMMIT of a temporary table: %s", err.message);
	(void)shard_conn_unpin(s->conn);
}

/* The temp schema's views and tables, in a (NULL-terminated): "DROP VIEW name" or "DROP
 * TABLE name" each, views first (they may read the tables). */
static const char **temp_objects(sqlite3 *db, struct arena *a)
{
	size_t n = 0, cap = 8;
	const char **v = arena_alloc(a, cap * sizeof(*v));
	sqlite3_stmt *vm = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT 'DROP ' || upper(type), name FROM temp.sqlite_schema WHERE "
			       "type IN ('view', 'table') AND name <> 'sqlite_sequence' ORDER BY "
			       "type = 'table'",
			       -1, &vm, NULL) == SQLITE_OK) {
		while (sqlite3_step(vm) == SQLITE_ROW) {
			if (n + 2 >= cap) {
				const char **w = arena_alloc(a, cap * 2 * sizeof(*w));
				memcpy(w, v, n * sizeof(*v));
				v = w;
				cap *= 2;
			}
			v[n++] = arena_strdup(a, (const char *)sqlite3_column_text(vm, 0));
			v[n++] = arena_strdup(a, (const char *)sqlite3_column_text(vm, 1));
		}
	}
	sqlite3_finalize(vm);
	v[n] = NULL;
	return v;
}

bool sess_temp_discard(struct session *s, struct pgerr *err)
{
	sess_temp_free(s);
	if (!s->conn || !shard_conn_pinned(s->conn))
		return true;
	struct arena *a = arena_new(0);
	const char **names = temp_objects(shard_conn_db(s->conn), a);
	bool ok = true;
	for (size_t i = 0; ok && names[i]; i += 2)
		ok = run_on(s, names[i], names[i + 1], err);
	arena_free(a);
	if (ok)
		(void)shard_conn_unpin(s->conn);
	return ok;
}

bool sess_temp_rebuild_check(struct session *s, const struct xlat_rebuild *r,
			     struct pgerr *err)
{
	/* r->hidden: public.t, the permanent table a temporary one of its name hides */
	if (!s->conn || !shard_conn_pinned(s->conn) || !r->table || r->hidden ||
	    !exists(shard_conn_db(s->conn), r->table))
		return true;
	for (; r; r = r->next) {
		const char *what = r->using_index			 ? "ADD ... USING INDEX"
				   : r->kind == XLAT_RB_RENAME_CONSTRAINT ? "RENAME CONSTRAINT"
				   : r->before ? "a serial or identity column added"
					       : NULL;
		if (what)
			return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "ALTER TABLE ... %s on a temporary table is not supported",
					 what);
	}
	return true;
}

void sess_temp_end(struct session *s)
{
	sess_temp_free(s);
	if (!s->conn || !shard_conn_pinned(s->conn) || s->inline_run)
		return;
	struct pgerr err;
	pgerr_clear(&err);
	/* a client gone mid-transaction: its work is rolled back first, as release would */
	if (!sqlite3_get_autocommit(shard_conn_db(s->conn)) &&
	    !shard_exec(s->conn, "ROLLBACK", &err))
		return; /* release closes the connection instead */
	if (!sess_temp_discard(s, &err))
		LOG_WARN(s->id, s->tenant, "dropping temporary tables: %s", err.message);
}
