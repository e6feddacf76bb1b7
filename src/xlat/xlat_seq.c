/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_seq.c: CREATE/ALTER/DROP SEQUENCE, COMMENT ON and CHECKPOINT. Sequences and comments
 * live in sidecar tables of the tenant's file (docs/catalog.md); each statement becomes a
 * script that creates the sidecar when it is first needed and calls the catalog's writer
 * (shardlite_sequence, shardlite_comment), which checks the objects as PostgreSQL does. */
#include "xlat_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define OBJ(x) PG_QUERY__OBJECT_TYPE__OBJECT_##x

/* The sidecar tables: ordinary SQLite tables with a reserved prefix, hidden from the catalog
 * and guarded against DDL by the shard's authorizer. The temp schema has its own for
 * temporary sequences and tables (their %s: "temp."), which go with the session. */
#define SIDECAR_SEQUENCES                                                                          \
	"CREATE TABLE IF NOT EXISTS %s_shardlite_sequences (name TEXT PRIMARY KEY, type TEXT NOT "  \
	"NULL, start INTEGER NOT NULL, increment INTEGER NOT NULL, min INTEGER NOT NULL, max "     \
	"INTEGER NOT NULL, cache INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT " \
	"NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT)"
#define SIDECAR_COMMENTS                                                                           \
	"CREATE TABLE IF NOT EXISTS %s_shardlite_comments (kind TEXT NOT NULL, name TEXT NOT NULL, " \
	"column_name TEXT NOT NULL, description TEXT NOT NULL, PRIMARY KEY (kind, name, "          \
	"column_name))"
#define SIDECAR_COLUMNS                                                                            \
	"CREATE TABLE IF NOT EXISTS %s_shardlite_columns (table_name TEXT NOT NULL, column_name "    \
	"TEXT NOT NULL, type TEXT NOT NULL, identity TEXT NOT NULL, PRIMARY KEY (table_name, "     \
	"column_name))"

/* shardlite_sequence's arguments after op and name (catalog_seqddl.c keeps the same order). */
enum { O_FLAG, O_AS, O_START, O_INC, O_MIN, O_MAX, O_CACHE, O_CYCLE, O_RESTART, O_OWNED_TABLE,
       O_OWNED_COL, O_COUNT };

static const struct {
	const char *defname;
	int slot;
} options[] = {
	{"as", O_AS},	      {"start", O_START},   {"increment", O_INC}, {"minvalue", O_MIN},
	{"maxvalue", O_MAX},  {"cache", O_CACHE},   {"cycle", O_CYCLE},   {"restart", O_RESTART},
	{"owned_by", O_OWNED_TABLE},
};

static const char *schema_prefix(bool temp) { return temp ? "temp." : ""; }

/* A sequence or relation name: unqualified, in public (the tenant) or pg_temp (the writers
 * look in the temp schema first anyway). */
static const char *local_name(struct xlat_ctx *c, const char *schema, const char *name,
			      int location)
{
	if (schema && strcmp(schema, "pg_temp") == 0)
		return name;
	/* the session's own tenant is the same schema as public (sqitch's COMMENT ON TABLE
	 * "registry".changes, with search_path naming the registry's tenant) */
	bool own = c->env && c->env->tenant && schema && strcmp(schema, c->env->tenant) == 0;
	if (schema && *schema && strcmp(schema, "public") != 0 && !own) {
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, location,
			  "a sequence or comment in schema \"%s\" is not supported", schema);
		return NULL;
	}
	return name;
}

/* The suffix of a writer's op or kind saying which schema the statement named (the writers
 * take an unqualified name's temporary relation first): " in public" for public or the
 * tenant's own schema, " in pg_temp", "" for none. After local_name accepted schema. */
static const char *in_schema(const char *schema)
{
	if (!schema || !*schema)
		return "";
	return strcmp(schema, "pg_temp") == 0 ? " in pg_temp" : " in public";
}

/* A whole number option value as SQL text ("-5"); NULL with 22003 when it does not fit
 * bigint, 22023 when it is not a whole number. */
