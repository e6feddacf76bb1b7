/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_trigger.c: CREATE [OR REPLACE] TRIGGER and DROP TRIGGER. A trigger is a row of the
 * sidecar `_shardlite_triggers` plus SQLite triggers. A row trigger has one per event whose
 * body calls shardlite_trigger(name, table, event, ncols, NEW..., OLD...); the session runs the
 * PL/pgSQL function there (src/session/sess_trigger.c). SQLite cannot change NEW, so a BEFORE
 * trigger's SQLite trigger skips the row when the function returns NULL (RAISE(IGNORE)), and a
 * companion AFTER trigger writes the row the function returned, by rowid
 * (shardlite_trigger_apply). An INSTEAD OF trigger is SQLite's INSTEAD OF trigger on the view.
 * A FOR EACH STATEMENT trigger has one SQLite trigger that never fires (`WHEN 0`), so that it
 * goes with its table; the session fires it around each statement. A CONSTRAINT trigger is
 * an AFTER row trigger marked so in the sidecar (DEFERRABLE, INITIALLY DEFERRED: the session
 * may fire it at COMMIT, src/session/sess_trgdefer.c; FROM's table in
 * _shardlite_trigger_from). docs/sql-compat.md. */
#include "xlat_int.h"

#include "pgtype.h"

#include <pg_query.h>
#include <string.h>
#include <strings.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define SEP "\x1f"

/* PostgreSQL's trigger type bits (catalog/pg_trigger.h) as CreateTrigStmt carries them. */
enum { TG_BEFORE = 2, TG_INSERT = 4, TG_DELETE = 8, TG_UPDATE = 16,
       TG_TRUNCATE = 32, TG_INSTEAD = 64 };
/* The sidecar's events column also says FOR EACH STATEMENT, and whether the trigger has
 * transition tables, whose rows a statement trigger's SQLite row triggers keep (docs/catalog.md). */
#define TG_STATEMENT 256
#define TG_TRANSITIONS 512
#define TG_CONSTRAINT 1024   /* CREATE CONSTRAINT TRIGGER */
#define TG_DEFERRABLE 2048   /* ... DEFERRABLE */
#define TG_INITDEFERRED 4096 /* ... INITIALLY DEFERRED: fired at COMMIT (sess_trgdefer.c) */

#define SIDECAR                                                                                    \
	"CREATE TABLE IF NOT EXISTS _shardlite_triggers (table_name TEXT NOT NULL, name TEXT NOT " \
	"NULL, func_name TEXT NOT NULL, func_sig TEXT NOT NULL, timing TEXT NOT NULL, events "     \
	"INTEGER NOT NULL, columns TEXT NOT NULL, args TEXT NOT NULL, when_cond TEXT, enabled "    \
	"INTEGER NOT NULL, PRIMARY KEY (table_name, name))"
/* REFERENCING's transition table names of the triggers that have them (docs/catalog.md). */
#define REFS                                                                                    \
	"; CREATE TABLE IF NOT EXISTS _shardlite_trigger_refs (table_name TEXT NOT NULL, name " \
	"TEXT NOT NULL, old_table TEXT, new_table TEXT, PRIMARY KEY (table_name, name))"
/* CREATE CONSTRAINT TRIGGER ... FROM's table (pg_trigger.tgconstrrelid; docs/catalog.md). */
#define FROM                                                                                    \
	"; CREATE TABLE IF NOT EXISTS _shardlite_trigger_from (table_name TEXT NOT NULL, name " \
	"TEXT NOT NULL, from_table TEXT NOT NULL, PRIMARY KEY (table_name, name))"

static const struct {
	int bit;
	const char *op, *suffix;
} events[] = {{TG_INSERT, "INSERT", "ins"}, {TG_UPDATE, "UPDATE", "upd"},
	      {TG_DELETE, "DELETE", "del"}, {TG_STATEMENT, "STATEMENT", "stmt"}};

/* The SQLite name of trigger name's trigger on table for one event (apply: the companion). */
static void sqlite_name(struct xlat_ctx *c, const char *table, const char *name,
			const char *suffix, bool apply)
{
	xlat_ident(c, arena_printf(c->a, "%s.%s.%s%s", table, name, suffix, apply ? ".apply" : ""));
}

static void drop_sqlite_triggers(struct xlat_ctx *c, const char *table, const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(events); i++) {
		for (int apply = 0; apply < 2; apply++) {
			xlat_puts(c, "; DROP TRIGGER IF EXISTS ");
			sqlite_name(c, table, name, events[i].suffix, apply);
		}
	}
	xlat_puts(c, "; DROP TRIGGER IF EXISTS ");
	sqlite_name(c, table, name, "mv", false);
}

/* Trigger name (NULL: every one) of table was made, dropped or had its flag set: the flags
 * its partitions' copies had of their own go (catalog_trigpart.c). */
static void forget_parts(struct xlat_ctx *c, const char *table, const char *name)
{
	xlat_puts(c, "; SELECT shardlite_trigger_part_forget(");
	xlat_string(c, table);
	xlat_puts(c, ", ");
	xlat_string_or_null(c, name);
	xlat_puts(c, ")");
}

/* The next name of the SEP-separated list at *p, which moves past it; NULL at the end. */
static const char *next_name(struct xlat_ctx *c, const char **p)
{
	if (!*p || !**p)
		return NULL;
	const char *q = strchr(*p, SEP[0]);
	size_t len = q ? (size_t)(q - *p) : strlen(*p);
	const char *name = arena_strndup(c->a, *p, len);
	*p = q ? q + 1 : *p + len;
	return name;
}

/* An UPDATE trigger's " OF a, b" for the SEP-separated cols (nothing for none). */
static void update_of(struct xlat_ctx *c, const char *cols)
{
	const char *p = cols;
	for (const char *k, *sep = " OF "; (k = next_name(c, &p)); sep = ", ") {
		xlat_puts(c, sep);
		xlat_ident(c, k);
	}
}

