/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_select.c: queries — SELECT cores with PostgreSQL's result column names, VALUES, set
 * operations (re-nested where SQLite's left-to-right compound rule would regroup them),
 * WITH, ORDER BY with PostgreSQL's NULL placement, LIMIT/OFFSET/FETCH, and the FROM clause. */
#include "xlat_int.h"
#include "xlat_syscol.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* A function's or type's name as the result column shows it: a local schema's "s.f" (the
 * name xlat_localnsp.c gave s.f) is f. */
static const char *unqualified(const char *name)
{
	const char *dot = name ? strchr(name, '.') : NULL;
	return dot && dot[1] ? dot + 1 : name;
}

/* FigureColnameInternal: the name and its strength (2 = from a name, 1 = a guess). */
static int figure(const PgQuery__Node *n, const char **name)
{
	switch (n->node_case) {
	case NODE(COLUMN_REF): { /* the last field name, a "*" ignored: (t.*)::text is t */
		const char *last = NULL;
		for (size_t i = 0; i < n->column_ref->n_fields; i++) {
			const char *f = xlat_node_str(n->column_ref->fields[i]);
			last = f ? f : last;
		}
		if (!last)
			return 0;
		*name = last;
		return 2;
	}
	case NODE(FUNC_CALL):
		*name = unqualified(
			xlat_node_str(n->func_call->funcname[n->func_call->n_funcname - 1]));
		return 2;
	case NODE(A_EXPR):
		if (n->a_expr->kind != PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF)
			return 0;
		*name = "nullif";
		return 2;
	case NODE(TYPE_CAST): {
		int s = figure(n->type_cast->arg, name);
		if (s <= 1) {
			const PgQuery__TypeName *tn = n->type_cast->type_name;
			*name = unqualified(xlat_node_str(tn->names[tn->n_names - 1]));
			return 1;
		}
		return s;
	}
	case NODE(COLLATE_CLAUSE):
		return figure(n->collate_clause->arg, name);
	case NODE(A_INDIRECTION): { /* (r).f is named f, a[i] after a */
		const PgQuery__AIndirection *ind = n->a_indirection;
		const char *field =
			ind->n_indirection ? xlat_node_str(ind->indirection[ind->n_indirection - 1])
					   : NULL;
		if (field) {
			*name = field;
			return 2;
		}
		return figure(ind->arg, name);
	}
	case NODE(SUB_LINK):
		switch (n->sub_link->sub_link_type) {
		case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK:
			*name = "exists";
			return 2;
		case PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK:
			*name = "array";
			return 2;
		case PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK:
			if (n->sub_link->subselect->node_case != NODE(SELECT_STMT))
				return 0;
			*name = xlat_select_colname(n->sub_link->subselect->select_stmt);
			return *name ? 2 : 0;
		default:
			return 0;
		}
	case NODE(CASE_EXPR): { /* named after its ELSE when that has a name */
		int s = n->case_expr->defresult ? figure(n->case_expr->defresult, name) : 0;
		if (s <= 1) {
			*name = "case";
			return 1;
		}
		return s;
	}
	case NODE(A_ARRAY_EXPR): /* ARRAY[] and ROW() act like functions: a cast keeps the name */
		*name = "array";
		return 2;
	case NODE(ROW_EXPR):
		*name = "row";
		return 2;
	case NODE(COALESCE_EXPR):
		*name = "coalesce";
		return 2;
	case NODE(MIN_MAX_EXPR):
		*name = n->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ? "greatest"
										 : "least";
		return 2;
	case NODE(GROUPING_FUNC):
		*name = "grouping";
		return 2;
	case NODE(SQLVALUE_FUNCTION): {
		static const char *const names[] = {
			"",
			"current_date",
			"current_time",
			"current_time",
			"current_timestamp",
			"current_timestamp",
			"localtime",
			"localtime",
			"localtimestamp",
			"localtimestamp",
			"current_role",
			"current_user",
			"user",
			"session_user",
			"current_catalog",
			"current_schema",
		};
		size_t op = (size_t)n->sqlvalue_function->op;
		if (op == 0 || op >= ARRAY_LEN(names))
			return 0;
		*name = names[op];
		return 2;
	}
	default:
		return 0;
	}
}

const char *xlat_colname(const PgQuery__Node *n)
{
	const char *name = NULL;
	return figure(n, &name) && name ? name : "?column?";
}

const char *xlat_select_colname(const PgQuery__SelectStmt *s)
{
	while (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE && s->larg)
		s = s->larg;
	if (s->n_values_lists)
		return "column1";
	if (!s->n_target_list)
		return NULL;
	const PgQuery__ResTarget *rt = s->target_list[0]->res_target;
	if (rt->name && *rt->name)
		return rt->name;
	return xlat_colname(rt->val);
}

static bool is_star(const PgQuery__Node *n)
{
	if (n->node_case != NODE(COLUMN_REF))
		return false;
	const PgQuery__ColumnRef *cr = n->column_ref;
	return cr->fields[cr->n_fields - 1]->node_case == NODE(A_STAR);
}

const char **xlat_select_colnames(struct xlat_ctx *c, const PgQuery__SelectStmt *s, size_t *n)
{
	while (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE && s->larg)
		s = s->larg;
	size_t width = s->n_values_lists ? s->values_lists[0]->list->n_items : s->n_target_list;
	const char **v = arena_zalloc(c->a, (width + 1) * sizeof(*v));
	*n = width;
	for (size_t i = 0, k = 0; i < width; i++, k++) {
		if (s->n_values_lists) {
			v[i] = arena_printf(c->a, "column%zu", i + 1);
			continue;
		}
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		if (is_star(rt->val))
			return NULL;
		size_t nf = 0; /* (f()).*: its columns' names */
		const char *const *fnames = xlat_srfzip_star_names(c, rt->val, &nf);
		if (fnames) {
			const char **grown = arena_zalloc(c->a, (*n + nf + 1) * sizeof(*grown));
			memcpy(grown, v, k * sizeof(*v));
			memcpy(grown + k, fnames, nf * sizeof(*v));
			v = grown;
			*n += nf - 1;
			k += nf - 1;
			continue;
		}
		v[k] = rt->name && *rt->name ? rt->name : xlat_colname(rt->val);
	}
	return v;
}

const char **xlat_shape_colnames(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
				 const struct xlat_shape *shape, size_t *n)
{
	const char **v = xlat_select_colnames(c, s, n);
	if (v || !shape || shape->star || !shape->names)
		return v;
	for (size_t i = 0; i < shape->n; i++) {
		if (!shape->names[i])
			return NULL;
	}
	v = arena_zalloc(c->a, (shape->n + 1) * sizeof(*v)); /* callers rename in place */
	memcpy(v, shape->names, shape->n * sizeof(*v));
	*n = shape->n;
	return v;
}

static void shape_alloc(struct xlat_ctx *c, struct xlat_shape *shape, size_t n)
{
	if (!shape)
		return;
	shape->types = arena_zalloc(c->a, (n ? n : 1) * sizeof(*shape->types));
	shape->n = n;
	shape->star = false;
	shape->names = NULL;
	shape->origins = arena_zalloc(c->a, (n ? n : 1) * sizeof(*shape->origins));
}

/* Every column of shape 0/0 in RowDescription: a set operation's, a VALUES list's. */
static void shape_no_origins(struct xlat_shape *shape)
{
	for (size_t i = 0; shape && shape->origins && i < shape->n; i++)
		shape->origins[i] = (struct xlat_origin){XLAT_ORIGIN_NONE, NULL, NULL};
}

