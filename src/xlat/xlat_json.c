/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_json.c: json and jsonb — the operators (-> ->> #> #>> @> <@ ? ?| ?& #-, and || and -
 * on jsonb; also text's ^@), the constructors and aggregates, each a call of a pgfn function. Constructors get a
 * trailing text of type letters, one per argument, since a SQLite value does not say whether
 * 1 is a boolean or "{}" is json (pgfn_json_put_value reads them). */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

const char *xlat_jsonb_collation(uint32_t l, uint32_t r, const char *op)
{
	if (l != XLAT_OID_JSONB && r != XLAT_OID_JSONB)
		return NULL;
	/* = and <> too: equal canonical texts are equal jsonb, but numbers spelled apart
	 * ({"a": 1} and {"a": 1.0}) are equal as well (a plain index on the column is then not
	 * used for =, as it is not for <) */
	(void)op;
	return " COLLATE pgfn_jsonb";
}

void xlat_jsonb_sort_text(struct xlat_ctx *c, size_t from)
{
	xlat_puts(c, " AS TEXT)");
	xlat_insert_at(c, from, "CAST(");
}

bool xlat_jsonb_sort_keys(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const char ***keys)
{
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		if (s->sort_clause[i]->node_case != PG_QUERY__NODE__NODE_SORT_BY)
			continue;
		const PgQuery__Node *n = s->sort_clause[i]->sort_by->node;
		if (n->node_case != PG_QUERY__NODE__NODE_A_CONST ||
		    n->a_const->val_case != PG_QUERY__A__CONST__VAL_IVAL || !n->a_const->ival)
			continue;
		int32_t pos = n->a_const->ival->ival;
		if (pos < 1 || (size_t)pos > s->n_target_list || (*keys && (*keys)[i]))
			continue;
		const PgQuery__ResTarget *rt = s->target_list[pos - 1]->res_target;
		const PgQuery__Node *v = rt ? rt->val : NULL;
		if (!v || v->node_case != PG_QUERY__NODE__NODE_COLUMN_REF ||
		    v->column_ref->fields[v->column_ref->n_fields - 1]->node_case ==
			    PG_QUERY__NODE__NODE_A_STAR)
			continue; /* a column of the select list only: ORDER BY 2 */
		struct strbuf scratch, *saved = c->sb;
		strbuf_init(&scratch, 0);
		c->sb = &scratch;
		struct xlat_type t;
		bool ok = xlat_expr(c, v, &t);
		c->sb = saved;
		if (ok && t.oid == XLAT_OID_JSONB && !scratch.failed) {
			if (!*keys)
				*keys = arena_zalloc(c->a, s->n_sort_clause * sizeof(**keys));
			(*keys)[i] = arena_printf(c->a, "CAST(%s AS TEXT)", scratch.data);
		}
		strbuf_fini(&scratch);
		if (!ok)
			return false;
	}
	return true;
}

char xlat_json_tag(struct xlat_ctx *c, struct xlat_type t)
{
	uint32_t elem = xlat_array_elem(t.oid);
	if (!elem && xlat_array_elem_in(c, t.oid))
		return 'S'; /* an enum's array: its labels as strings */
	if (elem)           /* arrays: A of numbers, B of booleans, J of json, E of dates, P of
		   * timestamps, Q of timestamptz (shown in the session's zone: xlat_text_form), S
		   * of the others */
		return elem == XLAT_OID_BOOL                             ? 'B'
		       : elem == XLAT_OID_DATE                           ? 'E'
		       : elem == XLAT_OID_TIMESTAMP                      ? 'P'
		       : elem == XLAT_OID_TIMESTAMPTZ                    ? 'Q'
		       : elem == XLAT_OID_JSON || elem == XLAT_OID_JSONB ? 'J'
		       : xlat_json_tag(c, (struct xlat_type){elem, -1}) == 'n' ||
				       xlat_json_tag(c, (struct xlat_type){elem, -1}) == 'f'
			       ? 'A'
			       : 'S';
	switch (t.oid) {
	case 22: /* int2vector: an array of numbers (xlat_text_form) */
		return 'A';
	case 30: /* oidvector: of oids, which JSON shows as strings as it does oid[]'s */
		return 'S';
	case XLAT_OID_BOOL:
		return 'b';
	case XLAT_OID_JSON:
	case XLAT_OID_JSONB:
		return 'j';
	case XLAT_OID_INT2:
	case XLAT_OID_INT4:
	case XLAT_OID_INT8:
	case XLAT_OID_NUMERIC:
		return 'n';
	case XLAT_OID_FLOAT4:
	case XLAT_OID_FLOAT8:
		return 'f';
	case XLAT_OID_DATE: /* its stored form read (pgtype_dt_store) */
		return 'D';
	case XLAT_OID_TIMESTAMP:
		return 'T';
	case XLAT_OID_TIMESTAMPTZ:
		return 'Z';
	case XLAT_OID_BYTEA:
		return 'x';
	case XLAT_OID_UNKNOWN_COL:
		return '.';
	default:
		return 't';
	}
}

