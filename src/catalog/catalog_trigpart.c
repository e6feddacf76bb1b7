/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_trigpart.c: ALTER TABLE p1 {ENABLE | DISABLE} TRIGGER of a partition's copy of its
 * partitioned table's row trigger (docs/sql-compat.md, "Partitioned tables"). The copy has no
 * trigger of its own (the partitioned table's fires for the partition's rows), so its flag is
 * a row of the sidecar _shardlite_trigger_parts (partition, trigger, the partitioned table the
 * trigger is on, flag), which pg_trigger shows as the copy's tgenabled and the session reads
 * before it fires the trigger for a row of that partition. A row goes when the trigger's
 * flag is set on the partitioned table (PostgreSQL recurses), and when the trigger or the
 * partition is made again: a leftover of a dropped one never holds for a new one. */
#include "catalog_int.h"

#include "pgfn.h"

#include <string.h>

#define SIDECAR "_shardlite_trigger_parts"

static bool sidecar_exists(sqlite3 *db)
{
	return sqlite3_table_column_metadata(db, "main", SIDECAR, "part", NULL, NULL, NULL, NULL,
					     NULL) == SQLITE_OK;
}

bool catalog_trigger_parts_any(sqlite3 *db) { return sidecar_exists(db); }

int catalog_trigger_part_enabled(sqlite3 *db, const char *table, const char *name, const char *part)
{
	if (!table || !name || !part || !sidecar_exists(db))
		return -1;
	sqlite3_stmt *st = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(db,
			       "SELECT enabled FROM main." SIDECAR " WHERE part = ?1 AND name = ?2 "
			       "AND table_name = ?3",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, part, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, table, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0) & 3;
	}
	sqlite3_finalize(st);
	return v;
}

/* Runs fmt's SQL (SQLite's printf) when the sidecar exists; false with ctx's error. */
static bool exec_if(sqlite3_context *ctx, sqlite3 *db, const char *fmt, const char *a,
		    const char *b)
{
	if (!sidecar_exists(db))
		return true;
	char *q = sqlite3_mprintf(fmt, a, b);
	int rc = q ? sqlite3_exec(db, q, NULL, NULL, NULL) : SQLITE_NOMEM;
	sqlite3_free(q);
	if (rc != SQLITE_OK)
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "%s", sqlite3_errmsg(db));
	return rc == SQLITE_OK;
}

/* Whether rel is child or under it (a partitioned partition's partitions). */
static bool under(const struct cat_model *m, const struct cat_rel *rel, const char *child)
{
	for (int depth = 0; rel && depth < 64; depth++) {
		if (strcmp(rel->name, child) == 0)
			return true;
		rel = rel->part_parent ? cat_model_rel(m, rel->part_parent) : NULL;
	}
	return false;
}

bool cat_trigpart_forget_part(sqlite3_context *ctx, sqlite3 *db, const char *child)
{
	if (!sidecar_exists(db))
		return true;
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return false;
	if (!exec_if(ctx, db, "DELETE FROM main." SIDECAR " WHERE part = %Q", child, NULL))
		return false;
	for (size_t i = 0; m && i < m->nrels; i++) /* an attached partitioned table's own */
		if (m->rels[i]->part_parent && strcmp(m->rels[i]->name, child) != 0 &&
		    under(m, m->rels[i], child) &&
		    !exec_if(ctx, db, "DELETE FROM main." SIDECAR " WHERE part = %Q",
			     m->rels[i]->name, NULL))
			return false;
	return true;
}

bool cat_trigpart_renamed(sqlite3_context *ctx, sqlite3 *db, const char *from, const char *to)
{
	return exec_if(ctx, db, "UPDATE main." SIDECAR " SET part = %Q WHERE part = %Q", to, from);
}

/* shardlite_trigger_part_forget(table, name): trigger name of partitioned table table was
 * made, dropped or had its flag set (name NULL: every trigger of table); its partitions'
 * flags go. */
static void fn_forget(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	const char *name = (const char *)sqlite3_value_text(argv[1]);
	if (table &&
	    !exec_if(ctx, db,
		     name ? "DELETE FROM main." SIDECAR " WHERE table_name = %Q AND name = %Q"
			  : "DELETE FROM main." SIDECAR " WHERE table_name = %Q",
		     table, name))
		return;
	sqlite3_result_null(ctx);
}

