/* SPDX-License-Identifier: Apache-2.0 */
/* shard_viewdep.c: which view reads a table's column, as PostgreSQL's pg_depend would say.
 * Each view is prepared (SELECT * FROM v) while the authorizer notes the column reads SQLite
 * resolves (SQLITE_READ, also those of subqueries and of views the view reads, before any
 * of them is optimized away). ALTER TABLE ... ALTER COLUMN TYPE of such a column is 0A000 and
 * DROP COLUMN 2BP01, with PostgreSQL's words, where SQLite would run the one and refuse the
 * other with its own message (or, for a view over *, drop the column from the view); DROP
 * COLUMN ... CASCADE drops those views first. */
#include "shard_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "pgfn.h"

void shard_view_reads_note(struct shard_view_reads *r, const char *table, const char *column,
			   const char *view)
{
	/* SQLite names the innermost view a read comes from (NULL: the top-level SELECT * FROM
	 * v reading v's own body): a read through a view v reads is that view's, not v's */
	if (r->note) { /* not the SELECT * FROM v reading v's own columns */
		if (table && column && (view || sqlite3_stricmp(table, r->preparing) != 0))
			r->note(r->note_arg, table, column, view);
		return;
	}
	if (table && column && sqlite3_stricmp(table, r->table) == 0 &&
	    sqlite3_stricmp(column, r->column) == 0 &&
	    (!view || sqlite3_stricmp(view, r->preparing) == 0))
		r->hit = true;
}

/* Each view of the main and temp schemas as "schema\x1fname\n" lines (malloc'd), NULL none. */
static char *views(sqlite3 *db)
{
	sqlite3_stmt *vm = NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	if (sqlite3_prepare_v2(db,
			       "SELECT 'main', name FROM main.sqlite_schema WHERE type = 'view' "
			       "UNION ALL SELECT 'temp', name FROM temp.sqlite_schema WHERE type = "
			       "'view'",
			       -1, &vm, NULL) == SQLITE_OK) {
		while (sqlite3_step(vm) == SQLITE_ROW) {
			const char *s = (const char *)sqlite3_column_text(vm, 0);
			const char *v = (const char *)sqlite3_column_text(vm, 1);
			if (s && v && !strchr(v, '\n') && !strchr(v, '\x1f'))
				strbuf_printf(&sb, "%s\x1f%s\n", s, v);
		}
	}
	sqlite3_finalize(vm);
	if (!sb.len || sb.failed) {
		strbuf_fini(&sb);
		return NULL;
	}
	return strbuf_take(&sb);
}

size_t shard_view_reading(struct shard_conn *c, const char *table, const char *column,
			  struct strbuf *out)
{
	struct shard_view_reads r = {.table = table, .column = column};
	char *list = views(c->db);
	size_t n = 0;
	for (char *p = list, *nl; p && (nl = strchr(p, '\n')); p = nl + 1) {
		*nl = '\0';
		char *name = strchr(p, '\x1f');
		*name++ = '\0';
		char *sql = sqlite3_mprintf("SELECT * FROM \"%w\".\"%w\"", p, name);
		sqlite3_stmt *vm = NULL;
		r.preparing = name;
		r.hit = false;
		c->authz.reads = &r;
		if (sql) /* SQLite asks the authorizer; a view that no longer compiles reads nothing */
			(void)sqlite3_prepare_v2(c->db, sql, -1, &vm, NULL);
		c->authz.reads = NULL;
		sqlite3_finalize(vm);
		sqlite3_free(sql);
		if (r.hit) {
			strbuf_printf(out, "%s%s", n ? "\n" : "", name);
			n++;
		}
	}
	free(list);
	return out->failed ? 0 : n;
}

bool shard_view_type_check(struct shard_conn *c, const char *table, const char *column,
			   struct pgerr *err)
{
	struct strbuf views;
	strbuf_init(&views, 0);
	bool used = shard_view_reading(c, table, column, &views) > 0;
	if (used) {
		/* PostgreSQL stops at the first rule it finds */
		pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			  "cannot alter type of a column used by a view or rule");
		snprintf(err->detail, sizeof(err->detail),
			 "rule _RETURN on view %.*s depends on column \"%s\"",
			 (int)strcspn(views.data, "\n"), views.data, column);
	}
	strbuf_fini(&views);
	return !used;
}

/* shardlite_column_views_check(table, column): before ALTER TABLE table DROP COLUMN column,
 * 2BP01 when views read the column, each named in DETAIL (PostgreSQL's message; its DETAIL
 * also names the views over those views, which this leaves out; shard_error adds the HINT). */