static bool is_jsonb_name(const char *name)
{
	return strncmp(name, "jsonb_", 6) == 0 || strcmp(name, "to_jsonb") == 0;
}

/* Whether n is syntactically jsonb: a cast to jsonb, a jsonb function, or a jsonb operator
 * applied to one. Used where the operator's meaning depends on it (|| and -), with the columns
 * whose type the schema gives (jsonb_operand). */
static bool is_jsonb_node(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_TYPE_CAST: {
		const PgQuery__TypeName *tn = n->type_cast->type_name;
		const char *last = tn->n_names ? xlat_node_str(tn->names[tn->n_names - 1]) : NULL;
		return last && strcmp(last, "jsonb") == 0 && !tn->n_array_bounds;
	}
	case PG_QUERY__NODE__NODE_FUNC_CALL: {
		const PgQuery__FuncCall *f = n->func_call;
		const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
		return name && is_jsonb_name(name) && strcmp(name, "jsonb_typeof") != 0 &&
		       strcmp(name, "jsonb_pretty") != 0 && strcmp(name, "jsonb_array_length") != 0;
	}
	case PG_QUERY__NODE__NODE_A_EXPR: {
		const PgQuery__AExpr *e = n->a_expr;
		const char *op = e->n_name ? xlat_node_str(e->name[e->n_name - 1]) : NULL;
		return op && e->lexpr &&
		       (strcmp(op, "->") == 0 || strcmp(op, "#>") == 0 || strcmp(op, "||") == 0 ||
			strcmp(op, "-") == 0) &&
		       is_jsonb_node(e->lexpr);
	}
	default:
		return false;
	}
}

/* The type a $n was declared with (PREPARE q(jsonb), Parse's parameter OIDs, a function's
 * argument or a PL/pgSQL variable): 0 for an undeclared one and for anything but a $n. */
static uint32_t param_oid(const struct xlat_ctx *c, const PgQuery__Node *n)
{
	if (n->node_case != PG_QUERY__NODE__NODE_PARAM_REF)
		return 0;
	int k = n->param_ref->number;
	return k >= 1 && k <= c->ngiven ? c->given[k - 1] : 0;
}

static bool jsonb_concat(struct xlat_ctx *c, const PgQuery__AExpr *e);

/* Whether n is jsonb through a declared $n: one declared jsonb, or a jsonb operator applied
 * to one ($1 || $2 || $3, ($1 || $2) - 'a', $1 -> 'k'). Looks through operators only, so a
 * long || chain of other operands costs no translation. */
static bool declared_jsonb(struct xlat_ctx *c, const PgQuery__Node *n)
{
	if (param_oid(c, n) == XLAT_OID_JSONB)
		return true;
	if (n->node_case != PG_QUERY__NODE__NODE_A_EXPR ||
	    n->a_expr->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || !n->a_expr->lexpr)
		return false;
	const PgQuery__AExpr *e = n->a_expr;
	const char *op = e->n_name == 1 ? xlat_node_str(e->name[0]) : NULL;
	if (!op)
		return false;
	if (strcmp(op, "||") == 0)
		return (declared_jsonb(c, e->lexpr) || declared_jsonb(c, e->rexpr)) &&
		       jsonb_concat(c, e);
	return (strcmp(op, "->") == 0 || strcmp(op, "#>") == 0 || strcmp(op, "-") == 0 ||
		strcmp(op, "#-") == 0) &&
	       declared_jsonb(c, e->lexpr);
}

