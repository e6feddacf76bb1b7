/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_objects.c: the rest of the schema statements — DROP TABLE/INDEX/VIEW, CREATE INDEX,
 * CREATE VIEW, ALTER TABLE (add, drop and rename columns, rename the table) and TRUNCATE.
 * Dropping or truncating several tables becomes a script the session runs atomically; adding a
 * constraint to an existing table is a rebuild (xlat_rebuild.c); several ALTER actions are
 * refused. */
#include "xlat_int.h"
#include "xlat_syscol.h"

#include "catalog.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define OBJ(x) PG_QUERY__OBJECT_TYPE__OBJECT_##x

static void ddl(struct xlat_ctx *c, const char *tag)
{
	c->st->tag = tag;
	c->st->writes = c->st->is_ddl = true;
}

/* A qualified name given as a list of String nodes (DROP's objects). */
static bool name_list(struct xlat_ctx *c, const PgQuery__Node *n)
{
	if (n->node_case != NODE(LIST) || n->list->n_items == 0 || n->list->n_items > 3)
		return xlat_unsupported(c, -1, "this object name");
	const PgQuery__List *l = n->list;
	PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;
	size_t k = l->n_items;
	rv.relname = (char *)xlat_node_str(l->items[k - 1]);
	rv.schemaname = (char *)(k >= 2 ? xlat_node_str(l->items[k - 2]) : "");
	rv.catalogname = (char *)(k == 3 ? xlat_node_str(l->items[0]) : "");
	rv.location = -1;
	if (!rv.relname || !rv.schemaname || !rv.catalogname)
		return xlat_unsupported(c, -1, "this object name");
	return xlat_relname(c, &rv);
}

void xlat_sidecar_script(struct xlat_ctx *c, const char *tag)
{
	c->st->kind = XLAT_SCRIPT;
	c->st->tag = tag;
	c->st->writes = c->st->is_ddl = true;
	xlat_nocache(c); /* names, labels, bodies and options are written as text */
}

const char *xlat_tenant_object_name(struct xlat_ctx *c, PgQuery__Node **names, size_t n,
				    const char *what)
{
	const char *name = n ? xlat_node_str(names[n - 1]) : NULL;
	const char *schema = n == 2 ? xlat_node_str(names[0]) : NULL;
	if (!name || n > 2) {
		xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1, "improper qualified name");
		return NULL;
	}
	if (schema && xlat_local_schema(c, schema)) /* stored as "s.x" (xlat_localnsp.c) */
		return arena_printf(c->a, "%s.%s", schema, name);
	if (schema && strcmp(schema, "public") != 0 &&
	    !(c->env && c->env->tenant && strcmp(schema, c->env->tenant) == 0)) {
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
			  "a %s in schema \"%s\" is not supported", what, schema);
		return NULL;
	}
	return name;
}

/* A DROP or TRUNCATE of several objects is a script; each part is kept apart too, with the
 * table it empties or drops, so the session can run them referencing tables first. */
static void script_parts(struct xlat_ctx *c, size_t n)
{
	c->st->kind = XLAT_SCRIPT;
	c->st->parts = arena_zalloc(c->a, n * sizeof(char *));
	c->st->part_tables = arena_zalloc(c->a, n * sizeof(char *));
	c->st->nparts = n;
}

static void script_part(struct xlat_ctx *c, size_t i, size_t start, const char *table)
{
	c->st->parts[i] = arena_strndup(c->a, c->sb->data + start, c->sb->len - start);
	c->st->part_tables[i] = table ? arena_strdup(c->a, table) : NULL;
}

/* The table a DROP object names (the last part of its qualified name), else NULL. */
static const char *object_table(const PgQuery__Node *name)
{
	if (!name || name->node_case != NODE(LIST) || !name->list->n_items)
		return NULL;
	return xlat_node_str(name->list->items[name->list->n_items - 1]);
}

static const char *drop_tag(PgQuery__ObjectType t)
{
	switch (t) {
	case OBJ(TABLE):
		return "DROP TABLE";
	case OBJ(INDEX):
		return "DROP INDEX";
	case OBJ(VIEW):
		return "DROP VIEW";
	case OBJ(SEQUENCE):
		return "DROP SEQUENCE";
	case OBJ(SCHEMA):
		return "DROP SCHEMA";
	case OBJ(FUNCTION):
		return "DROP FUNCTION";
	case OBJ(PROCEDURE):
		return "DROP PROCEDURE";
	case OBJ(ROUTINE):
		return "DROP ROUTINE";
	case OBJ(TYPE):
		return "DROP TYPE";
	case OBJ(MATVIEW):
		return "DROP MATERIALIZED VIEW";
	case OBJ(EXTENSION):
		return "DROP EXTENSION";
	case OBJ(TRIGGER):
		return "DROP TRIGGER";
	case OBJ(DOMAIN):
		return "DROP DOMAIN";
	/* refused (0A000) under PostgreSQL's own tag, which names the construct */
	case OBJ(AGGREGATE):
		return "DROP AGGREGATE";
	case OBJ(OPERATOR):
		return "DROP OPERATOR";
	case OBJ(CAST):
		return "DROP CAST";
	case OBJ(COLLATION):
		return "DROP COLLATION";
	case OBJ(CONVERSION):
		return "DROP CONVERSION";
	case OBJ(LANGUAGE):
		return "DROP LANGUAGE";
	case OBJ(RULE):
		return "DROP RULE";
	case OBJ(POLICY):
		return "DROP POLICY";
	case OBJ(TSPARSER):
		return "DROP TEXT SEARCH PARSER";
	case OBJ(TSDICTIONARY):
		return "DROP TEXT SEARCH DICTIONARY";
	case OBJ(TSTEMPLATE):
		return "DROP TEXT SEARCH TEMPLATE";
	case OBJ(TSCONFIGURATION):
		return "DROP TEXT SEARCH CONFIGURATION";
	case OBJ(FDW):
		return "DROP FOREIGN DATA WRAPPER";
	case OBJ(FOREIGN_SERVER):
		return "DROP SERVER";
	case OBJ(FOREIGN_TABLE):
		return "DROP FOREIGN TABLE";
	case OBJ(OPCLASS):
		return "DROP OPERATOR CLASS";
	case OBJ(OPFAMILY):
		return "DROP OPERATOR FAMILY";
	case OBJ(STATISTIC_EXT):
		return "DROP STATISTICS";
	case OBJ(ACCESS_METHOD):
		return "DROP ACCESS METHOD";
	case OBJ(EVENT_TRIGGER):
		return "DROP EVENT TRIGGER";
	case OBJ(PUBLICATION):
		return "DROP PUBLICATION";
	case OBJ(TRANSFORM):
		return "DROP TRANSFORM";
	default:
		return "this DROP statement";
	}
}

/* DROP TABLE ... CASCADE: SQLite does not track dependents, so before each table's drop the
 * catalog drops the views that read it and refuses a foreign key of a table this statement
 * does not drop. */
static void cascade_check(struct xlat_ctx *c, const PgQuery__DropStmt *s, size_t i)
{
	for (int fn = 0; fn < 2; fn++) {
		xlat_puts(c, fn ? "SELECT shardlite_cascade_check("
				: "SELECT shardlite_cascade_keys(");
		xlat_string(c, object_table(s->objects[i]) ? object_table(s->objects[i]) : "");
		for (size_t k = 0; k < s->n_objects; k++) {
			xlat_puts(c, ", ");
			xlat_string(c,
				    object_table(s->objects[k]) ? object_table(s->objects[k]) : "");
		}
		xlat_puts(c, "); ");
	}
}

/* Records the objects of DROP ... IF EXISTS the session checks for its NOTICE. Names in
 * another schema (another tenant's file) are left out: that file is not looked at. */
static void drop_if_exists(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	c->st->skip_type = s->remove_type == OBJ(TABLE)  ? "table"
			   : s->remove_type == OBJ(VIEW) ? "view"
							 : "index";
	c->st->skip_names = arena_zalloc(c->a, s->n_objects * sizeof(char *));
	for (size_t i = 0; i < s->n_objects; i++) {
		const PgQuery__Node *n = s->objects[i];
		size_t k = n->node_case == NODE(LIST) ? n->list->n_items : 0;
		const char *schema = k == 2 ? xlat_node_str(n->list->items[0]) : NULL;
		const char *name = object_table(n); /* in the parse tree, freed after translation */
		if (name && (k == 1 || (k == 2 && schema && strcmp(schema, "public") == 0)))
			c->st->skip_names[c->st->nskip_names++] = arena_strdup(c->a, name);
	}
}

void xlat_skip_note(struct xlat_ctx *c, const char *type, const char *of, const char *name,
		    bool present)
{
	struct xlat_stmt *st = c->st;
	if (!name)
		return;
	if (!st->skip_type || strcmp(st->skip_type, type) != 0 || st->skip_present != present)
		st->nskip_names = 0; /* one kind of object per statement */
	const char **v = arena_zalloc(c->a, (st->nskip_names + 1) * sizeof(*v));
	for (size_t i = 0; i < st->nskip_names; i++)
		v[i] = st->skip_names[i];
	v[st->nskip_names++] = arena_strdup(c->a, name);
	st->skip_names = v;
	st->skip_type = type;
	st->skip_of = of ? arena_strdup(c->a, of) : NULL;
	st->skip_present = present;
}

void xlat_skip_if_present(struct xlat_ctx *c, const char *schema, const char *name)
{
	if (!schema || !*schema || strcmp(schema, "public") == 0)
		xlat_skip_note(c, "relation", NULL, name, true);
}

/* ALTER TABLE IF EXISTS of a missing table, ADD COLUMN IF NOT EXISTS of a column that is there
 * and DROP COLUMN IF EXISTS of one that is not, DROP CONSTRAINT IF EXISTS of a constraint that
 * is not there, DROP IDENTITY / DROP EXPRESSION IF EXISTS of a column that is no identity or
 * stored generated column: PostgreSQL's NOTICEs (the tenant's own tables only). */
bool xlat_own_table(const struct xlat_ctx *c, const PgQuery__RangeVar *table)
{
	const char *schema = table->schemaname;
	return schema && *schema ? strcmp(schema, "public") == 0 : !(c->env && c->env->search);
}