static const char *number(struct xlat_ctx *c, const PgQuery__DefElem *d)
{
	if (d->arg->node_case == NODE(INTEGER))
		return arena_printf(c->a, "%d", d->arg->integer->ival);
	if (d->arg->node_case != NODE(FLOAT)) {
		xlat_fail(c, SQLSTATE_SYNTAX_ERROR, d->location, "%s requires a numeric value",
			  d->defname);
		return NULL;
	}
	const char *s = d->arg->float_->fval;
	char *end = NULL;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (*end) {
		xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
			  "invalid input syntax for type bigint: \"%s\"", s);
		return NULL;
	}
	if (errno == ERANGE) {
		xlat_fail(c, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, -1,
			  "value \"%s\" is out of range for type bigint", s);
		return NULL;
	}
	return arena_printf(c->a, "%lld", v);
}

static const char *type_option(struct xlat_ctx *c, const PgQuery__DefElem *d)
{
	struct xlat_typeref tr;
	if (d->arg->node_case != NODE(TYPE_NAME) || !xlat_type_resolve(c, d->arg->type_name, &tr) ||
	    !xlat_domain_refuse(c, &tr, "a sequence's type"))
		return NULL;
	uint32_t oid = tr.is_array ? 0 : tr.info->oid;
	if (oid == XLAT_OID_INT2 || oid == XLAT_OID_INT4 || oid == XLAT_OID_INT8)
		return oid == XLAT_OID_INT2 ? "'smallint'" : oid == XLAT_OID_INT4 ? "'integer'"
										  : "'bigint'";
	xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
		  "sequence type must be smallint, integer, or bigint");
	return NULL;
}

/* A string literal in the arena. */
static const char *quoted(struct xlat_ctx *c, const char *s)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_put_quoted(&sb, s, '\'');
	const char *r = arena_strdup(c->a, sb.failed ? "NULL" : sb.data);
	strbuf_fini(&sb);
	return r;
}

/* OWNED BY NONE | [public.]table.column */
static bool owned_option(struct xlat_ctx *c, const PgQuery__DefElem *d, const char **v)
{
	const PgQuery__List *l = d->arg->node_case == NODE(LIST) ? d->arg->list : NULL;
	size_t n = l ? l->n_items : 0;
	const char *first = n ? xlat_node_str(l->items[0]) : NULL;
	if (n == 1 && first && strcmp(first, "none") == 0) {
		v[O_OWNED_TABLE] = "''";
		return true;
	}
	if (n < 2 || n > 3)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, d->location,
				 "invalid OWNED BY option");
	const char *t = local_name(c, n == 3 ? xlat_node_str(l->items[0]) : NULL,
				   xlat_node_str(l->items[n - 2]), d->location);
	const char *col = xlat_node_str(l->items[n - 1]);
	if (!t || !col)
		return false;
	v[O_OWNED_TABLE] = quoted(c, t);
	v[O_OWNED_COL] = quoted(c, col);
	return true;
}

static bool one_option(struct xlat_ctx *c, const PgQuery__DefElem *d, int slot, const char **v)
{
	switch (slot) {
	case O_AS:
		return (v[O_AS] = type_option(c, d)) != NULL;
	case O_CYCLE:
		v[O_CYCLE] = d->arg && d->arg->node_case == NODE(BOOLEAN) &&
					     !d->arg->boolean->boolval
				     ? "0"
				     : "1";
		return true;
	case O_OWNED_TABLE:
		return owned_option(c, d, v);
	case O_MIN:
	case O_MAX:
		if (!d->arg) { /* NO MINVALUE / NO MAXVALUE */
			v[slot] = "'no'";
			return true;
		}
		break;
	case O_RESTART:
		if (!d->arg) { /* RESTART: from START */
			v[slot] = "'start'";
			return true;
		}
		break;
	default:
		break;
	}
	return d->arg && (v[slot] = number(c, d)) != NULL;
}

static bool seq_options(struct xlat_ctx *c, PgQuery__Node **opts, size_t n, bool create,
			const char **v)
{
	for (int i = 0; i < O_COUNT; i++)
		v[i] = "NULL";
	bool seen[O_COUNT] = {0};
	for (size_t i = 0; i < n; i++) {
		const PgQuery__DefElem *d = opts[i]->def_elem;
		int slot = -1;
		for (size_t k = 0; k < ARRAY_LEN(options); k++) {
			if (strcmp(options[k].defname, d->defname) == 0)
				slot = options[k].slot;
		}
		if (slot < 0 || (create && slot == O_RESTART))
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, d->location,
					 "sequence option \"%s\" is not supported", d->defname);
		if (seen[slot])
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, d->location,
					 "conflicting or redundant options");
		seen[slot] = true;
		if (!one_option(c, d, slot, v))
			return false;
	}
	return true;
}