/* Where target n (of type t) comes from as PostgreSQL's RowDescription tells it: only a plain
 * column reference (a Var) has an origin there, also under a cast to its own type, which
 * PostgreSQL's parser drops. */
static struct xlat_origin target_origin(struct xlat_ctx *c, const PgQuery__Node *n,
					struct xlat_type t)
{
	const struct xlat_origin sqlite = {XLAT_ORIGIN_SQLITE, NULL, NULL};
	const struct xlat_origin none = {XLAT_ORIGIN_NONE, NULL, NULL};
	switch (n->node_case) {
	case NODE(COLUMN_REF): {
		struct xlat_origin o = xlat_scope_column_origin(c, n->column_ref, false);
		return o.kind == XLAT_ORIGIN_SQLITE ? xlat_scope_row_origin(c, n->column_ref)
						    : o; /* SELECT t FROM t: t's, attribute 0 */
	}
	case NODE(TYPE_CAST): {
		const PgQuery__TypeCast *tc = n->type_cast;
		if (tc->arg->node_case != NODE(COLUMN_REF))
			return tc->arg->node_case == NODE(TYPE_CAST) ||
					       tc->arg->node_case == NODE(A_INDIRECTION)
				       ? sqlite
				       : none;
		struct xlat_type ct = xlat_scope_column_type(c, tc->arg->column_ref);
		if (!ct.oid || !t.oid)
			return sqlite;
		bool own = ct.oid == t.oid && tc->type_name && !tc->type_name->n_array_bounds &&
			   (!tc->type_name->n_typmods || t.typmod == ct.typmod);
		/* named, even a table's: SQLite sees the CAST the translation may keep */
		return own ? xlat_scope_column_origin(c, tc->arg->column_ref, true) : none;
	}
	case NODE(A_INDIRECTION): /* (t).a is t's column a */
		return sqlite;
	case NODE(FUNC_CALL): /* a(t) too, where t is a relation */
		return n->func_call->n_args == 1 && !n->func_call->over &&
				       n->func_call->args[0]->node_case == NODE(COLUMN_REF)
			       ? sqlite
			       : none;
	default:
		return none;
	}
}

bool xlat_targets(struct xlat_ctx *c, PgQuery__Node **v, size_t n, struct xlat_shape *shape)
{
	const struct xlat_schema_col **assign = c->assign_targets; /* INSERT ... SELECT */
	const struct xlat_shape *want = c->arm_targets;            /* a set operation's arm */
	bool compared = c->compared_targets && !assign;
	c->assign_targets = NULL;
	c->arm_targets = NULL;
	c->compared_targets = false;
	for (size_t i = 0; assign && i < n; i++) {
		if (is_star(v[i]->res_target->val))
			assign = NULL; /* the positions are not known */
	}
	shape_alloc(c, shape, n);
	if (!n) /* SELECT FROM t: SQLite needs a column, the session reports none */
		xlat_puts(c, "NULL");
	size_t more = 0; /* result columns beyond the targets: (f()).* spells out several */
	for (size_t i = 0; i < n; i++) {
		const PgQuery__ResTarget *rt = v[i]->res_target;
		struct xlat_type t, *cols;
		size_t ncols;
		if (i)
			xlat_puts(c, ", ");
		int fstar = assign ? 0 : xlat_srfzip_star(c, rt->val, &cols, &ncols);
		if (fstar < 0)
			return false;
		if (fstar && shape) {
			struct xlat_type *grown =
				arena_zalloc(c->a, (shape->n + ncols) * sizeof(*grown));
			memcpy(grown, shape->types, (i + more) * sizeof(*grown));
			memcpy(grown + i + more, cols, ncols * sizeof(*grown));
			shape->types = grown;
			struct xlat_origin *origins =
				arena_zalloc(c->a, (shape->n + ncols) * sizeof(*origins));
			memcpy(origins, shape->origins, (i + more) * sizeof(*origins));
			for (size_t k = 0; k < ncols; k++) /* fields of a function's row */
				origins[i + more + k].kind = XLAT_ORIGIN_NONE;
			shape->origins = origins;
			shape->n += ncols - 1;
		}
		if (fstar) {
			more += ncols - 1;
			continue;
		}
		if (is_star(rt->val) && c->star_from && rt->val->column_ref->n_fields == 1) {
			if (!xlat_srf_star(c)) /* FROM holds a directly joined function */
				return false;
			if (shape)
				shape->star = true;
			continue;
		}
		if (is_star(rt->val)) { /* PostgreSQL ignores an alias on * and t.* */
			unsigned saved = c->flags;
			c->flags |= XLAT_X_STAR;
			bool ok = xlat_expr(c, rt->val, &t);
			c->flags = saved;
			if (shape)
				shape->star = true;
			if (!ok)
				return false;
			continue;
		}
		int row = xlat_row_result(c, rt, i, &t); /* ROW(...), t: their text */
		if (row) {
			if (shape && row > 0)
				shape->types[i + more] = t;
			if (shape && row > 0 && shape->origins &&
			    rt->val->node_case == NODE(COLUMN_REF))
				shape->origins[i + more] = xlat_scope_row_origin(
					c, rt->val->column_ref); /* SELECT t FROM t: attribute 0 */
			if (row < 0)
				return false;
			continue;
		}
		size_t mark = c->sb->len;
		t = (struct xlat_type){0, -1};
		unsigned saved = c->flags;
		/* what the client sees (not a subquery's column, not a value to store) */
		if (xlat_catalog_shows_name(rt->val) && !assign && c->level == 1 && !c->in_cte)
			c->flags |= XLAT_X_RESULT; /* for xlat_catalog_cast, which clears it */
		bool ok = assign ? xlat_assign_value(c, assign[i], rt->val)
			  : want && !more && i < want->n
				  ? xlat_branch(c, rt->val, want->types[i], &t)
				  : xlat_expr(c, rt->val, &t);
		c->flags = saved;
		if (!ok)
			return false;
		if ((c->flags & XLAT_X_EXACT_DISTINCT) && (c->flags & XLAT_X_EXACT) &&
		    t.oid == XLAT_OID_NUMERIC && xlat_exact_node(rt->val) &&
		    rt->val->node_case != NODE(COLUMN_REF))
			xlat_puts(
				c,
				" COLLATE pgfn_num"); /* decimal text: DISTINCT, GROUP BY by value */
		bool collated = compared && t.oid == XLAT_OID_INTERVAL;
		if (collated) { /* '1 mon' and '30 days' are one value to interval_cmp */
			xlat_insert_at(c, mark, "(");
			xlat_puts(c, ") COLLATE pgfn_interval");
		}
		if (!assign && t.oid == XLAT_OID_CITEXT && rt->val->node_case != NODE(COLUMN_REF))
			xlat_puts(
				c,
				" COLLATE NOCASE"); /* DISTINCT, UNION, an outer query: citext's */
		if (shape) {
			shape->types[i + more] = t;
			shape->origins[i + more] = target_origin(c, rt->val, t);
		}
		/* a LATERAL column reference or a system column (xlat_syscol.c) was replaced by
		 * its expression, parenthesized */
		bool substituted = collated || (c->sb->len > mark && c->sb->data[mark] == '(');
		if (rt->name && *rt->name) {
			xlat_puts(c, " AS ");
			xlat_ident(c, rt->name);
		} else if (rt->val->node_case != NODE(COLUMN_REF) || substituted ||
			   (rt->val->column_ref->n_fields == 1 &&
			    xlat_scope_scalar_fn(c, xlat_colname(rt->val)))) {
			/* (jsonb_array_elements(x) AS l: l was written l.value) */
			/* SQLite would name the column after the expression's text */
			xlat_puts(c, " AS ");
			xlat_ident(c, xlat_colname(rt->val));
		}
	}
	return true;
}

