/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_cascade.c: shardlite_cascade_check(table, dropped...), run before each DROP TABLE
 * ... CASCADE: SQLite does not drop a table's dependents with it, so the views that read the
 * table are dropped here first, as PostgreSQL does. Other tables' foreign keys were removed
 * just before by the shard's shardlite_cascade_keys; one still there is refused (0A000).
 * DROP VIEW ... CASCADE: shardlite_views_mark/sweep drop the views it leaves uncompilable.
 * ALTER TABLE ... DROP COLUMN: shardlite_column_indexes_drop drops the indexes on the column
 * first, which PostgreSQL drops with it and SQLite refuses to leave broken. The views a
 * cascade drops are noted for the session's NOTICE (catalog_cascaded_note). */
#include "catalog_int.h"

#include "xlat.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void catalog_cascaded_note(struct cat_conn *cc, const char *what)
{
	if (!cc || !what)
		return;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "%s%s\n", cc->cascaded ? cc->cascaded : "", what);
	free(cc->cascaded);
	cc->cascaded = sb.failed ? NULL : strbuf_take(&sb);
	strbuf_fini(&sb);
}

char *catalog_cascaded_take(struct cat_conn *cc)
{
	char *r = cc ? cc->cascaded : NULL;
	if (cc)
		cc->cascaded = NULL;
	return r;
}

static void note_view(struct cat_conn *cc, const char *view)
{
	char *what = sqlite3_mprintf("view %s", view);
	catalog_cascaded_note(cc, what);
	sqlite3_free(what);
}

static bool listed(sqlite3_value **argv, int argc, const char *name)
{
	for (int i = 0; i < argc; i++) {
		const char *t = (const char *)sqlite3_value_text(argv[i]);
		if (t && sqlite3_stricmp(t, name) == 0)
			return true;
	}
	return false;
}