/* op "create temp": a temporary sequence, in the temp schema's sidecar. */
static void call(struct xlat_ctx *c, const char *op, const char *in, const char *name, bool flag,
		 const char **v)
{
	xlat_printf(c, "SELECT shardlite_sequence('%s%s', ", op, in);
	xlat_string(c, name);
	xlat_printf(c, ", %d", flag);
	for (int i = O_AS; i < O_COUNT; i++)
		xlat_printf(c, ", %s", v ? v[i] : "NULL");
	xlat_puts(c, ")");
}

bool xlat_stmt_create_seq(struct xlat_ctx *c, const PgQuery__CreateSeqStmt *s)
{
	const char *v[O_COUNT];
	xlat_sidecar_script(c, "CREATE SEQUENCE");
	const char *p = s->sequence->relpersistence;
	if (p && *p == 'u')
		return xlat_unsupported(c, s->sequence->location, "an unlogged sequence");
	bool temp = xlat_temp_is(s->sequence); /* TEMP, or named pg_temp.s */
	if (temp && !xlat_temp_create(c, s->sequence, PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_NOOP))
		return false;
	const char *name = local_name(c, s->sequence->schemaname, s->sequence->relname,
				      s->sequence->location);
	if (!name || !seq_options(c, s->options, s->n_options, true, v))
		return false;
	xlat_printf(c, SIDECAR_SEQUENCES "; ", schema_prefix(temp));
	call(c, temp ? "create temp" : "create", "", name, s->if_not_exists, v);
	if (s->if_not_exists)
		xlat_skip_note(c, "relation", NULL, name, true);
	return true;
}

bool xlat_stmt_alter_seq(struct xlat_ctx *c, const PgQuery__AlterSeqStmt *s)
{
	const char *v[O_COUNT];
	xlat_sidecar_script(c, "ALTER SEQUENCE");
	const char *name = local_name(c, s->sequence->schemaname, s->sequence->relname,
				      s->sequence->location);
	if (!name || !seq_options(c, s->options, s->n_options, false, v))
		return false;
	call(c, "alter", in_schema(s->sequence->schemaname), name, s->missing_ok, v);
	if (s->missing_ok)
		xlat_skip_note(c, "relation", NULL, name, false);
	return true;
}

/* A column's sequence: of the column's type unless AS says otherwise, never OWNED BY another. */
static bool column_seq_options(struct xlat_ctx *c, uint32_t type_oid, const char **v)
{
	if (strcmp(v[O_AS], "NULL") == 0)
		v[O_AS] = type_oid == XLAT_OID_INT2   ? "'smallint'"
			  : type_oid == XLAT_OID_INT4 ? "'integer'"
						      : "'bigint'";
	if (strcmp(v[O_OWNED_TABLE], "NULL") != 0)
		return xlat_unsupported(c, -1, "OWNED BY in an identity's sequence options");
	return true;
}

static bool is_seq_name(const PgQuery__Node *o)
{
	return strcmp(o->def_elem->defname, "sequence_name") == 0;
}

bool xlat_identity_seq_name(struct xlat_ctx *c, const char *table, const char *column,
			    const PgQuery__Constraint *id, size_t *nother, const char **seq)
{
	*nother = 0;
	*seq = arena_printf(c->a, "%s_%s_seq", table, column);
	for (size_t i = 0; id && i < id->n_options; i++) {
		const PgQuery__DefElem *d = id->options[i]->def_elem;
		if (!is_seq_name(id->options[i])) {
			(*nother)++;
			continue;
		}
		const PgQuery__List *l = d->arg && d->arg->node_case == NODE(LIST) ? d->arg->list
										   : NULL;
		size_t n = l ? l->n_items : 0;
		const char *last = n ? xlat_node_str(l->items[n - 1]) : NULL;
		const char *schema = n == 2 ? xlat_node_str(l->items[0]) : "public";
		if (!last || n > 2 || !schema || strcmp(schema, "public") != 0)
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, d->location,
					 "SEQUENCE NAME in another schema is not supported");
		*seq = arena_strdup(c->a, last);
	}
	return true;
}

