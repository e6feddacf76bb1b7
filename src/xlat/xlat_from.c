/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_from.c: the FROM clause — tables (with the schema rules of xlat_relname), subqueries,
 * joins of every kind. Column alias lists (`AS v(a, b)`), which SQLite lacks, are expressed
 * with a CTE scoped to the subquery, whose column list SQLite does support. */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

static bool from_item(struct xlat_ctx *c, const PgQuery__Node *n);

/* `(WITH "xlat:n"(a, b, c) AS (<inner>) SELECT * FROM "xlat:n") AS alias`. SQLite has no
 * column alias lists, but a CTE's column list is one. The CTE gets a name no PostgreSQL
 * query can mean, so it cannot capture a table the inner query reads. As in PostgreSQL, the
 * aliases rename the first columns and the others keep their names, so the inner query's
 * column names must be known (not with *). */
static bool renamed(struct xlat_ctx *c, const PgQuery__Alias *al, const PgQuery__SelectStmt *sub)
{
	size_t width = 0;
	const char **names = xlat_select_colnames(c, sub, &width);
	if (!names && xlat_colalias_join(c, sub)) { /* an aliased join: SELECT * of it */
		struct xlat_shape shape = {0};
		uint64_t saved = xlat_scope_hide_level(c); /* it sees the levels above only */
		bool ok = xlat_scope_dry_select(c, sub, &shape);
		xlat_scope_unhide(c, saved);
		if (!ok)
			return false;
		names = xlat_shape_colnames(c, sub, &shape, &width);
	}
	if (!names)
		return xlat_unsupported(c, -1, "a column alias list on a subquery with *");
	if (width < al->n_colnames) /* an aliased join is PostgreSQL's join expression */
		return xlat_fail(c, "42P10", -1,
				 "%s \"%s\" has %zu columns available but %zu columns specified",
				 xlat_colalias_join(c, sub) ? "join expression" : "table",
				 al->aliasname, width, al->n_colnames);
	const char *name = arena_printf(c->a, "xlat:%d", ++c->cte_seq);
	xlat_puts(c, "(WITH ");
	xlat_ident(c, name);
	xlat_puts(c, "(");
	for (size_t i = 0; i < width; i++) {
		xlat_puts(c, i ? ", " : "");
		xlat_ident(c, i < al->n_colnames ? xlat_node_str(al->colnames[i]) : names[i]);
	}
	xlat_puts(c, ") AS (");
	if (!xlat_select(c, sub, NULL))
		return false;
	xlat_puts(c, ") SELECT * FROM ");
	xlat_ident(c, name);
	xlat_puts(c, ") AS ");
	xlat_ident(c, al->aliasname);
	return true;
}

/* A trigger function's transition table: `(SELECT <value 0> AS a, ... FROM
 * json_each(shardlite_transition('n')) UNION ALL SELECT a, ... FROM main.t WHERE 0) AS n`, the
 * firing's rows as the session keeps them (sess_trgafter.c); the table's own (empty) branch
 * gives the columns their declared types. */
static bool transition(struct xlat_ctx *c, const PgQuery__RangeVar *rv,
		       const struct xlat_transition *tt)
{
	const struct xlat_schema_col *cols = NULL;
	size_t n = 0;
	if (!c->schema || !c->schema->table_fn ||
	    !c->schema->table_fn(c->schema->arg, tt->table, c->a, &cols, &n) || !n)
		return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, rv->location,
				 "relation \"%s\" does not exist", tt->table);
	xlat_puts(c, "(SELECT ");
	for (size_t i = 0; i < n; i++) {
		xlat_modcte_json_column(c, i);
		xlat_puts(c, " AS ");
		xlat_ident(c, cols[i].name);
	}
	xlat_puts(c, " FROM json_each(shardlite_transition(");
	xlat_string(c, tt->name);
	xlat_puts(c, ")) UNION ALL SELECT ");
	for (size_t i = 0; i < n; i++) {
		xlat_puts(c, i ? ", " : "");
		xlat_ident(c, cols[i].name);
	}
	xlat_puts(c, " FROM main.");
	xlat_ident(c, tt->table);
	xlat_puts(c, " WHERE 0) AS ");
	xlat_ident(c, rv->alias ? rv->alias->aliasname : rv->relname);
	return true;
}