/* Whether n is jsonb: visibly so (is_jsonb_node), through a declared $n (declared_jsonb), a
 * column of type jsonb, or, when typed, an expression whose type is jsonb when translated
 * (coalesce(meta, '{}'), CASE, NULLIF, ->, a scalar subquery, a function returning jsonb).
 * Only || asks for that translation (as || of arrays does); - stays syntactic, being
 * arithmetic far more often. */
static bool jsonb_operand(struct xlat_ctx *c, const PgQuery__Node *n, bool typed)
{
	struct xlat_type t;
	if (is_jsonb_node(n) || declared_jsonb(c, n))
		return true;
	if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF)
		return xlat_scope_column_type(c, n->column_ref).oid == XLAT_OID_JSONB;
	if (!typed || c->dry > 1) /* nested ||: each level's dry run once, not exponentially */
		return false;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_A_EXPR: { /* nullif(meta, '{}'), meta->'tags', meta #> '{a}' */
		const PgQuery__AExpr *e = n->a_expr;
		const char *op = e->n_name ? xlat_node_str(e->name[e->n_name - 1]) : NULL;
		bool path =
			e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP && op &&
			(strcmp(op, "->") == 0 || strcmp(op, "#>") == 0 || strcmp(op, "#-") == 0);
		return (e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF || path) &&
		       xlat_scope_dry_expr(c, n, &t) && t.oid == XLAT_OID_JSONB;
	}
	case PG_QUERY__NODE__NODE_COALESCE_EXPR:
	case PG_QUERY__NODE__NODE_CASE_EXPR:
	case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
	case PG_QUERY__NODE__NODE_FUNC_CALL:
		return xlat_scope_dry_expr(c, n, &t) && t.oid == XLAT_OID_JSONB;
	case PG_QUERY__NODE__NODE_SUB_LINK:
		return n->sub_link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK &&
		       xlat_scope_dry_expr(c, n, &t) && t.oid == XLAT_OID_JSONB;
	default:
		return false;
	}
}

/* Whether n has no type of its own (a string literal, a $n not declared), so that beside
 * jsonb it is jsonb (jsonb_col || '{"a": 1}'), where beside text it would make || text's. */
static bool untyped(const struct xlat_ctx *c, const PgQuery__Node *n)
{
	return (n->node_case == PG_QUERY__NODE__NODE_A_CONST && n->a_const->sval) ||
	       (n->node_case == PG_QUERY__NODE__NODE_PARAM_REF &&
		(!param_oid(c, n) || param_oid(c, n) == XLAT_OID_UNKNOWN));
}

/* A $n declared with a type other than jsonb: beside jsonb, || is then text's (textanycat,
 * for a text one) or no operator at all, never jsonb's. */
static bool typed_other(const struct xlat_ctx *c, const PgQuery__Node *n)
{
	uint32_t oid = param_oid(c, n);
	return oid && oid != XLAT_OID_UNKNOWN && oid != XLAT_OID_JSONB;
}

/* jsonb || jsonb: either side visibly jsonb, or a jsonb column or declared $n beside jsonb or
 * an untyped operand (a jsonb column || a text column is text's ||, as in PostgreSQL). */
static bool jsonb_concat(struct xlat_ctx *c, const PgQuery__AExpr *e)
{
	if (typed_other(c, e->lexpr) || typed_other(c, e->rexpr))
		return false;
	if (is_jsonb_node(e->lexpr) || is_jsonb_node(e->rexpr))
		return true;
	bool l = jsonb_operand(c, e->lexpr, true), r = jsonb_operand(c, e->rexpr, true);
	return (l && (r || untyped(c, e->rexpr))) || (r && untyped(c, e->lexpr));
}

