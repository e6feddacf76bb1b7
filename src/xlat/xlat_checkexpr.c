/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_checkexpr.c: date/time arithmetic inside a CHECK constraint, an index's predicate or an
 * index's expression key, whose SQLite text the tenant's file keeps (plain SQLite SQL every
 * SQLite tool must read). There the translator does not type the table's columns, so
 * d + 1 on a date column would be stored as SQLite's + over the date's text ('2024-01-01' + 1
 * is 2025, a number, which orders below every text): a silently wrong CHECK. Until a faithful
 * plain-SQLite form is emitted, an operator + - * / with a date/time operand (a column of a
 * date/time type, a cast to one, CURRENT_DATE and the like, or such a sum or difference) is
 * refused with 0A000 when the CHECK or index is made, never stored. */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

struct ce {
	struct xlat_ctx *c;
	const struct xlat_schema_col *cols;
	size_t ncols;
	const char *what;
	bool failed;
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

static bool visit(void *arg, const ProtobufCMessage *m)
{
	struct ce *p = arg;
	if (m->descriptor == &pg_query__node__descriptor) {
		const PgQuery__Node *n = (const PgQuery__Node *)m;
		if (n->node_case == NODE(A_EXPR) && is_arith(n->a_expr) && temporal(p, n)) {
			p->failed = true;
			return xlat_unsupported(p->c, n->a_expr->location,
						arena_printf(p->c->a, "date/time arithmetic in %s",
							     p->what));
		}
	}
	return xlat_tree_each(m, visit, arg);
}

bool xlat_checkexpr_guard(struct xlat_ctx *c, const struct xlat_schema_col *cols, size_t ncols,
			  const PgQuery__Node *e, const char *what)
{
	struct ce p = {c, cols, ncols, what, false};
	if (!e)
		return true;
	visit(&p, &e->base);
	return !p.failed;
}

bool xlat_checkexpr_table(struct xlat_ctx *c, const PgQuery__RangeVar *rel, const PgQuery__Node *e,
			  const char *what)
{
	const struct xlat_schema_col *cols = NULL;
	size_t n = 0;
	struct pgerr saved = *c->err;
	if (!xlat_scope_target(c, rel, &cols, &n)) { /* the index's own translation reports it */
		*c->err = saved;
		cols = NULL;
		n = 0;
	}
	return xlat_checkexpr_guard(c, cols, n, e, what);
}
