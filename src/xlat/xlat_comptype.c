/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_comptype.c: composite types as types — CREATE TYPE name AS (a int, b text), a script
 * calling the catalog's writer (shardlite_comptype, over the sidecar `_shardlite_comptypes`);
 * a composite type (or a table's or view's row type) named as a column's or a cast's type; and
 * a value of one, kept as record_out's text, put into that form on the way in by
 * pgfn_record_in with the attributes' types (a cast, a value stored into a column). Reading a
 * field back, (x).f, is xlat_composite.c's. */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

#define SIDECAR_COMPTYPES                                                                   \
	"CREATE TABLE IF NOT EXISTS _shardlite_comptypes (type_name TEXT NOT NULL, attnum " \
	"INTEGER NOT NULL, attname TEXT, atttype TEXT, PRIMARY KEY (type_name, attnum))"
/* The attributes are part of every session's schema: moving schema_version makes each read
 * them again (a sidecar row alone leaves it where it is) */
#define SCHEMA_BUMP                                                                              \
	"; DROP INDEX IF EXISTS _shardlite_comptypes_v; CREATE INDEX _shardlite_comptypes_v ON " \
	"_shardlite_comptypes (attnum)"

const struct xlat_pending_comptype *xlat_comptype_pending(struct xlat_ctx *c, const char *name,
							  uint32_t oid)
{
	for (size_t i = c->npending_comptypes; i-- > 0;) {
		const struct xlat_pending_comptype *p = &c->pending_comptypes[i];
		if (name ? strcmp(p->name, name) == 0 : oid && p->oid == oid)
			return p->oid ? p : NULL;
	}
	return NULL;
}

/* Whether an earlier statement of the input dropped name (its pending entry is oid 0). */
static bool pending_dropped(struct xlat_ctx *c, const char *name)
{
	for (size_t i = c->npending_comptypes; i-- > 0;) {
		if (strcmp(c->pending_comptypes[i].name, name) == 0)
			return !c->pending_comptypes[i].oid;
	}
	return false;
}

static void pending_add(struct xlat_ctx *c, const char *name, uint32_t oid,
			struct xlat_schema_col *cols, size_t n)
{
	struct xlat_pending_comptype *v =
		arena_zalloc(c->a, (c->npending_comptypes + 1) * sizeof(*v));
	if (c->npending_comptypes)
		memcpy(v, c->pending_comptypes, c->npending_comptypes * sizeof(*v));
	v[c->npending_comptypes++] =
		(struct xlat_pending_comptype){arena_strdup(c->a, name), oid, cols, n};
	c->pending_comptypes = v;
}

uint32_t xlat_comptype_oid(struct xlat_ctx *c, const char *name, const char **rel)
{
	const struct xlat_pending_comptype *p = name ? xlat_comptype_pending(c, name, 0) : NULL;
	if (p || (name && pending_dropped(c, name))) {
		if (p && rel)
			*rel = p->name;
		return p ? p->oid : 0;
	}
	const struct xlat_schema *s = c->schema;
	uint32_t oid = s && s->rowtype_fn && name ? s->rowtype_fn(s->arg, name, 0, NULL) : 0;
	if (oid && rel)
		(void)s->rowtype_fn(s->arg, NULL, oid, rel); /* as the file spells it */
	return oid;
}

bool xlat_comptype_is_type(struct xlat_ctx *c, const char *name)
{
	const struct xlat_schema *s = c->schema;
	if (xlat_comptype_pending(c, name, 0))
		return true;
	return xlat_comptype_oid(c, name, NULL) && s->relkind_fn &&
	       s->relkind_fn(s->arg, name) == 'c';
}

const struct xlat_typeinfo *xlat_comptype_typeinfo(struct xlat_ctx *c, const char *name)
{
	const char *rel = NULL;
	uint32_t oid = xlat_comptype_oid(c, name, &rel);
	if (!oid || !rel || strcmp(rel, name) != 0) /* type names are case-sensitive */
		return NULL;
	struct xlat_typeinfo *ti = arena_zalloc(c->a, sizeof(*ti));
	*ti = (struct xlat_typeinfo){rel,
				     oid,
				     xlat_derived_oid("rowarray", rel),
				     xlat_enum_display(c, rel),
				     XLAT_ST_TEXT,
				     XLAT_TMOD_NONE};
	return ti;
}

