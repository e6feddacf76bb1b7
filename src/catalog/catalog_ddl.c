/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_ddl.c: checks PostgreSQL makes around DDL that SQLite carries out differently.
 * CREATE OR REPLACE VIEW becomes save → DROP VIEW → CREATE VIEW → check (a script run in one
 * savepoint): shardlite_view_save remembers the old view's columns, shardlite_view_check
 * refuses, as PostgreSQL does, a new query that drops, renames or retypes one of them. */
#include "catalog_int.h"

#include "pgtype.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CTX_CONN(ctx) ((struct cat_conn *)sqlite3_user_data(ctx))
#define SQLSTATE_INVALID_TABLE_DEFINITION "42P16"
#define SQLSTATE_WRONG_OBJECT_TYPE "42809"

/* The view's columns as "name\ttype\n" lines (type: its PostgreSQL spelling), malloc'd; NULL
 * when there is no such view. */
static char *view_columns(const struct cat_model *m, const char *name)
{
	const struct cat_rel *v = cat_model_rel(m, name);
	if (!v || v->kind != 'v')
		return NULL;
	struct strbuf sb;
	struct arena *a = arena_new(0);
	strbuf_init(&sb, 0);
	for (int i = 0; i < v->ncols; i++) { /* with the typmod: numeric(10,1) to (10,2) is 42P16 */
		const char *t = cat_format_type_m(m, a, v->cols[i].typoid, v->cols[i].typmod);
		strbuf_printf(&sb, "%s\t%s\n", v->cols[i].name, t ? t : "unknown");
	}
	arena_free(a);
	strbuf_putc(&sb, '\0');
	return strbuf_take(&sb);
}

static void fn_view_save(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct cat_conn *cc = CTX_CONN(ctx);
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m || !name)
		return;
	const struct cat_rel *r = cat_model_rel(m, name);
	if (r && r->kind != 'v') {
		pgfn_error(ctx, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a view", name);
		return;
	}
	free(cc->view_saved);
	cc->view_saved = view_columns(m, name);
	sqlite3_result_null(ctx);
}

/* Splits "name\ttype\n..." line i into name and type (pointers into a copy in buf). */
static bool column_at(const char *cols, int i, char *buf, size_t cap, char **name, char **type)
{
	const char *p = cols;
	for (int k = 0; p && k < i; k++) {
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	if (!p || !*p)
		return false;
	size_t n = strcspn(p, "\n");
	if (n >= cap)
		n = cap - 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	*name = buf;
	*type = strchr(buf, '\t');
	if (*type)
		*(*type)++ = '\0';
	return true;
}

static void fn_view_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct cat_conn *cc = CTX_CONN(ctx);
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const struct cat_model *m = cat_fn_model(ctx);
	char *old = cc->view_saved, *now = m && name ? view_columns(m, name) : NULL;
	cc->view_saved = NULL;
	char ob[512], nb[512], *on, *ot, *nn, *nt;
	int nold = 0, nnew = 0;
	while (old && column_at(old, nold, ob, sizeof(ob), &on, &ot))
		nold++;
	while (now && column_at(now, nnew, nb, sizeof(nb), &nn, &nt))
		nnew++;
	if (old && now && nnew < nold) {
		pgfn_error(ctx, SQLSTATE_INVALID_TABLE_DEFINITION, "cannot drop columns from view");
		nold = 0;
	}
	for (int i = 0; old && now && i < nold; i++) {
		column_at(old, i, ob, sizeof(ob), &on, &ot);
		column_at(now, i, nb, sizeof(nb), &nn, &nt);
		if (strcmp(on, nn) != 0) {
			pgfn_error(ctx, SQLSTATE_INVALID_TABLE_DEFINITION,
				   "cannot change name of view column \"%s\" to \"%s\"", on, nn);
			break;
		}
		if (ot && nt && strcmp(ot, nt) != 0) {
			pgfn_error(ctx, SQLSTATE_INVALID_TABLE_DEFINITION,
				   "cannot change data type of view column \"%s\" from %s to %s", on,
				   ot, nt);
			break;
		}
	}
	free(old);
	free(now);
}

/* shardlite_column_new(table, column): the translator's check before ALTER TABLE table ADD
 * COLUMN column. SQLite's own refusal ("duplicate column name") names no table. */
static void fn_column_new(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	const char *column = (const char *)sqlite3_value_text(argv[1]);
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_result_null(ctx);
	if (table && column &&
	    sqlite3_table_column_metadata(db, "main", table, column, NULL, NULL, NULL, NULL,
					  NULL) == SQLITE_OK)
		pgfn_error(ctx, "42701",
			   "column \"%s\" of relation \"%s\" already exists", column, table);
}

/* shardlite_index_drop_check(name): before DROP INDEX name, PostgreSQL's refusal to drop a
 * partition's index attached to its partitioned table's (catalog_partinh.c), or the index of
 * a PRIMARY KEY or UNIQUE constraint (its own name; a second UNIQUE's marked index,
 * CATALOG_UNIQUE_MARK) — the session adds the HINT to drop the other instead. */
static void fn_index_drop_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const struct cat_model *m = name ? cat_fn_model(ctx) : NULL;
	if (!m)
		return;
	sqlite3_result_null(ctx);
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		if (ix->parent && strcmp(ix->rel->name, name) == 0) {
			pgfn_error(ctx, "2BP01", "cannot drop index %s because index %s requires it",
				   name, ix->parent->rel->name);
			return;
		}
		if (ix->conname && strcmp(ix->rel->name, name) == 0) {
			pgfn_error(ctx, "2BP01",
				   "cannot drop index %s because constraint %s on table %s "
				   "requires it",
				   name, ix->conname, ix->table->name);
			return;
		}
	}
}

bool cat_ddl_register(sqlite3 *db, struct cat_conn *cc)
{
	return sqlite3_create_function_v2(db, "shardlite_column_new", 2,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_column_new, NULL,
					  NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_view_save", 1,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_view_save, NULL,
					  NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_view_check", 1,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_view_check, NULL,
					  NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_index_drop_check", 1,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_index_drop_check,
					  NULL, NULL, NULL) == SQLITE_OK &&
	       cat_cascade_register(db, cc) && cat_fkset_register(db) &&
	       cat_part_register(db, cc) && cat_part_register_fn(db, cc);
}
