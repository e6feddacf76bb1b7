/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_tablesample.c: `FROM t TABLESAMPLE BERNOULLI (p) | SYSTEM (p) [REPEATABLE (seed)]`.
 * Before a statement is translated its sampled tables are lifted out of their
 * RangeTableSample nodes, which become the plain RangeVar (so scoping, typing and * know the
 * table as any other) and are remembered here; the FROM item is then written as
 * `(SELECT * FROM t WHERE pgfn_tablesample(m, pgfn_tablesample_args(p[, seed]), rowid)) AS t`
 * (pgfn_tablesample.c). SYSTEM samples rows as BERNOULLI does (SQLite has no
 * pages to keep or skip whole); tsm_system_rows' and tsm_system_time's methods are 0A000. */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

struct xlat_tsm {
	const PgQuery__RangeVar *rv; /* the sampled table's node, in the tree as lifted */
	const PgQuery__RangeTableSample *ts;
	PgQuery__Node *node; /* the FROM item that held ts, put back by xlat_tablesample_restore */
};

static bool lift(void *arg, const ProtobufCMessage *m)
{
	struct xlat_ctx *c = arg;
	if (m->descriptor == &pg_query__node__descriptor) {
		PgQuery__Node *n = (PgQuery__Node *)m; /* the tree is this statement's own */
		if (n->node_case == NODE(RANGE_TABLE_SAMPLE) && n->range_table_sample->relation &&
		    n->range_table_sample->relation->node_case == NODE(RANGE_VAR)) {
			const PgQuery__RangeTableSample *ts = n->range_table_sample;
			struct xlat_tsm *v = arena_alloc(c->a, (c->ntsm + 1) * sizeof(*v));
			if (c->ntsm)
				memcpy(v, c->tsm, c->ntsm * sizeof(*v));
			v[c->ntsm++] = (struct xlat_tsm){ts->relation->range_var, ts, n};
			c->tsm = v;
			n->node_case = NODE(RANGE_VAR);
			n->range_var = ts->relation->range_var;
			m = &n->range_var->base;
		}
	}
	return xlat_tree_each(m, lift, arg);
}

void xlat_tablesample_lift(struct xlat_ctx *c, const PgQuery__Node *stmt)
{
	c->tsm = NULL;
	c->ntsm = 0;
	if (stmt)
		lift(c, &stmt->base);
}

void xlat_tablesample_restore(struct xlat_ctx *c)
{
	for (size_t i = 0; i < c->ntsm; i++) {
		c->tsm[i].node->node_case = NODE(RANGE_TABLE_SAMPLE);
		c->tsm[i].node->range_table_sample = (PgQuery__RangeTableSample *)c->tsm[i].ts;
	}
	c->tsm = NULL;
	c->ntsm = 0;
}

const PgQuery__RangeTableSample *xlat_tablesample_of(const struct xlat_ctx *c,
						     const PgQuery__RangeVar *rv)
{
	for (size_t i = 0; i < c->ntsm; i++) {
		if (c->tsm[i].rv == rv)
			return c->tsm[i].ts;
	}
	return NULL;
}

bool xlat_tablesample_named(const struct xlat_ctx *c, const char *name)
{
	for (size_t i = 0; name && i < c->ntsm; i++) {
		const PgQuery__RangeVar *rv = c->tsm[i].rv;
		if (strcmp(rv->alias ? rv->alias->aliasname : rv->relname, name) == 0)
			return true;
	}
	return false;
}

/* PostgreSQL's parser refuses a column of any FROM item in the arguments (they are
 * evaluated once, before the scan). */
struct colref_find {
	const PgQuery__ColumnRef *found;
};

static bool find_colref(void *arg, const ProtobufCMessage *m)
{
	struct colref_find *f = arg;
	if (m->descriptor == &pg_query__column_ref__descriptor) {
		f->found = (const PgQuery__ColumnRef *)m;
		return false;
	}
	if (m->descriptor == &pg_query__sub_link__descriptor)
		return true; /* a subquery's own columns are its business */
	return xlat_tree_each(m, find_colref, arg);
}

static bool no_columns(struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct colref_find f = {NULL};
	find_colref(&f, &n->base);
	if (!f.found)
		return true;
	const char *first = xlat_node_str(f.found->fields[0]);
	if (f.found->n_fields > 1 && first)
		return xlat_fail(c, "42P01", f.found->location,
				 "invalid reference to FROM-clause entry for table \"%s\"", first);
	return xlat_fail(c, "42703", f.found->location, "column \"%s\" does not exist",
			 first ? first : "*");
}

/* An argument as its declared type (real for the percentage, double precision for the
 * seed): a parameter is typed so, anything else cast (a string 'x' is 22P02, 1e300 22003). */
static bool argument(struct xlat_ctx *c, const PgQuery__Node *n, uint32_t oid, const char *typ)
{
	struct xlat_type ignored;
	if (!no_columns(c, n))
		return false;
	if (n->node_case == NODE(PARAM_REF)) {
		if (!xlat_param(c, n->param_ref->number, oid, n->param_ref->location))
			return false;
		return xlat_expr(c, n, &ignored);
	}
	return xlat_expr(c, xlat_tree_cast(c->a, n, typ, xlat_tree_location(&n->base)), &ignored);
}