bool xlat_column_sequence(struct xlat_ctx *c, const char *table, const char *column,
			  uint32_t type_oid, PgQuery__Node **opts, size_t nopts, bool if_not_exists,
			  bool temp)
{
	const char *v[O_COUNT];
	/* SEQUENCE NAME names it (xlat_identity_seq_name checked it); the others are options */
	const char *name = arena_printf(c->a, "%s_%s_seq", table, column);
	PgQuery__Node **rest = arena_zalloc(c->a, (nopts + 1) * sizeof(*rest));
	size_t nrest = 0;
	for (size_t i = 0; i < nopts; i++) {
		const PgQuery__Node *arg = opts[i]->def_elem->arg;
		if (!is_seq_name(opts[i]))
			rest[nrest++] = opts[i];
		else if (arg && arg->node_case == NODE(LIST) && arg->list->n_items &&
			 xlat_node_str(arg->list->items[arg->list->n_items - 1]))
			name = xlat_node_str(arg->list->items[arg->list->n_items - 1]);
	}
	opts = rest;
	nopts = nrest;
	if (!seq_options(c, opts, nopts, true, v))
		return false;
	if (!column_seq_options(c, type_oid, v))
		return false;
	v[O_OWNED_TABLE] = quoted(c, table);
	v[O_OWNED_COL] = quoted(c, column);
	c->st->kind = XLAT_SCRIPT;
	xlat_nocache(c);
	xlat_printf(c, "; " SIDECAR_SEQUENCES "; ", schema_prefix(temp));
	call(c, temp ? "create temp" : "create", "", name, if_not_exists, v);
	return true;
}

void xlat_column_meta(struct xlat_ctx *c, const char *table, const char *column,
		      const char *type, char identity, bool if_not_exists, bool temp)
{
	c->st->kind = XLAT_SCRIPT;
	xlat_nocache(c);
	/* IF NOT EXISTS of a table that was there keeps what its own CREATE recorded */
	xlat_printf(c, "; " SIDECAR_COLUMNS "; INSERT OR %s INTO %s_shardlite_columns VALUES (",
		    schema_prefix(temp), if_not_exists ? "IGNORE" : "REPLACE",
		    temp ? "temp." : "main.");
	xlat_string(c, table);
	xlat_puts(c, ", ");
	xlat_string(c, column);
	xlat_puts(c, ", ");
	xlat_string(c, type);
	xlat_printf(c, ", '%s')", identity == 'a' ? "a" : identity == 'd' ? "d" : "");
}

const char *xlat_column_meta_script(struct xlat_ctx *c, const char *table, const char *column,
				    const char *type, bool temp)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, SIDECAR_COLUMNS "; ", schema_prefix(temp));
	if (type)
		strbuf_printf(&sb, "INSERT OR REPLACE INTO %s_shardlite_columns VALUES (",
			      temp ? "temp." : "main.");
	else
		strbuf_printf(&sb, "DELETE FROM %s_shardlite_columns WHERE (table_name, "
				   "column_name) = (",
			      temp ? "temp." : "main.");
	strbuf_put_quoted(&sb, table, '\'');
	strbuf_puts(&sb, ", ");
	strbuf_put_quoted(&sb, column, '\'');
	if (type) {
		strbuf_puts(&sb, ", ");
		strbuf_put_quoted(&sb, type, '\'');
		strbuf_puts(&sb, ", ''");
	}
	strbuf_puts(&sb, ")");
	const char *out = sb.failed ? NULL : arena_strndup(c->a, sb.data, sb.len);
	strbuf_fini(&sb);
	return out;
}