bool xlat_comptype_of_oid(struct xlat_ctx *c, uint32_t oid)
{
	const char *rel;
	const struct xlat_schema_col *cols;
	size_t n;
	return xlat_composite_of(c, oid, &rel, &cols, &n);
}

uint32_t xlat_comptype_field_input(struct xlat_ctx *c, uint32_t oid)
{
	return !oid || xlat_enum_by_oid(c, oid, NULL) ||
			       (oid >= 16384 && xlat_comptype_of_oid(c, oid))
		       ? XLAT_OID_TEXT
		       : oid;
}

/* The array type's OID is derived from the relation's name as the catalog's pg_type row of
 * it is (catalog_rowarray_oid). */
uint32_t xlat_comptype_array_elem(struct xlat_ctx *c, uint32_t oid)
{
	if (oid < 16384)
		return 0;
	for (size_t i = c->npending_comptypes; i-- > 0;) {
		const struct xlat_pending_comptype *p = &c->pending_comptypes[i];
		if (xlat_derived_oid("rowarray", p->name) == oid)
			return p->oid;
	}
	const struct xlat_schema *s = c->schema;
	const char *rel = NULL;
	uint32_t elem = s && s->rowtype_fn ? s->rowtype_fn(s->arg, NULL, oid, &rel) : 0;
	return elem != oid && xlat_comptype_of_oid(c, elem) ? elem : 0;
}

uint32_t xlat_comptype_array_of(struct xlat_ctx *c, uint32_t oid)
{
	const char *rel;
	const struct xlat_schema_col *cols;
	size_t n;
	if (oid < 16384 || !xlat_composite_of(c, oid, &rel, &cols, &n))
		return 0;
	return xlat_derived_oid("rowarray", rel);
}

/* pgfn_record_in's description of attributes cols[0..n) appended to sb (pgfn_record.c): each
 * one's type and modifier; an enum's with its name and labels; a composite type's with its own
 * attributes (ROW_ATTR - their argument count). The number of arguments appended. */
enum { ROW_ATTR = -100000 };
static int attrs_spec(struct xlat_ctx *c, const struct xlat_schema_col *cols, size_t n,
		      struct strbuf *sb, int depth)
{
	int args = 0;
	for (size_t i = 0; i < n; i++, args += 2) {
		uint32_t t = cols[i].type_oid;
		bool array = false;
		const struct xlat_enum *e = t ? xlat_enum_by_oid(c, t, &array) : NULL;
		const char *rel;
		const struct xlat_schema_col *sub;
		size_t nsub;
		if (e && !array) { /* an enum's label, checked against its labels */
			strbuf_printf(sb, ", %u, %d%s", t, -2 - (int)e->nlabels,
				      xlat_enum_args_text(c, e));
			args += 1 + (int)e->nlabels;
			continue;
		}
		if (!e && depth < 8 && t >= 16384 && xlat_composite_of(c, t, &rel, &sub, &nsub)) {
			struct strbuf inner; /* a composite value: its own attributes */
			strbuf_init(&inner, 0);
			int m = attrs_spec(c, sub, nsub, &inner, depth + 1);
			strbuf_printf(sb, ", %u, %d", t, ROW_ATTR - m);
			strbuf_append(sb, inner.data ? inner.data : "", inner.len);
			strbuf_fini(&inner);
			args += m;
			continue;
		}
		/* an attribute pgtype has no input function for keeps its text */
		bool known = t && xlat_type_by_oid(t) && !e;
		strbuf_printf(sb, ", %u, %d", known ? t : XLAT_OID_TEXT,
			      known ? (int)cols[i].typmod : -1);
	}
	return args;
}

