/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_copy.c: COPY statements. Only the client ends (FROM STDIN, TO STDOUT) exist here:
 * files and programs on the server are refused as PostgreSQL refuses them to non-superusers.
 * Options are passed through as written; their meaning and checks belong to the copy module,
 * which the session applies once the table's columns are known. */
#include "xlat_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

static bool refuse_server_side(struct xlat_ctx *c, const PgQuery__CopyStmt *s)
{
	const char *msg;
	if (s->is_program)
		msg = "must be superuser or have privileges of the pg_execute_server_program role "
		      "to COPY to or from an external program";
	else if (s->is_from)
		msg = "must be superuser or have privileges of the pg_read_server_files role to "
		      "COPY from a file";
	else
		msg = "must be superuser or have privileges of the pg_write_server_files role to "
		      "COPY to a file";
	xlat_fail(c, SQLSTATE_INSUFFICIENT_PRIVILEGE, -1, "%s", msg);
	pgerr_hint(c->err, "Anyone can COPY to stdout or from stdin. psql's \\copy command also "
			   "works for anyone.");
	return false;
}

/* The text of a scalar option argument as defGetString would give it. */
static const char *arg_text(struct xlat_ctx *c, const PgQuery__Node *n)
{
	switch (n->node_case) {
	case NODE(STRING):
		return arena_strdup(c->a, n->string->sval);
	case NODE(INTEGER):
		return arena_printf(c->a, "%d", n->integer->ival);
	case NODE(FLOAT):
		return arena_strdup(c->a, n->float_->fval);
	case NODE(BOOLEAN):
		return n->boolean->boolval ? "true" : "false";
	default:
		return NULL;
	}
}

static bool option(struct xlat_ctx *c, const PgQuery__DefElem *d, struct xlat_copy_opt *o)
{
	char *name = arena_strdup(c->a, d->defname);
	for (char *p = name; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	o->name = name;
	o->position = xlat_position(c, d->location);
	if (!d->arg) {
		o->kind = XLAT_COPY_ARG_NONE;
		return true;
	}
	if (d->arg->node_case == NODE(A_STAR)) {
		o->kind = XLAT_COPY_ARG_STAR;
		return true;
	}
	if (d->arg->node_case == NODE(LIST)) {
		const PgQuery__List *l = d->arg->list;
		o->kind = XLAT_COPY_ARG_LIST;
		o->list = arena_alloc(c->a, sizeof(char *) * (l->n_items ? l->n_items : 1));
		for (size_t i = 0; i < l->n_items; i++) {
			const char *item = xlat_node_str(l->items[i]);
			o->list[i] = item ? arena_strdup(c->a, item) : NULL;
			if (!o->list[i])
				return xlat_fail(
					c, SQLSTATE_SYNTAX_ERROR, d->location,
					"argument to option \"%s\" must be a list of column "
					"names",
					name);
		}
		o->nlist = l->n_items;
		return true;
	}
	o->kind = XLAT_COPY_ARG_STRING;
	o->value = arg_text(c, d->arg);
	if (!o->value)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, d->location,
				 "argument to option \"%s\" must be a string", name);
	return true;
}

static bool columns(struct xlat_ctx *c, const PgQuery__CopyStmt *s, struct xlat_copy *cp)
{
	cp->ncolumns = s->n_attlist;
	cp->columns = arena_alloc(c->a, sizeof(char *) * (s->n_attlist ? s->n_attlist : 1));
	for (size_t i = 0; i < s->n_attlist; i++) {
		const char *name = xlat_node_str(s->attlist[i]);
		if (!name)
			return xlat_unsupported(c, -1, "this COPY column list");
		cp->columns[i] = arena_strdup(c->a, name);
	}
	return true;
}

/* The table form: the name as SQLite spells it (public. dropped, catalog schemas refused;
 * another tenant's is refused by xlat_schema_finish). */
static bool table(struct xlat_ctx *c, const PgQuery__CopyStmt *s, struct xlat_copy *cp)
{
	struct strbuf *saved = c->sb, scratch;
	strbuf_init(&scratch, 0);
	c->sb = &scratch;
	bool ok = xlat_relname(c, s->relation);
	c->sb = saved;
	strbuf_fini(&scratch);
	const char *schema = s->relation->schemaname;
	/* pg_catalog is searched first: a bare pg_class is the catalog's */
	if (ok && ((schema && (strcmp(schema, "pg_catalog") == 0 ||
			       strcmp(schema, "information_schema") == 0)) ||
		   ((!schema || !*schema) && xlat_catalog_is_relation(s->relation->relname))))
		ok = xlat_unsupported(c, s->relation->location, "COPY of a catalog relation");
	/* the session reads and writes the table by its name, which finds a temporary one
	 * first: public.t while a temporary t hides it is refused rather than copied wrong */
	bool own = schema && c->env && c->env->tenant && strcmp(schema, c->env->tenant) == 0;
	if (ok && schema && (strcmp(schema, "public") == 0 || own) &&
	    xlat_temp_hides(c, s->relation->relname))
		ok = xlat_fail(
			c, SQLSTATE_FEATURE_NOT_SUPPORTED, s->relation->location,
			"COPY of \"%s.%s\" while a temporary relation \"%s\" hides it is not "
			"supported",
			schema, s->relation->relname, s->relation->relname);
	cp->table = arena_strdup(c->a, s->relation->relname);
	/* a materialized view is refused when the COPY runs (sess_copy.c): COPY FROM only after
	 * CopyInResponse, as PostgreSQL's CopyFrom, so psql sends the data rather than running it */
	return ok;
}