void xlat_shape_to_cols(struct xlat_ctx *c, const struct xlat_shape *shape)
{
	if (shape->star) {
		c->st->ncols = -1;
		c->st->cols = NULL;
		return;
	}
	struct xlat_col *cols = xlat_cols_new(c, shape->n);
	for (size_t i = 0; i < shape->n; i++) {
		struct xlat_type t = shape->types[i];
		cols[i].type_oid = t.oid == XLAT_OID_UNKNOWN ? XLAT_OID_TEXT : t.oid;
		cols[i].typmod = t.oid == XLAT_OID_UNKNOWN_COL ? -1 : t.typmod;
		xlat_numeric_col(&cols[i], t);
		if (shape->origins)
			cols[i].origin = shape->origins[i];
		if (shape->names && shape->names[i])
			cols[i].name = arena_strdup(c->a, shape->names[i]);
	}
}

static bool sort_items(struct xlat_ctx *c, PgQuery__Node **v, size_t n);

/* An ORDER BY: its integer constants are ordinals to SQLite too, so none becomes a
 * parameter (xlat_env.bind_consts). */
bool xlat_sort_list(struct xlat_ctx *c, PgQuery__Node **v, size_t n)
{
	c->inline_consts++;
	bool ok = sort_items(c, v, n);
	c->inline_consts--;
	return ok;
}

static bool sort_items(struct xlat_ctx *c, PgQuery__Node **v, size_t n)
{
	const char **colls = c->sort_colls; /* this list's own, not a subquery's */
	const char **sys = c->sort_syscols;
	int range = c->range_us; /* this list's own, not a subquery's in its items */
	c->sort_colls = NULL;
	c->sort_syscols = NULL;
	c->range_us = 0;
	for (size_t i = 0; i < n; i++) {
		const PgQuery__SortBy *sb = v[i]->sort_by;
		struct xlat_type st = {0, -1};
		if (sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_USING)
			return xlat_unsupported(c, sb->location, "ORDER BY ... USING");
		if (i)
			xlat_puts(c, ", ");
		bool desc = sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
		if (sb->node->node_case == NODE(ROW_EXPR)) { /* ORDER BY (a, b): field by field */
			if (!xlat_row_sort(c, sb->node->row_expr, desc))
				return false;
			continue;
		}
		size_t mark = c->sb->len;
		if (sys && sys[i])
			xlat_puts(c, sys[i]);
		else if (!xlat_expr(c, sb->node, &st))
			return false;
		else if (sb->node->node_case == NODE(FUNC_CALL)) /* a tenant's numeric result: */
			(void)xlat_numeric_param_operand(c, sb->node, st, mark, c->sb->len);
		if (!(sys && sys[i]) && !xlat_sortable(c, st, xlat_tree_location(&sb->node->base)))
			return false;
		if (range && i == 0) { /* RANGE ... n PRECEDING: the key's type; a date/time
					      * key offset by an interval: a number to offset */
			c->range_key = st.oid;
			if (range == 2 &&
			    (st.oid == XLAT_OID_DATE || st.oid == XLAT_OID_TIME ||
			     st.oid == XLAT_OID_TIMESTAMP || st.oid == XLAT_OID_TIMESTAMPTZ)) {
				xlat_insert_at(c, mark, "pg_dt_us(");
				xlat_printf(c, ", %u)", (unsigned)st.oid);
				st.oid = XLAT_OID_INT8;
			}
		}
		const char *own = xlat_array_collation(st.oid, 0, NULL);
		own = own ? own : xlat_jsonb_collation(st.oid, 0, NULL);
		own = own ? own : xlat_comptype_collation(c, st.oid); /* ORDER BY ROW(...)::t */
		own = own || st.oid != XLAT_OID_INTERVAL ? own : " COLLATE pgfn_interval";
		own = own || st.oid != XLAT_OID_TIMETZ ? own : " COLLATE pgfn_timetz";
		const char *use = colls && colls[i] ? colls[i] : own;
		const char *jsonb = xlat_jsonb_collation(XLAT_OID_JSONB, 0, NULL);
		if (use && strcmp(use, jsonb) == 0 && sb->node->node_case != NODE(A_CONST))
			xlat_jsonb_sort_text(c, mark);
		/* an enum sorts by its labels' order, an array or jsonb by its type's */
		if (!xlat_enum_collate(c, st.oid) && use)
			xlat_puts(c, use);
		xlat_exact_sort_item(c, sb->node);
		if ((c->flags & XLAT_X_EXACT) && st.oid == XLAT_OID_NUMERIC && !use &&
		    sb->node->node_case == NODE(A_INDIRECTION))
			xlat_puts(c,
				  " COLLATE pgfn_num"); /* a numeric[] element: its decimal text */
		bool first =
			sb->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST ||
			(desc && sb->sortby_nulls != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST);
		/* PostgreSQL sorts NULL as larger than any value, SQLite as smaller */
		xlat_puts(c, desc ? " DESC" : "");
		xlat_puts(c, first ? " NULLS FIRST" : " NULLS LAST");
	}
	return true;
}

static bool is_null_const(const PgQuery__Node *n)
{
	return n->node_case == NODE(A_CONST) && n->a_const->isnull;
}

/* n cast to bigint, as PostgreSQL coerces a LIMIT or OFFSET expression (2.5 rounds to 3,
 * 'x' is 22P02). */
static const PgQuery__Node *as_bigint(struct xlat_ctx *c, const PgQuery__Node *n)
{
	return xlat_tree_cast(c->a, n, "int8", xlat_tree_location(&n->base));
}

/* kind: 0 OFFSET, 1 LIMIT, 2 the rank bound of WITH TIES (pgfn_limit.c). An integer constant
 * goes as written; anything else through pgfn_limit, which reads NULL as no limit (OFFSET 0)
 * and refuses a negative value as PostgreSQL does when the query runs. */
static bool limit_expr(struct xlat_ctx *c, const PgQuery__Node *n, int kind)
{
	struct xlat_type ignored;
	if (n->node_case == NODE(A_CONST) && n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
		if (xlat_const_value(c, n)->ival->ival < 0)
			return xlat_fail(c, kind ? "2201W" : "2201X", -1, "%s must not be negative",
					 kind ? "LIMIT" : "OFFSET");
		return xlat_operand(c, n, &ignored);
	}
	if (n->node_case == NODE(PARAM_REF) &&
	    !xlat_param(c, n->param_ref->number, XLAT_OID_INT8, n->param_ref->location))
		return false;
	xlat_puts(c, "pgfn_limit(");
	if (!xlat_expr(c, n->node_case == NODE(PARAM_REF) ? n : as_bigint(c, n), &ignored))
		return false;
	xlat_printf(c, ", %d)", kind);
	return true;
}

bool xlat_limit_value(struct xlat_ctx *c, const PgQuery__Node *n, bool is_limit)
{
	return limit_expr(c, n, is_limit);
}

bool xlat_limit_ties_bound(struct xlat_ctx *c, const PgQuery__Node *n)
{
	return limit_expr(c, n, 2);
}

/* Whether two result columns are surely different expressions: column references naming
 * different columns, or other expressions unequal as trees (t.a and a, (t).a and a may be one
 * column: not surely different). */