static const char *spec_of(struct xlat_ctx *c, uint32_t oid, bool explicit)
{
	const char *rel;
	const struct xlat_schema_col *cols;
	size_t n;
	if (!xlat_composite_of(c, oid, &rel, &cols, &n))
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, ", ");
	strbuf_put_quoted(&sb, rel, '\'');
	strbuf_puts(&sb, explicit ? ", 1" : ", 0");
	attrs_spec(c, cols, n, &sb, 0);
	const char *s = arena_strdup(c->a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return s;
}

const char *xlat_comptype_spec(struct xlat_ctx *c, uint32_t oid) { return spec_of(c, oid, false); }

/* A value of composite type oid made of arg: a row constructor's fields (or a whole row, t.*)
 * through record_out's text, any other value as text, both read by record_in. */
bool xlat_comptype_input(struct xlat_ctx *c, const PgQuery__Node *arg, uint32_t oid, int location,
			 bool explicit, struct xlat_type *t)
{
	const char *spec = xlat_comptype_spec(c, oid);
	if (!spec)
		return xlat_unsupported(c, location, "a value of this composite type");
	const char *rel;
	const struct xlat_schema_col *cols;
	size_t n;
	if (arg->node_case == NODE(ROW_EXPR) && xlat_composite_of(c, oid, &rel, &cols, &n) &&
	    arg->row_expr->n_args != n) { /* PostgreSQL's coerce_record_to_complex */
		xlat_fail(c, "42846", location, "cannot cast type record to %s",
			  xlat_enum_display(c, rel));
		pgerr_detail(c->err, "Input has too %s columns.",
			     arg->row_expr->n_args > n ? "many" : "few");
		return false;
	}
	struct xlat_type at;
	xlat_puts(c, "pgfn_record_in(");
	int row = xlat_row_text(c, arg, location);
	if (row < 0)
		return false;
	if (row && explicit) /* the fields cast as an explicit cast casts them */
		spec = spec_of(c, oid, true);
	if (!row && arg->node_case == NODE(PARAM_REF)) {
		if (!xlat_param(c, arg->param_ref->number, oid, arg->param_ref->location))
			return false;
		xlat_printf(c, "?%d", arg->param_ref->number);
	} else if (!row && !xlat_expr(c, arg, &at)) {
		return false;
	}
	xlat_puts(c, spec);
	xlat_puts(c, ")");
	*t = (struct xlat_type){oid, -1};
	return true;
}

bool xlat_comptype_array_input(struct xlat_ctx *c, const PgQuery__Node *arg, uint32_t oid,
			       struct xlat_type *t)
{
	struct xlat_type at;
	xlat_puts(c, "pgfn_record_array_in(");
	if (!xlat_expr(c, arg, &at))
		return false;
	xlat_printf(c, "%s)", spec_of(c, oid, true));
	*t = (struct xlat_type){xlat_comptype_array_of(c, oid), -1};
	return true;
}

int xlat_comptype_assign(struct xlat_ctx *c, uint32_t oid, const PgQuery__Node *n)
{
	if (n->node_case != NODE(ROW_EXPR) || oid < 16384 || !xlat_comptype_of_oid(c, oid))
		return 0;
	struct xlat_type t;
	return xlat_comptype_input(c, n, oid, n->row_expr->location, false, &t) ? 1 : -1;
}

static const char *row_aside(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t,
			     bool records)
{
	const struct xlat_schema_col *cols;
	size_t ncols;
	const char *rel = xlat_row_rel(c, n, &cols, &ncols);
	uint32_t oid = rel ? xlat_scope_row_type(c, rel) : 0;
	if (n->node_case == NODE(ROW_EXPR)) /* ROW(...): a record, for a row type's parameter */
		oid = XLAT_OID_RECORD;
	else if (!oid || (oid == XLAT_OID_RECORD && !records)) /* a subquery's row */
		return NULL;
	struct strbuf tmp, *saved = c->sb;
	strbuf_init(&tmp, 0);
	c->sb = &tmp;
	bool ok = xlat_row_text(c, n, xlat_tree_location(&n->base)) > 0;
	c->sb = saved;
	const char *out = ok ? arena_strndup(c->a, tmp.data ? tmp.data : "", tmp.len) : NULL;
	strbuf_fini(&tmp);
	*t = (struct xlat_type){oid, -1};
	return out;
}