/* A right operand that names a key, keys or a path: a bare $n takes the type of the operator's
 * right argument, as PostgreSQL infers it (text for -> and ?, text[] for #>, ?| and #-). */
static bool key_operand(struct xlat_ctx *c, const PgQuery__Node *n, uint32_t key,
			struct xlat_type *t)
{
	if (n->node_case == PG_QUERY__NODE__NODE_PARAM_REF &&
	    !xlat_param(c, n->param_ref->number, key, n->param_ref->location))
		return false;
	return xlat_expr(c, n, t);
}

/* -> ->> #> #>>: pgfn_json_get/path(j, key, mode); mode 1 = as text, 2 = jsonb (a column
 * of unknown type is taken as jsonb, the type applications store). */
static bool get_op(struct xlat_ctx *c, const PgQuery__AExpr *e, bool path, bool text,
		   struct xlat_type *t)
{
	struct xlat_type l, r;
	xlat_puts(c, path ? "pgfn_json_path(" : "pgfn_json_get(");
	if (!xlat_expr(c, e->lexpr, &l))
		return false;
	xlat_puts(c, ", ");
	if (!key_operand(c, e->rexpr, path ? PGTYPE_TEXT_ARRAY : XLAT_OID_TEXT, &r))
		return false;
	bool jsonb = l.oid != XLAT_OID_JSON;
	xlat_printf(c, ", %d)", (text ? 1 : 0) | (jsonb ? 2 : 0));
	*t = (struct xlat_type){text ? XLAT_OID_TEXT : jsonb ? XLAT_OID_JSONB : XLAT_OID_JSON, -1};
	return true;
}

/* A call fn(l, r[, extra]) of two operands (swapped: fn(r, l)); a bare $n on the right is a
 * key (key_operand), except for key 0: jsonb @> <@ || jsonb, where either operand's $n is
 * jsonb (PostgreSQL's jsonb_contains(jsonb, jsonb), jsonb_concat). */
static bool call_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *fn, bool swap,
		    const char *extra, uint32_t key, uint32_t oid, struct xlat_type *t)
{
	const PgQuery__Node *l = swap ? e->rexpr : e->lexpr, *r = swap ? e->lexpr : e->rexpr;
	struct xlat_type lt, rt;
	xlat_printf(c, "%s(", fn);
	if (!xlat_expr(c, l, &lt))
		return false;
	xlat_puts(c, ", ");
	if (!(key ? key_operand(c, r, key, &rt) : xlat_expr(c, r, &rt)))
		return false;
	xlat_printf(c, "%s)", extra);
	if (!key) {
		struct xlat_type jsonb = {XLAT_OID_JSONB, -1};
		xlat_infer_like(c, l, jsonb);
		xlat_infer_like(c, r, jsonb);
	}
	*t = (struct xlat_type){oid, -1};
	return true;
}