/* An INSERT or DELETE row trigger of a partitioned table: an UPDATE moving a row to another
 * partition is refused (0A000) — PostgreSQL fires that row's DELETE and INSERT row triggers,
 * SQLite's UPDATE of the one table fires neither. Its SQLite trigger compares the leaf
 * partitions of the old and the new row (shardlite_partition_for, catalog_partfor.c). */
static void create_move_guard(struct xlat_ctx *c, const char *table, const char *name,
			      const char *const *cols, size_t n, const char *keys)
{
	xlat_puts(c, "; CREATE TRIGGER ");
	sqlite_name(c, table, name, "mv", false);
	xlat_puts(c, " AFTER UPDATE");
	update_of(c, keys); /* only an UPDATE of the key moves a row */
	xlat_puts(c, " ON ");
	xlat_ident(c, table);
	xlat_puts(c, " FOR EACH ROW WHEN (");
	const char *p = keys;
	for (const char *k, * or = ""; (k = next_name(c, &p)); or = " OR ") {
		/* a key value changed (cheap), first */
		xlat_printf(c, "%sNEW.", or);
		xlat_ident(c, k);
		xlat_puts(c, " IS NOT OLD.");
		xlat_ident(c, k);
	}
	xlat_puts(c, ") AND ");
	for (int pass = 0; pass < 2; pass++) {
		xlat_puts(c,
			  pass ? " IS NOT shardlite_partition_for(" : "shardlite_partition_for(");
		xlat_string(c, table);
		for (size_t k = 0; k < n; k++) {
			xlat_puts(c, ", ");
			xlat_string(c, cols[k]);
			xlat_puts(c, pass ? ", OLD." : ", NEW.");
			xlat_ident(c, cols[k]);
		}
		xlat_puts(c, ")");
	}
	xlat_puts(c, " BEGIN SELECT shardlite_partition_move_refused(");
	xlat_string(c, table);
	xlat_puts(c, "); END");
}

/* The row's values as arguments: NEW's columns then OLD's (NULLs where the event has none). */
static void row_args(struct xlat_ctx *c, const char *const *cols, size_t n, int bit)
{
	for (int pass = 0; pass < 2; pass++) {
		bool have = pass == 0 ? bit != TG_DELETE : bit != TG_INSERT;
		for (size_t k = 0; k < n; k++) {
			xlat_puts(c, ", ");
			if (!have) {
				xlat_puts(c, "NULL");
				continue;
			}
			xlat_puts(c, pass == 0 ? "NEW." : "OLD.");
			xlat_ident(c, cols[k]);
		}
	}
}

static const char *timing_word(int timing)
{
	return timing & TG_INSTEAD ? "INSTEAD OF" : timing & TG_BEFORE ? "BEFORE" : "AFTER";
}

/* A statement trigger's SQLite trigger: fires never, goes with the table. */
static void create_statement(struct xlat_ctx *c, const char *name, const char *table)
{
	xlat_puts(c, "; CREATE TRIGGER ");
	sqlite_name(c, table, name, "stmt", false);
	xlat_puts(c, " AFTER INSERT ON ");
	xlat_ident(c, table);
	xlat_puts(c, " WHEN 0 BEGIN SELECT 1; END");
}

/* The SQLite triggers of one event of a row trigger, passing the table's columns cols[0..n)
 * (upd_cols: UPDATE OF's columns, SEP-joined; "" for none). */
static void create_one(struct xlat_ctx *c, const char *table, const char *name, int timing,
		       const char *upd_cols, const char *const *cols, size_t n, int e)
{
	bool before = timing & TG_BEFORE, instead = timing & TG_INSTEAD;
	xlat_puts(c, "; CREATE TRIGGER ");
	sqlite_name(c, table, name, events[e].suffix, false);
	xlat_printf(c, " %s %s", timing_word(timing), events[e].op);
	if (events[e].bit == TG_UPDATE)
		update_of(c, upd_cols);
	xlat_puts(c, " ON ");
	xlat_ident(c, table);
	xlat_puts(c, " FOR EACH ROW BEGIN SELECT ");
	/* 0: the function returned NULL, the row is skipped (RETURNING included) */
	xlat_puts(c, before || instead ? "CASE shardlite_trigger(" : "shardlite_trigger(");
	xlat_string(c, name);
	xlat_puts(c, ", ");
	xlat_string(c, table);
	xlat_printf(c, ", '%s', %zu", events[e].op, n);
	row_args(c, cols, n, events[e].bit);
	xlat_puts(c, before || instead ? ") WHEN 0 THEN RAISE(IGNORE) END; END" : "); END");
	if (!before || events[e].bit == TG_DELETE)
		return;
	xlat_puts(c, "; CREATE TRIGGER ");
	sqlite_name(c, table, name, events[e].suffix, true);
	xlat_printf(c, " AFTER %s ON ", events[e].op);
	xlat_ident(c, table);
	xlat_puts(c, " FOR EACH ROW BEGIN SELECT shardlite_trigger_apply(");
	xlat_string(c, table);
	xlat_puts(c, ", NEW.rowid); END");
}

void xlat_trigger_sqlite(struct strbuf *sb, struct arena *a, const char *table, const char *name,
			 const char *timing, int evts, const char *upd_cols,
			 const char *const *cols, size_t n, const char *guard)
{
	struct xlat_ctx c = {.a = a, .sb = sb};
	int bits = strcmp(timing, "INSTEAD OF") == 0 ? TG_INSTEAD
		   : strcmp(timing, "BEFORE") == 0   ? TG_BEFORE
						     : 0;
	drop_sqlite_triggers(&c, table, name);
	if (cols && (evts & TG_STATEMENT))
		create_statement(&c, name, table);
	bool rows = !(evts & TG_STATEMENT) || (evts & TG_TRANSITIONS);
	for (int e = 0; cols && rows && e < (int)ARRAY_LEN(events) - 1; e++) {
		if (evts & events[e].bit)
			create_one(&c, table, name, bits, upd_cols, cols, n, e);
	}
	if (cols && guard && !(evts & TG_STATEMENT) && (evts & (TG_INSERT | TG_DELETE)))
		create_move_guard(&c, table, name, cols, n, guard);
}