const char *xlat_comptype_row_aside(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t)
{
	return row_aside(c, n, t, false);
}

const char *xlat_comptype_record_aside(struct xlat_ctx *c, const PgQuery__Node *n,
				       struct xlat_type *t)
{
	return row_aside(c, n, t, true);
}

int xlat_comptype_set_field(struct xlat_ctx *c, const struct xlat_schema_col *col,
			    const PgQuery__ResTarget *rt)
{
	const char *rel, *field = rt->n_indirection == 1 ? xlat_node_str(rt->indirection[0]) : NULL;
	const struct xlat_schema_col *fields;
	size_t n, k = 0;
	if (!col || !field || !xlat_composite_of(c, col->type_oid, &rel, &fields, &n))
		return 0;
	while (k < n && strcmp(fields[k].name, field) != 0)
		k++;
	if (k == n)
		return xlat_fail(
			       c, SQLSTATE_UNDEFINED_COLUMN, rt->location,
			       "cannot assign to field \"%s\" of column \"%s\" because there is no "
			       "such column in data type %s",
			       field, col->name, xlat_enum_display(c, rel))
			       ? 1
			       : -1;
	if (rt->val->node_case == NODE(SET_TO_DEFAULT) ||
	    rt->val->node_case == NODE(MULTI_ASSIGN_REF))
		return xlat_unsupported(c, rt->location, "this assignment to a field") ? 1 : -1;
	/* the column's value with field k replaced by the value's output text, read again as
	 * the type (its field's input function, modifiers) */
	struct xlat_type t;
	xlat_ident(c, col->name);
	xlat_puts(c, " = pgfn_record_in(pgfn_record_put(");
	xlat_ident(c, col->name);
	xlat_printf(c, ", %zu, %zu, ", n, k);
	if (!xlat_text_operand(c, rt->val, &t, XLAT_TF_OUTPUT))
		return -1;
	xlat_printf(c, ")%s)", xlat_comptype_spec(c, col->type_oid));
	return 1;
}

/* Whether equal values of row type oid have equal record_out texts: no attribute of a type whose
 * output differs for equal values (numeric's display scale, float's -0). */
static bool text_eq_exact(struct xlat_ctx *c, uint32_t oid)
{
	const char *rel;
	const struct xlat_schema_col *cols;
	size_t n;
	if (!xlat_composite_of(c, oid, &rel, &cols, &n))
		return false;
	for (size_t i = 0; i < n; i++) {
		uint32_t t = cols[i].type_oid;
		if (!t || t == XLAT_OID_NUMERIC || t == XLAT_OID_FLOAT4 || t == XLAT_OID_FLOAT8 ||
		    xlat_comptype_of_oid(c, t))
			return false;
	}
	return true;
}

/* How record_cmp orders an attribute of type t, as a letter of pgfn_reccmp.c's collation names:
 * 'n' by value, 't' byte by byte (the C collation; booleans and ISO times order so too), 'd'
 * and 's' a date's and a timestamp's value (BC and infinite ones too); 0 for a type whose text does not order as its values (timestamptz keeps the
 * zone it was made in, interval, ...). */
char xlat_comptype_field_order(uint32_t t)
{
	switch (t) {
	case XLAT_OID_INT2:
	case XLAT_OID_INT4:
	case XLAT_OID_INT8:
	case XLAT_OID_OID:
	case XLAT_OID_NUMERIC:
	case XLAT_OID_FLOAT4:
	case XLAT_OID_FLOAT8:
		return 'n';
	case XLAT_OID_TEXT:
	case XLAT_OID_VARCHAR:
	case XLAT_OID_BPCHAR:
	case XLAT_OID_NAME:
	case XLAT_OID_BOOL:
	case XLAT_OID_BYTEA:
	case XLAT_OID_UUID:
	case XLAT_OID_TIME:
		return 't';
	case XLAT_OID_DATE: /* by value: a BC or infinite one's text does not order so */
		return 'd';
	case XLAT_OID_TIMESTAMP:
		return 's';
	default:
		return 0;
	}
}

