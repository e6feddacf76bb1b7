/* SPDX-License-Identifier: Apache-2.0 */
/* sess_matview.c: materialized views. One is an SQLite table whose stored CREATE TABLE
 * carries CATALOG_MATVIEW_MARK, made and filled as CREATE TABLE AS makes a table
 * (sess_ctas.c), with its query (PostgreSQL text) and whether it holds rows in the sidecar
 * _shardlite_matviews. REFRESH translates the kept query again and builds the table anew
 * (dropped and created from its stored SQL, refilled, its indexes made again), so the
 * schema moves and every session's catalog reads the new state; DROP removes both. */
#include "session_int.h"

#include <stdio.h>
#include <string.h>

#define SQLSTATE_WRONG_OBJECT_TYPE "42809"
#define SQLSTATE_OBJECT_NOT_IN_PREREQUISITE_STATE "55000"
#define SAVEPOINT "shardlite_matview"
#define SIDECAR                                                                                   \
	"CREATE TABLE IF NOT EXISTS main._shardlite_matviews (name TEXT PRIMARY KEY, "           \
	"definition TEXT NOT NULL, populated INTEGER NOT NULL)"

/* Runs sql with text ?1 and integer ?2 (when not NULL / >= 0) bound; no rows. */
static bool run_bound(struct session *s, const char *sql, const char *t1, const char *t2,
		      int i3, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &vm, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, t1, -1, SQLITE_STATIC);
		if (t2)
			sqlite3_bind_text(vm, 2, t2, -1, SQLITE_STATIC);
		if (i3 >= 0)
			sqlite3_bind_int(vm, 3, i3);
		rc = sqlite3_step(vm);
		rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
	}
	if (rc != SQLITE_OK)
		shard_error(db, rc, err);
	sqlite3_finalize(vm);
	return rc == SQLITE_OK;
}

bool sess_matview_record(struct session *s, const struct xlat_ctas *ct, struct pgerr *err)
{
	return shard_exec(s->conn, SIDECAR, err) &&
	       run_bound(s,
			 "INSERT OR REPLACE INTO main._shardlite_matviews (name, definition, "
			 "populated) VALUES (?1, ?2, ?3)",
			 ct->name, ct->definition, !ct->no_data, err);
}

/* What the file has under name: 'm' a materialized view (its query into *def, in a), 'r' a
 * table, 'v' a view, 'i' an index, 0 nothing. */
static char kind_of(struct session *s, const char *name, struct arena *a, const char **def,
		    bool *populated)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = NULL;
	char kind = 0;
	if (sqlite3_prepare_v2(db, "SELECT type, instr(sql, ?2) > 0 FROM main.sqlite_schema "
				   "WHERE name = ?1 AND type IN ('table', 'view', 'index')",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 2, CATALOG_MATVIEW_MARK, -1, SQLITE_STATIC);
		if (sqlite3_step(vm) == SQLITE_ROW) {
			const char *type = (const char *)sqlite3_column_text(vm, 0);
			kind = sqlite3_column_int(vm, 1) ? 'm' : type[0] == 't' ? 'r' : type[0];
		}
	}
	sqlite3_finalize(vm);
	*def = NULL;
	*populated = false;
	if (kind != 'm')
		return kind;
	if (sqlite3_prepare_v2(db, "SELECT definition, populated FROM main._shardlite_matviews "
				   "WHERE name = ?1",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(vm) == SQLITE_ROW) {
			*def = arena_strdup(a, (const char *)sqlite3_column_text(vm, 0));
			*populated = sqlite3_column_int(vm, 1) != 0;
		}
	}
	sqlite3_finalize(vm);
	return kind;
}

/* Whether the view has a unique index on plain columns without WHERE, which REFRESH ...
 * CONCURRENTLY needs in PostgreSQL to match old rows with new ones. */
static bool has_unique_key(struct session *s, const char *name)
{
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(shard_conn_db(s->conn),
			       "SELECT 1 FROM pragma_index_list(?1, 'main') AS l WHERE l.\"unique\" "
			       "AND NOT l.partial AND NOT EXISTS (SELECT 1 FROM "
			       "pragma_index_info(l.name, 'main') WHERE cid < 0)",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm);
	return found;
}