/* The partitioned table at the top of rel's partitions (where its row triggers are). */
static const struct cat_rel *top_of(const struct cat_model *m, const struct cat_rel *rel)
{
	for (int depth = 0; rel && rel->part_parent && depth < 64; depth++) {
		const struct cat_rel *up = cat_model_rel(m, rel->part_parent);
		if (!up)
			break;
		rel = up;
	}
	return rel;
}

/* shardlite_trigger_part_set(partition, name, flag): ALTER TABLE partition {ENABLE | DISABLE}
 * TRIGGER name (NULL: ALL, USER), flag 0 disabled, 1 enabled, 2 always, 3 replica. */
static void fn_set(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *part = (const char *)sqlite3_value_text(argv[0]);
	const char *name = (const char *)sqlite3_value_text(argv[1]);
	int flag = sqlite3_value_int(argv[2]) & 3;
	const struct cat_model *m = part ? cat_fn_model(ctx) : NULL;
	if (!m)
		return;
	const struct cat_rel *rel = cat_model_rel(m, part);
	const struct cat_rel *top = rel ? top_of(m, rel) : NULL;
	if (!rel || !top || top == rel) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "\"%s\" is not a partition", part);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "CREATE TABLE IF NOT EXISTS main." SIDECAR " (part TEXT NOT NULL, name "
			 "TEXT NOT NULL, table_name TEXT NOT NULL, enabled INTEGER NOT NULL, "
			 "PRIMARY KEY (part, name))");
	bool found = false;
	for (size_t i = 0; i < m->ntriggers; i++) {
		const struct cat_trigger *g = m->triggers[i];
		/* the copies on rel (the row triggers of the top table), and on its partitions
		 * when it is partitioned: PostgreSQL recurses */
		if (!g->parent || (name && strcmp(g->name, name) != 0) || !under(m, g->table, part))
			continue;
		found |= g->table == rel;
		char *q = sqlite3_mprintf("; INSERT OR REPLACE INTO main." SIDECAR
					  " VALUES (%Q, %Q, %Q, %d)",
					  g->table->name, g->name, top->name, flag);
		strbuf_puts(&sb, q ? q : "");
		sb.failed |= q == NULL;
		sqlite3_free(q);
	}
	/* the flag shows in pg_trigger: move schema_version so that catalogs read it again */
	strbuf_puts(&sb, "; DROP INDEX IF EXISTS main._shardlite_triggers_v; CREATE INDEX "
			 "main._shardlite_triggers_v ON _shardlite_triggers (enabled)");
	if (name && !found)
		pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT,
			   "trigger \"%s\" for table \"%s\" does not exist", name, part);
	else if (sb.failed)
		pgfn_error(ctx, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	else if (sqlite3_exec(db, sb.data, NULL, NULL, NULL) != SQLITE_OK)
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "%s", sqlite3_errmsg(db));
	else
		sqlite3_result_null(ctx);
	strbuf_fini(&sb);
}

void cat_trigpart_load(sqlite3 *db, struct cat_model *m)
{
	sqlite3_stmt *st = NULL;
	if (!sidecar_exists(db) ||
	    sqlite3_prepare_v2(db, "SELECT part, name, table_name, enabled FROM main." SIDECAR, -1,
			       &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *part = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *table = (const char *)sqlite3_column_text(st, 2);
		for (size_t i = 0; part && name && table && i < m->ntriggers; i++) {
			struct cat_trigger *g = m->triggers[i];
			const struct cat_trigger *top = g->parent;
			while (top && top->parent)
				top = top->parent;
			if (top && strcmp(g->table->name, part) == 0 &&
			    strcmp(g->name, name) == 0 && strcmp(top->table->name, table) == 0)
				g->enabled = "DOAR"[sqlite3_column_int(st, 3) & 3];
		}
	}
	sqlite3_finalize(st);
}

bool cat_trigpart_register(sqlite3 *db, struct cat_conn *cc)
{
	const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY;
	return sqlite3_create_function_v2(db, "shardlite_trigger_part_set", 3, flags, cc, fn_set,
					  NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_trigger_part_forget", 2, flags, cc,
					  fn_forget, NULL, NULL, NULL) == SQLITE_OK;
}