/* DROP SEQUENCE a, b [CASCADE]: one writer call per sequence, run as one atomic script. */
bool xlat_drop_sequences(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	xlat_sidecar_script(c, "DROP SEQUENCE");
	/* CASCADE: the writer refuses it (0A000) for a sequence something depends on */
	bool cascade = s->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
	for (size_t i = 0; i < s->n_objects; i++) {
		const PgQuery__List *l = s->objects[i]->node_case == NODE(LIST)
						 ? s->objects[i]->list
						 : NULL;
		size_t n = l ? l->n_items : 0;
		if (n < 1 || n > 2)
			return xlat_unsupported(c, -1, "this sequence name");
		const char *schema = n == 2 ? xlat_node_str(l->items[0]) : NULL;
		const char *name = local_name(c, schema, xlat_node_str(l->items[n - 1]), -1);
		if (!name)
			return false;
		xlat_puts(c, i ? "; " : "");
		call(c, cascade ? "drop cascade" : "drop", in_schema(schema), name, s->missing_ok,
		     NULL);
		if (s->missing_ok)
			xlat_skip_note(c, "sequence", NULL, name, false);
	}
	return true;
}

const char *xlat_sidecar_columns_ddl(struct xlat_ctx *c)
{
	return arena_printf(c->a, SIDECAR_COLUMNS, schema_prefix(false));
}

char *xlat_sidecar_sequences_sql(bool temp)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, SIDECAR_SEQUENCES, schema_prefix(temp));
	return strbuf_take(&sb);
}

const char *xlat_sidecar_columns_in(struct xlat_ctx *c, bool temp)
{
	return arena_printf(c->a, SIDECAR_COLUMNS, schema_prefix(temp));
}

const char *xlat_sidecar_like_ddl(struct xlat_ctx *c, bool temp)
{
	return arena_printf(c->a, SIDECAR_COLUMNS "; " SIDECAR_COMMENTS, schema_prefix(temp),
			    schema_prefix(temp));
}

/* TRUNCATE ... RESTART IDENTITY: the table's owned sequences start over, after its rows go;
 * those of the SQLite schema its DELETE named (xlat_ctx.rel_schema: main for public.t while
 * a temporary t hides it, temp for pg_temp.t), else of the table t finds. */
void xlat_truncate_restart(struct xlat_ctx *c, const char *schema, const char *table)
{
	xlat_puts(c, "; SELECT shardlite_seq_restart(");
	xlat_string(c, table);
	if (schema && (strcmp(schema, "main") == 0 || strcmp(schema, "temp") == 0))
		xlat_puts(c, schema[0] == 't' ? ", 1" : ", 0");
	xlat_puts(c, ")");
}

void xlat_forget(struct xlat_ctx *c, const char *kind, const char *name)
{
	xlat_printf(c, "; SELECT shardlite_forget('%s', ", kind);
	xlat_string(c, name ? name : "");
	xlat_puts(c, ")");
}

void xlat_renamed(struct xlat_ctx *c, const char *table, const char *column, const char *to)
{
	xlat_puts(c, "; SELECT shardlite_renamed(");
	xlat_string(c, table);
	xlat_puts(c, ", ");
	xlat_string_or_null(c, column);
	xlat_puts(c, ", ");
	xlat_string(c, to);
	xlat_puts(c, ")");
}

static const char *comment_kind(PgQuery__ObjectType t)
{
	switch (t) {
	case OBJ(TABLE):
		return "table";
	case OBJ(VIEW):
		return "view";
	case OBJ(MATVIEW):
		return "materialized view";
	case OBJ(INDEX):
		return "index";
	case OBJ(SEQUENCE):
		return "sequence";
	case OBJ(COLUMN):
		return "column";
	default:
		return NULL;
	}
}

/* COMMENT ON SCHEMA public (or the session's tenant, the same schema; sqitch describes its
 * registry schema so): kept in the sidecar as kind schema, name public. IS NULL keeps an
 * empty text, which stands for no comment (initdb's "standard public schema" is gone). */
static bool schema_comment(struct xlat_ctx *c, const PgQuery__CommentStmt *s)
{
	const char *n = s->object->node_case == NODE(STRING) ? xlat_node_str(s->object) : NULL;
	bool own = n && (strcmp(n, "public") == 0 ||
			 (c->env && c->env->tenant && strcmp(n, c->env->tenant) == 0));
	if (!own)
		return xlat_unsupported(c, -1, "COMMENT ON SCHEMA of another schema than public");
	xlat_printf(c, SIDECAR_COMMENTS "; SELECT shardlite_comment('schema', 'public', '', ", "");
	xlat_string(c, s->comment ? s->comment : "");
	xlat_puts(c, ")");
	return true;
}