/* "SELECT shardlite_trigger_refit(table, 1)", after which the table's row triggers pass the
 * columns it has then (catalog_trigger.c). */
static const char *refit_sql(struct xlat_ctx *c, const char *table)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT shardlite_trigger_refit(");
	strbuf_put_quoted(&sb, table, '\'');
	strbuf_puts(&sb, ", 1)");
	const char *r = arena_strdup(c->a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return r;
}

void xlat_trigger_refit(struct xlat_ctx *c, const PgQuery__RangeVar *table, const char *dropped)
{
	if (!xlat_own_table(c, table))
		return;
	if (dropped) { /* SQLite refuses to drop a column a trigger names: they go first */
		struct strbuf pre;
		strbuf_init(&pre, 0);
		strbuf_puts(&pre, "SELECT shardlite_trigger_refit(");
		strbuf_put_quoted(&pre, table->relname, '\'');
		strbuf_puts(&pre, ", 0, ");
		strbuf_put_quoted(&pre, dropped, '\'');
		strbuf_puts(&pre, "); ");
		if (pre.failed)
			c->sb->failed = true;
		else
			xlat_insert_at(c, 0, pre.data);
		strbuf_fini(&pre);
	}
	xlat_puts(c, "; ");
	xlat_puts(c, refit_sql(c, table->relname));
	c->st->kind = XLAT_SCRIPT;
}

const char *xlat_trigger_refit_after(struct xlat_ctx *c, const PgQuery__RangeVar *table,
				     const char *after)
{
	if (!xlat_own_table(c, table))
		return after;
	const char *refit = refit_sql(c, table->relname);
	return after ? arena_printf(c->a, "%s; %s", after, refit) : refit;
}

/* The trigger function: one of the tenant's, without arguments, returning trigger. */
static const struct xlat_udf *trigger_function(struct xlat_ctx *c, const PgQuery__CreateTrigStmt *s)
{
	const char *name = s->n_funcname ? xlat_node_str(s->funcname[s->n_funcname - 1]) : NULL;
	const char *schema = s->n_funcname == 2 ? xlat_node_str(s->funcname[0]) : NULL;
	if (!name || s->n_funcname > 2 || (schema && strcmp(schema, "public") != 0)) {
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
			  "this trigger function is not supported");
		return NULL;
	}
	for (size_t i = 0; c->schema && i < c->schema->nudfs; i++) {
		const struct xlat_udf *u = &c->schema->udfs[i];
		if (strcmp(u->name, name) != 0 || u->nargs)
			continue;
		if (u->rettype == XLAT_OID_TRIGGER)
			return u;
		xlat_fail(c, "42P17", -1, "function %s must return type trigger", name);
		return NULL;
	}
	if (strcmp(name, "tsvector_update_trigger") == 0 ||
	    strcmp(name, "tsvector_update_trigger_column") == 0 ||
	    strcmp(name, "suppress_redundant_updates_trigger") == 0) { /* PostgreSQL's own, in C */
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
			  "the built-in trigger function %s is not supported", name);
		return NULL;
	}
	xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, -1, "function %s() does not exist", name);
	return NULL;
}

/* REFERENCING OLD TABLE AS o NEW TABLE AS n: PostgreSQL's rules (CreateTriggerFiringOn). */
static bool check_transitions(struct xlat_ctx *c, const PgQuery__CreateTrigStmt *s)
{
	int nevents =
		!!(s->events & TG_INSERT) + !!(s->events & TG_UPDATE) + !!(s->events & TG_DELETE);
	if (s->timing != 0) /* 0: AFTER */
		return xlat_fail(
			c, "42P17", -1,
			"transition table name can only be specified for an AFTER trigger");
	if (s->events & TG_TRUNCATE)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "TRUNCATE triggers with transition tables are not supported");
	if (nevents != 1)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "transition tables cannot be specified for triggers with more "
				 "than one event");
	if (s->n_columns)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "transition tables cannot be specified for triggers with column "
				 "lists");
	const char *old_name = NULL, *new_name = NULL;
	for (size_t i = 0; i < s->n_transition_rels; i++) {
		const PgQuery__TriggerTransition *t =
			s->transition_rels[i]->node_case == NODE(TRIGGER_TRANSITION)
				? s->transition_rels[i]->trigger_transition
				: NULL;
		if (!t || !t->is_table) {
			xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				  "ROW variable naming in the REFERENCING clause is not supported");
			pgerr_hint(c->err,
				   "Use OLD TABLE or NEW TABLE for naming transition tables.");
			return false;
		}
		if (t->is_new && !(s->events & (TG_INSERT | TG_UPDATE)))
			return xlat_fail(c, "42P17", -1,
					 "NEW TABLE can only be specified for an INSERT or UPDATE "
					 "trigger");
		if (!t->is_new && !(s->events & (TG_DELETE | TG_UPDATE)))
			return xlat_fail(c, "42P17", -1,
					 "OLD TABLE can only be specified for a DELETE or UPDATE "
					 "trigger");
		if (t->is_new ? new_name : old_name)
			return xlat_fail(c, "42P17", -1,
					 "%s TABLE cannot be specified multiple times",
					 t->is_new ? "NEW" : "OLD");
		*(t->is_new ? &new_name : &old_name) = t->name;
	}
	if (old_name && new_name && strcmp(old_name, new_name) == 0)
		return xlat_fail(c, "42P17", -1,
				 "OLD TABLE name and NEW TABLE name cannot be the same");
	return true;
}