static bool range_var(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	if (rv->alias && rv->alias->n_colnames)
		return xlat_unsupported(c, rv->location, "a column alias list on a table");
	const PgQuery__RangeTableSample *ts = xlat_tablesample_of(c, rv);
	if (ts)
		return xlat_tablesample_from(c, rv, ts);
	const struct xlat_schema_col *cols;
	size_t ncols;
	if (xlat_scope_sequence(c, rv, &cols, &ncols)) { /* its one row, from the catalog */
		xlat_puts(c, "(SELECT last_value, log_cnt, is_called FROM pg_srf_sequence(");
		xlat_string(c, rv->relname);
		/* a schema named: that one's, not a temporary one first */
		const char *schema = rv->schemaname && *rv->schemaname ? rv->schemaname : NULL;
		if (schema)
			xlat_puts(c, strcmp(schema, "pg_temp") == 0 ? ", 1" : ", 0");
		xlat_puts(c, ")) AS ");
		xlat_ident(c, rv->alias ? rv->alias->aliasname : rv->relname);
		return true;
	}
	const struct xlat_transition *tt = xlat_scope_transition(c, rv);
	if (tt)
		return transition(c, rv, tt);
	bool done = false;
	if (c->mod && !xlat_modcte_preimage(c, rv, &done))
		return false;
	if (done)
		return true;
	if (!xlat_relname(c, rv))
		return false;
	if (rv->alias) {
		xlat_puts(c, " AS ");
		xlat_ident(c, rv->alias->aliasname);
	} else if (rv->schemaname && strcmp(rv->schemaname, "information_schema") == 0) {
		/* served as information_schema_<view>: keep the name references use (columns.x) */
		xlat_puts(c, " AS ");
		xlat_ident(c, rv->relname);
	}
	return true;
}

static bool range_subselect(struct xlat_ctx *c, const PgQuery__RangeSubselect *rs)
{
	if (!rs->subquery || rs->subquery->node_case != NODE(SELECT_STMT))
		return xlat_unsupported(c, -1, "this subquery in FROM");
	if (rs->lateral)
		return xlat_lateral_subquery(c, rs);
	if (!rs->alias)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
				 "subquery in FROM must have an alias");
	c->volatile_seen++;
	uint64_t saved = xlat_scope_hide_level(c); /* it sees the levels above, not its siblings */
	bool ok;
	if (rs->alias->n_colnames) {
		ok = renamed(c, rs->alias, rs->subquery->select_stmt);
	} else {
		xlat_puts(c, "(");
		ok = xlat_select(c, rs->subquery->select_stmt, NULL);
		xlat_puts(c, ") AS ");
		xlat_ident(c, rs->alias->aliasname);
	}
	xlat_scope_unhide(c, saved);
	return ok;
}

static const char *join_keyword(const PgQuery__JoinExpr *j)
{
	bool cross = !j->quals && !j->n_using_clause && !j->is_natural;
	switch (j->jointype) {
	case PG_QUERY__JOIN_TYPE__JOIN_LEFT:
		return " LEFT JOIN ";
	case PG_QUERY__JOIN_TYPE__JOIN_RIGHT:
		return " RIGHT JOIN ";
	case PG_QUERY__JOIN_TYPE__JOIN_FULL:
		return " FULL JOIN ";
	default:
		return cross ? " CROSS JOIN " : " JOIN ";
	}
}

/* A column reference of a RIGHT or FULL JOIN's LATERAL right side (a function in FROM, or a
 * LATERAL subquery) to the join's left side, which PostgreSQL refuses (check_lateral_ref_ok):
 * qualified with a left input's name, or, in a function's arguments, a bare name a left input
 * has. */
struct lateral_ref {
	struct xlat_ctx *c;
	const PgQuery__Node *left;
	bool bare; /* bare names count: a function's arguments */
	const char *rel;
	int location;
};

static bool lateral_ref_walk(void *arg, const ProtobufCMessage *m)
{
	struct lateral_ref *r = arg;
	if (m->descriptor == &pg_query__column_ref__descriptor) {
		const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
		const char *first = cr->n_fields ? xlat_node_str(cr->fields[0]) : NULL;
		if (first && cr->n_fields >= 2 && xlat_names_item(r->left, first)) {
			r->rel = first;
		} else if (first && cr->n_fields == 1 && r->bare) {
			r->rel = xlat_scope_input_has(r->c, r->left, first);
		}
		if (r->rel) {
			r->location = cr->location;
			return false;
		}
	}
	return xlat_tree_each(m, lateral_ref_walk, arg);
}