/* The sidecar made if needed and shardlite_comment(kind, a, b, text) (NULL text: drop it).
 * temp_ok: the object may be a temporary table (its comments go to the temp schema's sidecar):
 * only a session that holds temporary objects may name one. */
static bool comment_call(struct xlat_ctx *c, const char *kind, const char *in, const char *a,
			 const char *b, const char *comment, bool temp_ok)
{
	bool set = comment && *comment;
	if (set)
		xlat_printf(c, SIDECAR_COMMENTS "; ", "");
	if (set && temp_ok && c->env && c->env->temp_tables)
		xlat_printf(c, SIDECAR_COMMENTS "; ", "temp.");
	xlat_printf(c, "SELECT shardlite_comment('%s%s', ", kind, in);
	xlat_string(c, a);
	xlat_puts(c, ", ");
	xlat_string(c, b);
	xlat_puts(c, ", ");
	if (set)
		xlat_string(c, comment);
	else
		xlat_puts(c, "NULL");
	xlat_puts(c, ")");
	return true;
}

/* COMMENT ON CONSTRAINT c ON [schema.]t, or ON DOMAIN d: kept in the sidecar as kind
 * "constraint" (name the table) or "domain constraint" (name the domain), column_name the
 * constraint's; shardlite_comment checks both exist (catalog_seqddl.c). */
static bool constraint_comment(struct xlat_ctx *c, const PgQuery__CommentStmt *s)
{
	const PgQuery__List *l = s->object->node_case == NODE(LIST) ? s->object->list : NULL;
	size_t n = l ? l->n_items : 0;
	bool domain = s->objtype == OBJ(DOMCONSTRAINT);
	const char *con = n >= 2 ? xlat_node_str(l->items[n - 1]) : NULL;
	const char *name = NULL, *in = "";
	if (domain && n == 2 && l->items[0]->node_case == NODE(TYPE_NAME)) {
		const PgQuery__TypeName *tn = l->items[0]->type_name;
		const char *schema = tn->n_names == 2 ? xlat_node_str(tn->names[0]) : NULL;
		if (tn->n_names >= 1 && tn->n_names <= 2 && !tn->n_array_bounds)
			name = local_name(c, schema, xlat_node_str(tn->names[tn->n_names - 1]),
					  tn->location);
		if (!name && !pgerr_is_set(c->err))
			return xlat_unsupported(c, -1, "this domain name");
	} else if (!domain && (n == 2 || n == 3)) {
		in = in_schema(n == 3 ? xlat_node_str(l->items[0]) : NULL);
		name = local_name(c, n == 3 ? xlat_node_str(l->items[0]) : NULL,
				  xlat_node_str(l->items[n - 2]), -1);
	} else {
		return xlat_unsupported(c, -1, "this object name");
	}
	if (!name || !con)
		return false;
	return comment_call(c, domain ? "domain constraint" : "constraint", in, name, con,
			    s->comment, !domain);
}

/* COMMENT ON TYPE t, DOMAIN d: kept in the sidecar as kind "type" or "domain", name the
 * type's (pg_description's pg_type row, catalog_seq.c). */
static bool type_comment(struct xlat_ctx *c, const PgQuery__CommentStmt *s)
{
	const PgQuery__TypeName *tn = s->object->node_case == NODE(TYPE_NAME) ? s->object->type_name
									      : NULL;
	if (!tn || tn->n_names < 1 || tn->n_names > 2 || tn->n_array_bounds)
		return xlat_unsupported(c, -1, "this type name");
	const char *name = local_name(c, tn->n_names == 2 ? xlat_node_str(tn->names[0]) : NULL,
				      xlat_node_str(tn->names[tn->n_names - 1]), tn->location);
	if (!name)
		return pgerr_is_set(c->err) ? false : xlat_unsupported(c, -1, "this type name");
	return comment_call(c, s->objtype == OBJ(DOMAIN) ? "domain" : "type", "", name, "",
			    s->comment, false);
}

/* COMMENT ON TRIGGER g ON t, POLICY p ON t: kind "trigger" or "policy", name the table,
 * column_name the trigger's or policy's. */