/* The transition table name of s, new or old; NULL when it has none. */
static const char *transition_name(const PgQuery__CreateTrigStmt *s, bool is_new)
{
	for (size_t i = 0; i < s->n_transition_rels; i++) {
		const PgQuery__Node *n = s->transition_rels[i];
		if (n->node_case == NODE(TRIGGER_TRANSITION) &&
		    n->trigger_transition->is_new == is_new)
			return n->trigger_transition->name;
	}
	return NULL;
}

/* PostgreSQL's own refusals first (same SQLSTATE and text), then what is not supported. */
static bool check(struct xlat_ctx *c, const PgQuery__CreateTrigStmt *s)
{
	if ((s->events & TG_TRUNCATE) && s->row)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "TRUNCATE FOR EACH ROW triggers are not supported");
	if ((s->timing & TG_INSTEAD) && !s->row)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "INSTEAD OF triggers must be FOR EACH ROW");
	if ((s->timing & TG_INSTEAD) && s->when_clause)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "INSTEAD OF triggers cannot have WHEN conditions");
	if ((s->timing & TG_INSTEAD) && s->n_columns)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "INSTEAD OF triggers cannot have column lists");
	if (s->n_transition_rels && !check_transitions(c, s))
		return false;
	if (strstr(s->trigname, SEP) || strchr(s->trigname, '.'))
		return xlat_unsupported(c, -1, "this trigger name");
	return true;
}

static void put_args(struct xlat_ctx *c, const PgQuery__CreateTrigStmt *s)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < s->n_args; i++) {
		const char *a = xlat_node_str(s->args[i]);
		strbuf_printf(&sb, "%s%s", i ? SEP : "", a ? a : "");
	}
	xlat_string(c, sb.data ? sb.data : "");
	strbuf_fini(&sb);
}

/* UPDATE OF's columns, SEP-joined ("" for none), as the sidecar keeps them. */
static const char *upd_columns(struct xlat_ctx *c, const PgQuery__CreateTrigStmt *s)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < s->n_columns; i++)
		strbuf_printf(&sb, "%s%s", i ? SEP : "", xlat_node_str(s->columns[i]));
	const char *r = arena_strdup(c->a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return r;
}

/* The text of WHEN ( cond ) in the statement, as written; NULL when the scan fails. */
static const char *when_text(struct xlat_ctx *c)
{
	const char *stmt = arena_strndup(c->a, c->src + c->st->location, (size_t)c->st->length);
	PgQueryScanResult r = pg_query_scan(stmt);
	PgQuery__ScanResult *sr =
		r.error ? NULL
			: pg_query__scan_result__unpack(NULL, r.pbuf.len,
							(const uint8_t *)r.pbuf.data);
	const char *out = NULL;
	for (size_t i = 0; sr && i + 1 < sr->n_tokens && !out; i++) {
		if (sr->tokens[i]->token != PG_QUERY__TOKEN__WHEN ||
		    sr->tokens[i + 1]->token != PG_QUERY__TOKEN__ASCII_40)
			continue;
		int depth = 0;
		for (size_t k = i + 1; k < sr->n_tokens && !out; k++) {
			PgQuery__Token t = sr->tokens[k]->token;
			depth += t == PG_QUERY__TOKEN__ASCII_40 ? 1 : t == PG_QUERY__TOKEN__ASCII_41 ? -1 : 0;
			if (depth == 0) {
				int from = sr->tokens[i + 1]->end, to = sr->tokens[k]->start;
				out = arena_strndup(c->a, stmt + from, (size_t)(to - from));
			}
		}
	}
	if (sr)
		pg_query__scan_result__free_unpacked(sr, NULL);
	pg_query_free_scan_result(r);
	return out;
}

/* Column name as a token of text spells it: a quoted one as it is, another folded to lower
 * case, as PostgreSQL reads identifiers; in a. */
static const char *token_name(struct arena *a, const char *text, size_t len)
{
	if (len >= 2 && text[0] == '"') {
		char *out = arena_alloc(a, len);
		size_t n = 0;
		for (size_t k = 1; k + 1 < len; k++) {
			out[n++] = text[k];
			k += text[k] == '"'; /* "" is one " */
		}
		out[n] = '\0';
		return out;
	}
	char *out = arena_strndup(a, text, len);
	for (char *p = out; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 'a' - 'A');
	return out;
}

/* A column name as the condition's text needs it: quoted unless plain lower case. */
static void put_column(struct strbuf *sb, const char *name)
{
	bool plain = (*name >= 'a' && *name <= 'z') || *name == '_';
	for (const char *p = name; *p && plain; p++)
		plain = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' ||
			*p == '$';
	if (plain)
		strbuf_puts(sb, name);
	else
		strbuf_put_quoted(sb, name, '"');
}

