/* SPDX-License-Identifier: Apache-2.0 */
/* xlat.c: the translator's entry point — parse with libpg_query, turn parser errors into 42601
 * with PostgreSQL's position, dispatch each raw statement to its family's translator — and the
 * small emit helpers (identifiers, literals, positions, errors) every walker shares. */
#include "xlat_int.h"

#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parameter numbers beyond the protocol's 16-bit count cannot be bound by any client. */
#define MAX_PARAM 65535
/* Nesting deeper than this is refused rather than risking the C stack. */
#define MAX_DEPTH 1000

/* SQLite's keywords (sqlite3_keyword_name, 3.40) plus the literals TRUE/FALSE, which SQLite
 * resolves to a column only when one exists. Sorted for bsearch. */
/* clang-format off */
static const char *const sqlite_keywords[] = {
	"abort", "action", "add", "after", "all", "alter", "always", "analyze", "and", "as",
	"asc", "attach", "autoincrement", "before", "begin", "between", "by", "cascade", "case",
	"cast", "check", "collate", "column", "commit", "conflict", "constraint", "create",
	"cross", "current", "current_date", "current_time", "current_timestamp", "database",
	"default", "deferrable", "deferred", "delete", "desc", "detach", "distinct", "do",
	"drop", "each", "else", "end", "escape", "except", "exclude", "exclusive", "exists",
	"explain", "fail", "false", "filter", "first", "following", "for", "foreign", "from",
	"full", "generated", "glob", "group", "groups", "having", "if", "ignore", "immediate",
	"in", "index", "indexed", "initially", "inner", "insert", "instead", "intersect", "into",
	"is", "isnull", "join", "key", "last", "left", "like", "limit", "match", "materialized",
	"natural", "no", "not", "nothing", "notnull", "null", "nulls", "of", "offset", "on",
	"or", "order", "others", "outer", "over", "partition", "plan", "pragma", "preceding",
	"primary", "query", "raise", "range", "recursive", "references", "regexp", "reindex",
	"release", "rename", "replace", "restrict", "returning", "right", "rollback", "row",
	"rows", "savepoint", "select", "set", "table", "temp", "temporary", "then", "ties", "to",
	"transaction", "trigger", "true", "unbounded", "union", "unique", "update", "using",
	"vacuum", "values", "view", "virtual", "when", "where", "window", "with", "without",
};
/* clang-format on */

