/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_enum.c: enum types (CREATE TYPE ... AS ENUM). The statements that define them become
 * scripts calling the catalog's writer (shardlite_enum, over the sidecar `_shardlite_enums`);
 * a value of an enum is its label's text, checked on the way in by pgfn_enum_in and ordered
 * by a collation that spells the labels in its name (pgfn_enum.c). The labels come from the
 * schema (xlat_schema.enums), whose fingerprint covers them. */
#include "xlat_int.h"

#include <string.h>
#include <strings.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define OBJ(x) PG_QUERY__OBJECT_TYPE__OBJECT_##x

#define SIDECAR_ENUMS                                                                              \
	"CREATE TABLE IF NOT EXISTS _shardlite_enums (type_name TEXT NOT NULL, label TEXT, "            \
	"sortorder REAL NOT NULL, PRIMARY KEY (type_name, label))"
/* A label change leaves SQLite's schema alone; this moves schema_version, so that every
 * session reads the types again (their translations spell the labels) */
#define SCHEMA_BUMP                                                                                \
	"; DROP INDEX IF EXISTS _shardlite_enums_v; CREATE INDEX _shardlite_enums_v ON "           \
	"_shardlite_enums (sortorder)"

const struct xlat_enum *xlat_enum_by_name(struct xlat_ctx *c, const char *name)
{
	for (size_t i = 0; name && i < c->npending_enums; i++) {
		if (strcmp(c->pending_enums[i].name, name) == 0)
			return c->pending_enums[i].oid ? &c->pending_enums[i] : NULL; /* 0: dropped */
	}
	for (size_t i = 0; c->schema && name && i < c->schema->nenums; i++) {
		if (strcmp(c->schema->enums[i].name, name) == 0)
			return &c->schema->enums[i];
	}
	return NULL;
}

const struct xlat_enum *xlat_enum_by_oid(struct xlat_ctx *c, uint32_t oid, bool *array)
{
	for (size_t i = 0; oid >= 16384 && i < c->npending_enums; i++) {
		const struct xlat_enum *e = &c->pending_enums[i];
		if (e->oid == oid || e->array_oid == oid) {
			if (array)
				*array = e->array_oid == oid;
			return e;
		}
	}
	for (size_t i = 0; c->schema && oid >= 16384 && i < c->schema->nenums; i++) {
		const struct xlat_enum *e = &c->schema->enums[i];
		if (e->oid == oid || e->array_oid == oid) {
			if (array)
				*array = e->array_oid == oid;
			return e;
		}
	}
	return NULL;
}

/* The name as format_type prints it: quoted unless it is a plain lower-case identifier. */
const char *xlat_enum_display(struct xlat_ctx *c, const char *name)
{
	bool plain = name[0] && !(name[0] >= '0' && name[0] <= '9');
	for (const char *p = name; plain && *p; p++)
		plain = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
	if (plain)
		return name;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_put_quoted(&sb, name, '"');
	const char *s = arena_strdup(c->a, sb.data ? sb.data : "\"\"");
	strbuf_fini(&sb);
	return s;
}

const struct xlat_typeinfo *xlat_enum_typeinfo(struct xlat_ctx *c, const struct xlat_enum *e)
{
	struct xlat_typeinfo *ti = arena_zalloc(c->a, sizeof(*ti));
	*ti = (struct xlat_typeinfo){e->name, e->oid, e->array_oid, xlat_enum_display(c, e->name),
				     XLAT_ST_TEXT, XLAT_TMOD_NONE};
	return ti;
}

/* The SQLite declared type of a column of e: the name quoted whole ("mood[]" for an array),
 * which SQLite keeps unquoted as the column's type, so the catalog reads it back as is. */
const char *xlat_enum_decl(struct xlat_ctx *c, const struct xlat_enum *e, bool array)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	const char *name = array ? arena_printf(c->a, "%s[]", e->name) : e->name;
	strbuf_put_quoted(&sb, name, '"');
	const char *s = arena_strdup(c->a, sb.data ? sb.data : "\"\"");
	strbuf_fini(&sb);
	return s;
}

const char *xlat_enum_args_text(struct xlat_ctx *c, const struct xlat_enum *e)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, ", ");
	strbuf_put_quoted(&sb, xlat_enum_display(c, e->name), '\'');
	for (size_t i = 0; i < e->nlabels; i++) {
		strbuf_puts(&sb, ", ");
		strbuf_put_quoted(&sb, e->labels[i], '\'');
	}
	const char *s = arena_strdup(c->a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return s;
}

