/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_fkset.c: the triggers of FOREIGN KEY ... ON DELETE SET NULL (cols)
 * (src/xlat/xlat_fkset.c). The catalog reads each as its key's confdelsetcols, not as a
 * trigger; shardlite_fkset_sweep() drops those whose key is gone (its table dropped, the
 * key dropped or changed by a rebuild), which would otherwise fail every DELETE of the
 * referenced table. */
#include "catalog_int.h"

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

int cat_fkset_sweep(sqlite3 *db)
{
	struct arena *a = arena_new(0);
	struct strbuf drop;
	strbuf_init(&drop, 0);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db,
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

bool cat_fkset_register(sqlite3 *db)
{
	return sqlite3_create_function_v2(db, "shardlite_fkset_sweep", 0,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL, fn_fkset_sweep,
					  NULL, NULL, NULL) == SQLITE_OK;
}