static int cmp_keyword(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static bool needs_quotes(const char *s)
{
	if (!*s || !((*s >= 'a' && *s <= 'z') || *s == '_'))
		return true;
	for (const char *p = s; *p; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return true;
	}
	return bsearch(s, sqlite_keywords, ARRAY_LEN(sqlite_keywords), sizeof(sqlite_keywords[0]),
		       cmp_keyword) != NULL;
}

void xlat_puts(struct xlat_ctx *c, const char *s) { strbuf_puts(c->sb, s); }

void xlat_printf(struct xlat_ctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	strbuf_vprintf(c->sb, fmt, ap);
	va_end(ap);
}

void xlat_ident(struct xlat_ctx *c, const char *name)
{
	if (needs_quotes(name))
		strbuf_put_quoted(c->sb, name, '"');
	else
		strbuf_puts(c->sb, name);
}

void xlat_string(struct xlat_ctx *c, const char *s) { strbuf_put_quoted(c->sb, s, '\''); }

void xlat_string_or_null(struct xlat_ctx *c, const char *s)
{
	if (s)
		xlat_string(c, s);
	else
		xlat_puts(c, "NULL");
}

int xlat_position(const struct xlat_ctx *c, int location)
{
	if (location < 0 || !c->src)
		return 0;
	int chars = 0;
	for (int i = 0; i < location && c->src[i]; i++) {
		if (((unsigned char)c->src[i] & 0xC0) != 0x80)
			chars++;
	}
	return chars + 1;
}

bool xlat_fail(struct xlat_ctx *c, const char *sqlstate, int location, const char *fmt, ...)
{
	char msg[PGERR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pgerr_set(c->err, sqlstate, "%s", msg);
	c->err->position = xlat_position(c, location);
	return false;
}

bool xlat_unsupported(struct xlat_ctx *c, int location, const char *what)
{
	return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, location, "%s is not supported", what);
}

const char *xlat_node_str(const PgQuery__Node *n)
{
	if (!n || n->node_case != PG_QUERY__NODE__NODE_STRING)
		return NULL;
	return n->string->sval;
}

void *xlat_tree_zalloc(size_t n)
{
	void *p = calloc(1, n);
	if (!p)
		abort();
	return p;
}

char *xlat_tree_strdup(const char *s)
{
	char *d = strdup(s ? s : "");
	if (!d)
		abort();
	return d;
}

PgQuery__Node *xlat_tree_node(void)
{
	PgQuery__Node *n = xlat_tree_zalloc(sizeof(*n));
	pg_query__node__init(n);
	return n;
}

PgQuery__Node *xlat_tree_string(const char *s)
{
	PgQuery__String *str = xlat_tree_zalloc(sizeof(*str));
	pg_query__string__init(str);
	str->sval = xlat_tree_strdup(s);
	PgQuery__Node *n = xlat_tree_node();
	n->node_case = PG_QUERY__NODE__NODE_STRING;
	n->string = str;
	return n;
}

const char *xlat_op_name(const PgQuery__AExpr *e)
{
	if (e->n_name == 2 &&
	    !(xlat_node_str(e->name[0]) && strcmp(xlat_node_str(e->name[0]), "pg_catalog") == 0))
		return NULL;
	return e->n_name ? xlat_node_str(e->name[e->n_name - 1]) : NULL;
}

bool xlat_enter(struct xlat_ctx *c)
{
	if (++c->depth > MAX_DEPTH) {
		c->depth--;
		pgerr_set(c->err, SQLSTATE_STATEMENT_TOO_COMPLEX, "stack depth limit exceeded");
		return false;
	}
	return true;
}

/* text, varchar, name, bpchar or an array of one: PostgreSQL resolves a parameter compared
 * with two of them (information_schema's sql_identifier and pg_namespace.nspname, as Prisma's
 * introspection does) to the first one's type, the values' text being the same. */
static bool is_string(uint32_t oid)
{
	uint32_t e = xlat_array_elem(oid);
	if (e)
		oid = e;
	return oid == XLAT_OID_TEXT || oid == XLAT_OID_VARCHAR || oid == XLAT_OID_NAME ||
	       oid == XLAT_OID_BPCHAR;
}

bool xlat_param(struct xlat_ctx *c, int n, uint32_t oid, int location)
{
	if (n < 1 || n > MAX_PARAM)
		return xlat_fail(c, "42P02", location, "there is no parameter $%d", n);
	if (n > c->ptypes_cap) {
		int cap = c->ptypes_cap ? c->ptypes_cap : 8;
		while (cap < n)
			cap *= 2;
		uint32_t *p = arena_zalloc(c->a, (size_t)cap * sizeof(*p));
		bool *seen = arena_zalloc(c->a, (size_t)cap * sizeof(*seen));
		if (c->ptypes_cap) {
			memcpy(p, c->ptypes, (size_t)c->ptypes_cap * sizeof(*p));
			memcpy(seen, c->pseen, (size_t)c->ptypes_cap * sizeof(*seen));
		}
		c->ptypes = p;
		c->pseen = seen;
		c->ptypes_cap = cap;
	}
	c->pseen[n - 1] = true;
	if (n > c->max_param)
		c->max_param = n;
	if (n <= c->ngiven && c->given[n - 1])
		oid = 0; /* the client's type wins; a cast then converts explicitly */
	uint32_t *slot = &c->ptypes[n - 1];
	if (oid && *slot && *slot != oid && !(is_string(oid) && is_string(*slot)))
		return xlat_fail(c, "42P08", location,
				 "inconsistent types deduced for parameter $%d", n);
	if (oid)
		*slot = oid;
	return true;
}

uint32_t xlat_param_deduced(const struct xlat_ctx *c, int n)
{
	if (n < 1 || n > c->ptypes_cap || (n <= c->ngiven && c->given[n - 1]))
		return 0;
	return c->ptypes[n - 1];
}

struct xlat_col *xlat_cols_new(struct xlat_ctx *c, size_t n)
{
	struct xlat_col *cols = arena_zalloc(c->a, (n ? n : 1) * sizeof(*cols));
	for (size_t i = 0; i < n; i++)
		cols[i].typmod = cols[i].scale = -1;
	c->st->cols = cols;
	c->st->ncols = (int)n;
	return cols;
}

static bool dispatch(struct xlat_ctx *c, const PgQuery__Node *n);

/* EXPLAIN [(options)] query: the query translated as usual, whose SQLite plan the session
 * shows (EXPLAIN QUERY PLAN) in the format asked for. */
static bool explain(struct xlat_ctx *c, const PgQuery__ExplainStmt *e)
{
	bool analyze = false;
	char format = 't';
	if (!xlat_explain_options(c, e, &analyze, &format))
		return false;
	const PgQuery__Node *q = e->query;
	switch (q ? q->node_case : PG_QUERY__NODE__NODE__NOT_SET) {
	case PG_QUERY__NODE__NODE_SELECT_STMT:
	case PG_QUERY__NODE__NODE_INSERT_STMT:
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
	case PG_QUERY__NODE__NODE_DELETE_STMT:
		break;
	default:
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "EXPLAIN of %s is not supported",
				 q ? xlat_refused_tag(c, q) : "this statement");
	}
	xlat_nocache(c); /* its constants stay in the SQL whose plan is shown */
	if (!dispatch(c, q))
		return false;
	struct xlat_stmt *st = c->st;
	if (st->nsteps == 1 && st->steps[0].rowlock) { /* EXPLAIN locks no rows */
		st->steps = NULL;
		st->nsteps = 0;
	}
	if (st->kind != XLAT_SQL || st->nsteps)
		return xlat_unsupported(c, -1, "EXPLAIN of a data-modifying WITH");
	st->kind = XLAT_EXPLAIN;
	st->explain_analyze = analyze;
	st->explain_format = format;
	st->tag = "EXPLAIN";
	st->tag_style = XLAT_TAG_PLAIN;
	st->returns_rows = true;
	st->writes = analyze && st->writes;
	st->ncols = -1;
	st->cols = NULL;
	return true;
}