int xlat_json_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op, struct xlat_type *t)
{
	bool ok;
	int arr = xlat_jsonpath_op(c, e, op, t); /* @? and jsonb's @@ */
	if (arr)
		return arr;
	if (strcmp(op, "->") == 0 || strcmp(op, "->>") == 0)
		ok = get_op(c, e, false, op[2] == '>', t);
	else if (strcmp(op, "#>") == 0 || strcmp(op, "#>>") == 0)
		ok = get_op(c, e, true, op[2] == '>', t);
	else if ((strcmp(op, "@>") == 0 || strcmp(op, "<@") == 0 || strcmp(op, "&&") == 0) &&
		 (arr = xlat_array_contains(c, e, op, t)) != 0)
		return arr;
	else if (strcmp(op, "@>") == 0 || strcmp(op, "<@") == 0)
		ok = call_op(c, e, "pgfn_jsonb_contains", *op == '<', "", 0, XLAT_OID_BOOL, t);
	else if (strcmp(op, "?") == 0)
		ok = call_op(c, e, "pgfn_jsonb_exists", false, ", 0", XLAT_OID_TEXT, XLAT_OID_BOOL,
			     t);
	else if (strcmp(op, "?|") == 0)
		ok = call_op(c, e, "pgfn_jsonb_exists", false, ", 1", PGTYPE_TEXT_ARRAY,
			     XLAT_OID_BOOL, t);
	else if (strcmp(op, "?&") == 0)
		ok = call_op(c, e, "pgfn_jsonb_exists", false, ", 2", PGTYPE_TEXT_ARRAY,
			     XLAT_OID_BOOL, t);
	else if (strcmp(op, "||") == 0 && (arr = xlat_array_concat(c, e, t)) != 0)
		return arr;
	else if (strcmp(op, "||") == 0 && jsonb_concat(c, e))
		ok = call_op(c, e, "pgfn_jsonb_concat", false, "", 0, XLAT_OID_JSONB, t);
	else if (strcmp(op, "-") == 0 && jsonb_operand(c, e->lexpr, false))
		ok = call_op(c, e, "pgfn_jsonb_delete", false,
			     xlat_array_operand(c, e->rexpr) ? ", 1" : "", XLAT_OID_TEXT,
			     XLAT_OID_JSONB, t);
	else if (strcmp(op, "#-") == 0)
		ok = call_op(c, e, "pgfn_jsonb_delete_path", false, "", PGTYPE_TEXT_ARRAY,
			     XLAT_OID_JSONB, t);
	else if (strcmp(op, "^@") == 0) /* text starts-with, the one non-JSON operator here */
		ok = call_op(c, e, "pgfn_starts_with", false, "", XLAT_OID_TEXT, XLAT_OID_BOOL, t);
	else
		return 0;
	return ok ? 1 : -1;
}

/* Emits the arguments of f followed by their type letters as a text literal. */
static bool tagged_args(struct xlat_ctx *c, const PgQuery__FuncCall *f, size_t from)
{
	char *tags = arena_zalloc(c->a, f->n_args + 1);
	for (size_t i = from; i < f->n_args; i++) {
		struct xlat_type ty;
		if (i > from)
			xlat_puts(c, ", ");
		if (!xlat_text_operand(c, f->args[i], &ty, XLAT_TF_JSON))
			return false;
		tags[i - from] = xlat_json_tag(c, ty);
	}
	xlat_puts(c, f->n_args > from ? ", " : "");
	xlat_string(c, tags);
	return true;
}

/* PostgreSQL's parse-analysis answers for decorations these functions do not take. */
static bool check_plain(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name, bool agg)
{
	if (f->agg_star)
		return xlat_fail(c, "42809", f->location,
				 "%s(*) specified, but %s is not an aggregate function", name,
				 name);
	if (!agg && (f->agg_distinct || f->n_agg_order || f->agg_filter))
		return xlat_fail(c, "42809", f->location,
				 "%s specified, but %s is not an aggregate function",
				 f->agg_distinct ? "DISTINCT"
				 : f->agg_filter ? "FILTER"
						 : "ORDER BY",
				 name);
	if (!agg && f->over)
		return xlat_fail(c, "42809", f->location,
				 "OVER specified, but %s is not a window function nor an aggregate "
				 "function",
				 name);
	if (f->n_agg_order)
		return xlat_unsupported(c, f->location, "ORDER BY inside an aggregate call");
	if (f->agg_distinct)
		return xlat_unsupported(c, f->location, "DISTINCT in a JSON aggregate");
	if (f->over)
		return xlat_unsupported(c, f->location, "a JSON aggregate as a window function");
	if (f->func_variadic)
		return xlat_unsupported(c, f->location, "VARIADIC");
	return true;
}