const char *xlat_comptype_collation(struct xlat_ctx *c, uint32_t oid)
{
	const char *rel;
	const struct xlat_schema_col *cols;
	size_t n;
	if (oid < 16384 || !xlat_composite_of(c, oid, &rel, &cols, &n))
		return NULL;
	/* PGFN_RECORD_COLLATION_PREFIX, include/pgfn.h */
	char *s = arena_zalloc(c->a, sizeof(" COLLATE pgfn_record_") + n);
	strcpy(s, " COLLATE pgfn_record_");
	char *p = s + strlen(s);
	for (size_t i = 0; i < n; i++) {
		if (!(*p++ = xlat_comptype_field_order(cols[i].type_oid)))
			return NULL;
	}
	return s;
}

/* Whether two row types (or a row type and another type) compare as record_cmp compares
 * them without looking at the values: the same attribute types in the same order. Values of
 * types whose attributes differ compare until the first pair that differs, where PostgreSQL
 * raises 42804 only if it reaches a pair of dissimilar types (or runs out of columns). */
static bool same_attrs(struct xlat_ctx *c, uint32_t a, uint32_t b)
{
	const char *rel;
	const struct xlat_schema_col *ca, *cb;
	size_t na, nb;
	if (a == b || a < 16384 || b < 16384 || !xlat_comptype_of_oid(c, a) ||
	    !xlat_comptype_of_oid(c, b))
		return true;
	if (!xlat_composite_of(c, a, &rel, &ca, &na) || !xlat_composite_of(c, b, &rel, &cb, &nb))
		return true;
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (ca[i].type_oid != cb[i].type_oid)
			return false;
	return true;
}

bool xlat_comptype_cmp(struct xlat_ctx *c, const char *op, struct xlat_type l, struct xlat_type r,
		       int location, const char **coll)
{
	uint32_t oid = l.oid >= 16384 && xlat_comptype_of_oid(c, l.oid)   ? l.oid
		       : r.oid >= 16384 && xlat_comptype_of_oid(c, r.oid) ? r.oid
									  : 0;
	*coll = NULL;
	if (!oid)
		return true;
	if (!same_attrs(c, l.oid, r.oid))
		return xlat_unsupported(c, location,
					"comparing values of composite types with different "
					"attributes");
	bool eq = strcmp(op, "=") == 0 || strcmp(op, "<>") == 0 || strcmp(op, "!=") == 0;
	if (eq && text_eq_exact(c, oid)) /* equal texts: a column's index still serves */
		return true;
	*coll = xlat_comptype_collation(c, oid);
	return *coll ||
	       xlat_unsupported(c, location,
				"comparing composite values with an attribute of this "
				"type (timestamptz, interval, an array, an enum or a row)");
}

bool xlat_comptype_grouped(struct xlat_ctx *c, struct xlat_type t, int location)
{
	if (t.oid < 16384 || !xlat_comptype_of_oid(c, t.oid) || text_eq_exact(c, t.oid))
		return true;
	const char *coll = xlat_comptype_collation(c, t.oid);
	if (coll)
		xlat_puts(c, coll);
	return coll || xlat_unsupported(c, location,
					"grouping composite values with an attribute of this type");
}

bool xlat_comptype_distinct_ok(struct xlat_ctx *c, struct xlat_type t)
{
	return t.oid < 16384 || !xlat_comptype_of_oid(c, t.oid) || text_eq_exact(c, t.oid) ||
	       xlat_unsupported(c, -1,
				"SELECT DISTINCT of a composite value with a numeric or "
				"floating-point attribute");
}

/* ---- CREATE TYPE name AS (...) ---- */

/* One attribute's declared type, as a column of that type declares it; only types whose
 * values pgtype reads and prints (built-in, not an array of a row) are taken. */
