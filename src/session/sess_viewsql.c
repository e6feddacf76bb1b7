/* SPDX-License-Identifier: Apache-2.0 */
/* sess_viewsql.c: xlat_env.view_fn, what the translator needs to write through a view
 * (xlat_updview.c): the view's CREATE VIEW text as SQLite keeps it, found as SQLite finds the
 * name (the connection's temp schema first), and which events its INSTEAD OF triggers take. */
#include "session_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The sql column of table or view name's row in schema's sqlite_schema, in a; NULL when there
 * is none. *is_view says whether the row is a view's. */
static const char *schema_sql(sqlite3 *db, const char *schema, const char *name, struct arena *a,
			      bool *is_view)
{
	sqlite3_stmt *vm = NULL;
	const char *sql = NULL;
	char q[160];
	snprintf(q, sizeof(q),
		 "SELECT type = 'view', sql FROM %s.sqlite_schema WHERE type IN ('table', "
		 "'view') AND name = ?1 COLLATE NOCASE",
		 schema);
	*is_view = false;
	if (sqlite3_prepare_v2(db, q, -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(vm) == SQLITE_ROW) {
			*is_view = sqlite3_column_int(vm, 0);
			const char *t = (const char *)sqlite3_column_text(vm, 1);
			sql = arena_strdup(a, t ? t : "");
		}
	}
	sqlite3_finalize(vm);
	return sql;
}

const char *sess_view_sql(void *arg, const char *name, struct arena *a, int *instead)
{
	struct session *s = arg;
	*instead = 0;
	if (!s->conn)
		return NULL;
	sqlite3 *db = shard_conn_db(s->conn);
	bool is_view = false, temp = shard_conn_pinned(s->conn);
	const char *sql = temp ? schema_sql(db, "temp", name, a, &is_view) : NULL;
	if (!sql) {
		temp = false;
		sql = schema_sql(db, "main", name, a, &is_view);
	}
	if (!sql || !is_view)
		return NULL; /* a table (a temporary one hides the view) or nothing */
	size_t n;
	const struct sess_stmt_trg *v = sess_types_stmt_triggers(s, &n);
	for (size_t i = 0; i < n; i++)
		if (v[i].instead && v[i].temp == temp && strcasecmp(v[i].table, name) == 0)
			*instead |= v[i].events & (4 | 8 | 16);
	return sql;
}

const char *sess_table_sql(void *arg, const char *name, struct arena *a)
{
	struct session *s = arg;
	bool is_view = false;
	if (!s->conn)
		return NULL;
	const char *sql = schema_sql(shard_conn_db(s->conn), "main", name, a, &is_view);
	return sql && !is_view ? sql : NULL;
}

#define MAX_DEPTH 16 /* views over views, as xlat_updview.c writes through them */

/* Whether column col of view (its stored text sql) is updatable: a plain column of its base
 * relation, and of that relation's updatable ones when it is a view. */
static bool col_updatable(struct session *s, struct arena *a, const char *sql, const char *col,
			  int depth)
{
	struct xlat_updview_desc d;
	if (depth > MAX_DEPTH || !xlat_updview_describe(sql, sess_types(s), a, &d))
		return false;
	for (size_t i = 0; i < d.ncols; i++) {
		if (strcmp(d.names[i], col) != 0)
			continue;
		int instead;
		const char *inner = d.cols[i] ? sess_view_sql(s, d.base, a, &instead) : NULL;
		return d.cols[i] && (!inner || col_updatable(s, a, inner, d.cols[i], depth + 1));
	}
	return false;
}

/* pg_relation_is_updatable(view, false) of the view whose stored text is sql; cols: as
 * catalog_views.updatable. */
static int view_events(struct session *s, struct arena *a, const char *sql, bool *cols,
		       size_t ncols, int depth)
{
	struct xlat_updview_desc d;
	if (depth > MAX_DEPTH || !xlat_updview_describe(sql, sess_types(s), a, &d))
		return 0;
	int instead;
	const char *inner = sess_view_sql(s, d.base, a, &instead);
	int below = inner ? view_events(s, a, inner, NULL, 0, depth + 1) : 4 | 8 | 16;
	bool any = false;
	for (size_t i = 0; i < d.ncols; i++) {
		bool ok = below && col_updatable(s, a, sql, d.names[i], depth);
		any = any || ok;
		if (i < ncols)
			cols[i] = ok;
	}
	return (any ? 4 | 8 | 16 : 8) & below;
}

static int updatable(void *arg, const char *view, bool *cols, size_t ncols)
{
	struct session *s = arg;
	for (size_t i = 0; i < ncols; i++)
		cols[i] = false;
	struct arena *a = arena_new(0);
	int instead;
	const char *sql = sess_view_sql(s, view, a, &instead);
	int events = sql ? view_events(s, a, sql, cols, ncols, 0) : 0;
	arena_free(a);
	return events;
}

const struct catalog_views sess_catalog_views = {sess_types_viewdef, updatable};