static bool surely_different(const PgQuery__Node *a, const PgQuery__Node *b)
{
	if (a->node_case == NODE(A_INDIRECTION) || b->node_case == NODE(A_INDIRECTION))
		return false;
	if (a->node_case == NODE(COLUMN_REF) && b->node_case == NODE(COLUMN_REF)) {
		const PgQuery__ColumnRef *x = a->column_ref, *y = b->column_ref;
		const char *p = xlat_node_str(x->fields[x->n_fields - 1]);
		const char *q = xlat_node_str(y->fields[y->n_fields - 1]);
		return p && q && strcmp(p, q) != 0;
	}
	return !xlat_tree_equal(&a->base, &b->base, NULL, NULL);
}

/* PostgreSQL's findTargetlistEntrySQL92: ORDER BY name where two result columns of that name
 * are different expressions is 42702 (SQLite would take the first). */
static bool sort_names_unique(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		const PgQuery__Node *n = s->sort_clause[i]->node_case == NODE(SORT_BY)
						 ? s->sort_clause[i]->sort_by->node
						 : NULL;
		if (!n || n->node_case != NODE(COLUMN_REF) || n->column_ref->n_fields != 1)
			continue;
		const char *name = xlat_node_str(n->column_ref->fields[0]);
		const PgQuery__Node *seen = NULL;
		for (size_t k = 0; name && k < s->n_target_list; k++) {
			const PgQuery__ResTarget *rt = s->target_list[k]->res_target;
			const char *out = rt->name && *rt->name ? rt->name : xlat_colname(rt->val);
			if (!rt->val || !out || strcmp(out, name) != 0)
				continue;
			if (seen && surely_different(seen, rt->val))
				return xlat_fail(c, "42702", n->column_ref->location,
						 "ORDER BY \"%s\" is ambiguous", name);
			seen = rt->val;
		}
	}
	return true;
}

/* The ORDER BY of UNION/INTERSECT/EXCEPT names result columns (or gives their ordinals) only,
 * as PostgreSQL's transformSetOperationStmt: another name is 42703, an expression 0A000 (issue
 * #3: SQLite found the name in any of the queries, ORDER BY q2 of SELECT q1 ... EXCEPT SELECT
 * q2 sorted by the second query's column). */
static bool setop_sort_names(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	size_t n = 0;
	const char **names = xlat_select_colnames(c, s, &n);
	for (size_t i = 0; names && i < s->n_sort_clause; i++) {
		const PgQuery__Node *k = s->sort_clause[i]->node_case == NODE(SORT_BY)
						 ? s->sort_clause[i]->sort_by->node
						 : NULL;
		if (!k || k->node_case == NODE(A_CONST) || k->node_case == NODE(PARAM_REF))
			continue;
		if (k->node_case == NODE(COLUMN_REF) && k->column_ref->n_fields == 2 &&
		    k->column_ref->fields[0]->node_case == NODE(STRING))
			return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, k->column_ref->location,
					 "missing FROM-clause entry for table \"%s\"",
					 k->column_ref->fields[0]->string->sval);
		if (k->node_case != NODE(COLUMN_REF) || k->column_ref->n_fields != 1 ||
		    k->column_ref->fields[0]->node_case != NODE(STRING)) {
			xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, xlat_tree_location(&k->base),
				  "invalid UNION/INTERSECT/EXCEPT ORDER BY clause");
			pgerr_detail(c->err,
				     "Only result column names can be used, not expressions "
				     "or functions.");
			pgerr_hint(c->err, "Add the expression/function to every SELECT, or move "
					   "the UNION into a FROM clause.");
			return false;
		}
		const char *name = k->column_ref->fields[0]->string->sval;
		bool found = false;
		for (size_t j = 0; j < n && !found; j++)
			found = names[j] && strcmp(names[j], name) == 0;
		if (!found)
			return xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, k->column_ref->location,
					 "column \"%s\" does not exist", name);
	}
	return true;
}

static bool order_limit(struct xlat_ctx *c, const PgQuery__SelectStmt *s, bool sort)
{
	if (sort && s->n_sort_clause && !sort_names_unique(c, s))
		return false;
	if (sort && s->n_sort_clause && s->op != PG_QUERY__SET_OPERATION__SETOP_NONE &&
	    !setop_sort_names(c, s))
		return false;
	if (sort && s->n_sort_clause) {
		xlat_puts(c, " ORDER BY ");
		c->scope_left++; /* the query's FROM items have left the scope (xlat_scope_missing) */
		bool ok = xlat_sort_list(c, s->sort_clause, s->n_sort_clause);
		c->scope_left--;
		if (!ok)
			return false;
	}
	if (s->limit_option == PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_WITH_TIES)
		return sort ? xlat_ties_limit(c, s) /* over * */
			    : xlat_unsupported(c, -1, "FETCH ... WITH TIES");
	const PgQuery__Node *count = s->limit_count, *offset = s->limit_offset;
	if (count && is_null_const(count))
		count = NULL; /* LIMIT ALL / LIMIT NULL */
	if (!count && !offset)
		return true;
	xlat_puts(c, " LIMIT ");
	if (!count)
		xlat_puts(c, "-1");
	else if (!xlat_limit_value(c, count, true))
		return false;
	if (!offset)
		return true;
	xlat_puts(c, " OFFSET ");
	return xlat_limit_value(c, offset, false);
}

/* xs: its SEARCH/CYCLE columns (xlat_search.c), NULL when it has none. */
static bool cte(struct xlat_ctx *c, const PgQuery__CommonTableExpr *e, bool recursive,
		const struct xlat_search *xs)
{
	if ((e->search_clause || e->cycle_clause) && !xs)
		return xlat_fail(c, "42601", e->location, "WITH query is not recursive");
	if (e->ctequery->node_case != NODE(SELECT_STMT))
		return xlat_unsupported(c, e->location, "a data-modifying statement in WITH");
	xlat_ident(c, e->ctename);
	if (e->n_aliascolnames) {
		xlat_puts(c, "(");
		for (size_t i = 0; i < e->n_aliascolnames; i++) {
			xlat_puts(c, i ? ", " : "");
			xlat_ident(c, xlat_node_str(e->aliascolnames[i]));
		}
		if (xs)
			xlat_search_colnames(c, xs);
		xlat_puts(c, ")");
	}
	xlat_puts(c, " AS ");
	if (e->ctematerialized == PG_QUERY__CTEMATERIALIZE__CTEMaterializeAlways)
		xlat_puts(c, "MATERIALIZED ");
	else if (e->ctematerialized == PG_QUERY__CTEMATERIALIZE__CTEMaterializeNever)
		xlat_puts(c, "NOT MATERIALIZED ");
	xlat_puts(c, "(");
	struct xlat_shape shape = {0};
	const struct xlat_search *outer = c->search;
	c->search = xs;
	c->in_cte++;
	bool ok = xlat_select(c, e->ctequery->select_stmt, &shape);
	c->in_cte--;
	c->search = outer;
	xlat_puts(c, ")");
	if (ok && !recursive)
		xlat_scope_cte(c, e, &shape);
	return ok;
}

/* A recursive CTE's columns have the types of its non-recursive term, which PostgreSQL
 * requires to be the left arm of a UNION: learned by a dry run before the CTE is emitted,
 * so that the recursive term's references to it are typed. */
