/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_srfzip.c: set-returning functions of a select list beyond what the catalog's lockstep
 * join of arrays does (xlat_catalog_srf.c) — a generate_series or one of the tenant's own
 * beside other set-returning functions, calls inside expressions (generate_series(1, 3) + 1),
 * (f()).col, (f()).* — as PostgreSQL 10+'s ProjectSet runs them: every call's rows for the
 * current row, side by side, the shorter padded with NULLs. Each call's rows are packed into
 * a blob (the tenant's functions already answer so; the catalog's through pgfn_rows_pack over
 * their table-valued function) and the query level's FROM joins pgfn_rows_zip(widths,
 * blobs...), whose arguments SQLite lets read the row to their left. */
#include "xlat_int.h"

#include "pgtype.h"

#include <pg_query.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define ZIP_MAX 7   /* pgfn_rows_zip's blobs */
#define ZIP_COLS 31 /* pgfn_rows' columns */
#define LATERAL_HINT \
	"You might be able to move the set-returning function into a LATERAL FROM item."

struct zipcall {
	const char *blob;
	int first, width; /* its columns in the zip: c<first> .. */
	const uint32_t *types;
	const char *const *names; /* a RETURNS TABLE's column names, else NULL */
};

struct xlat_srfzip {
	struct zipcall calls[16]; /* as struct xlat_srf's calls */
	int width;
};

/* What the walk found: each set-returning call once, in the order PostgreSQL evaluates them,
 * and whether the catalog's forms could not do it. */
struct walk {
	const PgQuery__FuncCall *calls[16];
	int kinds[16]; /* xlat_catalog_srf_kind's, 0 for the tenant's */
	int ncalls;
	bool nested, tenants, series, field;
	bool agg; /* an aggregate call beside them */
};

/* Whether any of the tenant's functions named as f is set-returning (only then is the call
 * resolved here: its arguments may hold set-returning calls not yet collected). */
static bool any_set(const struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	for (size_t i = 0; name && c->schema && i < c->schema->nudfs; i++)
		if (c->schema->udfs[i].retset && strcmp(c->schema->udfs[i].name, name) == 0)
			return true;
	return false;
}

/* 1 when f is one of the tenant's functions that returns rows, 0 not, -1 failed. */
static int tenant_rows(struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	const char *text;
	const struct xlat_udf *u = NULL;
	if (!any_set(c, f))
		return 0;
	c->dry++;
	int r = xlat_udf_rows_call(c, f, &text, &u);
	c->dry--;
	return r > 0 && !u->retset ? 0 : r; /* a record of OUT parameters is one row, no set */
}

static bool walk(struct xlat_ctx *c, struct walk *w, const PgQuery__Node *n, const char *in,
		 bool top);

static bool walk_list(struct xlat_ctx *c, struct walk *w, PgQuery__Node **v, size_t n,
		      const char *in)
{
	for (size_t i = 0; i < n; i++)
		if (!walk(c, w, v[i], in, false))
			return false;
	return true;
}

/* PostgreSQL's placement errors for a set-returning call inside something (in: its name;
 * WHERE and HAVING, as xlat_srfzip_forbid names them, carry no hint). */
static bool placement(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *in)
{
	if (strcmp(in, "a set-returning function") == 0)
		return xlat_unsupported(c, f->location,
					"a set-returning function in the arguments of another");
	if (strcmp(in, "an aggregate") == 0 || strcmp(in, "a window function") == 0)
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, f->location,
			  "%s calls cannot contain set-returning function calls",
			  in[1] == 'n' ? "aggregate function" : "window function");
	else
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, f->location,
			  "set-returning functions are not allowed in %s", in);
	if (strcmp(in, "WHERE") != 0 && strcmp(in, "HAVING") != 0 &&
	    strcmp(in, "COPY FROM WHERE conditions") != 0)
		pgerr_hint(c->err, LATERAL_HINT);
	return false;
}

