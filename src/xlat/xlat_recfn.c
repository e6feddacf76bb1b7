/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_recfn.c: built-in functions returning record in FROM — json_to_record(set) and the
 * jsonb ones, whose columns a column definition list names and types (SELECT * FROM
 * json_to_record('{"a":1}') AS t(a int, b text)), and json_populate_record(set) and the jsonb
 * ones of NULL::t, whose columns are t's attributes. Each column is the object's key of its
 * name, read by the column type's input function (pgfn_input) from the text populate_record
 * reads: a string's contents, any other value's JSON text (a json argument's as written, a
 * jsonb's canonical); a json or jsonb column takes the value's JSON text. Without the list
 * PostgreSQL's 42601. The tenant's own functions are xlat_call.c's. */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

static const char *const names[] = {"json_to_record",          "jsonb_to_record",
				    "json_to_recordset",       "jsonb_to_recordset",
				    "json_populate_record",    "jsonb_populate_record",
				    "json_populate_recordset", "jsonb_populate_recordset"};
#define POPULATE 4 /* names[POPULATE...]: the columns are the base value's type's */

/* The call of rf when it is one of the functions above (its index into *which). */
static const PgQuery__FuncCall *ours(const PgQuery__RangeFunction *rf, size_t *which)
{
	const PgQuery__FuncCall *f = xlat_rf_call(rf);
	if (!f)
		return NULL;
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	const char *schema = f->n_funcname > 1 ? xlat_node_str(f->funcname[0]) : NULL;
	if (!name || (schema && strcmp(schema, "pg_catalog") != 0))
		return NULL;
	for (*which = 0; *which < ARRAY_LEN(names); (*which)++)
		if (strcmp(names[*which], name) == 0)
			return f;
	return NULL;
}

/* Whether a value of type oid (typmod) is read as the populate functions read it: by its type's
 * input function, then its typmod applied (varchar(n), char(n), numeric(p,s)); json and jsonb
 * take the value's JSON text. An array is read from a JSON array, which is not built. */
static bool readable(uint32_t oid, int32_t typmod)
{
	const struct pgtype_info *pi = pgtype_by_oid(oid);
	if (!pi || pi->elem_oid || pi->category == 'A')
		return false;
	return typmod < 0 || oid == XLAT_OID_VARCHAR || oid == XLAT_OID_BPCHAR ||
	       oid == XLAT_OID_NUMERIC;
}

/* json_populate_record(NULL::t, j) and friends: t's attributes (a composite type's, a table's
 * or view's row type). Only a NULL base value is built: with another one, PostgreSQL takes the
 * fields the object lacks from it. */
static bool base_columns(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, const char *fname,
			 const PgQuery__FuncCall *f, struct xlat_schema_col **out, size_t *n)
{
	/* json's take use_json_as_text too, which PostgreSQL 15 ignores: a constant here */
	bool third = f->n_args == 3 && strncmp(fname, "json_", 5) == 0 &&
		     f->args[2]->node_case == NODE(A_CONST);
	if ((f->n_args != 2 && !third) || f->agg_star || f->func_variadic || f->n_agg_order ||
	    f->over)
		return xlat_fail(c, "42883", f->location, "function %s does not exist", fname);
	if (rf->n_coldeflist || rf->ordinality)
		return xlat_unsupported(c, f->location,
					"a column definition list or WITH ORDINALITY on "
					"json_populate_record");
	const PgQuery__Node *b = f->args[0];
	const PgQuery__TypeCast *tc = b->node_case == NODE(TYPE_CAST) ? b->type_cast : NULL;
	struct xlat_typeref r;
	const char *rel;
	const struct xlat_schema_col *cols;
	if (!tc || tc->arg->node_case != NODE(A_CONST) || !tc->arg->a_const->isnull)
		return xlat_unsupported(c, f->location,
					"json_populate_record with a base value other than "
					"NULL::type");
	if (!xlat_type_resolve(c, tc->type_name, &r))
		return false;
	if (r.is_array || !xlat_composite_of(c, xlat_type_oid(&r), &rel, &cols, n))
		return xlat_unsupported(c, f->location,
					"json_populate_record of a type other than a composite "
					"type or a table's row type");
	struct xlat_schema_col *v = arena_zalloc(c->a, (*n + 1) * sizeof(*v));
	for (size_t i = 0; i < *n; i++) {
		if (!readable(cols[i].type_oid, cols[i].typmod) || strpbrk(cols[i].name, "\"\\"))
			return xlat_unsupported(c, f->location,
						"json_populate_record of a type with an attribute "
						"of this type (an array, a domain, an enum, a "
						"row type)");
		v[i] = (struct xlat_schema_col){.name = cols[i].name,
						.type_oid = cols[i].type_oid,
						.typmod = cols[i].typmod};
	}
	*out = v;
	return true;
}

/* The column definition list's columns (their checks as PostgreSQL's), into the arena. */
static bool columns(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, const char *fname,
		    const PgQuery__FuncCall *f, struct xlat_schema_col **out)
{
	if (!rf->n_coldeflist)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, f->location,
				 "a column definition list is required for functions returning "
				 "\"record\"");
	if (f->n_args != 1 || f->agg_star || f->func_variadic || f->n_agg_order || f->over)
		return xlat_fail(c, "42883", f->location, "function %s does not exist", fname);
	if (rf->ordinality)
		return xlat_unsupported(c, -1, "WITH ORDINALITY on a function returning record");
	struct xlat_schema_col *v = arena_zalloc(c->a, (rf->n_coldeflist + 1) * sizeof(*v));
	for (size_t i = 0; i < rf->n_coldeflist; i++) {
		const PgQuery__ColumnDef *cd = rf->coldeflist[i]->node_case == NODE(COLUMN_DEF)
						       ? rf->coldeflist[i]->column_def
						       : NULL;
		struct xlat_typeref r;
		if (!cd || !cd->colname || !cd->type_name)
			return xlat_unsupported(c, -1, "this column definition");
		if (!xlat_type_resolve(c, cd->type_name, &r) ||
		    !xlat_domain_refuse(c, &r, "a column definition's type"))
			return false;
		uint32_t oid = xlat_type_oid(&r);
		if (r.is_array || r.serial || !oid || !pgtype_by_oid(oid) ||
		    strpbrk(cd->colname, "\"\\"))
			return xlat_unsupported(c, cd->type_name->location,
						"this column type in a column definition list");
		for (size_t k = 0; k < i; k++)
			if (strcmp(v[k].name, cd->colname) == 0)
				return xlat_fail(c, "42701", -1,
						 "column \"%s\" specified more than once",
						 cd->colname);
		v[i] = (struct xlat_schema_col){
			.name = cd->colname, .type_oid = oid, .typmod = r.typmod};
	}
	*out = v;
	return true;
}