const char *xlat_trigger_when_renamed(struct arena *a, const char *when, const char *from,
				      const char *to)
{
	PgQueryScanResult r = pg_query_scan(when);
	PgQuery__ScanResult *sr = r.error ? NULL
					  : pg_query__scan_result__unpack(
						    NULL, r.pbuf.len, (const uint8_t *)r.pbuf.data);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	int copied = 0;
	for (size_t i = 0; sr && i + 2 < sr->n_tokens; i++) {
		const PgQuery__ScanToken *rec = sr->tokens[i], *col = sr->tokens[i + 2];
		const char *word = when + rec->start;
		if (sr->tokens[i + 1]->token != PG_QUERY__TOKEN__ASCII_46 ||
		    rec->end - rec->start != 3 ||
		    (strncasecmp(word, "new", 3) != 0 && strncasecmp(word, "old", 3) != 0) ||
		    (i > 0 && sr->tokens[i - 1]->token == PG_QUERY__TOKEN__ASCII_46) ||
		    strcmp(token_name(a, when + col->start, (size_t)(col->end - col->start)),
			   from) != 0)
			continue;
		strbuf_append(&sb, when + copied, (size_t)(col->start - copied));
		put_column(&sb, to);
		copied = col->end;
	}
	strbuf_puts(&sb, when + copied);
	const char *out = sb.failed ? when : arena_strdup(a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	if (sr)
		pg_query__scan_result__free_unpacked(sr, NULL);
	pg_query_free_scan_result(r);
	return out;
}

/* The names a row trigger's WHEN reads, checked as PostgreSQL's CreateTrigger does: a bare
 * column is both OLD's and NEW's (42702, 42703 when the table has none of that name), OLD in
 * a trigger for INSERT and NEW in one for DELETE are 42P17. */
struct when_names {
	struct xlat_ctx *c;
	const struct xlat_schema_col *cols;
	size_t ncols;
	int events;
};

static bool when_name_ok(void *arg, const ProtobufCMessage *m)
{
	struct when_names *w = arg;
	if (m->descriptor != &pg_query__column_ref__descriptor)
		return xlat_tree_each(m, when_name_ok, w);
	const PgQuery__ColumnRef *r = (const PgQuery__ColumnRef *)m;
	const char *first = r->n_fields ? xlat_node_str(r->fields[0]) : NULL;
	if (!first)
		return true;
	if (r->n_fields == 1)
		return xlat_scope_col(w->cols, w->ncols, first)
			       ? xlat_fail(w->c, "42702", r->location,
					   "column reference \"%s\" is ambiguous", first)
			       : xlat_fail(w->c, SQLSTATE_UNDEFINED_COLUMN, r->location,
					   "column \"%s\" does not exist", first);
	const char *col = r->n_fields == 2 ? xlat_node_str(r->fields[1]) : NULL;
	bool old = strcmp(first, "old") == 0, neu = strcmp(first, "new") == 0;
	if ((old || neu) && col && !xlat_scope_col(w->cols, w->ncols, col))
		return xlat_fail(w->c, SQLSTATE_UNDEFINED_COLUMN, r->location,
				 "column %s.%s does not exist", first, col);
	if (old && (w->events & TG_INSERT))
		return xlat_fail(w->c, "42P17", r->location,
				 "INSERT trigger's WHEN condition cannot reference OLD values");
	if (neu && (w->events & TG_DELETE))
		return xlat_fail(w->c, "42P17", r->location,
				 "DELETE trigger's WHEN condition cannot reference NEW values");
	return true;
}

/* The WHEN condition checked as the session will read it (42601 now, not at the first row); a
 * statement trigger's may not read NEW or OLD (PostgreSQL's 42P17). */
static bool when_ok(struct xlat_ctx *c, const struct xlat_udf *u, const char *when, bool row)
{
	const struct xlat_pl_func *f;
	const struct xlat_pl_expr *e;
	if (!when)
		return true;
	if (!xlat_udf_compile(u, c->schema, c->a, &f, c->err) ||
	    !(e = xlat_trigger_when(f, when, c->a, c->err)))
		return false;
	for (int i = 0; !row && i < e->nrefs; i++)
		if (e->refs[i].var == f->new_var || e->refs[i].var == f->old_var)
			return xlat_fail(
				c, "42P17", -1,
				"statement trigger's WHEN condition cannot reference column "
				"values");
	return true;
}

/* A failure (PostgreSQL's SQLSTATE and message) when table is (view: is not) a view. */
static void raise_kind(struct xlat_ctx *c, const char *table, bool view, const char *sqlstate,
		       const char *msg)
{
	xlat_printf(c, "; SELECT shardlite_raise('%s', ", sqlstate);
	xlat_string(c, msg);
	xlat_printf(c, ") WHERE %sEXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND "
		       "name = ",
		    view ? "" : "NOT ");
	xlat_string(c, table);
	xlat_puts(c, " COLLATE NOCASE)");
}

/* INSTEAD OF triggers are for views, the others for tables (PostgreSQL's 42809). */
static void check_kind(struct xlat_ctx *c, const PgQuery__CreateTrigStmt *s, const char *table)
{
	if (xlat_partition_is_partition(c, table)) { /* a view over its parent's rows: not one */
		xlat_puts(c, "; SELECT shardlite_raise('0A000', ");
		xlat_string(c, arena_printf(c->a,
					    "CREATE TRIGGER on partition \"%s\" is not supported "
					    "(a trigger on its partitioned table fires for its rows)",
					    table));
		xlat_puts(c, ")");
	} else if (s->timing & TG_INSTEAD)
		raise_kind(c, table, false, "42809",
			   arena_printf(c->a, "\"%s\" is a table", table));
	else if (s->row)
		raise_kind(c, table, true, "42809", arena_printf(c->a, "\"%s\" is a view", table));
	else
		raise_kind(c, table, true, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "a FOR EACH STATEMENT trigger on a view is not supported");
}

/* A temporary and a permanent table of one name: the sidecar keys triggers by the table's name
 * alone, so a trigger there would be both tables' (0A000 when the script runs). */
static void refuse_shared_name(struct xlat_ctx *c, const char *table, const char *what)
{
	xlat_puts(c, "; SELECT shardlite_raise('0A000', ");
	xlat_string(c, arena_printf(c->a,
				    "%s on table \"%s\", which names a temporary and a permanent "
				    "table, is not supported",
				    what, table));
	for (int temp = 0; temp < 2; temp++) {
		xlat_printf(c, ") %s EXISTS (SELECT 1 FROM %s.sqlite_schema WHERE type = 'table' "
			       "AND name = ",
			    temp ? "AND" : "WHERE", temp ? "temp" : "main");
		xlat_string(c, table);
		xlat_puts(c, " COLLATE NOCASE");
	}
	xlat_puts(c, ")");
}

/* CREATE CONSTRAINT TRIGGER ... FROM ref: its row naming ref (none without FROM). */
static void from_row(struct xlat_ctx *c, const PgQuery__CreateTrigStmt *s, const char *table)
{
	xlat_puts(c, FROM "; DELETE FROM _shardlite_trigger_from WHERE table_name = ");
	xlat_string(c, table);
	xlat_puts(c, " AND name = ");
	xlat_string(c, s->trigname);
	if (!s->constrrel)
		return;
	xlat_puts(c, "; INSERT INTO _shardlite_trigger_from VALUES (");
	xlat_string(c, table);
	xlat_puts(c, ", ");
	xlat_string(c, s->trigname);
	xlat_puts(c, ", ");
	xlat_string(c, s->constrrel->relname);
	xlat_puts(c, ")");
}

/* The sidecar's row (a second one without OR REPLACE is 42710, unless its SQLite triggers went
 * with their table). */
static void emit_row(struct xlat_ctx *c, const PgQuery__CreateTrigStmt *s, const char *table,
		     const struct xlat_udf *u, const char *when)
{
	xlat_puts(c, SIDECAR);
	check_kind(c, s, table);
	refuse_shared_name(c, table, "CREATE TRIGGER");
	if (!s->replace) {
		xlat_puts(c, "; SELECT shardlite_raise('42710', ");
		xlat_string(c, arena_printf(c->a, "trigger \"%s\" for relation \"%s\" already exists",
					    s->trigname, table));
		xlat_puts(c, ") FROM _shardlite_triggers WHERE table_name = ");
		xlat_string(c, table);
		xlat_puts(c, " AND name = ");
		xlat_string(c, s->trigname);
		xlat_puts(c, " AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND "
			     "tbl_name = ");
		xlat_string(c, table);
		xlat_puts(c, " AND name LIKE ");
		xlat_string(c, arena_printf(c->a, "%s.%s.%%", table, s->trigname));
		xlat_puts(c, ")");
	}
	drop_sqlite_triggers(c, table, s->trigname);
	xlat_puts(c, "; INSERT OR REPLACE INTO _shardlite_triggers VALUES (");
	xlat_string(c, table);
	xlat_puts(c, ", ");
	xlat_string(c, s->trigname);
	xlat_puts(c, ", ");
	xlat_string(c, u->name);
	xlat_puts(c, ", ");
	xlat_string(c, u->sig);
	xlat_printf(c, ", '%s', %d, ", timing_word(s->timing),
		    s->events | (s->row ? 0 : TG_STATEMENT) |
			    (s->n_transition_rels ? TG_TRANSITIONS : 0) |
			    (s->isconstraint ? TG_CONSTRAINT : 0) |
			    (s->isconstraint && (s->deferrable || s->initdeferred) ? TG_DEFERRABLE
										   : 0) |
			    (s->isconstraint && s->initdeferred ? TG_INITDEFERRED : 0));
	xlat_string(c, upd_columns(c, s));
	xlat_puts(c, ", ");
	put_args(c, s);
	xlat_puts(c, ", ");
	xlat_string_or_null(c, when);
	xlat_puts(c, ", 1)");
	forget_parts(c, table, s->trigname);
	xlat_puts(c, REFS "; DELETE FROM _shardlite_trigger_refs WHERE table_name = ");
	xlat_string(c, table);
	xlat_puts(c, " AND name = ");
	xlat_string(c, s->trigname);
	from_row(c, s, table);
	if (!s->n_transition_rels)
		return;
	xlat_puts(c, "; INSERT INTO _shardlite_trigger_refs VALUES (");
	xlat_string(c, table);
	xlat_puts(c, ", ");
	xlat_string(c, s->trigname);
	for (int k = 0; k < 2; k++) {
		const char *t = transition_name(s, k == 1);
		xlat_puts(c, ", ");
		xlat_string_or_null(c, t);
	}
	xlat_puts(c, ")");
}

/* A BEFORE row trigger on INSERT may fill in a NULL key, which a plain integer key stored as
 * the rowid refuses before any trigger runs (xlat_key_null), and SQLite shows a BEFORE INSERT
 * trigger the rowid it will assign (-1), not the NULL: the script is followed
 * by a rebuild that makes the key a table constraint again and keeps it so while the table
 * has such a trigger (shard_rowid.c; DROP DEFAULT of the key changes nothing else). */
static void unfold_key(struct xlat_ctx *c, const PgQuery__CreateTrigStmt *s, const char *table,
		       const struct xlat_schema_col *cols, size_t n)
{
	const struct xlat_schema_col *key = NULL;
	for (size_t k = 0; k < n && !key; k++)
		key = cols[k].rowid_key ? &cols[k] : NULL;
	if (!key || !s->row || !(s->timing & TG_BEFORE) || !(s->events & TG_INSERT))
		return;
	struct xlat_rebuild *script = arena_zalloc(c->a, sizeof(*script));
	struct xlat_rebuild *rb = arena_zalloc(c->a, sizeof(*rb));
	script->kind = XLAT_RB_SCRIPT;
	script->table = rb->table = table;
	script->script = arena_strndup(c->a, c->sb->data ? c->sb->data : "", c->sb->len);
	script->next = rb;
	rb->kind = XLAT_RB_SET_DEFAULT;
	rb->column = arena_strdup(c->a, key->name);
	c->st->kind = XLAT_REBUILD;
	c->st->rebuild = script;
}

/* CREATE CONSTRAINT TRIGGER ... FROM ref: one of the tenant's tables (42P01 otherwise). */
static bool from_table_ok(struct xlat_ctx *c, const PgQuery__RangeVar *ref)
{
	const struct xlat_schema_col *cols;
	size_t n;
	if (!xlat_own_table(c, ref) || xlat_temp_is(ref))
		return xlat_unsupported(c, -1, "CREATE CONSTRAINT TRIGGER ... FROM this table");
	if (!c->schema || !c->schema->table_fn(c->schema->arg, ref->relname, c->a, &cols, &n))
		return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, -1, "relation \"%s\" does not exist",
				 ref->relname);
	return true;
}