static const char *attr_type(struct xlat_ctx *c, const PgQuery__ColumnDef *cd,
			     struct xlat_schema_col *col)
{
	struct xlat_typeref r;
	if (!cd->type_name || !xlat_type_pseudo_check(c, cd->type_name, cd->colname) ||
	    !xlat_type_resolve(c, cd->type_name, &r))
		return NULL;
	if (r.domain) { /* record_in reads a field as its base type: the domain's constraints
			 * would go unchecked (PostgreSQL checks them in each value) */
		xlat_unsupported(c, cd->type_name->location,
				 "an attribute of a domain type in a composite type");
		return NULL;
	}
	if (r.serial) { /* serial is a column's shorthand, not a type */
		xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, cd->type_name->location,
			  "type \"%s\" does not exist",
			  xlat_node_str(cd->type_name->names[cd->type_name->n_names - 1]));
		return NULL;
	}
	/* an enum's or a composite type's (a table's row type is one too) */
	bool label = xlat_enum_by_oid(c, r.info->oid, NULL) && !r.is_array;
	bool row = !r.is_array && r.info->oid >= 16384 && xlat_comptype_of_oid(c, r.info->oid);
	if (!xlat_type_by_oid(r.info->oid) && !label && !row) {
		xlat_unsupported(c, cd->type_name->location,
				 "an attribute of an array of an enum or composite type in a "
				 "composite type");
		return NULL;
	}
	*col = (struct xlat_schema_col){
		.name = cd->colname, .type_oid = r.info->oid, .typmod = r.typmod};
	/* the sidecar keeps an enum's or a row type's name as it is (cat_enum_col and
	 * cat_rowtype_col read it), not quoted */
	return label ? xlat_enum_by_oid(c, r.info->oid, NULL)->name
	       : row ? r.info->typname
		     : xlat_type_format(c, &r);
}

bool xlat_stmt_create_comptype(struct xlat_ctx *c, const PgQuery__CompositeTypeStmt *s)
{
	const PgQuery__RangeVar *rv = s->typevar;
	if (!rv || !rv->relname)
		return xlat_unsupported(c, -1, "this CREATE TYPE");
	if (rv->schemaname && *rv->schemaname && strcmp(rv->schemaname, "public") != 0 &&
	    !(c->env && c->env->tenant && strcmp(rv->schemaname, c->env->tenant) == 0))
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "a type in schema \"%s\" is not supported", rv->schemaname);
	xlat_sidecar_script(c, "CREATE TYPE");
	struct xlat_schema_col *cols = arena_zalloc(c->a, (s->n_coldeflist + 1) * sizeof(*cols));
	xlat_puts(c, SIDECAR_COMPTYPES "; SELECT shardlite_comptype('create', ");
	xlat_string(c, rv->relname);
	for (size_t i = 0; i < s->n_coldeflist; i++) {
		const PgQuery__Node *n = s->coldeflist[i];
		if (n->node_case != NODE(COLUMN_DEF))
			return xlat_unsupported(c, -1, "this attribute of a composite type");
		const PgQuery__ColumnDef *cd = n->column_def;
		if (cd->n_constraints || cd->coll_clause)
			return xlat_unsupported(c, cd->location,
						"a constraint or collation on an attribute of a "
						"composite type");
		const char *decl = attr_type(c, cd, &cols[i]);
		if (!decl)
			return false;
		xlat_puts(c, ", ");
		xlat_string(c, cd->colname);
		xlat_puts(c, ", ");
		xlat_string(c, decl);
	}
	xlat_puts(c, ")" SCHEMA_BUMP);
	/* later statements of the input may use it (the writer refuses a name taken) */
	if (!xlat_comptype_oid(c, rv->relname, NULL))
		pending_add(c, rv->relname, xlat_derived_oid("rowtype", rv->relname), cols,
			    s->n_coldeflist);
	return true;
}

/* ---- ALTER TYPE ... ADD / DROP / RENAME ATTRIBUTE ---- */

/* The type an ALTER TYPE names (a relation in PostgreSQL's grammar), schema checked. */
static const char *altered(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	if (!rv || !rv->relname) {
		xlat_unsupported(c, -1, "this ALTER TYPE");
		return NULL;
	}
	if (rv->schemaname && *rv->schemaname && strcmp(rv->schemaname, "public") != 0 &&
	    !(c->env && c->env->tenant && strcmp(rv->schemaname, c->env->tenant) == 0)) {
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
			  "a type in schema \"%s\" is not supported", rv->schemaname);
		return NULL;
	}
	return rv->relname;
}