static void fn_column_views_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct shard_conn *c = sqlite3_user_data(ctx);
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	const char *column = (const char *)sqlite3_value_text(argv[1]);
	struct strbuf views, detail;
	(void)argc;
	sqlite3_result_null(ctx);
	strbuf_init(&views, 0);
	strbuf_init(&detail, 0);
	size_t n = table && column ? shard_view_reading(c, table, column, &views) : 0;
	const char *p = views.data;
	for (size_t i = 0; i < n; i++) {
		size_t len = strcspn(p, "\n");
		strbuf_printf(&detail, "%sview %.*s depends on column %s of table %s",
			      i ? "\n" : "", (int)len, p, column, table);
		p += len + (p[len] != '\0');
	}
	if (n)
		pgfn_error_detail(ctx, "2BP01", detail.failed ? "" : detail.data,
				  "cannot drop column %s of table %s because other objects depend "
				  "on it",
				  column, table);
	strbuf_fini(&views);
	strbuf_fini(&detail);
}

/* shardlite_column_views_drop(table, column): before ALTER TABLE table DROP COLUMN column
 * CASCADE, the views that read the column go with their comments (the views over them, which
 * then no longer compile, are shardlite_views_sweep's). */
static void fn_column_views_drop(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct shard_conn *c = sqlite3_user_data(ctx);
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	const char *column = (const char *)sqlite3_value_text(argv[1]);
	struct strbuf views, sql;
	(void)argc;
	sqlite3_result_null(ctx);
	strbuf_init(&views, 0);
	strbuf_init(&sql, 0);
	size_t n = table && column ? shard_view_reading(c, table, column, &views) : 0;
	const char *p = views.data;
	for (size_t i = 0; i < n; i++) {
		size_t len = strcspn(p, "\n");
		char *name = sqlite3_mprintf("%.*s", (int)len, p);
		char *what = name ? sqlite3_mprintf("view %s", name) : NULL;
		catalog_cascaded_note(c->cat, what); /* the session's NOTICE */
		sqlite3_free(what);
		char *one = name ? sqlite3_mprintf("DROP VIEW IF EXISTS \"%w\"; SELECT "
						   "shardlite_forget('view', %Q); ",
						   name, name)
				 : NULL;
		strbuf_puts(&sql, one ? one : "");
		sql.failed |= one == NULL;
		sqlite3_free(one);
		sqlite3_free(name);
		p += len + (p[len] != '\0');
	}
	/* SQLite lets a function run statements on its own connection; the DROP VIEW writes
	 * only the schema table, which this function's statement does not read */
	int rc = sql.failed ? SQLITE_NOMEM
		 : sql.len  ? sqlite3_exec(c->db, sql.data, NULL, NULL, NULL)
			    : SQLITE_OK;
	if (rc != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(c->db), -1);
		sqlite3_result_error_code(ctx, rc);
	}
	strbuf_fini(&views);
	strbuf_fini(&sql);
}

/* catalog_view_reads_fn: the view prepared as shard_view_reading prepares each. */
static void view_columns(void *arg, const char *view, bool temp, catalog_column_note_fn *note,
			 void *note_arg)
{
	struct shard_conn *c = arg;
	struct shard_view_reads r = {.preparing = view, .note = note, .note_arg = note_arg};
	char *sql = sqlite3_mprintf("SELECT * FROM \"%w\".\"%w\"", temp ? "temp" : "main", view);
	sqlite3_stmt *vm = NULL;
	struct shard_view_reads *outer = c->authz.reads;
	c->authz.reads = &r;
	if (sql) /* a view that no longer compiles reads nothing */
		(void)sqlite3_prepare_v2(c->db, sql, -1, &vm, NULL);
	c->authz.reads = outer;
	sqlite3_finalize(vm);
	sqlite3_free(sql);
}

int shard_viewdep_register(struct shard_conn *c)
{
	catalog_set_view_reads(c->cat, view_columns, c);
	int rc = sqlite3_create_function_v2(c->db, "shardlite_column_views_check", 2,
					    SQLITE_UTF8 | SQLITE_DIRECTONLY, c,
					    fn_column_views_check, NULL, NULL, NULL);
	return rc != SQLITE_OK ? rc
			       : sqlite3_create_function_v2(c->db, "shardlite_column_views_drop", 2,
							    SQLITE_UTF8 | SQLITE_DIRECTONLY, c,
							    fn_column_views_drop, NULL, NULL, NULL);
}
