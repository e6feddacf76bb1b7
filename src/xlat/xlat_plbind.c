/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_plbind.c: PL/pgSQL variables in embedded SQL. PostgreSQL resolves a column reference
 * that names a variable to a parameter holding the variable's value; here the statement is
 * parsed, its column references found in the tree (ColumnRef nodes, not text matches), and
 * each one naming a variable is replaced in the text by $k. As in PostgreSQL, only the
 * optimizable statements (SELECT, INSERT, UPDATE, DELETE, MERGE) and CALL's arguments see
 * variables. */
#include "xlat_int.h"
#include "xlat_plpgsql.h"

#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAMES 4

struct hit {
	int at, end; /* byte span of the reference in the text */
	int param;   /* 1-based */
	bool star;   /* r.* */
};

struct walk {
	const char *sql;
	xlat_plbind_fn *fn;
	void *arg;
	struct arena *a;
	struct xlat_pl_ref *refs;
	int nrefs, cap_refs;
	struct hit *hits;
	size_t nhits, cap_hits;
	struct pgerr *err;
	bool failed;
	bool complex; /* a subquery, aggregate or window call: not a simple expression */
};

static bool ident_start(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch >= 0x80;
}

static bool ident_char(unsigned char ch)
{
	return ident_start(ch) || (ch >= '0' && ch <= '9') || ch == '$';
}

/* The end of n dotted identifiers starting at p (quoted ones with their quotes), -1 when the
 * text there is not that. */
static int span_end(const char *sql, int at, size_t n)
{
	const char *p = sql + at;
	for (size_t i = 0; i < n; i++) {
		if (i) {
			while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
				p++;
			if (*p++ != '.')
				return -1;
			while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
				p++;
		}
		if (*p == '"') {
			for (p++; *p && !(p[0] == '"' && p[1] != '"'); p += p[0] == '"' ? 2 : 1)
				;
			if (*p++ != '"')
				return -1;
		} else if (ident_start((unsigned char)*p)) {
			while (ident_char((unsigned char)*p))
				p++;
		} else {
			return -1;
		}
	}
	return (int)(p - sql);
}

/* The parameter number of ref, a new one when it was not seen before. */
static int param_of(struct walk *w, const struct xlat_pl_ref *ref)
{
	for (int i = 0; i < w->nrefs; i++)
		if (w->refs[i].var == ref->var &&
		    ((!w->refs[i].field && !ref->field) ||
		     (w->refs[i].field && ref->field && strcmp(w->refs[i].field, ref->field) == 0)))
			return i + 1;
	if (w->nrefs == w->cap_refs) {
		w->cap_refs = w->cap_refs ? w->cap_refs * 2 : 8;
		struct xlat_pl_ref *v = arena_alloc(w->a, (size_t)w->cap_refs * sizeof(*v));
		if (w->nrefs)
			memcpy(v, w->refs, (size_t)w->nrefs * sizeof(*v));
		w->refs = v;
	}
	w->refs[w->nrefs++] = *ref;
	return w->nrefs;
}

static void add_hit(struct walk *w, int at, int end, int param, bool star)
{
	if (w->nhits == w->cap_hits) {
		w->cap_hits = w->cap_hits ? w->cap_hits * 2 : 8;
		struct hit *v = arena_alloc(w->a, w->cap_hits * sizeof(*v));
		if (w->nhits)
			memcpy(v, w->hits, w->nhits * sizeof(*v));
		w->hits = v;
	}
	w->hits[w->nhits++] = (struct hit){at, end, param, star};
}

