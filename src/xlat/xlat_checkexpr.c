/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_checkexpr.c: date/time arithmetic inside a CHECK constraint, an index's predicate or
 * expression key, or a generated column, whose SQLite text the tenant's file keeps. There the
 * translator does not type the table's columns (their comparisons stay plain SQLite SQL), so
 * d + 1 on a date column would be SQLite's + over the date's text ('2024-01-01' + 1 is 2025).
 * An expression with an operator + - * / over a date/time operand (a column of a date/time
 * type, a cast to one, CURRENT_DATE and the like, or such a sum or difference) is translated
 * with the table's date/time columns typed, so the operators become the pg_dt_* calls an
 * ordinary query makes (their immutable forms where PostgreSQL's are: XLAT_X_STORED). */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

struct ce {
	struct xlat_ctx *c;
	const struct xlat_schema_col *cols;
	size_t ncols;
	bool failed; /* found */
};

static bool temporal_oid(uint32_t oid)
{
	return oid && (xlat_type_is_temporal(oid) || oid == XLAT_OID_TIMETZ);
}

static bool is_arith(const PgQuery__AExpr *e)
{
	if (e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || e->n_name != 1 ||
	    e->name[0]->node_case != NODE(STRING))
		return false;
	const char *op = e->name[0]->string->sval;
	return op[0] && !op[1] && strchr("+-*/", op[0]);
}

/* Whether n is a date/time value as far as the raw tree tells. */
static bool temporal(struct ce *p, const PgQuery__Node *n)
{
	if (!n)
		return false;
	switch (n->node_case) {
	case NODE(COLUMN_REF): {
		const PgQuery__ColumnRef *r = n->column_ref;
		const PgQuery__Node *last = r->n_fields ? r->fields[r->n_fields - 1] : NULL;
		if (!last || last->node_case != NODE(STRING))
			return false;
		for (size_t i = 0; i < p->ncols; i++)
			if (p->cols[i].name && strcmp(p->cols[i].name, last->string->sval) == 0)
				return temporal_oid(p->cols[i].type_oid);
		return false;
	}
	case NODE(TYPE_CAST): {
		struct xlat_typeref tr;
		struct pgerr saved = *p->c->err;
		bool ok = n->type_cast->type_name &&
			  xlat_type_resolve(p->c, n->type_cast->type_name, &tr) && tr.info &&
			  !tr.is_array;
		*p->c->err = saved;
		return ok && temporal_oid(tr.info->oid);
	}
	case NODE(SQLVALUE_FUNCTION):
		return n->sqlvalue_function->op <=
		       PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N;
	case NODE(A_EXPR):
		return is_arith(n->a_expr) &&
		       (temporal(p, n->a_expr->lexpr) || temporal(p, n->a_expr->rexpr));
	default:
		return false;
	}
}

/* A cast of a date/time column to a date/time type (created_at::date), which the untyped
 * column would read by sniffing its stored text. */
static bool column_cast(struct ce *p, const PgQuery__Node *n)
{
	return n->node_case == NODE(TYPE_CAST) && n->type_cast->arg &&
	       n->type_cast->arg->node_case == NODE(COLUMN_REF) && temporal(p, n->type_cast->arg) &&
	       temporal(p, n);
}

/* date_trunc, extract or date_part of a date/time column: typed, their IMMUTABLE forms are
 * deterministic (an index over date_trunc('day', ts) of a timestamp). */
static bool column_part(struct ce *p, const PgQuery__Node *n)
{
	if (n->node_case != NODE(FUNC_CALL) || n->func_call->n_args < 2)
		return false;
	const PgQuery__FuncCall *f = n->func_call;
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	return name &&
	       (strcmp(name, "date_trunc") == 0 || strcmp(name, "extract") == 0 ||
		strcmp(name, "date_part") == 0) &&
	       f->args[1]->node_case == NODE(COLUMN_REF) && temporal(p, f->args[1]);
}

static bool visit(void *arg, const ProtobufCMessage *m)
{
	struct ce *p = arg;
	if (p->failed)
		return false;
	if (m->descriptor == &pg_query__node__descriptor) {
		const PgQuery__Node *n = (const PgQuery__Node *)m;
		if ((n->node_case == NODE(A_EXPR) && is_arith(n->a_expr) && temporal(p, n)) ||
		    column_cast(p, n) || column_part(p, n)) {
			p->failed = true;
			return false;
		}
	}
	return xlat_tree_each(m, visit, arg);
}

bool xlat_checkexpr_dtarith(struct xlat_ctx *c, const struct xlat_schema_col *cols, size_t ncols,
			    const PgQuery__Node *e)
{
	struct ce p = {c, cols, ncols, false};
	if (e)
		visit(&p, &e->base);
	return p.failed;
}

struct xlat_schema_col *xlat_checkexpr_cols(struct xlat_ctx *c, const struct xlat_schema_col *cols,
					    size_t ncols, const PgQuery__Node *e,
					    bool (*keep)(uint32_t oid))
{
	struct xlat_schema_col *out = arena_zalloc(c->a, (ncols + 1) * sizeof(*out));
	bool dt = xlat_checkexpr_dtarith(c, cols, ncols, e);
	memcpy(out, cols, ncols * sizeof(*out));
	for (size_t i = 0; i < ncols; i++)
		if (!(keep && keep(out[i].type_oid)) && !(dt && temporal_oid(out[i].type_oid)))
			out[i].type_oid = 0;
	return out;
}

void xlat_checkexpr_scope(struct xlat_ctx *c, const PgQuery__RangeVar *rel, const PgQuery__Node *e)
{
	const struct xlat_schema_col *cols = NULL;
	size_t n = 0;
	struct pgerr saved = *c->err;
	if (!xlat_scope_target(c, rel, &cols, &n)) { /* the index's own translation reports it */
		*c->err = saved;
		return;
	}
	if (xlat_checkexpr_dtarith(c, cols, n, e))
		xlat_scope_cols(c, rel->relname, xlat_checkexpr_cols(c, cols, n, e, NULL), n);
}
