/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_citext.c: the citext extension's case-insensitive text in expressions. A citext column
 * is declared `citext COLLATE NOCASE`: SQLite's built-in collation, which every SQLite tool
 * has, folds ASCII letters only, exactly what citext's lower() does under the database's C
 * collation, so its comparisons, keys, indexes, ORDER BY, GROUP BY and DISTINCT are citext's.
 * Elsewhere the translator gives NOCASE (or BINARY) to the comparisons whose operator
 * PostgreSQL resolves to citext's (or to text's), and reads LIKE and ~ of a citext as ILIKE
 * and ~*, as citext's operators do. */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

_Static_assert(XLAT_OID_CITEXT == PGTYPE_CITEXT && XLAT_OID_CITEXT_ARRAY == PGTYPE_CITEXT_ARRAY,
	       "citext's OIDs are pgtype's");

bool xlat_citext_exists(struct xlat_ctx *c)
{
	return !c->env || !c->env->schema || (c->env->extensions & XLAT_EXT_CITEXT);
}

static bool stringish(uint32_t oid)
{
	return oid == XLAT_OID_TEXT || oid == XLAT_OID_VARCHAR || oid == XLAT_OID_BPCHAR ||
	       oid == XLAT_OID_NAME;
}

const char *xlat_citext_collation(uint32_t l, uint32_t r)
{
	if (l != XLAT_OID_CITEXT && r != XLAT_OID_CITEXT)
		return NULL;
	uint32_t other = l == XLAT_OID_CITEXT ? r : l;
	if (other == XLAT_OID_CITEXT || other == XLAT_OID_UNKNOWN)
		return " COLLATE NOCASE"; /* citext's operator (an untyped literal becomes citext) */
	/* citext → text is implicit, text → citext only an assignment: text's operator */
	return stringish(other) ? " COLLATE BINARY" : NULL;
}

bool xlat_citext_operand(struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct xlat_type t = {0, -1};
	if (!n || !xlat_scope_dry_expr(c, n, &t)) {
		pgerr_clear(c->err); /* the operand's own translation reports it */
		return false;
	}
	return t.oid == XLAT_OID_CITEXT;
}

/* citext's own overloads (citext--1.4.sql), PostgreSQL's choice when the first argument is a
 * citext and each other citext parameter a citext or an untyped literal: their SQL bodies, $n
 * the call's arguments; 'F' stands for the flags (with i). */
struct folding_fn {
	const char *name;
	int nargs;
	unsigned citext_args; /* bit i: parameter i+1 is citext */
	const char *body;
};

static const struct folding_fn folding_fns[] = {
	{"strpos", 2, 3,
	 "pg_catalog.strpos(pg_catalog.lower(($1)::pg_catalog.text), "
	 "pg_catalog.lower(($2)::pg_catalog.text))"},
	{"replace", 3, 7,
	 "pg_catalog.regexp_replace(($1)::pg_catalog.text, "
	 "pg_catalog.regexp_replace(($2)::pg_catalog.text, '([^a-zA-Z_0-9])', '\\\\\\1', 'g'), "
	 "($3)::pg_catalog.text, 'gi')"},
	{"split_part", 3, 3,
	 "(pg_catalog.regexp_split_to_array(($1)::pg_catalog.text, "
	 "pg_catalog.regexp_replace(($2)::pg_catalog.text, '([^a-zA-Z_0-9])', '\\\\\\1', 'g'), "
	 "'i'))[$3]"},
	{"translate", 3, 3,
	 "pg_catalog.translate(pg_catalog.translate(($1)::pg_catalog.text, "
	 "pg_catalog.lower(($2)::pg_catalog.text), ($3)::pg_catalog.text), "
	 "pg_catalog.upper(($2)::pg_catalog.text), ($3)::pg_catalog.text)"},
	{"regexp_match", 2, 3,
	 "pg_catalog.regexp_match(($1)::pg_catalog.text, ($2)::pg_catalog.text, F)"},
	{"regexp_match", 3, 3,
	 "pg_catalog.regexp_match(($1)::pg_catalog.text, ($2)::pg_catalog.text, F)"},
	{"regexp_replace", 3, 3,
	 "pg_catalog.regexp_replace(($1)::pg_catalog.text, ($2)::pg_catalog.text, $3, F)"},
	{"regexp_replace", 4, 3,
	 "pg_catalog.regexp_replace(($1)::pg_catalog.text, ($2)::pg_catalog.text, $3, F)"},
	{"regexp_split_to_array", 2, 3,
	 "pg_catalog.regexp_split_to_array(($1)::pg_catalog.text, ($2)::pg_catalog.text, F)"},
	{"regexp_split_to_array", 3, 3,
	 "pg_catalog.regexp_split_to_array(($1)::pg_catalog.text, ($2)::pg_catalog.text, F)"},
};

struct subst {
	PgQuery__Node *const *args;
	size_t n;
};

/* Puts the call's arguments in place of the body's $n (not looking inside them: their own
 * parameters are the client's). */