static bool alter_cmd(struct xlat_ctx *c, const char *name, const PgQuery__AlterTableCmd *cmd)
{
	if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn && cmd->def &&
	    cmd->def->node_case == NODE(COLUMN_DEF) && !cmd->missing_ok) {
		const PgQuery__ColumnDef *cd = cmd->def->column_def;
		if (cd->n_constraints || cd->coll_clause)
			return xlat_unsupported(c, cd->location,
						"a constraint or collation on an attribute of a "
						"composite type");
		struct xlat_schema_col col;
		const char *decl = attr_type(c, cd, &col);
		if (!decl)
			return false;
		xlat_puts(c, "; SELECT shardlite_comptype('add_attr', ");
		xlat_string(c, name);
		xlat_puts(c, ", ");
		xlat_string(c, cd->colname);
		xlat_puts(c, ", ");
		xlat_string(c, decl);
		xlat_puts(c, ")");
		return true;
	}
	if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn && cmd->name &&
	    !cmd->missing_ok) {
		xlat_puts(c, "; SELECT shardlite_comptype('drop_attr', ");
		xlat_string(c, name);
		xlat_puts(c, ", ");
		xlat_string(c, cmd->name);
		xlat_puts(c, ")");
		return true;
	}
	if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType && cmd->name &&
	    cmd->def && cmd->def->node_case == NODE(COLUMN_DEF)) {
		/* the type only: the writer refuses it while a column holds values of it */
		const PgQuery__ColumnDef *cd = cmd->def->column_def;
		if (cd->coll_clause || cd->raw_default)
			return xlat_unsupported(c, cd->location,
						"a collation on an attribute of a composite type");
		struct xlat_schema_col col;
		const char *decl = attr_type(c, cd, &col);
		if (!decl)
			return false;
		xlat_puts(c, "; SELECT shardlite_comptype('alter_attr', ");
		xlat_string(c, name);
		xlat_puts(c, ", ");
		xlat_string(c, cmd->name);
		xlat_puts(c, ", ");
		xlat_string(c, decl);
		xlat_puts(c, ")");
		return true;
	}
	return xlat_unsupported(c, -1, "this ALTER TYPE ... ATTRIBUTE form (IF [NOT] EXISTS)");
}

bool xlat_comptype_alter(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s)
{
	const char *name = altered(c, s->relation);
	if (!name)
		return false;
	xlat_sidecar_script(c, "ALTER TYPE");
	xlat_puts(c, SIDECAR_COMPTYPES);
	for (size_t i = 0; i < s->n_cmds; i++) {
		const PgQuery__Node *n = s->cmds[i];
		if (n->node_case != NODE(ALTER_TABLE_CMD))
			return xlat_unsupported(c, -1, "this ALTER TYPE");
		if (!alter_cmd(c, name, n->alter_table_cmd))
			return false;
		xlat_puts(c, SCHEMA_BUMP); /* the next action's writer reads the type again */
	}
	return true;
}

bool xlat_comptype_rename_attr(struct xlat_ctx *c, const PgQuery__RenameStmt *s)
{
	const char *name = altered(c, s->relation);
	if (!name)
		return false;
	if (s->missing_ok)
		return xlat_unsupported(c, -1, "ALTER TYPE IF EXISTS ... RENAME ATTRIBUTE");
	xlat_sidecar_script(c, "ALTER TYPE");
	xlat_puts(c, SIDECAR_COMPTYPES "; SELECT shardlite_comptype('rename_attr', ");
	xlat_string(c, name);
	xlat_puts(c, ", ");
	xlat_string(c, s->subname);
	xlat_puts(c, ", ");
	xlat_string(c, s->newname);
	xlat_puts(c, ")" SCHEMA_BUMP);
	return true;
}

/* ---- DROP TYPE, ALTER TYPE ... RENAME TO of a composite type ---- */

/* The first of the tenant's functions with a parameter or result of row type oid, NULL when
 * none. */