static bool table_object_comment(struct xlat_ctx *c, const PgQuery__CommentStmt *s)
{
	const PgQuery__List *l = s->object->node_case == NODE(LIST) ? s->object->list : NULL;
	size_t n = l ? l->n_items : 0;
	if (n != 2 && n != 3)
		return xlat_unsupported(c, -1, "this object name");
	const char *obj = xlat_node_str(l->items[n - 1]);
	const char *t = local_name(c, n == 3 ? xlat_node_str(l->items[0]) : NULL,
				   xlat_node_str(l->items[n - 2]), -1);
	if (!t || !obj)
		return false;
	return comment_call(c, s->objtype == OBJ(TRIGGER) ? "trigger" : "policy", "", t, obj,
			    s->comment, false);
}

/* COMMENT ON EXTENSION e: kind "extension", name the extension's; shardlite_comment checks
 * it exists (plpgsql always does). IS NULL keeps an empty text, which stands for no comment
 * (the one the extension came with is gone), so the sidecar is made either way. */
static bool extension_comment(struct xlat_ctx *c, const PgQuery__CommentStmt *s)
{
	const char *n = s->object->node_case == NODE(STRING) ? xlat_node_str(s->object) : NULL;
	if (!n)
		return xlat_unsupported(c, -1, "this extension name");
	xlat_printf(c, SIDECAR_COMMENTS "; SELECT shardlite_comment('extension', ", "");
	xlat_string(c, n);
	xlat_puts(c, ", '', ");
	xlat_string(c, s->comment ? s->comment : "");
	xlat_puts(c, ")");
	return true;
}

bool xlat_stmt_comment(struct xlat_ctx *c, const PgQuery__CommentStmt *s)
{
	if (s->objtype == OBJ(SCHEMA) && xlat_local_schema(c, xlat_node_str(s->object)))
		return xlat_localnsp_comment(c, s);
	xlat_sidecar_script(c, "COMMENT");
	if (s->objtype == OBJ(SCHEMA))
		return schema_comment(c, s);
	if (s->objtype == OBJ(EXTENSION))
		return extension_comment(c, s);
	const char *kind = comment_kind(s->objtype);
	if (s->objtype == OBJ(LARGEOBJECT))
		return xlat_lo_comment(c, s);
	if (s->objtype == OBJ(TABCONSTRAINT) || s->objtype == OBJ(DOMCONSTRAINT))
		return constraint_comment(c, s);
	if (s->objtype == OBJ(TYPE) || s->objtype == OBJ(DOMAIN))
		return type_comment(c, s);
	if (s->objtype == OBJ(TRIGGER) || s->objtype == OBJ(POLICY))
		return table_object_comment(c, s);
	if (s->objtype == OBJ(FUNCTION) || s->objtype == OBJ(PROCEDURE) ||
	    s->objtype == OBJ(ROUTINE) || s->objtype == OBJ(AGGREGATE))
		return xlat_routine_comment(c, s);
	if (!kind)
		return xlat_unsupported(c, -1, "COMMENT on this kind of object");
	const PgQuery__List *l = s->object->node_case == NODE(LIST) ? s->object->list : NULL;
	size_t n = l ? l->n_items : 0, need = s->objtype == OBJ(COLUMN) ? 2 : 1;
	if (n < need || n > need + 1)
		return xlat_unsupported(c, -1, "this object name");
	const char *col = need == 2 ? xlat_node_str(l->items[n - 1]) : "";
	const char *schema = n > need ? xlat_node_str(l->items[0]) : NULL;
	const char *rel = local_name(c, schema, xlat_node_str(l->items[n - need]), -1);
	if (!rel || !col)
		return false;
	return comment_call(c, need == 2 ? "column" : kind, in_schema(schema), rel, col, s->comment,
			    true);
}

/* CHECKPOINT: the tenant's write-ahead log is copied back into its database file as far as
 * readers allow (SQLite's passive checkpoint, which never waits). */
bool xlat_stmt_checkpoint(struct xlat_ctx *c)
{
	c->st->tag = "CHECKPOINT";
	c->st->kind = XLAT_SCRIPT;
	xlat_puts(c, "PRAGMA wal_checkpoint(PASSIVE)");
	return true;
}

/* What was written to sb (c's scratch output, c->sb restored to saved), in c's arena; NULL
 * when the buffer failed. */