/* A table not dropped here whose foreign key references table; malloc'd name or NULL. */
static char *referencing_table(sqlite3 *db, const char *table, sqlite3_value **argv, int argc)
{
	sqlite3_stmt *vm = NULL;
	char *r = NULL;
	if (sqlite3_prepare_v2(
		    db,
		    "SELECT s.name FROM sqlite_schema AS s, pragma_foreign_key_list(s.name) "
		    "AS f WHERE s.type = 'table' AND f.\"table\" = ?1 COLLATE NOCASE",
		    -1, &vm, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
	while (!r && sqlite3_step(vm) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(vm, 0);
		if (t && !listed(argv, argc, t))
			r = base_xstrdup(t);
	}
	sqlite3_finalize(vm);
	return r;
}

/* Whether the program of "SELECT * FROM view" opens one of the b-trees (the table's and its
 * indexes' root pages) of the main database: the view reads the table, directly or through
 * other views, which SQLite's planner has already expanded. */
static bool view_reads(sqlite3 *db, const char *view, const int *roots, size_t nroots)
{
	char *sql = sqlite3_mprintf("EXPLAIN SELECT * FROM \"%w\"", view);
	sqlite3_stmt *vm = NULL;
	bool hit = false;
	if (sql && sqlite3_prepare_v2(db, sql, -1, &vm, NULL) == SQLITE_OK) {
		while (!hit && sqlite3_step(vm) == SQLITE_ROW) {
			const char *op = (const char *)sqlite3_column_text(vm, 1);
			if (!op || (strcmp(op, "OpenRead") != 0 && strcmp(op, "ReopenIdx") != 0) ||
			    sqlite3_column_int(vm, 4) != 0)
				continue;
			for (size_t i = 0; i < nroots && !hit; i++)
				hit = sqlite3_column_int(vm, 3) == roots[i];
		}
	}
	sqlite3_finalize(vm); /* a view that no longer compiles reads nothing that is left */
	sqlite3_free(sql);
	return hit;
}

/* The statements that drop every view reading table (all found before any goes: a view
 * over a dropped view no longer compiles), sqlite3_malloc'd, or NULL when there is none. */
static char *drop_reading_views(struct cat_conn *cc, sqlite3 *db, const char *table)
{
	int roots[64];
	size_t nroots = 0;
	char *r = NULL;
	sqlite3_stmt *vm = NULL;
	if (sqlite3_prepare_v2(
		    db,
		    "SELECT rootpage FROM sqlite_schema WHERE tbl_name = ?1 COLLATE NOCASE "
		    "AND type IN ('table', 'index') AND rootpage > 0",
		    -1, &vm, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
	while (nroots < ARRAY_LEN(roots) && sqlite3_step(vm) == SQLITE_ROW)
		roots[nroots++] = sqlite3_column_int(vm, 0);
	sqlite3_finalize(vm);
	if (!nroots || sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'view'",
					  -1, &vm, NULL) != SQLITE_OK)
		return NULL;
	while (sqlite3_step(vm) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(vm, 0);
		if (v && view_reads(db, v, roots, nroots)) {
			note_view(cc, v);
			char *more = sqlite3_mprintf("%sDROP VIEW IF EXISTS \"%w\"; SELECT "
						     "shardlite_forget('view', %Q); ",
						     r ? r : "", v, v);
			sqlite3_free(r);
			r = more;
		}
	}
	sqlite3_finalize(vm);
	return r;
}

static void fn_cascade_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *table = argc ? (const char *)sqlite3_value_text(argv[0]) : NULL;
	sqlite3_result_null(ctx);
	if (!table)
		return;
	char *by = referencing_table(db, table, argv + 1, argc - 1);
	if (by) {
		pgfn_error(
			ctx, "0A000",
			"DROP TABLE ... CASCADE is not supported when another table's foreign key "
			"references table \"%s\" (table \"%s\")",
			table, by);
		free(by);
		return;
	}
	/* SQLite lets a function run statements on its own connection; the DROP VIEW writes
	 * only the schema table, which this function's statement does not read */
	char *sql = drop_reading_views(sqlite3_user_data(ctx), db, table);
	int rc = sql ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_OK;
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		sqlite3_result_error_code(ctx, rc);
	}
}

/* ---- DROP VIEW ... CASCADE: the views that compile before the drop and not after ---- */

static bool view_compiles(sqlite3 *db, const char *view)
{
	char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", view);
	sqlite3_stmt *vm = NULL;
	bool ok = sql && sqlite3_prepare_v2(db, sql, -1, &vm, NULL) == SQLITE_OK;
	sqlite3_finalize(vm);
	sqlite3_free(sql);
	return ok;
}

/* Each view that compiles, as "name\n" lines (malloc'd). */
static char *compiling_views(sqlite3 *db)
{
	struct strbuf sb;
	sqlite3_stmt *vm = NULL;
	strbuf_init(&sb, 0);
	if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'view'", -1, &vm,
			       NULL) == SQLITE_OK) {
		while (sqlite3_step(vm) == SQLITE_ROW) {
			const char *v = (const char *)sqlite3_column_text(vm, 0);
			if (v && !strchr(v, '\n') && view_compiles(db, v))
				strbuf_printf(&sb, "%s\n", v);
		}
	}
	sqlite3_finalize(vm);
	strbuf_putc(&sb, '\0');
	return strbuf_take(&sb);
}

static bool view_exists(sqlite3 *db, const char *view)
{
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = ?1",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, view, -1, SQLITE_STATIC);
		found = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm);
	return found;
}

static void fn_views_mark(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	struct cat_conn *cc = sqlite3_user_data(ctx);
	free(cc->views_marked);
	cc->views_marked = compiling_views(sqlite3_context_db_handle(ctx));
	sqlite3_result_null(ctx);
}