static bool recursive_cte_scope(struct xlat_ctx *c, const PgQuery__CommonTableExpr *e,
				const struct xlat_search **xs)
{
	const PgQuery__SelectStmt *q = e->ctequery->select_stmt;
	if (q->op != PG_QUERY__SET_OPERATION__SETOP_UNION || !q->larg) {
		xlat_scope_cte(c, e, NULL);
		return !(e->search_clause || e->cycle_clause) ||
		       xlat_unsupported(c, e->location,
					"SEARCH or CYCLE over this form of recursive query");
	}
	struct xlat_shape shape = {0};
	int saved = c->nctes;
	xlat_scope_cte(c, e, NULL);          /* opaque while the left arm is typed */
	PgQuery__SelectStmt larg = *q->larg; /* with the WITH of the union, which it may read */
	if (q->with_clause && !larg.with_clause)
		larg.with_clause = q->with_clause;
	bool ok = xlat_scope_dry_select(c, &larg, &shape);
	c->nctes = saved;
	/* a view's * spelled out in the copy (xlat_viewstar.c) replaced the tree's list */
	q->larg->target_list = larg.target_list;
	q->larg->n_target_list = larg.n_target_list;
	if (ok) {
		size_t n = 0;
		const char **names = xlat_shape_colnames(c, q, &shape, &n);
		xlat_scope_cte(c, e, names ? &shape : NULL);
		for (size_t i = 0; names && i < e->n_aliascolnames && i < n; i++)
			names[i] = xlat_node_str(e->aliascolnames[i]);
		if (e->search_clause || e->cycle_clause)
			ok = names && n == shape.n
				     ? xlat_search_prepare(c, e, names, &shape, xs)
				     : xlat_unsupported(c, e->location,
							"SEARCH or CYCLE over a query with *");
	}
	return ok;
}

/* A data-modifying WITH query e below the top level: PostgreSQL's errors where it has one. */
static bool nested_modcte(struct xlat_ctx *c, const PgQuery__CommonTableExpr *e)
{
	const PgQuery__Node *top = c->top_stmt;
	if (top && top->node_case == NODE(DECLARE_CURSOR_STMT))
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "DECLARE CURSOR must not contain data-modifying statements in WITH");
	if (top && (top->node_case == NODE(SELECT_STMT) || top->node_case == NODE(INSERT_STMT) ||
		    top->node_case == NODE(UPDATE_STMT) || top->node_case == NODE(DELETE_STMT)))
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, e->location,
				 "WITH clause containing a data-modifying statement must be at the "
				 "top level");
	return true; /* cte() refuses it */
}

bool xlat_with(struct xlat_ctx *c, const PgQuery__WithClause *w)
{
	if (!w)
		return true;
	for (size_t i = 0; i < w->n_ctes; i++) { /* parserOpenTable's check, before SQLite's */
		const PgQuery__CommonTableExpr *e = w->ctes[i]->common_table_expr;
		for (size_t k = 0; k < i; k++)
			if (strcmp(w->ctes[k]->common_table_expr->ctename, e->ctename) == 0)
				return xlat_fail(c, "42712", e->location,
						 "WITH query name \"%s\" specified more than once",
						 e->ctename);
	}
	bool top = w == xlat_modcte_top_with(c->top_stmt) && !c->dry;
	for (size_t i = 0; top && !c->mod && i < w->n_ctes; i++)
		if (xlat_modcte_is(w->ctes[i]->common_table_expr) && !xlat_modcte_begin(c, w))
			return false;
	size_t start = c->sb->len, sep = 0;
	xlat_puts(c, w->recursive ? "WITH RECURSIVE " : "WITH ");
	for (size_t i = 0; i < w->n_ctes; i++) {
		const PgQuery__CommonTableExpr *e = w->ctes[i]->common_table_expr;
		bool rec = w->recursive && e->ctequery->node_case == NODE(SELECT_STMT),
		     shown = true;
		const struct xlat_search *xs = NULL;
		xlat_puts(c, sep ? ", " : "");
		bool shared = false;
		if (w != xlat_modcte_top_with(c->top_stmt) && xlat_modcte_is(e) &&
		    !nested_modcte(c, e))
			return false;
		if (top && c->mod && xlat_modcte_is(e)) {
			if (!xlat_modcte_emit(c, e, &shown))
				return false;
		} else if (top && c->mod && !xlat_modcte_shared(c, w, i, &shared)) {
			return false;
		} else if (shared) {
			/* emitted over its rows */
		} else if ((rec && (e->search_clause || e->cycle_clause) &&
			    !xlat_search_form(c, e)) ||
			   (rec && !xlat_recursive_check(c, w, i)) ||
			   ((rec = rec && xlat_recursive_is(e)) &&
			    !recursive_cte_scope(c, e, &xs)) ||
			   !cte(c, e, rec, xs)) {
			return false;
		}
		sep += shown;
		if (!shown && sep) /* undo the separator */
			c->sb->len -= 2;
	}
	if (!sep) /* only data-modifying ones without RETURNING: no WITH left */
		c->sb->len = start;
	else
		xlat_puts(c, " ");
	return true;
}

static bool values(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape)
{
	size_t width = s->values_lists[0]->list->n_items;
	const struct xlat_schema_col **assign = c->assign_for == s ? c->assign : NULL;
	if (assign) /* INSERT's target columns */
		c->assign = NULL, c->assign_for = NULL;
	struct xlat_type *common = arena_zalloc(c->a, (width + 1) * sizeof(*common));
	PgQuery__Node **col = arena_zalloc(c->a, (s->n_values_lists + 1) * sizeof(*col));
	for (size_t i = 0; !assign && i < width; i++) { /* VALUES (1), ('x'): 22P02 */
		for (size_t r = 0; r < s->n_values_lists; r++)
			col[r] = s->values_lists[r]->list->n_items == width
					 ? s->values_lists[r]->list->items[i]
					 : NULL;
		common[i] = col[s->n_values_lists - 1]
				    ? xlat_branches_type(c, col, s->n_values_lists)
				    : (struct xlat_type){XLAT_OID_UNKNOWN, -1};
	}
	struct xlat_type *tv =
		arena_zalloc(c->a, (s->n_values_lists + 1) * (width + 1) * sizeof(*tv));
	xlat_puts(c, "VALUES ");
	for (size_t r = 0; r < s->n_values_lists; r++) {
		const PgQuery__List *row = s->values_lists[r]->list;
		if (row->n_items != width)
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
					 "VALUES lists must all be the same length");
		xlat_puts(c, r ? ", (" : "(");
		for (size_t i = 0; i < width; i++) {
			xlat_puts(c, i ? ", " : "");
			if (assign ? !xlat_assign_value(c, assign[i], row->items[i])
				   : !xlat_branch(c, row->items[i], common[i],
						  &tv[i * s->n_values_lists + r]))
				return false;
		}
		xlat_puts(c, ")");
	}
	shape_alloc(c, shape, width);
	for (size_t i = 0; shape && i < width; i++)
		shape->types[i] = xlat_type_common(&tv[i * s->n_values_lists], s->n_values_lists);
	return true;
}

static bool distinct(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	if (!s->n_distinct_clause)
		return true;
	if (!xlat_is_distinct_on(s))
		xlat_puts(c, "DISTINCT "); /* DISTINCT ON: xlat_qforms.c */
	return true;
}

/* A GROUP BY ordinal names a result column (42P10 otherwise, before the grouping checks could
 * call a column ungrouped); with a * the columns are counted when the query runs. */
static bool group_position(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const PgQuery__Node *n)
{
	if (n->node_case != NODE(A_CONST) || n->a_const->val_case != PG_QUERY__A__CONST__VAL_IVAL)
		return true;
	int32_t k = n->a_const->ival ? n->a_const->ival->ival : 0;
	if (k >= 1 && ((size_t)k <= s->n_target_list || xlat_has_star(s)))
		return true;
	return xlat_fail(c, "42P10", n->a_const->location,
			 "GROUP BY position %d is not in select list", k);
}