bool xlat_stmt_create_trigger(struct xlat_ctx *c, const PgQuery__CreateTrigStmt *s)
{
	const PgQuery__RangeVar *rv = s->relation;
	if (s->row && s->n_transition_rels &&
	    (xlat_partition_is_parent(c, rv->relname) ||
	     xlat_partition_is_partitioned(c, rv->relname))) {
		/* PostgreSQL's CreateTrigger, before it looks at the transition tables */
		(void)xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				"\"%s\" is a partitioned table", rv->relname);
		pgerr_detail(c->err, "ROW triggers with transition tables are not supported on "
				     "partitioned tables.");
		return false;
	}
	if (!check(c, s))
		return false;
	if (rv->schemaname && *rv->schemaname && strcmp(rv->schemaname, "public") != 0 &&
	    !(c->env && c->env->tenant && strcmp(rv->schemaname, c->env->tenant) == 0))
		return xlat_unsupported(c, -1, "a trigger on another tenant's table");
	const struct xlat_schema_col *cols = NULL;
	size_t n = 0;
	if (!c->schema || !c->schema->table_fn(c->schema->arg, rv->relname, c->a, &cols, &n))
		return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, -1, "relation \"%s\" does not exist",
				 rv->relname);
	for (size_t i = 0; i < s->n_columns; i++) { /* UPDATE OF's columns exist */
		const char *col = xlat_node_str(s->columns[i]);
		if (!xlat_scope_col(cols, n, col))
			return xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, -1,
					 "column \"%s\" of relation \"%s\" does not exist", col,
					 rv->relname);
	}
	if (s->constrrel && !from_table_ok(c, s->constrrel))
		return false;
	const struct xlat_udf *u = trigger_function(c, s);
	const char *when = s->when_clause ? when_text(c) : NULL;
	if (!u)
		return false;
	if (s->when_clause && !when)
		return xlat_unsupported(c, -1, "this WHEN condition");
	struct when_names wn = {c, cols, n, s->events};
	if (s->when_clause && s->row && !when_name_ok(&wn, &s->when_clause->base))
		return false;
	if (!when_ok(c, u, when, s->row))
		return false;
	c->st->kind = XLAT_SCRIPT;
	c->st->tag = "CREATE TRIGGER";
	c->st->writes = c->st->is_ddl = true;
	xlat_nocache(c);
	const char *table = arena_strdup(c->a, rv->relname);
	emit_row(c, s, table, u, when);
	if (!s->row)
		create_statement(c, s->trigname, table);
	const char **names = arena_alloc(c->a, (n + 1) * sizeof(char *));
	for (size_t k = 0; k < n; k++)
		names[k] = cols[k].name;
	/* a statement trigger's row triggers keep the rows of its transition tables */
	bool rows = s->row || s->n_transition_rels;
	for (int e = 0; rows && e < (int)ARRAY_LEN(events) - 1; e++) {
		if (s->events & events[e].bit)
			create_one(c, table, s->trigname, s->timing, upd_columns(c, s), names, n, e);
	}
	/* SQLite fires a row's BEFORE triggers newest first, PostgreSQL in name order: the
	 * table's are made again, last name first (catalog_trigger.c's refit), which also makes
	 * a partitioned table's move guards (create_move_guard) */
	if (s->row && ((s->timing & TG_BEFORE) || ((s->events & (TG_INSERT | TG_DELETE)) &&
						   xlat_partition_is_parent(c, table)))) {
		xlat_puts(c, "; SELECT shardlite_trigger_refit(");
		xlat_string(c, table);
		xlat_puts(c, ", 2)");
	}
	unfold_key(c, s, table, cols, n);
	return true;
}

