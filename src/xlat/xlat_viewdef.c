/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_viewdef.c: a view's definition as PostgreSQL SQL (pg_get_viewdef, and so pg_dump) from
 * the query SQLite keeps: parsed by PostgreSQL's parser, its relations qualified with the
 * tenant's schema when asked (pg_dump restores with an empty search_path), laid out as
 * PostgreSQL's ruleutils.c prints it (xlat_ruleutils.c) or, where that cannot be done
 * faithfully, deparsed by libpg_query on one line. The tenant's own functions are called
 * through shardlite_call('f', 'sig', args...), shown as f(args...). A query that calls one of
 * shardlite's own SQLite functions has no PostgreSQL spelling: 0A000. */
#include "xlat_int.h"

#include "pgtype.h"

#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The walk visits every message of the tree through protobuf-c's descriptors, so no node
 * type is missed. Relations named without a schema, other than the query's CTEs and the
 * catalog's pg_ relations, are qualified; the pointers replaced are put back before the
 * tree is freed. */
/* A string literal or NULL argument shown cast to its parameter's type, as parse analysis
 * coerces it ('x'::text): the cast's type named "shardlite_t<oid>" until after the deparse. */
struct lit_cast {
	PgQuery__Node node, name_node, *names[1];
	PgQuery__TypeCast cast;
	PgQuery__TypeName type;
	PgQuery__String name;
	char buf[24];
};
#define LIT_CAST_TYPE "shardlite_t"

/* A call of the tenant's function shown as f(args...) for the walk, to be put back. */
struct renamed_call {
	PgQuery__FuncCall *call;
	char *name;
	PgQuery__Node **args, **funcname;
	size_t nargs;
	PgQuery__Node **shown;      /* the arguments shown, when some were defaulted; malloc'd */
	struct lit_cast *casts[16]; /* malloc'd */
	size_t ncasts;
	/* qualified with schema: the name's two nodes, pointed to by the call meanwhile */
	PgQuery__Node node[2], *nodes[2];
	PgQuery__String str[2];
};

struct walk {
	const char *schema; /* qualify with it; NULL: leave names as they are */
	const char *ctes[32];
	size_t nctes;
	PgQuery__RangeVar *qualified[256];
	size_t nqualified;
	/* scalar subqueries the translator wrapped (xlat_pred.c), unwrapped for the walk: each
	 * one's own subselect, put back before the tree is freed */
	struct {
		PgQuery__SubLink *link;
		PgQuery__Node *wrapped;
	} unwrapped[64];
	size_t nunwrapped;
	/* calls of the tenant's own functions, shardlite_call('f', 'sig', args...) as the
	 * translator writes them (xlat_call.c), shown as f(args...) for the walk: each one's
	 * name and arguments, put back before the tree is freed */
	struct renamed_call renamed[64];
	size_t nrenamed;
	/* shardlite_num_in(x, 'n'), the translator's reading of a numeric operand as a number
	 * (xlat_expr.c), shown as x: the slot that held it and what it held, to be put back */
	struct {
		PgQuery__Node **slot;
		PgQuery__Node *held;
	} read_as[64];
	size_t nread_as;
	bool cast_literals;   /* string literals and NULLs passed to the tenant's functions:
			       * as their parameters' types (struct lit_cast) */
	const char *internal; /* the first shardlite-only function met */
	bool overflow;
};

/* The SQLite functions the translator writes that PostgreSQL does not have: the pgfn_,
 * pg_srf_ and shardlite_ families and the pg_ ones of the date/time, array and reg* code
 * (xlat_datetime.c, xlat_array.c, xlat_catalog.c). */