void xlat_enum_args(struct xlat_ctx *c, const struct xlat_enum *e)
{
	xlat_puts(c, xlat_enum_args_text(c, e));
}

const char *xlat_enum_collation(struct xlat_ctx *c, uint32_t oid)
{
	bool array = false;
	const struct xlat_enum *e = xlat_enum_by_oid(c, oid, &array);
	if (!e || array || !e->nlabels)
		return NULL;
	/* a CHECK or index kept in the file would need the collation in every SQLite tool; a view
	 * keeps it (only a tool reading that view misses it) */
	if (c->st->is_ddl && !c->dry && strcmp(c->st->tag ? c->st->tag : "", "CREATE VIEW") != 0)
		c->enum_order_ddl = true;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, " COLLATE pgfn_enum_"); /* PGFN_ENUM_COLLATION_PREFIX, include/pgfn.h */
	for (size_t i = 0; i < e->nlabels; i++) {
		strbuf_puts(&sb, i ? "_" : "");
		for (const unsigned char *p = (const unsigned char *)e->labels[i]; *p; p++)
			strbuf_printf(&sb, "%02x", *p);
	}
	const char *s = arena_strdup(c->a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return s;
}

bool xlat_enum_collate(struct xlat_ctx *c, uint32_t oid)
{
	const char *coll = xlat_enum_collation(c, oid);
	if (coll)
		xlat_puts(c, coll);
	return coll != NULL;
}

void xlat_enum_sort_key(struct xlat_ctx *c, size_t mark, uint32_t oid)
{
	bool array = false;
	const struct xlat_enum *e = xlat_enum_by_oid(c, oid, &array);
	if (!e || array || !e->nlabels)
		return;
	xlat_insert_at(c, mark, "CASE ");
	for (size_t i = 0; i < e->nlabels; i++) {
		xlat_puts(c, " WHEN ");
		xlat_string(c, e->labels[i]);
		xlat_printf(c, " THEN %zu", i);
	}
	xlat_puts(c, " END");
}

static int label_index(const struct xlat_enum *e, const char *label);

/* `expr::enum` and a literal read as an enum: the value checked against the labels. */
bool xlat_enum_input(struct xlat_ctx *c, const PgQuery__Node *arg, const struct xlat_enum *e,
		     struct xlat_type *t)
{
	struct xlat_type at;
	*t = (struct xlat_type){e->oid, -1};
	if (!xlat_checks_on(c)) { /* DDL (a DEFAULT): the file's schema names no function */
		const PgQuery__Node *lit = arg;
		while (lit->node_case == NODE(TYPE_CAST))
			lit = lit->type_cast->arg;
		bool label = lit->node_case == NODE(A_CONST) && !lit->a_const->isnull &&
			     lit->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
		const char *s = label ? lit->a_const->sval->sval : NULL;
		for (size_t i = 0; s && i < e->nlabels; i++) {
			if (strcmp(e->labels[i], s) == 0)
				return xlat_expr(c, lit, &at);
		}
		if (s)
			return xlat_fail(c, "22P02", -1, "invalid input value for enum %s: \"%s\"",
					 xlat_enum_display(c, e->name), s);
		if (lit->node_case == NODE(A_CONST) && lit->a_const->isnull)
			return xlat_expr(c, lit, &at);
	} /* a computed value (ALTER COLUMN ... TYPE USING): checked row by row */
	/* a literal: PostgreSQL's parser reads it, so a label the type lacks is 22P02 at its
	 * position even where no row is read (WHERE e = 'x' over no rows) */
	bool label = arg->node_case == NODE(A_CONST) && !arg->a_const->isnull &&
		     arg->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
	if (label && label_index(e, arg->a_const->sval->sval) < 0)
		return xlat_fail(c, "22P02", arg->a_const->location,
				 "invalid input value for enum %s: \"%s\"",
				 xlat_enum_display(c, e->name), arg->a_const->sval->sval);
	xlat_puts(c, "pgfn_enum_in(");
	if (arg->node_case == NODE(PARAM_REF)) {
		if (!xlat_param(c, arg->param_ref->number, e->oid, arg->param_ref->location))
			return false;
		xlat_printf(c, "?%d", arg->param_ref->number);
	} else if (!xlat_expr(c, arg, &at)) {
		return false;
	}
	xlat_enum_args(c, e);
	xlat_puts(c, ")");
	*t = (struct xlat_type){e->oid, -1};
	return true;
}