/* One raw statement: a switch that hands each statement family to its translator. */
/* A function, procedure, routine or aggregate, as ALTER ... RENAME and OWNER TO name one. */
static bool is_routine(PgQuery__ObjectType t)
{
	return t == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION ||
	       t == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ||
	       t == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE ||
	       t == PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE;
}

static bool dispatch(struct xlat_ctx *c, const PgQuery__Node *n)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_SELECT_STMT:
		if (n->select_stmt->into_clause)
			return xlat_stmt_select_into(c, n->select_stmt);
		return xlat_stmt_select(c, n->select_stmt);
	case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
		return xlat_stmt_ctas(c, n->create_table_as_stmt);
	case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT:
		return xlat_stmt_refresh(c, n->refresh_mat_view_stmt);
	case PG_QUERY__NODE__NODE_INSERT_STMT:
		return xlat_stmt_insert(c, n->insert_stmt);
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
		return xlat_stmt_update(c, n->update_stmt);
	case PG_QUERY__NODE__NODE_DELETE_STMT:
		return xlat_stmt_delete(c, n->delete_stmt);
	case PG_QUERY__NODE__NODE_MERGE_STMT:
		return xlat_stmt_merge(c, n->merge_stmt);
	case PG_QUERY__NODE__NODE_CREATE_STMT:
		return xlat_stmt_create(c, n->create_stmt);
	case PG_QUERY__NODE__NODE_DROP_STMT:
		if (n->drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW)
			return xlat_stmt_drop_matview(c, n->drop_stmt);
		return xlat_stmt_drop(c, n->drop_stmt);
	case PG_QUERY__NODE__NODE_INDEX_STMT:
		return xlat_stmt_index(c, n->index_stmt);
	case PG_QUERY__NODE__NODE_VIEW_STMT:
		return xlat_stmt_view(c, n->view_stmt);
	case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
		if (n->alter_table_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE)
			return xlat_comptype_alter(c, n->alter_table_stmt);
		if (n->alter_table_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE &&
		    xlat_alter_rls_only(n->alter_table_stmt))
			return xlat_alter_rls(c, n->alter_table_stmt);
		return xlat_stmt_alter(c, n->alter_table_stmt);
	case PG_QUERY__NODE__NODE_RENAME_STMT:
		if (n->rename_stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE)
			return xlat_database_rename(c, n->rename_stmt);
		if (n->rename_stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_ATTRIBUTE)
			return xlat_comptype_rename_attr(c, n->rename_stmt);
		if (is_routine(n->rename_stmt->rename_type))
			return xlat_rename_routine(c, n->rename_stmt);
		if (n->rename_stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY)
			return xlat_rename_policy(c, n->rename_stmt);
		if (n->rename_stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA &&
		    xlat_localnsp_renames(c, n->rename_stmt->subname))
			return xlat_localnsp_rename(c, n->rename_stmt);
		return xlat_stmt_rename(c, n->rename_stmt);
	case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
		return xlat_stmt_set_schema(c, n->alter_object_schema_stmt);
	case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
		return xlat_stmt_truncate(c, n->truncate_stmt);
	case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
		return xlat_stmt_txn(c, n->transaction_stmt);
	case PG_QUERY__NODE__NODE_CONSTRAINTS_SET_STMT:
		return xlat_stmt_constraints_set(c, n->constraints_set_stmt);
	case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
		return xlat_stmt_set(c, n->variable_set_stmt);
	case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
		return xlat_stmt_show(c, n->variable_show_stmt);
	case PG_QUERY__NODE__NODE_DISCARD_STMT:
		return xlat_stmt_discard(c, n->discard_stmt);
	case PG_QUERY__NODE__NODE_DEALLOCATE_STMT:
		return xlat_stmt_deallocate(c, n->deallocate_stmt);
	case PG_QUERY__NODE__NODE_VACUUM_STMT:
		return xlat_stmt_vacuum(c, n->vacuum_stmt);
	case PG_QUERY__NODE__NODE_REINDEX_STMT:
		return xlat_stmt_reindex(c, n->reindex_stmt);
	case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
		return xlat_stmt_create_schema(c, n->create_schema_stmt);
	case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
		return xlat_stmt_create_extension(c, n->create_extension_stmt);
	case PG_QUERY__NODE__NODE_GRANT_STMT:
		return xlat_stmt_grant(c, n->grant_stmt);
	case PG_QUERY__NODE__NODE_REASSIGN_OWNED_STMT:
		return xlat_stmt_reassign_owned(c, n->reassign_owned_stmt);
	case PG_QUERY__NODE__NODE_DROP_OWNED_STMT:
		return xlat_stmt_drop_owned(c, n->drop_owned_stmt);
	case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
		return xlat_stmt_alter_default_privileges(c, n->alter_default_privileges_stmt);
	case PG_QUERY__NODE__NODE_COPY_STMT:
		return xlat_stmt_copy(c, n->copy_stmt);
	case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
		return xlat_stmt_create_seq(c, n->create_seq_stmt);
	case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT:
		if (n->alter_owner_stmt->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE)
			return xlat_enum_owner(c, n->alter_owner_stmt);
		if (n->alter_owner_stmt->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN)
			return xlat_domain_owner(c, n->alter_owner_stmt);
		if (n->alter_owner_stmt->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE)
			return xlat_database_owner(c, n->alter_owner_stmt);
		if (n->alter_owner_stmt->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_LARGEOBJECT)
			return xlat_lo_owner(c, n->alter_owner_stmt);
		if (is_routine(n->alter_owner_stmt->object_type))
			return xlat_routine_owner(c, n->alter_owner_stmt);
		if (n->alter_owner_stmt->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA &&
		    xlat_local_schema(c, xlat_node_str(n->alter_owner_stmt->object)))
			return xlat_localnsp_owner(c, n->alter_owner_stmt);
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1, "%s is not supported",
				 xlat_refused_tag(c, n));
	case PG_QUERY__NODE__NODE_PREPARE_STMT:
		return xlat_stmt_prepare(c, n->prepare_stmt);
	case PG_QUERY__NODE__NODE_EXPLAIN_STMT:
		return explain(c, n->explain_stmt);
	case PG_QUERY__NODE__NODE_EXECUTE_STMT:
		return xlat_stmt_execute(c, n->execute_stmt);
	case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
		return xlat_stmt_create_domain(c, n->create_domain_stmt);
	case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT:
		return xlat_alter_routine(c, n->alter_function_stmt);
	case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT:
		return xlat_stmt_alter_domain(c, n->alter_domain_stmt);
	case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
		return xlat_stmt_create_enum(c, n->create_enum_stmt);
	case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
		return xlat_stmt_create_comptype(c, n->composite_type_stmt);
	case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
		return xlat_stmt_alter_enum(c, n->alter_enum_stmt);
	case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:
		return xlat_stmt_alter_seq(c, n->alter_seq_stmt);
	case PG_QUERY__NODE__NODE_COMMENT_STMT:
		return xlat_stmt_comment(c, n->comment_stmt);
	case PG_QUERY__NODE__NODE_CHECK_POINT_STMT:
		return xlat_stmt_checkpoint(c);
	case PG_QUERY__NODE__NODE_LISTEN_STMT:
	case PG_QUERY__NODE__NODE_UNLISTEN_STMT:
	case PG_QUERY__NODE__NODE_NOTIFY_STMT:
		return xlat_stmt_notify(c, n);
	case PG_QUERY__NODE__NODE_LOCK_STMT:
		return xlat_stmt_lock(c, n->lock_stmt);
	case PG_QUERY__NODE__NODE_DECLARE_CURSOR_STMT:
		return xlat_stmt_declare(c, n->declare_cursor_stmt);
	case PG_QUERY__NODE__NODE_FETCH_STMT:
		return xlat_stmt_fetch(c, n->fetch_stmt);
	case PG_QUERY__NODE__NODE_CLOSE_PORTAL_STMT:
		return xlat_stmt_close(c, n->close_portal_stmt);
	case PG_QUERY__NODE__NODE_DO_STMT:
		return xlat_stmt_do(c, n->do_stmt);
	case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
		return xlat_stmt_create_function(c, n->create_function_stmt);
	case PG_QUERY__NODE__NODE_DEFINE_STMT:
		if (n->define_stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE)
			return xlat_stmt_create_aggregate(c, n->define_stmt);
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1, "%s is not supported",
				 xlat_refused_tag(c, n));
	case PG_QUERY__NODE__NODE_CALL_STMT:
		return xlat_stmt_call(c, n->call_stmt);
	case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
		return xlat_stmt_create_trigger(c, n->create_trig_stmt);
	case PG_QUERY__NODE__NODE_CREATEDB_STMT:
		return xlat_stmt_createdb(c, n->createdb_stmt);
	case PG_QUERY__NODE__NODE_DROPDB_STMT:
		return xlat_stmt_dropdb(c, n->dropdb_stmt);
	case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
		return xlat_stmt_create_role(c, n->create_role_stmt);
	case PG_QUERY__NODE__NODE_ALTER_ROLE_STMT:
		return xlat_stmt_alter_role(c, n->alter_role_stmt);
	case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
		return xlat_stmt_create_policy(c, n->create_policy_stmt);
	case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT:
		return xlat_stmt_alter_policy(c, n->alter_policy_stmt);
	default:
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1, "%s is not supported",
				 xlat_refused_tag(c, n));
	}
}