static void alter_skips(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s)
{
	const PgQuery__RangeVar *rv = s->relation;
	const PgQuery__AlterTableCmd *cmd = s->n_cmds == 1 ? s->cmds[0]->alter_table_cmd : NULL;
	if (!xlat_own_table(c, rv))
		return;
	if (s->missing_ok)
		xlat_skip_note(c, "relation", NULL, rv->relname, false);
	else if (cmd && cmd->missing_ok && cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn)
		xlat_skip_note(c, "column", rv->relname, cmd->def->column_def->colname, true);
	else if (cmd && cmd->missing_ok &&
		 cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn)
		xlat_skip_note(c, "column", rv->relname, cmd->name, false);
	for (size_t i = 0; !s->missing_ok && i < s->n_cmds; i++) {
		const PgQuery__AlterTableCmd *k = s->cmds[i]->alter_table_cmd;
		const char *type = !k || !k->missing_ok ? NULL
				   : k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint
					   ? "relation constraint"
				   : k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity
					   ? "identity column"
				   : k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression
					   ? "generated column"
					   : NULL;
		if (type)
			xlat_skip_note(c, type, rv->relname, k->name, false);
	}
}

/* A constraint's index cannot be dropped, CASCADE or not (2BP01, shardlite_index_drop_check);
 * the tenant's own indexes only, as another tenant's file has its own catalog. */
static void index_drop_check(struct xlat_ctx *c, const PgQuery__Node *n)
{
	size_t k = n->node_case == NODE(LIST) ? n->list->n_items : 0;
	const char *schema = k == 2 ? xlat_node_str(n->list->items[0]) : NULL;
	if (!object_table(n) || (k == 2 && (!schema || strcmp(schema, "public") != 0)) ||
	    (k == 1 && c->env && c->env->search))
		return;
	xlat_puts(c, "SELECT shardlite_index_drop_check(");
	xlat_string(c, object_table(n));
	xlat_puts(c, "); ");
}

/* Whether DROP object n names the session's own tenant's relation (the catalog functions
 * read that file only). */
static bool own_object(const struct xlat_ctx *c, const PgQuery__Node *n)
{
	size_t k = n->node_case == NODE(LIST) ? n->list->n_items : 0;
	const char *schema = k == 2 ? xlat_node_str(n->list->items[0]) : NULL;
	return object_table(n) &&
	       (k == 2 ? schema && strcmp(schema, "public") == 0 : !(c->env && c->env->search));
}

/* SELECT fn(['kind', ]name, listed...): name and every object of the statement. */
static void restrict_call(struct xlat_ctx *c, const char *fn, const char *kind,
			  const PgQuery__DropStmt *s, size_t i)
{
	xlat_printf(c, "SELECT %s(", fn);
	if (kind) {
		xlat_string(c, kind);
		xlat_puts(c, ", ");
	}
	xlat_string(c, object_table(s->objects[i]));
	for (size_t k = 0; k < s->n_objects; k++) {
		xlat_puts(c, ", ");
		xlat_string(c, object_table(s->objects[k]) ? object_table(s->objects[k]) : "");
	}
	xlat_puts(c, ")");
}

/* The schema a DROP's object names (s.t, s.f(int), s.type), NULL when none. */
static const char *object_schema(const PgQuery__Node *n)
{
	PgQuery__Node *const *items = NULL;
	size_t k = 0;
	if (n->node_case == NODE(LIST)) {
		items = n->list->items;
		k = n->list->n_items;
	} else if (n->node_case == NODE(TYPE_NAME)) {
		items = n->type_name->names;
		k = n->type_name->n_names;
	} else if (n->node_case == NODE(OBJECT_WITH_ARGS)) {
		items = n->object_with_args->objname;
		k = n->object_with_args->n_objname;
	}
	return k == 2 ? xlat_node_str(items[0]) : NULL;
}

/* DROP TABLE/VIEW/INDEX/SEQUENCE/TYPE/DOMAIN/FUNCTION IF EXISTS of objects in a schema that
 * does not exist (no
 * tenant of that name, xlat_schema_missing): PostgreSQL's NOTICE `schema "x" does not exist,
 * skipping` for each, and nothing to run; without IF EXISTS, 3F000. 1: so translated; 0: none
 * is in such a schema; -1: failed (also when some are and others are not, which one statement
 * cannot yet say apart). */
static int drop_in_missing_schemas(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	size_t missing = 0;
	for (size_t i = 0; i < s->n_objects; i++) {
		const char *schema = object_schema(s->objects[i]);
		if (schema && xlat_local_schema(c, schema))
			schema = NULL; /* the tenant's own (xlat_localnsp.c) */
		if (schema && xlat_schema_missing(c, schema) && !s->missing_ok) {
			(void)xlat_fail(c, SQLSTATE_INVALID_SCHEMA_NAME, -1,
					"schema \"%s\" does not exist", schema);
			return -1;
		}
		if (schema && xlat_schema_missing(c, schema)) {
			xlat_skip_note(c, "missing schema", NULL, schema, false);
			missing++;
		}
	}
	if (!missing)
		return 0;
	if (missing < s->n_objects) {
		(void)xlat_unsupported(
			c, -1,
			"DROP ... IF EXISTS of objects in a schema that does not exist "
			"together with other objects");
		return -1;
	}
	c->st->kind = XLAT_NOOP;
	return 1;
}

/* CASCADE also drops dependent views and foreign keys, which SQLite does not track: a
 * table's goes through cascade_check, a view's drops the views that no longer compile after
 * it; nothing depends on an index, so DROP INDEX ... CASCADE is the plain drop. Several
 * objects become a script of one DROP each, which the session runs atomically. */
bool xlat_stmt_drop(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	if (s->remove_type == OBJ(SCHEMA) && c->env && !c->env->no_default) {
		c->st->tag = "DROP SCHEMA";
		return xlat_localnsp_drop(c, s);
	}
	const char *tag = drop_tag(s->remove_type);
	const char *kw = s->remove_type == OBJ(TABLE)   ? "DROP TABLE "
			 : s->remove_type == OBJ(INDEX) ? "DROP INDEX "
			 : s->remove_type == OBJ(VIEW)  ? "DROP VIEW "
							: NULL;
	ddl(c, tag);
	bool named = kw || s->remove_type == OBJ(SEQUENCE) || s->remove_type == OBJ(TYPE) ||
		     s->remove_type == OBJ(DOMAIN) || s->remove_type == OBJ(FUNCTION) ||
		     s->remove_type == OBJ(PROCEDURE) || s->remove_type == OBJ(ROUTINE) ||
		     s->remove_type == OBJ(AGGREGATE);
	int none_there = named ? drop_in_missing_schemas(c, s) : 0;
	if (none_there)
		return none_there > 0;
	if (s->remove_type == OBJ(SEQUENCE))
		return xlat_drop_sequences(c, s);
	if (s->remove_type == OBJ(TYPE) && xlat_drop_names_domain(c, s))
		return xlat_drop_domains(c, s); /* DROP TYPE of a domain */
	if (s->remove_type == OBJ(TYPE))
		return xlat_drop_types(c, s);
	if (s->remove_type == OBJ(DOMAIN))
		return xlat_drop_domains(c, s);
	if (s->remove_type == OBJ(EXTENSION))
		return xlat_drop_extensions(c, s);
	if (s->remove_type == OBJ(FUNCTION) || s->remove_type == OBJ(PROCEDURE) ||
	    s->remove_type == OBJ(ROUTINE) || s->remove_type == OBJ(AGGREGATE))
		return xlat_drop_functions(c, s);
	if (s->remove_type == OBJ(TRIGGER))
		return xlat_drop_triggers(c, s);
	if (s->remove_type == OBJ(POLICY))
		return xlat_drop_policies(c, s);
	if (!kw)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1, "%s is not supported", tag);
	bool cascade = s->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
	if (s->concurrent && s->n_objects > 1) /* PostgreSQL's own refusals */
		return xlat_fail(
			c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
			"DROP INDEX CONCURRENTLY does not support dropping multiple objects");
	if (s->concurrent && cascade)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "DROP INDEX CONCURRENTLY does not support CASCADE");
	c->st->concurrently = s->concurrent;
	bool views = cascade && s->remove_type == OBJ(VIEW);
	/* without CASCADE, what depends on a table or view is 2BP01 (shardlite_drop_restrict) */
	bool restricted = !cascade && s->remove_type != OBJ(INDEX);
	if (s->missing_ok)
		drop_if_exists(c, s);
	if (s->n_objects > 1)
		script_parts(c, s->n_objects);
	else
		c->st->kind = XLAT_SCRIPT; /* the DROP, then its comments and owned sequences */
	for (size_t i = 0; i < s->n_objects; i++) {
		xlat_puts(c, i ? "; " : "");
		size_t start = c->sb->len;
		const char *table = s->remove_type == OBJ(TABLE) && own_object(c, s->objects[i])
					    ? object_table(s->objects[i])
					    : NULL;
		if (table && xlat_partition_is_partition(c, table)) { /* its view and rows */
			if (restricted) { /* a key to its parent has a copy for it (2BP01) */
				restrict_call(c, "shardlite_drop_refs", NULL, s, i);
				xlat_puts(c, "; ");
			}
			xlat_puts(c, "SELECT shardlite_partition_remove(");
			xlat_string(c, table);
			xlat_puts(c, ", 'drop')");
			c->st->quiet_rows =
				true; /* its rows leave the parent: no DELETE triggers */
			xlat_forget(c, "view", table);
			if (s->n_objects > 1)
				script_part(c, i, start, table);
			continue;
		}
		if (table && xlat_partition_is_parent(c, table))
			xlat_partition_drop_parent(c, table);
		const char *view = s->remove_type == OBJ(VIEW) && own_object(c, s->objects[i])
					   ? object_table(s->objects[i])
					   : NULL;
		if (view && xlat_partition_is_partition(c, view)) {
			xlat_fail(c, "42809", -1, "\"%s\" is not a view", view);
			pgerr_hint(c->err, "Use DROP TABLE to remove a table.");
			return false;
		}
		if (cascade && s->remove_type == OBJ(TABLE))
			cascade_check(c, s, i);
		if (views && i == 0) /* the views that compile before the first drop ... */
			xlat_puts(c, "SELECT shardlite_views_mark(); ");
		if (s->remove_type == OBJ(INDEX))
			index_drop_check(c, s->objects[i]);
		bool check = restricted && own_object(c, s->objects[i]);
		if (check) /* each part on its own: the session may reorder them */
			xlat_puts(c, "SELECT shardlite_views_mark(); ");
		if (check && s->remove_type == OBJ(TABLE)) {
			restrict_call(c, "shardlite_drop_refs", NULL, s, i);
			xlat_puts(c, "; ");
		}
		xlat_puts(c, kw);
		if (s->missing_ok)
			xlat_puts(c, "IF EXISTS ");
		if (!name_list(c, s->objects[i]))
			return false;
		xlat_forget(c,
			    s->remove_type == OBJ(TABLE)   ? "table"
			    : s->remove_type == OBJ(INDEX) ? "index"
							   : "view",
			    object_table(s->objects[i]));
		if (check) {
			xlat_puts(c, "; ");
			restrict_call(c, "shardlite_drop_restrict",
				      s->remove_type == OBJ(TABLE) ? "table" : "view", s, i);
		}
		if (views && i + 1 == s->n_objects) /* ... and do not after the last */
			xlat_puts(c, "; SELECT shardlite_views_sweep()");
		if (s->n_objects > 1)
			script_part(c, i, start,
				    s->remove_type == OBJ(TABLE) ? object_table(s->objects[i])
								 : NULL);
	}
	return true;
}