bool xlat_enum_array_input(struct xlat_ctx *c, const PgQuery__Node *arg,
			   const struct xlat_enum *e, struct xlat_type *t)
{
	struct xlat_type at;
	*t = (struct xlat_type){e->array_oid, -1};
	xlat_puts(c, "pgfn_enum_array_in(");
	if (!xlat_expr(c, arg, &at))
		return false;
	xlat_enum_args(c, e);
	xlat_puts(c, ")");
	return true;
}

/* The type of ORDER BY item n: a result column by position or name, else a column of FROM. */
/* The name PostgreSQL gives an output column without AS where ORDER BY may name it: a
 * column's (t.a: a), also through a cast (a::text: a). NULL for others. */
static const char *implicit_name(const PgQuery__Node *v)
{
	while (v && v->node_case == NODE(TYPE_CAST))
		v = v->type_cast->arg;
	if (!v || v->node_case != NODE(COLUMN_REF) || !v->column_ref->n_fields)
		return NULL;
	return xlat_node_str(v->column_ref->fields[v->column_ref->n_fields - 1]);
}

static uint32_t sort_type(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
			  const struct xlat_shape *shape, const PgQuery__Node *n)
{
	if (n->node_case == NODE(A_CONST) && n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
		int k = n->a_const->ival->ival;
		return shape && !shape->star && k >= 1 && (size_t)k <= shape->n
			       ? shape->types[k - 1].oid
			       : 0;
	}
	if (n->node_case != NODE(COLUMN_REF) && xlat_range_node_type(n))
		return xlat_range_node_type(n); /* ORDER BY int4range(a, b) */
	if (n->node_case != NODE(COLUMN_REF)) { /* ORDER BY coalesce(a, 'x') of a citext a */
		struct xlat_type t = {0, -1};
		bool ok = xlat_scope_dry_expr(c, n, &t);
		pgerr_clear(c->err);
		return ok && t.oid == XLAT_OID_CITEXT ? t.oid : 0;
	}
	const PgQuery__ColumnRef *cr = n->column_ref;
	const char *name = cr->n_fields == 1 ? xlat_node_str(cr->fields[0]) : NULL;
	for (size_t i = 0; name && shape && !shape->star && i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		const char *shown = rt->name ? rt->name : implicit_name(rt->val);
		if (i < shape->n && shown && strcmp(shown, name) == 0)
			return shape->types[i].oid;
	}
	return xlat_scope_column_type(c, cr).oid;
}

const char *xlat_order_collation(struct xlat_ctx *c, uint32_t oid)
{
	return xlat_net_type(oid)               ? " COLLATE pgfn_inet"
	       : xlat_range_collation(oid, oid) ? xlat_range_collation(oid, oid)
	       : xlat_ts_collation(oid, oid)    ? xlat_ts_collation(oid, oid)
	       : xlat_array_elem(oid)           ? xlat_array_collation(oid, oid, NULL)
	       : oid == XLAT_OID_JSONB          ? xlat_jsonb_collation(oid, oid, NULL)
	       : oid == XLAT_OID_INTERVAL       ? " COLLATE pgfn_interval" /* pgfn_dtarith.c */
	       : oid == XLAT_OID_TIMETZ         ? " COLLATE pgfn_timetz"
	       : oid == XLAT_OID_CHAR           ? " COLLATE pgfn_char" /* xlat_char.c */
	       : oid == XLAT_OID_CITEXT         ? " COLLATE NOCASE"    /* xlat_citext.c */
						: xlat_enum_collation(c, oid);
}

/* ORDER BY x::type (xlat_citext.c): citext's order for a cast to citext, the bytes' for a cast
 * of a citext to a string type, where the column's own NOCASE, which SQLite's CAST passes on,
 * would decide. NULL for another key. */
static const char *cast_sort_collation(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
				       const struct xlat_shape *shape, const PgQuery__Node *n)
{
	if (n->node_case != NODE(TYPE_CAST) || !n->type_cast->type_name ||
	    n->type_cast->type_name->n_array_bounds || !n->type_cast->type_name->n_names)
		return NULL;
	const PgQuery__TypeName *tn = n->type_cast->type_name;
	const char *name = xlat_node_str(tn->names[tn->n_names - 1]);
	if (!name)
		return NULL;
	if (strcmp(name, "citext") == 0)
		return " COLLATE NOCASE";
	if (strcmp(name, "text") != 0 && strcmp(name, "varchar") != 0 &&
	    strcmp(name, "bpchar") != 0 && strcmp(name, "name") != 0)
		return NULL;
	const PgQuery__Node *arg = n->type_cast->arg;
	bool citext = cast_sort_collation(c, s, shape, arg) != NULL &&
		      strcmp(cast_sort_collation(c, s, shape, arg), " COLLATE NOCASE") == 0;
	if (!citext && arg->node_case == NODE(COLUMN_REF))
		citext = sort_type(c, s, shape, arg) == XLAT_OID_CITEXT;
	return citext ? " COLLATE BINARY" : NULL;
}

