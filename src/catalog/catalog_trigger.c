/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_trigger.c: triggers as pg_trigger shows them. Those of CREATE TRIGGER (sidecar
 * _shardlite_triggers, catalog_udf.c) are one row each under their own name, with their
 * function and PostgreSQL's definition text. A tenant file made or changed by other SQLite
 * tools may have SQLite triggers of its own, and they fire: the catalog lists them too, with
 * tgtype computed from their definition and pg_get_triggerdef answering their SQL. */
#include "catalog_int.h"

#include "xlat.h"

#include <ctype.h>
#include <stdlib.h>
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

/* The triggers of one SQLite schema: the file's, or ("temp") the temporary tables', whose
 * SQLite triggers are in the temp schema (their sidecar rows in the file's, by table name). */
static bool load_schema(sqlite3 *db, struct cat_model *m, bool temp)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db,
			       temp ? "SELECT name, tbl_name, sql FROM temp.sqlite_schema WHERE "
				      "type = 'trigger' AND sql IS NOT NULL ORDER BY rowid"
				    : "SELECT name, tbl_name, sql FROM main.sqlite_schema WHERE "
				      "type = 'trigger' AND sql IS NOT NULL ORDER BY rowid",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const struct cat_rel *t =
			cat_model_rel_in(m, (const char *)sqlite3_column_text(st, 1), temp);
		if (t && !temp && cat_fkset_trigger((const char *)sqlite3_column_text(st, 0))) {
			cat_fkset_attach(m, t->name, (const char *)sqlite3_column_text(st, 2));
			continue; /* a key's ON DELETE SET NULL (cols): no trigger in PostgreSQL */
		}
		if (!t || cat_exclude_trigger((const char *)sqlite3_column_text(st, 0)) ||
		    strncmp((const char *)sqlite3_column_text(st, 0), CAT_PART_TRIGGER_PREFIX,
			    strlen(CAT_PART_TRIGGER_PREFIX)) == 0 || /* a partitioned table's routing */
		    xlat_defkey_trigger((const char *)sqlite3_column_text(st, 0)) ||
		    cat_nvfk_trigger((const char *)sqlite3_column_text(st, 0)) ||
		    strncmp((const char *)sqlite3_column_text(st, 0), XLAT_NND_PREFIX,
			    strlen(XLAT_NND_PREFIX)) == 0 || /* NULLS NOT DISTINCT's */
		    cat_rls_trigger((const char *)sqlite3_column_text(st, 0)))
			continue; /* an EXCLUDE constraint's: no trigger in PostgreSQL */
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
		g->oid = cat_oid(temp ? "trgtmp" : "trg", t->name, g->name);
		g->type = tgtype(g->sql);
		cat_model_push_trigger(m, g);
	}
	return sqlite3_finalize(st) == SQLITE_OK;
}

bool cat_trigger_load(sqlite3 *db, struct cat_model *m)
{
	if (!load_schema(db, m, false) || !load_schema(db, m, true))
		return false;
	cat_partinh_triggers(m);
	cat_trigpart_load(db, m);
	return true;
}

bool cat_model_has_triggers(const struct cat_model *m, const struct cat_rel *t)
{
	for (size_t i = 0; i < m->ntriggers; i++) {
		if (m->triggers[i]->table == t)
			return true;
	}
	return false;
}

uint32_t cat_trigger_conoid(const struct cat_trigger *g)
{
	return cat_oid("trgcon", g->table->name, g->name);
}