static bool internal_function(const char *name)
{
	static const char *const own[] = {
		"pg_age",
		"pg_array_agg",
		"pg_array_get",
		"pg_array_has",
		"pg_current",
		"pg_date_trunc",
		"pg_dt_add",
		"pg_dt_cast",
		"pg_dt_sub",
		"pg_extract",
		"pg_interval_mul",
		"pg_isfinite",
		"pg_justify",
		"pg_make",
		"pg_overlaps",
		"pg_record_field",
		"pg_regex",
		"pg_regclass_in",
		"pg_regclass_out",
		"pg_regnamespace_in",
		"pg_regnamespace_out",
		"pg_regproc_in",
		"pg_regproc_oid",
		"pg_regproc_out",
		"pg_regtype_in",
		"pg_regtype_out",
		"pg_session_user",
		"pg_timeofday",
		"pg_timezone",
		"pg_to_char",
		"pg_to_timestamp",
		"pg_to_timestamp_epoch",
	};
	if (strncmp(name, "pgfn_", 5) == 0 || strncmp(name, "pg_srf_", 7) == 0 ||
	    strncmp(name, "shardlite_", 10) == 0)
		return true;
	for (size_t i = 0; i < ARRAY_LEN(own); i++)
		if (strcmp(own[i], name) == 0)
			return true;
	return false;
}

static bool is_cte(const struct walk *w, const char *name)
{
	for (size_t i = 0; i < w->nctes; i++)
		if (strcmp(w->ctes[i], name) == 0)
			return true;
	return false;
}

static void visit(struct walk *w, ProtobufCMessage *m);

static bool is_name(const PgQuery__Node *n, const char *name)
{
	const char *s = n ? xlat_node_str(n) : NULL;
	return s && strcmp(s, name) == 0;
}

/* (WITH shardlite_sub(v) AS (q) SELECT shardlite_scalar(v) FROM shardlite_sub): the scalar
 * subquery (q) as written, whose second row the aggregate refuses (21000) where SQLite would
 * take the first. q, or NULL when s is no such wrapping. */
static PgQuery__Node *wrapped_scalar(const PgQuery__SubLink *s)
{
	const PgQuery__SelectStmt *q =
		s->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK && s->subselect &&
				s->subselect->node_case == PG_QUERY__NODE__NODE_SELECT_STMT
			? s->subselect->select_stmt
			: NULL;
	if (!q || !q->with_clause || q->with_clause->n_ctes != 1 || q->n_target_list != 1 ||
	    q->n_from_clause != 1 || q->where_clause || q->n_group_clause || q->n_sort_clause ||
	    q->from_clause[0]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR ||
	    strcmp(q->from_clause[0]->range_var->relname, "shardlite_sub") != 0 ||
	    q->with_clause->ctes[0]->node_case != PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR)
		return NULL;
	const PgQuery__CommonTableExpr *c = q->with_clause->ctes[0]->common_table_expr;
	const PgQuery__ResTarget *rt = q->target_list[0]->res_target;
	const PgQuery__FuncCall *f =
		rt && rt->val && rt->val->node_case == PG_QUERY__NODE__NODE_FUNC_CALL
			? rt->val->func_call
			: NULL;
	if (strcmp(c->ctename, "shardlite_sub") != 0 || c->n_aliascolnames != 1 ||
	    !is_name(c->aliascolnames[0], "v") || !f || f->n_funcname != 1 ||
	    !is_name(f->funcname[0], "shardlite_scalar") || f->n_args != 1 ||
	    f->args[0]->node_case != PG_QUERY__NODE__NODE_COLUMN_REF ||
	    f->args[0]->column_ref->n_fields != 1 ||
	    !is_name(f->args[0]->column_ref->fields[0], "v"))
		return NULL;
	return c->ctequery;
}

/* t.a AS a: the alias a view's * was spelled out with (xlat_viewstar.c), which PostgreSQL's
 * deparser leaves out when it is the column's own name. The tree is this file's own. */