static void column_ref(struct walk *w, const PgQuery__ColumnRef *cr)
{
	const char *names[MAX_NAMES];
	size_t n = cr->n_fields;
	if (n == 0 || n > MAX_NAMES)
		return;
	for (size_t i = 0; i < n; i++)
		if (!(names[i] = xlat_node_str(cr->fields[i])))
			break;
	/* r.*: variable r's fields, when r is one (else a table's columns) */
	bool star = n == 2 && !names[1] && cr->fields[1]->node_case == PG_QUERY__NODE__NODE_A_STAR;
	for (size_t i = 0; i < n; i++)
		if (!names[i] && !star)
			return;
	n -= star;
	struct xlat_pl_ref ref = {0, NULL};
	if (!w->fn(w->arg, names, n, &ref) || (star && ref.field))
		return;
	if (ref.field) /* names live in the parse tree, freed once the walk is done */
		ref.field = arena_strdup(w->a, ref.field);
	int end = span_end(w->sql, cr->location, n);
	if (end >= 0 && star) { /* past ".*" */
		const char *p = w->sql + end;
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		bool dot = *p == '.';
		for (p += dot; dot && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r');)
			p++;
		end = dot && *p == '*' ? (int)(p + 1 - w->sql) : -1;
	}
	if (end < 0) {
		w->failed = true;
		pgerr_set(w->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			  "this reference to PL/pgSQL variable \"%s\" is not supported", names[0]);
		return;
	}
	add_hit(w, cr->location, end, param_of(w, &ref), star);
}

/* $n in a function's body: its n-th argument (the resolver knows it as "$n"). */
static void param_ref(struct walk *w, const PgQuery__ParamRef *p)
{
	char name[24];
	snprintf(name, sizeof(name), "$%d", p->number);
	const char *names[1] = {name};
	struct xlat_pl_ref ref = {0, NULL};
	if (p->location >= 0 && w->fn(w->arg, names, 1, &ref))
		add_hit(w, p->location, p->location + (int)strlen(name), param_of(w, &ref), false);
}

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* (r).f, or $n.f, of a record variable or argument r: the text from the reference (or the
 * parenthesis before it) through the field name when it is spelled so, else -1. */
static int field_span(const char *sql, int at, int name_end, int *start)
{
	const char *b = sql + at;
	while (b > sql && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\n' || b[-1] == '\r'))
		b--;
	bool paren = b > sql && b[-1] == '(';
	const char *p = skip_blanks(sql + name_end);
	if (paren && *p++ != ')')
		return -1;
	p = skip_blanks(p);
	if (*p++ != '.')
		return -1;
	p = skip_blanks(p);
	int end = span_end(sql, (int)(p - sql), 1);
	*start = paren ? (int)(b - 1 - sql) : at;
	return end;
}

/* (r).f and $n.f of a record variable: the field's value, as r.f is (PostgreSQL's
 * FieldSelect over the variable's value). False when ind is no such reference: the walk
 * goes on into it. */
static bool field_select(struct walk *w, const PgQuery__AIndirection *ind)
{
	const PgQuery__Node *a = ind->arg;
	const char *field = ind->n_indirection ? xlat_node_str(ind->indirection[0]) : NULL;
	char pname[24];
	const char *names[2] = {NULL, field};
	int at;
	if (!field || !a)
		return false;
	if (a->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && a->column_ref->n_fields == 1) {
		names[0] = xlat_node_str(a->column_ref->fields[0]);
		at = a->column_ref->location;
	} else if (a->node_case == PG_QUERY__NODE__NODE_PARAM_REF) {
		snprintf(pname, sizeof(pname), "$%d", a->param_ref->number);
		names[0] = pname;
		at = a->param_ref->location;
	} else {
		return false;
	}
	struct xlat_pl_ref ref = {0, NULL};
	if (!names[0] || at < 0 || !w->fn(w->arg, names, 2, &ref) || !ref.field)
		return false;
	int name_end = a->node_case == PG_QUERY__NODE__NODE_PARAM_REF
			       ? at + (int)strlen(pname)
			       : span_end(w->sql, at, 1);
	int start, end = name_end < 0 ? -1 : field_span(w->sql, at, name_end, &start);
	if (end < 0)
		return false;
	ref.field = arena_strdup(w->a, ref.field);
	add_hit(w, start, end, param_of(w, &ref), false);
	return true;
}

static bool visit(void *arg, const ProtobufCMessage *m)
{
	struct walk *w = arg;
	if (m->descriptor == &pg_query__a__indirection__descriptor &&
	    field_select(w, (const PgQuery__AIndirection *)m)) {
		const PgQuery__AIndirection *ind = (const PgQuery__AIndirection *)m;
		for (size_t i = 1; i < ind->n_indirection; i++) /* what follows the field */
			if (!xlat_tree_each(&ind->indirection[i]->base, visit, w))
				return false;
		return !w->failed;
	}
	if (m->descriptor == &pg_query__sub_link__descriptor)
		w->complex = true;
	else if (m->descriptor == &pg_query__func_call__descriptor)
		w->complex |= ((const PgQuery__FuncCall *)m)->over != NULL ||
			      xlat_group_is_agg((const PgQuery__FuncCall *)m);
	if (m->descriptor == &pg_query__column_ref__descriptor)
		column_ref(w, (const PgQuery__ColumnRef *)m);
	else if (m->descriptor == &pg_query__param_ref__descriptor)
		param_ref(w, (const PgQuery__ParamRef *)m);
	return !w->failed && xlat_tree_each(m, visit, w);
}

static int cmp_hit(const void *x, const void *y)
{
	return ((const struct hit *)x)->at - ((const struct hit *)y)->at;
}

static bool optimizable(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_SELECT_STMT:
	case PG_QUERY__NODE__NODE_INSERT_STMT:
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
	case PG_QUERY__NODE__NODE_DELETE_STMT:
	case PG_QUERY__NODE__NODE_MERGE_STMT:
	case PG_QUERY__NODE__NODE_CALL_STMT: /* its arguments (transformCallStmt's) */
		return true;
	default:
		return false;
	}
}

/* PostgreSQL's exec_is_simple_query and exec_simple_check_plan (a subquery, aggregate or
 * window call found by the walk too): a SELECT of one value with nothing else, which PL/pgSQL
 * evaluates without SPI — an error in it has no `SQL expression` CONTEXT line. */
static bool simple_select(const PgQuery__Node *n)
{
	const PgQuery__SelectStmt *s =
		n && n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT ? n->select_stmt : NULL;
	return s && s->op == PG_QUERY__SET_OPERATION__SETOP_NONE && s->n_target_list == 1 &&
	       !s->n_from_clause && !s->where_clause && !s->n_group_clause && !s->having_clause &&
	       !s->n_window_clause && !s->n_sort_clause && !s->limit_count && !s->limit_offset &&
	       !s->n_distinct_clause && !s->with_clause && !s->n_locking_clause &&
	       !s->into_clause && !s->n_values_lists;
}

/* The text with the references replaced, in order; where each one went into e->hits. */
static const char *rewrite(struct walk *w, struct xlat_pl_expr *e)
{
	qsort(w->hits, w->nhits, sizeof(*w->hits), cmp_hit);
	struct xlat_pl_hit *placed = arena_zalloc(w->a, w->nhits * sizeof(*placed));
	int nplaced = 0;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	int pos = 0;
	for (size_t i = 0; i < w->nhits; i++) {
		if (w->hits[i].at < pos)
			continue;
		strbuf_append(&sb, w->sql + pos, (size_t)(w->hits[i].at - pos));
		size_t at = sb.len;
		strbuf_printf(&sb, "$%d", w->hits[i].param);
		placed[nplaced++] = (struct xlat_pl_hit){(int)at, (int)(sb.len - at),
							 w->hits[i].param - 1, w->hits[i].star};
		pos = w->hits[i].end;
	}
	e->hits = placed;
	e->nhits = nplaced;
	strbuf_puts(&sb, w->sql + pos);
	const char *out = sb.failed ? NULL : arena_strndup(w->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

bool xlat_plbind(const char *sql, xlat_plbind_fn *fn, void *arg, struct arena *a,
		 struct xlat_pl_expr *out, struct pgerr *err)
{
	struct walk w = {.sql = sql, .fn = fn, .arg = arg, .a = a, .err = err};
	out->sql = out->text = sql;
	out->refs = NULL;
	out->nrefs = 0;
	out->hits = NULL;
	out->nhits = 0;
	PgQueryProtobufParseResult r = pg_query_parse_protobuf(sql);
	if (r.error) {
		pgerr_set(err, SQLSTATE_SYNTAX_ERROR, "%s", r.error->message);
		pg_query_free_protobuf_parse_result(r);
		return false;
	}
	PgQuery__ParseResult *tree = pg_query__parse_result__unpack(
		NULL, r.parse_tree.len, (const uint8_t *)r.parse_tree.data);
	bool ok = tree != NULL;
	if (!ok)
		pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "could not decode the parse tree");
	for (size_t i = 0; ok && i < tree->n_stmts; i++) {
		const PgQuery__Node *n = tree->stmts[i]->stmt;
		if (n && optimizable(n))
			ok = visit(&w, &n->base) && !w.failed;
	}
	out->simple = ok && tree->n_stmts == 1 && simple_select(tree->stmts[0]->stmt) && !w.complex;
	if (tree)
		pg_query__parse_result__free_unpacked(tree, NULL);
	pg_query_free_protobuf_parse_result(r);
	if (ok && w.nhits) {
		out->sql = rewrite(&w, out);
		if (!out->sql)
			ok = pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "statement too long");
	}
	out->refs = w.refs;
	out->nrefs = w.nrefs;
	return ok && !w.failed;
}