/* PostgreSQL's ChooseIndexNameAddition: the key and INCLUDE columns' names joined by "_" (an expression
 * named as its result column would be: "lower", "expr"), stopping once 64 bytes are there. */
static const char *index_cols(struct xlat_ctx *c, const PgQuery__IndexStmt *s)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	/* INCLUDE's columns too, as PostgreSQL's ChooseIndexColumnNames takes them */
	size_t n = s->n_index_params + s->n_index_including_params;
	for (size_t i = 0; i < n && sb.len < 64; i++) {
		const PgQuery__IndexElem *ie =
			i < s->n_index_params
				? s->index_params[i]->index_elem
				: s->index_including_params[i - s->n_index_params]->index_elem;
		const char *col = ie->name && *ie->name ? ie->name : xlat_colname(ie->expr);
		strbuf_printf(&sb, "%s%.63s", i ? "_" : "",
			      strcmp(col, "?column?") == 0 ? "expr" : col);
	}
	char *r = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return r;
}

/* CREATE INDEX without a name: its name is chosen when it runs (a digit is added while
 * another relation has it), so the statement becomes a one-action rebuild chain. */
static void index_name_later(struct xlat_ctx *c, const PgQuery__IndexStmt *s, size_t at, size_t len)
{
	struct xlat_rebuild *r = arena_zalloc(c->a, sizeof(*r));
	xlat_nocache(c);
	r->kind = XLAT_RB_SCRIPT;
	r->table = arena_strdup(c->a, s->relation->relname);
	r->script = arena_strndup(c->a, c->sb->data ? c->sb->data : "", c->sb->len);
	r->label = "idx";
	r->name_cols = index_cols(c, s);
	r->name_at = at;
	r->name_len = len;
	c->st->kind = XLAT_REBUILD;
	c->st->rebuild = r;
}

/* The PostgreSQL text of an index's expression key or predicate, kept as a comment before
 * its SQLite text (CATALOG_INDEX_PG_MARK), unless it cannot be printed exactly or would end
 * the comment early. */
static void index_pg_mark(struct xlat_ctx *c, const PgQuery__IndexStmt *s, PgQuery__Node *n,
			  bool pred)
{
	const char *pg = NULL, *pretty = NULL;
	const char *schema = s->relation->schemaname, *t = s->relation->relname;
	if ((schema && *schema && strcmp(schema, "public") != 0) ||
	    !xlat_ruleutils_indexexpr(t, n, pred, false, c->schema, c->a, &pg) ||
	    !xlat_ruleutils_indexexpr(t, n, pred, true, c->schema, c->a, &pretty) ||
	    strstr(pg, "*/") || strstr(pretty, "*/"))
		return;
	xlat_printf(c, CATALOG_INDEX_PG_MARK "%s */ ", pg);
	if (strcmp(pg, pretty) != 0)
		xlat_printf(c, CATALOG_INDEX_PRETTY_MARK "%s */ ", pretty);
}

/* NULLS FIRST/LAST only steers which plans an index serves in PostgreSQL; SQLite picks its
 * own, so it is dropped. Operator classes are checked and kept by xlat_index_am. *type: an
 * expression key's type (0 for a column, or unknown). */
static bool index_elem(struct xlat_ctx *c, const PgQuery__IndexStmt *s,
		       const PgQuery__IndexElem *ie, uint32_t *type)
{
	struct xlat_type ignored = {0, -1};
	*type = 0;
	if (ie->n_collation) {
		const char *coll = xlat_node_str(ie->collation[ie->n_collation - 1]);
		if (!xlat_collation_name_ok(coll, false))
			return xlat_unsupported(c, -1, "a collation other than \"C\"");
	}
	if (ie->name && *ie->name) {
		xlat_ident(c, ie->name);
	} else {
		index_pg_mark(c, s, ie->expr, false);
		PgQuery__Node *x = xlat_enumpred_table(c, s->relation, ie->expr);
		if (!x)
			return false;
		unsigned saved = c->flags;
		int mark = xlat_scope_enter(c);
		xlat_checkexpr_scope(c, s->relation, ie->expr);
		c->flags |= XLAT_X_NOSUBQUERY | XLAT_X_STORED;
		bool ok = xlat_operand(c, x, &ignored);
		c->flags = saved;
		xlat_scope_leave(c, mark);
		if (!ok)
			return false;
		*type = ignored.oid;
	}
	if (ie->ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC)
		xlat_puts(c, " DESC");
	return true;
}

/* A system column an index expression or predicate reads. */
struct syscol_ref {
	const char *name;
	int location;
};

static bool find_syscol(void *arg, const ProtobufCMessage *m)
{
	static const char *const names[] = {"ctid", "xmin", "cmin", "xmax", "cmax", "tableoid"};
	struct syscol_ref *r = arg;
	if (m->descriptor != &pg_query__column_ref__descriptor)
		return xlat_tree_each(m, find_syscol, arg);
	const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
	const char *col = cr->n_fields ? xlat_node_str(cr->fields[cr->n_fields - 1]) : NULL;
	for (size_t i = 0; col && cr->n_fields <= 2 && i < ARRAY_LEN(names); i++) {
		if (strcmp(col, names[i]) == 0) {
			*r = (struct syscol_ref){col, cr->location};
			return false;
		}
	}
	return true;
}

/* xid and cid have hash operator classes only: a key of xmin, xmax, cmin or cmax without a
 * class is PostgreSQL's ResolveOpClass error for any other method, which comes first. */
static bool index_syscol_class(struct xlat_ctx *c, const PgQuery__IndexStmt *s)
{
	const char *am = s->access_method && *s->access_method ? s->access_method : "btree";
	for (size_t i = 0; i < s->n_index_params && strcmp(am, "hash") != 0; i++) {
		const PgQuery__IndexElem *ie = s->index_params[i]->index_elem;
		const char *n = ie->name && !ie->n_opclass ? ie->name : "";
		const char *type = strcmp(n, "xmin") == 0 || strcmp(n, "xmax") == 0   ? "xid"
				   : strcmp(n, "cmin") == 0 || strcmp(n, "cmax") == 0 ? "cid"
										      : NULL;
		if (type) {
			xlat_fail(c, "42704", -1,
				  "data type %s has no default operator class for access method "
				  "\"%s\"",
				  type, am);
			pgerr_hint(c->err, "You must specify an operator class for the index or "
					   "define a default operator class for the data type.");
			return false;
		}
	}
	return true;
}

/* PostgreSQL's DefineIndex: a system column as a key or included column, or read by an
 * expression or the predicate, is 0A000; after the table's existence and the key's classes. */
static bool index_syscols(struct xlat_ctx *c, const PgQuery__IndexStmt *s)
{
	static const char *const keys[] = {"ctid", "xmin", "cmin", "xmax", "cmax", "tableoid"};
	struct syscol_ref r = {NULL, -1};
	if (!s->relation || xlat_scope_absent(c, s->relation))
		return true;
	if (!index_syscol_class(c, s))
		return false;
	for (size_t i = 0; i < s->n_index_params + s->n_index_including_params && !r.name; i++) {
		const PgQuery__Node *n = i < s->n_index_params
						 ? s->index_params[i]
						 : s->index_including_params[i - s->n_index_params];
		const PgQuery__IndexElem *ie = n->index_elem;
		for (size_t k = 0; ie->name && k < ARRAY_LEN(keys); k++)
			if (strcmp(ie->name, keys[k]) == 0)
				r.name = ie->name;
		if (ie->expr)
			find_syscol(&r, (const ProtobufCMessage *)ie->expr);
	}
	if (!r.name && s->where_clause)
		find_syscol(&r, (const ProtobufCMessage *)s->where_clause);
	return !r.name || xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				    "index creation on system columns is not supported");
}