const char **xlat_enum_sort_colls(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
				  const struct xlat_shape *shape, bool *refused)
{
	*refused = false;
	if (!c->schema || !s->n_sort_clause)
		return NULL;
	const char **v = arena_zalloc(c->a, s->n_sort_clause * sizeof(*v));
	bool any = false;
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		const PgQuery__Node *n = s->sort_clause[i];
		uint32_t oid = n->node_case == NODE(SORT_BY) ? sort_type(c, s, shape, n->sort_by->node)
							     : 0;
		if (!xlat_sortable(c, (struct xlat_type){oid, -1},
				   n->node_case == NODE(SORT_BY)
					   ? xlat_tree_location(&n->sort_by->node->base)
					   : -1)) {
			*refused = true; /* ORDER BY an xid or a json value: 42883 */
			return NULL;
		}
		const char *rec = oid >= 16384 ? xlat_comptype_collation(c, oid) : NULL;
		if (!rec && oid >= 16384 && xlat_comptype_of_oid(c, oid)) { /* by its fields */
			*refused = !xlat_unsupported(c, n->sort_by->location,
						     "ORDER BY a composite value with an attribute "
						     "of this type");
			return NULL;
		}
		if (n->node_case == NODE(SORT_BY))
			v[i] = rec    ? rec
			       : !oid ? cast_sort_collation(c, s, shape, n->sort_by->node)
				      : xlat_order_collation(c, oid);
		any |= v[i] != NULL;
	}
	return any ? v : NULL;
}

/* ---- enums of earlier statements of the same input ---- */

uint32_t xlat_derived_oid(const char *kind, const char *name)
{
	uint32_t h = 2166136261u;
	const char *parts[] = {kind, name, ""};
	for (size_t i = 0; i < ARRAY_LEN(parts); i++) {
		for (const char *s = parts[i]; *s; s++)
			h = (h ^ (uint8_t)*s) * 16777619u;
		h = (h ^ 0xff) * 16777619u;
	}
	return 16384u + h % (0x7fffffffu - 16384u + 1);
}

static uint32_t type_oid(const char *name) { return xlat_derived_oid("type", name); }

/* The pending entry of name (added as a copy of the schema's, or new), for a change. */
static struct xlat_enum *pending(struct xlat_ctx *c, const char *name)
{
	for (size_t i = 0; i < c->npending_enums; i++) {
		if (strcmp(c->pending_enums[i].name, name) == 0)
			return &c->pending_enums[i];
	}
	const struct xlat_enum *had = xlat_enum_by_name(c, name);
	struct xlat_enum *v = arena_zalloc(c->a, (c->npending_enums + 1) * sizeof(*v));
	if (c->npending_enums)
		memcpy(v, c->pending_enums, c->npending_enums * sizeof(*v));
	c->pending_enums = v;
	struct xlat_enum *e = &v[c->npending_enums++];
	if (had)
		*e = *had;
	e->name = arena_strdup(c->a, name);
	return e;
}

/* Labels of e with label inserted at position at. */
static void insert_label(struct xlat_ctx *c, struct xlat_enum *e, const char *label, size_t at)
{
	const char **v = arena_zalloc(c->a, (e->nlabels + 1) * sizeof(*v));
	for (size_t i = 0, k = 0; i <= e->nlabels; i++)
		v[i] = i == at ? arena_strdup(c->a, label) : e->labels[k++];
	e->labels = v;
	e->nlabels++;
}

static void pending_create(struct xlat_ctx *c, const PgQuery__CreateEnumStmt *s, const char *name)
{
	struct xlat_enum *e = pending(c, name);
	e->oid = type_oid(name);
	e->array_oid = type_oid(arena_printf(c->a, "_%s", name));
	e->labels = NULL;
	e->nlabels = 0;
	e->nusers = 0;
	for (size_t i = 0; i < s->n_vals; i++) {
		const char *label = xlat_node_str(s->vals[i]);
		if (label)
			insert_label(c, e, label, e->nlabels);
	}
}