static const struct jfn {
	const char *name;
	const char *sqlite;
	int min, max;
	bool tagged, agg;
	uint32_t oid;
	const char *extra; /* appended default arguments, by argument count: "" none */
} jfns[] = {
	{"json_build_object", "pgfn_json_build_object", 0, 100, true, false, XLAT_OID_JSON, ""},
	{"jsonb_build_object", "pgfn_jsonb_build_object", 0, 100, true, false, XLAT_OID_JSONB, ""},
	{"json_build_array", "pgfn_json_build_array", 0, 100, true, false, XLAT_OID_JSON, ""},
	{"jsonb_build_array", "pgfn_jsonb_build_array", 0, 100, true, false, XLAT_OID_JSONB, ""},
	{"to_json", "pgfn_to_json", 1, 1, true, false, XLAT_OID_JSON, ""},
	{"to_jsonb", "pgfn_to_jsonb", 1, 1, true, false, XLAT_OID_JSONB, ""},
	{"json_agg", "pgfn_json_agg", 1, 1, true, true, XLAT_OID_JSON, ""},
	{"jsonb_agg", "pgfn_jsonb_agg", 1, 1, true, true, XLAT_OID_JSONB, ""},
	{"json_object_agg", "pgfn_json_object_agg", 2, 2, true, true, XLAT_OID_JSON, ""},
	{"jsonb_object_agg", "pgfn_jsonb_object_agg", 2, 2, true, true, XLAT_OID_JSONB, ""},
	{"json_typeof", "pgfn_json_typeof", 1, 1, false, false, XLAT_OID_TEXT, ""},
	{"jsonb_typeof", "pgfn_json_typeof", 1, 1, false, false, XLAT_OID_TEXT, ""},
	{"json_array_length", "pgfn_json_array_length", 1, 1, false, false, XLAT_OID_INT4, ""},
	{"jsonb_array_length", "pgfn_json_array_length", 1, 1, false, false, XLAT_OID_INT4, ""},
	{"jsonb_pretty", "pgfn_jsonb_pretty", 1, 1, false, false, XLAT_OID_TEXT, ""},
	{"jsonb_strip_nulls", "pgfn_jsonb_strip_nulls", 1, 1, false, false, XLAT_OID_JSONB, ""},
	{"json_strip_nulls", "pgfn_json_strip_nulls", 1, 1, false, false, XLAT_OID_JSON, ""},
	{"jsonb_set", "pgfn_jsonb_set", 3, 4, false, false, XLAT_OID_JSONB, ", 1"},
	{"jsonb_insert", "pgfn_jsonb_insert", 3, 4, false, false, XLAT_OID_JSONB, ", 0"},
	{"json_object", "pgfn_json_object", 1, 2, false, false, XLAT_OID_JSON, ""},
	/* not PostgreSQL's: only json[b]_object_keys in a select list (xlat_catalog_srf.c) call
	 * these, to unnest the keys */
	{"pgfn_json_keys_array", "pgfn_json_keys_array", 1, 2, false, false, 1009, ", 0"},
	{"pgfn_jsonb_keys_array", "pgfn_json_keys_array", 1, 2, false, false, 1009, ", 1"},
	/* and the select list's json[b]_array_elements[_text] (json[], jsonb[], text[]) */
	{"pgfn_json_elems_array", "pgfn_json_elems_array", 1, 2, false, false, 199, ", 0"},
	{"pgfn_jsonb_elems_array", "pgfn_json_elems_array", 1, 2, false, false, 3807, ", 1"},
	{"pgfn_json_elems_text_array", "pgfn_json_elems_array", 1, 2, false, false, 1009, ", 3"},
	{"pgfn_jsonb_elems_text_array", "pgfn_json_elems_array", 1, 2, false, false, 1009, ", 2"},
	{"jsonb_object", "pgfn_jsonb_object", 1, 2, false, false, XLAT_OID_JSONB, ""},
};

/* json[b]_build_object/array(VARIADIC a): pgfn_json[b]_build_object_va(a, tag) (_array_va),
 * a's elements the arguments, as PostgreSQL's extract_variadic_args takes them apart. */
