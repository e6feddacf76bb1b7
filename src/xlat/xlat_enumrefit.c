/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_enumrefit.c: ALTER TYPE ... ADD VALUE / RENAME VALUE of an enum whose labels an index
 * spells (xlat_enumpred.c's membership tests): the ALTER's script drops each such index and
 * makes it again, under its name, from its PostgreSQL definition (pg_get_indexdef, read
 * through xlat_env.enum_indexes_fn) translated with the labels as they now are — in the same
 * script, so the ALTER's transaction (and a ROLLBACK) holds both. The definition's labels
 * ('x'::type) read as the bare 'x' the CREATE INDEX was written with, and RENAME VALUE's old
 * label as the new one. */
#include "xlat_int.h"

#include <pg_query.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

struct relabel {
	const char *type, *from, *to;
	struct arena *a;
	/* the constants changed, each one's own text (libpg_query frees it with the tree) */
	PgQuery__String **hits;
	char **was;
	size_t n, cap;
	/* the casts 'x'::type read as the bare 'x' (as CREATE INDEX was written: the translator
	 * compares a column with a cast label through the enum's collation), each one's cast */
	PgQuery__Node **casts;
	PgQuery__TypeCast **cast_was;
	size_t ncasts, casts_cap;
};

static void relabel(struct relabel *r, PgQuery__Node *n);

/* str's text becomes r->to until restore() puts its own back. */
static void hit(struct relabel *r, PgQuery__String *str)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 8;
		PgQuery__String **h = arena_zalloc(r->a, cap * sizeof(*h));
		char **w = arena_zalloc(r->a, cap * sizeof(*w));
		if (r->n) {
			memcpy(h, r->hits, r->n * sizeof(*h));
			memcpy(w, r->was, r->n * sizeof(*w));
		}
		r->hits = h;
		r->was = w;
		r->cap = cap;
	}
	r->hits[r->n] = str;
	r->was[r->n++] = str->sval;
	str->sval = (char *)r->to;
}

/* Cast node n (of a string constant) reads as its constant until restore(). */
static void uncast(struct relabel *r, PgQuery__Node *n)
{
	if (r->ncasts == r->casts_cap) {
		size_t cap = r->casts_cap ? 2 * r->casts_cap : 8;
		PgQuery__Node **v = arena_zalloc(r->a, cap * sizeof(*v));
		PgQuery__TypeCast **w = arena_zalloc(r->a, cap * sizeof(*w));
		if (r->ncasts) {
			memcpy(v, r->casts, r->ncasts * sizeof(*v));
			memcpy(w, r->cast_was, r->ncasts * sizeof(*w));
		}
		r->casts = v;
		r->cast_was = w;
		r->casts_cap = cap;
	}
	r->casts[r->ncasts] = n;
	r->cast_was[r->ncasts++] = n->type_cast;
	PgQuery__AConst *k = n->type_cast->arg->a_const;
	n->node_case = NODE(A_CONST);
	n->a_const = k;
}

static void restore(struct relabel *r)
{
	for (size_t i = r->ncasts; i-- > 0;) {
		r->casts[i]->node_case = NODE(TYPE_CAST);
		r->casts[i]->type_cast = r->cast_was[i];
	}
	r->ncasts = 0;
	for (size_t i = 0; i < r->n; i++)
		r->hits[i]->sval = r->was[i];
	r->n = 0;
}

static bool same(const char *a, const char *b) { return a && strcmp(a, b) == 0; }

static void relabel_all(struct relabel *r, PgQuery__Node **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		relabel(r, v[i]);
}

/* 'from'::type as 'to'::type, wherever the expression holds it. */
static void relabel(struct relabel *r, PgQuery__Node *n)
{
	if (!n)
		return;
	switch (n->node_case) {
	case NODE(TYPE_CAST): {
		PgQuery__TypeCast *t = n->type_cast;
		PgQuery__Node *a = t->arg;
		const PgQuery__TypeName *tn = t->type_name;
		if (a && a->node_case == NODE(A_CONST) && !a->a_const->isnull &&
		    a->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL && tn && tn->n_names &&
		    !tn->n_array_bounds &&
		    same(xlat_node_str(tn->names[tn->n_names - 1]), r->type)) {
			if (r->from && strcmp(a->a_const->sval->sval, r->from) == 0)
				hit(r, a->a_const->sval);
			uncast(r, n);
		} else {
			relabel(r, a);
		}
		break;
	}
	case NODE(A_EXPR):
		relabel(r, n->a_expr->lexpr);
		relabel(r, n->a_expr->rexpr);
		break;
	case NODE(BOOL_EXPR):
		relabel_all(r, n->bool_expr->args, n->bool_expr->n_args);
		break;
	case NODE(LIST):
		relabel_all(r, n->list->items, n->list->n_items);
		break;
	case NODE(NULL_TEST):
		relabel(r, n->null_test->arg);
		break;
	case NODE(BOOLEAN_TEST):
		relabel(r, n->boolean_test->arg);
		break;
	case NODE(FUNC_CALL):
		relabel_all(r, n->func_call->args, n->func_call->n_args);
		break;
	case NODE(COALESCE_EXPR):
		relabel_all(r, n->coalesce_expr->args, n->coalesce_expr->n_args);
		break;
	case NODE(A_ARRAY_EXPR):
		relabel_all(r, n->a_array_expr->elements, n->a_array_expr->n_elements);
		break;
	case NODE(CASE_EXPR):
		relabel(r, n->case_expr->arg);
		relabel_all(r, n->case_expr->args, n->case_expr->n_args);
		relabel(r, n->case_expr->defresult);
		break;
	case NODE(CASE_WHEN):
		relabel(r, n->case_when->expr);
		relabel(r, n->case_when->result);
		break;
	default:
		break;
	}
}