/* ADD VALUE / RENAME VALUE as the writer will apply them (no checks: it makes those). */
static void pending_alter(struct xlat_ctx *c, const PgQuery__AlterEnumStmt *s, const char *name)
{
	if (!xlat_enum_by_name(c, name))
		return;
	struct xlat_enum *e = pending(c, name);
	int at = -1;
	const char *nbr = s->old_val && *s->old_val ? s->old_val : s->new_val_neighbor;
	for (size_t i = 0; nbr && *nbr && i < e->nlabels; i++)
		at = strcmp(e->labels[i], nbr) == 0 ? (int)i : at;
	for (size_t i = 0; i < e->nlabels; i++) {
		if (strcmp(e->labels[i], s->new_val) == 0)
			return; /* IF NOT EXISTS, or the writer's 42710 */
	}
	if (s->old_val && *s->old_val) {
		if (at >= 0) {
			const char **v = arena_zalloc(c->a, e->nlabels * sizeof(*v));
			memcpy(v, e->labels, e->nlabels * sizeof(*v));
			v[at] = arena_strdup(c->a, s->new_val);
			e->labels = v;
		}
		return;
	}
	size_t pos = at < 0 ? e->nlabels : s->new_val_is_after ? (size_t)at + 1 : (size_t)at;
	insert_label(c, e, s->new_val, pos);
}

/* ---- CREATE / ALTER / DROP TYPE ---- */

/* The type a statement's object names (a name list or a TypeName); NULL with err set or not. */
static const char *object_type(struct xlat_ctx *c, const PgQuery__Node *o)
{
	if (o && o->node_case == NODE(LIST))
		return xlat_tenant_object_name(c, o->list->items, o->list->n_items, "type");
	if (o && o->node_case == NODE(TYPE_NAME))
		return xlat_tenant_object_name(c, o->type_name->names, o->type_name->n_names,
					       "type");
	return NULL;
}

bool xlat_stmt_create_enum(struct xlat_ctx *c, const PgQuery__CreateEnumStmt *s)
{
	const char *name = xlat_tenant_object_name(c, s->type_name, s->n_type_name, "type");
	if (!name)
		return false;
	xlat_sidecar_script(c, "CREATE TYPE");
	if (!xlat_enum_by_name(c, name))
		pending_create(c, s, name); /* later statements of the input may use it */
	xlat_puts(c, SIDECAR_ENUMS "; SELECT shardlite_enum('create', ");
	xlat_string(c, name);
	for (size_t i = 0; i < s->n_vals; i++) {
		const char *label = xlat_node_str(s->vals[i]);
		if (!label)
			return xlat_unsupported(c, -1, "this enum label");
		xlat_puts(c, ", ");
		xlat_string(c, label);
	}
	xlat_puts(c, ")" SCHEMA_BUMP);
	return true;
}

/* RENAME VALUE also renames the stored values: they are the labels' texts. */
/* Whether user i of e (e->tables[i].e->columns[i]) is declared with e's array type. */
static bool user_is_array(struct xlat_ctx *c, const struct xlat_enum *e, size_t i)
{
	const struct xlat_schema_col *cols = NULL;
	size_t n = 0;
	if (!c->schema || !c->schema->table_fn ||
	    !c->schema->table_fn(c->schema->arg, e->tables[i], c->a, &cols, &n))
		return false;
	const struct xlat_schema_col *col = xlat_scope_col(cols, n, e->columns[i]);
	return col && col->type_oid == e->array_oid;
}

/* RENAME VALUE rewrites the stored label, in plain columns and inside arrays of the enum. */
static void rename_values(struct xlat_ctx *c, const struct xlat_enum *e, const char *from,
			  const char *to)
{
	for (size_t i = 0; e && i < e->nusers; i++) {
		bool array = user_is_array(c, e, i);
		xlat_puts(c, "; UPDATE ");
		xlat_ident(c, e->tables[i]);
		xlat_puts(c, " SET ");
		xlat_ident(c, e->columns[i]);
		xlat_puts(c, array ? " = pgfn_enum_array_rename(" : " = ");
		if (array) {
			xlat_ident(c, e->columns[i]);
			xlat_puts(c, ", ");
			xlat_string(c, from);
			xlat_puts(c, ", ");
		}
		xlat_string(c, to);
		xlat_puts(c, array ? ") WHERE " : " WHERE ");
		xlat_ident(c, e->columns[i]);
		if (array) {
			xlat_puts(c, " IS NOT NULL");
			continue;
		}
		xlat_puts(c, " = ");
		xlat_string(c, from);
	}
}

