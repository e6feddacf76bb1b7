/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_gencheck.c: PostgreSQL's checks of CREATE TABLE's stored generated columns that SQLite
 * makes otherwise or not at all (issue #3, probing PostgreSQL's generated.sql): an aggregate
 * (42803) or window function (42P20) in a generation expression was SQLite's XX000 "misuse of
 * aggregate function"; a generation expression reading a generated column, its own or
 * another's, was made (PostgreSQL's 42P17); a generated column in the PRIMARY KEY was SQLite's
 * XX000 (0A000 here: SQLite cannot key on one). An aggregate or window function in a column's
 * DEFAULT is PostgreSQL's 42803 / 42P20 too (probing create_table.sql: it was made). */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define CONSTR(x) PG_QUERY__CONSTR_TYPE__CONSTR_##x

struct gc {
	struct xlat_ctx *c;
	const PgQuery__CreateStmt *s;
	bool failed;
	bool gen;         /* a generation expression's (else a DEFAULT's) */
	const char *what; /* "column generation expressions", "DEFAULT expressions" */
};

/* The GENERATED constraint of cd, NULL when it has none. */
static const PgQuery__Constraint *generation(const PgQuery__ColumnDef *cd)
{
	for (size_t i = 0; i < cd->n_constraints; i++)
		if (cd->constraints[i]->node_case == NODE(CONSTRAINT) &&
		    cd->constraints[i]->constraint->contype == CONSTR(GENERATED))
			return cd->constraints[i]->constraint;
	return NULL;
}

static bool generated_column(const PgQuery__CreateStmt *s, const char *name)
{
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case == NODE(COLUMN_DEF) && e->column_def->colname &&
		    strcmp(e->column_def->colname, name) == 0)
			return generation(e->column_def) != NULL;
	}
	return false;
}

static bool visit(void *arg, const ProtobufCMessage *m)
{
	struct gc *g = arg;
	if (m->descriptor == &pg_query__func_call__descriptor) {
		const PgQuery__FuncCall *f = (const PgQuery__FuncCall *)m;
		const char *name = f->n_funcname ? xlat_node_str(f->funcname[f->n_funcname - 1])
						 : NULL;
		if (f->over) {
			g->failed = true;
			return xlat_fail(g->c, "42P20", f->location,
					 "window functions are not allowed in %s", g->what);
		}
		if (f->agg_star || (name && xlat_func_class(name) == XLAT_FN_AGG)) {
			g->failed = true;
			return xlat_fail(g->c, "42803", f->location,
					 "aggregate functions are not allowed in %s", g->what);
		}
	}
	if (g->gen && m->descriptor == &pg_query__column_ref__descriptor) {
		const PgQuery__ColumnRef *r = (const PgQuery__ColumnRef *)m;
		const PgQuery__Node *last = r->n_fields ? r->fields[r->n_fields - 1] : NULL;
		if (last && last->node_case == NODE(STRING) &&
		    generated_column(g->s, last->string->sval)) {
			g->failed = true;
			xlat_fail(g->c, "42P17", r->location,
				  "cannot use generated column \"%s\" in column generation expression",
				  last->string->sval);
			pgerr_detail(g->c->err,
				     "A generated column cannot reference another generated column.");
			return false;
		}
	}
	return xlat_tree_each(m, visit, arg);
}

/* A PRIMARY KEY constraint k (of column cd when a column's) naming a generated column. */
static bool keys_generated(const PgQuery__CreateStmt *s, const PgQuery__Constraint *k,
			   const PgQuery__ColumnDef *cd)
{
	if (k->contype != CONSTR(PRIMARY))
		return false;
	if (cd)
		return generation(cd) != NULL;
	for (size_t i = 0; i < k->n_keys; i++) {
		const char *name = xlat_node_str(k->keys[i]);
		if (name && generated_column(s, name))
			return true;
	}
	return false;
}

bool xlat_gencheck_create(struct xlat_ctx *c, const PgQuery__CreateStmt *s)
{
	struct gc g = {c, s, false, true, "column generation expressions"};
	struct gc d = {c, s, false, false, "DEFAULT expressions"};
	for (size_t i = 0; i < s->n_table_elts && !g.failed && !d.failed; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case == NODE(CONSTRAINT) && keys_generated(s, e->constraint, NULL))
			return xlat_unsupported(c, e->constraint->location,
						"a generated column in a PRIMARY KEY");
		if (e->node_case != NODE(COLUMN_DEF))
			continue;
		const PgQuery__ColumnDef *cd = e->column_def;
		for (size_t k = 0; k < cd->n_constraints; k++) {
			const PgQuery__Node *kn = cd->constraints[k];
			if (kn->node_case == NODE(CONSTRAINT) &&
			    keys_generated(s, kn->constraint, cd))
				return xlat_unsupported(c, kn->constraint->location,
							"a generated column in a PRIMARY KEY");
		}
		const PgQuery__Constraint *gen = generation(cd);
		if (gen && gen->raw_expr)
			visit(&g, &gen->raw_expr->base);
		for (size_t k = 0; k < cd->n_constraints && !g.failed && !d.failed; k++) {
			const PgQuery__Node *kn = cd->constraints[k];
			if (kn->node_case == NODE(CONSTRAINT) &&
			    kn->constraint->contype == CONSTR(DEFAULT) && kn->constraint->raw_expr)
				visit(&d, &kn->constraint->raw_expr->base);
		}
	}
	return !g.failed && !d.failed;
}