/* What PostgreSQL's transformExpr refuses in a COPY FROM WHERE condition: the first subquery,
 * aggregate or window call. */
static bool refused_in_where(void *arg, const ProtobufCMessage *m)
{
	const ProtobufCMessage **hit = arg;
	if (m->descriptor == &pg_query__sub_link__descriptor) {
		*hit = m;
		return false;
	}
	if (m->descriptor == &pg_query__func_call__descriptor) {
		const PgQuery__FuncCall *f = (const PgQuery__FuncCall *)m;
		const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
		if (f->over || f->agg_star || (name && xlat_func_class(name) == XLAT_FN_AGG)) {
			*hit = m;
			return false;
		}
	}
	return xlat_tree_each(m, refused_in_where, arg);
}

/* COPY FROM ... WHERE cond: cond translated with the table in scope into cp->where_sql. */
static bool where(struct xlat_ctx *c, const PgQuery__CopyStmt *s, struct xlat_copy *cp)
{
	const ProtobufCMessage *hit = NULL;
	if (!refused_in_where(&hit, &s->where_clause->base) && hit) {
		int at = xlat_tree_location(hit);
		if (hit->descriptor == &pg_query__sub_link__descriptor)
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, at,
					 "cannot use subquery in COPY FROM WHERE condition");
		if (((const PgQuery__FuncCall *)hit)->over)
			return xlat_fail(c, "42P20", at,
					 "window functions are not allowed in COPY FROM WHERE "
					 "conditions");
		return xlat_fail(c, "42803", at,
				 "aggregate functions are not allowed in COPY FROM WHERE conditions");
	}
	if (!xlat_srfzip_forbid(c, s->where_clause, "COPY FROM WHERE conditions"))
		return false;
	struct strbuf *saved = c->sb, scratch;
	strbuf_init(&scratch, 0);
	c->sb = &scratch;
	int mark = xlat_scope_enter(c);
	xlat_scope_table(c, s->relation);
	struct xlat_type t;
	bool ok = xlat_expr(c, s->where_clause, &t);
	xlat_scope_leave(c, mark);
	c->sb = saved;
	if (ok)
		cp->where_sql = arena_strndup(c->a, scratch.data ? scratch.data : "", scratch.len);
	strbuf_fini(&scratch);
	return ok;
}

/* COPY (query) TO STDOUT: the query is translated like any SELECT; its rows become the data. */
static bool query(struct xlat_ctx *c, const PgQuery__CopyStmt *s)
{
	if (s->query->node_case != NODE(SELECT_STMT))
		return xlat_unsupported(c, -1, "COPY of a data-modifying statement");
	if (s->query->select_stmt->into_clause) /* PostgreSQL's own words */
		return xlat_unsupported(c, -1, "COPY (SELECT INTO)");
	return xlat_stmt_select(c, s->query->select_stmt);
}

bool xlat_stmt_copy(struct xlat_ctx *c, const PgQuery__CopyStmt *s)
{
	struct xlat_copy *cp = arena_zalloc(c->a, sizeof(*cp));
	if (s->filename && *s->filename)
		return refuse_server_side(c, s);
	cp->from = s->is_from;
	cp->nopts = s->n_options;
	cp->opts = arena_zalloc(c->a, sizeof(*cp->opts) * (s->n_options ? s->n_options : 1));
	for (size_t i = 0; i < s->n_options; i++) {
		if (s->options[i]->node_case != NODE(DEF_ELEM))
			return xlat_unsupported(c, -1, "this COPY option");
		if (!option(c, s->options[i]->def_elem, &cp->opts[i]))
			return false;
	}
	bool ok = s->query ? query(c, s)
			   : table(c, s, cp) && columns(c, s, cp) &&
				     (!s->where_clause || where(c, s, cp));
	if (!ok)
		return false;
	c->st->kind = XLAT_COPY;
	c->st->tag = "COPY";
	c->st->tag_style = XLAT_TAG_ROWS;
	c->st->returns_rows = false;
	c->st->writes = cp->from;
	c->st->copy = cp;
	return true;
}