bool xlat_srfzip_forbid(struct xlat_ctx *c, const PgQuery__Node *n, const char *clause)
{
	struct walk w = {0};
	return !n || walk(c, &w, n, clause, false);
}

static bool walk_call(struct xlat_ctx *c, struct walk *w, const PgQuery__Node *n, const char *in,
		      bool top)
{
	const PgQuery__FuncCall *f = n->func_call;
	int kind = xlat_catalog_srf_kind(n);
	int tenant = kind ? 0 : tenant_rows(c, f);
	if (tenant < 0)
		return false;
	if (!kind && !tenant) {
		const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
		enum xlat_fn_class fc = name ? xlat_func_class(name) : XLAT_FN_UNKNOWN;
		const char *inner = f->over                            ? "a window function"
				    : fc == XLAT_FN_AGG || f->agg_star ? "an aggregate"
								       : in;
		w->agg |= !f->over && (fc == XLAT_FN_AGG || f->agg_star);
		return walk_list(c, w, f->args, f->n_args, inner) &&
		       (!f->agg_filter || walk(c, w, f->agg_filter, inner, false));
	}
	if (in)
		return placement(c, f, in);
	for (int i = 0; i < w->ncalls; i++)
		if (w->calls[i] == f)
			return true;
	if (w->ncalls == (int)ARRAY_LEN(w->calls))
		return xlat_unsupported(c, f->location,
					"more than 16 set-returning functions in a select list");
	w->calls[w->ncalls] = f;
	w->kinds[w->ncalls++] = kind;
	w->nested |= !top;
	w->tenants |= tenant > 0;
	w->series |= kind == 5;
	/* their arguments: a set-returning call there is PostgreSQL's nested ProjectSet */
	return walk_list(c, w, f->args, f->n_args, "a set-returning function");
}

/* Finds the set-returning calls of expression n (in: the construct around it that forbids
 * them, NULL for none; top: n is a whole select-list item). Subqueries are levels of their
 * own and are not entered. */
static bool walk(struct xlat_ctx *c, struct walk *w, const PgQuery__Node *n, const char *in,
		 bool top)
{
	if (!n)
		return true;
	switch (n->node_case) {
	case NODE(FUNC_CALL):
		return walk_call(c, w, n, in, top);
	case NODE(A_EXPR):
		return walk(c, w, n->a_expr->lexpr, in, false) &&
		       walk(c, w, n->a_expr->rexpr, in, false);
	case NODE(BOOL_EXPR):
		return walk_list(c, w, n->bool_expr->args, n->bool_expr->n_args, in);
	case NODE(LIST): /* the values of x IN (...), where a construct forbids the calls */
		return !in || walk_list(c, w, n->list->items, n->list->n_items, in);
	case NODE(TYPE_CAST):
		return walk(c, w, n->type_cast->arg, in, false);
	case NODE(COLLATE_CLAUSE):
		return walk(c, w, n->collate_clause->arg, in, false);
	case NODE(NULL_TEST):
		return walk(c, w, n->null_test->arg, in, false);
	case NODE(BOOLEAN_TEST):
		return walk(c, w, n->boolean_test->arg, in, false);
	case NODE(A_INDIRECTION): {
		const PgQuery__AIndirection *ind = n->a_indirection;
		int before = w->ncalls;
		if (!walk(c, w, ind->arg, in, top && ind->n_indirection == 1))
			return false;
		w->field |= w->ncalls > before && !w->kinds[before] &&
			    ind->arg->node_case == NODE(FUNC_CALL) &&
			    w->calls[before] == ind->arg->func_call;
		for (size_t i = 0; i < ind->n_indirection; i++) {
			const PgQuery__Node *k = ind->indirection[i];
			if (k->node_case == NODE(A_INDICES) &&
			    (!walk(c, w, k->a_indices->lidx, in, false) ||
			     !walk(c, w, k->a_indices->uidx, in, false)))
				return false;
		}
		return true;
	}
	case NODE(A_ARRAY_EXPR):
		return walk_list(c, w, n->a_array_expr->elements, n->a_array_expr->n_elements, in);
	case NODE(ROW_EXPR):
		return walk_list(c, w, n->row_expr->args, n->row_expr->n_args, in);
	case NODE(MIN_MAX_EXPR):
		return walk_list(c, w, n->min_max_expr->args, n->min_max_expr->n_args, in);
	case NODE(COALESCE_EXPR):
		return walk_list(c, w, n->coalesce_expr->args, n->coalesce_expr->n_args,
				 in ? in : "COALESCE");
	case NODE(CASE_EXPR): {
		const PgQuery__CaseExpr *ce = n->case_expr;
		const char *inner = in ? in : "CASE";
		for (size_t i = 0; i < ce->n_args; i++) {
			const PgQuery__CaseWhen *cw = ce->args[i]->case_when;
			if (!walk(c, w, cw->expr, inner, false) ||
			    !walk(c, w, cw->result, inner, false))
				return false;
		}
		return walk(c, w, ce->arg, inner, false) && walk(c, w, ce->defresult, inner, false);
	}
	default:
		return true;
	}
}