bool xlat_stmt_index(struct xlat_ctx *c, const PgQuery__IndexStmt *s)
{
	struct xlat_type ignored;
	size_t start = c->sb->len;
	ddl(c, "CREATE INDEX");
	c->st->concurrently = s->concurrent; /* it changes how PostgreSQL builds it, only */
	bool part = s->relation && xlat_own_table(c, s->relation) &&
		    xlat_partition_is_partition(c, s->relation->relname);
	if (!part && !xlat_partition_index_check(c, s))
		return false;
	for (size_t i = 0; i < s->n_index_including_params; i++) {
		const PgQuery__IndexElem *ie = s->index_including_params[i]->index_elem;
		if (!ie->name || !*ie->name) /* PostgreSQL's own refusal */
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
					 "expressions are not supported in included columns");
		if (s->unique && strpbrk(ie->name, "*/")) /* it could end the mark */
			return xlat_unsupported(c, -1,
						"an included column whose name holds * or /");
	}
	if (s->table_space && *s->table_space)
		return xlat_unsupported(c, -1, "TABLESPACE in CREATE INDEX");
	if (s->nulls_not_distinct && s->unique && s->where_clause)
		return xlat_unsupported(c, -1, "a partial UNIQUE index made NULLS NOT DISTINCT");
	if (!index_syscols(c, s))
		return false;
	/* a UNIQUE one's INCLUDE columns are not in the SQLite index, where they would be part of
	 * what is unique: the mark names them (CATALOG_INCLUDE_MARK), and they must exist */
	bool inc_mark = s->unique && s->n_index_including_params;
	if (inc_mark) {
		xlat_puts(c, "SELECT ");
		for (size_t i = 0; i < s->n_index_including_params; i++) {
			xlat_puts(c, i ? ", " : "");
			xlat_ident(c, s->index_including_params[i]->index_elem->name);
		}
		xlat_puts(c, " FROM ");
		if (!xlat_relname(c, s->relation))
			return false;
		xlat_puts(c, " WHERE 0; ");
	}
	bool named = s->idxname && *s->idxname;
	if (s->nulls_not_distinct && s->unique) { /* the rows there, before the index is made */
		const char **cols = arena_zalloc(c->a, (s->n_index_params + 1) * sizeof(char *));
		for (size_t i = 0; i < s->n_index_params; i++) {
			const PgQuery__IndexElem *ie = s->index_params[i]->index_elem;
			if (!ie->name || !*ie->name)
				return xlat_unsupported(c, -1,
							"an expression key of a UNIQUE index made "
							"NULLS NOT DISTINCT");
			cols[i] = ie->name;
		}
		xlat_nnd_check(c, s->relation->relname,
			       named ? s->idxname
				     : base_object_name(c->a, s->relation->relname,
							index_cols(c, s), "idx"),
			       cols, s->n_index_params);
		xlat_puts(c, "; ");
	}
	xlat_puts(c, s->unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
	const char *iname =
		named ? s->idxname
		      : base_object_name(c->a, s->relation->relname, index_cols(c, s), "idx");
	if (s->if_not_exists) {
		xlat_puts(c, "IF NOT EXISTS ");
		xlat_skip_if_present(c, NULL, iname);
	}
	/* public.t while a temporary t hides it: SQLite takes the schema on the index's name */
	const char *schema = s->relation->schemaname;
	bool in_main = schema && strcmp(schema, "public") == 0 &&
		       xlat_temp_hides(c, s->relation->relname);
	bool in_temp = schema && strcmp(schema, "pg_temp") == 0; /* pg_temp.t: temp.i ON t */
	xlat_puts(c, in_main ? "main." : in_temp ? "temp." : "");
	size_t at = c->sb->len;
	xlat_ident(c, iname);
	size_t len = c->sb->len - at;
	if (s->nulls_not_distinct) /* a UNIQUE one's triggers: made by the sweep, below */
		xlat_puts(c, " " CATALOG_NND_MARK);
	if (inc_mark) {
		xlat_puts(c, " " CATALOG_INCLUDE_MARK);
		for (size_t i = 0; i < s->n_index_including_params; i++) {
			xlat_puts(c, i ? ", " : "");
			strbuf_put_quoted(c->sb, s->index_including_params[i]->index_elem->name,
					  '"');
		}
		xlat_puts(c, " */");
	}
	xlat_puts(c, " ON ");
	if (in_main || in_temp)
		xlat_ident(c, s->relation->relname);
	else if (!xlat_relname(c, s->relation))
		return false;
	xlat_puts(c, " (");
	uint32_t *types = arena_zalloc(c->a, (s->n_index_params + 1) * sizeof(*types));
	for (size_t i = 0; i < s->n_index_params; i++) {
		xlat_puts(c, i ? ", " : "");
		if (!index_elem(c, s, s->index_params[i]->index_elem, &types[i]))
			return false;
	}
	for (size_t i = 0; i < s->n_index_including_params && !inc_mark; i++) {
		xlat_puts(c, ", ");
		xlat_ident(c, s->index_including_params[i]->index_elem->name);
	}
	xlat_puts(c, ")");
	if (s->where_clause) {
		xlat_puts(c, " WHERE ");
		index_pg_mark(c, s, s->where_clause, true);
		PgQuery__Node *w = xlat_enumpred_table(c, s->relation, s->where_clause);
		if (!w)
			return false;
		unsigned saved = c->flags;
		int mark = xlat_scope_enter(c);
		xlat_checkexpr_scope(c, s->relation, s->where_clause);
		c->flags |= XLAT_X_NOSUBQUERY | XLAT_X_STORED;
		bool ok = xlat_expr(c, w, &ignored);
		c->flags = saved;
		xlat_scope_leave(c, mark);
		if (!ok)
			return false;
	}
	if (!xlat_index_am(c, s, start, types, &at, len))
		return false;
	if (part) /* a partial index of the partitioned table for the partition's rows */
		xlat_partition_index_wrap(c, s->relation->relname, start, &at);
	/* a unique index of a partitioned table: every partitioned partition's key must be in
	 * it too (shardlite_partition_sync checks, catalog_part.c) */
	bool keys = !part && s->unique && c->st->kind == XLAT_SQL &&
		    xlat_own_table(c, s->relation) &&
		    xlat_partition_is_parent(c, s->relation->relname) &&
		    !strchr(s->relation->relname, '\'');
	if (keys && named) {
		xlat_puts(c, "; SELECT shardlite_partition_sync(");
		xlat_string(c, s->relation->relname);
		xlat_puts(c, ")");
		c->st->kind = XLAT_SCRIPT;
	}
	if (s->nulls_not_distinct && s->unique) { /* its triggers (catalog_fkset.c) */
		xlat_puts(c, "; " XLAT_FKSET_SWEEP);
		c->st->kind = c->st->kind == XLAT_SQL ? XLAT_SCRIPT : c->st->kind;
	}
	if (!named)
		index_name_later(c, s, at, len);
	if (keys && !named && c->st->kind == XLAT_REBUILD && c->st->rebuild) {
		struct xlat_rebuild *sync = arena_zalloc(c->a, sizeof(*sync));
		sync->kind = XLAT_RB_SCRIPT;
		sync->table = arena_strdup(c->a, s->relation->relname);
		sync->script = arena_printf(c->a, "SELECT shardlite_partition_sync('%s')",
					    s->relation->relname);
		((struct xlat_rebuild *)c->st->rebuild)->next = sync;
	}
	return true;
}

/* A view's name: a temporary view's always in SQLite's temp schema, so that an unqualified
 * DROP or check never reaches a permanent view of the same name. */
static bool view_name(struct xlat_ctx *c, const PgQuery__RangeVar *view, bool temp)
{
	if (!temp)
		return xlat_relname(c, view);
	xlat_puts(c, "temp.");
	xlat_ident(c, view->relname);
	return true;
}

/* CREATE OR REPLACE VIEW: a script that remembers the old view's columns (42809 when the name
 * is a table), drops it and creates the new one, then checks the columns. */
static bool replace_view_begin(struct xlat_ctx *c, const PgQuery__RangeVar *view, bool temp)
{
	c->st->kind = XLAT_SCRIPT;
	xlat_nocache(c);
	xlat_puts(c, "SELECT shardlite_view_save(");
	xlat_string(c, view->relname);
	xlat_puts(c, "); DROP VIEW IF EXISTS ");
	if (!view_name(c, view, temp))
		return false;
	xlat_puts(c, "; ");
	return true;
}

/* The declared type a view's column of type t is kept as in the column sidecar (as CREATE
 * TABLE spells it), NULL when there is none to keep: text, an unknown literal (text, as
 * PostgreSQL makes it), a type known only when the statement runs, a row type. A numeric
 * expression's display scale is no typmod: PostgreSQL reports none for it. */
static const char *view_col_decl(struct xlat_ctx *c, struct xlat_type t)
{
	if (t.oid == XLAT_OID_UNKNOWN_COL || t.oid == XLAT_OID_UNKNOWN || t.oid == XLAT_OID_TEXT)
		return NULL;
	bool array = false;
	const struct xlat_enum *e = xlat_enum_by_oid(c, t.oid, &array);
	if (e)
		return xlat_enum_decl(c, e, array);
	struct xlat_typeref r = {.info = xlat_type_by_oid(t.oid), .typmod = t.typmod};
	if (!r.info) { /* an array of a built-in type */
		r.info = xlat_type_by_array_oid(t.oid);
		r.is_array = true;
	}
	if (!r.info || r.info->oid >= 16384)
		return NULL;
	int p = (t.typmod - 4) >> 16;
	if (t.oid == XLAT_OID_NUMERIC && t.typmod >= 4 && (p == 0 || p == 1001))
		r.typmod = -1;
	return xlat_type_format(c, &r);
}

/* The display scale of numeric expression t, as the translator encodes a scale in a typmod of
 * precision 0 or 1001 (xlat_numeric.c): kept beside a view column's type when the declared
 * type keeps no typmod, so that reading the view shows the scale PostgreSQL's values carry
 * (price * 2 of 2.50: 5.00; -price: -2.50); 0: none. */
static int32_t display_typmod(struct xlat_type t)
{
	int p = (t.typmod - 4) >> 16;
	if (t.oid != XLAT_OID_NUMERIC || t.typmod < 4)
		return 0;
	if (p == 0 || p == 1001)
		return t.typmod;
	int s = xlat_numeric_typmod_scale(t.typmod); /* numeric(p,s) of an operator's operand */
	return s >= 0 ? XLAT_NUM_SCALE(s) : 0;
}

/* The expression of output column k of q: NULL unless q's target list is plain (no set
 * operation, no *), where entry k is column k. */
static const PgQuery__Node *target_of(const PgQuery__SelectStmt *q, size_t k,
				      const struct xlat_shape *shape)
{
	if (q->op != PG_QUERY__SET_OPERATION__SETOP_NONE || q->n_target_list != shape->n ||
	    xlat_has_star(q))
		return NULL;
	const PgQuery__ResTarget *rt = q->target_list[k]->res_target;
	return rt ? rt->val : NULL;
}

static bool t_narrow_int(uint32_t oid) { return oid == XLAT_OID_INT4 || oid == XLAT_OID_INT2; }