/* Parameter types: the client's (Parse) win; inferred ones fill the gaps. A parameter below
 * the highest one referenced that is neither referenced nor given a type has none, which
 * PostgreSQL refuses (42P18; it then reads an unknown-typed one in use as text). */
static bool finish_params(struct xlat_ctx *c, const uint32_t *given, int ngiven)
{
	struct xlat_stmt *st = c->st;
	for (int i = 0; i < c->max_param; i++) {
		if (!c->pseen[i] && !(i < ngiven && given[i]))
			return xlat_fail(c, "42P18", -1,
					 "could not determine data type of parameter $%d", i + 1);
	}
	int n = c->max_param > ngiven ? c->max_param : ngiven;
	st->nparams = n;
	st->param_types = arena_zalloc(c->a, (size_t)(n ? n : 1) * sizeof(uint32_t));
	for (int i = 0; i < n; i++) {
		uint32_t t = i < ngiven ? given[i] : 0;
		if (!t && i < c->max_param)
			t = xlat_domain_param_type(c, i + 1, c->ptypes[i]);
		st->param_types[i] = t;
	}
	return true;
}

static void stmt_defaults(struct xlat_stmt *st)
{
	memset(st, 0, sizeof(*st));
	st->kind = XLAT_SQL;
	st->tag_style = XLAT_TAG_PLAIN;
	st->ncols = -1;
	st->read_only = -1;
}