/* Call i's blob and columns. */
static bool zip_call(struct xlat_ctx *c, struct xlat_srfzip *z, const struct walk *w, int i)
{
	struct zipcall *zc = &z->calls[i];
	const PgQuery__FuncCall *f = w->calls[i];
	if (w->kinds[i]) {
		uint32_t *type = arena_zalloc(c->a, sizeof(*type));
		zc->blob = xlat_catalog_srf_blob(c, f, w->kinds[i], type);
		zc->types = type;
		zc->width = 1;
	} else {
		const struct xlat_udf *u = NULL;
		if (xlat_udf_rows_call(c, f, &zc->blob, &u) <= 0)
			return false;
		zc->width = u->nouts ? (int)u->nouts : 1;
		zc->types = u->nouts ? u->outtypes : &u->rettype;
		zc->names = u->nouts ? xlat_udf_outnames(c, u) : NULL;
	}
	zc->first = z->width;
	z->width += zc->width;
	if (zc->blob && z->width + i + 1 > ZIP_COLS) /* and a column per call: its rows go on */
		return xlat_unsupported(
			c, f->location,
			"set-returning functions of more than 31 columns in all in a "
			"select list");
	return zc->blob != NULL;
}

int xlat_srfzip_collect(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_srf **srfp)
{
	struct walk w = {0};
	for (size_t i = 0; i < s->n_target_list; i++)
		if (!walk(c, &w, s->target_list[i]->res_target->val, NULL, true))
			return -1;
	/* PostgreSQL aggregates first, then runs the functions over the one row: the join would
	 * aggregate their rows instead */
	if (w.ncalls && w.agg && !s->n_group_clause)
		return xlat_unsupported(
			       c, w.calls[0]->location,
			       "a set-returning function beside an aggregate without GROUP "
			       "BY")
			       ? 0
			       : -1;
	/* one of the tenant's alone, or the catalog's arrays in lockstep: xlat_catalog_srf.c */
	if (!w.nested && !w.field && (w.ncalls < 2 || (!w.tenants && !w.series)))
		return 0;
	if (w.ncalls > ZIP_MAX)
		return xlat_unsupported(c, w.calls[ZIP_MAX]->location,
					"more than 7 set-returning functions in a select list of "
					"this kind")
			       ? 0
			       : -1;
	xlat_nocache(c); /* the blobs are translated aside: their constants are in them */
	struct xlat_srfzip *z = arena_zalloc(c->a, sizeof(*z));
	for (int i = 0; i < w.ncalls; i++)
		if (!zip_call(c, z, &w, i))
			return -1;
	struct xlat_srf *srf = *srfp = arena_zalloc(c->a, sizeof(*srf));
	srf->alias = arena_printf(c->a, "xlat:srf%d", ++c->cte_seq);
	srf->zip = z;
	memcpy(srf->calls, w.calls, sizeof(w.calls));
	srf->ncalls = w.ncalls;
	return 1;
}