bool xlat_stmt_alter_enum(struct xlat_ctx *c, const PgQuery__AlterEnumStmt *s)
{
	const char *name = xlat_tenant_object_name(c, s->type_name, s->n_type_name, "type");
	if (!name)
		return false;
	xlat_sidecar_script(c, "ALTER TYPE");
	xlat_puts(c, SIDECAR_ENUMS "; SELECT shardlite_enum(");
	bool rename = s->old_val && *s->old_val;
	xlat_puts(c, rename ? "'rename_value', " : "'add', ");
	xlat_string(c, name);
	if (rename) {
		xlat_puts(c, ", ");
		xlat_string(c, s->old_val);
	}
	xlat_puts(c, ", ");
	xlat_string(c, s->new_val);
	if (!rename) {
		xlat_puts(c, ", ");
		if (s->new_val_neighbor && *s->new_val_neighbor)
			xlat_string(c, s->new_val_neighbor);
		else
			xlat_puts(c, "NULL");
		xlat_printf(c, ", %d, %d", s->new_val_is_after ? 1 : 0,
			    s->skip_if_new_val_exists ? 1 : 0);
	}
	xlat_puts(c, ")");
	bool refit = xlat_enumrefit_available(c); /* the indexes made again (xlat_enumrefit.c) */
	xlat_enumpred_guard(c, name, rename ? "RENAME VALUE" : "ADD VALUE", !refit);
	if (rename)
		rename_values(c, xlat_enum_by_name(c, name), s->old_val, s->new_val);
	else if (s->skip_if_new_val_exists)
		xlat_skip_note(c, "enum label", name, s->new_val, true);
	xlat_puts(c, SCHEMA_BUMP);
	pending_alter(c, s, name);
	return !refit || !xlat_enum_by_name(c, name) ||
	       xlat_enumrefit(c, name, rename ? s->old_val : NULL, s->new_val);
}

/* DROP TYPE without CASCADE: PostgreSQL's 2BP01 naming every column that uses the type. */
static bool dependents(struct xlat_ctx *c, const struct xlat_enum *e)
{
	const char *shown = xlat_enum_display(c, e->name);
	xlat_fail(c, "2BP01", -1, "cannot drop type %s because other objects depend on it", shown);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < e->nusers; i++)
		strbuf_printf(&sb, "%scolumn %s of table %s depends on type %s", i ? "\n" : "",
			      e->columns[i], e->tables[i], shown);
	pgerr_detail(c->err, "%s", sb.data ? sb.data : "");
	strbuf_fini(&sb);
	pgerr_hint(c->err, "Use DROP ... CASCADE to drop the dependent objects too.");
	return false;
}

/* DROP TYPE ... CASCADE's NOTICE in PostgreSQL's order: the columns of the enum's array type
 * (a dependent of the enum found first), then the enum's own, the tables as they were made
 * and each one's columns last first. */
static void cascade_notes(struct xlat_ctx *c, const struct xlat_enum *e)
{
	for (int array = 1; array >= 0; array--) {
		for (size_t k = 0, end; k < e->nusers; k = end) {
			for (end = k + 1; end < e->nusers && strcmp(e->tables[end], e->tables[k]) == 0;)
				end++;
			for (size_t j = end; j-- > k;)
				if (user_is_array(c, e, j) == (array == 1))
					xlat_skip_note(c, "cascade", NULL,
						       arena_printf(c->a, "column %s of table %s",
								    e->columns[j], e->tables[j]),
						       true);
		}
	}
}

bool xlat_drop_types(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	bool cascade = s->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
	xlat_sidecar_script(c, "DROP TYPE");
	xlat_puts(c, SIDECAR_ENUMS);
	for (size_t i = 0; i < s->n_objects; i++) {
		const PgQuery__Node *o = s->objects[i];
		const char *name = object_type(c, o);
		if (!name)
			return pgerr_is_set(c->err) ? false : xlat_unsupported(c, -1, "this DROP TYPE");
		const struct xlat_enum *e = xlat_enum_by_name(c, name);
		if (!e && xlat_comptype_is_type(c, name)) { /* a composite type's own writer */
			if (!xlat_comptype_drop(c, name, s->missing_ok, cascade))
				return false;
			continue;
		}
		if (s->missing_ok)
			xlat_skip_note(c, "type", NULL, name, false);
		const struct xlat_domain *over = e && !c->earlier_ddl ? xlat_domain_over(c, name) : NULL;
		if (over && cascade)
			return xlat_unsupported(c, -1, "DROP TYPE ... CASCADE of an enum a domain is over");
		if (over) {
			const char *shown = xlat_enum_display(c, name);
			xlat_fail(c, "2BP01", -1,
				  "cannot drop type %s because other objects depend on it", shown);
			pgerr_detail(c->err, "type %s depends on type %s",
				     xlat_enum_display(c, over->name), shown);
			pgerr_hint(c->err, "Use DROP ... CASCADE to drop the dependent objects too.");
			return false;
		}
		/* after other DDL of the same input the schema may be stale: the writer checks */
		if (e && e->nusers && !cascade && !c->earlier_ddl)
			return dependents(c, e);
		for (size_t k = 0; e && cascade && k < e->nusers; k++) { /* CASCADE: the columns */
			xlat_puts(c, "; ALTER TABLE ");
			xlat_ident(c, e->tables[k]);
			xlat_puts(c, " DROP COLUMN ");
			xlat_ident(c, e->columns[k]);
		}
		if (e && cascade)
			cascade_notes(c, e);
		xlat_puts(c, "; SELECT shardlite_enum('drop', ");
		xlat_string(c, name);
		xlat_printf(c, ", %d)", s->missing_ok ? 1 : 0);
		if (e)
			pending(c, name)->oid = 0; /* gone for the input's later statements */
	}
	xlat_puts(c, SCHEMA_BUMP);
	return true;
}