static const struct xlat_udf *fn_user(struct xlat_ctx *c, uint32_t oid)
{
	for (size_t i = 0; c->schema && oid && i < c->schema->nudfs; i++) {
		const struct xlat_udf *u = &c->schema->udfs[i];
		if (u->rettype == oid)
			return u;
		for (size_t k = 0; k < u->nargs; k++)
			if (u->argtypes[k] == oid)
				return u;
		for (size_t k = 0; u->alltypes && k < u->nparams; k++)
			if (u->alltypes[k] == oid)
				return u;
	}
	return NULL;
}

/* Whether column col of table is of row type oid's array type (pt[]). */
static bool array_user(struct xlat_ctx *c, uint32_t oid, const char *table, const char *col)
{
	const struct xlat_schema_col *cols = NULL;
	size_t n = 0;
	if (!c->schema || !c->schema->table_fn ||
	    !c->schema->table_fn(c->schema->arg, table, c->a, &cols, &n))
		return false;
	const struct xlat_schema_col *k = xlat_scope_col(cols, n, col);
	return k && k->type_oid == xlat_comptype_array_of(c, oid);
}

/* DROP TYPE ... CASCADE: the columns of the type or its array dropped first, with PostgreSQL's
 * NOTICE naming them (the array's columns first, each table's columns last first). */
static bool drop_users(struct xlat_ctx *c, uint32_t oid)
{
	const char **tables = NULL, **columns = NULL;
	long n = c->env && c->env->rowtype_users_fn
			 ? c->env->rowtype_users_fn(c->schema, oid, c->a, &tables, &columns)
			 : -2;
	if (n == -1)
		return xlat_unsupported(
			c, -1,
			"DROP TYPE ... CASCADE of a composite type another composite "
			"type has an attribute of");
	if (n < 0)
		return xlat_unsupported(c, -1, "DROP TYPE ... CASCADE of a composite type here");
	for (long k = 0; k < n; k++) {
		xlat_puts(c, "; ALTER TABLE ");
		xlat_ident(c, tables[k]);
		xlat_puts(c, " DROP COLUMN ");
		xlat_ident(c, columns[k]);
	}
	for (int array = 1; array >= 0; array--) {
		for (long k = 0, end; k < n; k = end) {
			for (end = k + 1; end < n && strcmp(tables[end], tables[k]) == 0;)
				end++;
			for (long j = end; j-- > k;)
				if (array_user(c, oid, tables[j], columns[j]) == (array == 1))
					xlat_skip_note(c, "cascade", NULL,
						       arena_printf(c->a, "column %s of table %s",
								    columns[j], tables[j]),
						       true);
		}
	}
	return true;
}

bool xlat_comptype_drop(struct xlat_ctx *c, const char *name, bool missing_ok, bool cascade)
{
	uint32_t oid = xlat_comptype_oid(c, name, NULL);
	const struct xlat_udf *u = fn_user(c, oid);
	if (u && cascade)
		return xlat_unsupported(
			c, -1, "DROP TYPE ... CASCADE of a composite type a function uses");
	if (cascade && oid && !drop_users(c, oid))
		return false;
	if (u) { /* the writer checks the columns; the functions are the session's */
		xlat_fail(c, "2BP01", -1, "cannot drop type %s because other objects depend on it",
			  xlat_enum_display(c, name));
		pgerr_detail(c->err, "function %s depends on type %s", u->name,
			     xlat_enum_display(c, name));
		pgerr_hint(c->err, "Use DROP ... CASCADE to drop the dependent objects too.");
		return false;
	}
	xlat_puts(c, "; " SIDECAR_COMPTYPES "; SELECT shardlite_comptype('drop', ");
	xlat_string(c, name);
	xlat_printf(c, ", %d)" SCHEMA_BUMP, missing_ok ? 1 : 0);
	pending_add(c, name, 0, NULL, 0); /* gone for later statements of the input */
	return true;
}

void xlat_comptype_rename(struct xlat_ctx *c, const char *name, const char *to)
{
	xlat_puts(c, SIDECAR_COMPTYPES "; SELECT shardlite_comptype('rename', ");
	xlat_string(c, name);
	xlat_puts(c, ", ");
	xlat_string(c, to);
	xlat_puts(c, ")" SCHEMA_BUMP);
}
