/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_matview.c: materialized views. CREATE MATERIALIZED VIEW is a CREATE TABLE AS
 * (xlat_ctas.c) that also keeps its query, deparsed to PostgreSQL text, for REFRESH; REFRESH
 * and DROP MATERIALIZED VIEW name the views for the session, which reads the kept query
 * (sess_matview.c). */
#include "xlat_int.h"

#include <pg_query.h>
#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

const char *xlat_deparse_in(struct arena *a, const PgQuery__Node *stmt)
{
	PgQuery__RawStmt raw = PG_QUERY__RAW_STMT__INIT;
	raw.stmt = (PgQuery__Node *)stmt;
	PgQuery__RawStmt *stmts[1] = {&raw};
	PgQuery__ParseResult tree = PG_QUERY__PARSE_RESULT__INIT;
	tree.version = PG_VERSION_NUM;
	tree.n_stmts = 1;
	tree.stmts = stmts;
	size_t len = pg_query__parse_result__get_packed_size(&tree);
	PgQueryProtobuf pb = {len, malloc(len ? len : 1)};
	const char *out = NULL;
	if (pb.data) {
		pg_query__parse_result__pack(&tree, (uint8_t *)pb.data);
		PgQueryDeparseResult r = pg_query_deparse_protobuf(pb);
		if (!r.error && r.query)
			out = arena_strdup(a, r.query);
		pg_query_free_deparse_result(r);
		free(pb.data);
	}
	return out;
}

const char *xlat_deparse(struct xlat_ctx *c, const PgQuery__Node *stmt)
{
	return xlat_deparse_in(c->a, stmt);
}

/* expr as PostgreSQL text (deparsed), NULL when libpg_query cannot. */
const char *xlat_deparse_expr_in(struct arena *a, PgQuery__Node *expr)
{
	PgQuery__ResTarget rt = PG_QUERY__RES_TARGET__INIT;
	PgQuery__Node rtn = PG_QUERY__NODE__INIT, *targets[1] = {&rtn};
	PgQuery__SelectStmt sel = PG_QUERY__SELECT_STMT__INIT;
	PgQuery__Node seln = PG_QUERY__NODE__INIT;
	rt.val = expr;
	rtn.node_case = NODE(RES_TARGET);
	rtn.res_target = &rt;
	sel.n_target_list = 1;
	sel.target_list = targets;
	sel.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
	seln.node_case = NODE(SELECT_STMT);
	seln.select_stmt = &sel;
	const char *text = xlat_deparse_in(a, &seln);
	return text && strncmp(text, "SELECT ", 7) == 0 ? text + 7 : NULL;
}

const char *xlat_deparse_expr(struct xlat_ctx *c, PgQuery__Node *expr)
{
	return xlat_deparse_expr_in(c->a, expr);
}

bool xlat_matview_definition(struct xlat_ctx *c, const PgQuery__Node *query, const char **out)
{
	*out = xlat_deparse(c, query);
	return *out ||
	       xlat_unsupported(c, -1, "this query in a materialized view (it has no SQL text)");
}

static struct xlat_ctas *matview_stmt(struct xlat_ctx *c, const char *tag)
{
	struct xlat_ctas *ct = arena_zalloc(c->a, sizeof(*ct));
	xlat_nocache(c);
	c->st->kind = XLAT_MATVIEW;
	c->st->tag = tag;
	c->st->writes = c->st->is_ddl = true;
	c->st->ctas = ct;
	ct->schema = "main";
	return ct;
}

/* A materialized view lives in the session's own file: public, or no schema. */
static bool own_name(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	const char *schema = rv->schemaname;
	if (schema && *schema && strcmp(schema, "public") != 0 &&
	    !(c->env && c->env->tenant && strcmp(schema, c->env->tenant) == 0))
		return xlat_unsupported(c, rv->location,
					"a materialized view in a schema other than public");
	if ((!schema || !*schema) && c->env && (c->env->search || c->env->no_default))
		return xlat_unsupported(c, rv->location,
					"a materialized view in another tenant's schema");
	return true;
}

bool xlat_stmt_refresh(struct xlat_ctx *c, const PgQuery__RefreshMatViewStmt *s)
{
	struct xlat_ctas *ct = matview_stmt(c, "REFRESH MATERIALIZED VIEW");
	if (!s->relation || !own_name(c, s->relation))
		return false;
	if (s->concurrent && s->skip_data)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
				 "CONCURRENTLY and WITH NO DATA options cannot be used together");
	ct->refresh = true;
	ct->name = arena_strdup(c->a, s->relation->relname);
	ct->concurrently = s->concurrent;
	ct->no_data = s->skip_data;
	return true;
}

bool xlat_stmt_drop_matview(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	struct xlat_ctas *ct = matview_stmt(c, "DROP MATERIALIZED VIEW");
	ct->cascade = s->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
	if (s->concurrent)
		return xlat_unsupported(c, -1, "DROP MATERIALIZED VIEW CONCURRENTLY");
	const char **names = arena_alloc(c->a, (s->n_objects ? s->n_objects : 1) * sizeof(*names));
	for (size_t i = 0; i < s->n_objects; i++) {
		const PgQuery__Node *n = s->objects[i];
		if (n->node_case != NODE(LIST) || n->list->n_items == 0 || n->list->n_items > 2)
			return xlat_unsupported(c, -1, "this object name");
		const PgQuery__List *l = n->list;
		PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;
		rv.relname = (char *)xlat_node_str(l->items[l->n_items - 1]);
		rv.schemaname = (char *)(l->n_items == 2 ? xlat_node_str(l->items[0]) : "");
		rv.location = -1;
		if (!rv.relname || !rv.schemaname || !own_name(c, &rv))
			return rv.relname && rv.schemaname ? false
							   : xlat_unsupported(c, -1, "this object name");
		names[i] = arena_strdup(c->a, rv.relname);
	}
	ct->names = names;
	ct->nnames = s->n_objects;
	ct->missing_ok = s->missing_ok;
	return true;
}