/* ALTER TYPE t OWNER TO role (pg_dump writes one per type): every object of a tenant belongs to
 * the session user, so naming that user (or CURRENT_USER and its kin) changes nothing. */
bool xlat_enum_owner(struct xlat_ctx *c, const PgQuery__AlterOwnerStmt *s)
{
	const char *name = object_type(c, s->object);
	if (!name)
		return pgerr_is_set(c->err) ? false : xlat_unsupported(c, -1, "this ALTER TYPE");
	c->st->kind = XLAT_SCRIPT;
	c->st->tag = "ALTER TYPE";
	c->st->writes = c->st->is_ddl = true;
	xlat_nocache(c);
	xlat_puts(c, SIDECAR_ENUMS "; SELECT shardlite_enum('owner', ");
	xlat_string(c, name);
	xlat_puts(c, ", ");
	if (!xlat_owner_role(c, s->newowner))
		return false;
	xlat_puts(c, ")");
	return true;
}

/* RENAME TO of an enum that columns use: each column declared with the new name first (a
 * value-keeping type change the shard makes in place when the declared type's affinity stays,
 * else by a rebuild), then the sidecar's rename, which no column holds back any more — one
 * rebuild chain, all or none. */
static bool rename_used(struct xlat_ctx *c, const struct xlat_enum *e, const char *to)
{
	size_t n = e->nusers;
	struct xlat_rebuild *v = arena_zalloc(c->a, (n + 1) * sizeof(*v));
	struct xlat_enum renamed = *e;
	renamed.name = to;
	for (size_t i = 0; i < n; i++) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_put_quoted(&sb, e->columns[i], '"');
		v[i].kind = XLAT_RB_ALTER_TYPE;
		v[i].table = e->tables[i];
		v[i].column = e->columns[i];
		v[i].decl = xlat_enum_decl(c, &renamed, user_is_array(c, e, i));
		v[i].convert = arena_strdup(c->a, sb.data ? sb.data : "\"\"");
		v[i].keep_rows = true; /* only the name changes: views over the column stay */
		v[i].enum_from = arena_strdup(c->a, e->name); /* a CHECK's marks and casts */
		v[i].enum_to = arena_strdup(c->a, to);
		v[i].next = &v[i + 1];
		strbuf_fini(&sb);
	}
	v[n].kind = XLAT_RB_SCRIPT;
	v[n].table = e->tables[0];
	v[n].script = arena_strndup(c->a, c->sb->data ? c->sb->data : "", c->sb->len);
	strbuf_reset(c->sb);
	c->st->kind = XLAT_REBUILD;
	c->st->rebuild = &v[0];
	return true;
}

bool xlat_rename_type(struct xlat_ctx *c, const PgQuery__RenameStmt *s)
{
	const char *name = object_type(c, s->object);
	if (!name)
		return pgerr_is_set(c->err) ? false : xlat_unsupported(c, -1, "this ALTER TYPE");
	xlat_sidecar_script(c, "ALTER TYPE");
	if (!xlat_enum_by_name(c, name) && xlat_comptype_is_type(c, name)) {
		xlat_comptype_rename(c, name, s->newname);
		return true;
	}
	if (xlat_domain_over(c, name)) /* its row names the enum */
		return xlat_unsupported(c, -1, "ALTER TYPE ... RENAME TO of an enum a domain is over");
	xlat_puts(c, SIDECAR_ENUMS "; SELECT shardlite_enum('rename', ");
	xlat_string(c, name);
	xlat_puts(c, ", ");
	xlat_string(c, s->newname);
	xlat_puts(c, ")");
	const struct xlat_enum *e = xlat_enum_by_name(c, name);
	/* after other DDL of the same input the users may be stale: the catalog refuses then */
	bool used = e && e->nusers && !c->earlier_ddl;
	/* the tenant's indexes that order the enum are made again with the new name (the
	 * script runs after the columns are declared with it); a temporary one refuses */
	bool refit = used && xlat_enumrefit_available(c);
	if (refit && !xlat_enumrefit_rename(c, name, s->newname))
		return false;
	xlat_enumpred_guard(c, name, "RENAME TO", !refit);
	xlat_puts(c, SCHEMA_BUMP);
	if (used)
		return rename_used(c, e, s->newname);
	return true;
}