/* After CREATE VIEW: SQLite declares no type for a view's computed column (price * 2,
 * count(*)), so the column sidecar keeps the type the translator gave its expression, by
 * position, for the columns SQLite has no declared type for (docs/catalog.md). The view's old
 * rows go first (CREATE OR REPLACE); nothing is written for a view without such columns.
 * Differs: a view of another tenant's schema keeps none (its columns read as text). */
static void view_col_types(struct xlat_ctx *c, const PgQuery__ViewStmt *s, bool temp,
			   const struct xlat_shape *shape)
{
	const char *in = temp ? "temp" : "main";
	const char *view = s->view->relname;
	size_t n = shape->star ? 0 : shape->n, any = 0;
	const char **decls = arena_zalloc(c->a, (n ? n : 1) * sizeof(*decls));
	int32_t *display = arena_zalloc(c->a, (n ? n : 1) * sizeof(*display));
	for (size_t k = 0; k < n; k++) {
		/* an operator's or a function's result has no typmod in PostgreSQL, a cast's
		 * and a column's (of a subquery or CTE: SQLite declares none) have their own */
		const PgQuery__Node *e = target_of(s->query->select_stmt, k, shape);
		struct xlat_type t = shape->types[k], shown = t;
		bool scalar_sub = e && e->node_case == NODE(SUB_LINK) &&
				  e->sub_link->sub_link_type ==
					  PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK;
		if (e && e->node_case != NODE(TYPE_CAST) && e->node_case != NODE(COLUMN_REF) &&
		    !scalar_sub) /* a scalar subquery's column keeps its typmod, as PostgreSQL's */
			t.typmod = -1;
		int p = (t.typmod - 4) >> 16; /* view_col_decl keeps a typmod of a real precision */
		bool kept = t.typmod >= 4 && p > 0 && p <= 1000;
		display[k] = kept ? 0 : display_typmod(shown);
		decls[k] = view_col_decl(c, t);
		any += decls[k] != NULL;
	}
	/* another tenant's view (acme.v) keeps none: its sidecar is that tenant's */
	if ((!any && !s->replace) || (!temp && !xlat_own_table(c, s->view)))
		return;
	xlat_puts(c, "; ");
	xlat_puts(c, temp ? xlat_sidecar_columns_in(c, true) : xlat_sidecar_columns_ddl(c));
	xlat_printf(c, "; DELETE FROM %s._shardlite_columns WHERE table_name = ", in);
	xlat_string(c, view);
	for (size_t k = 0; k < n; k++) {
		if (!decls[k])
			continue;
		xlat_printf(c, "; INSERT INTO %s._shardlite_columns SELECT ", in);
		xlat_string(c, view);
		xlat_puts(c, ", name, ");
		xlat_string(c, decls[k]);
		if (display[k])
			xlat_printf(c, ", 'display:%d'", (int)display[k]);
		else
			xlat_puts(c, ", ''");
		xlat_puts(c, " FROM pragma_table_xinfo(");
		xlat_string(c, view);
		/* SQLite's INTEGER of a column reading a serial or identity key is bigint to the
		 * catalog when it cannot name the key (a UNION's column): kept as the translator's
		 * integer or smallint too */
		bool narrow = t_narrow_int(shape->types[k].oid);
		xlat_printf(c, ", '%s') WHERE cid = %zu AND %s", in, k,
			    narrow ? "(coalesce(type, '') = '' OR upper(type) = 'INTEGER')"
				   : "coalesce(type, '') = ''");
	}
}

/* A view's columns need distinct names (its * spelled out: xlat_viewstar.c), as PostgreSQL
 * checks (42701); SQLite would call the second "id:1". Names only known when the view is
 * used are not checked. */
/* A column of type record or record[] (a row, a recursive query's SEARCH or CYCLE column):
 * PostgreSQL's 42P16, as for a table's column. */
static bool view_no_record(struct xlat_ctx *c, const PgQuery__ViewStmt *s,
			   const struct xlat_shape *shape)
{
	size_t n = 0;
	const char **names = xlat_shape_colnames(c, s->query->select_stmt, shape, &n);
	for (size_t i = 0; !shape->star && i < shape->n; i++) {
		uint32_t oid = shape->types[i].oid;
		if (oid != XLAT_OID_RECORD && oid != 2287 /* record[] */)
			continue;
		const char *name = i < s->n_aliases ? xlat_node_str(s->aliases[i])
				   : names && i < n ? names[i]
						    : "?column?";
		return xlat_fail(c, "42P16", -1, "column \"%s\" has pseudo-type %s", name,
				 oid == XLAT_OID_RECORD ? "record" : "record[]");
	}
	return true;
}

static bool view_names_unique(struct xlat_ctx *c, const PgQuery__ViewStmt *s)
{
	size_t n = 0;
	const char **names = xlat_select_colnames(c, s->query->select_stmt, &n);
	if (!names && c->star_names) { /* a * that stays: its names repeat */
		n = c->n_star_names;
		names = arena_zalloc(c->a, (n + 1) * sizeof(*names));
		memcpy(names, c->star_names, n * sizeof(*names));
	}
	for (size_t i = 0; names && i < s->n_aliases && i < n; i++)
		names[i] = xlat_node_str(s->aliases[i]);
	for (size_t i = 0; names && i < n; i++) {
		for (size_t k = 0; names[i] && k < i; k++) {
			if (names[k] && strcmp(names[k], names[i]) == 0)
				return xlat_fail(c, "42701", -1,
						 "column \"%s\" specified more than once",
						 names[i]);
		}
	}
	return true;
}

/* CREATE VIEW v (names): PostgreSQL renames the first columns and keeps the others' names,
 * where SQLite wants a name for each column; more names than columns is 42601. The list is
 * written at 'at', once the query's columns are known (as the query names them when a * of
 * a join that merges columns leaves their count to SQLite). */
static bool view_alias_list(struct xlat_ctx *c, const PgQuery__ViewStmt *s,
			    const struct xlat_shape *shape, size_t at)
{
	if (!s->n_aliases)
		return true;
	size_t n = 0;
	const char **names = xlat_shape_colnames(c, s->query->select_stmt, shape, &n);
	for (size_t i = s->n_aliases; names && i < n; i++)
		names = names[i] ? names : NULL;
	if (names && s->n_aliases > n)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
				 "CREATE VIEW specifies more column names than columns");
	if (!names)
		n = s->n_aliases; /* SQLite compares the count when the view is used */
	struct strbuf *sb = c->sb, list;
	strbuf_init(&list, 0);
	c->sb = &list;
	xlat_puts(c, "(");
	for (size_t i = 0; i < n; i++) {
		xlat_puts(c, i ? ", " : "");
		xlat_ident(c, i < s->n_aliases ? xlat_node_str(s->aliases[i]) : names[i]);
	}
	xlat_puts(c, ")");
	c->sb = sb;
	if (!list.failed)
		xlat_insert_at(c, at, list.data);
	bool failed = list.failed;
	strbuf_fini(&list);
	return !failed || xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
}

struct reads_temp {
	struct xlat_ctx *c;
	const char **ctes;
	size_t nctes, cap;
	bool hit;
};

static bool note_ctes(void *arg, const ProtobufCMessage *m)
{
	struct reads_temp *r = arg;
	if (m->descriptor == &pg_query__common_table_expr__descriptor) {
		const PgQuery__CommonTableExpr *e = (const PgQuery__CommonTableExpr *)m;
		if (r->nctes == r->cap) {
			size_t cap = r->cap ? r->cap * 2 : 4;
			const char **v = arena_zalloc(r->c->a, cap * sizeof(*v));
			if (r->nctes)
				memcpy(v, r->ctes, r->nctes * sizeof(*v));
			r->ctes = v;
			r->cap = cap;
		}
		r->ctes[r->nctes++] = e->ctename;
	}
	return xlat_tree_each(m, note_ctes, arg);
}

static bool find_temp(void *arg, const ProtobufCMessage *m)
{
	struct reads_temp *r = arg;
	if (m->descriptor == &pg_query__range_var__descriptor) {
		const PgQuery__RangeVar *rv = (const PgQuery__RangeVar *)m;
		const struct xlat_env *env = r->c->env;
		bool cte = false;
		for (size_t i = 0; i < r->nctes && !cte; i++)
			cte = r->ctes[i] && strcmp(r->ctes[i], rv->relname) == 0;
		if (rv->schemaname && *rv->schemaname)
			r->hit = strcmp(rv->schemaname, "pg_temp") == 0;
		else
			r->hit = !cte && env->temp_rel_fn(env->session_arg, rv->relname);
	}
	return !r->hit && xlat_tree_each(m, find_temp, arg);
}

bool xlat_reads_temp(struct xlat_ctx *c, const PgQuery__Node *query)
{
	if (!c->env || !c->env->temp_tables || !c->env->temp_rel_fn)
		return false;
	struct reads_temp r = {.c = c};
	(void)note_ctes(&r, &query->base);
	(void)find_temp(&r, &query->base);
	return r.hit;
}

/* A view's WITH [LOCAL | CASCADED] CHECK OPTION and WITH (check_option = ...) into *check
 * ('l', 'c', 0), as PostgreSQL's DefineView takes them (xlat_viewopts.c). */
static bool view_check_option(struct xlat_ctx *c, const PgQuery__ViewStmt *s, char *check)
{
	*check = s->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__LOCAL_CHECK_OPTION      ? 'l'
		 : s->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__CASCADED_CHECK_OPTION ? 'c'
											      : 0;
	int seen = *check != 0;
	for (size_t i = 0; i < s->n_options; i++) {
		if (!xlat_view_option(c, s->options[i], false, check))
			return false;
		if (seen++)
			return xlat_fail(c, "22023", -1,
					 "parameter \"check_option\" specified more than once");
	}
	return !*check || xlat_view_check_updatable(c, s->query->select_stmt);
}