/* 0 BERNOULLI, 1 SYSTEM, -1 failed (c->err set). */
static int method(struct xlat_ctx *c, const PgQuery__RangeTableSample *ts)
{
	const char *name = ts->n_method ? xlat_node_str(ts->method[ts->n_method - 1]) : NULL;
	const char *schema = ts->n_method == 2 ? xlat_node_str(ts->method[0]) : "pg_catalog";
	int m = -1;
	if (name && ts->n_method <= 2 && schema && strcmp(schema, "pg_catalog") == 0)
		m = strcmp(name, "bernoulli") == 0 ? 0 : strcmp(name, "system") == 0 ? 1 : -1;
	if (m < 0 && name && ts->n_method == 1 &&
	    (strcmp(name, "system_rows") == 0 || strcmp(name, "system_time") == 0)) {
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, ts->location,
			  "TABLESAMPLE %s (extension tsm_%s) is not supported", name, name);
		return -1;
	}
	if (m < 0) {
		xlat_fail(c, "42704", ts->location, "tablesample method %s does not exist",
			  name ? name : "?");
		return -1;
	}
	if (ts->n_args != 1) {
		xlat_fail(c, "2202H", ts->location,
			  "tablesample method %s requires 1 argument, not %zu", name, ts->n_args);
		return -1;
	}
	return m;
}

/* Only a table (or a materialized view, one too here) has rows to sample: a view, a WITH
 * query, a sequence or a trigger's transition table is PostgreSQL's 0A000. */
static bool sampleable(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	const struct xlat_schema_col *cols;
	size_t ncols;
	bool bare = !rv->schemaname || !rv->schemaname[0];
	bool public_ = bare || strcmp(rv->schemaname, "public") == 0;
	char kind = public_ && c->schema && c->schema->relkind_fn
			    ? c->schema->relkind_fn(c->schema->arg, rv->relname)
			    : 0;
	if ((bare && xlat_scope_cte_find(c, rv->relname) >= 0) || kind == 'v' || kind == 'c' ||
	    xlat_scope_transition(c, rv) || xlat_scope_sequence(c, rv, &cols, &ncols))
		return xlat_fail(
			c, SQLSTATE_FEATURE_NOT_SUPPORTED, rv->location,
			"TABLESAMPLE clause can only be applied to tables and materialized "
			"views");
	bool catalog = !bare && (strcmp(rv->schemaname, "pg_catalog") == 0 ||
				 strcmp(rv->schemaname, "information_schema") == 0);
	if (!catalog && public_ && c->schema && c->schema->catalog_fn &&
	    !(c->schema->table_fn &&
	      c->schema->table_fn(c->schema->arg, rv->relname, c->a, &cols, &ncols)))
		catalog = c->schema->catalog_fn(c->schema->arg, rv->relname, c->a, &cols, &ncols);
	if (catalog)
		return xlat_unsupported(c, rv->location, "TABLESAMPLE on a system catalog");
	if (c->mod)
		return xlat_unsupported(c, rv->location,
					"TABLESAMPLE in a statement with data-modifying WITH");
	/* a view's text is printed back from its SQLite text, which has no TABLESAMPLE */
	const PgQuery__Node *top = c->top_stmt;
	if (top && top->node_case == NODE(VIEW_STMT))
		return xlat_unsupported(c, rv->location, "TABLESAMPLE in a view");
	if (top && top->node_case == NODE(CREATE_TABLE_AS_STMT) &&
	    top->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW)
		return xlat_unsupported(c, rv->location, "TABLESAMPLE in a materialized view");
	return true;
}

bool xlat_tablesample_from(struct xlat_ctx *c, const PgQuery__RangeVar *rv,
			   const PgQuery__RangeTableSample *ts)
{
	int m = method(c, ts);
	if (m < 0 || !sampleable(c, rv))
		return false;
	if (rv->alias && rv->alias->n_colnames)
		return xlat_unsupported(c, rv->location, "a column alias list on a table");
	c->volatile_seen++;
	/* the CTE comes first in a CROSS JOIN, which SQLite keeps in order: the arguments are
	 * checked before the table is read, when it is empty too */
	const char *args = arena_printf(c->a, "xlat:%d", ++c->cte_seq);
	xlat_puts(c, "(WITH ");
	xlat_ident(c, args);
	xlat_puts(c, "(s) AS MATERIALIZED (SELECT pgfn_tablesample_args(");
	if (!argument(c, ts->args[0], XLAT_OID_FLOAT4, "float4"))
		return false;
	if (ts->repeatable) {
		xlat_puts(c, ", ");
		if (!argument(c, ts->repeatable, XLAT_OID_FLOAT8, "float8"))
			return false;
	}
	xlat_puts(c, ")) SELECT \"xlat:r\".* FROM ");
	xlat_ident(c, args);
	xlat_puts(c, " CROSS JOIN ");
	if (!xlat_relname(c, rv))
		return false;
	xlat_printf(c, " AS \"xlat:r\" WHERE pgfn_tablesample(%d, ", m);
	xlat_ident(c, args);
	xlat_puts(c, ".s, \"xlat:r\".rowid)) AS ");
	xlat_ident(c, rv->alias ? rv->alias->aliasname : rv->relname);
	return true;
}