static bool fill_trigger(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	(void)cc;
	for (size_t i = 0; i < m->ntriggers; i++) {
		const struct cat_trigger *g = m->triggers[i];
		cat_row(r);
		cat_int(r, g->oid);
		cat_int(r, g->table->oid);
		cat_int(r, g->parent ? g->parent->oid : 0); /* tgparentid */
		cat_text(r, g->name);
		cat_int(r, g->foid); /* 0 for SQLite's own: the body is SQL in the trigger */
		cat_int(r, g->type);
		cat_char(r, g->enabled ? g->enabled : 'O');
		cat_bool(r, false);
		const struct cat_rel *from = g->constrrel ? cat_model_rel(m, g->constrrel) : NULL;
		cat_int(r, from ? from->oid : 0);
		cat_int(r, 0);
		cat_int(r, g->constraint ? cat_trigger_conoid(g) : 0);
		cat_bool(r, g->deferrable);
		cat_bool(r, g->initdeferred);
		cat_int(r, g->nargs);
		cat_text(r, "");
		cat_text(r, "");
		cat_null(r);
		if (g->oldtable)
			cat_text(r, g->oldtable);
		else
			cat_null(r);
		if (g->newtable)
			cat_text(r, g->newtable);
		else
			cat_null(r);
	}
	return true;
}

/* g's text as ruleutils.c prints it for the session's search_path: FROM's table and the
 * function qualified when the tenant's schema is not on it (pg_dump empties it), in a. */
static const char *visible_def(sqlite3_context *ctx, struct arena *a, const struct cat_trigger *g)
{
	const struct cat_conn *cc = sqlite3_user_data(ctx);
	if (!g->foid || cat_public_visible(cc))
		return g->sql;
	/* WHEN's calls of the tenant's functions too */
	const char *sql = cat_qualify_calls(cc, a, g->sql, true);
	sql = cat_qualify_after(cc, a, sql, " EXECUTE FUNCTION ");
	const char *from = g->constrrel ? arena_printf(a, " FROM %s ", g->constrrel) : NULL;
	const char *at = from ? strstr(sql, from) : NULL;
	if (!at)
		return sql;
	return arena_printf(a, "%.*s FROM %s.%s", (int)(at - sql), sql, cat_conn_public(cc),
			    at + strlen(" FROM "));
}

/* pg_get_triggerdef(oid [, pretty]): SQLite's CREATE TRIGGER text. */
static void fn_triggerdef(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct cat_model *m = cat_fn_model(ctx);
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	struct arena *a = arena_new(0);
	for (size_t i = 0; m && i < m->ntriggers; i++) {
		const struct cat_trigger *g = m->triggers[i];
		if (g->oid != oid)
			continue;
		const char *sql = visible_def(ctx, a, g);
		const char *qual = g->table->temp ? " ON pg_temp." : " ON public.";
		const char *on = g->foid ? strstr(sql, qual) : NULL;
		if (on && argc == 2 && sqlite3_value_int(argv[1])) { /* pretty: the visible name */
			struct strbuf sb;
			strbuf_init(&sb, 0);
			strbuf_append(&sb, sql, (size_t)(on - sql));
			strbuf_puts(&sb, " ON ");
			strbuf_puts(&sb, on + strlen(qual));
			cat_result_text(ctx, sb.data ? sb.data : "");
			strbuf_fini(&sb);
		} else {
			cat_result_text(ctx, sql);
		}
		arena_free(a);
		return;
	}
	arena_free(a);
	if (m)
		sqlite3_result_null(ctx);
}

/* information_schema.triggers' action_statement: pg_get_triggerdef's text from the first
 * "EXECUTE FUNCTION" at or after its 48th character (PostgreSQL's view skips the head, where
 * the trigger's own name could hold those words). */
static const char *action_statement(const char *def)
{
	if (strlen(def) < 47)
		return "";
	const char *at = strstr(def + 47, "EXECUTE FUNCTION");
	return at ? at : def + 46;
}

/* action_condition: WHEN's condition, as PostgreSQL's regexp_match(def,
 * '.{35,} WHEN \((.+)\) EXECUTE FUNCTION') takes it (both ends greedy: the last ") EXECUTE
 * FUNCTION", the last " WHEN (" before it past the 35th character); NULL without WHEN. */
static const char *action_condition(struct arena *a, const char *def)
{
	const char *end = NULL;
	for (const char *p = def; (p = strstr(p, ") EXECUTE FUNCTION")) != NULL; p++)
		end = p;
	const char *start = NULL;
	for (const char *p = end && end - def > 35 ? def + 35 : NULL; p && p + 7 < end; p++) {
		if (strncmp(p, " WHEN (", 7) == 0)
			start = p + 7;
	}
	return start ? arena_strndup(a, start, (size_t)(end - start)) : NULL;
}