bool xlat_stmt_view(struct xlat_ctx *c, const PgQuery__ViewStmt *s)
{
	ddl(c, "CREATE VIEW");
	bool temp = xlat_temp_is(s->view); /* TEMP, or named pg_temp.v */
	if (temp && !xlat_temp_create(c, s->view, PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_NOOP))
		return false;
	if (!temp &&
	    xlat_reads_temp(c, s->query)) { /* PostgreSQL makes it temporary, and says so */
		PgQuery__RangeVar as_temp = *s->view;
		as_temp.relpersistence = "t";
		as_temp.location = -1; /* PostgreSQL's refusal of public.v has no position here */
		if (!xlat_temp_create(c, &as_temp, PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_NOOP))
			return false;
		temp = true;
		xlat_skip_note(c, "temporary view", NULL, s->view->relname, false);
	}
	if (s->query->node_case != NODE(SELECT_STMT))
		return xlat_unsupported(c, -1, "this view query");
	char check = 0;
	if (!view_check_option(c, s, &check))
		return false;
	if (s->replace && !replace_view_begin(c, s->view, temp))
		return false;
	xlat_puts(c, temp ? "CREATE TEMP VIEW " : "CREATE VIEW ");
	size_t name_at = c->sb->len;
	if (temp)
		xlat_ident(c, s->view->relname);
	else if (!xlat_relname(c, s->view))
		return false;
	/* a new view's ACL comes from ALTER DEFAULT PRIVILEGES; a replaced one keeps its own */
	const struct xlat_schema_col *cols;
	size_t ncols;
	bool fresh = !temp && xlat_written_ident(c, name_at, c->sb->len, s->view->relname) &&
		     !(s->replace && c->schema &&
		       c->schema->table_fn(c->schema->arg, s->view->relname, c->a, &cols, &ncols));
	xlat_puts(c, xlat_view_options_mark(check)); /* pg_class.reloptions (catalog.h) */
	if (s->replace)
		xlat_puts(c, xlat_view_kept_defaults(c, s->view->relname));
	size_t names_at = c->sb->len;
	xlat_puts(c, " AS ");
	struct xlat_shape shape = {0};
	c->view_star = true; /* PostgreSQL expands * when the view is made */
	c->star_names = NULL;
	bool ok = xlat_select(c, s->query->select_stmt, &shape);
	c->view_star = false;
	if (!ok || !view_alias_list(c, s, &shape, names_at) || !view_names_unique(c, s) ||
	    !view_no_record(c, s, &shape))
		return false;
	/* SQLite resolves a view's names only when it is used; PostgreSQL refuses a view that
	 * names a missing column or table (42703, 42P01) when it is created */
	c->st->kind = XLAT_SCRIPT;
	xlat_puts(c, "; SELECT 1 FROM ");
	(void)view_name(c, s->view, temp);
	xlat_puts(c, " LIMIT 0");
	view_col_types(c, s, temp, &shape); /* before the check, which reads them */
	if (s->replace) { /* the new columns must keep the old ones, as PostgreSQL checks */
		xlat_puts(c, "; SELECT shardlite_view_check(");
		xlat_string(c, s->view->relname);
		xlat_puts(c, ")");
	}
	if (fresh)
		xlat_defacl_created(c, 'r', s->view->relname, s->view->relname);
	return true;
}

#define AT(x) PG_QUERY__ALTER_TABLE_TYPE__AT_##x

const char *xlat_alter_action_name(PgQuery__AlterTableType t)
{
	switch (t) {
	/* refused wherever they come: named as PostgreSQL's grammar spells them */
	case AT(EnableRowSecurity):
		return "ALTER TABLE ... ENABLE ROW LEVEL SECURITY";
	case AT(DisableRowSecurity):
		return "ALTER TABLE ... DISABLE ROW LEVEL SECURITY";
	case AT(ForceRowSecurity):
		return "ALTER TABLE ... FORCE ROW LEVEL SECURITY";
	case AT(NoForceRowSecurity):
		return "ALTER TABLE ... NO FORCE ROW LEVEL SECURITY";
	case AT(SetRelOptions):
	case AT(ResetRelOptions):
	case AT(ReplaceRelOptions):
		return "ALTER TABLE ... SET/RESET (storage parameters)";
	case AT(SetOptions):
	case AT(ResetOptions):
		return "ALTER TABLE ... ALTER COLUMN ... SET/RESET (attribute options)";
	case AT(ClusterOn):
	case AT(DropCluster):
		return "ALTER TABLE ... CLUSTER ON / SET WITHOUT CLUSTER";
	case AT(ReplicaIdentity):
		return "ALTER TABLE ... REPLICA IDENTITY";
	case AT(SetTableSpace):
		return "ALTER TABLE ... SET TABLESPACE";
	case AT(SetAccessMethod):
		return "ALTER TABLE ... SET ACCESS METHOD";
	case AT(AddInherit):
	case AT(DropInherit):
		return "ALTER TABLE ... INHERIT / NO INHERIT";
	case AT(AddOf):
	case AT(DropOf):
		return "ALTER TABLE ... OF / NOT OF";
	case AT(SetLogged):
	case AT(SetUnLogged):
		return "ALTER TABLE ... SET LOGGED / UNLOGGED";
	case AT(SetStatistics):
		return "ALTER TABLE ... ALTER COLUMN ... SET STATISTICS";
	case AT(SetStorage):
		return "ALTER TABLE ... ALTER COLUMN ... SET STORAGE";
	case AT(SetCompression):
		return "ALTER TABLE ... ALTER COLUMN ... SET COMPRESSION";
	case AT(AttachPartition):
		return "ALTER TABLE ... ATTACH PARTITION";
	case AT(DetachPartition):
	case AT(DetachPartitionFinalize):
		return "ALTER TABLE ... DETACH PARTITION";
	case AT(EnableRule):
	case AT(EnableAlwaysRule):
	case AT(EnableReplicaRule):
	case AT(DisableRule):
		return "ALTER TABLE ... ENABLE/DISABLE RULE";
	case AT(DropOids):
		return "ALTER TABLE ... SET WITHOUT OIDS";
	case AT(AlterConstraint): /* a foreign key's deferrability */
		return "ALTER TABLE ... ALTER CONSTRAINT";
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
		return "ALTER TABLE ... ALTER COLUMN ... TYPE";
	case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
		return "ALTER TABLE ... ALTER COLUMN ... SET/DROP DEFAULT";
	case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
		return "ALTER TABLE ... ALTER COLUMN ... SET/DROP NOT NULL";
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
		return "ALTER TABLE ... ADD CONSTRAINT";
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
		return "ALTER TABLE ... DROP CONSTRAINT";
	case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
		return "ALTER TABLE ... OWNER TO";
	default:
		return "this ALTER TABLE action";
	}
}

/* "SELECT shardlite_column_views_check(t, col); SELECT shardlite_column_indexes_drop(t, col); "
 * before the "ALTER TABLE t" written so far: a view that reads the column is PostgreSQL's
 * 2BP01 (src/shard/shard_viewdep.c), then the indexes on it go. With CASCADE the views that
 * read it are dropped instead, and the views over those (those that no longer compile:
 * shardlite_views_mark/sweep), as PostgreSQL drops them (without its NOTICE). */
static bool column_indexes_first(struct xlat_ctx *c, const PgQuery__RangeVar *table,
				 const char *col, bool cascade)
{
	const char *head = arena_strdup(c->a, c->sb->data ? c->sb->data : "");
	if (!head || c->sb->failed)
		return xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
	strbuf_reset(c->sb);
	xlat_puts(c, cascade ? "SELECT shardlite_views_mark(); SELECT shardlite_column_views_drop("
			     : "SELECT shardlite_column_views_check(");
	xlat_string(c, table->relname);
	xlat_puts(c, ", ");
	xlat_string(c, col);
	xlat_puts(c, cascade ? "); SELECT shardlite_views_sweep(); SELECT "
			       "shardlite_column_indexes_drop("
			     : "); SELECT shardlite_column_indexes_drop(");
	xlat_string(c, table->relname);
	xlat_puts(c, ", ");
	xlat_string(c, col);
	xlat_puts(c, "); ");
	xlat_puts(c, head);
	return true;
}

static bool alter_cmd(struct xlat_ctx *c, const PgQuery__RangeVar *table,
		      const PgQuery__AlterTableCmd *cmd)
{
	switch (cmd->subtype) {
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
		if (!cmd->def || cmd->def->node_case != NODE(COLUMN_DEF))
			return xlat_unsupported(c, -1, "this ADD COLUMN");
		return xlat_add_column(c, table, cmd->def->column_def, cmd->missing_ok);
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn: {
		const struct xlat_schema_col *cols = NULL;
		size_t ncols = 0;
		if (!cmd->missing_ok && (!table->schemaname || !*table->schemaname) &&
		    xlat_scope_target(c, table, &cols, &ncols) &&
		    !xlat_scope_col(cols, ncols, cmd->name))
			return xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, -1,
					 "column \"%s\" of relation \"%s\" does not exist",
					 cmd->name, table->relname);
		pgerr_clear(c->err); /* a table that is not there: the statement's own 42P01 */
	}
		/* SQLite refuses to drop a column that an index, a view or a constraint uses
		 * rather than leave them broken; the indexes on it, which PostgreSQL drops with
		 * it, go first, and with CASCADE the views that read it */
		if (!column_indexes_first(c, table, cmd->name,
					  cmd->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE))
			return false;
		xlat_puts(c, " DROP COLUMN ");
		xlat_ident(c, cmd->name);
		c->st->kind = XLAT_SCRIPT; /* its comment and owned sequences go too */
		xlat_puts(c, "; SELECT shardlite_forget('column', ");
		xlat_string(c, table->relname);
		xlat_puts(c, ", ");
		xlat_string(c, cmd->name);
		xlat_puts(c, ")");
		xlat_trigger_refit(c, table, cmd->name);
		return true; /* a rebuild link once the script is whole (xlat_alter_one) */
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
		if (cmd->def && cmd->def->node_case == NODE(CONSTRAINT) &&
		    !xlat_xid_key_check(c, table, cmd->def->constraint))
			return false; /* a key of an xid column: btree has no xid */
		if (cmd->def && cmd->def->node_case == NODE(CONSTRAINT) &&
		    cmd->def->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION) {
			strbuf_reset(c->sb); /* "ALTER TABLE t" was the relation's check */
			return xlat_exclude_add(c, table, cmd->def->constraint);
		}
		if (cmd->def && cmd->def->node_case == NODE(CONSTRAINT) &&
		    xlat_defkey_is(cmd->def->constraint) && !*cmd->def->constraint->indexname) {
			strbuf_reset(c->sb);
			return xlat_defkey_add(c, table, cmd->def->constraint, true);
		}
		if (xlat_rebuild_can_add(cmd->def))
			return xlat_add_constraint(c, table, cmd->def->constraint);
		return xlat_unsupported(c, -1, xlat_alter_action_name(cmd->subtype));
	case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterConstraint:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
		return xlat_alter_rebuild(c, table, cmd);
	default:
		return xlat_unsupported(c, -1, xlat_alter_action_name(cmd->subtype));
	}
}