/* One index: "; DROP INDEX name; CREATE ..." from its definition def. */
static bool refit(struct xlat_ctx *c, const char *name, const char *def, struct relabel *r)
{
	if (!def)
		return xlat_unsupported(c, -1,
					"ALTER TYPE of an enum an index without a "
					"definition orders");
	PgQuery__ParseResult *tree = xlat_parse_tree(def, NULL);
	PgQuery__Node *n = tree && tree->n_stmts == 1 ? tree->stmts[0]->stmt : NULL;
	bool ok;
	if (!n || n->node_case != NODE(INDEX_STMT)) {
		ok = xlat_fail(c, SQLSTATE_INTERNAL_ERROR, -1,
			       "index \"%s\": cannot read back \"%s\"", name, def);
	} else {
		PgQuery__IndexStmt *s = n->index_stmt;
		for (size_t i = 0; i < s->n_index_params; i++)
			relabel(r, s->index_params[i]->index_elem->expr);
		relabel(r, s->where_clause);
		xlat_puts(c, "; DROP INDEX main.");
		xlat_ident(c, name);
		xlat_puts(c, "; ");
		struct xlat_stmt saved =
			*c->st; /* the ALTER TYPE's, which CREATE INDEX's would be */
		ok = xlat_stmt_index(c, s);
		*c->st = saved;
		restore(r);
	}
	if (tree)
		pg_query__parse_result__free_unpacked(tree, NULL);
	return ok;
}

/* The schema with type's labels as the ALTER made them (the pending model xlat_enum.c keeps
 * for later statements), which the kept PostgreSQL text is printed with (xlat_ruleutils.c). */
static const struct xlat_schema *with_labels(struct xlat_ctx *c, const char *type)
{
	const struct xlat_enum *now = xlat_enum_by_name(c, type);
	struct xlat_schema *sc = arena_zalloc(c->a, sizeof(*sc));
	*sc = *c->schema;
	if (!now || !sc->nenums)
		return sc;
	struct xlat_enum *v = arena_zalloc(c->a, sc->nenums * sizeof(*v));
	memcpy(v, c->schema->enums, sc->nenums * sizeof(*v));
	for (size_t i = 0; i < sc->nenums; i++)
		if (strcmp(v[i].name, type) == 0)
			v[i] = *now;
	sc->enums = v;
	return sc;
}

bool xlat_enumrefit_available(const struct xlat_ctx *c)
{
	return c->env && c->env->enum_indexes_fn && c->schema && !c->earlier_ddl;
}

bool xlat_enumrefit(struct xlat_ctx *c, const char *type, const char *from, const char *to)
{
	if (!xlat_enumrefit_available(c))
		return true;
	size_t n = 0;
	const char *const *v = c->env->enum_indexes_fn(c->env->session_arg, type, c->a, &n);
	struct relabel r = {.type = type, .from = from, .to = to, .a = c->a};
	xlat_nocache(c); /* the script names the indexes there are now */
	const struct xlat_schema *had = c->schema;
	c->schema = with_labels(c, type);
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++)
		ok = refit(c, v[2 * i], v[2 * i + 1], &r);
	c->schema = had;
	return ok;
}

bool xlat_enumrefit_rename(struct xlat_ctx *c, const char *type, const char *to)
{
	if (!xlat_enumrefit_available(c) || !c->schema->nenums)
		return true;
	size_t n = 0;
	const char *const *v = c->env->enum_indexes_fn(c->env->session_arg, type, c->a, &n);
	struct relabel r = {.type = type, .a = c->a};
	xlat_nocache(c); /* the script names the indexes there are now */
	/* the schema with the enum renamed: the indexes' marks spell the new name */
	struct xlat_schema *sc = arena_zalloc(c->a, sizeof(*sc));
	*sc = *c->schema;
	struct xlat_enum *e = arena_zalloc(c->a, sc->nenums * sizeof(*e));
	memcpy(e, c->schema->enums, sc->nenums * sizeof(*e));
	for (size_t i = 0; i < sc->nenums; i++)
		if (strcmp(e[i].name, type) == 0)
			e[i].name = arena_strdup(c->a, to);
	sc->enums = e;
	const struct xlat_schema *had = c->schema;
	c->schema = sc;
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++)
		ok = refit(c, v[2 * i], v[2 * i + 1], &r);
	c->schema = had;
	return ok;
}