bool xlat_srfzip_from(struct xlat_ctx *c, bool had_from)
{
	const struct xlat_srf *srf = c->srf;
	xlat_puts(c, had_from ? ", pgfn_rows_zip('" : " FROM pgfn_rows_zip('");
	for (int i = 0; i < srf->ncalls; i++)
		xlat_printf(c, "%s%d", i ? "," : "", srf->zip->calls[i].width);
	xlat_puts(c, "'");
	for (int i = 0; i < srf->ncalls; i++)
		xlat_printf(c, ", %s", srf->zip->calls[i].blob);
	xlat_puts(c, ") AS ");
	xlat_ident(c, srf->alias);
	return true;
}

static void zip_column(struct xlat_ctx *c, const struct zipcall *zc, int col)
{
	xlat_ident(c, c->srf->alias);
	xlat_printf(c, ".c%d", zc->first + col);
}

bool xlat_srfzip_value(struct xlat_ctx *c, int i, int col, struct xlat_type *t)
{
	const struct zipcall *zc = &c->srf->zip->calls[i];
	if (col >= 0 || zc->width == 1) {
		zip_column(c, zc, col >= 0 ? col : 0);
		*t = (struct xlat_type){zc->types[col >= 0 ? col : 0], -1};
		return true;
	}
	xlat_puts(c, "CASE WHEN "); /* NULL past its rows, as PostgreSQL pads a record */
	xlat_ident(c, c->srf->alias);
	xlat_printf(c, ".c%d THEN pgfn_record_text(", c->srf->zip->width + i);
	for (int k = 0; k < zc->width; k++) {
		xlat_puts(c, k ? ", " : "");
		size_t from = c->sb->len;
		zip_column(c, zc, k);
		xlat_text_form(c, from, c->sb->len, (struct xlat_type){zc->types[k], -1},
			       XLAT_TF_OUTPUT);
	}
	xlat_puts(c, ") END");
	*t = (struct xlat_type){XLAT_OID_RECORD, -1};
	return true;
}

/* (f()).col of one of the tenant's functions that returns one row of OUT parameters: that
 * column of its row, a scalar subquery (each such reference runs the call again, as
 * PostgreSQL's (f()).a, (f()).b do). */
static int record_field(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *field,
			struct xlat_type *t)
{
	const char *text;
	const struct xlat_udf *u = NULL;
	int r = xlat_udf_rows_call(c, f, &text, &u);
	if (r <= 0 || u->retset)
		return r < 0 ? -1 : 0; /* a set here is xlat_udf_call's 0A000 */
	for (size_t k = 0; k < u->nouts; k++) {
		if (strcmp(xlat_udf_outname(c, u, k), field) != 0)
			continue;
		xlat_printf(c, "(SELECT c%zu FROM pgfn_rows(%s))", k, text);
		*t = (struct xlat_type){u->outtypes[k], -1};
		return 1;
	}
	return xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, -1,
			 "column \"%s\" not found in data type record", field)
		       ? 1
		       : -1;
}