/* DROP TRIGGER [IF EXISTS] name ON table: its SQLite triggers and its row. */
bool xlat_drop_triggers(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	if (s->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
		return xlat_unsupported(c, -1, "DROP TRIGGER ... CASCADE");
	c->st->kind = XLAT_SCRIPT;
	c->st->writes = c->st->is_ddl = true;
	xlat_nocache(c);
	xlat_puts(c, SIDECAR);
	for (size_t i = 0; i < s->n_objects; i++) {
		const PgQuery__Node *o = s->objects[i];
		size_t k = o->node_case == NODE(LIST) ? o->list->n_items : 0;
		const char *table = k >= 2 ? xlat_node_str(o->list->items[k - 2]) : NULL;
		const char *name = k >= 2 ? xlat_node_str(o->list->items[k - 1]) : NULL;
		if (!table || !name || k > 3)
			return xlat_unsupported(c, -1, "this DROP TRIGGER");
		const struct xlat_schema_col *cols;
		size_t n;
		bool own = k == 2 || strcmp(xlat_node_str(o->list->items[0]), "public") == 0;
		if (!c->schema || !c->schema->table_fn(c->schema->arg, table, c->a, &cols, &n)) {
			if (!s->missing_ok)
				return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, -1,
						 "relation \"%s\" does not exist", table);
			if (own) /* PostgreSQL's NOTICE relation "t" does not exist, skipping */
				xlat_skip_note(c, "relation", NULL,
					       k == 3 ? arena_printf(c->a, "public.%s", table)
						      : table,
					       false);
			continue;
		}
		refuse_shared_name(c, table, "DROP TRIGGER");
		if (own && xlat_partition_is_partition(c, table)) { /* its parent's trigger's copy */
			xlat_puts(c, "; SELECT shardlite_partition_trigger_drop_check(");
			xlat_string(c, table);
			xlat_puts(c, ", ");
			xlat_string(c, name);
			xlat_puts(c, ")");
		}
		if (s->missing_ok && own) /* trigger "x" for relation "t" does not exist, ... */
			xlat_skip_note(c, "trigger", table, name, false);
		if (!s->missing_ok) {
			xlat_puts(c, "; SELECT shardlite_raise('42704', ");
			xlat_string(c, arena_printf(c->a,
						    "trigger \"%s\" for table \"%s\" does not exist",
						    name, table));
			/* a temporary table's SQLite triggers are in the temp schema */
			for (int temp = 0; temp < 2; temp++) {
				xlat_puts(c, temp ? " AND NOT EXISTS (SELECT 1 FROM temp.sqlite_schema"
						  : ") WHERE NOT EXISTS (SELECT 1 FROM sqlite_schema");
				xlat_puts(c, " WHERE type = 'trigger' AND name LIKE ");
				xlat_string(c, arena_printf(c->a, "%s.%s.%%", table, name));
				xlat_puts(c, ")");
			}
		}
		drop_sqlite_triggers(c, table, name);
		forget_parts(c, table, name);
		xlat_puts(c, "; DELETE FROM _shardlite_triggers WHERE table_name = ");
		xlat_string(c, table);
		xlat_puts(c, " AND name = ");
		xlat_string(c, name);
		xlat_puts(c, REFS "; DELETE FROM _shardlite_trigger_refs WHERE table_name = ");
		xlat_string(c, table);
		xlat_puts(c, " AND name = ");
		xlat_string(c, name);
		xlat_puts(c, FROM "; DELETE FROM _shardlite_trigger_from WHERE table_name = ");
		xlat_string(c, table);
		xlat_puts(c, " AND name = ");
		xlat_string(c, name);
	}
	return true;
}

