/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_fkset.c: the triggers of FOREIGN KEY ... ON DELETE SET NULL (cols)
 * (src/xlat/xlat_fkset.c). The catalog reads each as its key's confdelsetcols, not as a
 * trigger; shardlite_fkset_sweep() drops those whose key is gone (its table dropped, the
 * key dropped or changed by a rebuild), which would otherwise fail every DELETE of the
 * referenced table. Also the triggers that check a NOT VALID foreign key's changed rows
 * (XLAT_NVFK_PREFIX) and those of a UNIQUE index made NULLS NOT DISTINCT (XLAT_NND_PREFIX),
 * made and dropped here to match the keys and indexes the tables have. */
#include "catalog_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xlat.h"

static int16_t col_attnum(const struct cat_rel *t, const char *name)
{
	for (int i = 0; name && t && i < t->ncols; i++) {
		if (strcasecmp(t->cols[i].name, name) == 0)
			return (int16_t)(i + 1);
	}
	return 0;
}

bool cat_fkset_trigger(const char *name)
{
	return name && strncmp(name, XLAT_FKSET_PREFIX, strlen(XLAT_FKSET_PREFIX)) == 0;
}

/* Whether key f of its table is the one s names: the same referenced table and columns. */
static bool same_key(const struct cat_fkey *f, const char *parent, const struct cat_fkset *s)
{
	if (f->del != 'n' || f->ncols != s->nkeys || strcasecmp(f->table->name, s->child) != 0 ||
	    strcasecmp(f->reftable, parent) != 0)
		return false;
	for (int i = 0; i < f->ncols; i++) {
		if (col_attnum(f->table, s->keys[i]) != f->from[i])
			return false;
	}
	return true;
}

void cat_fkset_attach(struct cat_model *m, const char *parent, const char *sql)
{
	struct cat_fkset s;
	if (!parent || !cat_scan_fkset(m->a, sql, &s))
		return;
	for (size_t i = 0; i < m->nfks; i++) {
		struct cat_fkey *f = m->fks[i];
		if (f->delset || !same_key(f, parent, &s))
			continue;
		f->delset = arena_zalloc(m->a, (size_t)s.nset * sizeof(*f->delset));
		for (int k = 0; k < s.nset; k++)
			f->delset[f->ndelset++] = col_attnum(f->table, s.set[k]);
		return;
	}
}

/* Whether the child table still has the key the trigger was made for (pragma
 * foreign_key_list: its columns in order, the referenced table, SET NULL). */
static bool key_there(sqlite3 *db, const char *parent, const struct cat_fkset *s)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT id, \"from\", \"table\", on_delete FROM "
			       "pragma_foreign_key_list(?1, 'main') ORDER BY id, seq",
			       -1, &st, NULL) != SQLITE_OK)
		return true; /* not known: kept */
	sqlite3_bind_text(st, 1, s->child, -1, SQLITE_STATIC);
	bool found = false, same = false;
	int id = -1, n = 0;
	while (!found && sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3_column_int(st, 0) != id) {
			found = same && n == s->nkeys;
			id = sqlite3_column_int(st, 0);
			n = 0;
			const char *t = (const char *)sqlite3_column_text(st, 2);
			const char *del = (const char *)sqlite3_column_text(st, 3);
			same = t && del && sqlite3_stricmp(t, parent) == 0 &&
			       sqlite3_stricmp(del, "SET NULL") == 0;
		}
		const char *from = (const char *)sqlite3_column_text(st, 1);
		same = same && n < s->nkeys && from && sqlite3_stricmp(from, s->keys[n]) == 0;
		n++;
	}
	found = found || (same && n == s->nkeys);
	sqlite3_finalize(st);
	return found;
}

static int nvfk_sync(sqlite3 *db);

int cat_fkset_sweep(sqlite3 *db)
{
	struct arena *a = arena_new(0);
	struct strbuf drop;
	strbuf_init(&drop, 0);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(
		db,
		"SELECT name, tbl_name, sql FROM main.sqlite_schema WHERE type = "
		"'trigger' AND substr(name, 1, length('" XLAT_FKSET_PREFIX
		"')) = '" XLAT_FKSET_PREFIX "'",
		-1, &st, NULL);
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		struct cat_fkset s;
		const char *parent = (const char *)sqlite3_column_text(st, 1);
		if (cat_scan_fkset(a, (const char *)sqlite3_column_text(st, 2), &s) && parent &&
		    key_there(db, parent, &s))
			continue;
		strbuf_puts(&drop, "DROP TRIGGER IF EXISTS main.");
		strbuf_put_quoted(&drop, (const char *)sqlite3_column_text(st, 0), '"');
		strbuf_puts(&drop, "; ");
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK && drop.len)
		rc = drop.failed ? SQLITE_NOMEM : sqlite3_exec(db, drop.data, NULL, NULL, NULL);
	strbuf_fini(&drop);
	arena_free(a);
	return rc == SQLITE_OK ? nvfk_sync(db) : rc;
}