/* action_order: the trigger's rank among its table's triggers of the same event, orientation
 * and timing, by name (PostgreSQL's rank() over that partition). */
static int action_order(const struct cat_model *m, const struct cat_trigger *g, int event)
{
	int rank = 1;
	for (size_t i = 0; i < m->ntriggers; i++) {
		const struct cat_trigger *h = m->triggers[i];
		if (h->table == g->table && (h->type & event) && (h->type & 1) == (g->type & 1) &&
		    (h->type & 66) == (g->type & 66) && strcmp(h->name, g->name) < 0)
			rank++;
	}
	return rank;
}

/* information_schema.triggers: one row per event (INSERT, DELETE, UPDATE; not TRUNCATE) of
 * each trigger, its action parsed out of pg_get_triggerdef's text as PostgreSQL's view does. */
static bool fill_infoschema_triggers(struct cat_conn *cc, const struct cat_model *m,
				     struct cat_rows *r)
{
	static const struct {
		int bit;
		const char *name;
	} events[] = {{TG_INSERT, "INSERT"}, {TG_DELETE, "DELETE"}, {TG_UPDATE, "UPDATE"}};
	for (size_t i = 0; i < m->ntriggers; i++) {
		const struct cat_trigger *g = m->triggers[i];
		const char *schema = g->table->temp ? CAT_NS_TEMP_NAME : cat_conn_public(cc);
		const char *def = g->foid && !cat_public_visible(cc)
					  ? cat_qualify_after(cc, r->a, g->sql, " EXECUTE FUNCTION ")
					  : g->sql;
		for (size_t e = 0; e < ARRAY_LEN(events); e++) {
			if (!(g->type & events[e].bit))
				continue;
			cat_row(r);
			cat_text(r, cat_conn_database(cc));
			cat_text(r, schema);
			cat_text(r, g->name);
			cat_text(r, events[e].name);
			cat_text(r, cat_conn_database(cc));
			cat_text(r, schema);
			cat_text(r, g->table->name);
			cat_int(r, action_order(m, g, events[e].bit));
			cat_text(r, action_condition(r->a, def));
			cat_text(r, action_statement(def));
			cat_text(r, g->type & TG_ROW ? "ROW" : "STATEMENT");
			cat_text(r, g->type & TG_BEFORE	   ? "BEFORE"
				    : g->type & TG_INSTEAD ? "INSTEAD OF"
							   : "AFTER");
			cat_text(r, g->oldtable);
			cat_text(r, g->newtable);
			cat_null(r); /* action_reference_old_row, _new_row, created */
			cat_null(r);
			cat_null(r);
		}
	}
	return true;
}

/* information_schema.triggered_update_columns: each column of an UPDATE OF list. */
static bool fill_triggered_update_columns(struct cat_conn *cc, const struct cat_model *m,
					  struct cat_rows *r)
{
	for (size_t i = 0; i < m->ntriggers; i++) {
		const struct cat_trigger *g = m->triggers[i];
		const char *schema = g->table->temp ? CAT_NS_TEMP_NAME : cat_conn_public(cc);
		for (const char *p = g->updcols; p && *p;) {
			size_t n = strcspn(p, "\x1f");
			cat_row(r);
			cat_text(r, cat_conn_database(cc));
			cat_text(r, schema);
			cat_text(r, g->name);
			cat_text(r, cat_conn_database(cc));
			cat_text(r, schema);
			cat_text(r, g->table->name);
			cat_text(r, arena_strndup(r->a, p, n));
			p += n + (p[n] != '\0');
		}
	}
	return true;
}