static bool subst_params(void *arg, const ProtobufCMessage *m)
{
	const struct subst *s = arg;
	if (m->descriptor == &pg_query__node__descriptor) {
		PgQuery__Node *n = (PgQuery__Node *)m; /* the body's own tree, in the arena */
		if (n->node_case == PG_QUERY__NODE__NODE_PARAM_REF && n->param_ref->number >= 1 &&
		    (size_t)n->param_ref->number <= s->n) {
			*n = *s->args[n->param_ref->number - 1];
			return true;
		}
	}
	return xlat_tree_each(m, subst_params, arg);
}

static uint32_t dry_type(struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct xlat_type t = {0, -1};
	bool ok = xlat_scope_dry_expr(c, n, &t);
	pgerr_clear(c->err);
	return ok ? t.oid : 0;
}

/* The flags of citext's regexp functions: the given ones (a literal) with i, unless they ask
 * for c; NULL when they are no literal. */
static const char *fold_flags(struct xlat_ctx *c, const PgQuery__FuncCall *f, int at)
{
	if (f->n_args <= (size_t)at)
		return "'i'";
	const PgQuery__Node *g = f->args[at];
	if (g->node_case != PG_QUERY__NODE__NODE_A_CONST || g->a_const->isnull ||
	    g->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return NULL;
	const char *v = g->a_const->sval->sval;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_put_quoted(&sb, strchr(v, 'c') ? v : arena_printf(c->a, "%si", v), '\'');
	const char *q = arena_strdup(c->a, sb.data ? sb.data : "''");
	strbuf_fini(&sb);
	return q;
}

const char *xlat_citext_regexp_flags(struct xlat_ctx *c, const PgQuery__FuncCall *f, bool *failed)
{
	*failed = false;
	if (f->n_args < 2 || f->n_args > 3 || dry_type(c, f->args[0]) != XLAT_OID_CITEXT)
		return NULL;
	uint32_t re = dry_type(c, f->args[1]);
	if (re != XLAT_OID_CITEXT && re != XLAT_OID_UNKNOWN)
		return NULL; /* text's function */
	const char *flags = fold_flags(c, f, 2);
	if (!flags)
		*failed = !xlat_unsupported(c, f->location,
					    "regexp_matches() of a citext with flags that are no "
					    "literal");
	return flags;
}

int xlat_citext_fn(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		   struct xlat_type *t)
{
	const struct folding_fn *ff = NULL;
	for (size_t i = 0; name && i < ARRAY_LEN(folding_fns); i++)
		if (strcmp(name, folding_fns[i].name) == 0 &&
		    (size_t)folding_fns[i].nargs == f->n_args && !f->agg_star && !f->over)
			ff = &folding_fns[i];
	if (!ff || dry_type(c, f->args[0]) != XLAT_OID_CITEXT)
		return 0;
	for (int i = 1; i < ff->nargs; i++) {
		uint32_t at = (ff->citext_args >> i) & 1 ? dry_type(c, f->args[i])
							 : XLAT_OID_CITEXT;
		if (at != XLAT_OID_CITEXT && at != XLAT_OID_UNKNOWN)
			return 0; /* text's function: citext → text is the implicit cast */
	}
	const char *body = ff->body;
	const char *flag = strstr(body, ", F)");
	if (flag) {
		int at = strcmp(name, "regexp_replace") == 0 ? 3 : 2;
		if (at == 3 && f->n_args == 4 && dry_type(c, f->args[3]) != XLAT_OID_UNKNOWN &&
		    dry_type(c, f->args[3]) != XLAT_OID_TEXT)
			return 0; /* regexp_replace(s, re, r, start): text's */
		const char *flags = fold_flags(c, f, at);
		if (!flags) {
			xlat_unsupported(c, f->location,
					 arena_printf(c->a,
						      "%s() of a citext with flags that are "
						      "no literal",
						      name));
			return -1;
		}
		body = arena_printf(c->a, "%.*s, %s)%s", (int)(flag - body), body, flags, flag + 4);
	}
	PgQuery__Node *tree = xlat_parse_expr(c->a, body);
	ASSERT(tree);
	struct subst s = {f->args, f->n_args};
	if (!subst_params(&s, &tree->base))
		return -1;
	return xlat_expr(c, tree, t) ? 1 : -1;
}

bool xlat_citext_any_check(struct xlat_ctx *c, const PgQuery__AExpr *e)
{
	struct xlat_type t = {0, -1};
	bool arr = e->rexpr && xlat_scope_dry_expr(c, e->rexpr, &t) &&
		   t.oid == XLAT_OID_CITEXT_ARRAY;
	pgerr_clear(c->err);
	if (!arr && !xlat_citext_operand(c, e->lexpr))
		return true;
	return xlat_unsupported(c, e->location, "ANY/ALL (array) of citext values");
}

bool xlat_citext_array_cmp_check(struct xlat_ctx *c, uint32_t l, uint32_t r, int location)
{
	if (l != XLAT_OID_CITEXT_ARRAY && r != XLAT_OID_CITEXT_ARRAY)
		return true;
	return xlat_unsupported(c, location, "comparing citext[] values");
}

bool xlat_citext_similar_check(struct xlat_ctx *c, const PgQuery__AExpr *e)
{
	if (!xlat_citext_operand(c, e->lexpr))
		return true;
	return xlat_unsupported(c, e->location, "SIMILAR TO of a citext");
}