static int build_va(struct xlat_ctx *c, const PgQuery__FuncCall *f, const struct jfn *j,
		    const char *name, struct xlat_type *t)
{
	PgQuery__FuncCall plain = *f; /* VARIADIC is this function's to take */
	plain.func_variadic = false;
	if (!check_plain(c, &plain, name, false))
		return -1;
	if (f->n_args != 1 || f->args[0]->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR) {
		xlat_func_no_such(c, f, name);
		return -1;
	}
	xlat_printf(c, "%s_va(", j->sqlite);
	struct xlat_type ty;
	if (!xlat_text_operand(c, f->args[0], &ty, XLAT_TF_JSON))
		return -1;
	if (ty.oid == XLAT_OID_UNKNOWN ||
	    (ty.oid != XLAT_OID_UNKNOWN_COL && !xlat_array_elem_in(c, ty.oid))) {
		xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, xlat_tree_location(&f->args[0]->base),
			  "VARIADIC argument must be an array");
		return -1;
	}
	char tag[2] = {xlat_json_tag(c, ty), '\0'};
	xlat_puts(c, ", ");
	xlat_string(c, tag);
	xlat_puts(c, ")");
	*t = (struct xlat_type){j->oid, -1};
	return 1;
}

/* json[b]_extract_path[_text](j, VARIADIC keys): j #> ARRAY[keys] (or #>>); with VARIADIC the
 * last argument is that array. */
static int extract_path(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
			struct xlat_type *t)
{
	if (f->n_args < 2 || (f->func_variadic && f->n_args != 2))
		return 0;
	PgQuery__FuncCall plain = *f; /* VARIADIC is this function's to take */
	plain.func_variadic = false;
	if (!check_plain(c, &plain, name, false))
		return -1;
	bool text = strstr(name, "_text") != NULL, jsonb = strncmp(name, "jsonb", 5) == 0;
	struct xlat_type ignored;
	xlat_puts(c, "pgfn_json_path(");
	if (!xlat_expr(c, f->args[0], &ignored))
		return -1;
	xlat_puts(c, ", ");
	if (f->func_variadic) {
		if (!key_operand(c, f->args[1], XLAT_OID_TEXT, &ignored))
			return -1;
	} else {
		xlat_puts(c, "pgfn_array(");
		for (size_t i = 1; i < f->n_args; i++) {
			if (!key_operand(c, f->args[i], XLAT_OID_TEXT, &ignored))
				return -1;
			xlat_puts(c, ", ");
		}
		xlat_puts(c, "'')"); /* no tags: each key as text */
	}
	xlat_printf(c, ", %d)", (text ? 1 : 0) | (jsonb ? 2 : 0));
	*t = (struct xlat_type){text ? XLAT_OID_TEXT : jsonb ? XLAT_OID_JSONB : XLAT_OID_JSON, -1};
	return 1;
}

/* The functions behind jsonb's operators, called by name (jsonb_contains(a, b) is a @> b):
 * the operator on the same operands, the first read as jsonb. 0 when name is none of them. */
static int op_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		   struct xlat_type *t)
{
	static const struct {
		const char *name, *op;
	} fns[] = {
		{"jsonb_contains", "@>"},   {"jsonb_contained", "<@"},  {"jsonb_exists", "?"},
		{"jsonb_exists_any", "?|"}, {"jsonb_exists_all", "?&"},
	};
	size_t k = 0;
	while (k < ARRAY_LEN(fns) && strcmp(fns[k].name, name) != 0)
		k++;
	if (k == ARRAY_LEN(fns) || f->n_args != 2)
		return 0;
	if (!check_plain(c, f, name, false))
		return -1;
	PgQuery__String opname = PG_QUERY__STRING__INIT, jsonb = PG_QUERY__STRING__INIT;
	PgQuery__Node opn = PG_QUERY__NODE__INIT, *ops[1] = {&opn};
	PgQuery__Node jn = PG_QUERY__NODE__INIT, *names[1] = {&jn}, castn = PG_QUERY__NODE__INIT;
	PgQuery__TypeName tn = PG_QUERY__TYPE_NAME__INIT;
	PgQuery__TypeCast tc = PG_QUERY__TYPE_CAST__INIT;
	PgQuery__AExpr e = PG_QUERY__A__EXPR__INIT;
	opname.sval = (char *)fns[k].op;
	opn.node_case = PG_QUERY__NODE__NODE_STRING;
	opn.string = &opname;
	jsonb.sval = "jsonb";
	jn.node_case = PG_QUERY__NODE__NODE_STRING;
	jn.string = &jsonb;
	tn.n_names = 1;
	tn.names = names;
	tn.typemod = -1;
	tn.location = -1;
	tc.arg = f->args[0];
	tc.type_name = &tn;
	tc.location = -1;
	castn.node_case = PG_QUERY__NODE__NODE_TYPE_CAST;
	castn.type_cast = &tc;
	e.kind = PG_QUERY__A__EXPR__KIND__AEXPR_OP;
	e.n_name = 1;
	e.name = ops;
	e.lexpr = &castn;
	e.rexpr = f->args[1];
	e.location = f->location;
	return xlat_json_op(c, &e, fns[k].op, t);
}