static void drop_same_alias(PgQuery__ResTarget *rt)
{
	const PgQuery__Node *v = rt->val;
	if (!rt->name || !v || v->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
		return;
	const PgQuery__ColumnRef *cr = v->column_ref;
	const char *col = cr->n_fields ? xlat_node_str(cr->fields[cr->n_fields - 1]) : NULL;
	if (col && strcmp(col, rt->name) == 0) {
		free(rt->name);
		rt->name = NULL;
	}
}

static const char *string_const(const PgQuery__Node *n)
{
	return n && n->node_case == PG_QUERY__NODE__NODE_A_CONST &&
			       n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL &&
			       n->a_const->sval
		       ? n->a_const->sval->sval
		       : NULL;
}

/* The argument a parameter's default fills when the call left it out, as the translator
 * marks it (xlat_call.c): unlikely(default), SQLite's no-op. The default, else NULL. */
static PgQuery__Node *defaulted(const PgQuery__Node *n)
{
	const PgQuery__FuncCall *f =
		n && n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL ? n->func_call : NULL;
	return f && f->n_funcname == 1 && is_name(f->funcname[0], "unlikely") && f->n_args == 1 &&
			       !f->agg_star && !f->over
		       ? f->args[0]
		       : NULL;
}

/* f's arguments as PostgreSQL shows the call: without the defaults it left out at the end
 * (f(1) of f(a, b DEFAULT 2)); a default before a given argument (named notation) as its
 * value. */
static void show_given(struct renamed_call *k, PgQuery__FuncCall *f)
{
	while (f->n_args && defaulted(f->args[f->n_args - 1]))
		f->n_args--;
	size_t i = 0;
	while (i < f->n_args && !defaulted(f->args[i]))
		i++;
	if (i == f->n_args || !(k->shown = malloc(f->n_args * sizeof(*k->shown))))
		return;
	for (i = 0; i < f->n_args; i++) {
		PgQuery__Node *d = defaulted(f->args[i]);
		k->shown[i] = d ? d : f->args[i];
	}
	f->args = k->shown;
}

/* The type a string literal of it is shown cast to: not the number types and boolean, whose
 * literals the translator writes as numbers; 0 for none. */
static uint32_t literal_type(uint32_t oid, bool isnull)
{
	switch (oid) {
	case PGTYPE_INT2:
	case PGTYPE_INT4:
	case PGTYPE_INT8:
	case PGTYPE_OID:
	case PGTYPE_FLOAT4:
	case PGTYPE_FLOAT8:
	case PGTYPE_NUMERIC:
	case PGTYPE_BOOL:
		return isnull ? oid : 0;
	default:
		return pgtype_by_oid(oid) ? oid : 0;
	}
}

/* Each string literal or NULL among f's arguments cast to its parameter's type, of the call's
 * signature sig (the parameters' type OIDs), as PostgreSQL shows it: f('x'::text). */
static void cast_literals(struct renamed_call *k, PgQuery__FuncCall *f, const char *sig)
{
	if (!k->shown && f->n_args && (k->shown = malloc(f->n_args * sizeof(*k->shown))))
		memcpy(k->shown, f->args, f->n_args * sizeof(*k->shown));
	if (!k->shown)
		return;
	f->args = k->shown;
	const char *p = sig;
	for (size_t i = 0; i < f->n_args && *p && k->ncasts < ARRAY_LEN(k->casts); i++) {
		char *end;
		unsigned long oid = strtoul(p, &end, 10);
		p = end + strspn(end, " ");
		const PgQuery__Node *n = f->args[i];
		bool lit = n->node_case == PG_QUERY__NODE__NODE_A_CONST &&
			   (n->a_const->isnull ||
			    n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL);
		uint32_t t = lit ? literal_type((uint32_t)oid, n->a_const->isnull) : 0;
		struct lit_cast *lc = t ? malloc(sizeof(*lc)) : NULL;
		if (!lc)
			continue;
		k->casts[k->ncasts++] = lc;
		snprintf(lc->buf, sizeof(lc->buf), LIT_CAST_TYPE "%u", t);
		lc->name = (PgQuery__String)PG_QUERY__STRING__INIT;
		lc->name.sval = lc->buf;
		lc->name_node = (PgQuery__Node)PG_QUERY__NODE__INIT;
		lc->name_node.node_case = PG_QUERY__NODE__NODE_STRING;
		lc->name_node.string = &lc->name;
		lc->names[0] = &lc->name_node;
		lc->type = (PgQuery__TypeName)PG_QUERY__TYPE_NAME__INIT;
		lc->type.n_names = 1;
		lc->type.names = lc->names;
		lc->type.typemod = -1;
		lc->type.location = -1;
		lc->cast = (PgQuery__TypeCast)PG_QUERY__TYPE_CAST__INIT;
		lc->cast.arg = f->args[i];
		lc->cast.type_name = &lc->type;
		lc->cast.location = -1;
		lc->node = (PgQuery__Node)PG_QUERY__NODE__INIT;
		lc->node.node_case = PG_QUERY__NODE__NODE_TYPE_CAST;
		lc->node.type_cast = &lc->cast;
		f->args[i] = &lc->node;
	}
}

/* text, deparsed, with each cast_literals type name as format_type prints it; in a. */
static const char *literal_types(const char *text, struct arena *a)
{
	if (!strstr(text, "::" LIT_CAST_TYPE))
		return text;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	const char *p = text, *hit;
	while ((hit = strstr(p, "::" LIT_CAST_TYPE)) != NULL) {
		char *end;
		unsigned long oid = strtoul(hit + 2 + strlen(LIT_CAST_TYPE), &end, 10);
		const struct pgtype_info *ti = pgtype_by_oid((uint32_t)oid);
		strbuf_append(&sb, p, (size_t)(hit - p));
		strbuf_printf(&sb, "::%s", ti ? ti->sql_name : "unknown");
		p = end;
	}
	strbuf_puts(&sb, p);
	const char *out = sb.failed ? NULL : arena_strndup(a, sb.data, sb.len);
	strbuf_fini(&sb);
	return out;
}

/* shardlite_call('f', 'sig', args...) (or shardlite_icall) as f(args...), for a function of the tenant's own
 * schema (a pg_temp one keeps the call: its view is temporary too). */
static bool rename_call(struct walk *w, PgQuery__FuncCall *f)
{
	const char *name = f->n_args >= 2 ? string_const(f->args[0]) : NULL;
	if (f->n_funcname != 1 || !name || strchr(name, '.') || !string_const(f->args[1]) ||
	    w->nrenamed == ARRAY_LEN(w->renamed))
		return false;
	PgQuery__String *fn = f->funcname[0]->string;
	struct renamed_call *k = &w->renamed[w->nrenamed++];
	k->call = f;
	k->name = fn->sval;
	k->args = f->args;
	k->nargs = f->n_args;
	k->funcname = f->funcname;
	k->shown = NULL;
	fn->sval = (char *)name;
	f->args += 2;
	f->n_args -= 2;
	k->ncasts = 0;
	show_given(k, f);
	if (w->cast_literals)
		cast_literals(k, f, string_const(k->args[1]));
	if (w->schema) { /* pg_dump's empty search_path: schema.f, as ruleutils.c qualifies */
		const char *parts[2] = {w->schema, name};
		for (int i = 0; i < 2; i++) {
			k->str[i] = (PgQuery__String)PG_QUERY__STRING__INIT;
			k->str[i].sval = (char *)parts[i];
			k->node[i] = (PgQuery__Node)PG_QUERY__NODE__INIT;
			k->node[i].node_case = PG_QUERY__NODE__NODE_STRING;
			k->node[i].string = &k->str[i];
			k->nodes[i] = &k->node[i];
		}
		f->funcname = k->nodes;
		f->n_funcname = 2;
	}
	return true;
}

static void put_back_calls(struct walk *w)
{
	for (size_t i = 0; i < w->nrenamed; i++) {
		PgQuery__FuncCall *f = w->renamed[i].call;
		f->funcname = w->renamed[i].funcname;
		f->n_funcname = 1;
		f->funcname[0]->string->sval = w->renamed[i].name;
		f->args = w->renamed[i].args;
		f->n_args = w->renamed[i].nargs;
		free(w->renamed[i].shown);
		for (size_t c = 0; c < w->renamed[i].ncasts; c++)
			free(w->renamed[i].casts[c]);
	}
}

/* x of shardlite_num_in(x, 'n') or of x COLLATE pgfn_interval (interval_cmp's order and
 * equality, which PostgreSQL's interval has of itself), else NULL. */
static PgQuery__Node *read_as_number(const ProtobufCMessage *m)
{
	const PgQuery__Node *n =
		m && m->descriptor == &pg_query__node__descriptor ? (const PgQuery__Node *)m : NULL;
	const PgQuery__CollateClause *cc =
		n && n->node_case == PG_QUERY__NODE__NODE_COLLATE_CLAUSE ? n->collate_clause : NULL;
	if (cc && cc->arg && cc->n_collname == 1 && is_name(cc->collname[0], "pgfn_interval"))
		return cc->arg;
	const PgQuery__FuncCall *f =
		n && n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL ? n->func_call : NULL;
	const char *kind = f && f->n_args == 2 ? string_const(f->args[1]) : NULL;
	return f && f->n_funcname == 1 && is_name(f->funcname[0], "shardlite_num_in") && kind &&
			       strcmp(kind, "n") == 0
		       ? f->args[0]
		       : NULL;
}

/* The child in slot without the translator's shardlite_num_in or collation around it. */
static void unwrap_slot(struct walk *w, ProtobufCMessage **slot)
{
	PgQuery__Node *x;
	while ((x = read_as_number(*slot)) && w->nread_as < ARRAY_LEN(w->read_as)) {
		w->read_as[w->nread_as].slot = (PgQuery__Node **)slot;
		w->read_as[w->nread_as++].held = (PgQuery__Node *)*slot;
		*slot = &x->base;
	}
}

static void visit_slot(struct walk *w, ProtobufCMessage **slot)
{
	unwrap_slot(w, slot);
	visit(w, *slot);
}

static void visit_fields(struct walk *w, ProtobufCMessage *m)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		if (f->type != PROTOBUF_C_TYPE_MESSAGE)
			continue;
		char *base = (char *)m;
		if ((f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
		    *(uint32_t *)(base + f->quantifier_offset) != f->id)
			continue; /* another member of the oneof shares the slot */
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			size_t n = *(size_t *)(base + f->quantifier_offset);
			ProtobufCMessage **v = *(ProtobufCMessage ***)(base + f->offset);
			for (size_t k = 0; k < n; k++)
				visit_slot(w, &v[k]);
		} else {
			visit_slot(w, (ProtobufCMessage **)(base + f->offset));
		}
	}
}