bool cat_nvfk_trigger(const char *name)
{
	return name && strncmp(name, XLAT_NVFK_PREFIX, strlen(XLAT_NVFK_PREFIX)) == 0;
}

/* A table SQLite holds as one: not a view standing for a partition, nor a partitioned one. */
static bool plain_table(const struct cat_rel *t)
{
	return t && t->kind == 'r' && !t->temp && !t->matview && !t->part_key && !t->part_parent &&
	       t->sqlname;
}

/* The trigger that checks NOT VALID key f (not deferrable, of plain tables) as PostgreSQL's
 * RI trigger checks it: a row whose key an UPDATE changes to one set in every column must
 * find its referenced row. SQLite's own check counts violations, and a row that broke the key
 * before (which NOT VALID left there) counts -1 when its key is changed, hiding another
 * row's; the trigger sees each row. Off while foreign keys are deferred (PRAGMA
 * defer_foreign_keys, shard_fk_explain's run again). NULL when f needs none. */
static char *nvfk_sql(const struct cat_model *m, const struct cat_fkey *f)
{
	const struct cat_rel *p = cat_model_rel_in(m, f->reftable, f->table->temp);
	if (!f->not_valid || f->deferrable || f->parent || !plain_table(f->table) ||
	    !plain_table(p) || f->ncols < 1)
		return NULL;
	for (int k = 0; k < f->ncols; k++)
		if (f->from[k] < 1 || f->from[k] > f->table->ncols || f->to[k] < 1 ||
		    f->to[k] > p->ncols)
			return NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "CREATE TRIGGER ");
	strbuf_put_quoted(
		&sb, arena_printf(m->a, XLAT_NVFK_PREFIX "%s.%s", f->table->name, f->name), '"');
	strbuf_puts(&sb, " AFTER UPDATE OF ");
	for (int k = 0; k < f->ncols; k++) {
		strbuf_puts(&sb, k ? ", " : "");
		strbuf_put_quoted(&sb, f->table->cols[f->from[k] - 1].name, '"');
	}
	strbuf_puts(&sb, " ON ");
	strbuf_put_quoted(&sb, f->table->name, '"');
	strbuf_puts(&sb, " WHEN ");
	for (int k = 0; k < f->ncols; k++) {
		strbuf_puts(&sb, "NEW.");
		strbuf_put_quoted(&sb, f->table->cols[f->from[k] - 1].name, '"');
		strbuf_puts(&sb, " IS NOT NULL AND ");
	}
	strbuf_puts(&sb, "(");
	for (int k = 0; k < f->ncols; k++) {
		const char *col = f->table->cols[f->from[k] - 1].name;
		strbuf_puts(&sb, k ? " OR NEW." : "NEW.");
		strbuf_put_quoted(&sb, col, '"');
		strbuf_puts(&sb, " IS NOT OLD.");
		strbuf_put_quoted(&sb, col, '"');
	}
	strbuf_puts(&sb, ") AND NOT EXISTS (SELECT 1 FROM ");
	strbuf_put_quoted(&sb, p->name, '"');
	strbuf_puts(&sb, " WHERE ");
	for (int k = 0; k < f->ncols; k++) {
		strbuf_puts(&sb, k ? " AND " : "");
		strbuf_put_quoted(&sb, p->cols[f->to[k] - 1].name, '"');
		strbuf_puts(&sb, " = NEW.");
		strbuf_put_quoted(&sb, f->table->cols[f->from[k] - 1].name, '"');
	}
	strbuf_puts(
		&sb,
		") AND NOT shardlite_fk_deferred() BEGIN SELECT RAISE(ABORT, '" XLAT_NVFK_MESSAGE
		"'); END");
	return strbuf_take(&sb);
}