static bool translate_one(struct xlat_ctx *c, const PgQuery__RawStmt *raw, const uint32_t *given,
			  int ngiven)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	c->sb = c->main_sb = &sb;
	c->max_param = 0;
	c->ptypes = NULL;
	c->pseen = NULL;
	c->ptypes_cap = 0;
	c->pdomains = NULL;
	c->depth = 0;
	c->flags = 0;
	c->inline_consts = 0;
	c->hidden_levels = 0;
	c->using_target = NULL;
	xlat_schema_reset(c);
	c->mod = NULL;
	c->top_stmt = raw->stmt;
	c->enum_order_ddl = false;
	xlat_localnsp_rewrite(c, raw->stmt); /* s.t of a local schema: "s.t" */
	const PgQuery__Node *stmt = raw->stmt;
	bool ok = xlat_rls_apply(c, &stmt); /* row-level security, xlat_rls.c */
	c->top_stmt = stmt;
	if (ok && stmt->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) /* nextval after ORDER BY */
		xlat_volsort_rewrite(c, stmt->select_stmt);
	if (ok)
		xlat_group_mark_outer(c, stmt);
	ok = ok && dispatch(c, stmt) && xlat_group_check(c, stmt) && xlat_schema_finish(c) &&
	     xlat_temp_rebuild_check(c, stmt);
	if (ok && c->enum_order_ddl) /* xlat_enum.c */
		ok = xlat_unsupported(c, -1, "ordering an enum in a CHECK constraint or an index");
	if (ok && sb.failed)
		ok = pgerr_set(c->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
			       "translated statement too long");
	if (ok &&
	    (c->st->kind == XLAT_SQL || c->st->kind == XLAT_SCRIPT || c->st->kind == XLAT_CURSOR ||
	     c->st->kind == XLAT_EXPLAIN || (c->st->kind == XLAT_COPY && !c->st->copy->table)))
		c->st->sql = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	ok = ok && finish_params(c, given, ngiven);
	ok = ok && xlat_modcte_finish(c);
	strbuf_fini(&sb);
	c->sb = c->main_sb = NULL;
	return ok;
}