static void visit(struct walk *w, ProtobufCMessage *m)
{
	if (!m)
		return;
	if (m->descriptor == &pg_query__common_table_expr__descriptor) {
		const char *name = ((PgQuery__CommonTableExpr *)m)->ctename;
		if (name && w->nctes < ARRAY_LEN(w->ctes))
			w->ctes[w->nctes++] = name;
	} else if (m->descriptor == &pg_query__func_call__descriptor) {
		PgQuery__FuncCall *f = (PgQuery__FuncCall *)m;
		const char *name = f->n_funcname ? xlat_node_str(f->funcname[f->n_funcname - 1])
						 : NULL;
		if (name && (strcmp(name, XLAT_CALL_FN) == 0 || strcmp(name, XLAT_ICALL_FN) == 0) &&
		    rename_call(w, f))
			name = NULL; /* its arguments are visited below */
		if (name && !w->internal && internal_function(name))
			w->internal = name;
	} else if (m->descriptor == &pg_query__res_target__descriptor) {
		PgQuery__ResTarget *rt = (PgQuery__ResTarget *)m;
		if (rt->val) /* v COLLATE pgfn_interval AS v: v */
			unwrap_slot(w, (ProtobufCMessage **)&rt->val);
		drop_same_alias(rt);
	} else if (m->descriptor == &pg_query__sub_link__descriptor) {
		PgQuery__SubLink *s = (PgQuery__SubLink *)m;
		PgQuery__Node *q = wrapped_scalar(s);
		if (q && w->nunwrapped < ARRAY_LEN(w->unwrapped)) {
			w->unwrapped[w->nunwrapped].link = s;
			w->unwrapped[w->nunwrapped++].wrapped = s->subselect;
			s->subselect = q;
		}
	}
	visit_fields(w, m);
	if (m->descriptor != &pg_query__range_var__descriptor || !w->schema)
		return;
	PgQuery__RangeVar *rv = (PgQuery__RangeVar *)m;
	/* the catalog's relations (pg_class, ...) stay as the search path finds them */
	if ((rv->schemaname && *rv->schemaname) || !rv->relname ||
	    strncmp(rv->relname, "pg_", 3) == 0)
		return;
	if (w->nqualified == ARRAY_LEN(w->qualified)) {
		w->overflow = true;
		return;
	}
	w->qualified[w->nqualified++] = rv;
}