/* GROUP BY t of a whole row of relation t: its columns, which group as PostgreSQL's record
 * equality groups the rows (a NULL field equal to another). 1 emitted, 0 not one, -1 failed. */
static int group_whole_row(struct xlat_ctx *c, const PgQuery__Node *n)
{
	const struct xlat_schema_col *cols;
	size_t ncols;
	const char *rel = xlat_row_rel(c, n, &cols, &ncols);
	if (!rel)
		return 0;
	for (size_t k = 0; k < ncols; k++) {
		struct xlat_colref r;
		struct xlat_type t;
		xlat_puts(c, k ? ", " : "");
		if (!xlat_expr(c, xlat_colref(&r, rel, cols[k].name, n->column_ref->location),
			       &t) ||
		    !xlat_comptype_grouped(c, t, n->column_ref->location))
			return -1;
	}
	return 1;
}

/* gset: the grouping set arm's, for HAVING (xlat_gsets.c) */
static bool group_by(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_gset *gset)
{
	if (s->n_group_clause) {
		xlat_puts(c, " GROUP BY ");
		for (size_t i = 0; i < s->n_group_clause; i++) {
			struct xlat_type t;
			xlat_puts(c, i ? ", " : "");
			int whole = group_whole_row(c, s->group_clause[i]);
			if (whole < 0)
				return false;
			if (whole)
				continue;
			size_t mark = c->sb->len;
			if (!group_position(c, s, s->group_clause[i]) ||
			    !xlat_expr(c, s->group_clause[i], &t) ||
			    !xlat_comptype_grouped(c, t,
						   xlat_tree_location(&s->group_clause[i]->base)))
				return false;
			if (t.oid ==
			    XLAT_OID_INTERVAL) { /* interval_cmp's groups: 1 mon = 30 days */
				xlat_insert_at(c, mark, "(");
				xlat_puts(c, ") COLLATE pgfn_interval");
			}
		}
	}
	if (s->having_clause) {
		if (!xlat_srfzip_forbid(c, s->having_clause, "HAVING"))
			return false;
		xlat_puts(c, " HAVING ");
		c->gset = gset;
		bool ok = xlat_condition(c, s->having_clause);
		c->gset = NULL;
		return ok;
	}
	return true;
}

static bool window_clause(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	for (size_t i = 0; i < s->n_window_clause; i++) {
		const PgQuery__WindowDef *w = s->window_clause[i]->window_def;
		xlat_puts(c, i ? ", " : " WINDOW ");
		xlat_ident(c, w->name);
		xlat_puts(c, " AS ");
		if (!xlat_window_spec(c, w))
			return false;
	}
	return true;
}

static bool core_body(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape);

bool xlat_has_star(const PgQuery__SelectStmt *s)
{
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__Node *v = s->target_list[i]->res_target->val;
		if (v && v->node_case == NODE(COLUMN_REF) &&
		    v->column_ref->fields[v->column_ref->n_fields - 1]->node_case == NODE(A_STAR))
			return true;
	}
	return false;
}

/* tail: the ORDER BY/LIMIT follow here, so that they see the columns of directly joined
 * set-returning functions (ORDER BY cols.arridx) before those leave scope. */
static bool select_core_tail(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
			     struct xlat_shape *shape, bool tail)
{
	if (s->into_clause) { /* a top-level SELECT INTO is CREATE TABLE AS (xlat_ctas.c) */
		const PgQuery__Node *top = c->top_stmt;
		if (top && top->node_case == NODE(VIEW_STMT) &&
		    top->view_stmt->query->select_stmt == s)
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
					 "views must not contain SELECT INTO");
		const PgQuery__SelectStmt *first =
			top && top->node_case == NODE(SELECT_STMT) ? top->select_stmt : NULL;
		while (first && first->op != PG_QUERY__SET_OPERATION__SETOP_NONE && first->larg)
			first = first->larg;
		if (first == s) /* SELECT ... INTO t UNION ...: PostgreSQL makes t of the whole */
			return xlat_unsupported(c, -1, "SELECT INTO in one arm of a UNION");
		const PgQuery__RangeVar *rel = s->into_clause->rel;
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, rel ? rel->location : -1,
				 "SELECT ... INTO is not allowed here");
	}
	if (!xlat_colalias_rewrite(c, s)) /* FROM t AS x(a, b) */
		return false;
	struct xlat_shape local = {0}; /* a subquery's ORDER BY 1 reads its column's type too */
	if (!shape && tail && s->n_sort_clause)
		shape = &local;
	if (s->n_locking_clause && !xlat_locking_check(c, s))
		return false;
	if (s->n_locking_clause)
		c->st->writes =
			true; /* row locks: PostgreSQL refuses them in read-only transactions */
	const PgQuery__SelectStmt *exact_sel = c->exact_sel; /* an enclosing query's ORDER BY */
	const struct xlat_shape *exact_shape = c->exact_shape;
	c->exact_sel = NULL;
	c->exact_shape = NULL;
	xlat_puts(c, "SELECT ");
	int lateral_mark = c->nlat; /* LATERAL columns stay in scope to the end of the query */
	int lateral_bare = c->lat_bare;
	c->lat_bare = lateral_mark;
	xlat_lateral_collect(c, s->from_clause, s->n_from_clause);
	struct xlat_srf *outer_srf = c->srf; /* set-returning functions of this target list */
	int srfcol_mark = c->nsrfcols;
	PgQuery__Node **star_from = c->star_from;
	size_t n_star_from = c->n_star_from;
	xlat_srf_collect(c, s->from_clause, s->n_from_clause);
	if (xlat_lateral_since(c, lateral_mark)) { /* a * spells the LATERAL columns out */
		c->star_from = s->from_clause;
		c->n_star_from = s->n_from_clause;
	}
	int scope = xlat_scope_enter(c); /* targets come first: their FROM must be known */
	bool ok = xlat_scope_from(c, s->from_clause, s->n_from_clause);
	if (ok) /* unnest(t.a) of a row type's array: its attributes */
		xlat_unnestrow_joined(c, s->from_clause, s->n_from_clause, srfcol_mark);
	ok = ok && xlat_view_star(c, (PgQuery__SelectStmt *)s, scope) &&
	     xlat_catalog_srf_collect(c, s) && core_body(c, s, shape);
	if (ok)
		xlat_scope_star_shape(c, s, scope, shape);
	bool refused = false; /* ORDER BY a composite value */
	const char **sort_colls = ok && tail ? xlat_enum_sort_colls(c, s, shape, &refused) : NULL;
	ok = ok && !refused;
	const char **sort_syscols = NULL;
	ok = ok && (!tail || xlat_syscol_sort_cols(c, s, &sort_syscols));
	ok = ok && (!tail || xlat_reg_sort_keys(c, s, &sort_syscols));       /* by OID */
	ok = ok && (!tail || xlat_composite_sort_keys(c, s, &sort_syscols)); /* (x).f */
	ok = ok && (!tail || xlat_array_sort_keys(c, s, &sort_syscols));     /* a[i] */
	ok = ok && (!tail || xlat_jsonb_sort_keys(c, s, &sort_syscols));     /* ORDER BY 2 */
	xlat_scope_leave(c, scope);
	c->srf = outer_srf;
	bool exact = ok && tail && xlat_exact_select(c, s); /* its results were exact */
	c->exact_sel = exact ? s : NULL;
	c->exact_shape = exact ? shape : NULL;
	c->sort_colls = sort_colls;
	c->sort_syscols = sort_syscols;
	ok = ok && (!tail || order_limit(c, s, true));
	c->sort_colls = NULL;
	c->sort_syscols = NULL;
	c->exact_sel = exact_sel;
	c->exact_shape = exact_shape;
	c->nsrfcols = srfcol_mark;
	c->nlat = lateral_mark; /* ORDER BY o.col reads a LATERAL column too */
	c->lat_bare = lateral_bare;
	c->star_from = star_from;
	c->n_star_from = n_star_from;
	return ok;
}