static bool translate_all(struct xlat_ctx *c, const PgQuery__ParseResult *tree,
			  const uint32_t *given, int ngiven, struct xlat_stmt **out, size_t *nout)
{
	size_t n = tree->n_stmts ? tree->n_stmts : 1;
	struct xlat_stmt *v = arena_zalloc(c->a, n * sizeof(*v));
	if (tree->n_stmts == 0) {
		stmt_defaults(&v[0]);
		v[0].kind = XLAT_EMPTY;
		v[0].length = (int)strlen(c->src);
	}
	for (size_t i = 0; i < tree->n_stmts; i++) {
		const PgQuery__RawStmt *raw = tree->stmts[i];
		c->st = &v[i];
		stmt_defaults(c->st);
		c->st->location = raw->stmt_location;
		c->st->length = raw->stmt_len ? raw->stmt_len
					      : (int)strlen(c->src) - raw->stmt_location;
		if (c->env && ((c->earlier_ddl && c->env->later) || c->env->aborted) && raw->stmt &&
		    raw->stmt->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT) {
			c->st->kind = XLAT_LATER;
			c->st->tag = xlat_refused_tag(c, raw->stmt);
			continue;
		}
		xlat_sort_using(raw->stmt);
		xlat_tablesample_lift(c, raw->stmt);
		bool ok = raw->stmt && translate_one(c, raw, given, ngiven);
		xlat_tablesample_restore(c);
		if (!ok)
			return raw->stmt ? false
					 : pgerr_set(c->err, SQLSTATE_INTERNAL_ERROR,
						     "empty raw statement");
		c->earlier_ddl |= c->st->is_ddl || c->st->kind == XLAT_SCRIPT ||
				  c->st->kind == XLAT_REBUILD;
	}
	*out = v;
	*nout = n;
	return true;
}