/* array_to_json(a [, pretty]): to_json of the array; pretty (a line feed between the
 * elements of the first dimension) is 0A000 unless it is false. */
static int array_to_json(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	if (f->n_args < 1 || f->n_args > 2)
		return 0;
	const PgQuery__Node *p = f->n_args == 2 ? f->args[1] : NULL;
	if (p && !(p->node_case == PG_QUERY__NODE__NODE_A_CONST &&
		   p->a_const->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL &&
		   !p->a_const->boolval->boolval))
		return xlat_unsupported(c, f->location, "array_to_json(..., pretty)") ? 1 : -1;
	if (!check_plain(c, f, "array_to_json", false))
		return -1;
	struct xlat_type at;
	if (!xlat_scope_dry_expr(c, f->args[0], &at))
		return -1;
	if (at.oid == XLAT_OID_UNKNOWN) /* array_to_json(anyarray) of an untyped literal */
		return xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, f->location,
				 "could not determine polymorphic type because input has type "
				 "unknown")
			       ? 1
			       : -1;
	if (!xlat_array_elem_in(c, at.oid) && at.oid != XLAT_OID_UNKNOWN_COL)
		return xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
				 "function array_to_json(%s) does not exist",
				 xlat_type_by_oid(at.oid) ? xlat_type_by_oid(at.oid)->sql_name
							  : "unknown")
			       ? 1
			       : -1;
	PgQuery__FuncCall one = *f;
	one.n_args = 1;
	xlat_puts(c, "pgfn_to_json(");
	if (!tagged_args(c, &one, 0))
		return -1;
	xlat_puts(c, ")");
	*t = (struct xlat_type){XLAT_OID_JSON, -1};
	return 1;
}

int xlat_json_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		   struct xlat_type *t)
{
	int row = xlat_row_json(c, f, name, t);
	if (row)
		return row;
	if ((row = op_func(c, f, name, t)) != 0)
		return row;
	if (strcmp(name, "array_to_json") == 0)
		return array_to_json(c, f, t);
	if ((row = xlat_jsonpath_func(c, f, name, t)) != 0)
		return row;
	if (strstr(name, "_extract_path") && strncmp(name, "json", 4) == 0)
		return extract_path(c, f, name, t);
	const struct jfn *j = NULL;
	for (size_t i = 0; i < ARRAY_LEN(jfns) && !j; i++)
		j = strcmp(jfns[i].name, name) == 0 ? &jfns[i] : NULL;
	if (!j)
		return xlat_array_func(c, f, name, t);
	if (f->func_variadic && strstr(name, "_build_") && !j->agg)
		return build_va(c, f, j, name, t);
	if ((int)f->n_args < j->min || (int)f->n_args > j->max)
		return 0;
	if (!check_plain(c, f, name, j->agg))
		return -1;
	xlat_printf(c, "%s(", j->sqlite);
	if (j->tagged) {
		if (!tagged_args(c, f, 0))
			return -1;
	} else {
		if (!xlat_expr_list(c, f->args, f->n_args))
			return -1;
		if ((int)f->n_args < j->max)
			xlat_puts(c, j->extra);
	}
	xlat_puts(c, ")");
	if (!xlat_agg_filter(c, f))
		return -1;
	*t = (struct xlat_type){j->oid, -1};
	return 1;
}