static const struct cat_reldef defs[] = {
	{"pg_trigger",
	 "oid oid, tgrelid oid, tgparentid oid, tgname name, tgfoid oid, tgtype int2, "
	 "tgenabled pg_char, tgisinternal bool, tgconstrrelid oid, tgconstrindid oid, "
	 "tgconstraint oid, tgdeferrable bool, tginitdeferred bool, tgnargs int2, "
	 "tgattr int2vector, tgargs bytea, tgqual pg_node_tree, tgoldtable name, tgnewtable name",
	 fill_trigger},
	{"information_schema_triggered_update_columns",
	 "trigger_catalog name, trigger_schema name, trigger_name name, event_object_catalog name, "
	 "event_object_schema name, event_object_table name, event_object_column name",
	 fill_triggered_update_columns},
	{"information_schema_triggers",
	 "trigger_catalog name, trigger_schema name, trigger_name name, event_manipulation varchar, "
	 "event_object_catalog name, event_object_schema name, event_object_table name, "
	 "action_order int4, action_condition varchar, action_statement varchar, "
	 "action_orientation varchar, action_timing varchar, action_reference_old_table name, "
	 "action_reference_new_table name, action_reference_old_row name, "
	 "action_reference_new_row name, created timestamptz",
	 fill_infoschema_triggers},
};

const struct cat_reldef *cat_trigger_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}

/* Whether column col is one of UPDATE OF's columns (0x1f-joined). */
static bool upd_names(const char *upd_cols, const char *col)
{
	size_t n = strlen(col);
	for (const char *p = upd_cols; p && *p;) {
		const char *q = strchr(p, '\x1f');
		size_t len = q ? (size_t)(q - p) : strlen(p);
		if (len == n && strncasecmp(p, col, n) == 0)
			return true;
		p = q ? q + 1 : p + len;
	}
	return false;
}

/* UPDATE OF's columns with column from renamed to `to`, in a. */
static const char *upd_renamed(struct arena *a, const char *upd_cols, const char *from,
			       const char *to)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	size_t n = strlen(from);
	for (const char *p = upd_cols; p && *p;) {
		const char *q = strchr(p, '\x1f');
		size_t len = q ? (size_t)(q - p) : strlen(p);
		if (p != upd_cols)
			strbuf_putc(&sb, '\x1f');
		if (len == n && strncasecmp(p, from, n) == 0)
			strbuf_puts(&sb, to);
		else
			strbuf_append(&sb, p, len);
		p = q ? q + 1 : p + len;
	}
	const char *r = arena_strdup(a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return r;
}

/* The table's columns as a trigger passes them (those the catalog shows: not the hidden ones
 * of virtual tables), in a; *n of them. */
static const char **table_columns(sqlite3 *db, const char *table, struct arena *a, size_t *n)
{
	sqlite3_stmt *st = NULL;
	size_t cap = 8;
	const char **cols = arena_alloc(a, cap * sizeof(char *));
	*n = 0;
	if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_xinfo(?1, 'main') WHERE hidden "
				   "IN (0, 2, 3) ORDER BY cid",
			       -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (*n + 1 >= cap) {
			const char **more = arena_alloc(a, 2 * cap * sizeof(char *));
			memcpy(more, cols, *n * sizeof(char *));
			cols = more, cap *= 2;
		}
		cols[(*n)++] = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return cols;
}

/* Appends to sb the key columns of parent's partitioned partitions (their partitions' too)
 * that sb does not have yet: a row moving between two partitions of a partitioned partition
 * moves to another leaf, which PostgreSQL makes a DELETE and an INSERT too. */
static void sub_keys(sqlite3 *db, const char *parent, struct strbuf *sb, int depth)
{
	size_t n = 0, nkeys = 0;
	char **keys = NULL;
	char **list = depth < 32 ? cat_part_list(db, parent, &n, &keys, &nkeys) : NULL;
	for (size_t i = 0; list && depth > 0 && i < nkeys; i++) {
		char *have = sb->data ? sqlite3_mprintf("\x1f%s\x1f", sb->data) : NULL;
		char *one = sqlite3_mprintf("\x1f%s\x1f", keys[i]);
		if (have && one && !strstr(have, one))
			strbuf_printf(sb, "\x1f%s", keys[i]);
		sqlite3_free(have);
		sqlite3_free(one);
	}
	for (size_t i = 0; list && i < n; i++)
		sub_keys(db, list[2 * i], sb, depth + 1);
	for (size_t i = 0; list && i < 2 * n; i++)
		free(list[i]);
	free(list);
	for (size_t i = 0; keys && i < nkeys; i++)
		free(keys[i]);
	free(keys);
}