/* ---- enum_first, enum_last, enum_range ---- */

/* The enum an argument is of (enum_first(NULL::mood)), from a dry run of the argument. */
static const struct xlat_enum *arg_enum(struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct xlat_type t = {0, -1};
	if (!xlat_scope_dry_expr(c, n, &t))
		return NULL;
	return xlat_enum_by_oid(c, t.oid, NULL);
}

static void array_text(struct xlat_ctx *c, const struct xlat_enum *e, size_t from, size_t to)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "{");
	for (size_t i = from; i < to; i++) {
		const char *l = e->labels[i];
		bool quote = !*l || strpbrk(l, "{}\",\\ \t\n") || strcasecmp(l, "null") == 0;
		strbuf_puts(&sb, i > from ? "," : "");
		if (!quote) {
			strbuf_puts(&sb, l);
			continue;
		}
		strbuf_puts(&sb, "\"");
		for (const char *p = l; *p; p++)
			strbuf_printf(&sb, "%s%c", *p == '"' || *p == '\\' ? "\\" : "", *p);
		strbuf_puts(&sb, "\"");
	}
	strbuf_puts(&sb, "}");
	xlat_string(c, sb.data ? sb.data : "{}");
	strbuf_fini(&sb);
}

static int label_index(const struct xlat_enum *e, const char *label)
{
	for (size_t i = 0; label && i < e->nlabels; i++) {
		if (strcmp(e->labels[i], label) == 0)
			return (int)i;
	}
	return -1;
}

/* enum_range(a, b) with constant bounds (NULL: open); others are refused. */
static int range2(struct xlat_ctx *c, const PgQuery__FuncCall *f, const struct xlat_enum *e)
{
	int lo = 0, hi = (int)e->nlabels - 1;
	for (int k = 0; k < 2; k++) {
		const PgQuery__Node *a = f->args[k];
		if (a->node_case == NODE(TYPE_CAST))
			a = a->type_cast->arg;
		if (a->node_case != NODE(A_CONST)) {
			xlat_unsupported(c, f->location, "enum_range with computed bounds");
			return -1;
		}
		if (a->a_const->isnull)
			continue;
		const char *s = xlat_const_value(c, a)->val_case == PG_QUERY__A__CONST__VAL_SVAL
					? a->a_const->sval->sval
					: NULL;
		int i = label_index(e, s);
		if (i < 0) {
			xlat_fail(c, "22P02", -1, "invalid input value for enum %s: \"%s\"",
				  xlat_enum_display(c, e->name), s ? s : "");
			return -1;
		}
		if (k == 0)
			lo = i;
		else
			hi = i;
	}
	array_text(c, e, (size_t)lo, hi >= lo ? (size_t)hi + 1 : (size_t)lo);
	return 1;
}

int xlat_enum_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		   struct xlat_type *t)
{
	bool first = strcmp(name, "enum_first") == 0, last = strcmp(name, "enum_last") == 0;
	bool range = strcmp(name, "enum_range") == 0;
	if ((!first && !last && !range) || f->n_args < 1 || f->n_args > (range ? 2u : 1u))
		return 0;
	const struct xlat_enum *e = arg_enum(c, f->args[0]);
	if (!e && f->n_args == 2)
		e = arg_enum(c, f->args[1]);
	if (!e)
		return pgerr_is_set(c->err) ? -1 : 0;
	xlat_nocache(c); /* the argument is not written: the labels are */
	if (range) {
		*t = (struct xlat_type){e->array_oid, -1};
		if (f->n_args == 2)
			return range2(c, f, e);
		array_text(c, e, 0, e->nlabels);
		return 1;
	}
	*t = (struct xlat_type){e->oid, -1};
	if (!e->nlabels)
		xlat_puts(c, "NULL");
	else
		xlat_string(c, e->labels[first ? 0 : e->nlabels - 1]);
	return 1;
}