int xlat_srfzip_field(struct xlat_ctx *c, const PgQuery__AIndirection *ind, struct xlat_type *t)
{
	const char *field = ind->n_indirection == 1 ? xlat_node_str(ind->indirection[0]) : NULL;
	if (ind->arg->node_case != NODE(FUNC_CALL) || !field ||
	    ind->indirection[0]->node_case != NODE(STRING))
		return 0;
	int i = 0;
	while (c->srf && c->srf->zip && i < c->srf->ncalls &&
	       c->srf->calls[i] != ind->arg->func_call)
		i++;
	if (!c->srf || !c->srf->zip || i == c->srf->ncalls)
		return record_field(c, ind->arg->func_call, field, t);
	const struct zipcall *zc = &c->srf->zip->calls[i];
	for (int k = 0; zc->names && k < zc->width; k++)
		if (strcmp(zc->names[k], field) == 0)
			return xlat_srfzip_value(c, i, k, t) ? 1 : -1;
	const struct pgtype_info *ti = zc->names ? NULL : pgtype_by_oid(zc->types[0]);
	return xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, -1,
			 "column \"%s\" not found in data type %s", field,
			 ti ? ti->sql_name : "record")
		       ? 1
		       : -1;
}

/* The columns of (f()).*, each "value AS name" (first: none written yet), their types into
 * types. */
static int star_columns(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type **types,
			size_t *n)
{
	int i = 0;
	while (c->srf && c->srf->zip && i < c->srf->ncalls && c->srf->calls[i] != f)
		i++;
	const char *text = NULL;
	const struct xlat_udf *u = NULL;
	const struct zipcall *zc =
		c->srf && c->srf->zip && i < c->srf->ncalls ? &c->srf->zip->calls[i] : NULL;
	if (!zc) { /* one row of OUT parameters: each column runs the call, as PostgreSQL's */
		int r = xlat_udf_rows_call(c, f, &text, &u);
		if (r <= 0 || u->retset)
			return r < 0 ? -1 : 0;
	}
	size_t width = zc ? (size_t)zc->width : u->nouts;
	const char *const *names = zc ? zc->names : u->nouts ? xlat_udf_outnames(c, u) : NULL;
	if (!names)
		return 0; /* a set of a scalar type: PostgreSQL's error, from the caller */
	*types = arena_zalloc(c->a, width * sizeof(**types));
	*n = width;
	for (size_t k = 0; k < width; k++) {
		xlat_puts(c, k ? ", " : "");
		if (zc)
			xlat_srfzip_value(c, i, (int)k, &(*types)[k]);
		else
			xlat_printf(c, "(SELECT c%zu FROM pgfn_rows(%s))", k, text);
		if (!zc)
			(*types)[k] = (struct xlat_type){u->outtypes[k], -1};
		xlat_puts(c, " AS ");
		xlat_ident(c, names[k]);
	}
	return 1;
}

int xlat_srfzip_star(struct xlat_ctx *c, const PgQuery__Node *v, struct xlat_type **types,
		     size_t *n)
{
	if (!v || v->node_case != NODE(A_INDIRECTION))
		return 0;
	const PgQuery__AIndirection *ind = v->a_indirection;
	if (ind->n_indirection != 1 || ind->indirection[0]->node_case != NODE(A_STAR) ||
	    ind->arg->node_case != NODE(FUNC_CALL))
		return 0;
	return star_columns(c, ind->arg->func_call, types, n);
}

const char *const *xlat_srfzip_star_names(struct xlat_ctx *c, const PgQuery__Node *v, size_t *n)
{
	if (!v || v->node_case != NODE(A_INDIRECTION))
		return NULL;
	const PgQuery__AIndirection *ind = v->a_indirection;
	if (ind->n_indirection != 1 || ind->indirection[0]->node_case != NODE(A_STAR) ||
	    ind->arg->node_case != NODE(FUNC_CALL))
		return NULL;
	const char *text;
	const struct xlat_udf *u = NULL;
	struct pgerr *saved = c->err, scratch;
	pgerr_clear(&scratch);
	c->err = &scratch; /* the translation proper reports its errors */
	c->dry++;
	int r = xlat_udf_rows_call(c, ind->arg->func_call, &text, &u);
	c->dry--;
	c->err = saved;
	if (r <= 0 || !u->nouts)
		return NULL;
	*n = u->nouts;
	return xlat_udf_outnames(c, u);
}