/* A partitioned table's key columns, and its partitioned partitions', 0x1f-joined in a
 * (xlat_trigger_sqlite's guard); NULL for another table. */
static const char *partition_keys(sqlite3 *db, const char *table, struct arena *a)
{
	sqlite3_stmt *st = NULL;
	const char *out = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = "
			       "?1 AND instr(sql, '" CATALOG_PARTKEY_MARK "') > 0",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		char **keys = NULL, strategy;
		size_t n = 0;
		if (sqlite3_step(st) == SQLITE_ROW &&
		    cat_part_parse_keys((const char *)sqlite3_column_text(st, 0), &strategy, &keys,
					&n)) {
			struct strbuf sb;
			strbuf_init(&sb, 0);
			for (size_t i = 0; i < n; i++)
				strbuf_printf(&sb, "%s%s", i ? "\x1f" : "", keys[i]);
			if (n)
				sub_keys(db, table, &sb, 0);
			out = sb.failed || !n ? NULL : arena_strdup(a, sb.data);
			strbuf_fini(&sb);
		}
		for (size_t i = 0; keys && i < n; i++)
			free(keys[i]);
		free(keys);
	}
	sqlite3_finalize(st);
	return out;
}

/* What changes about a table's triggers. */
struct refit {
	const char *table;   /* the table, by the name its triggers were made under */
	int phase;           /* 0: drop its SQLite triggers; 1: make them again */
	const char *dropped; /* phase 0: the column being dropped (NULL: none) */
	const char *to;      /* phase 1: the table's new name (NULL: unchanged) */
	const char *col_from, *col_to; /* phase 1: a column renamed */
};

/* The SQLite triggers of every trigger of r->table (as _shardlite_triggers keeps them) made
 * again for the table's current columns, or dropped; the sidecar rows follow a rename. Made
 * last name first: SQLite fires a row's triggers newest first, so its BEFORE triggers fire in
 * PostgreSQL's order, by name (CREATE TRIGGER of a BEFORE row trigger refits too). */