/* Drops the marked views that no longer compile: they read what the DROP VIEW removed. */
static void fn_views_sweep(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	struct cat_conn *cc = sqlite3_user_data(ctx);
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	char *marked = cc->views_marked;
	cc->views_marked = NULL;
	sqlite3_result_null(ctx);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (char *p = marked, *nl; p && (nl = strchr(p, '\n')); p = nl + 1) {
		*nl = '\0';
		if (view_compiles(db, p) || !view_exists(db, p))
			continue; /* one the statement dropped itself is not a dependent */
		note_view(cc, p);
		char *one = sqlite3_mprintf("DROP VIEW IF EXISTS \"%w\"; SELECT "
					    "shardlite_forget('view', %Q); ",
					    p, p);
		strbuf_puts(&sb, one ? one : "");
		sqlite3_free(one);
	}
	free(marked);
	int rc = sb.len && !sb.failed ? sqlite3_exec(db, sb.data, NULL, NULL, NULL) : SQLITE_OK;
	strbuf_fini(&sb);
	if (rc != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		sqlite3_result_error_code(ctx, rc);
	}
}

/* PostgreSQL's 2BP01 of a DROP of nobjects objects, one of them name of kind. */
static void restrict_error(sqlite3_context *ctx, const struct strbuf *detail, const char *kind,
			   const char *name, int nobjects)
{
	const char *d = detail->failed ? "" : detail->data;
	if (nobjects > 1)
		pgfn_error_detail(ctx, "2BP01", d,
				  "cannot drop desired object(s) because other objects depend on "
				  "them");
	else
		pgfn_error_detail(ctx, "2BP01", d,
				  "cannot drop %s %s because other objects depend on it", kind,
				  name);
}

/* shardlite_drop_refs(table, listed...), before DROP TABLE without CASCADE: a foreign key of
 * a table the statement does not drop (listed) that references table is PostgreSQL's 2BP01,
 * each named in DETAIL (SQLite would drop the table and leave the key dangling, or refuse
 * with its own foreign key error when the key has rows). */
static void fn_drop_refs(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	char *msg = NULL; /* a catalog that cannot be read holds no key back: SQLite's checks do */
	const struct cat_model *m = table ? cat_conn_model(sqlite3_user_data(ctx), &msg) : NULL;
	sqlite3_free(msg);
	sqlite3_result_null(ctx);
	if (!m)
		return;
	struct strbuf detail;
	strbuf_init(&detail, 0);
	for (size_t i = 0; i < m->nfks; i++) {
		const struct cat_fkey *f = m->fks[i];
		if (f->reftable && sqlite3_stricmp(f->reftable, table) == 0 &&
		    !listed(argv + 1, argc - 1, f->table->name))
			/* a copy for a partition (catalog_partinh.c): PostgreSQL names its parent */
			strbuf_printf(&detail, "%sconstraint %s on table %s depends on table %s",
				      detail.len ? "\n" : "", f->parent ? f->parent->name : f->name,
				      f->table->name, table);
	}
	if (detail.len)
		restrict_error(ctx, &detail, "table", table, argc - 1);
	strbuf_fini(&detail);
}

/* shardlite_drop_restrict(kind, name, listed...), after the DROP of name without CASCADE
 * (kind "table" or "view"): the views marked before the statement's first drop that no
 * longer compile, and are not among the statement's own objects (listed), depend on it:
 * PostgreSQL's 2BP01, each named in DETAIL, and the statement (a script run in a savepoint)
 * is undone. Differs: a view over such a view is named as depending on name itself, where
 * PostgreSQL's DETAIL says which view it reads. */