/* libpg_query reports scanner and grammar errors with PostgreSQL's own message and its
 * character (not byte) cursor position, exactly what psql expects. Its errors carry no
 * SQLSTATE: the grammar's functions whose every error has another code than 42601 are named
 * here (processCASbits: "UNIQUE constraints cannot be marked NOT VALID", DEFERRABLE, NO
 * INHERIT, all 0A000 in gram.y), and so are the messages of gram.y's rules that have another
 * code (message set: funcname NULL), and the scanner's (core_yylex) with theirs and their hint
 * (both set: both must match). */
static bool syntax_error(const PgQueryError *e, struct pgerr *err)
{
	static const struct {
		const char *funcname, *message, *sqlstate, *hint;
	} codes[] = {
		/* E'\u061': scan.l's xeunicodefail (U&'\061' is parser.c's, a 42601) */
		{"core_yylex", "invalid Unicode escape", "22025",
		 "Unicode escapes must be \\uXXXX or \\UXXXXXXXX."},
		{"processCASbits", NULL, SQLSTATE_FEATURE_NOT_SUPPORTED, NULL},
		{NULL, "CREATE SCHEMA IF NOT EXISTS cannot include schema elements",
		 SQLSTATE_FEATURE_NOT_SUPPORTED, NULL},
		{NULL, "MATCH PARTIAL not yet implemented", SQLSTATE_FEATURE_NOT_SUPPORTED, NULL},
		{NULL, "a column list with SET NULL is only supported for ON DELETE actions",
		 SQLSTATE_FEATURE_NOT_SUPPORTED, NULL},
		{NULL, "a column list with SET DEFAULT is only supported for ON DELETE actions",
		 SQLSTATE_FEATURE_NOT_SUPPORTED, NULL},
	};
	const char *code = SQLSTATE_SYNTAX_ERROR, *hint = NULL;
	for (size_t i = 0; i < ARRAY_LEN(codes); i++) {
		if ((!codes[i].funcname ||
		     (e->funcname && strcmp(e->funcname, codes[i].funcname) == 0)) &&
		    (!codes[i].message ||
		     (e->message && strcmp(e->message, codes[i].message) == 0))) {
			code = codes[i].sqlstate;
			hint = codes[i].hint;
		}
	}
	pgerr_set(err, code, "%s", e->message ? e->message : "syntax error");
	if (hint)
		pgerr_hint(err, "%s", hint);
	err->position = e->cursorpos > 0 ? e->cursorpos : 0;
	return false;
}