/* Deparses tree with the walk's relations qualified for the length of the call. */
static char *deparse(struct walk *w, PgQuery__ParseResult *tree)
{
	char *saved[ARRAY_LEN(w->qualified)];
	char *schema = (char *)w->schema; /* only read by the packer; put back below */
	for (size_t i = 0; i < w->nqualified; i++) {
		saved[i] = w->qualified[i]->schemaname;
		/* a WITH query's name: known only once the whole tree was walked (a SELECT's
		 * FROM list comes before its WITH clause in the tree) */
		if (!is_cte(w, w->qualified[i]->relname))
			w->qualified[i]->schemaname = schema;
	}
	size_t len = pg_query__parse_result__get_packed_size(tree);
	PgQueryProtobuf pb = {len, malloc(len ? len : 1)};
	char *out = NULL;
	if (pb.data) {
		pg_query__parse_result__pack(tree, (uint8_t *)pb.data);
		PgQueryDeparseResult r = pg_query_deparse_protobuf(pb);
		if (!r.error && r.query)
			out = strdup(r.query);
		pg_query_free_deparse_result(r);
		free(pb.data);
	}
	for (size_t i = 0; i < w->nqualified; i++)
		w->qualified[i]->schemaname = saved[i];
	return out;
}

/* Puts back what the walk changed in tree, and frees it. */
static void walk_done(struct walk *w, PgQuery__ParseResult *tree)
{
	for (size_t i = w->nread_as; i-- > 0;)
		*w->read_as[i].slot = w->read_as[i].held;
	for (size_t i = 0; i < w->nunwrapped; i++)
		w->unwrapped[i].link->subselect = w->unwrapped[i].wrapped;
	put_back_calls(w);
	if (tree)
		pg_query__parse_result__free_unpacked(tree, NULL);
}