static const char *captured(struct xlat_ctx *c, struct strbuf *saved, struct strbuf *sb)
{
	c->sb = saved;
	const char *r = arena_strndup(c->a, sb->data ? sb->data : "", sb->len);
	bool failed = sb->failed;
	strbuf_fini(sb);
	return failed ? NULL : r;
}

bool xlat_added_column_sequence(struct xlat_ctx *c, const char *table, const char *column,
				const char *seq, uint32_t type_oid, const char *type, char identity,
				PgQuery__Node **opts, size_t nopts, const char **create,
				const char **own)
{
	const char *v[O_COUNT], *o[O_COUNT];
	if (!seq_options(c, opts, nopts, true, v) || !column_seq_options(c, type_oid, v))
		return false;
	const char *name = seq ? seq : arena_printf(c->a, "%s_%s_seq", table, column);
	struct strbuf *saved = c->sb, sb;
	strbuf_init(&sb, 0);
	c->sb = &sb;
	xlat_printf(c, SIDECAR_SEQUENCES "; ", "");
	call(c, "create", "", name, false, v);
	if (identity)
		xlat_column_meta(c, table, column, type, identity, false, false);
	*create = captured(c, saved, &sb);
	strbuf_init(&sb, 0);
	c->sb = &sb;
	for (int i = 0; i < O_COUNT; i++)
		o[i] = "NULL";
	o[O_OWNED_TABLE] = quoted(c, table);
	o[O_OWNED_COL] = quoted(c, column);
	call(c, "alter", " in public", name, false, o); /* the one just made */
	*own = captured(c, saved, &sb);
	return *create && *own;
}

const char *xlat_identity_retype(struct xlat_ctx *c, const char *table, const char *column,
				 uint32_t type_oid, const char *decl)
{
	const char *v[O_COUNT];
	for (int i = 0; i < O_COUNT; i++)
		v[i] = "NULL";
	v[O_AS] = type_oid == XLAT_OID_INT2 ? "'smallint'" : type_oid == XLAT_OID_INT4 ? "'integer'"
										      : "'bigint'";
	v[O_OWNED_COL] = quoted(c, column);
	struct strbuf *saved = c->sb, sb;
	strbuf_init(&sb, 0);
	c->sb = &sb;
	/* the column sidecar's type: a key stored as the rowid is read from it */
	xlat_puts(c, "UPDATE main._shardlite_columns SET type = ");
	xlat_string(c, decl);
	xlat_puts(c, " WHERE table_name = ");
	xlat_string(c, table);
	xlat_puts(c, " COLLATE NOCASE AND column_name = ");
	xlat_string(c, column);
	xlat_puts(c, " COLLATE NOCASE AND identity <> ''; ");
	call(c, "alter owned", "", table, false, v);
	return captured(c, saved, &sb);
}

const char *xlat_identity_script(struct xlat_ctx *c, const char *table, const char *column,
				 char kind, PgQuery__Node **opts, size_t nopts, bool drop, bool temp)
{
	const char *v[O_COUNT];
	for (int i = 0; i < O_COUNT; i++)
		v[i] = "NULL";
	if (nopts && !seq_options(c, opts, nopts, false, v))
		return NULL;
	if (strcmp(v[O_OWNED_TABLE], "NULL") != 0 || strcmp(v[O_AS], "NULL") != 0) {
		xlat_unsupported(c, -1, "OWNED BY or AS in SET of an identity column");
		return NULL;
	}
	struct strbuf *saved = c->sb, sb;
	strbuf_init(&sb, 0);
	c->sb = &sb;
	if (kind || drop) {
		xlat_printf(c, "UPDATE %s_shardlite_columns SET identity = '%s' WHERE table_name = ",
			    temp ? "temp." : "main.", drop ? "" : kind == 'a' ? "a" : "d");
		xlat_string(c, table);
		xlat_puts(c, " AND column_name = ");
		xlat_string(c, column);
		xlat_puts(c, "; ");
	}
	if (nopts || drop) { /* the column's sequence, which the catalog finds by its owner */
		v[O_OWNED_COL] = quoted(c, column);
		call(c, drop ? "drop owned" : "alter owned", "", table, false, v);
	}
	return captured(c, saved, &sb);
}

