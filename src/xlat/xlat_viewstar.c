/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_viewstar.c: * and t.* of a view's query spelled out when the view is made. PostgreSQL
 * expands them then, so the view keeps the columns its relations had (a later ADD COLUMN does
 * not reach it); SQLite keeps the view's text and expands * each time the view is used. Each
 * column becomes rel.col AS col in the parse tree: the alias keeps the view's column name
 * when SQLite's RENAME COLUMN rewrites the reference, as PostgreSQL's view keeps it. Any
 * query's * over a join that merges columns (USING, NATURAL) is spelled out too, in
 * PostgreSQL's order (xlat_scope_join_star), which SQLite's * does not follow. */
#include "xlat_int.h"

#include <pg_query.h>
#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

static PgQuery__Node *string_node(const char *s)
{
	PgQuery__Node *n = calloc(1, sizeof(*n));
	PgQuery__String *str = calloc(1, sizeof(*str));
	char *v = strdup(s);
	if (!n || !str || !v) {
		free(n), free(str), free(v);
		return NULL;
	}
	*str = (PgQuery__String)PG_QUERY__STRING__INIT;
	str->sval = v;
	*n = (PgQuery__Node)PG_QUERY__NODE__INIT;
	n->node_case = NODE(STRING);
	n->string = str;
	return n;
}

/* The ColumnRef rel.col, allocated as protobuf-c unpacks (malloc), so that the tree's owner
 * frees it with the rest of the tree; NULL when out of memory. */
static PgQuery__Node *column_ref(const char *rel, const char *col, int location)
{
	PgQuery__Node *cn = calloc(1, sizeof(*cn));
	PgQuery__ColumnRef *cr = calloc(1, sizeof(*cr));
	PgQuery__Node **fields = calloc(2, sizeof(*fields));
	if (!cn || !cr || !fields) {
		free(cn), free(cr), free(fields);
		return NULL;
	}
	*cr = (PgQuery__ColumnRef)PG_QUERY__COLUMN_REF__INIT;
	cr->fields = fields;
	cr->location = location;
	*cn = (PgQuery__Node)PG_QUERY__NODE__INIT;
	cn->node_case = NODE(COLUMN_REF);
	cn->column_ref = cr;
	fields[0] = string_node(rel);
	fields[1] = string_node(col);
	cr->n_fields = (fields[0] != NULL) + (fields[1] != NULL);
	if (cr->n_fields != 2) {
		pg_query__node__free_unpacked(cn, NULL);
		return NULL;
	}
	return cn;
}

/* COALESCE(rel.col, rel2.col): a FULL JOIN's merged column, as PostgreSQL makes it; rel2 a
 * list of relations each ended by XLAT_QUALS_SEP (FULL JOINs merging it again) gives
 * COALESCE(rel.col, r2.col, r3.col ...). */
static PgQuery__Node *coalesce_refs(const char *rel, const char *rel2, const char *col,
				    int location)
{
	size_t nrels = 1;
	const char *sep = strchr(rel2, XLAT_QUALS_SEP);
	for (const char *p = rel2; sep && *p; p++)
		nrels += *p == XLAT_QUALS_SEP;
	if (sep)
		nrels--; /* each relation ends with one: as many as there are separators */
	PgQuery__Node *n = calloc(1, sizeof(*n));
	PgQuery__CoalesceExpr *ce = calloc(1, sizeof(*ce));
	PgQuery__Node **args = calloc(nrels + 1, sizeof(*args));
	if (!n || !ce || !args) {
		free(n), free(ce), free(args);
		return NULL;
	}
	*ce = (PgQuery__CoalesceExpr)PG_QUERY__COALESCE_EXPR__INIT;
	ce->args = args;
	ce->location = location;
	*n = (PgQuery__Node)PG_QUERY__NODE__INIT;
	n->node_case = NODE(COALESCE_EXPR);
	n->coalesce_expr = ce;
	args[0] = column_ref(rel, col, location);
	ce->n_args = args[0] != NULL;
	if (!sep) {
		args[1] = column_ref(rel2, col, location);
		ce->n_args += args[1] != NULL;
	}
	for (const char *p = rel2; sep && *p;) {
		const char *end = strchr(p, XLAT_QUALS_SEP);
		char *one = strndup(p, (size_t)(end - p));
		args[ce->n_args] = one ? column_ref(one, col, location) : NULL;
		free(one);
		if (!args[ce->n_args])
			break;
		ce->n_args++;
		p = end + 1;
	}
	if (ce->n_args != nrels + 1) {
		pg_query__node__free_unpacked(n, NULL);
		return NULL;
	}
	return n;
}

/* The ResTarget rel.col AS col (COALESCE(rel.col, rel2.col) AS col when rel2 is not NULL),
 * allocated as protobuf-c unpacks; NULL when out of memory. */
