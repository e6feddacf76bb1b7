/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_ctas.c: tables made from queries — CREATE [TEMP] TABLE t [(names)] AS query [WITH [NO]
 * DATA], SELECT ... INTO [TEMP] t, and CREATE MATERIALIZED VIEW (xlat_matview.c). The query is translated as a SELECT (its parameters and
 * result column hints as usual); the new table's columns are only known once the query is
 * prepared, so the session creates and fills it (struct xlat_ctas, sess_ctas.c), which gives
 * each column the PostgreSQL type RowDescription would report for the query. */
#include "xlat_int.h"
#include "xlat_syscol.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* Where the new table goes: the session's file ("main") or its temp schema. A table in
 * another tenant's file, or in a schema search_path chose, is refused: the session fills the
 * table on its own connection. */
static bool target(struct xlat_ctx *c, const PgQuery__IntoClause *in, struct xlat_ctas *ct)
{
	const PgQuery__RangeVar *rv = in->rel;
	const char *schema = rv->schemaname;
	if (!xlat_temp_create(c, rv, in->on_commit))
		return false;
	if (rv->catalogname && *rv->catalogname)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, rv->location,
				 "cross-database references are not implemented: %s.%s.%s",
				 rv->catalogname, schema, rv->relname);
	ct->name = arena_strdup(c->a, rv->relname);
	c->st->created_table = ct->name;
	if (xlat_temp_is(rv)) {
		ct->schema = "temp";
		return true;
	}
	bool own = schema && *schema &&
		   (strcmp(schema, "public") == 0 ||
		    (c->env && c->env->tenant && strcmp(schema, c->env->tenant) == 0));
	if (!own && schema && *schema)
		return xlat_unsupported(c, rv->location,
					"CREATE TABLE AS in a schema other than public");
	if (!own && c->env && c->env->no_search)
		return xlat_fail(c, SQLSTATE_INVALID_SCHEMA_NAME, rv->location,
				 "no schema has been selected to create in");
	if (!own && c->env && (c->env->search || c->env->no_default))
		return xlat_unsupported(c, rv->location,
					"CREATE TABLE AS in another tenant's schema");
	ct->schema = "main";
	return true;
}

static bool options(struct xlat_ctx *c, const PgQuery__IntoClause *in)
{
	if (in->n_options)
		return xlat_unsupported(c, -1, "WITH (storage parameters) in CREATE TABLE AS");
	if ((in->access_method && *in->access_method) ||
	    (in->table_space_name && *in->table_space_name))
		return xlat_unsupported(c, -1, "TABLESPACE or USING");
	return true;
}

static bool column_names(struct xlat_ctx *c, const PgQuery__IntoClause *in, struct xlat_ctas *ct)
{
	if (!in->n_col_names)
		return true;
	const char **v = arena_alloc(c->a, in->n_col_names * sizeof(*v));
	for (size_t i = 0; i < in->n_col_names; i++) {
		const char *name = xlat_node_str(in->col_names[i]);
		if (!name)
			return xlat_unsupported(c, -1, "this column name");
		v[i] = arena_strdup(c->a, name); /* the parse tree goes before the statement runs */
	}
	ct->colnames = v;
	ct->ncolnames = in->n_col_names;
	return true;
}

/* The new table's columns (the alias list's names, then the query's) may not be named like a
 * system column (42701, as CREATE TABLE); names only known when it runs (*) are not checked. */
static bool free_names(struct xlat_ctx *c, const PgQuery__SelectStmt *sel,
		       const struct xlat_ctas *ct)
{
	size_t n = 0;
	const char **names = xlat_select_colnames(c, sel, &n);
	for (size_t i = 0; i < n || i < ct->ncolnames; i++) {
		const char *name = i < ct->ncolnames ? ct->colnames[i] : NULL;
		if (!name && names && i < n)
			name = names[i];
		if (name && !xlat_syscol_check_name(c, name, -1))
			return false;
	}
	return true;
}

/* The query as a SELECT statement, then what makes it a CREATE TABLE AS. */
static bool query(struct xlat_ctx *c, const PgQuery__SelectStmt *sel, struct xlat_ctas *ct)
{
	if (!xlat_stmt_select(c, sel))
		return false;
	struct xlat_stmt *st = c->st;
	if (st->nsteps)
		return xlat_unsupported(c, -1, "a data-modifying WITH in CREATE TABLE AS");
	st->returns_rows = false;
	st->no_columns = false;
	st->writes = st->is_ddl = true;
	st->tag = "SELECT";
	st->tag_style = XLAT_TAG_ROWS;
	st->ctas = ct;
	return true;
}

static bool ctas(struct xlat_ctx *c, const PgQuery__IntoClause *in, const PgQuery__Node *q,
		 bool if_not_exists)
{
	struct xlat_ctas *ct = arena_zalloc(c->a, sizeof(*ct));
	xlat_nocache(c); /* .ctas is the statement's own */
	if (!in || !in->rel)
		return xlat_unsupported(c, -1, "CREATE TABLE AS without a table");
	if (!options(c, in) || !target(c, in, ct) || !column_names(c, in, ct))
		return false;
	ct->if_not_exists = if_not_exists;
	ct->no_data = in->skip_data;
	if (!q || q->node_case != NODE(SELECT_STMT))
		return xlat_unsupported(c, -1,
					q && q->node_case == NODE(EXECUTE_STMT)
						? "CREATE TABLE AS EXECUTE"
						: "CREATE TABLE AS of this statement");
	return free_names(c, q->select_stmt, ct) && query(c, q->select_stmt, ct);
}

/* CREATE MATERIALIZED VIEW: a table made so, its query kept; PostgreSQL's refusals. */
static bool matview(struct xlat_ctx *c, const PgQuery__CreateTableAsStmt *s)
{
	const PgQuery__RangeVar *rv = s->into ? s->into->rel : NULL;
	if (rv && rv->relpersistence && *rv->relpersistence == 'u')
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "materialized views cannot be unlogged");
	c->view_star = true; /* REFRESH runs the query with the columns it had when made */
	bool made = ctas(c, s->into, s->query, s->if_not_exists);
	c->view_star = false;
	if (!made)
		return false;
	if (xlat_reads_temp(c, s->query))
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "materialized views must not use temporary tables or views");
	struct xlat_ctas *ct = (struct xlat_ctas *)c->st->ctas;
	ct->matview = true;
	if (strcmp(ct->schema, "main") != 0)
		return xlat_unsupported(c, -1, "a temporary materialized view");
	if (c->max_param) /* the query is run again by REFRESH, without them */
		return xlat_fail(c, "42P02", -1, "there is no parameter $%d", c->max_param);
	return xlat_matview_definition(c, s->query, &ct->definition);
}

bool xlat_stmt_ctas(struct xlat_ctx *c, const PgQuery__CreateTableAsStmt *s)
{
	if (s->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW)
		return matview(c, s);
	return ctas(c, s->into, s->query, s->if_not_exists);
}

bool xlat_stmt_select_into(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	PgQuery__SelectStmt plain = *s;
	plain.into_clause = NULL;
	PgQuery__Node q = PG_QUERY__NODE__INIT;
	q.node_case = NODE(SELECT_STMT);
	q.select_stmt = &plain;
	return ctas(c, s->into_clause, &q, false);
}