static int name_cmp(const void *a, const void *b)
{
	return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

/* ix's key columns as INSERT ... ON CONFLICT (cols) DO NOTHING names its arbiter to the
 * session (xlat_stmt.conflict_keys): sorted, lower case, joined by ','. */
static void key_list(struct strbuf *sb, struct arena *a, const struct cat_index *ix)
{
	const char **v = arena_alloc(a, (size_t)ix->nkeyatts * sizeof(*v));
	for (int k = 0; k < ix->nkeyatts; k++)
		v[k] = ix->table->cols[ix->keys[k] - 1].name;
	qsort(v, (size_t)ix->nkeyatts, sizeof(*v), name_cmp);
	struct strbuf keys;
	strbuf_init(&keys, 0);
	for (int k = 0; k < ix->nkeyatts; k++) {
		strbuf_puts(&keys, k ? "," : "");
		for (const char *p = v[k]; *p; p++)
			strbuf_printf(&keys, "%c", (char)tolower((unsigned char)*p));
	}
	strbuf_put_quoted(sb, keys.failed || !keys.data ? "" : keys.data, '\'');
	strbuf_fini(&keys);
}

/* One of the two triggers of UNIQUE index ix made NULLS NOT DISTINCT (ins: BEFORE INSERT,
 * else BEFORE UPDATE of its columns): a row whose key has a NULL and equals another row's
 * key, NULLs equal, is refused as PostgreSQL refuses it (23505; SQLite's unique index takes
 * NULLs as distinct and checks the rest). NULL when the index needs none. */
static char *nnd_sql(const struct cat_model *m, const struct cat_index *ix, bool ins)
{
	if (!ix->nulls_not_distinct || !ix->unique || ix->deferrable || ix->pred ||
	    !plain_table(ix->table) || ix->nkeyatts < 1) /* a DEFERRABLE one: shard_defkey.c */
		return NULL;
	for (int k = 0; k < ix->nkeyatts; k++)
		if (ix->keys[k] < 1 || ix->keys[k] > ix->table->ncols)
			return NULL;
	const struct cat_rel *t = ix->table;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "CREATE TRIGGER ");
	strbuf_put_quoted(&sb,
			  arena_printf(m->a, XLAT_NND_PREFIX "%s.%s", ix->rel->name,
				       ins ? "ins" : "upd"),
			  '"');
	strbuf_puts(&sb, ins ? " BEFORE INSERT ON " : " BEFORE UPDATE OF ");
	for (int k = 0; !ins && k < ix->nkeyatts; k++) {
		strbuf_puts(&sb, k ? ", " : "");
		strbuf_put_quoted(&sb, t->cols[ix->keys[k] - 1].name, '"');
	}
	strbuf_puts(&sb, ins ? "" : " ON ");
	strbuf_put_quoted(&sb, t->name, '"');
	strbuf_puts(&sb, " WHEN (");
	for (int k = 0; k < ix->nkeyatts; k++) {
		strbuf_puts(&sb, k ? " OR NEW." : "NEW.");
		strbuf_put_quoted(&sb, t->cols[ix->keys[k] - 1].name, '"');
		strbuf_puts(&sb, " IS NULL");
	}
	strbuf_puts(&sb, ") AND EXISTS (SELECT 1 FROM ");
	strbuf_put_quoted(&sb, t->name, '"');
	for (int k = 0; k < ix->nkeyatts; k++) {
		const char *col = t->cols[ix->keys[k] - 1].name;
		strbuf_puts(&sb, k ? " AND " : " WHERE ");
		strbuf_put_quoted(&sb, col, '"');
		strbuf_puts(&sb, " IS NEW.");
		strbuf_put_quoted(&sb, col, '"');
	}
	strbuf_puts(&sb, ins ? "" : " AND rowid <> OLD.rowid");
	/* INSERT ... ON CONFLICT DO NOTHING without a target skips the row, as PostgreSQL's
	 * arbiters (every unique index) do, and so does one whose target is this key's columns
	 * (ON CONFLICT (cols), ON CONSTRAINT k), which infers it as an arbiter */
	if (ins) {
		strbuf_puts(&sb, ") BEGIN SELECT RAISE(IGNORE) WHERE shardlite_exclude_skipping() "
				 "OR shardlite_exclude_skipping(");
		key_list(&sb, m->a, ix);
		strbuf_puts(&sb, "); SELECT RAISE(ABORT, ");
	} else {
		strbuf_puts(&sb, ") BEGIN SELECT RAISE(ABORT, ");
	}
	strbuf_put_quoted(&sb, arena_printf(m->a, XLAT_NND_MESSAGE "\"%s\"", ix->rel->name), '\'');
	strbuf_puts(&sb, "); END");
	return strbuf_take(&sb);
}