/* The view's query, translated as the client's statements are, and prepared. */
static sqlite3_stmt *query_vm(struct session *s, const char *name, const char *def,
			      struct pgerr *err)
{
	struct xlat_env env;
	char search[SHARD_TENANT_MAX + 1];
	sess_schema_env(s, &env, search);
	env.bind_consts = false;
	env.later = false;
	struct xlat_stmt *x = NULL;
	size_t n = 0;
	if (!xlat_translate_in(&env, def, NULL, 0, s->msg_arena, &x, &n, err))
		return NULL;
	if (n != 1 || x->kind != XLAT_SQL || x->nsteps || x->nparams) {
		pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			  "the query of materialized view \"%s\" cannot be run again", name);
		return NULL;
	}
	return sess_prepare(s, x, err);
}

/* The table's own CREATE TABLE and its indexes' CREATE INDEX texts, in a (NULL-terminated). */
static const char **stored_sql(sqlite3 *db, const char *name, struct arena *a)
{
	size_t n = 0, cap = 8;
	const char **v = arena_alloc(a, cap * sizeof(*v));
	sqlite3_stmt *vm = NULL;
	if (sqlite3_prepare_v2(db, "SELECT sql FROM main.sqlite_schema WHERE tbl_name = ?1 AND "
				   "sql IS NOT NULL AND type IN ('table', 'index') ORDER BY "
				   "type = 'index', rowid",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		while (sqlite3_step(vm) == SQLITE_ROW) {
			if (n + 1 == cap) {
				const char **w = arena_alloc(a, cap * 2 * sizeof(*w));
				memcpy(w, v, n * sizeof(*v));
				v = w;
				cap *= 2;
			}
			v[n++] = arena_strdup(a, (const char *)sqlite3_column_text(vm, 0));
		}
	}
	sqlite3_finalize(vm);
	v[n] = NULL;
	return v;
}

/* DROP TABLE "name" */
static bool drop_table(struct session *s, const char *name, struct pgerr *err)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "DROP TABLE main.");
	strbuf_put_quoted(&sb, name, '"');
	bool ok = !sb.failed && shard_exec(s->conn, sb.data, err);
	if (sb.failed)
		pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	strbuf_fini(&sb);
	return ok;
}

/* Builds the view anew: dropped, created from its stored SQL, filled (unless no_data), its
 * indexes made again after the rows (one sort each, not one insert at a time). */
static bool rebuild(struct session *s, const struct xlat_ctas *ct, const char *def,
		    struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	const char **sql = stored_sql(db, ct->name, s->msg_arena);
	if (!sql[0])
		return pgerr_set(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				 ct->name);
	/* the sidecar first: the catalog reads it again only when the schema moves, which
	 * the DROP and CREATE after it do */
	if (!run_bound(s, "UPDATE main._shardlite_matviews SET populated = ?3 WHERE name = ?1",
		       ct->name, NULL, !ct->no_data, err) ||
	    !drop_table(s, ct->name, err) || !shard_exec(s->conn, sql[0], err))
		return false;
	if (!ct->no_data) {
		sqlite3_stmt *vm = query_vm(s, ct->name, def, err);
		uint64_t rows = 0;
		bool ok = vm && sess_ctas_fill(s, "main", ct->name, vm, &rows, err);
		sqlite3_finalize(vm);
		if (!ok)
			return false;
	}
	for (size_t i = 1; sql[i]; i++)
		if (!shard_exec(s->conn, sql[i], err))
			return false;
	return true;
}

static bool refresh(struct session *s, const struct xlat_ctas *ct, struct pgerr *err)
{
	const char *def;
	bool populated;
	char kind = kind_of(s, ct->name, s->msg_arena, &def, &populated);
	if (kind == 0)
		return pgerr_set(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				 ct->name);
	if (kind != 'm' && kind != 'r') /* a view or an index: PostgreSQL's lookup refuses it */
		return pgerr_set(err, SQLSTATE_WRONG_OBJECT_TYPE,
				 "\"%s\" is not a table or materialized view", ct->name);
	if (kind != 'm')
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "\"%s\" is not a materialized view", ct->name);
	if (!def)
		return pgerr_set(err, SQLSTATE_INTERNAL_ERROR,
				 "the query of materialized view \"%s\" was not kept", ct->name);
	if (ct->concurrently && !populated)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "CONCURRENTLY cannot be used when the materialized view is not "
				 "populated");
	if (ct->concurrently && !has_unique_key(s, ct->name)) {
		pgerr_set(err, SQLSTATE_OBJECT_NOT_IN_PREREQUISITE_STATE,
			  "cannot refresh materialized view \"public.%s\" concurrently", ct->name);
		pgerr_hint(err, "Create a unique index with no WHERE clause on one or more columns "
				"of the materialized view.");
		return false;
	}
	return rebuild(s, ct, def, err);
}