bool xlat_owner_role(struct xlat_ctx *c, const PgQuery__RoleSpec *role)
{
	if (role && role->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING)
		xlat_string(c, role->rolename);
	else if (role && role->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC)
		return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1,
				 "role \"public\" does not exist");
	else
		xlat_puts(c, "NULL");
	return true;
}

/* ALTER TABLE t OWNER TO role (pg_dump writes one per table, view and sequence): every object
 * of a tenant belongs to the session user, so naming that user (or CURRENT_USER,
 * SESSION_USER, CURRENT_ROLE) changes nothing; the catalog's shardlite_owner_check checks the
 * relation exists and refuses any other role (0A000). */
static bool owner_change(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
			 const PgQuery__RoleSpec *role)
{
	if (!xlat_relname_local(c, rel)) /* the schema prefix is checked; the text is unused */
		return false;
	strbuf_reset(c->sb); /* the relation name written was only the check */
	c->st->kind = XLAT_SCRIPT;
	xlat_puts(c, "SELECT shardlite_owner_check(");
	xlat_string(c, rel->relname);
	xlat_puts(c, ", ");
	if (!xlat_owner_role(c, role))
		return false;
	xlat_puts(c, ")");
	return true;
}

/* SQLite's ADD COLUMN of a column the table has says "duplicate column name: x" without the
 * table; PostgreSQL's 42701 names both, so the catalog's shardlite_column_new checks first
 * (a table that is not there is left to the ALTER TABLE's own 42P01). */
static void column_check(struct xlat_ctx *c, const char *table, const char *column)
{
	struct strbuf pre;
	strbuf_init(&pre, 0);
	strbuf_puts(&pre, "SELECT shardlite_column_new(");
	strbuf_put_quoted(&pre, table, '\'');
	strbuf_puts(&pre, ", ");
	strbuf_put_quoted(&pre, column, '\'');
	strbuf_puts(&pre, "); ");
	if (pre.failed)
		c->sb->failed = true;
	else
		xlat_insert_at(c, 0, pre.data);
	strbuf_fini(&pre);
	c->st->kind = XLAT_SCRIPT;
}

/* ALTER INDEX, VIEW or SEQUENCE ... as ALTER TABLE's actions: refused, the action named
 * (a view's options are check_option, security_barrier and security_invoker). */
static bool alter_other(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s)
{
	const PgQuery__AlterTableCmd *cmd = s->n_cmds == 1 ? s->cmds[0]->alter_table_cmd : NULL;
	const char *what = cmd ? xlat_alter_action_name(cmd->subtype) : "";
	bool opts = cmd &&
		    (cmd->subtype == AT(SetRelOptions) || cmd->subtype == AT(ResetRelOptions));
	if (s->objtype == OBJ(VIEW) && opts)
		return xlat_alter_view_options(c, s);
	if (s->objtype == OBJ(VIEW) && cmd && cmd->subtype == AT(ColumnDefault))
		return xlat_alter_view_default(c, s);
	/* ALTER VIEW/SEQUENCE/MATERIALIZED VIEW ... OWNER TO (pg_dump writes one per object): as
	 * ALTER TABLE's, which names any relation */
	if (s->objtype != OBJ(INDEX) && cmd && cmd->subtype == AT(ChangeOwner)) {
		if (s->objtype == OBJ(MATVIEW))
			c->st->tag = "ALTER MATERIALIZED VIEW";
		if (s->missing_ok) { /* the role is checked; a missing relation is a NOTICE */
			c->st->kind = XLAT_SCRIPT;
			xlat_puts(c, "SELECT shardlite_owner_check(NULL, ");
			if (!xlat_owner_role(c, cmd->newowner))
				return false;
			xlat_puts(c, ")");
		} else if (!owner_change(c, s->relation, cmd->newowner)) {
			return false;
		}
		alter_skips(c, s);
		return true;
	}
	if (s->objtype == OBJ(INDEX) && cmd && cmd->subtype == AT(AttachPartition))
		return xlat_partition_index_attach(c, s, cmd);
	if (strncmp(what, "ALTER TABLE ", 12) != 0)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1, "%s is not supported",
				 c->st->tag);
	return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1, "%s%s is not supported", c->st->tag,
			 what + 11);
}

bool xlat_stmt_alter(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s)
{
	ddl(c, s->objtype == OBJ(INDEX)      ? "ALTER INDEX"
	       : s->objtype == OBJ(VIEW)     ? "ALTER VIEW"
	       : s->objtype == OBJ(SEQUENCE) ? "ALTER SEQUENCE"
					     : "ALTER TABLE");
	if (s->objtype != OBJ(TABLE))
		return alter_other(c, s);
	if (!xlat_policy_columns_kept(c, s))
		return false;
	bool own = xlat_own_table(c, s->relation);
	/* of a partition's copies of its partitioned table's row triggers (catalog_trigpart.c) */
	if (own && s->n_cmds == 1 && !s->missing_ok &&
	    xlat_is_trigger_toggle(s->cmds[0]->alter_table_cmd) &&
	    xlat_partition_is_partition(c, s->relation->relname))
		return xlat_alter_trigger_part(c, s->relation, s->cmds[0]->alter_table_cmd);
	if (own && xlat_partition_is_partition(c, s->relation->relname))
		return xlat_partition_alter_own(c, s);
	if (own && xlat_partition_is_parent(c, s->relation->relname) && s->n_cmds == 1 &&
	    s->cmds[0]->alter_table_cmd->subtype == AT(SetRelOptions) &&
	    s->cmds[0]->alter_table_cmd->def &&
	    s->cmds[0]->alter_table_cmd->def->node_case == NODE(LIST)) {
		const PgQuery__List *l = s->cmds[0]->alter_table_cmd->def->list;
		if (!xlat_table_options(c, l->items, l->n_items) ||
		    !xlat_partitioned_options(c, l->items, l->n_items))
			return false;
	}
	/* a partitioned table's: its row triggers' copies on the partitions follow (PostgreSQL
	 * recurses) */
	if (own && s->n_cmds == 1 && !s->missing_ok &&
	    xlat_is_trigger_toggle(s->cmds[0]->alter_table_cmd) &&
	    xlat_partition_is_parent(c, s->relation->relname))
		return xlat_alter_trigger(c, s->relation, s->cmds[0]->alter_table_cmd);
	if (own && xlat_partition_is_parent(c, s->relation->relname))
		return xlat_partition_alter(c, s);
	/* ALTER TABLE of a view's column default, as pg_dump writes it */
	if (s->n_cmds == 1 && s->cmds[0]->alter_table_cmd->subtype == AT(ColumnDefault) &&
	    c->schema && c->schema->relkind_fn &&
	    c->schema->relkind_fn(c->schema->arg, s->relation->relname) == 'v')
		return xlat_alter_view_default(c, s);
	if (s->n_cmds == 1 && !s->missing_ok && xlat_is_trigger_toggle(s->cmds[0]->alter_table_cmd))
		return xlat_alter_trigger(c, s->relation, s->cmds[0]->alter_table_cmd);
	bool ok = s->n_cmds != 1 || s->missing_ok
			  ? xlat_alter_multi(c, s)
			  : xlat_alter_one(c, s->relation, s->cmds[0]->alter_table_cmd);
	if (ok)
		alter_skips(c, s);
	return ok;
}

bool xlat_alter_one(struct xlat_ctx *c, const PgQuery__RangeVar *table,
		    const PgQuery__AlterTableCmd *cmd)
{
	if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner)
		return owner_change(c, table, cmd->newowner);
	const char *follow; /* the values of columns of the table's row type (xlat_rowusers.c) */
	if (!xlat_rowusers_alter(c, table, cmd, &follow))
		return false;
	xlat_puts(c, "ALTER TABLE ");
	if (!xlat_relname(c, table) || !alter_cmd(c, table, cmd))
		return false;
	if (follow && c->st->kind != XLAT_SQL && c->st->kind != XLAT_SCRIPT)
		return xlat_unsupported(c, -1,
					"this change of a table whose row type a column uses");
	if (follow) {
		xlat_puts(c, follow);
		c->st->kind = XLAT_SCRIPT;
	}
	if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn) /* constraints go first */
		xlat_alter_drop_column(c, table, cmd->name, cmd->missing_ok,
				       cmd->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE);
	bool add = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn;
	if (add && c->st->kind == XLAT_SQL && xlat_own_table(c, table))
		column_check(c, table->relname, cmd->def->column_def->colname);
	if (add && c->st->kind == XLAT_SCRIPT)
		xlat_trigger_refit(c, table, NULL);
	return true;
}

/* ALTER TABLE t RENAME CONSTRAINT a TO b: a change the shard module makes (shard_alter.c). */
static bool rename_constraint(struct xlat_ctx *c, const PgQuery__RenameStmt *s)
{
	struct xlat_rebuild *r = arena_zalloc(c->a, sizeof(*r));
	r->kind = XLAT_RB_RENAME_CONSTRAINT;
	r->table = arena_strdup(c->a, s->relation->relname);
	r->name = arena_strdup(c->a, s->subname);
	r->new_name = arena_strdup(c->a, s->newname);
	strbuf_reset(c->sb);
	c->st->kind = XLAT_REBUILD;
	c->st->rebuild = r;
	return true;
}

/* ALTER TABLE/INDEX/VIEW/SEQUENCE [IF EXISTS] name RENAME TO new of the tenant's own relation:
 * the kind the name has when it runs decides how it is renamed (shard_rename.c). */