static bool select_core(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape)
{
	return select_core_tail(c, s, shape, false);
}

bool xlat_select_core(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape)
{
	return select_core(c, s, shape);
}

bool xlat_select_limit(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	return order_limit(c, s, false);
}

static bool core_body_items(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
			    struct xlat_shape *shape);

/* A grouped level keeps its constants in the text: SQLite matches its targets against the
 * GROUP BY expressions (and GROUP BY 1 is an ordinal there too), and DISTINCT ON becomes
 * such a grouping (xlat_qforms.c). */
static bool core_body(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape)
{
	int grouped = s->n_group_clause || s->having_clause || xlat_is_distinct_on(s);
	c->inline_consts += grouped;
	bool ok = core_body_items(c, s, shape);
	c->inline_consts -= grouped;
	return ok;
}

/* 1 when s is the statement's own SELECT, 2 a CREATE TABLE AS's or a view's (whose columns'
 * declared types SQLite reads from its plain column references), else 0. */
static int top_select(const struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	const PgQuery__Node *top = c->top_stmt, *q = NULL;
	if (top && top->node_case == NODE(SELECT_STMT))
		return top->select_stmt == s;
	if (top && top->node_case == NODE(CREATE_TABLE_AS_STMT))
		q = top->create_table_as_stmt->query;
	else if (top && top->node_case == NODE(VIEW_STMT))
		q = top->view_stmt->query;
	return q && q->node_case == NODE(SELECT_STMT) && q->select_stmt == s ? 2 : 0;
}

static bool core_body_items(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
			    struct xlat_shape *shape)
{
	if (c->assign_for == s) { /* INSERT ... SELECT: its targets are stored into columns */
		c->assign_targets = c->assign;
		c->assign = NULL, c->assign_for = NULL;
	}
	if (c->arm_for == s) { /* one arm of a set operation */
		c->arm_targets = c->arm_want;
		c->arm_want = NULL, c->arm_for = NULL;
	}
	unsigned flags = c->flags;
	if (xlat_exact_select(c, s))
		c->flags |= XLAT_X_EXACT | (xlat_exact_compared(s) ? XLAT_X_EXACT_DISTINCT : 0);
	int top = top_select(c, s);
	c->compared_targets = !top || s->n_distinct_clause || (top == 1 && s->n_group_clause);
	struct xlat_gset *gset = c->gset_for == s ? c->gset_arm : NULL; /* xlat_gsets.c */
	c->gset = gset; /* its NULLs stand in the select list and HAVING only */
	PgQuery__SelectStmt *ms = (PgQuery__SelectStmt *)s; /* (x).* spelled out in the tree */
	bool ok = xlat_composite_targets(c, &ms->target_list, &ms->n_target_list) &&
		  distinct(c, s) && xlat_targets(c, s->target_list, s->n_target_list, shape) &&
		  xlat_search_targets(c, s);
	c->gset = NULL;
	c->flags = flags;
	if (!ok)
		return false;
	if (xlat_is_distinct_on(s) && !xlat_distinct_on_keys(c, s))
		return false;
	for (size_t i = 0; shape && s->n_distinct_clause && !xlat_is_distinct_on(s) &&
			   !shape->star && i < shape->n;
	     i++) { /* SQLite's DISTINCT compares a row value's text */
		if (!xlat_comptype_distinct_ok(c, shape->types[i]))
			return false;
	}
	if (c->ties_for == s && !xlat_ties_keys(c, s))
		return false;
	if (s->n_from_clause) {
		xlat_puts(c, " FROM ");
		if (!xlat_from_list(c, s->from_clause, s->n_from_clause))
			return false;
	}
	if (c->srf && !xlat_catalog_srf_from(c, s->n_from_clause > 0))
		return false;
	bool cycle = xlat_search_filters(c, s); /* the previous row no cycle's */
	if (s->where_clause || cycle) {
		if (s->where_clause && !xlat_srfzip_forbid(c, s->where_clause, "WHERE"))
			return false;
		xlat_puts(c, " WHERE ");
		if (cycle && !xlat_search_where(c))
			return false;
		xlat_puts(c, cycle && s->where_clause ? " AND (" : "");
		if (s->where_clause && !xlat_condition(c, s->where_clause))
			return false;
		xlat_puts(c, cycle && s->where_clause ? ")" : "");
	}
	return group_by(c, s, gset) && window_clause(c, s);
}

static bool has_tail(const PgQuery__SelectStmt *s)
{
	return s->n_sort_clause || s->limit_count || s->limit_offset || s->with_clause ||
	       s->n_locking_clause || xlat_is_distinct_on(s) || xlat_gsets_is(s) ||
	       xlat_having_is(s);
}

static bool set_op(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape);
static bool wrapped_values(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
			   struct xlat_shape *shape);

/* One arm of a compound. SQLite compounds have no parentheses and associate left to right,
 * and their arms take no ORDER BY/LIMIT/WITH: anything else becomes SELECT * FROM (arm). */
static bool arm(struct xlat_ctx *c, const PgQuery__SelectStmt *s, bool left,
		struct xlat_shape *shape)
{
	bool compound = s->op != PG_QUERY__SET_OPERATION__SETOP_NONE;
	if (!has_tail(s) && (!compound || left)) {
		if (compound)
			return set_op(c, s, shape);
		/* SQLite takes no ORDER BY after a compound whose first arm is a bare VALUES */
		return s->n_values_lists ? wrapped_values(c, s, shape) : select_core(c, s, shape);
	}
	xlat_puts(c, "SELECT * FROM (");
	bool ok = xlat_select(c, s, shape);
	xlat_puts(c, ")");
	return ok;
}

static bool string_literal(const PgQuery__Node *n)
{
	return n && n->node_case == NODE(A_CONST) && !n->a_const->isnull &&
	       n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
}

/* Whether arm s, a SELECT (VALUES resolves its own columns, an untyped one as text), has a
 * column that is an untyped literal. */
static bool arm_literals(const PgQuery__SelectStmt *s)
{
	if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE || s->n_values_lists)
		return false;
	for (size_t i = 0; i < s->n_target_list; i++)
		if (string_literal(s->target_list[i]->res_target->val))
			return true;
	return false;
}

/* The types a set operation's untyped literal columns are read as: each column's common type
 * over both arms, from a dry run of each (none when no arm has such a column, or one of them
 * cannot be typed here: the real translation reports why). */
static bool arm_types(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *want)
{
	struct xlat_shape l = {0}, r = {0};
	if (!c->schema || c->dry || !(arm_literals(s->larg) || arm_literals(s->rarg)))
		return true;
	if (!xlat_scope_dry_select(c, s->larg, &l) || !xlat_scope_dry_select(c, s->rarg, &r) ||
	    l.star || r.star)
		return true;
	shape_alloc(c, want, l.n);
	for (size_t i = 0; i < l.n && i < r.n; i++) {
		struct xlat_type pair[2] = {l.types[i], r.types[i]};
		want->types[i] = xlat_type_common(pair, 2);
		if (want->types[i].oid == XLAT_OID_UNKNOWN_COL ||
		    want->types[i].oid == XLAT_OID_BPCHAR)
			want->types[i] = (struct xlat_type){XLAT_OID_UNKNOWN, -1};
	}
	return true;
}