static void refit(sqlite3_context *ctx, const struct refit *r)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_result_null(ctx);
	if (!r->table ||
	    sqlite3_table_column_metadata(db, "main", "_shardlite_triggers", "events", NULL, NULL,
					  NULL, NULL, NULL) != SQLITE_OK)
		return; /* no trigger was ever made */
	sqlite3_stmt *st = NULL;
	/* phase 2 (the order after CREATE TRIGGER): only the triggers whose SQLite triggers
	 * exist — a sidecar row may outlive its table (DROP TABLE), not be made again for a new
	 * table of that name */
	const char *live = r->phase == 2 ? " AND EXISTS (SELECT 1 FROM main.sqlite_schema s WHERE "
					   "s.type = 'trigger' AND substr(s.name, 1, "
					   "length(t.table_name) + length(t.name) + 2) = "
					   "t.table_name || '.' || t.name || '.')"
					 : "";
	char *sel = sqlite3_mprintf("SELECT name, timing, events, columns, when_cond FROM "
				    "main._shardlite_triggers t WHERE table_name = ?1 COLLATE NOCASE "
				    "AND timing <> 'INSTEAD OF'%s ORDER BY name DESC",
				    live);
	int rc = sel ? sqlite3_prepare_v2(db, sel, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sel);
	if (rc != SQLITE_OK) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "%s", sqlite3_errmsg(db));
		return;
	}
	sqlite3_bind_text(st, 1, r->table, -1, SQLITE_STATIC);
	struct arena *a = arena_new(0);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	const char *table = r->to ? r->to : r->table;
	size_t ncols = 0;
	const char **cols = r->phase ? table_columns(db, table, a, &ncols) : NULL;
	const char *guard = cols ? partition_keys(db, table, a) : NULL;
	bool ok = true;
	while (ok && sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *timing = (const char *)sqlite3_column_text(st, 1);
		int evts = sqlite3_column_int(st, 2);
		const char *upd = (const char *)sqlite3_column_text(st, 3);
		if (r->dropped && upd_names(upd, r->dropped)) {
			pgfn_error(ctx, "2BP01",
				   "cannot drop column %s of table %s because other objects depend "
				   "on it",
				   r->dropped, r->table);
			ok = false;
			break;
		}
		const char *when = (const char *)sqlite3_column_text(st, 4);
		const char *renamed =
			when && r->col_from
				? xlat_trigger_when_renamed(a, when, r->col_from, r->col_to)
				: when;
		if (renamed != when && strcmp(renamed, when) != 0) { /* WHEN follows the column */
			char *q =
				sqlite3_mprintf("; UPDATE main._shardlite_triggers SET when_cond = "
						"%Q WHERE table_name = %Q AND name = %Q",
						renamed, r->table, name);
			strbuf_puts(&sb, q);
			sqlite3_free(q);
		}
		if (r->col_from && upd_names(upd, r->col_from)) {
			upd = upd_renamed(a, upd, r->col_from, r->col_to);
			char *q = sqlite3_mprintf("; UPDATE main._shardlite_triggers SET columns = %Q "
						  "WHERE table_name = %Q AND name = %Q",
						  upd, r->table, name);
			strbuf_puts(&sb, q);
			sqlite3_free(q);
		}
		if (r->to) /* the old names go */
			xlat_trigger_sqlite(&sb, a, r->table, name, timing, evts, upd, NULL, 0,
					    NULL);
		xlat_trigger_sqlite(&sb, a, table, name, timing, evts, upd, cols, ncols, guard);
	}
	sqlite3_finalize(st);
	if (ok && r->to) {
		char *q = sqlite3_mprintf("; UPDATE main._shardlite_triggers SET table_name = %Q "
					  "WHERE table_name = %Q",
					  r->to, r->table);
		strbuf_puts(&sb, q);
		sqlite3_free(q);
	}
	if (ok && r->to &&
	    sqlite3_table_column_metadata(db, "main", "_shardlite_trigger_refs", "name", NULL, NULL,
					  NULL, NULL, NULL) == SQLITE_OK) {
		char *q = sqlite3_mprintf("; UPDATE main._shardlite_trigger_refs SET table_name = "
					  "%Q WHERE table_name = %Q",
					  r->to, r->table);
		strbuf_puts(&sb, q);
		sqlite3_free(q);
	}
	if (ok && r->to && /* CREATE CONSTRAINT TRIGGER ... FROM: either side follows */
	    sqlite3_table_column_metadata(db, "main", "_shardlite_trigger_from", "name", NULL, NULL,
					  NULL, NULL, NULL) == SQLITE_OK) {
		char *q = sqlite3_mprintf("; UPDATE main._shardlite_trigger_from SET table_name = "
					  "%Q WHERE table_name = %Q; UPDATE "
					  "main._shardlite_trigger_from SET from_table = %Q WHERE "
					  "from_table = %Q",
					  r->to, r->table, r->to, r->table);
		strbuf_puts(&sb, q);
		sqlite3_free(q);
	}
	/* the statements start with "; " */
	if (ok && sb.len && sqlite3_exec(db, sb.data + 2, NULL, NULL, NULL) != SQLITE_OK)
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "%s", sqlite3_errmsg(db));
	strbuf_fini(&sb);
	arena_free(a);
}

/* shardlite_trigger_refit(table, phase[, column]): the translator's scripts call it around an
 * ALTER TABLE that adds or drops columns (xlat_trigger_refit), and with phase 2 after CREATE
 * TRIGGER of a BEFORE row trigger, for the order (refit). The SQLite triggers of a row
 * trigger pass the table's columns one by one (xlat_trigger.c), so phase 0 drops them before
 * the change (SQLite refuses to drop a column a trigger names) and phase 1 makes them again
 * with the columns the table has now. column: the one being dropped; a trigger UPDATE OF it
 * depends on it (PostgreSQL's 2BP01). Runs inside the statement's savepoint: all or nothing. */