static bool rename_relation(struct xlat_ctx *c, const PgQuery__RenameStmt *s, char kind)
{
	struct xlat_rebuild *r = arena_zalloc(c->a, sizeof(*r));
	r->kind = XLAT_RB_RENAME;
	r->table = arena_strdup(c->a, s->relation->relname);
	r->new_name = arena_strdup(c->a, s->newname);
	r->rename_kind = kind;
	r->missing_ok = s->missing_ok;
	if (s->missing_ok)
		xlat_skip_note(c, "relation", NULL, s->relation->relname, false);
	strbuf_reset(c->sb);
	c->st->kind = XLAT_REBUILD;
	c->st->rebuild = r;
	xlat_nocache(c);
	return true;
}

/* ALTER TABLE IF EXISTS t RENAME [COLUMN | CONSTRAINT]: nothing, with PostgreSQL's NOTICE,
 * when there is no table t. */
static void rename_if_exists(struct xlat_ctx *c, const PgQuery__RenameStmt *s)
{
	if (!s->missing_ok)
		return;
	xlat_skip_note(c, "relation", NULL, s->relation->relname, false);
	struct xlat_rebuild *r = c->st->kind == XLAT_REBUILD ? (struct xlat_rebuild *)c->st->rebuild
							     : NULL;
	if (!r) {
		r = arena_zalloc(c->a, sizeof(*r));
		r->kind = XLAT_RB_SCRIPT;
		r->table = arena_strdup(c->a, s->relation->relname);
		r->script = arena_strndup(c->a, c->sb->data ? c->sb->data : "", c->sb->len);
		c->st->kind = XLAT_REBUILD;
		c->st->rebuild = r;
	}
	r->if_exists = true;
	xlat_nocache(c);
}

/* "; SELECT fn(table, old column name or NULL, new name)": a sidecar's or stored text's
 * names following a RENAME (the functions are the shard's). */
static void renamed_call(struct xlat_ctx *c, const char *fn, const PgQuery__RenameStmt *s,
			 bool column)
{
	xlat_printf(c, "; SELECT %s(", fn);
	xlat_string(c, s->relation->relname);
	xlat_puts(c, ", ");
	if (column)
		xlat_string(c, s->subname);
	else
		xlat_puts(c, "NULL");
	xlat_puts(c, ", ");
	xlat_string(c, s->newname);
	xlat_puts(c, ")");
}

static char rename_kind(PgQuery__ObjectType t)
{
	switch (t) {
	case OBJ(TABLE):
		return 'r';
	case OBJ(INDEX):
		return 'i';
	case OBJ(VIEW):
		return 'v';
	case OBJ(SEQUENCE):
		return 'S';
	default:
		return 0;
	}
}

bool xlat_stmt_rename(struct xlat_ctx *c, const PgQuery__RenameStmt *s)
{
	bool column = s->rename_type == OBJ(COLUMN) && s->relation_type == OBJ(TABLE);
	bool constraint = s->rename_type == OBJ(TABCONSTRAINT);
	if (column && s->relation && xlat_policy_names(c, s->relation->relname))
		return xlat_unsupported(c, -1,
					"ALTER TABLE ... RENAME COLUMN of a table with row-level "
					"security policies");
	if (s->rename_type == OBJ(TYPE) && !xlat_type_names_domain(c, s))
		return xlat_rename_type(c, s);
	if (s->rename_type == OBJ(DOMAIN) || s->rename_type == OBJ(DOMCONSTRAINT) ||
	    s->rename_type == OBJ(TYPE))
		return xlat_rename_domain(c, s);
	ddl(c, s->rename_type == OBJ(INDEX)      ? "ALTER INDEX"
	       : s->rename_type == OBJ(VIEW)     ? "ALTER VIEW"
	       : s->rename_type == OBJ(SEQUENCE) ? "ALTER SEQUENCE"
						 : "ALTER TABLE");
	char kind = rename_kind(s->rename_type);
	if (s->rename_type == OBJ(TABLE) && s->relation && xlat_own_table(c, s->relation) &&
	    xlat_partition_is_parent(c, s->relation->relname)) /* its partitions name it */
		return xlat_unsupported(c, -1, "ALTER TABLE ... RENAME TO of a partitioned table");
	if (column && s->relation && xlat_own_table(c, s->relation) &&
	    (xlat_partition_is_parent(c, s->relation->relname) ||
	     xlat_partition_is_partition(c, s->relation->relname)))
		return xlat_unsupported(c, -1, "RENAME COLUMN of a partitioned table or partition");
	if (s->rename_type == OBJ(COLUMN) && !column) /* of a view, a materialized view, ... */
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "ALTER %s ... RENAME COLUMN is not supported",
				 s->relation_type == OBJ(VIEW)            ? "VIEW"
				 : s->relation_type == OBJ(MATVIEW)       ? "MATERIALIZED VIEW"
				 : s->relation_type == OBJ(FOREIGN_TABLE) ? "FOREIGN TABLE"
									  : "TABLE");
	if (!kind && !column && !constraint) { /* named as its DROP names it: ALTER SCHEMA */
		const char *obj = drop_tag(s->rename_type);
		bool named = strncmp(obj, "DROP ", 5) == 0;
		if (named)
			c->st->tag = arena_printf(c->a, "ALTER %s", obj + 5);
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "%s ... RENAME is not supported",
				 named ? c->st->tag : "this ALTER ... RENAME");
	}
	const char *schema = s->relation->schemaname;
	bool own = schema && *schema ? strcmp(schema, "public") == 0 : !(c->env && c->env->search);
	/* pg_temp.s: the rename finds the temporary one first, when there is one */
	bool temp = kind && kind != 'r' && schema && strcmp(schema, "pg_temp") == 0 &&
		    !s->missing_ok;
	if (temp && !xlat_temp_hides(c, s->relation->relname))
		return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, s->relation->location,
				 "relation \"pg_temp.%s\" does not exist", s->relation->relname);
	if (kind && (own || temp))
		return xlat_relname(c, s->relation) && rename_relation(c, s, kind);
	if (kind && kind != 'r')
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "%s ... RENAME in another tenant's schema is not supported",
				 c->st->tag);
	if (s->missing_ok && !own)
		return xlat_unsupported(c, -1, "ALTER TABLE IF EXISTS in another tenant's schema");
	xlat_puts(c, "ALTER TABLE ");
	if (!xlat_relname(c, s->relation))
		return false;
	if (s->rename_type == OBJ(TABCONSTRAINT)) {
		if (!rename_constraint(c, s))
			return false;
		rename_if_exists(c, s);
		return true;
	}
	if (column) {
		/* PostgreSQL's check_for_column_name_collision: ctid, xmin ... are taken */
		if (!xlat_syscol_check_name(c, s->newname, -1))
			return false;
		xlat_puts(c, " RENAME COLUMN ");
		xlat_ident(c, s->subname);
	} else {
		xlat_puts(c, " RENAME");
	}
	xlat_puts(c, " TO ");
	xlat_ident(c, s->newname);
	/* comments and owned sequences are kept by name: they follow the rename */
	c->st->kind = XLAT_SCRIPT;
	xlat_renamed(c, s->relation->relname, column ? s->subname : NULL, s->newname);
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	bool generated = false;
	if (column && xlat_scope_target(c, s->relation, &cols, &ncols)) {
		for (size_t i = 0; i < ncols; i++)
			generated |= cols[i].generated;
	}
	pgerr_clear(c->err); /* a table that is not there is the rename's own 42P01 */
	if (generated || (column && xlat_own_table(c, s->relation))) {
		/* the PostgreSQL text of generated expressions and CHECKs (shard_inplace.c) */
		renamed_call(c, "shardlite_generated_renamed", s, true);
	}
	if (column && xlat_own_table(c, s->relation)) { /* indexes' PostgreSQL texts */
		renamed_call(c, "shardlite_index_renamed", s, true);
	}
	if (xlat_own_table(c, s->relation)) { /* the triggers' names and UPDATE OF lists */
		renamed_call(c, "shardlite_trigger_renamed", s, column);
	}
	rename_if_exists(c, s);
	return true;
}

/* TRUNCATE empties the table: DELETE FROM without WHERE, which SQLite also optimizes. It is a
 * script of one DELETE per table, run atomically; the session checks or adds the tables whose
 * foreign keys reference them (RESTRICT / CASCADE), which only the tenant's file knows. */
bool xlat_stmt_truncate(struct xlat_ctx *c, const PgQuery__TruncateStmt *s)
{
	c->st->tag = "TRUNCATE TABLE";
	c->st->writes = true;
	c->st->truncate = s->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE ? 'c' : 'r';
	c->st->truncate_restart = s->restart_seqs;
	script_parts(c, s->n_relations);
	c->st->part_schemas = arena_zalloc(c->a, s->n_relations * sizeof(char *));
	for (size_t i = 0; i < s->n_relations; i++) {
		const PgQuery__RangeVar *rv = s->relations[i]->range_var;
		if (xlat_scope_matview(c, rv))
			return xlat_fail(c, "42809", -1, "\"%s\" is not a table", rv->relname);
		if (!rv->inh && xlat_own_table(c, rv) &&
		    xlat_partition_is_partitioned(c, rv->relname)) {
			xlat_fail(c, "42809", -1, "cannot truncate only a partitioned table");
			pgerr_hint(c->err,
				   "Do not specify the ONLY keyword, or use TRUNCATE ONLY on "
				   "the partitions directly.");
			return false;
		}
		xlat_puts(c, i ? "; " : "");
		size_t start = c->sb->len;
		if (xlat_own_table(c, rv) && xlat_partition_is_partition(c, rv->relname)) {
			xlat_puts(
				c,
				"SELECT shardlite_partition_remove("); /* its rows in the parent */
			xlat_string(c, rv->relname);
			xlat_puts(c, ", 'truncate')");
			script_part(c, i, start, rv->relname);
			continue;
		}
		xlat_puts(c, "DELETE FROM ");
		if (!xlat_relname(c, rv))
			return false;
		if (c->rel_schema)
			c->st->part_schemas[i] = arena_strdup(c->a, c->rel_schema);
		if (s->restart_seqs) /* RESTART IDENTITY: the owned sequences start over */
			xlat_truncate_restart(c, c->rel_schema, rv->relname);
		script_part(c, i, start, rv->relname);
	}
	return true;
}