static PgQuery__Node *column_target(const char *rel, const char *rel2, const char *col,
				    int location)
{
	PgQuery__Node *rn = calloc(1, sizeof(*rn));
	PgQuery__ResTarget *rt = calloc(1, sizeof(*rt));
	char *name = strdup(col);
	PgQuery__Node *val = rel2 ? coalesce_refs(rel, rel2, col, location)
				  : column_ref(rel, col, location);
	if (!rn || !rt || !name || !val) {
		free(rn), free(rt), free(name);
		if (val)
			pg_query__node__free_unpacked(val, NULL);
		return NULL;
	}
	*rt = (PgQuery__ResTarget)PG_QUERY__RES_TARGET__INIT;
	rt->name = name;
	rt->val = val;
	rt->location = location;
	*rn = (PgQuery__Node)PG_QUERY__NODE__INIT;
	rn->node_case = NODE(RES_TARGET);
	rn->res_target = rt;
	return rn;
}

/* The relation name of a target that is * (NULL) or rel.* (rel): true when it is one. */
PgQuery__Node *xlat_viewstar_target(const char *rel, const char *col, int location)
{
	return column_target(rel, NULL, col, location);
}

static bool star_target(const PgQuery__Node *n, const char **rel)
{
	const PgQuery__ResTarget *rt = n->node_case == NODE(RES_TARGET) ? n->res_target : NULL;
	const PgQuery__Node *v = rt ? rt->val : NULL;
	if (!v || v->node_case != NODE(COLUMN_REF))
		return false;
	const PgQuery__ColumnRef *cr = v->column_ref;
	if (cr->n_fields < 1 || cr->n_fields > 2 ||
	    cr->fields[cr->n_fields - 1]->node_case != NODE(A_STAR))
		return false;
	*rel = cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
	return cr->n_fields == 1 || *rel != NULL;
}

static bool same(const char *a, const char *b) { return a == b || (a && b && !strcmp(a, b)); }

/* Whether one relation's spelled-out columns repeat a name (a subquery's two "?column?", or
 * two x): rel.col would read the first of them twice. */
static bool repeats(const char **quals, const char **quals2, const char **names, size_t n)
{
	for (size_t k = 0; names && k < n; k++)
		for (size_t j = 0; j < k; j++)
			if (same(names[k], names[j]) && same(quals[k], quals[j]) &&
			    (!quals2 || same(quals2[k], quals2[j])))
				return true;
	return false;
}

/* A view's column names, each * spelled out (names[i], widths[i] of target i), into
 * c->star_names. */
static void star_names(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const char ***names,
		       const size_t *widths, size_t total)
{
	const char **v = arena_zalloc(c->a, (total + 1) * sizeof(*v));
	size_t used = 0;
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		for (size_t k = 0; names[i] && k < widths[i]; k++)
			v[used++] = names[i][k];
		if (!names[i])
			v[used++] = rt->name && *rt->name ? rt->name : xlat_colname(rt->val);
	}
	c->star_names = v;
	c->n_star_names = used;
}

bool xlat_view_star(struct xlat_ctx *c, PgQuery__SelectStmt *s, int first)
{
	const char **q = NULL, **q2 = NULL, **nm = NULL;
	size_t nj = 0;
	if (c->star_from || !xlat_has_star(s))
		return true;
	/* any query's * over a join that merges columns, which SQLite orders differently */
	if (!c->view_star && !xlat_scope_join_star(c, s, first, &q, &q2, &nm, &nj))
		return true;
	size_t n = s->n_target_list, total = 0;
	const char ***quals = arena_zalloc(c->a, (n + 1) * sizeof(*quals));
	const char ***quals2 = arena_zalloc(c->a, (n + 1) * sizeof(*quals2));
	const char ***names = arena_zalloc(c->a, (n + 1) * sizeof(*names));
	size_t *widths = arena_zalloc(c->a, (n + 1) * sizeof(*widths));
	bool dup = false;
	for (size_t i = 0; i < n; i++) {
		const char *rel = NULL;
		widths[i] = 1;
		if (star_target(s->target_list[i], &rel) &&
		    !xlat_scope_star_names(c, s, first, rel, &quals[i], &quals2[i], &names[i],
					   &widths[i]))
			return true; /* one not known: all stay, and the view expands them itself */
		total += widths[i];
		if (repeats(quals[i], quals2[i], names[i], widths[i]))
			dup = true;
	}
	if (dup) { /* as not known: SQLite expands them by position */
		if (!c->insert_star)
			star_names(c, s, names, widths, total);
		return true;
	}
	PgQuery__Node **v = calloc(total ? total : 1, sizeof(*v));
	if (!v)
		return xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
	size_t used = 0;
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		PgQuery__Node *old = s->target_list[i];
		if (!names[i]) {
			v[used++] = old;
			continue;
		}
		for (size_t k = 0; k < widths[i]; k++) {
			PgQuery__Node *t = column_target(quals[i][k],
							 quals2[i] ? quals2[i][k] : NULL,
							 names[i][k], old->res_target->location);
			ok = ok && t != NULL;
			if (t)
				v[used++] = t;
		}
		pg_query__node__free_unpacked(old, NULL);
	}
	free(s->target_list);
	s->target_list = v;
	s->n_target_list = used;
	return ok || xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
}