/* The query laid out as ruleutils.c does, when the tree is one SELECT it can lay out. */
static const char *laid_out(const char *view, PgQuery__ParseResult *tree, const char *schema,
			    const struct xlat_schema *cols, bool pretty, int wrap, struct arena *a)
{
	const char *text = NULL;
	if (!cols || tree->n_stmts != 1 || !tree->stmts[0]->stmt ||
	    tree->stmts[0]->stmt->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
		return NULL;
	return xlat_ruleutils_viewdef(view, tree->stmts[0]->stmt->select_stmt, cols, schema, pretty,
				      wrap, a, &text)
		       ? text
		       : NULL;
}

bool xlat_viewdef(const char *view, const char *query, const char *schema,
		  const struct xlat_schema *cols, bool pretty, int wrap, struct arena *a,
		  const char **out, struct pgerr *err)
{
	PgQuery__ParseResult *tree = xlat_parse_tree(query, NULL);
	bool ok = false;
	struct walk w = {.schema = schema};
	if (tree)
		visit(&w, &tree->base);
	const char *pg = tree && !w.internal && !w.overflow
				 ? laid_out(view, tree, schema, cols, pretty, wrap, a)
				 : NULL;
	char *text = tree && !pg && !w.internal && !w.overflow ? deparse(&w, tree) : NULL;
	if (pg) {
		*out = pg;
		ok = true;
	} else if (text) {
		*out = arena_printf(a, " %s;", text); /* PostgreSQL's starts with a blank */
		ok = true;
	} else if (w.internal) {
		pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			  "the definition of view \"%s\" has no PostgreSQL spelling: it calls "
			  "shardlite's %s()",
			  view, w.internal);
	} else {
		pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			  "the definition of view \"%s\" cannot be written as PostgreSQL SQL",
			  view);
	}
	free(text);
	walk_done(&w, tree);
	return ok;
}