static void arm_want(struct xlat_ctx *c, const PgQuery__SelectStmt *arm,
		     const struct xlat_shape *want)
{
	c->arm_want = want->n && arm_literals(arm) ? want : NULL;
	c->arm_for = c->arm_want ? arm : NULL;
}

/* PostgreSQL's check that each column of the two arms has a common type: an integer column
 * and a text one (a VALUES literal, or a union of literals, is text by then) cannot meet. */
static bool arms_match(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const struct xlat_shape *l,
		       const struct xlat_shape *r)
{
	static const char *const ops[] = {"UNION", "INTERSECT", "EXCEPT"};
	const char *op = s->op == PG_QUERY__SET_OPERATION__SETOP_UNION       ? ops[0]
			 : s->op == PG_QUERY__SET_OPERATION__SETOP_INTERSECT ? ops[1]
									     : ops[2];
	for (size_t i = 0; !l->star && !r->star && i < l->n && i < r->n; i++) {
		if (!xlat_type_unmatched(l->types[i], r->types[i]))
			continue;
		const struct xlat_typeinfo *x = xlat_type_by_oid(l->types[i].oid),
					   *y = xlat_type_by_oid(r->types[i].oid);
		return xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, -1,
				 "%s types %s and %s cannot be matched", op, x ? x->sql_name : "?",
				 y ? y->sql_name : "?");
	}
	return true;
}

static bool set_op(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape)
{
	struct xlat_shape l = {0}, r = {0};
	const char *kw;
	switch (s->op) {
	case PG_QUERY__SET_OPERATION__SETOP_UNION:
		kw = s->all ? " UNION ALL " : " UNION ";
		break;
	case PG_QUERY__SET_OPERATION__SETOP_INTERSECT:
		kw = " INTERSECT ";
		break;
	default:
		kw = " EXCEPT ";
		break;
	}
	if (s->all && s->op != PG_QUERY__SET_OPERATION__SETOP_UNION)
		return xlat_setop_all(c, s, shape);
	struct xlat_shape want = {0};
	if (!arm_types(c, s, &want))
		return false;
	arm_want(c, s->larg, &want);
	bool ok = arm(c, s->larg, true, &l);
	c->arm_want = NULL, c->arm_for = NULL;
	if (!ok)
		return false;
	xlat_puts(c, kw);
	arm_want(c, s->rarg, &want);
	ok = arm(c, s->rarg, false, &r);
	c->arm_want = NULL, c->arm_for = NULL;
	if (!ok || !arms_match(c, s, &l, &r))
		return false;
	if (!shape)
		return true;
	shape_alloc(c, shape, l.n);
	shape->star = l.star || r.star;
	shape->names = l.names; /* the left arm names the columns */
	for (size_t i = 0; i < l.n && i < r.n; i++) {
		struct xlat_type pair[2] = {l.types[i], r.types[i]};
		shape->types[i] = xlat_type_common(pair, 2);
	}
	return true;
}

/* SQLite's VALUES takes no ORDER BY or LIMIT of its own. */
static bool wrapped_values(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
			   struct xlat_shape *shape)
{
	xlat_puts(c, "SELECT *");
	if (!xlat_search_targets(c, s)) /* a SEARCH/CYCLE query's first term: its columns */
		return false;
	xlat_puts(c, " FROM (");
	bool ok = values(c, s, shape);
	xlat_puts(c, ")");
	return ok;
}

/* A plain SELECT ... FETCH FIRST n ROWS WITH TIES (xlat_qforms.c). */
static bool ties(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape)
{
	if (!xlat_ties_named(c, s))
		return select_core_tail(c, s, shape, true); /* LIMIT by a count of the ranks */
	const PgQuery__SelectStmt *outer = c->ties_for;
	c->ties_for = s; /* its keys follow its targets, not a subquery's */
	bool ok = xlat_ties_open(c, s) && select_core(c, s, shape) && xlat_ties_close(c, s);
	c->ties_for = outer;
	return ok;
}

/* FOR UPDATE/SHARE on a set operation or on one of its queries: PostgreSQL's 0A000 "... is not
 * allowed with UNION/INTERSECT/EXCEPT" (xlat_locking_check), where SQLite took it. */
static bool setop_unlocked(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	if (s->n_locking_clause)
		return xlat_locking_check(c, s);
	const PgQuery__SelectStmt *arms[] = {s->larg, s->rarg};
	for (size_t i = 0; i < 2; i++) {
		if (!arms[i])
			continue;
		if (arms[i]->op != PG_QUERY__SET_OPERATION__SETOP_NONE) {
			if (!setop_unlocked(c, arms[i]))
				return false;
		} else if (arms[i]->n_locking_clause) {
			PgQuery__SelectStmt arm = *arms[i];
			arm.op = s->op; /* the set operation's message */
			return xlat_locking_check(c, &arm);
		}
	}
	return true;
}

bool xlat_select(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape)
{
	if (!xlat_enter(c))
		return false;
	if (s->op == PG_QUERY__SET_OPERATION__SETOP_NONE && !s->n_values_lists && s->n_sort_clause)
		s = xlat_sort_by_targets(c, s); /* ORDER BY n of SELECT a.n: a.n */
	int ctes = c->nctes;                    /* a WITH's names end with its query */
	bool ok = xlat_with(c, s->with_clause);
	bool plain = s->op == PG_QUERY__SET_OPERATION__SETOP_NONE && !s->n_values_lists &&
		     !xlat_is_distinct_on(s);
	if (ok && s->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
		ok = setop_unlocked(c, s) && set_op(c, s, shape);
	else if (ok && s->n_values_lists && has_tail(s))
		ok = wrapped_values(c, s, shape);
	else if (ok && s->n_values_lists)
		ok = values(c, s, shape);
	if (ok && (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE || s->n_values_lists))
		shape_no_origins(shape);
	else if (ok && xlat_gsets_is(s))
		ok = xlat_gsets(c, s, shape); /* its ORDER BY/LIMIT too */
	else if (ok && xlat_ties_is(s) && plain)
		ok = ties(c, s, shape);
	else if (ok && xlat_is_distinct_on(s))
		ok = xlat_distinct_on_open(c, s) && select_core(c, s, shape) &&
		     xlat_distinct_on_close(c, s);
	else if (ok && xlat_having_is(s))
		ok = select_core_tail(c, xlat_having_outer(c, s), shape, true);
	else if (ok)
		ok = select_core_tail(c, s, shape, true); /* its ORDER BY/LIMIT too */
	if (!plain)
		ok = ok && order_limit(c, s,
				       !xlat_is_distinct_on(s) ||
					       s->op != PG_QUERY__SET_OPERATION__SETOP_NONE);
	ok = ok && xlat_distinct_check(c, s);
	c->nctes = ctes;
	xlat_leave(c);
	return ok;
}

bool xlat_stmt_select(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	struct xlat_shape shape = {0};
	c->st->tag = "SELECT";
	c->st->tag_style = XLAT_TAG_ROWS;
	c->st->returns_rows = true;
	if (s->n_locking_clause && !xlat_rowlock_check(c, s)) /* before reading an unfilled one */
		return false;
	if (!xlat_select(c, s, &shape))
		return false;
	xlat_shape_to_cols(c, &shape);
	c->st->no_columns = !shape.star && shape.n == 0;
	return !s->n_locking_clause || xlat_rowlock_step(c, s);
}