#define AT(x) PG_QUERY__ALTER_TABLE_TYPE__AT_##x

bool xlat_is_trigger_toggle(const PgQuery__AlterTableCmd *cmd)
{
	switch (cmd->subtype) {
	case AT(EnableTrig):
	case AT(EnableAlwaysTrig):
	case AT(EnableReplicaTrig):
	case AT(DisableTrig):
	case AT(EnableTrigAll):
	case AT(DisableTrigAll):
	case AT(EnableTrigUser):
	case AT(DisableTrigUser):
		return true;
	default:
		return false;
	}
}

/* The sidecar's flag an ENABLE [ALWAYS | REPLICA] / DISABLE TRIGGER sets. */
static int toggle_flag(const PgQuery__AlterTableCmd *cmd)
{
	return cmd->subtype == AT(EnableAlwaysTrig)    ? 2
	       : cmd->subtype == AT(EnableReplicaTrig) ? 3
	       : cmd->subtype == AT(EnableTrig) || cmd->subtype == AT(EnableTrigAll) ||
			       cmd->subtype == AT(EnableTrigUser)
		       ? 1
		       : 0;
}

/* ENABLE [ALWAYS | REPLICA] / DISABLE TRIGGER: the sidecar's flag (0 disabled, 1 enabled, 2
 * always, 3 replica: pg_trigger.tgenabled's D, O, A, R), which the session reads before each
 * firing. ALL and USER are the same here (no internal triggers: foreign keys are SQLite's). */
bool xlat_alter_trigger(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			const PgQuery__AlterTableCmd *cmd)
{
	const struct xlat_schema_col *cols;
	size_t n;
	if (table->schemaname && *table->schemaname && strcmp(table->schemaname, "public") != 0)
		return xlat_unsupported(c, -1, "a trigger on another tenant's table");
	if (!c->schema || !c->schema->table_fn(c->schema->arg, table->relname, c->a, &cols, &n))
		return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, -1, "relation \"%s\" does not exist",
				 table->relname);
	int on = toggle_flag(cmd);
	bool one = cmd->subtype == AT(EnableTrig) || cmd->subtype == AT(DisableTrig) ||
		   cmd->subtype == AT(EnableAlwaysTrig) || cmd->subtype == AT(EnableReplicaTrig);
	c->st->kind = XLAT_SCRIPT;
	c->st->writes = c->st->is_ddl = true;
	xlat_nocache(c);
	xlat_puts(c, SIDECAR);
	if (one) {
		xlat_puts(c, "; SELECT shardlite_raise('42704', ");
		xlat_string(c, arena_printf(c->a, "trigger \"%s\" for table \"%s\" does not exist",
					    cmd->name, table->relname));
		xlat_puts(c, ") WHERE NOT EXISTS (SELECT 1 FROM _shardlite_triggers WHERE "
			     "table_name = ");
		xlat_string(c, table->relname);
		xlat_puts(c, " AND name = ");
		xlat_string(c, cmd->name);
		xlat_puts(c, ")");
	}
	xlat_printf(c, "; UPDATE _shardlite_triggers SET enabled = %d WHERE table_name = ", on);
	xlat_string(c, table->relname);
	if (one) {
		xlat_puts(c, " AND name = ");
		xlat_string(c, cmd->name);
	}
	/* PostgreSQL recurses: a partitioned table's partitions' copies follow */
	forget_parts(c, table->relname, one ? cmd->name : NULL);
	/* the flag shows in pg_trigger: move schema_version so that catalogs read it again */
	xlat_puts(c, "; DROP INDEX IF EXISTS _shardlite_triggers_v; CREATE INDEX "
		     "_shardlite_triggers_v ON _shardlite_triggers (enabled)");
	return true;
}

bool xlat_alter_trigger_part(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			     const PgQuery__AlterTableCmd *cmd)
{
	int on = toggle_flag(cmd);
	bool one = cmd->subtype == AT(EnableTrig) || cmd->subtype == AT(DisableTrig) ||
		   cmd->subtype == AT(EnableAlwaysTrig) || cmd->subtype == AT(EnableReplicaTrig);
	c->st->kind = XLAT_SCRIPT;
	c->st->writes = c->st->is_ddl = true;
	xlat_nocache(c);
	xlat_puts(c, "SELECT shardlite_trigger_part_set(");
	xlat_string(c, table->relname);
	xlat_puts(c, ", ");
	if (one)
		xlat_string(c, cmd->name);
	else
		xlat_puts(c, "NULL");
	xlat_printf(c, ", %d)", on);
	return true;
}