const char *xlat_viewdef_expr(const char *expr, struct arena *a)
{
	PgQuery__ParseResult *tree = xlat_parse_tree(arena_printf(a, "SELECT %s", expr), NULL);
	struct walk w = {.cast_literals = true};
	bool one = tree && tree->n_stmts == 1 && tree->stmts[0]->stmt &&
		   tree->stmts[0]->stmt->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
		   tree->stmts[0]->stmt->select_stmt->n_target_list == 1 &&
		   !tree->stmts[0]->stmt->select_stmt->n_from_clause;
	if (one)
		visit(&w, &tree->base);
	char *text = one && !w.internal && !w.overflow ? deparse(&w, tree) : NULL;
	const char *out = text && strncmp(text, "SELECT ", 7) == 0
				  ? literal_types(arena_strdup(a, text + 7), a)
				  : NULL;
	free(text);
	walk_done(&w, tree);
	return out;
}

/* The calls xlat_qualify_calls qualifies: where each one's name starts in the text parsed. */
struct qualify {
	xlat_own_fn *own;
	void *arg;
	int at[64];
	size_t n;
	bool overflow;
};

static void qualify_visit(struct qualify *q, ProtobufCMessage *m)
{
	if (!m)
		return;
	if (m->descriptor == &pg_query__func_call__descriptor) {
		const PgQuery__FuncCall *f = (const PgQuery__FuncCall *)m;
		const char *name = f->n_funcname == 1 ? xlat_node_str(f->funcname[0]) : NULL;
		if (name && f->location >= 0 && q->own(q->arg, name)) {
			if (q->n == ARRAY_LEN(q->at))
				q->overflow = true;
			else
				q->at[q->n++] = f->location;
		}
	}
	const ProtobufCMessageDescriptor *d = m->descriptor;
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *fd = &d->fields[i];
		char *base = (char *)m;
		if (fd->type != PROTOBUF_C_TYPE_MESSAGE ||
		    ((fd->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
		     *(uint32_t *)(base + fd->quantifier_offset) != fd->id))
			continue;
		if (fd->label == PROTOBUF_C_LABEL_REPEATED) {
			size_t n = *(size_t *)(base + fd->quantifier_offset);
			ProtobufCMessage **v = *(ProtobufCMessage ***)(base + fd->offset);
			for (size_t k = 0; k < n; k++)
				qualify_visit(q, v[k]);
		} else {
			qualify_visit(q, *(ProtobufCMessage **)(base + fd->offset));
		}
	}
}

static int by_offset(const void *x, const void *y) { return *(const int *)x - *(const int *)y; }

const char *xlat_qualify_calls(const char *text, bool statement, const char *schema,
			       xlat_own_fn *own, void *arg, struct arena *a)
{
	if (!text || !strchr(text, '('))
		return text;
	const char *sql = statement ? text : arena_printf(a, "SELECT %s", text);
	size_t skip = statement ? 0 : strlen("SELECT ");
	PgQuery__ParseResult *tree = xlat_parse_tree(sql, NULL);
	struct qualify q = {.own = own, .arg = arg};
	if (tree)
		qualify_visit(&q, &tree->base);
	if (tree)
		pg_query__parse_result__free_unpacked(tree, NULL);
	if (!q.n || q.overflow)
		return text;
	qsort(q.at, q.n, sizeof(q.at[0]), by_offset);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	size_t from = 0;
	for (size_t i = 0; i < q.n; i++) {
		size_t at = (size_t)q.at[i] - skip;
		strbuf_append(&sb, text + from, at - from);
		strbuf_printf(&sb, "%s.", schema);
		from = at;
	}
	strbuf_puts(&sb, text + from);
	const char *out = sb.failed ? text : arena_strndup(a, sb.data, sb.len);
	strbuf_fini(&sb);
	return out;
}