/* Makes the NOT VALID keys' triggers match the keys: each key that needs one has it as
 * nvfk_sql writes it, and no other is left (a key validated, dropped, renamed or rebuilt). */
static int nvfk_sync(sqlite3 *db)
{
	/* nothing to read unless a table or index has a mark or a trigger is there */
	sqlite3_stmt *any = NULL;
	bool some =
		sqlite3_prepare_v2(db,
				   "SELECT 1 FROM main.sqlite_schema WHERE (type = 'trigger' AND "
				   "(substr(name, 1, 15) = '" XLAT_NVFK_PREFIX "' OR substr(name, "
				   "1, 14) = '" XLAT_NND_PREFIX "')) OR (type IN ('table', "
				   "'index') AND (instr(sql, '" CATALOG_NOT_VALID_MARK
				   "') OR instr(sql, '" CATALOG_NND_MARK "'))) LIMIT 1",
				   -1, &any, NULL) != SQLITE_OK ||
		sqlite3_step(any) == SQLITE_ROW;
	sqlite3_finalize(any);
	if (!some)
		return SQLITE_OK;
	struct cat_model m;
	struct pgerr err;
	pgerr_clear(&err);
	if (!cat_model_load(db, &m, &err)) {
		cat_model_free(&m);
		return SQLITE_OK; /* not read: left as they are */
	}
	char **want = arena_zalloc(m.a, (m.nfks + 2 * m.nidx + 1) * sizeof(*want));
	size_t nwant = 0;
	for (size_t i = 0; i < m.nfks + 2 * m.nidx; i++) {
		char *sql = i < m.nfks
				    ? nvfk_sql(&m, m.fks[i])
				    : nnd_sql(&m, m.idx[(i - m.nfks) / 2], (i - m.nfks) % 2 == 0);
		if (sql) {
			want[nwant++] = arena_strdup(m.a, sql);
			free(sql);
		}
	}
	bool *have = arena_zalloc(m.a, (nwant + 1) * sizeof(*have));
	struct strbuf ddl;
	strbuf_init(&ddl, 0);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(
		db,
		"SELECT name, sql FROM main.sqlite_schema WHERE type = 'trigger' "
		"AND (substr(name, 1, length('" XLAT_NVFK_PREFIX "')) = '" XLAT_NVFK_PREFIX
		"' OR substr(name, 1, length('" XLAT_NND_PREFIX "')) = '" XLAT_NND_PREFIX "')",
		-1, &st, NULL);
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		const char *sql = (const char *)sqlite3_column_text(st, 1);
		bool keep = false;
		for (size_t k = 0; sql && k < nwant && !keep; k++)
			keep = !have[k] && strcmp(sql, want[k]) == 0 && (have[k] = true);
		if (keep)
			continue;
		strbuf_puts(&ddl, "DROP TRIGGER IF EXISTS main.");
		strbuf_put_quoted(&ddl, (const char *)sqlite3_column_text(st, 0), '"');
		strbuf_puts(&ddl, "; ");
	}
	sqlite3_finalize(st);
	for (size_t k = 0; k < nwant; k++) {
		if (!have[k])
			strbuf_printf(&ddl, "%s; ", want[k]);
	}
	if (rc == SQLITE_OK && ddl.len)
		rc = ddl.failed ? SQLITE_NOMEM : sqlite3_exec(db, ddl.data, NULL, NULL, NULL);
	strbuf_fini(&ddl);
	cat_model_free(&m);
	return rc;
}

static void fn_fkset_sweep(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	int rc = cat_fkset_sweep(db);
	if (rc != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	sqlite3_result_null(ctx);
}

/* shardlite_fk_deferred(): PRAGMA defer_foreign_keys, which a NOT VALID key's trigger reads
 * (the pragma's table is not for a schema's use) */
static void fn_fk_deferred(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	sqlite3_stmt *st = NULL;
	int on = 0;
	if (sqlite3_prepare_v2(sqlite3_context_db_handle(ctx), "PRAGMA defer_foreign_keys", -1, &st,
			       NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		on = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_result_int(ctx, on);
}

bool cat_fkset_register(sqlite3 *db)
{
	return sqlite3_create_function_v2(db, "shardlite_fkset_sweep", 0,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL, fn_fkset_sweep,
					  NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_fk_deferred", 0,
					  SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, fn_fk_deferred,
					  NULL, NULL, NULL) == SQLITE_OK;
}