/* After DROP MATERIALIZED VIEW name: a view that read it (marked before the drop) is
 * PostgreSQL's 2BP01, unless the statement drops it too (catalog_cascade.c), and 0A000 with
 * CASCADE (PostgreSQL drops the view too); the savepoint then undoes the drop. */
static bool drop_restrict(struct session *s, const struct xlat_ctas *ct, const char *name,
			  struct pgerr *err)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	char *head = sqlite3_mprintf("SELECT shardlite_drop_restrict('materialized view', %Q", name);
	strbuf_puts(&sb, head ? head : "");
	sb.failed |= head == NULL;
	sqlite3_free(head);
	for (size_t i = 0; i < ct->nnames; i++) {
		char *one = sqlite3_mprintf(", %Q", ct->names[i]);
		strbuf_puts(&sb, one ? one : "");
		sb.failed |= one == NULL;
		sqlite3_free(one);
	}
	strbuf_putc(&sb, ')');
	bool ok = !sb.failed && shard_exec(s->conn, sb.data, err);
	if (sb.failed)
		pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	strbuf_fini(&sb);
	if (!ok && ct->cascade && strcmp(err->sqlstate, "2BP01") == 0) {
		/* CASCADE: PostgreSQL drops the views that read it too, not built */
		pgerr_clear(err);
		pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			  "DROP MATERIALIZED VIEW ... CASCADE of a materialized view a view reads is "
			  "not supported");
	}
	return ok;
}

/* DROP MATERIALIZED VIEW of one name; PostgreSQL's errors for anything else. */
static bool drop_one(struct session *s, const struct xlat_ctas *ct, const char *name,
		     struct pgerr *err)
{
	const char *def;
	bool populated;
	char kind = kind_of(s, name, s->msg_arena, &def, &populated);
	static const char *const hints[] = {"Use DROP TABLE to remove a table.",
					    "Use DROP VIEW to remove a view.",
					    "Use DROP INDEX to remove an index."};
	switch (kind) {
	case 'm':
		return shard_exec(s->conn, "SELECT shardlite_views_mark()", err) &&
		       drop_table(s, name, err) && drop_restrict(s, ct, name, err) &&
		       (!def || run_bound(s, "DELETE FROM main._shardlite_matviews WHERE name = ?1",
					  name, NULL, -1, err));
	case 0:
		if (!ct->missing_ok)
			return pgerr_set(err, SQLSTATE_UNDEFINED_TABLE,
					 "materialized view \"%s\" does not exist", name);
		if (sess_notice_wanted(s, "notice")) {
			char msg[PGERR_MSG_MAX];
			snprintf(msg, sizeof(msg),
				 "materialized view \"%s\" does not exist, skipping", name);
			pgw_be_notice(&s->out, "NOTICE", SQLSTATE_SUCCESS, msg);
		}
		return true;
	default:
		pgerr_set(err, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a materialized view",
			  name);
		pgerr_hint(err, "%s", hints[kind == 'r' ? 0 : kind == 'v' ? 1 : 2]);
		return false;
	}
}

bool sess_matview_run(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	const struct xlat_ctas *ct = x->ctas;
	if (!shard_exec(s->conn, "SAVEPOINT " SAVEPOINT, err))
		return false;
	bool ok = true;
	if (ct->refresh)
		ok = refresh(s, ct, err);
	for (size_t i = 0; ok && !ct->refresh && i < ct->nnames; i++)
		ok = drop_one(s, ct, ct->names[i], err);
	struct pgerr ignored;
	pgerr_clear(&ignored);
	if (!ok && !shard_exec(s->conn, "ROLLBACK TO " SAVEPOINT, &ignored))
		LOG_WARN(s->id, s->tenant, "materialized view: its savepoint stayed: %s",
			 ignored.message);
	if (!shard_exec(s->conn, "RELEASE " SAVEPOINT, ok ? err : &ignored))
		return false;
	return ok;
}