static bool lateral_ref_ok(struct xlat_ctx *c, const PgQuery__JoinExpr *j)
{
	if (j->jointype != PG_QUERY__JOIN_TYPE__JOIN_RIGHT &&
	    j->jointype != PG_QUERY__JOIN_TYPE__JOIN_FULL)
		return true;
	const PgQuery__Node *r = j->rarg;
	bool fn = r->node_case == NODE(RANGE_FUNCTION);
	if (!fn && !(r->node_case == NODE(RANGE_SUBSELECT) && r->range_subselect->lateral))
		return true;
	struct lateral_ref ref = {c, j->larg, fn, NULL, -1};
	xlat_tree_each(fn ? &r->range_function->base : &r->range_subselect->base, lateral_ref_walk,
		       &ref);
	if (!ref.rel)
		return true;
	xlat_fail(c, "42P10", ref.location,
		  "invalid reference to FROM-clause entry for table \"%s\"", ref.rel);
	pgerr_detail(c->err,
		     "The combining JOIN type must be INNER or LEFT for a LATERAL reference.");
	return false;
}

static bool join(struct xlat_ctx *c, const PgQuery__JoinExpr *j)
{
	if (j->alias) /* one not made a subquery (xlat_colalias.c) */
		return xlat_unsupported(
			c, -1,
			"an alias on a join whose LATERAL item reads a FROM item outside it");
	if (!lateral_ref_ok(c, j))
		return false;
	if (xlat_lateral_skip(c, j->rarg)) /* substituted: joining its one row ON true */
		return from_item(c, j->larg);
	if ((j->n_using_clause || j->is_natural) && j->rarg->node_case == NODE(RANGE_SUBSELECT) &&
	    j->rarg->range_subselect->lateral) /* its columns are pgfn_rows' c0, c1, ... */
		return xlat_unsupported(c, -1, "USING or NATURAL with a LATERAL subquery");
	if (!from_item(c, j->larg))
		return false;
	if (j->is_natural)
		xlat_puts(c, " NATURAL");
	xlat_puts(c, join_keyword(j));
	/* a nested join on the right keeps its grouping with parentheses */
	bool nested = j->rarg->node_case == NODE(JOIN_EXPR);
	xlat_puts(c, nested ? "(" : "");
	if (!from_item(c, j->rarg))
		return false;
	xlat_puts(c, nested ? ")" : "");
	if (j->n_using_clause) {
		xlat_puts(c, " USING (");
		for (size_t i = 0; i < j->n_using_clause; i++) {
			xlat_puts(c, i ? ", " : "");
			xlat_ident(c, xlat_node_str(j->using_clause[i]));
		}
		xlat_puts(c, ")");
	} else if (j->quals) {
		xlat_puts(c, " ON ");
		const PgQuery__JoinExpr *outer = c->on_join;
		int outer_level = c->on_level;
		c->on_join = j;
		c->on_level = c->level;
		bool ok = xlat_condition(c, j->quals);
		c->on_join = outer;
		c->on_level = outer_level;
		return ok;
	}
	return true;
}

static bool from_item(struct xlat_ctx *c, const PgQuery__Node *n)
{
	if (!xlat_enter(c))
		return false;
	bool ok;
	switch (n->node_case) {
	case NODE(RANGE_VAR):
		ok = range_var(c, n->range_var);
		break;
	case NODE(RANGE_SUBSELECT):
		ok = range_subselect(c, n->range_subselect);
		break;
	case NODE(JOIN_EXPR):
		ok = join(c, n->join_expr);
		break;
	case NODE(RANGE_FUNCTION): {
		int srf = xlat_rowsfrom_range_function(c, n->range_function);
		srf = srf ? srf : xlat_udf_range_function(c, n->range_function);
		srf = srf ? srf : xlat_recfn_range_function(c, n->range_function);
		srf = srf ? srf : xlat_srf_range_function(c, n->range_function);
		ok = srf ? srf > 0 : xlat_catalog_range_function(c, n->range_function);
		break;
	}
	case NODE(RANGE_TABLE_SAMPLE):
		ok = n->range_table_sample->relation &&
				     n->range_table_sample->relation->node_case == NODE(RANGE_VAR)
			     ? xlat_tablesample_from(c, n->range_table_sample->relation->range_var,
						     n->range_table_sample)
			     : xlat_unsupported(c, -1, "TABLESAMPLE");
		break;
	default:
		ok = xlat_unsupported(c, -1, "this FROM item");
		break;
	}
	xlat_leave(c);
	return ok;
}

bool xlat_from_list(struct xlat_ctx *c, PgQuery__Node **v, size_t n)
{
	bool first = true;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && xlat_lateral_skip(c, v[i]))
			continue; /* substituted: a cross join with one row */
		xlat_puts(c, first ? "" : ", ");
		first = false;
		if (!from_item(c, v[i]))
			return false;
	}
	return true;
}
