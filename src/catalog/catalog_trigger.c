/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_trigger.c: triggers as pg_trigger shows them. Those of CREATE TRIGGER (sidecar
 * _shardlite_triggers, catalog_udf.c) are one row each under their own name, with their
 * function and PostgreSQL's definition text. A tenant file made or changed by other SQLite
 * tools may have SQLite triggers of its own, and they fire: the catalog lists them too, with
 * tgtype computed from their definition and pg_get_triggerdef answering their SQL. */
#include "catalog_int.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* PostgreSQL's tgtype bits (pg_trigger.h). */
enum { TG_ROW = 1, TG_BEFORE = 2, TG_INSERT = 4, TG_DELETE = 8, TG_UPDATE = 16,
       TG_INSTEAD = 64 };

/* Whether word occurs in sql as a whole word before the first " ON " (the event clause);
 * quoted names are not looked into. */
static bool has_word(const char *sql, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = sql; *p; p++) {
		if (*p == '"' || *p == '\'' || *p == '`' || *p == '[') {
			char q = *p == '[' ? ']' : *p;
			const char *e = strchr(p + 1, q);
			if (!e)
				return false;
			p = e;
			continue;
		}
		if (strncasecmp(p, " ON ", 4) == 0)
			return false;
		if (strncasecmp(p, word, n) == 0 && (p == sql || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]) && p[n] != '_')
			return true;
	}
	return false;
}

static int16_t tgtype(const char *sql)
{
	int16_t t = TG_ROW; /* SQLite triggers are FOR EACH ROW */
	if (has_word(sql, "BEFORE"))
		t |= TG_BEFORE;
	if (has_word(sql, "INSTEAD"))
		t |= TG_INSTEAD;
	if (has_word(sql, "INSERT"))
		t |= TG_INSERT;
	if (has_word(sql, "DELETE"))
		t |= TG_DELETE;
	if (has_word(sql, "UPDATE"))
		t |= TG_UPDATE;
	return t;
}

bool cat_trigger_load(sqlite3 *db, struct cat_model *m)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' "
			       "AND sql IS NOT NULL ORDER BY rowid",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const struct cat_rel *t = cat_model_rel(m, (const char *)sqlite3_column_text(st, 1));
		if (!t)
			continue;
		struct cat_trigger *g = arena_zalloc(m->a, sizeof(*g));
		bool skip = false;
		g->table = t;
		if (cat_udf_trigger(db, m, t->name, (const char *)sqlite3_column_text(st, 0), g,
				    &skip)) {
			if (!skip) /* CREATE TRIGGER's: one row for its SQLite triggers */
				cat_model_push_trigger(m, g);
			continue;
		}
		g->name = arena_strdup(m->a, (const char *)sqlite3_column_text(st, 0));
		g->sql = arena_strdup(m->a, (const char *)sqlite3_column_text(st, 2));
		g->oid = cat_oid("trg", t->name, g->name);
		g->type = tgtype(g->sql);
		cat_model_push_trigger(m, g);
	}
	return sqlite3_finalize(st) == SQLITE_OK;
}

bool cat_model_has_triggers(const struct cat_model *m, const struct cat_rel *t)
{
	for (size_t i = 0; i < m->ntriggers; i++) {
		if (m->triggers[i]->table == t)
			return true;
	}
	return false;
}

static bool fill_trigger(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	(void)cc;
	for (size_t i = 0; i < m->ntriggers; i++) {
		const struct cat_trigger *g = m->triggers[i];
		cat_row(r);
		cat_int(r, g->oid);
		cat_int(r, g->table->oid);
		cat_int(r, 0);
		cat_text(r, g->name);
		cat_int(r, g->foid); /* 0 for SQLite's own: the body is SQL in the trigger */
		cat_int(r, g->type);
		cat_char(r, g->enabled ? g->enabled : 'O');
		cat_bool(r, false);
		cat_int(r, 0);
		cat_int(r, 0);
		cat_int(r, 0);
		cat_bool(r, false);
		cat_bool(r, false);
		cat_int(r, g->nargs);
		cat_text(r, "");
		cat_text(r, "");
		cat_null(r);
		cat_null(r);
		cat_null(r);
	}
	return true;
}

/* pg_get_triggerdef(oid [, pretty]): SQLite's CREATE TRIGGER text. */
static void fn_triggerdef(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct cat_model *m = cat_fn_model(ctx);
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	for (size_t i = 0; m && i < m->ntriggers; i++) {
		const struct cat_trigger *g = m->triggers[i];
		if (g->oid != oid)
			continue;
		const char *on = g->foid ? strstr(g->sql, " ON public.") : NULL;
		if (on && argc == 2 && sqlite3_value_int(argv[1])) { /* pretty: the visible name */
			struct strbuf sb;
			strbuf_init(&sb, 0);
			strbuf_append(&sb, g->sql, (size_t)(on - g->sql));
			strbuf_puts(&sb, " ON ");
			strbuf_puts(&sb, on + strlen(" ON public."));
			cat_result_text(ctx, sb.data ? sb.data : "");
			strbuf_fini(&sb);
			return;
		}
		cat_result_text(ctx, g->sql);
		return;
	}
	if (m)
		sqlite3_result_null(ctx);
}

static const struct cat_reldef defs[] = {
	{"pg_trigger",
	 "oid oid, tgrelid oid, tgparentid oid, tgname name, tgfoid oid, tgtype int2, "
	 "tgenabled pg_char, tgisinternal bool, tgconstrrelid oid, tgconstrindid oid, "
	 "tgconstraint oid, tgdeferrable bool, tginitdeferred bool, tgnargs int2, "
	 "tgattr int2vector, tgargs bytea, tgqual pg_node_tree, tgoldtable name, tgnewtable name",
	 fill_trigger},
};

const struct cat_reldef *cat_trigger_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}

bool cat_trigger_register(sqlite3 *db, struct cat_conn *cc)
{
	for (int nargs = 1; nargs <= 2; nargs++) {
		if (sqlite3_create_function_v2(db, "pg_get_triggerdef", nargs,
					       SQLITE_UTF8 | SQLITE_INNOCUOUS, cc, fn_triggerdef,
					       NULL, NULL, NULL) != SQLITE_OK)
			return false;
	}
	return true;
}