/* A cache hit, or parse and translate (remembering a single statement in the cache). */
static bool translate(const struct xlat_env *env, const struct xlat_cache_key *key, const char *sql,
		      const uint32_t *param_types, int nparam_types, struct arena *a,
		      struct xlat_stmt **out, size_t *nout, struct pgerr *err)
{
	bool bind = env && env->bind_consts;
	if (xlat_cache_lookup(key, sql, bind, a, out)) {
		*nout = 1;
		return true;
	}
	if (!xlat_nesting_ok(sql, err))
		return false;
	PgQueryProtobufParseResult r = pg_query_parse_protobuf(sql);
	if (r.error) {
		syntax_error(r.error, err);
		pg_query_free_protobuf_parse_result(r);
		return false;
	}
	PgQuery__ParseResult *tree = pg_query__parse_result__unpack(
		NULL, r.parse_tree.len, (const uint8_t *)r.parse_tree.data);
	bool ok;
	if (!tree) {
		ok = pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "could not decode the parse tree");
	} else {
		struct xlat_ctx c = {.a = a,
				     .env = env,
				     .err = err,
				     .src = sql,
				     .schema = env ? env->schema : NULL,
				     .given = param_types,
				     .ngiven = nparam_types > 0 ? nparam_types : 0};
		ok = translate_all(&c, tree, param_types, nparam_types > 0 ? nparam_types : 0, out,
				   nout);
		if (ok && *nout == 1 && (*out)[0].kind != XLAT_LATER)
			xlat_cache_store(key, sql, &c, *out, bind, a);
		pg_query__parse_result__free_unpacked(tree, NULL);
	}
	pg_query_free_protobuf_parse_result(r);
	if (!ok) {
		*out = NULL;
		*nout = 0;
	}
	return ok;
}

bool xlat_translate_in(const struct xlat_env *env, const char *sql, const uint32_t *param_types,
		       int nparam_types, struct arena *a, struct xlat_stmt **out, size_t *nout,
		       struct pgerr *err)
{
	*out = NULL;
	*nout = 0;
	/* The key (the constants found by scanning) serves the lookup and, on a miss, the store.
	 * search_path changes what unqualified names mean, so its tenant is part of the key;
	 * the session's own tenant only matters to statements with a prefix, never cached, and
	 * to current_schema() without a default tenant. */
	struct xlat_cache_key key;
	const char *scope = env && env->search ? env->search : NULL;
	if (!scope && env && env->no_default) /* current_schema(); '/' is in no tenant name */
		scope = env->no_search ? "//"
				       : arena_printf(a, "/%s", env->tenant ? env->tenant : "");
	for (size_t i = 0; env && i < env->nsearch_local; i++) /* the tenant's own schemas */
		scope = arena_printf(a, "%s|%s", scope ? scope : "", env->search_local[i]);
	for (size_t i = 0; env && i < env->ntemp_after; i++) /* what comes before pg_temp */
		scope = arena_printf(a, "%s~%s", scope ? scope : "", env->temp_after[i]);
	if (env && env->temp_first)
		scope = arena_printf(a, "%s^", scope ? scope : "");
	for (size_t i = 0; env && i < env->ntransitions; i++) /* '/' is in no tenant name */
		scope = arena_printf(a, "%s/%s=%s", scope ? scope : "", env->transitions[i].name,
				     env->transitions[i].table);
	xlat_cache_key_make(&key, sql, param_types, nparam_types, scope,
			    env && env->schema ? env->schema->fingerprint : 0, a);
	bool ok = translate(env, &key, sql, param_types, nparam_types, a, out, nout, err);
	xlat_cache_key_fini(&key);
	return ok;
}

bool xlat_translate(const char *sql, const uint32_t *param_types, int nparam_types, struct arena *a,
		    struct xlat_stmt **out, size_t *nout, struct pgerr *err)
{
	return xlat_translate_in(NULL, sql, param_types, nparam_types, a, out, nout, err);
}

bool xlat_translate_later(const struct xlat_env *env, const char *sql, const struct xlat_stmt *x,
			  struct arena *a, struct xlat_stmt **out, struct pgerr *err)
{
	ASSERT(x->kind == XLAT_LATER && x->location >= 0 && x->length > 0);
	struct xlat_env alone = *env;
	alone.later = false;
	const char *text = arena_strndup(a, sql + x->location, (size_t)x->length);
	size_t n = 0;
	if (!xlat_translate_in(&alone, text, NULL, 0, a, out, &n, err)) {
		if (err->position > 0) /* in characters, as PostgreSQL counts them */
			for (int k = 0; k < x->location; k++)
				err->position += ((unsigned char)sql[k] & 0xC0) != 0x80;
		return false;
	}
	ASSERT(n == 1);
	(*out)->location = x->location;
	(*out)->length = x->length;
	return true;
}