static void fn_drop_restrict(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct cat_conn *cc = sqlite3_user_data(ctx);
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *kind = (const char *)sqlite3_value_text(argv[0]);
	const char *name = (const char *)sqlite3_value_text(argv[1]);
	sqlite3_result_null(ctx);
	if (!kind || !name)
		return;
	struct strbuf detail;
	strbuf_init(&detail, 0);
	const char *marked = cc->views_marked;
	for (const char *p = marked, *nl; p && (nl = strchr(p, '\n')); p = nl + 1) {
		char *v = sqlite3_mprintf("%.*s", (int)(nl - p), p);
		if (v && !listed(argv + 2, argc - 2, v) && view_exists(db, v) &&
		    !view_compiles(db, v))
			strbuf_printf(&detail, "%sview %s depends on %s %s", detail.len ? "\n" : "",
				      v, kind, name);
		sqlite3_free(v);
	}
	if (detail.len)
		restrict_error(ctx, &detail, kind, name, argc - 2);
	strbuf_fini(&detail);
}

/* Whether a foreign key of the tenant's tables references table. */
static bool referenced(sqlite3 *db, const char *table)
{
	sqlite3_stmt *st = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(
		    db,
		    "SELECT 1 FROM main.sqlite_schema s, pragma_foreign_key_list(s.name) f "
		    "WHERE s.type = 'table' AND f.\"table\" = ?1 COLLATE NOCASE LIMIT 1",
		    -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return found;
}

/* Whether a UNIQUE index's INCLUDE mark (CATALOG_INCLUDE_MARK) names column. */
static bool includes(const char *sql, const char *column)
{
	struct arena *a = arena_new(0);
	const char **names = NULL;
	int n = cat_index_include_names(a, sql, &names);
	bool found = false;
	for (int i = 0; i < n && !found; i++)
		found = sqlite3_stricmp(names[i], column) == 0;
	arena_free(a);
	return found;
}

/* shardlite_column_indexes_drop(table, column): drops the indexes CREATE INDEX made whose
 * keys include the column (pragma_index_xinfo names it) or whose expressions or WHERE name it
 * (the index's text after its first parenthesis), as PostgreSQL drops every index involving
 * the column. A unique or primary key constraint's index stays: the shard drops the
 * constraint first (shard_dropcol.c). */
static void fn_column_indexes_drop(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	const char *column = (const char *)sqlite3_value_text(argv[1]);
	sqlite3_result_null(ctx);
	sqlite3_stmt *vm = NULL;
	if (!table || !column ||
	    sqlite3_prepare_v2(db,
			       "SELECT il.name, EXISTS (SELECT 1 FROM pragma_index_xinfo(il.name) x "
			       "WHERE x.key AND x.name = ?2 COLLATE NOCASE), (SELECT sql FROM "
			       "sqlite_schema WHERE name = il.name UNION ALL SELECT sql FROM "
			       "sqlite_temp_schema WHERE name = il.name LIMIT 1) FROM "
			       "pragma_index_list(?1) il WHERE il.origin = 'c'",
			       -1, &vm, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(vm, 2, column, -1, SQLITE_STATIC);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	while (sqlite3_step(vm) == SQLITE_ROW) {
		const char *ix = (const char *)sqlite3_column_text(vm, 0);
		const char *sql = (const char *)sqlite3_column_text(vm, 2);
		const char *body = sql ? strchr(sql, '(') : NULL; /* past its name and table */
		bool key = sqlite3_column_int(vm, 1) || (body && cat_scan_mentions(body, column));
		if (!ix || (!key && !includes(sql, column)))
			continue;
		/* a foreign key may stand on the index (PostgreSQL: 2BP01 or, with CASCADE, the
		 * key dropped too), which the column's own dependents do not show */
		if (!key && referenced(db, table)) {
			pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
				   "DROP COLUMN of a column the UNIQUE index \"%s\" INCLUDEs, of a "
				   "table foreign keys reference, is not supported",
				   ix);
			sqlite3_finalize(vm);
			strbuf_fini(&sb);
			return;
		}
		char *drop = sqlite3_mprintf("DROP INDEX \"%w\"; SELECT shardlite_forget('index', %Q); ",
					     ix, ix);
		strbuf_puts(&sb, drop ? drop : "");
		sb.failed |= drop == NULL;
		sqlite3_free(drop);
		cat_exclude_drop_sql(&sb, ix); /* an EXCLUDE constraint's triggers go with it */
	}
	sqlite3_finalize(vm); /* before the drops: no statement may read the schema meanwhile */
	int rc = sb.failed ? SQLITE_NOMEM
		 : sb.len  ? sqlite3_exec(db, sb.data, NULL, NULL, NULL)
			   : SQLITE_OK;
	strbuf_fini(&sb);
	if (rc != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		sqlite3_result_error_code(ctx, rc);
	}
}

/* ---- DROP FUNCTION: what calls the function (shardlite_call(name, sig, ...)) ---- */

/* Whether sql (SQLite text) calls the routine whose calls start with call or icall. */
static bool calls(const char *sql, const char *call, const char *icall)
{
	return sql && (strstr(sql, call) || strstr(sql, icall));
}

/* The triggers CREATE TRIGGER made with the function (the sidecar's func_name and func_sig),
 * as "table\nname\n" pairs (malloc'd; "" for none). */
static char *function_triggers(sqlite3 *db, const char *name, const char *sig)
{
	struct strbuf sb;
	sqlite3_stmt *vm = NULL;
	strbuf_init(&sb, 0);
	if (sqlite3_prepare_v2(
		    db,
		    "SELECT table_name, name FROM main._shardlite_triggers WHERE func_name "
		    "= ?1 AND func_sig = ?2 ORDER BY table_name, name",
		    -1, &vm, NULL) == SQLITE_OK) { /* no sidecar: no trigger */
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 2, sig, -1, SQLITE_STATIC);
		while (sqlite3_step(vm) == SQLITE_ROW)
			strbuf_printf(&sb, "%s\n%s\n", (const char *)sqlite3_column_text(vm, 0),
				      (const char *)sqlite3_column_text(vm, 1));
	}
	sqlite3_finalize(vm);
	strbuf_putc(&sb, '\0');
	return strbuf_take(&sb);
}

/* Whether the model has trigger name on table (the sidecar keeps the rows of a dropped
 * table's triggers). */
static bool live_trigger(const struct cat_model *m, const char *table, const char *name)
{
	for (size_t i = 0; i < m->ntriggers; i++) {
		const struct cat_trigger *g = m->triggers[i];
		if (g->table && strcmp(g->name, name) == 0 && strcmp(g->table->name, table) == 0)
			return true;
	}
	return false;
}

/* The statements that drop trigger name on table: its SQLite triggers (xlat_trigger.c names
 * them table.name.event[.apply]) and its sidecar rows. */
static void drop_trigger_sql(struct strbuf *sb, sqlite3 *db, const char *table, const char *name)
{
	static const char *const events[] = {"ins", "upd", "del", "stmt"};
	for (size_t i = 0; i < ARRAY_LEN(events); i++)
		for (int apply = 0; apply < 2; apply++)
			strbuf_printf(sb, "DROP TRIGGER IF EXISTS \"%s.%s.%s%s\"; ", table, name,
				      events[i], apply ? ".apply" : "");
	static const char *const sidecars[] = {"_shardlite_triggers", "_shardlite_trigger_refs",
					       "_shardlite_trigger_from"};
	for (size_t i = 0; i < ARRAY_LEN(sidecars); i++) {
		if (sqlite3_table_column_metadata(db, "main", sidecars[i], NULL, NULL, NULL, NULL,
						  NULL, NULL) != SQLITE_OK)
			continue;
		char *del = sqlite3_mprintf("DELETE FROM main.%s WHERE table_name = %Q AND name = "
					    "%Q; ",
					    sidecars[i], table, name);
		strbuf_puts(sb, del ? del : "");
		sb->failed |= del == NULL;
		sqlite3_free(del);
	}
}

/* shardlite_function_drop(name, sig, what, cascade), before DROP FUNCTION removes the
 * routine's rows (what: PostgreSQL's "function f(integer)"). What calls it: a trigger made
 * with it, a view, a column default, a CHECK constraint or an index whose SQLite text calls
 * it. Without CASCADE, PostgreSQL's 2BP01 naming each in DETAIL (the drop left them failing
 * at their next use). With CASCADE, the triggers and views go with it (and the views reading
 * those views), each noted for the NOTICE; a default, CHECK or index is 0A000. */
static void fn_function_drop(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct cat_conn *cc = sqlite3_user_data(ctx);
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *sig = (const char *)sqlite3_value_text(argv[1]);
	const char *what = (const char *)sqlite3_value_text(argv[2]);
	bool cascade = sqlite3_value_int(argv[3]) != 0;
	sqlite3_result_null(ctx);
	char *msg = NULL;
	const struct cat_model *m = name && sig && what ? cat_conn_model(cc, &msg) : NULL;
	sqlite3_free(msg);
	if (!m)
		return;
	char *call = sqlite3_mprintf(XLAT_CALL_FN "(%Q, %Q", name, sig);
	char *icall = sqlite3_mprintf(XLAT_ICALL_FN "(%Q, %Q", name, sig);
	char *triggers = function_triggers(db, name, sig);
	struct strbuf detail, views, drops;
	strbuf_init(&detail, 0);
	strbuf_init(&views, 0);
	strbuf_init(&drops, 0);
	const char *fixed = NULL; /* a dependent CASCADE cannot drop */
	for (char *p = triggers, *nl, *nl2;
	     p && (nl = strchr(p, '\n')) && (nl2 = strchr(nl + 1, '\n')); p = nl2 + 1) {
		*nl = *nl2 = '\0';
		const struct cat_rel *t = cat_model_rel(m, p);
		if (!t || !live_trigger(m, p, nl + 1) || t->part_parent)
			continue; /* a row DROP TABLE left; a partition's copy of its parent's */
		strbuf_printf(&detail, "%strigger %s on table %s depends on %s",
			      detail.len ? "\n" : "", nl + 1, p, what);
		char *note = sqlite3_mprintf("trigger %s on table %s", nl + 1, p);
		catalog_cascaded_note(cc, note);
		sqlite3_free(note);
	}
	for (size_t i = 0; call && icall && i < m->nrels; i++) {
		const struct cat_rel *r = m->rels[i];
		if (r->kind == 'v' && !r->part_parent && calls(r->sql, call, icall)) {
			strbuf_printf(&detail, "%sview %s depends on %s", detail.len ? "\n" : "",
				      r->name, what);
			strbuf_printf(&views, "%s\n", r->name);
		}
		for (int k = 0; r->kind == 'r' && k < r->ncols; k++) {
			const struct cat_col *col = &r->cols[k];
			if (col->generated || !calls(col->dflt_sql, call, icall))
				continue;
			strbuf_printf(&detail,
				      "%sdefault value for column %s of table %s depends on %s",
				      detail.len ? "\n" : "", col->name, r->name, what);
			fixed = "a column default";
		}
		if (r->kind != 'r' || !calls(r->sql, call, icall))
			continue;
		struct arena *a = arena_new(0); /* a generated column's SQLite expression */
		struct cat_scanned *sc = NULL;
		size_t nsc = 0;
		cat_scan_table(a, r->sql, &sc, &nsc);
		for (size_t k = 0; k < nsc; k++) {
			if (sc[k].kind != CAT_CON_GENERATED || !sc[k].column ||
			    !calls(sc[k].sql, call, icall))
				continue;
			strbuf_printf(&detail, "%scolumn %s of table %s depends on %s",
				      detail.len ? "\n" : "", sc[k].column, r->name, what);
			fixed = "a generated column";
		}
		arena_free(a);
	}
	/* indexes: the model keeps their keys' PostgreSQL texts, SQLite's schema the calls */
	sqlite3_stmt *vm = NULL;
	if (call && icall &&
	    sqlite3_prepare_v2(
		    db,
		    "SELECT name FROM sqlite_schema WHERE type = 'index' AND (instr(sql, "
		    "?1) OR instr(sql, ?2)) UNION ALL SELECT name FROM sqlite_temp_schema "
		    "WHERE type = 'index' AND (instr(sql, ?1) OR instr(sql, ?2)) ORDER BY 1",
		    -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, call, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 2, icall, -1, SQLITE_STATIC);
		while (sqlite3_step(vm) == SQLITE_ROW) {
			strbuf_printf(&detail, "%sindex %s depends on %s", detail.len ? "\n" : "",
				      (const char *)sqlite3_column_text(vm, 0), what);
			fixed = "an index";
		}
	}
	sqlite3_finalize(vm);
	for (size_t i = 0; call && icall && i < m->nchecks; i++) {
		if (!calls(m->checks[i]->expr, call, icall))
			continue;
		strbuf_printf(&detail, "%sconstraint %s on table %s depends on %s",
			      detail.len ? "\n" : "", m->checks[i]->name, m->checks[i]->table->name,
			      what);
		fixed = "a CHECK constraint";
	}
	if (!call || !icall || detail.failed || views.failed) {
		sqlite3_result_error_nomem(ctx);
	} else if (detail.len && !cascade) {
		free(catalog_cascaded_take(cc)); /* the trigger notes of a drop that fails */
		pgfn_error_detail(ctx, "2BP01", detail.data,
				  "cannot drop %s because other objects depend on it", what);
	} else if (fixed) {
		free(catalog_cascaded_take(cc));
		pgfn_error(
			ctx, "0A000",
			"DROP FUNCTION ... CASCADE of a function that %s calls (drop or change it first)",
			fixed);
	} else if (detail.len) {
		char *marked = compiling_views(db);
		for (const char *p = triggers; p && *p;) { /* "table\0name\0" pairs by now */
			const char *trig = p + strlen(p) + 1;
			drop_trigger_sql(&drops, db, p, trig);
			p = trig + strlen(trig) + 1;
		}
		for (char *p = views.data, *nl; p && (nl = strchr(p, '\n')); p = nl + 1) {
			*nl = '\0';
			note_view(cc, p);
			char *one = sqlite3_mprintf("DROP VIEW IF EXISTS \"%w\"; SELECT "
						    "shardlite_forget('view', %Q); ",
						    p, p);
			strbuf_puts(&drops, one ? one : "");
			drops.failed |= one == NULL;
			sqlite3_free(one);
		}
		int rc = drops.failed ? SQLITE_NOMEM
			 : drops.len  ? sqlite3_exec(db, drops.data, NULL, NULL, NULL)
				      : SQLITE_OK;
		cc->views_marked = marked; /* the views over those views go too */
		if (rc == SQLITE_OK)
			fn_views_sweep(ctx, 0, NULL);
		else {
			free(cc->views_marked);
			cc->views_marked = NULL;
			sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
			sqlite3_result_error_code(ctx, rc);
		}
	}
	strbuf_fini(&detail);
	strbuf_fini(&views);
	strbuf_fini(&drops);
	free(triggers);
	sqlite3_free(call);
	sqlite3_free(icall);
}

bool cat_cascade_register(sqlite3 *db, struct cat_conn *cc)
{
	const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY;
	return sqlite3_create_function_v2(db, "shardlite_cascade_check", -1, flags, cc,
					  fn_cascade_check, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_views_mark", 0, flags, cc, fn_views_mark,
					  NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_views_sweep", 0, flags, cc, fn_views_sweep,
					  NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_drop_refs", -1, flags, cc, fn_drop_refs,
					  NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_drop_restrict", -1, flags, cc,
					  fn_drop_restrict, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_column_indexes_drop", 2, flags, NULL,
					  fn_column_indexes_drop, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_function_drop", 4, flags, cc,
					  fn_function_drop, NULL, NULL, NULL) == SQLITE_OK;
}