int xlat_recfn_scope_cols(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, const char **name,
			  const struct xlat_schema_col **cols, size_t *n)
{
	size_t which;
	const PgQuery__FuncCall *f = ours(rf, &which);
	struct xlat_schema_col *v;
	if (!f)
		return 0;
	struct pgerr saved = *c->err;
	size_t nc = rf->n_coldeflist;
	bool ok = which >= POPULATE ? base_columns(c, rf, names[which], f, &v, &nc)
				    : columns(c, rf, names[which], f, &v);
	*c->err = saved;
	if (!ok)
		return 0; /* unknown columns: the real pass reports what is wrong */
	*name = rf->alias ? rf->alias->aliasname : names[which];
	*cols = v;
	*n = nc;
	return 1;
}

int xlat_recfn_range_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf)
{
	size_t which;
	const PgQuery__FuncCall *f = ours(rf, &which);
	struct xlat_schema_col *v;
	if (!f)
		return 0;
	size_t nc = rf->n_coldeflist;
	if (which >= POPULATE ? !base_columns(c, rf, names[which], f, &v, &nc)
			      : !columns(c, rf, names[which], f, &v))
		return -1;
	if (rf->lateral)
		return xlat_unsupported(c, -1, "LATERAL json_to_record") ? 1 : -1;
	bool set = which % 4 >= 2, jsonb = which % 2; /* a jsonb's values print as jsonb's */
	xlat_puts(c, "(SELECT ");
	for (size_t i = 0; i < nc; i++) {
		/* the typmod applied as the input function applies it (22001, 22003) */
		uint32_t oid = v[i].type_oid;
		bool len = oid == XLAT_OID_VARCHAR || oid == XLAT_OID_BPCHAR,
		     wrap = v[i].typmod >= 4 && (len || oid == XLAT_OID_NUMERIC);
		const char *path = arena_printf(c->a, "'$.\"%s\"'", v[i].name);
		xlat_puts(c, i ? ", " : "");
		if (wrap)
			xlat_puts(c, oid == XLAT_OID_VARCHAR  ? "shardlite_varchar("
				     : oid == XLAT_OID_BPCHAR ? "shardlite_bpchar("
							      : "shardlite_numeric(");
		if (oid == XLAT_OID_JSON && !jsonb) { /* the value's text as written */
			xlat_printf(c, "iif(json_type(x.j, %s) = 'null', NULL, pgfn_json_get(x.j, ",
				    path);
			xlat_string(c, v[i].name);
			xlat_puts(c, ", 0))");
		} else if (oid == XLAT_OID_JSONB || oid == XLAT_OID_JSON) /* jsonb's text */
			xlat_printf(
				c,
				"iif(json_type(x.j, %s) = 'null', NULL, pgfn_jsonb_in(x.j -> %s))",
				path, path);
		else if (!jsonb) { /* a json's text as written: ->>'s (spacing kept) */
			xlat_puts(c, "pgfn_input(pgfn_json_get(x.j, ");
			xlat_string(c, v[i].name);
			xlat_printf(c, ", 1), %u)", v[i].type_oid);
		} else
			xlat_printf(
				c,
				"pgfn_input(CASE json_type(x.j, %s) WHEN 'text' THEN x.j ->> %s "
				"WHEN 'null' THEN NULL WHEN 'object' THEN %s(x.j -> %s) WHEN "
				"'array' THEN %s(x.j -> %s) ELSE x.j -> %s END, %u)",
				path, path, jsonb ? "pgfn_jsonb_in" : "", path,
				jsonb ? "pgfn_jsonb_in" : "", path, path, v[i].type_oid);
		if (wrap)
			xlat_printf(c, ", %d)", (int)(len ? v[i].typmod - 4 : v[i].typmod));
		xlat_puts(c, " AS ");
		xlat_ident(c, v[i].name);
	}
	/* PostgreSQL's 22023 for what is no object (no array of them) */
	const char *fn = names[which];
	if (set)
		xlat_printf(
			c,
			" FROM (SELECT iif(json_type(e.value) = 'object', e.value, "
			"shardlite_raise('22023', 'argument of %s must be an array of objects')) "
			"AS j FROM (SELECT iif(y.j IS NULL OR json_type(y.j) = 'array', y.j, "
			"shardlite_raise('22023', 'cannot call %s on a non-array')) AS j FROM "
			"(SELECT ",
			fn, fn);
	else
		xlat_puts(c, " FROM (SELECT iif(y.j IS NULL OR json_type(y.j) = 'object', y.j, "
			     "shardlite_raise('22023', 'cannot call populate_composite on ' || "
			     "iif(json_type(y.j) = 'array', 'an array', 'a scalar'))) AS j FROM "
			     "(SELECT ");
	struct xlat_type t;
	if (!xlat_expr(c, f->args[which >= POPULATE ? 1 : 0], &t))
		return -1;
	/* a json array's elements as written (SQLite's json_each rewrites them) */
	xlat_puts(c, !set    ? " AS j) AS y) AS x) AS "
		     : jsonb ? " AS j) AS y) AS a, json_each(a.j) AS e) AS x) AS "
			     : " AS j) AS y) AS a, pgfn_json_elements(a.j, 0) AS e) AS x) AS ");
	xlat_ident(c, rf->alias ? rf->alias->aliasname : names[which]);
	return 1;
}