static void fn_trigger_refit(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct refit r = {.table = (const char *)sqlite3_value_text(argv[0]),
			  .phase = sqlite3_value_int(argv[1]),
			  .dropped = argc > 2 ? (const char *)sqlite3_value_text(argv[2]) : NULL};
	refit(ctx, &r);
}

/* shardlite_trigger_renamed(table, column, to), after ALTER TABLE table RENAME [COLUMN column]
 * TO to: the sidecar rows follow, and the SQLite triggers are made again under the new names
 * (SQLite's rename leaves the table's name in theirs and in their arguments, and UPDATE OF's
 * column lists as they were). */
static void fn_trigger_renamed(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *column = (const char *)sqlite3_value_text(argv[1]);
	const char *to = (const char *)sqlite3_value_text(argv[2]);
	struct refit r = {.table = (const char *)sqlite3_value_text(argv[0]),
			  .phase = 1,
			  .to = column ? NULL : to,
			  .col_from = column,
			  .col_to = column ? to : NULL};
	if (to)
		refit(ctx, &r);
	/* a partition's own foreign keys to the table (catalog_partown.c) */
	if (to && r.table)
		(void)cat_part_renamed(ctx, sqlite3_context_db_handle(ctx), r.table, column, to);
}

bool cat_trigger_from_forget(sqlite3_context *ctx, const char *ref)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st = NULL;
	if (!ref ||
	    sqlite3_table_column_metadata(db, "main", "_shardlite_trigger_from", "name", NULL, NULL,
					  NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
			       "SELECT table_name, name FROM main._shardlite_trigger_from WHERE "
			       "from_table = ?1 COLLATE NOCASE",
			       -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return true; /* no trigger was ever made FROM a table */
	}
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
	struct arena *a = arena_new(0);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *table = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
		const char *name = arena_strdup(a, (const char *)sqlite3_column_text(st, 1));
		xlat_trigger_sqlite(&sb, a, table, name, "AFTER", 0, "", NULL, 0, NULL);
		char *q = sqlite3_mprintf(
			"; DELETE FROM main._shardlite_triggers WHERE table_name = "
			"%Q AND name = %Q; DELETE FROM main._shardlite_trigger_from "
			"WHERE table_name = %Q AND name = %Q",
			table, name, table, name);
		strbuf_puts(&sb, q);
		sqlite3_free(q);
	}
	sqlite3_finalize(st);
	bool ok = true;
	if (sb.failed)
		ok = (pgfn_error(ctx, SQLSTATE_OUT_OF_MEMORY, "out of memory"), false);
	else if (sb.len && sqlite3_exec(db, sb.data + 2, NULL, NULL, NULL) != SQLITE_OK)
		ok = (pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "%s", sqlite3_errmsg(db)), false);
	strbuf_fini(&sb);
	arena_free(a);
	return ok;
}

bool cat_trigger_register(sqlite3 *db, struct cat_conn *cc)
{
	for (int nargs = 2; nargs <= 3; nargs++) {
		if (sqlite3_create_function_v2(db, "shardlite_trigger_refit", nargs,
					       SQLITE_UTF8 | SQLITE_DIRECTONLY, cc,
					       fn_trigger_refit, NULL, NULL, NULL) != SQLITE_OK)
			return false;
	}
	if (sqlite3_create_function_v2(db, "shardlite_trigger_renamed", 3,
				       SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_trigger_renamed,
				       NULL, NULL, NULL) != SQLITE_OK)
		return false;
	for (int nargs = 1; nargs <= 2; nargs++) {
		if (sqlite3_create_function_v2(db, "pg_get_triggerdef", nargs,
					       SQLITE_UTF8 | SQLITE_INNOCUOUS, cc, fn_triggerdef,
					       NULL, NULL, NULL) != SQLITE_OK)
			return false;
	}
	return true;
}
